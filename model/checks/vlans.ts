/**
 * vlans: a VLAN must be usable on every device that carries it, and exist where it is used.
 * Codes: E_VLAN_RANGE (above the platform's maxVlan), E_VLAN_RESERVED (reserved by the platform,
 * e.g. 4064-4094 on CloudEngine, 3968-4094 on NX-OS; reported once per VLAN and platform),
 * E_VLAN_NOT_AT_SITE (a port or gateway uses a VLAN that is not defined at the device's site).
 * A device carries a VLAN when a port, its management or a gateway names it, or when it is an L2
 * switch at one of the VLAN's sites.
 */
import { CAPABILITIES } from "../capabilities";
import type { Interface, Lag, PlatformName } from "../types";
import type { Check, CheckContext } from "./context";

export const vlans: Check = (ctx) => {
  const inv = ctx.inv;
  const reserved = new Map<PlatformName, Set<number>>();
  for (const [name, caps] of Object.entries(CAPABILITIES)) reserved.set(name as PlatformName, new Set(caps.reservedVlans));
  const reported = new Set<string>();

  const usable = (id: number, platform: PlatformName, device: string, path: string) => {
    const key = `${id}|${platform}`;
    if (reported.has(key)) return;
    const caps = CAPABILITIES[platform];
    if (id < 1 || id > caps.maxVlan) {
      reported.add(key);
      ctx.error("E_VLAN_RANGE", path, `VLAN ${id} is out of range on ${platform} (device ${device}): 1..${caps.maxVlan}`, `use a VLAN ID between 1 and ${caps.maxVlan}`);
    } else if (reserved.get(platform)!.has(id)) {
      reported.add(key);
      const r = caps.reservedVlans;
      ctx.error("E_VLAN_RESERVED", path, `VLAN ${id} is reserved on ${platform} (device ${device}; reserved ${r[0]}-${r[r.length - 1]})`, `pick a VLAN ID outside ${r[0]}-${r[r.length - 1]} for VLANs that ${platform} devices carry`);
    }
  };

  const atSite = (ctx: CheckContext, id: number, site: string, device: string, path: string) => {
    const vi = ctx.vlans.get(id);
    if (vi === undefined) return; // unknown VLAN: the references check says so
    const v = inv.vlans[vi]!;
    if (!v.sites.includes(site)) {
      ctx.error("E_VLAN_NOT_AT_SITE", path, `VLAN ${id} (${v.name}) is used on ${device} at site ${site}, but is defined only at ${v.sites.join(", ")}`, `add ${site} to the sites of VLAN ${id}, or use a VLAN that exists at ${site}`);
    }
  };

  // VLAN IDs present at each site, for the per-port lookups.
  const atSiteIds = new Map<string, Set<number>>();
  for (const v of inv.vlans) {
    for (const s of v.sites) {
      let set = atSiteIds.get(s);
      if (!set) atSiteIds.set(s, (set = new Set()));
      set.add(v.id);
    }
  }
  const noSet = new Set<number>();
  inv.devices.forEach((d, di) => {
    const limited = reserved.get(d.platform)!.size > 0 || CAPABILITIES[d.platform].maxVlan < 4094;
    const here = atSiteIds.get(d.site) ?? noSet;
    // Paths are built only when something is wrong (this loop sees every port of every device).
    const one = (id: number | undefined, path: () => string) => {
      if (id === undefined) return;
      if (limited) usable(id, d.platform, d.name, path());
      if (!here.has(id) && ctx.vlans.has(id)) atSite(ctx, id, d.site, d.name, path());
    };
    const port = (x: Interface | Lag, kind: string, i: number) => {
      one(x.vlan, () => `/devices/${di}/${kind}/${i}/vlan`);
      if (x.native !== undefined && x.native !== x.vlan) one(x.native, () => `/devices/${di}/${kind}/${i}/native`);
      const a = x.allowed;
      if (Array.isArray(a)) for (let k = 0; k < a.length; k++) one(a[k], () => `/devices/${di}/${kind}/${i}/allowed/${k}`);
    };
    const ifs = d.interfaces;
    for (let i = 0; i < ifs.length; i++) port(ifs[i]!, "interfaces", i);
    d.lags.forEach((x, i) => port(x, "lags", i));
    one(d.management.vlan, () => `/devices/${di}/management/vlan`);
  });

  // Gateways, and L2 switches at the VLAN's sites (they will carry it).
  const l2BySite = new Map<string, Map<PlatformName, string>>();
  for (const d of inv.devices) {
    if (!CAPABILITIES[d.platform].features.includes("l2")) continue;
    let m = l2BySite.get(d.site);
    if (!m) l2BySite.set(d.site, (m = new Map()));
    if (!m.has(d.platform)) m.set(d.platform, d.name);
  }
  inv.vlans.forEach((v, vi) => {
    v.gateways.forEach((g, gi) => {
      const d = ctx.devices.get(g.device)?.device;
      if (!d) return;
      usable(v.id, d.platform, d.name, `/vlans/${vi}/gateways/${gi}/device`);
      if (!v.sites.includes(d.site)) {
        ctx.error("E_VLAN_NOT_AT_SITE", `/vlans/${vi}/gateways/${gi}/device`, `gateway device ${d.name} is at site ${d.site}, where VLAN ${v.id} is not defined`, `add ${d.site} to the VLAN's sites, or choose a gateway device at ${v.sites.join(", ")}`);
      }
    });
    for (const site of v.sites) {
      for (const [platform, device] of l2BySite.get(site) ?? []) usable(v.id, platform, device, `/vlans/${vi}/id`);
    }
  });
};
