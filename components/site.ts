/**
 * A site: its racks (with their devices), and as its outputs the facts of its VLANs and of the links placed at
 * it (components/facts.ts). The VLANs and links were a component resource each; they configure nothing (a
 * device's configuration is its DeviceConfig), and a resource each cost the engine a step and a checkpoint write
 * apiece, so they are recorded here instead (BENCHMARKS.md section 7).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Link as LinkModel, Site as SiteModel } from "../model/types";
import { Rack } from "./rack";
import type { NetworkDevice } from "./networkDevice";
import { linkFacts, vlanFacts, type LinkFacts, type VlanFacts } from "./facts";
import { linkKey, TYPES, type DeviceBuild, type NetworkBuild } from "./types";

export interface SiteArgs {
  readonly site: SiteModel;
  readonly network: NetworkBuild;
  /** Links recorded under this site (chosen by buildNetwork so each link appears once). */
  readonly links: readonly LinkModel[];
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class Site extends pulumi.ComponentResource {
  readonly racks: readonly Rack[];
  readonly devices: readonly NetworkDevice[];
  /** The site's VLANs, by ID. */
  readonly vlans: readonly VlanFacts[];
  /** The links placed at this site, by their natural key. */
  readonly links: readonly LinkFacts[];
  readonly siteName: string;

  constructor(name: string, args: SiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.site, name, {}, opts);
    const { site, network } = args;
    this.siteName = site.name;
    const inv = network.inventory;
    const devices = [...network.devices.values()].filter((d) => d.device.site === site.name).sort((a, b) => byName(a.device, b.device));
    const cred = { ...(network.credentials !== undefined ? { credentials: network.credentials } : {}), ...(network.checks?.backups ? { backups: true } : {}) };

    const inRack = new Map<string, DeviceBuild[]>();
    const loose: DeviceBuild[] = [];
    for (const d of devices) {
      if (d.device.rack) inRack.set(d.device.rack, [...(inRack.get(d.device.rack) ?? []), d]);
      else loose.push(d);
    }
    // Devices without a rack go into the site's "unracked" rack, so every DeviceConfig has the same parent
    // chain (Site > Rack > Switch): racking a device later keeps its URN and never re-creates its config.
    const racks = inv.racks.filter((r) => r.site === site.name).slice().sort(byName);
    if (loose.length > 0) {
      const name = `${site.name}:unracked`;
      racks.push({ name, site: site.name, height: 0, description: "devices without a rack position" });
      inRack.set(name, loose);
    }
    this.racks = racks.map((r) => new Rack(r.name, { rack: r, devices: inRack.get(r.name) ?? [], ...cred }, { parent: this }));
    this.devices = this.racks.flatMap((r) => r.devices);

    this.vlans = inv.vlans
      .filter((v) => v.sites.includes(site.name))
      .slice()
      .sort((a, b) => a.id - b.id)
      .map((v) => {
        const carriers = devices.filter((d) => d.intent.vlans.some((x) => x.id === v.id)).map((d) => d.device.name);
        const stretched = inv.dr.some((p) => v.sites.includes(p.site) && v.sites.includes(p.protects));
        return vlanFacts(v, carriers, stretched);
      });
    this.links = args.links
      .slice()
      .sort((a, b) => (linkKey(a) < linkKey(b) ? -1 : 1))
      .map(linkFacts);

    this.registerOutputs({
      site: site.name,
      role: site.role,
      racks: this.racks.length,
      devices: this.devices.map((s) => s.device),
      vlans: this.vlans,
      links: this.links,
    });
  }
}
