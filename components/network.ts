/** Builds the components of the chosen sites: Site (or DrSite around a DR site), each link recorded once. */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic, Link as LinkModel } from "../model/types";
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
  return { sites };
}
