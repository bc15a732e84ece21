/** Builds the components of the chosen sites: Site (or DrSite around a DR site), each link recorded once. */
import * as pulumi from "@pulumi/pulumi";
import type * as command from "@pulumi/command";
import type { Diagnostic, Link as LinkModel } from "../model/types";
import { naturalCompare } from "../util/natural";
import { configDigest, siteVerification } from "./checks";
import { DrSite } from "./drSite";
import { Site } from "./site";
import type { NetworkBuild } from "./types";

export interface NetworkArgs {
  readonly network: NetworkBuild;
  /** Sites to build, by name; empty: all. */
  readonly sites: readonly string[];
  /** DR parity diagnostics (codes E_DR_*), per DR site name. */
  readonly parity: ReadonlyMap<string, readonly Diagnostic[]>;
}

export interface BuiltNetwork {
  readonly sites: readonly (Site | DrSite)[];
  /** Per site name, its verification (absent when verification is off or the site has no device). */
  readonly verifications: ReadonlyMap<string, command.local.Command>;
}

export function buildNetwork(args: NetworkArgs, opts?: pulumi.ComponentResourceOptions): BuiltNetwork {
  const inv = args.network.inventory;
  const chosen = args.sites.length > 0 ? new Set(args.sites) : new Set(inv.sites.map((s) => s.name));
  for (const name of chosen) {
    if (!inv.sites.some((s) => s.name === name)) throw new Error(`site ${name} is not in the inventory ${inv.name} (sites: ${inv.sites.map((s) => s.name).join(", ")})`);
  }
  const siteOf = new Map(inv.devices.map((d) => [d.name, d.site]));
  // Each link is recorded under the first of its two ends (sorted) whose site is built.
  const linksAt = new Map<string, LinkModel[]>();
  for (const l of inv.links) {
    const ends = [l.a, l.b].sort((x, y) => (`${x.device}:${x.interface}` < `${y.device}:${y.interface}` ? -1 : 1));
    const home = ends.map((e) => siteOf.get(e.device)).find((s): s is string => s !== undefined && chosen.has(s));
    if (home) linksAt.set(home, [...(linksAt.get(home) ?? []), l]);
  }
  const sites = inv.sites
    .filter((s) => chosen.has(s.name))
    .map((s) => {
      const protection = inv.dr.find((p) => p.site === s.name);
      const links = linksAt.get(s.name) ?? [];
      if (protection) {
        return new DrSite(s.name, { site: s, protection, parity: args.parity.get(s.name) ?? [], network: args.network, links }, opts);
      }
      return new Site(s.name, { site: s, network: args.network, links }, opts);
    });
  // Verification in the stack's order of sites (its config), else by name: reordering the inventory changes nothing.
  const inner = sites.map((s) => (s instanceof DrSite ? s.site : s));
  const rank = (n: string) => (args.sites.includes(n) ? args.sites.indexOf(n) : args.sites.length);
  const ordered = [...inner].sort((a, b) => rank(a.siteName) - rank(b.siteName) || naturalCompare(a.siteName, b.siteName));
  return { sites, verifications: verifySites(args, ordered) };
}

/**
 * One verification per site that has devices, in the order the sites are built, each after the previous one
 * (the data-plane checks of two sites never run at the same time: an isolation check borrows an address in a
 * host's namespace). A site's verification covers its devices and, with data-plane checks, the checks between
 * its hosts and those of the sites before it, so its digest covers those sites' devices too.
 */
function verifySites(args: NetworkArgs, sites: readonly Site[]): Map<string, command.local.Command> {
  const out = new Map<string, command.local.Command>();
  const base = args.network.checks?.verify;
  if (!base) return out;
  let previous: command.local.Command | undefined;
  const done: Site[] = [];
  for (const site of sites) {
    const name = site.siteName;
    if (site.devices.length === 0) continue;
    const peers = base.dataPlane ? done.map((s) => s.siteName) : [];
    const spec = { ...base, site: name, peers };
    const covered = [site, ...done.filter((s) => peers.includes(s.siteName))].flatMap((s) => s.devices);
    const digest = configDigest(covered.map((d) => d.digestInput), spec);
    const dependsOn = [...site.devices.map((d) => d.config), ...(previous ? [previous] : [])];
    previous = siteVerification(spec, digest, args.network.credentials, { parent: site, dependsOn });
    out.set(name, previous);
    done.push(site);
  }
  return out;
}
