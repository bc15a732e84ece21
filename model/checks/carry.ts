/**
 * carry: a VLAN that a device uses on access ports or as a gateway, and that other devices use too,
 * must leave the device on some trunk, or its hosts are cut off from the rest of the VLAN.
 * Code: W_VLAN_NOT_CARRIED (a warning: a device may be alone in a VLAN on purpose). Linear: one
 * pass over ports, one over VLAN gateways.
 */
import type { Check } from "./context";

export const carry: Check = (ctx) => {
  const inv = ctx.inv;
  // VLAN -> devices using it locally (access ports, gateways), with the first path on each device.
  const users = new Map<number, Map<string, () => string>>();
  const use = (vlan: number, device: string, path: () => string) => {
    let m = users.get(vlan);
    if (!m) users.set(vlan, (m = new Map()));
    if (!m.has(device)) m.set(device, path);
  };
  // device -> VLANs its trunks carry ("all" = every VLAN)
  const carried = new Map<string, Set<number> | "all">();
  inv.devices.forEach((d, di) => {
    let set: Set<number> | "all" = new Set();
    const port = (x: { mode?: string; vlan?: number; allowed?: readonly number[] | "all"; native?: number }, path: () => string) => {
      if (x.mode === "access" && x.vlan !== undefined) use(x.vlan, d.name, path);
      else if (x.mode === "trunk" && set !== "all") {
        if (x.allowed === undefined || x.allowed === "all") set = "all";
        else for (const v of x.allowed) set.add(v);
      }
    };
    d.interfaces.forEach((x, i) => {
      if (x.lag === undefined) port(x, () => `/devices/${di}/interfaces/${i}/vlan`);
    });
    d.lags.forEach((x, i) => port(x, () => `/devices/${di}/lags/${i}/vlan`));
    carried.set(d.name, set);
  });
  inv.vlans.forEach((v, vi) => v.gateways.forEach((g, gi) => use(v.id, g.device, () => `/vlans/${vi}/gateways/${gi}/device`)));

  for (const [vlan, devices] of users) {
    if (devices.size < 2) continue;
    for (const [device, path] of devices) {
      const c = carried.get(device);
      if (c === undefined || c === "all" || c.has(vlan)) continue;
      ctx.warn("W_VLAN_NOT_CARRIED", path(), `VLAN ${vlan} is used on ${device}, but no trunk of ${device} carries it to the other ${devices.size - 1} device(s) in the VLAN`, `add ${vlan} to the allowed VLANs of ${device}'s uplink trunk (both ends)`);
    }
  }
};
