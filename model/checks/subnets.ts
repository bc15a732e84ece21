/**
 * subnets: addressing that routes. Codes: E_SUBNET_HOST_BITS (a VLAN subnet written with host bits,
 * 10.10.120.1/24), E_SUBNET_OVERLAP (two VLAN subnets overlap in one VRF; sorted sweep, O(n log n)),
 * E_GATEWAY_OUTSIDE (a VLAN gateway, a gateway device's address or a host's gateway outside the
 * subnet, or the network/broadcast address), E_GATEWAY_MISSING (two or more gateway devices but no
 * virtual `gateway:`, or gateways without a subnet), E_HOST_SUBNET (a host outside the subnet of its
 * access VLAN, or with another prefix length), E_HOST_TENANT (a host of one tenant in another
 * tenant's VLAN), E_ADDRESS_DUPLICATE (one address twice in one VRF; a device's management address
 * that is another device's, a host's or a gateway's address). E_SUBNET_HOST_BITS also covers static
 * route prefixes and BGP networks; E_SUBNET_OVERLAP also covers routed ports: two routed ports of one
 * device in overlapping subnets, a routed port inside a VLAN subnet it does not serve, two links
 * sharing one subnet (only the two ends of one link share a routed subnet).
 */
import { contains, formatPrefix, parseIpv4, parsePrefix, usableIn, type Prefix } from "../ip";
import { endpointKey, type Check, type CheckContext } from "./context";

export const subnets: Check = (ctx) => {
  const inv = ctx.inv;
  // `${vrf}|${ip}` -> who has it. A VLAN gateway that no gateway device serves may be taken by one
  // routed port (a router port facing the VLAN is its gateway).
  const addresses = new Map<string, { who: string; open: boolean }>();
  // ip -> who has it, in any VRF, and the device it belongs to (none for hosts and shared gateways)
  const owners = new Map<number, { who: string; device?: string }[]>();
  const claim = (vrf: string | undefined, ip: number | undefined, who: string, path: string, kind: "gateway" | "router" | "other" = "other", device?: string) => {
    if (ip === undefined) return;
    const list = owners.get(ip);
    const owner = device === undefined ? { who } : { who, device };
    if (list) list.push(owner);
    else owners.set(ip, [owner]);
    const key = `${vrf ?? ""}|${ip}`;
    const other = addresses.get(key);
    if (other === undefined) addresses.set(key, { who, open: kind === "gateway" });
    else if (other.open && kind === "router") addresses.set(key, { who, open: false });
    else ctx.error("E_ADDRESS_DUPLICATE", path, `${who} uses an address that ${other.who} already has${vrf ? ` (VRF ${vrf})` : ""}`, "give each interface, gateway and host its own address");
  };

  const perVrf = new Map<string, { p: Prefix; vi: number }[]>();
  const vlanSubnet = new Map<number, Prefix>(); // by VLAN index (IDs in VLAN groups repeat)
  inv.vlans.forEach((v, vi) => {
    const base = `/vlans/${vi}`;
    const p = v.subnet ? parsePrefix(v.subnet) : undefined;
    if (p) {
      if (p.address !== p.network) {
        ctx.error("E_SUBNET_HOST_BITS", `${base}/subnet`, `VLAN ${v.id} subnet ${v.subnet} has host bits set`, `write the network address: ${formatPrefix(p)}`);
      }
      // by VLAN index: a VLAN in a group may share its ID with another group's VLAN (hosts resolve at their site)
      vlanSubnet.set(vi, p);
      const k = v.vrf ?? "";
      const list = perVrf.get(k);
      if (list) list.push({ p, vi });
      else perVrf.set(k, [{ p, vi }]);
    }
    const gw = v.gateway ? parseIpv4(v.gateway) : undefined;
    if (gw !== undefined) {
      if (!p) ctx.error("E_GATEWAY_MISSING", `${base}/gateway`, `VLAN ${v.id} has a gateway but no subnet`, "add `subnet:` with the VLAN's network");
      else if (!usableIn(p, gw)) ctx.error("E_GATEWAY_OUTSIDE", `${base}/gateway`, `VLAN ${v.id} gateway ${v.gateway} is not a usable address of ${v.subnet}`, `use a host address inside ${v.subnet} (not the network or broadcast address)`);
      // One gateway device without an own address has the VLAN gateway as its own address.
      const served = v.gateways.length === 1 && v.gateways[0]!.address === undefined ? v.gateways[0]!.device : undefined;
      claim(v.vrf, gw, `VLAN ${v.id} gateway`, `${base}/gateway`, v.gateways.length === 0 ? "gateway" : "other", served);
    }
    if (v.gateways.length > 0 && !p) {
      ctx.error("E_GATEWAY_MISSING", `${base}/gateways`, `VLAN ${v.id} has gateway devices but no subnet`, "add `subnet:` and `gateway:` to the VLAN");
    } else if (v.gateways.length > 0 && gw === undefined && (v.gateways.length > 1 || v.gateways[0]!.address === undefined)) {
      ctx.error("E_GATEWAY_MISSING", `${base}/gateways`, `VLAN ${v.id} has ${v.gateways.length > 1 ? "several gateway devices (VRRP)" : "a gateway device"} but no \`gateway:\` address`, "add `gateway:` (the virtual address hosts use)");
    }
    v.gateways.forEach((g, gi) => {
      const path = `${base}/gateways/${gi}/address`;
      if (g.address === undefined) {
        if (v.gateways.length > 1) ctx.error("E_GATEWAY_MISSING", `${base}/gateways/${gi}`, `gateway device ${g.device} of VLAN ${v.id} has no own address (needed for VRRP)`, "add `address:` with this device's own address in the subnet");
        return;
      }
      const a = parseIpv4(g.address);
      if (p && a !== undefined && !usableIn(p, a)) {
        ctx.error("E_GATEWAY_OUTSIDE", path, `gateway address ${g.address} of ${g.device} is not a usable address of VLAN ${v.id}'s subnet ${v.subnet}`, `use a host address inside ${v.subnet}`);
      }
      if (v.gateways.length > 1 || a !== gw) claim(v.vrf, a, `${g.device} VLAN ${v.id} gateway`, path, "other", g.device);
    });
  });

  for (const [vrf, list] of perVrf) {
    list.sort((x, y) => x.p.network - y.p.network || y.p.last - x.p.last);
    let widest = list[0]!;
    for (let k = 1; k < list.length; k++) {
      const cur = list[k]!;
      if (cur.p.network <= widest.p.last) {
        const a = inv.vlans[widest.vi]!;
        const b = inv.vlans[cur.vi]!;
        ctx.error("E_SUBNET_OVERLAP", `/vlans/${cur.vi}/subnet`, `VLAN ${b.id} subnet ${b.subnet} overlaps VLAN ${a.id} subnet ${a.subnet}${vrf ? ` in VRF ${vrf}` : " in the global table"}`, "give each VLAN its own subnet, or put them in different VRFs");
      }
      if (cur.p.last > widest.p.last) widest = cur;
    }
  }

  inv.hosts.forEach((h, hi) => {
    const base = `/hosts/${hi}`;
    const hp = parsePrefix(h.address);
    const port = ctx.port(h.attach.device, h.attach.interface);
    const s = port ? ctx.settings(port) : undefined;
    const site = ctx.siteOf(h.attach.device);
    const at = s?.mode === "access" && s.vlan !== undefined && site !== undefined ? ctx.vlanAt(site, s.vlan) : undefined;
    const vi = at?.index;
    const v = at?.vlan;
    const subnet = vi !== undefined ? vlanSubnet.get(vi) : undefined;
    if (v && v.tenant !== h.tenant && ctx.tenants.has(v.tenant) && ctx.tenants.has(h.tenant)) {
      ctx.error("E_HOST_TENANT", `${base}/tenant`, `host ${h.name} (tenant ${h.tenant}) is in VLAN ${v.id}, which belongs to tenant ${v.tenant}`, `attach the host to a VLAN of tenant ${h.tenant}, or correct its tenant`);
    }
    if (hp && subnet && (!usableIn(subnet, hp.address) || hp.length !== subnet.length)) {
      ctx.error("E_HOST_SUBNET", `${base}/address`, `host ${h.name} address ${h.address} does not fit VLAN ${v!.id}'s subnet ${v!.subnet}`, `use a free address in ${v!.subnet} with prefix length /${subnet.length}`);
    }
    if (hp && h.gateway !== undefined) {
      const g = parseIpv4(h.gateway);
      if (g !== undefined && !usableIn(hp, g)) {
        ctx.error("E_GATEWAY_OUTSIDE", `${base}/gateway`, `host ${h.name} gateway ${h.gateway} is outside its own subnet ${formatPrefix(hp)}`, "use the VLAN's gateway address");
      } else if (v?.gateway !== undefined && v.gateway !== h.gateway) {
        ctx.warn("W_HOST_GATEWAY", `${base}/gateway`, `host ${h.name} uses gateway ${h.gateway}, VLAN ${v.id}'s gateway is ${v.gateway}`, `use ${v.gateway} unless this host routes elsewhere on purpose`);
      }
    }
    if (hp) claim(v?.vrf, hp.address, `host ${h.name}`, `${base}/address`);
  });

  inv.devices.forEach((d, di) => {
    const routed = [
      ...d.interfaces.map((x, i) => ({ x, path: `/devices/${di}/interfaces/${i}/address` })),
      ...d.lags.map((x, i) => ({ x, path: `/devices/${di}/lags/${i}/address` })),
    ];
    for (const { x, path } of routed) {
      const p = x.address && x.mode === "routed" ? parsePrefix(x.address) : undefined;
      if (!p) continue;
      if (p.length < 31 && (p.address === p.network || p.address === p.last)) {
        ctx.error("E_GATEWAY_OUTSIDE", path, `${d.name} ${x.name} address ${x.address} is the network or broadcast address`, "use a host address of the subnet");
      }
      claim(x.vrf, p.address, `${d.name} ${x.name}`, path, "router", d.name);
    }
    if (d.loopback !== undefined) claim(undefined, parseIpv4(d.loopback), `${d.name} loopback`, `/devices/${di}/loopback`, "other", d.name);
    d.routes.forEach((r, ri) => {
      const p = parsePrefix(r.prefix);
      if (p && p.address !== p.network) ctx.error("E_SUBNET_HOST_BITS", `/devices/${di}/routes/${ri}/prefix`, `route prefix ${r.prefix} on ${d.name} has host bits set`, `write the network address: ${formatPrefix(p)}`);
    });
    d.bgp?.networks.forEach((n, ni) => {
      const p = parsePrefix(n);
      if (p && p.address !== p.network) ctx.error("E_SUBNET_HOST_BITS", `/devices/${di}/bgp/networks/${ni}`, `BGP network ${n} on ${d.name} has host bits set (a device advertises the exact network)`, `write the network address: ${formatPrefix(p)}`);
    });
  });

  // A device is reached at its own address only: not a host's, a shared gateway's or another device's.
  inv.devices.forEach((d, di) => {
    const ip = parseIpv4(d.management.address);
    if (ip === undefined) return;
    const other = (owners.get(ip) ?? []).find((o) => o.device !== d.name);
    if (other) {
      ctx.error("E_ADDRESS_DUPLICATE", `/devices/${di}/management/address`, `management address ${d.management.address} of ${d.name} is the address of ${other.who}`, `use ${d.name}'s own management or loopback address (citydc would log in to whatever answers there)`);
    }
  });

  connectedOverlaps(ctx, perVrf);
};

interface Connected {
  readonly p: Prefix;
  readonly kind: "vlan" | "routed";
  readonly vi?: number;
  readonly device?: string;
  readonly port?: string;
  readonly path: string;
  /** As written (an interface address keeps its host part). */
  readonly text: string;
}

/**
 * Overlaps of routed ports with each other and with VLAN subnets, per VRF (a sorted sweep, O(n log n);
 * VLAN against VLAN is reported above). What may overlap: a routed port with exactly the subnet of a
 * VLAN it serves (it faces an access port of the VLAN, or its device is one of the VLAN's gateways),
 * and the two ends of one link (the same /31). One report per VLAN subnet and per routed port.
 */
function connectedOverlaps(ctx: CheckContext, vlansPerVrf: ReadonlyMap<string, { p: Prefix; vi: number }[]>): void {
  const inv = ctx.inv;
  const perVrf = new Map<string, Connected[]>();
  const add = (vrf: string, c: Connected) => {
    const list = perVrf.get(vrf);
    if (list) list.push(c);
    else perVrf.set(vrf, [c]);
  };
  for (const [vrf, list] of vlansPerVrf) for (const { p, vi } of list) add(vrf, { p, kind: "vlan", vi, path: `/vlans/${vi}/subnet`, text: inv.vlans[vi]!.subnet! });
  inv.devices.forEach((d, di) => {
    if (ctx.devices.get(d.name)?.index !== di) return; // a duplicate device: E_DUPLICATE
    const routed = (x: { mode?: string; address?: string; vrf?: string; name: string }, path: () => string) => {
      const p = x.mode === "routed" && x.address ? parsePrefix(x.address) : undefined;
      if (p) add(x.vrf ?? "", { p, kind: "routed", device: d.name, port: x.name, path: path(), text: x.address! });
    };
    d.interfaces.forEach((x, i) => {
      if (x.lag === undefined && x.mode === "routed") routed(x, () => `/devices/${di}/interfaces/${i}/address`);
    });
    d.lags.forEach((x, i) => {
      if (x.mode === "routed") routed(x, () => `/devices/${di}/lags/${i}/address`);
    });
  });
  // Who faces whom: the far end of each link end.
  const far = new Map<string, { device: string; port: string }>();
  for (const l of inv.links) {
    far.set(endpointKey(l.a.device, l.a.interface), { device: l.b.device, port: l.b.interface });
    far.set(endpointKey(l.b.device, l.b.interface), { device: l.a.device, port: l.a.interface });
  }
  const serves = (r: Connected, v: Connected): boolean => {
    if (r.p.network !== v.p.network || r.p.length !== v.p.length) return false;
    const vlan = inv.vlans[v.vi!]!;
    if (vlan.gateways.some((g) => g.device === r.device)) return true;
    const peer = far.get(endpointKey(r.device!, r.port!));
    const port = peer ? ctx.port(peer.device, peer.port) : undefined;
    const s = port ? ctx.settings(port) : undefined;
    return s?.mode === "access" && s.vlan === vlan.id;
  };
  const oneLink = (x: Connected, y: Connected): boolean => {
    if (x.p.network !== y.p.network || x.p.length !== y.p.length || x.device === y.device) return false;
    const peer = far.get(endpointKey(x.device!, x.port!));
    return peer !== undefined && peer.device === y.device && peer.port === y.port;
  };
  const reported = new Set<string>();
  const name = (c: Connected): string => (c.kind === "vlan" ? `VLAN ${inv.vlans[c.vi!]!.id} subnet ${inv.vlans[c.vi!]!.subnet}` : `${c.device} ${c.port} ${c.text}`);
  const check = (a: Connected, b: Connected, vrf: string): void => {
    if (b.p.network > a.p.last || a.p.network > b.p.last) return;
    if (a.kind === "vlan" && b.kind === "vlan") return;
    const [vlan, routed] = a.kind === "vlan" ? [a, b] : b.kind === "vlan" ? [b, a] : [undefined, undefined];
    if (vlan && routed && serves(routed, vlan)) return;
    if (!vlan && oneLink(a, b)) return;
    // Report at the VLAN subnet (once) when it holds the routed port, else at the routed port (once).
    const at = vlan && contains(vlan.p, routed!.p.network) && vlan.p.length < routed!.p.length ? vlan : (routed ?? b);
    if (reported.has(at.path) || (routed && reported.has(routed.path))) return;
    reported.add(at.path);
    if (routed) reported.add(routed.path);
    const other = at === a ? b : a;
    const table = vrf ? ` in VRF ${vrf}` : " in the global table";
    const same = a.kind === "routed" && b.kind === "routed" && a.device === b.device;
    const hint = same
      ? `give each routed port of ${a.device} its own subnet`
      : vlan === at
        ? `give VLAN ${inv.vlans[vlan.vi!]!.id} a subnet that does not contain ${routed!.device} ${routed!.port}, or readdress that routed port (a router port serving the VLAN takes exactly the VLAN's subnet)`
        : vlan
          ? `give ${routed!.device} ${routed!.port} a subnet outside VLAN ${inv.vlans[vlan.vi!]!.id}'s ${vlan.text} (a router port serving the VLAN takes exactly the VLAN's subnet)`
        : "give each link its own subnet (only the two ends of one link share a /31 or /30)";
    ctx.error("E_SUBNET_OVERLAP", at.path, `${name(at)} overlaps ${name(other)}${table}`, hint);
  };
  for (const [vrf, list] of perVrf) {
    list.sort((x, y) => x.p.network - y.p.network || x.p.length - y.p.length || (x.kind === y.kind ? 0 : x.kind === "vlan" ? -1 : 1));
    let widest = list[0]!;
    for (let k = 1; k < list.length; k++) {
      const cur = list[k]!;
      // The nearest neighbour first (two ports of one device), then the widest subnet still open.
      const prev = list[k - 1]!;
      check(prev, cur, vrf);
      if (prev !== widest) check(widest, cur, vrf);
      if (cur.p.last > widest.p.last) widest = cur;
    }
  }
}
