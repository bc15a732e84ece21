/**
 * platform: refuse what a platform cannot do before anything is rendered (features in
 * platforms/capabilities.ts). Code: E_PLATFORM_FEATURE (access/trunk ports without l2, LAGs without
 * lag, VLAN gateways without gateway, VRRP without vrrp, static routes, BGP, routed ports on a
 * pure L2 platform, an LACP mode the platform lacks), W_VRF_RD_UNUSED (a VRF's route distinguisher on a
 * device whose platform keeps it in the BGP process, without BGP there: it is not set).
 */
import { CAPABILITIES } from "../capabilities";
import type { Check } from "./context";

type Feature = (typeof CAPABILITIES)["ovs"]["features"][number];

export const platform: Check = (ctx) => {
  const inv = ctx.inv;
  const can = (p: keyof typeof CAPABILITIES, f: Feature) => CAPABILITIES[p].features.includes(f);
  const bgpLinked = new Set<string>();
  for (const l of inv.links) if (l.bgp) bgpLinked.add(l.a.device).add(l.b.device);
  const gatewayVrfs = new Map<string, string[]>();
  for (const v of inv.vlans) {
    if (!v.vrf) continue;
    for (const g of v.gateways) gatewayVrfs.set(g.device, [...(gatewayVrfs.get(g.device) ?? []), v.vrf]);
  }
  inv.devices.forEach((d, di) => {
    const no = (path: string, what: string, hint: string) =>
      ctx.error("E_PLATFORM_FEATURE", path, `${d.name} (${d.platform}) cannot do ${what}`, hint);
    const l3 = can(d.platform, "gateway");
    const l2 = can(d.platform, "l2");
    const port = (x: { mode?: string; name: string }, path: () => string) => {
      if ((x.mode === "access" || x.mode === "trunk") && !l2) no(path(), `${x.mode} ports (${x.name})`, "use routed ports on this device, or a switch platform for VLANs");
      if (x.mode === "routed" && !l3) no(path(), `routed ports (${x.name})`, "route on a router/L3 switch platform; attach this switch with access or trunk ports");
    };
    if (!l2 || !l3) {
      d.interfaces.forEach((x, i) => port(x, () => `/devices/${di}/interfaces/${i}/mode`));
      d.lags.forEach((x, i) => port(x, () => `/devices/${di}/lags/${i}/mode`));
    }
    if (d.lags.length > 0 && !can(d.platform, "lag")) no(`/devices/${di}/lags`, "LAGs", "remove the LAGs or use a platform with LAG support");
    const lacp = CAPABILITIES[d.platform].lacp;
    d.lags.forEach((l, li) => {
      if (!lacp.includes(l.lacp)) no(`/devices/${di}/lags/${li}/lacp`, `LACP mode ${l.lacp} (${l.name})`, `use lacp: ${lacp.join(" or ")} (an active end forms the LAG with a passive far end)`);
    });
    if (CAPABILITIES[d.platform].rdNeedsBgp && !d.bgp && !bgpLinked.has(d.name)) {
      const used = new Set<string>();
      for (const x of [...d.interfaces, ...d.lags]) if (x.vrf) used.add(x.vrf);
      for (const r of d.routes) if (r.vrf) used.add(r.vrf);
      for (const v of gatewayVrfs.get(d.name) ?? []) used.add(v);
      for (const name of used) {
        const vi = ctx.vrfs.get(name);
        if (vi !== undefined && inv.vrfs[vi]!.rd) {
          ctx.warn("W_VRF_RD_UNUSED", `/vrfs/${vi}/rd`, `${d.name} (${d.platform}) sets a route distinguisher inside BGP, and runs no BGP: VRF ${name}'s rd ${inv.vrfs[vi]!.rd} is not set there`, `run BGP on ${d.name} (bgp: or a link with bgp: true), or accept that the VRF is local to it`);
        }
      }
    }
    if (d.routes.length > 0 && !can(d.platform, "static-routes")) no(`/devices/${di}/routes`, "static routes", "put the routes on a router");
    if (d.bgp && !can(d.platform, "bgp")) no(`/devices/${di}/bgp`, "BGP", "run BGP on a router");
  });
  inv.vlans.forEach((v, vi) => {
    v.gateways.forEach((g, gi) => {
      const d = ctx.devices.get(g.device)?.device;
      if (!d) return;
      if (!can(d.platform, "gateway")) {
        ctx.error("E_PLATFORM_FEATURE", `/vlans/${vi}/gateways/${gi}/device`, `${d.name} (${d.platform}) cannot be a VLAN gateway`, "choose a gateway device with L3 support, or attach a router port to the VLAN");
      } else if (v.gateways.length > 1 && !can(d.platform, "vrrp")) {
        ctx.error("E_PLATFORM_FEATURE", `/vlans/${vi}/gateways/${gi}/device`, `${d.name} (${d.platform}) cannot run VRRP for VLAN ${v.id}`, "use one gateway device, or platforms with VRRP");
      }
    });
  });
};
