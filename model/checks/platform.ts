/**
 * platform: refuse what a platform cannot do before anything is rendered (features in
 * platforms/capabilities.ts). Code: E_PLATFORM_FEATURE (access/trunk ports without l2, LAGs without
 * lag, VLAN gateways without gateway, VRRP without vrrp, static routes, BGP, routed ports on a
 * pure L2 platform).
 */
import { CAPABILITIES } from "../capabilities";
import type { Check } from "./context";

type Feature = (typeof CAPABILITIES)["ovs"]["features"][number];

export const platform: Check = (ctx) => {
  const inv = ctx.inv;
  const can = (p: keyof typeof CAPABILITIES, f: Feature) => CAPABILITIES[p].features.includes(f);
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
