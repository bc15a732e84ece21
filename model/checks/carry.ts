/**
 * carry: a VLAN that a device uses on access ports or as a gateway, and that other devices use too,
 * must leave the device on some port towards another switch, or its hosts are cut off from the rest
 * of the VLAN. A device carries a VLAN out on a trunk that allows it, or on an access port (or access
 * LAG) in that VLAN that is cabled to another device, or (a router that is the VLAN's gateway) on a port
 * cabled to a switch's access port in that VLAN. Code: W_VLAN_NOT_CARRIED (a warning: a device
 * may be alone in a VLAN on purpose). Linear: one pass over ports, one over VLAN gateways.
 */
import { endpointKey, type Check } from "./context";

export const carry: Check = (ctx) => {
  const inv = ctx.inv;
  // VLAN -> devices using it locally (access ports, gateways), with the first path on each device.
  const users = new Map<number, Map<string, () => string>>();
  const use = (vlan: number, device: string, path: () => string) => {
    let m = users.get(vlan);
    if (!m) users.set(vlan, (m = new Map()));
    if (!m.has(device)) m.set(device, path);
  };
  // device -> VLANs it carries to other devices ("all" = every VLAN), and its trunks (for the hint)
  const carried = new Map<string, Set<number> | "all">();
  const trunks = new Map<string, string[]>();
  // A cable to another device on the port itself or (for a LAG) on one of its members.
  const cabledPort = (device: string, p: string): boolean => (ctx.portUses.get(endpointKey(device, p)) ?? []).some((u) => u.what.startsWith("link "));
  const cabled = (device: string, name: string, members: readonly string[] | undefined): boolean =>
    cabledPort(device, name) || (members !== undefined && members.some((p) => cabledPort(device, p)));
  inv.devices.forEach((d, di) => {
    if (carried.has(d.name)) return; // a second device of that name: E_DUPLICATE
    let set: Set<number> | "all" = new Set();
    const ownTrunks: string[] = [];
    const members = new Map<string, string[]>();
    for (const x of d.interfaces) {
      if (x.lag === undefined) continue;
      const list = members.get(x.lag);
      if (list) list.push(x.name);
      else members.set(x.lag, [x.name]);
    }
    const port = (x: { name: string; mode?: string; vlan?: number; allowed?: readonly number[] | "all" }, path: () => string) => {
      if (x.mode === "access" && x.vlan !== undefined) {
        use(x.vlan, d.name, path);
        if (set !== "all" && cabled(d.name, x.name, members.get(x.name))) set.add(x.vlan);
      } else if (x.mode === "trunk") {
        ownTrunks.push(x.name);
        if (set === "all") return;
        if (x.allowed === undefined || x.allowed === "all") set = "all";
        else for (const v of x.allowed) set.add(v);
      }
    };
    d.interfaces.forEach((x, i) => {
      if (x.lag === undefined) port(x, () => `/devices/${di}/interfaces/${i}/vlan`);
    });
    d.lags.forEach((x, i) => port(x, () => `/devices/${di}/lags/${i}/vlan`));
    carried.set(d.name, set);
    trunks.set(d.name, ownTrunks);
  });
  // A router (no layer-2 port) is a VLAN's gateway on the port cabled to a switch's access port in that
  // VLAN, as the intent derives it: that port carries the VLAN. One pass over the links.
  const ports = new Map<string, { mode?: string; vlan?: number }>();
  for (const d of inv.devices) for (const x of d.interfaces) ports.set(endpointKey(d.name, x.name), x);
  const faces = new Map<string, Set<number>>();
  const face = (near: { device: string; interface: string }, far: { device: string; interface: string }) => {
    const n = ports.get(endpointKey(near.device, near.interface));
    const f = ports.get(endpointKey(far.device, far.interface));
    if (!n || f?.mode !== "access" || f.vlan === undefined) return;
    let set = faces.get(near.device);
    if (!set) faces.set(near.device, (set = new Set()));
    set.add(f.vlan);
  };
  for (const l of inv.links) {
    face(l.a, l.b);
    face(l.b, l.a);
  }
  inv.vlans.forEach((v, vi) => v.gateways.forEach((g, gi) => {
    use(v.id, g.device, () => `/vlans/${vi}/gateways/${gi}/device`);
    const c = carried.get(g.device);
    if (c !== undefined && c !== "all" && faces.get(g.device)?.has(v.id)) c.add(v.id);
  }));

  for (const [vlan, devices] of users) {
    if (devices.size < 2) continue;
    for (const [device, path] of devices) {
      const c = carried.get(device);
      if (c === undefined || c === "all" || c.has(vlan)) continue;
      const own = trunks.get(device) ?? [];
      const hint = own.length
        ? `add ${vlan} to the allowed VLANs of ${device} ${own.slice(0, 3).join(", ")}${own.length > 3 ? ", ..." : ""} (the trunk towards the other devices, on both ends of its link)`
        : `cable ${device} to the other devices of VLAN ${vlan}: a trunk that allows ${vlan}, or an access port in VLAN ${vlan}, with a link to a switch in the VLAN`;
      ctx.warn("W_VLAN_NOT_CARRIED", path(), `VLAN ${vlan} is used on ${device}, but no port of ${device} carries it to the other ${devices.size - 1} device(s) in the VLAN`, hint);
    }
  }
};
