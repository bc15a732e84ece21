/**
 * vlans: a VLAN must be usable on every device that carries it, and exist where it is used.
 * Codes: E_VLAN_RANGE (above the platform's maxVlan), E_VLAN_RESERVED (reserved by the platform,
 * e.g. 4064-4094 on CloudEngine, 3968-4094 on NX-OS; reported once per VLAN and platform),
 * E_VLAN_NOT_AT_SITE (a port or gateway uses a VLAN that is not defined at the device's site).
 * A device carries a VLAN when a port, its management or a gateway names it, or when it is an L2
 * switch at one of the VLAN's sites.
 */
import { CAPABILITIES } from "../../platforms/capabilities";
import type { Platform } from "../types";
import type { Check, CheckContext } from "./context";

export const vlans: Check = (ctx) => {
  const inv = ctx.inv;
  const reserved = new Map<Platform, Set<number>>();
  for (const [name, caps] of Object.entries(CAPABILITIES)) reserved.set(name as Platform, new Set(caps.reservedVlans));
  const reported = new Set<string>();

  const usable = (id: number, platform: Platform, device: string, path: string) => {
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

  inv.devices.forEach((d, di) => {
    const ports = [
      ...d.interfaces.map((x, i) => ({ x, p: `/devices/${di}/interfaces/${i}` })),
      ...d.lags.map((x, i) => ({ x, p: `/devices/${di}/lags/${i}` })),
    ];
    for (const { x, p } of ports) {
      const fields: [number | undefined, string][] = [[x.vlan, `${p}/vlan`], [x.native, `${p}/native`]];
      if (Array.isArray(x.allowed)) x.allowed.forEach((v, k) => fields.push([v, `${p}/allowed/${k}`]));
      const seen = new Set<number>();
      for (const [id, path] of fields) {
        if (id === undefined || seen.has(id)) continue;
        seen.add(id);
        usable(id, d.platform, d.name, path);
        atSite(ctx, id, d.site, d.name, path);
      }
    }
    if (d.management.vlan !== undefined) {
      usable(d.management.vlan, d.platform, d.name, `/devices/${di}/management/vlan`);
      atSite(ctx, d.management.vlan, d.site, d.name, `/devices/${di}/management/vlan`);
    }
  });

  // Gateways, and L2 switches at the VLAN's sites (they will carry it).
  const l2BySite = new Map<string, Map<Platform, string>>();
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
