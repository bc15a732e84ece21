/**
 * The twin's inventory: any valid inventory rewritten onto the platforms that run on this machine, as data
 * (pure: no I/O). The rewritten inventory is an ordinary inventory (ovs and frr devices on 127.0.0.1), so the
 * lab starts it and the citydc stack `twin` applies it like any other; what each emulated device gets is the
 * OVS or FRR configuration of its own intent.
 *
 *  - A device with layer-2 ports (access, trunk, LAGs) becomes an Open vSwitch switch of the same name.
 *  - Its layer 3 (VLAN gateways, routed interfaces, loopback, static routes, BGP) becomes FRR routers next to
 *    it, one per VRF: `<device>-rt` holds the default VRF (routed interfaces, BGP, static routes) and
 *    `<device>-<vrf>` each VRF's gateways. A VRF is thus a network namespace of its own with its own routing
 *    table (FRR's namespace VRF model; the kernel here has no VRF devices). Each gateway is a veth from the
 *    switch's access port `g<vlan>` to the router's `v<vlan>`.
 *  - A device without layer-2 ports (a WAN router on Junos, NX-OS, EOS) becomes one FRR router.
 *  - Interface names become Linux names: physical ports `p1..pN` in natural order of the vendor names, LAGs
 *    `bond<n>` (n: the digits of the vendor name). The map is returned with the inventory.
 *  - VRRP: every gateway device's router faces the VLAN with its own address and is a gateway of the VLAN
 *    in the twin's inventory, with the VLAN's virtual address and group id and the priorities written out;
 *    the frr platform runs the group on keepalived (FRR's vrrpd needs macvlan devices, which this kernel
 *    lacks). A VLAN with one gateway gets the address on that router's port.
 *  - M-LAG: the pairs stay (ovs can be one; model/capabilities.ts), their keepalive labelled with the two
 *    inventory management addresses. A leaf's one LACP bond to both switches of a pair aggregates only the
 *    members towards one partner system (Open vSwitch's LACP), the other members stand by; the peer link
 *    carries traffic between the two. Loop-free without spanning tree, but active-standby, not active-active.
 *  - A LAG of one member gets an uncabled second member (an OVS bond needs two) and runs static, as does the
 *    LAG cabled to it.
 *  - Management: every device on 127.0.0.1, port `portBase + n`, login `user`; in-band management is not
 *    emulated (the sshd listens on 127.0.0.1, outside the device's namespaces).
 */
import { naturalCompare } from "../util/natural";

type Obj = Record<string, unknown>;

export interface TwinDeviceMap {
  /** The inventory's device. */
  readonly device: string;
  readonly platform: string;
  /** Emulated as: the switch (ovs) or the router (frr) of the same name. */
  readonly kind: "switch" | "router";
  /** vendor interface or LAG name -> Linux name. */
  readonly interfaces: Readonly<Record<string, string>>;
  /** The FRR routers that carry its layer 3: name -> VRF ("default" for the default VRF). */
  readonly routers: Readonly<Record<string, string>>;
}

export interface TwinMap {
  readonly inventory: string;
  readonly devices: readonly TwinDeviceMap[];
  /** Emulated device -> its SSH port on 127.0.0.1. */
  readonly ports: Readonly<Record<string, number>>;
}

export interface TwinOptions {
  readonly portBase?: number;
  readonly user?: string;
  /** Ports of an earlier rewrite: kept, so a running twin's devices keep their sshd when the inventory changes. */
  readonly ports?: Readonly<Record<string, number>>;
}

export const TWIN_PORT_BASE = 24100;
export const TWIN_USER = "citydc-twin";

const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function isL2(i: Obj): boolean {
  return i.mode === "access" || i.mode === "trunk";
}

function lagLinuxName(name: string, used: Set<string>): string {
  const digits = name.match(/(\d+)\D*$/)?.[1];
  let n = digits !== undefined ? Number(digits) : 0;
  while (used.has(`bond${n}`)) n++;
  used.add(`bond${n}`);
  return `bond${n}`;
}

function prefixLength(subnet: string | undefined): string {
  return subnet?.split("/")[1] ?? "24";
}

/** Rewrites a raw inventory document (as parsed from YAML, merge keys resolved) into the twin's. */
export function twinInventory(doc: Obj, opts: TwinOptions = {}): { doc: Obj; map: TwinMap } {
  const portBase = opts.portBase ?? TWIN_PORT_BASE;
  const user = opts.user ?? TWIN_USER;
  const vlans = asList(doc.vlans);
  const devicesIn = asList(doc.devices);
  const out: Obj[] = [];
  const maps: TwinDeviceMap[] = [];
  const links: Obj[] = [];
  const ports: Record<string, number> = {};
  const taken = new Set<number>();
  const wanted = new Map<string, number>();
  // earlier ports are kept for the devices that still exist (they are claimed first, in the order below)
  const names = devicesIn.flatMap((d) => [String(d.name), `${String(d.name)}-rt`, ...asList(doc.vrfs).map((v) => `${String(d.name)}-${String(v.name)}`)]);
  for (const n of names) {
    const p = opts.ports?.[n];
    if (p !== undefined && !taken.has(p)) { wanted.set(n, p); taken.add(p); }
  }
  let next = portBase;
  const mgmt = (n: string) => {
    let port = wanted.get(n);
    if (port === undefined) {
      while (taken.has(next)) next++;
      port = next;
      taken.add(port);
    }
    ports[n] = port;
    return { address: "127.0.0.1", port, user };
  };
  const ifmaps = new Map<string, Record<string, string>>();
  /** Where a routed interface of a device went: vendor name -> [router, Linux name]. */
  const routedAt = new Map<string, [string, string]>();
  /** Members of one-member LAGs ("device/vendor name"). */
  const single = new Set<string>();
  /** VRRP VLANs: id -> their gateways in the twin (the routers, their own addresses and priorities). */
  const vrrpGateways = new Map<number, Obj[]>();

  for (const d of devicesIn) {
    const name = String(d.name);
    const interfaces = asList(d.interfaces);
    const lags = asList(d.lags);
    const l2 = interfaces.some((i) => isL2(i) || (str(i.lag) !== undefined)) || lags.some(isL2);
    const phys = [...interfaces].sort((a, b) => naturalCompare(String(a.name), String(b.name)));
    const ifmap: Record<string, string> = {};
    phys.forEach((i, k) => (ifmap[String(i.name)] = `p${k + 1}`));
    const usedBonds = new Set<string>();
    for (const l of lags) ifmap[String(l.name)] = lagLinuxName(String(l.name), usedBonds);
    ifmaps.set(name, ifmap);
    const base = { site: d.site, ...(d.rack !== undefined ? { rack: d.rack } : {}), ...(d.position !== undefined ? { position: d.position } : {}), ...(d.height !== undefined ? { height: d.height } : {}) };
    const routers: Record<string, string> = {};
    const renameIf = (i: Obj): Obj => {
      const r: Obj = { ...i, name: ifmap[String(i.name)] };
      if (str(i.lag)) r.lag = ifmap[String(i.lag)];
      delete r.speed;
      return r;
    };

    if (!l2) {
      // one FRR router: routed interfaces, loopback, routes and BGP as they are
      out.push(strip({
        name, ...base, role: d.role, platform: "frr", management: mgmt(name), loopback: d.loopback,
        interfaces: interfaces.map(renameIf), lags: [], routes: d.routes, bgp: d.bgp,
      }));
      for (const i of interfaces) if (i.mode === "routed") routedAt.set(`${name}/${String(i.name)}`, [name, ifmap[String(i.name)]!]);
      maps.push({ device: name, platform: String(d.platform), kind: "router", interfaces: ifmap, routers });
      continue;
    }

    // the switch: every layer-2 port and LAG, plus an access port per gateway VLAN towards its router.
    // An Open vSwitch bond needs two members: a LAG of one member gets a second one that is not cabled
    // (`<member>s`: ovs-vswitchd finds no such device, so the port runs as its one member, without LACP).
    // Such a LAG, and the LAG at the other end of its cable, become static (active-backup, no LACP).
    const swIfs: Obj[] = interfaces.filter((i) => i.mode !== "routed").map(renameIf);
    const singles = new Set<string>();
    for (const l of lags.filter((x) => x.mode !== "routed")) {
      const members = interfaces.filter((i) => i.lag === l.name);
      if (members.length !== 1) continue;
      singles.add(String(l.name));
      single.add(`${name}/${String(members[0]!.name)}`);
      const spare = `${ifmap[String(members[0]!.name)]}s`;
      swIfs.push({ name: spare, lag: ifmap[String(l.name)], description: `second member of ${ifmap[String(l.name)]} (not cabled: an Open vSwitch bond needs two)` });
    }
    const swLags: Obj[] = lags.filter((l) => l.mode !== "routed").map((l) => ({
      ...l, name: ifmap[String(l.name)], ...(singles.has(String(l.name)) ? { lacp: "static" } : {}),
    }));
    // layer 3 by VRF
    const byVrf = new Map<string, { ifs: Obj[] }>();
    const vrfRouter = (vrf: string): { ifs: Obj[] } => {
      let r = byVrf.get(vrf);
      if (!r) byVrf.set(vrf, (r = { ifs: [] }));
      return r;
    };
    const routerName = (vrf: string) => (vrf === "" ? `${name}-rt` : `${name}-${vrf}`);
    for (const v of vlans) {
      const gws = asList(v.gateways);
      const at = gws.findIndex((g) => g.device === name);
      if (at < 0) continue;
      const vid = Number(v.id);
      const own = str(gws[at]!.address);
      const vrf = str(v.vrf) ?? "";
      const rname = routerName(vrf);
      if (gws.length >= 2 && str(v.gateway) && own) {
        // VRRP: every gateway's router faces the VLAN with its own address and runs the group (keepalived);
        // the priorities are written out as the vendor platforms default them (the first 110, the others 100)
        // no mode: the port that faces the VLAN is the gateway's (its address and group are the gateway object's)
        vrfRouter(vrf).ifs.push({ name: `v${vid}`, description: `VLAN ${vid} gateway of ${name} (VRRP)` });
        const list = vrrpGateways.get(vid) ?? [];
        list.push({ device: rname, address: own, priority: Number(gws[at]!.priority ?? (at === 0 ? 110 : 100)) });
        vrrpGateways.set(vid, list);
      } else {
        // one gateway (or several without a virtual address): the address on the router's port
        const address = own ?? str(v.gateway);
        if (!address) continue;
        vrfRouter(vrf).ifs.push({ name: `v${vid}`, mode: "routed", address: `${address}/${prefixLength(str(v.subnet))}`, description: `VLAN ${vid} gateway of ${name}` });
      }
      swIfs.push({ name: `g${vid}`, mode: "access", vlan: vid, description: `to ${rname} v${vid} (VLAN ${vid} gateway)` });
      ifmap[`Vlanif${vid}`] = `${rname}:v${vid}`;
      links.push({ kind: "uplink", description: `VLAN ${vid} gateway of ${name}`, a: { device: name, interface: `g${vid}` }, b: { device: rname, interface: `v${vid}` } });
    }
    for (const i of interfaces.filter((x) => x.mode === "routed")) {
      const vrf = str(i.vrf) ?? "";
      const r = renameIf(i);
      delete r.vrf;
      vrfRouter(vrf).ifs.push(r);
      routedAt.set(`${name}/${String(i.name)}`, [routerName(vrf), String(r.name)]);
      ifmap[String(i.name)] = `${routerName(vrf)}:${String(r.name)}`;
    }
    const hasDefault = d.loopback !== undefined || d.bgp !== undefined || asList(d.routes).length > 0;
    if (hasDefault) vrfRouter("");
    out.push(strip({
      name, ...base, role: d.role, platform: "ovs", management: mgmt(name), interfaces: swIfs, lags: swLags, stp: d.stp,
    }));
    for (const [vrf, r] of [...byVrf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const rname = routerName(vrf);
      routers[rname] = vrf === "" ? "default" : vrf;
      const dflt = vrf === "";
      out.push(strip({
        name: rname, site: d.site, role: d.role, platform: "frr", management: mgmt(rname),
        ...(dflt ? { loopback: d.loopback, routes: asList(d.routes).filter((x) => !x.vrf), bgp: d.bgp } : { routes: asList(d.routes).filter((x) => x.vrf === vrf).map((x) => ({ prefix: x.prefix, nextHop: x.nextHop })) }),
        interfaces: r.ifs, lags: [],
      }));
    }
    maps.push({ device: name, platform: String(d.platform), kind: "switch", interfaces: ifmap, routers });
  }

  const end = (e: Obj): Obj => {
    const dev = String(e.device);
    const ifname = String(e.interface);
    const routed = routedAt.get(`${dev}/${ifname}`);
    if (routed) return { device: routed[0], interface: routed[1] };
    return { device: dev, interface: ifmaps.get(dev)?.[ifname] ?? ifname };
  };
  for (const l of asList(doc.links)) links.push({ ...l, a: end(l.a as Obj), b: end(l.b as Obj) });
  // a LAG cabled to a one-member LAG: static too (the far end speaks no LACP)
  for (const l of asList(doc.links)) {
    for (const [near, far] of [[l.a, l.b], [l.b, l.a]] as [Obj, Obj][]) {
      if (!single.has(`${String(far.device)}/${String(far.interface)}`)) continue;
      const member = asList(devicesIn.find((x) => x.name === near.device)?.interfaces).find((i) => i.name === near.interface);
      const lagName = member && str(member.lag) ? ifmaps.get(String(near.device))?.[String(member.lag)] : undefined;
      const lag = lagName ? asList(out.find((x) => x.name === near.device)?.lags).find((x) => x.name === lagName) : undefined;
      if (lag) lag.lacp = "static";
    }
  }

  const twin: Obj = {
    ...doc,
    description: `${str(doc.description) ?? String(doc.name)} (citydc twin: Open vSwitch + FRRouting)`,
    devices: out,
    vlans: vlans.map((v) => {
      const r: Obj = { ...v };
      const gws = vrrpGateways.get(Number(v.id));
      if (gws) return { ...r, gateways: gws };
      delete r.gateways;
      delete r.vrid;
      return r;
    }),
    links,
    hosts: asList(doc.hosts).map((h) => ({ ...h, attach: end(h.attach as Obj) })),
  };
  // a marking entry on a routed port follows the port to the router that holds it in the twin
  const qos = doc.qos as Obj | undefined;
  if (qos && Array.isArray(qos.marking)) twin.qos = { ...qos, marking: asList(qos.marking).map((m) => (str(m.device) && str(m.interface) ? { ...m, ...end(m) } : m)) };
  if (Array.isArray(doc.mlag)) {
    twin.mlag = asList(doc.mlag).map((m) => {
      const d0 = String((m.devices as string[])[0]);
      // the keepalive is not emulated; the pair keeps the inventory's two management addresses as its labels
      const addr = (m.devices as string[]).map((n, k) => str((devicesIn.find((x) => x.name === n)?.management as Obj | undefined)?.address) ?? `127.0.0.${k + 2}`);
      const keepalive = addr[0] !== addr[1] ? addr : ["127.0.0.2", "127.0.0.3"];
      return { ...m, keepalive: m.keepalive ?? keepalive, peerLink: ifmaps.get(d0)?.[String(m.peerLink)] ?? m.peerLink };
    });
  }
  return { doc: twin, map: { inventory: String(doc.name), devices: maps, ports } };
}

/** Drops undefined fields. */
function strip(o: Obj): Obj {
  const r: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) r[k] = v;
  return r;
}
