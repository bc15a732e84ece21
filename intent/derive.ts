/**
 * Layer 2: the inventory -> what each device must carry (platform neutral, pure, linear in the size of
 * the inventory except for the per-VLAN pass, which is linear in the part of the fabric that can carry
 * each VLAN: intent/prune.ts).
 *
 * Fabric-wide facts are computed once (link and host index by (device, interface), the L2 ports, the L2
 * edges between devices, the VLANs each device needs locally, the VLANs each edge must carry); the
 * per-device intent only reads them.
 *
 * Trunk pruning. A device needs a VLAN locally when it has an access port in it, a trunk towards
 * something that is not a switch (a hypervisor) with an explicit allowed list, a gateway for it, or it
 * is its management VLAN; a device at a DR site with a DCI link needs the VLANs its site protects (so a
 * stretched VLAN rides the DCI trunk even before a server uses it there). For each VLAN, the graph of
 * L2 links that may carry it (both ends allow it, the far device is at a site where the VLAN exists) is
 * reduced to what connects the devices that need it:
 *   1. dead ends are stripped: a device that does not need the VLAN and has at most one neighbour left;
 *   2. edge devices (role leaf, access, border or wan) that do not need the VLAN and are not
 *      articulation points are dropped, so a VLAN used only in rack A does not ride the uplinks of
 *      rack B through the spines; this step is undone when it would separate devices that need the
 *      VLAN (a DR leaf that passes VLANs on to its peer leaf keeps them);
 *   3. what is left in a component with fewer than two devices that need the VLAN carries nothing.
 * Redundant paths through spines and cores stay (a leaf dual-homed to two spines carries its VLANs on
 * both uplinks, and the spines' peer link carries them too).
 * A trunk's allowed list = the VLANs its link carries (always within its configured list), plus its
 * native VLAN. A trunk with no switch at its far end carries its configured list, or with `all` every
 * VLAN the device knows.
 */
import { withPolicy } from "./policy";
import type { Device, DeviceRole, Host, Inventory, Link, LinkEnd, MlagPair, PortStp, SiteStp, Vlan } from "../model/types";
import { CAPABILITIES } from "../model/capabilities";
import type { BgpIntent, DeviceIntent, GatewayIntent, LagIntent, MlagIntent, PortIntent, PortStpIntent, RouteIntent, SecurityIntent, StpIntent, VlanIntent, VrfIntent } from "./types";
import { VlanPruner } from "./prune";
import { byName, naturalCompare } from "../util/natural";

/** An L2 port of a device: an interface that is not a LAG member, or a LAG, in access or trunk mode. */
interface L2Port {
  readonly dev: number;
  readonly name: string;
  readonly mode: "access" | "trunk";
  readonly vlan?: number;
  readonly allowed: ReadonlySet<number> | "all";
  readonly native?: number;
  readonly edges: number[];
}

/** Two L2 ports joined by one or more links (LAG member links collapse into one edge). */
interface Edge {
  readonly a: L2Port;
  readonly b: L2Port;
  readonly vlans: number[];
}

/** Facts about the whole fabric, computed once. */
export interface FabricFacts {
  readonly devices: readonly Device[];
  /** End index: device -> interface (or LAG) -> the link and its far end. */
  readonly linkByEnd: EndIndex<{ readonly link: Link; readonly far: LinkEnd }>;
  readonly hostByEnd: EndIndex<Host>;
  /** device -> port -> L2 port (interfaces in a LAG resolve to the LAG). */
  readonly l2: EndIndex<L2Port>;
  readonly edges: readonly Edge[];
  /** VLANs each device needs locally, by device index. */
  readonly need: readonly ReadonlySet<number>[];
  /** VLANs each device knows (needs or carries), by device index. */
  readonly known: readonly ReadonlySet<number>[];
}

/** Roles whose devices pass on a VLAN they do not need only when nothing else connects its users. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EDGE_ROLES: ReadonlySet<DeviceRole> = new Set<DeviceRole>(["leaf", "access", "border", "wan"]);

/**
 * A map keyed by (device, interface) without building `device:interface` strings (a lookup of a fresh
 * concatenated key costs a flatten and a hash; names from the YAML keep their hash).
 */
export class EndIndex<T> {
  private readonly byDevice = new Map<string, Map<string, T>>();
  get(device: string, iface: string): T | undefined {
    return this.byDevice.get(device)?.get(iface);
  }
  set(device: string, iface: string, value: T): void {
    let m = this.byDevice.get(device);
    if (!m) this.byDevice.set(device, (m = new Map()));
    m.set(iface, value);
  }
  *values(): IterableIterator<T> {
    for (const m of this.byDevice.values()) yield* m.values();
  }
}

function hasL2(device: Device): boolean {
  return CAPABILITIES[device.platform].features.includes("l2");
}

function permits(p: L2Port, v: number): boolean {
  if (p.mode === "access") return p.vlan === v;
  return p.native === v || p.allowed === "all" || p.allowed.has(v);
}

/** Computes the fabric facts (indexes, L2 edges, per-device needs, per-edge VLANs). */
export function fabricFacts(inv: Inventory): FabricFacts {
  const devices = inv.devices;
  const devIndex = new Map<string, number>();
  devices.forEach((d, i) => devIndex.set(d.name, i));

  const linkByEnd = new EndIndex<{ link: Link; far: LinkEnd }>();
  for (const link of inv.links) {
    linkByEnd.set(link.a.device, link.a.interface, { link, far: link.b });
    linkByEnd.set(link.b.device, link.b.interface, { link, far: link.a });
  }
  const hostByEnd = new EndIndex<Host>();
  for (const h of inv.hosts) hostByEnd.set(h.attach.device, h.attach.interface, h);

  // L2 ports, and member interface -> LAG.
  const l2 = new EndIndex<L2Port>();
  const memberOf = new EndIndex<string>();
  const need: Set<number>[] = devices.map(() => new Set<number>());
  devices.forEach((d, i) => {
    if (!hasL2(d)) return;
    const add = (name: string, mode: string | undefined, vlan?: number, allowed?: readonly number[] | "all", native?: number): void => {
      if (mode !== "access" && mode !== "trunk") return;
      const set = allowed === undefined || allowed === "all" ? "all" : new Set(allowed);
      l2.set(d.name, name, { dev: i, name, mode, vlan, allowed: set, native, edges: [] });
    };
    for (const lag of d.lags) add(lag.name, lag.mode, lag.vlan, lag.allowed, lag.native);
    for (const itf of d.interfaces) {
      if (itf.lag) memberOf.set(d.name, itf.name, itf.lag);
      else add(itf.name, itf.mode, itf.vlan, itf.allowed, itf.native);
    }
    if (d.management.vlan !== undefined) need[i]!.add(d.management.vlan);
  });
  const resolve = (end: LinkEnd): L2Port | undefined => {
    const lag = memberOf.get(end.device, end.interface);
    return l2.get(end.device, lag === undefined ? end.interface : lag);
  };

  // L2 edges, one per pair of L2 ports.
  const edges: Edge[] = [];
  for (const link of inv.links) {
    const a = resolve(link.a);
    const b = resolve(link.b);
    if (!a || !b || a.dev === b.dev) continue;
    // LAG member links collapse into one edge between the two LAGs
    if (a.edges.some((k) => edges[k]!.a === b || edges[k]!.b === b)) continue;
    a.edges.push(edges.length);
    b.edges.push(edges.length);
    edges.push({ a, b, vlans: [] });
  }

  // Local needs: access ports, trunks to non-switches with explicit lists, gateways, management VLAN.
  for (const p of l2.values()) {
    if (p.mode === "access") {
      if (p.vlan !== undefined) need[p.dev]!.add(p.vlan);
    } else if (p.edges.length === 0) {
      if (p.allowed !== "all") for (const v of p.allowed) need[p.dev]!.add(v);
      if (p.native !== undefined) need[p.dev]!.add(p.native);
    }
  }
  for (const vlan of inv.vlans) {
    for (const g of vlan.gateways) {
      const i = devIndex.get(g.device);
      if (i !== undefined && hasL2(devices[i]!)) need[i]!.add(vlan.id);
    }
  }

  // DR protection: the DR end of each DCI link carries every protected VLAN its L2 port allows.
  const protectedBySite = new Map<string, Set<number>>();
  const serviceVlans = new Map(inv.services.map((s) => [s.name, s.vlans] as const));
  for (const dr of inv.dr) {
    const set = protectedBySite.get(dr.site) ?? new Set<number>();
    for (const v of dr.vlans) set.add(v);
    for (const s of dr.services) for (const v of serviceVlans.get(s) ?? []) set.add(v);
    protectedBySite.set(dr.site, set);
  }
  if (protectedBySite.size > 0) {
    for (const link of inv.links) {
      if (link.kind !== "dci") continue;
      for (const end of [link.a, link.b]) {
        const i = devIndex.get(end.device);
        const vlans = i === undefined ? undefined : protectedBySite.get(devices[i]!.site);
        const p = vlans && resolve(end);
        if (!p || !vlans) continue;
        for (const v of vlans) if (permits(p, v)) need[i!]!.add(v);
      }
    }
  }

  // Adjacency by device.
  const devEdges: number[][] = devices.map(() => []);
  edges.forEach((e, k) => {
    devEdges[e.a.dev]!.push(k);
    devEdges[e.b.dev]!.push(k);
  });
  // Pruning runs per VLAN object: an ID in a VLAN group means another VLAN at other sites, so its users
  // there are not its terminals and its sites stop it. Key: the VLAN's index, or -(id + 1) for an ID no
  // VLAN defines at the device's site.
  const siteIndex = new Map<string, number>();
  const devSite = new Int32Array(devices.length);
  devices.forEach((d, i) => {
    if (!siteIndex.has(d.site)) siteIndex.set(d.site, siteIndex.size);
    devSite[i] = siteIndex.get(d.site)!;
  });
  const vlanAtSite = vlanIndex(inv);
  const keyOf = (dev: number, id: number): number => vlanAtSite.get(devices[dev]!.site)?.get(id) ?? -(id + 1);
  const idOf = (key: number): number => (key >= 0 ? inv.vlans[key]!.id : -key - 1);
  const terminalsByVlan = new Map<number, number[]>();
  need.forEach((set, i) => {
    for (const v of set) {
      const key = keyOf(i, v);
      let t = terminalsByVlan.get(key);
      if (!t) terminalsByVlan.set(key, (t = []));
      t.push(i);
    }
  });
  const vlanSiteIds = inv.vlans.map((v) => {
    const mask = new Uint8Array(siteIndex.size);
    for (const s of v.sites) {
      const k = siteIndex.get(s);
      if (k !== undefined) mask[k] = 1;
    }
    return mask;
  });
  const edgeRole = new Uint8Array(devices.length);
  devices.forEach((d, i) => (edgeRole[i] = EDGE_ROLES.has(d.role) ? 1 : 0));
  const pruner = new VlanPruner({
    devices: devices.length,
    devEdges,
    edgeA: Int32Array.from(edges, (e) => e.a.dev),
    edgeB: Int32Array.from(edges, (e) => e.b.dev),
    permits: (k, key) => {
      const v = idOf(key);
      return permits(edges[k]!.a, v) && permits(edges[k]!.b, v);
    },
    siteHas: (d, key) => key < 0 || vlanSiteIds[key]![devSite[d]!] === 1,
    edgeRole,
  });
  let shared = false;
  for (const [key, terminals] of terminalsByVlan) {
    if (terminals.length < 2) continue;
    const v = idOf(key);
    for (const k of pruner.carriers(key, terminals)) edges[k]!.vlans.push(v);
    shared ||= key < 0;
  }
  for (const e of edges) {
    e.vlans.sort((x, y) => x - y);
    // an edge carries an ID once (IDs no VLAN defines may come from both ends)
    if (shared) e.vlans.splice(0, e.vlans.length, ...new Set(e.vlans));
  }

  const known: Set<number>[] = need.map((s) => new Set(s));
  for (const e of edges) {
    for (const v of e.vlans) {
      known[e.a.dev]!.add(v);
      known[e.b.dev]!.add(v);
    }
  }
  for (const p of l2.values()) if (p.mode === "trunk" && p.native !== undefined) known[p.dev]!.add(p.native);
  return { devices, linkByEnd, hostByEnd, l2, edges, need, known };
}

// ------------------------------------------------------------------------------------ per device

const stripPrefix = (cidr: string): string => cidr.split("/")[0]!;
const prefixLength = (cidr: string | undefined): string | undefined => (cidr && cidr.includes("/") ? cidr.split("/")[1] : undefined);

/** VRRP group id: the VLAN's vrid, default the VLAN id modulo 255 (1..255). */
export function defaultVrid(vlan: Pick<Vlan, "id" | "vrid">): number {
  if (vlan.vrid !== undefined) return vlan.vrid;
  const r = vlan.id % 255;
  return r === 0 ? 255 : r;
}

/** site -> VLAN ID -> index of the VLAN that ID means there (the first; the model refuses two). */
export function vlanIndex(inv: Inventory): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  inv.vlans.forEach((v, i) => {
    for (const s of v.sites) {
      let m = out.get(s);
      if (!m) out.set(s, (m = new Map()));
      if (!m.has(v.id)) m.set(v.id, i);
    }
  });
  return out;
}

/** Every device's intent, by device name (iteration order = inventory order). */
export function deriveIntent(inv: Inventory): Map<string, DeviceIntent> {
  const facts = fabricFacts(inv);
  const siteAsn = new Map(inv.sites.map((s) => [s.name, s.asn] as const));
  const devByName = new Map(inv.devices.map((d) => [d.name, d] as const));
  const vlanIdx = vlanIndex(inv);
  const vlanAt = (site: string, id: number): Vlan | undefined => {
    const i = vlanIdx.get(site)?.get(id);
    return i === undefined ? inv.vlans.find((v) => v.id === id) : inv.vlans[i];
  };
  const vrfByName = new Map(inv.vrfs.map((v) => [v.name, v] as const));

  // Gateways and BGP links per device, collected in one pass each.
  const gatewaysOf = new Map<string, { vlan: Vlan; index: number }[]>();
  for (const vlan of inv.vlans) {
    vlan.gateways.forEach((g, index) => {
      let l = gatewaysOf.get(g.device);
      if (!l) gatewaysOf.set(g.device, (l = []));
      l.push({ vlan, index });
    });
  }
  const bgpLinksOf = new Map<string, { mine: LinkEnd; far: LinkEnd }[]>();
  for (const link of inv.links) {
    if (!link.bgp) continue;
    for (const [mine, far] of [
      [link.a, link.b],
      [link.b, link.a],
    ] as const) {
      let l = bgpLinksOf.get(mine.device);
      if (!l) bgpLinksOf.set(mine.device, (l = []));
      l.push({ mine, far });
    }
  }

  // Spanning tree: each site's settings, and the default priority of its core and spine switches (the
  // first in the inventory 4096, the next 8192, ...: the root and its backup).
  const siteStp = new Map<string, SiteStp>();
  for (const st of inv.sites) if (st.stp) siteStp.set(st.name, st.stp);
  const stpPriority = new Map<string, number>();
  const rootRank = new Map<string, number>();
  for (const dev of inv.devices) {
    if (!siteStp.has(dev.site) || !hasL2(dev) || dev.stp?.enabled === false || (dev.role !== "core" && dev.role !== "spine")) continue;
    const rank = rootRank.get(dev.site) ?? 0;
    rootRank.set(dev.site, rank + 1);
    stpPriority.set(dev.name, Math.min(4096 * (rank + 1), 61440));
  }
  const mlagOf = new Map<string, MlagPair>();
  for (const pair of inv.mlag ?? []) for (const name of pair.devices) mlagOf.set(name, pair);

  const out = new Map<string, DeviceIntent>();
  facts.devices.forEach((d, i) => {
    out.set(d.name, deviceIntent(d, i, facts, { siteAsn, devByName, vlanAt, vrfByName, gatewaysOf, bgpLinksOf, siteStp, stpPriority, mlagOf }));
  });
  return withPolicy(inv, out);
}

/** The number at the end of a LAG name: Eth-Trunk21 -> 21 (a multi-chassis LAG's id on both switches). */
const lagNumber = (name: string): number => Number(/(\d+)$/.exec(name)?.[1] ?? 0);

/** Where a role sits in the tree: spanning-tree guards point from lower tiers up and from upper tiers down. */
const TIER: Readonly<Record<DeviceRole, number>> = { core: 3, spine: 3, leaf: 2, border: 2, wan: 2, access: 1 };

interface Lookups {
  readonly siteAsn: ReadonlyMap<string, number | undefined>;
  readonly devByName: ReadonlyMap<string, Device>;
  /** The VLAN an ID means at a site (an ID outside every VLAN there: any VLAN of that ID). */
  readonly vlanAt: (site: string, id: number) => Vlan | undefined;
  readonly vrfByName: ReadonlyMap<string, { readonly name: string; readonly rd?: string }>;
  readonly gatewaysOf: ReadonlyMap<string, readonly { vlan: Vlan; index: number }[]>;
  readonly bgpLinksOf: ReadonlyMap<string, readonly { mine: LinkEnd; far: LinkEnd }[]>;
  readonly siteStp: ReadonlyMap<string, SiteStp>;
  readonly stpPriority: ReadonlyMap<string, number>;
  readonly mlagOf: ReadonlyMap<string, MlagPair>;
}

function deviceIntent(d: Device, i: number, facts: FabricFacts, lk: Lookups): DeviceIntent {
  const l2 = hasL2(d);
  const known = facts.known[i]!;
  const sortedKnown = [...known].sort((a, b) => a - b);
  const mgmtIf = d.management.interface;

  /** Allowed list of a trunk port after pruning. */
  const allowedOf = (portName: string): number[] => {
    const p = facts.l2.get(d.name, portName);
    if (!p || p.mode !== "trunk") return [];
    if (p.edges.length === 1 && (p.native === undefined || facts.edges[p.edges[0]!]!.vlans.includes(p.native))) {
      return [...facts.edges[p.edges[0]!]!.vlans]; // already sorted
    }
    const set = new Set<number>();
    if (p.edges.length > 0) {
      for (const k of p.edges) for (const v of facts.edges[k]!.vlans) set.add(v);
    } else if (p.allowed === "all") {
      for (const v of sortedKnown) set.add(v);
    } else {
      for (const v of p.allowed) set.add(v);
    }
    if (p.native !== undefined) set.add(p.native);
    return [...set].sort((a, b) => a - b);
  };
  const farDescription = (name: string): string | undefined => {
    const link = facts.linkByEnd.get(d.name, name);
    if (link) return `to ${link.far.device} ${link.far.interface}`;
    const host = facts.hostByEnd.get(d.name, name);
    if (host) return `host ${host.name}`;
    return undefined;
  };

  // Spanning tree: does the device take part, and what each switch port faces.
  const siteStp = lk.siteStp.get(d.site);
  const runsStp = l2 && siteStp !== undefined && d.stp?.enabled !== false && CAPABILITIES[d.platform].stp.includes(siteStp.mode);
  const stpRole = (name: string, own: PortStp | undefined): PortStpIntent | undefined => {
    if (!runsStp) return undefined;
    const p = facts.l2.get(d.name, name);
    if (!p) return undefined;
    // no switch beyond the port: a host, a hypervisor, a router, or nothing cabled yet
    let edge = p.edges.length === 0;
    let guard: "loop" | "root" | undefined;
    if (!edge) {
      const tiers = p.edges.map((k) => {
        const e = facts.edges[k]!;
        return TIER[facts.devices[e.a.dev === i ? e.b.dev : e.a.dev]!.role];
      });
      if (tiers.every((t) => t > TIER[d.role])) guard = "loop";
      else if (tiers.every((t) => t < TIER[d.role])) guard = "root";
    }
    if (own?.edge !== undefined) edge = own.edge;
    if (own?.guard !== undefined) guard = own.guard === "none" ? undefined : own.guard;
    if (!edge && !guard) return undefined;
    return { ...(edge ? { edge: true } : {}), ...(guard ? { guard } : {}) };
  };

  // Gateways (needed first: routers put a gateway on a routed port).
  const gateways: GatewayIntent[] = [];
  const gatewayPorts = new Set<string>();
  for (const { vlan, index } of lk.gatewaysOf.get(d.name) ?? []) {
    const g = vlan.gateways[index]!;
    const len = prefixLength(vlan.subnet);
    const own = g.address ?? (vlan.gateways.length === 1 ? vlan.gateway : undefined);
    if (!own || !len) continue;
    let iface: string | undefined;
    if (!l2) {
      iface = d.interfaces.find((itf) => {
        const link = facts.linkByEnd.get(d.name, itf.name);
        if (!link) return false;
        const far = facts.l2.get(link.far.device, link.far.interface);
        return far !== undefined && (far.mode === "access" ? far.vlan === vlan.id : far.native === vlan.id);
      })?.name;
      if (!iface) continue;
      gatewayPorts.add(iface);
    }
    const vrrp =
      vlan.gateways.length >= 2 && vlan.gateway
        ? { vrid: defaultVrid(vlan), virtualAddress: vlan.gateway, priority: g.priority ?? (index === 0 ? 110 : 100) }
        : undefined;
    gateways.push({
      vlan: vlan.id,
      ...(iface !== undefined ? { interface: iface } : {}),
      ...(vlan.vrf !== undefined ? { vrf: vlan.vrf } : {}),
      address: `${stripPrefix(own)}/${len}`,
      ...(vrrp ? { vrrp } : {}),
    });
  }
  gateways.sort((a, b) => a.vlan - b.vlan);

  const lagByName = new Map(d.lags.map((l) => [l.name, l] as const));
  const ports: PortIntent[] = [];
  for (const itf of [...d.interfaces].sort(byName)) {
    // one object shape for every port (set fields in one order, no spreads): cheap on 50,000 ports
    const p: Mutable<PortIntent> = { name: itf.name, description: "", enabled: itf.enabled, mode: "unused" };
    if (itf.speed !== undefined) p.speed = itf.speed;
    if (itf.mtu !== undefined) p.mtu = itf.mtu;
    const described = itf.description ?? farDescription(itf.name);
    const mode = itf.mode ?? (itf.address !== undefined ? "routed" : undefined);
    if (itf.name === mgmtIf) {
      p.description = itf.description ?? "management";
      p.enabled = true;
    } else if (itf.lag !== undefined) {
      const l = lagByName.get(itf.lag);
      p.description = described ?? `member of ${itf.lag}`;
      p.mode = l?.mode ?? "unused";
      p.lag = itf.lag;
      // members take their LAG's MTU
      if (l?.mtu !== undefined) p.mtu = l.mtu;
    } else if (mode === "access" && l2) {
      p.description = described ?? "";
      p.mode = mode;
      if (itf.vlan !== undefined) p.vlan = itf.vlan;
      const st = stpRole(itf.name, itf.stp);
      if (st) p.stp = st;
    } else if (mode === "trunk" && l2) {
      p.description = described ?? "";
      p.mode = mode;
      p.allowed = allowedOf(itf.name);
      if (itf.native !== undefined) p.native = itf.native;
      const st = stpRole(itf.name, itf.stp);
      if (st) p.stp = st;
    } else if (mode === "routed" || gatewayPorts.has(itf.name)) {
      p.description = described ?? "";
      p.mode = "routed";
      if (itf.address !== undefined) p.address = itf.address;
      if (itf.vrf !== undefined) p.vrf = itf.vrf;
    } else {
      p.description = described ?? "unused";
      p.enabled = false;
    }
    ports.push(p);
  }

  const lags: LagIntent[] = [...d.lags].sort(byName).map((lag) => {
    const members = d.interfaces
      .filter((itf) => itf.lag === lag.name)
      .map((itf) => itf.name)
      .sort(naturalCompare);
    let far = farDescription(lag.name);
    if (!far) {
      // the devices the members reach: one, or both switches of a multi-chassis pair
      const reached: { device: string; lag?: string }[] = [];
      for (const m of members) {
        const link = facts.linkByEnd.get(d.name, m);
        if (!link || reached.some((x) => x.device === link.far.device)) continue;
        const farDev = lk.devByName.get(link.far.device);
        reached.push({ device: link.far.device, lag: farDev?.interfaces.find((x) => x.name === link.far.interface)?.lag });
      }
      if (reached.length > 0) {
        const lagName = reached.every((x) => x.lag === reached[0]!.lag) ? reached[0]!.lag : undefined;
        far = `to ${reached.map((x) => x.device).join(" and ")}${lagName ? ` ${lagName}` : ""}`;
      }
    }
    const port: PortIntent = {
      name: lag.name,
      description: lag.description ?? far ?? "",
      enabled: true,
      mode: lag.mode,
      ...(lag.mode === "access" && lag.vlan !== undefined ? { vlan: lag.vlan } : {}),
      ...(lag.mode === "trunk" ? { allowed: allowedOf(lag.name) } : {}),
      ...(lag.mode === "trunk" && lag.native !== undefined ? { native: lag.native } : {}),
      ...(lag.mode === "routed" && lag.address !== undefined ? { address: lag.address } : {}),
      ...(lag.vrf !== undefined ? { vrf: lag.vrf } : {}),
      ...(lag.mtu !== undefined ? { mtu: lag.mtu } : {}),
    };
    const st = lag.mode === "access" || lag.mode === "trunk" ? stpRole(lag.name, lag.stp) : undefined;
    const pair = lk.mlagOf.get(d.name);
    return {
      name: lag.name,
      lacp: lag.lacp,
      members,
      port: st ? { ...port, stp: st } : port,
      ...(pair && lag.mlag ? { mlag: { id: lagNumber(lag.name) } } : {}),
      ...(pair && pair.peerLink === lag.name ? { peerLink: true } : {}),
    };
  });

  const vlans: VlanIntent[] = l2 ? sortedKnown.map((id) => ({ id, name: lk.vlanAt(d.site, id)?.name ?? `VLAN${id}` })) : [];

  const routes: RouteIntent[] = d.routes.map((r) => ({ prefix: r.prefix, nextHop: r.nextHop, ...(r.vrf !== undefined ? { vrf: r.vrf } : {}) }));
  // in-band management: the address on the management VLAN's interface, and its default route
  const ib = d.management.inband;
  const inband = ib && d.management.vlan !== undefined && CAPABILITIES[d.platform].features.includes("inband") ? { vlan: d.management.vlan, address: `${d.management.address}/${ib.prefixLength}` } : undefined;
  if (inband && ib!.gateway !== undefined) routes.push({ prefix: "0.0.0.0/0", nextHop: ib!.gateway });

  // BGP: the device's own section plus a session across every link with `bgp: true`.
  let bgp: BgpIntent | undefined;
  const bgpLinks = lk.bgpLinksOf.get(d.name) ?? [];
  const asn = d.bgp?.asn ?? (bgpLinks.length > 0 ? lk.siteAsn.get(d.site) : undefined);
  if (asn !== undefined) {
    const neighbors = new Map<string, { address: string; remoteAs: number; description: string }>();
    for (const n of d.bgp?.neighbors ?? []) {
      neighbors.set(n.address, { address: n.address, remoteAs: n.remoteAs, description: n.description ?? `neighbor ${n.address}` });
    }
    for (const { far } of bgpLinks) {
      const farDev = lk.devByName.get(far.device);
      if (!farDev) continue;
      const farPort = farDev.interfaces.find((x) => x.name === far.interface) ?? farDev.lags.find((x) => x.name === far.interface);
      const remoteAs = farDev.bgp?.asn ?? lk.siteAsn.get(farDev.site);
      if (!farPort?.address || remoteAs === undefined) continue;
      const address = stripPrefix(farPort.address);
      if (!neighbors.has(address)) neighbors.set(address, { address, remoteAs, description: `to ${far.device} ${far.interface}` });
    }
    const routerId = d.bgp?.routerId ?? d.loopback;
    bgp = {
      asn,
      ...(routerId !== undefined ? { routerId } : {}),
      networks: [...(d.bgp?.networks ?? [])],
      neighbors: [...neighbors.values()].sort((a, b) => naturalCompare(a.address, b.address)),
    };
  }

  const vrfNames = new Set<string>();
  for (const g of gateways) if (g.vrf) vrfNames.add(g.vrf);
  for (const p of ports) if (p.vrf && p.mode === "routed") vrfNames.add(p.vrf);
  for (const l of lags) if (l.port.vrf) vrfNames.add(l.port.vrf);
  for (const r of routes) if (r.vrf) vrfNames.add(r.vrf);
  const vrfs: VrfIntent[] = [...vrfNames].sort(naturalCompare).map((name) => {
    const rd = lk.vrfByName.get(name)?.rd;
    return rd !== undefined ? { name, rd } : { name };
  });

  const security = securityOf(d, ports, lags, gateways, bgp !== undefined, inband?.vlan);

  let mlag: MlagIntent | undefined;
  const pair = lk.mlagOf.get(d.name);
  if (pair && CAPABILITIES[d.platform].mlag) {
    const me = pair.devices.indexOf(d.name);
    const peerName = pair.devices[1 - me]!;
    // keepalive addresses in device order (the first device's, then the second's), as `keepalive` lists them
    const addrs = pair.keepalive ?? pair.devices.map((n) => (n === d.name ? d.management.address : lk.devByName.get(n)?.management.address ?? ""));
    mlag = {
      name: pair.name,
      domain: pair.domain,
      peer: peerName,
      role: me === 0 ? "primary" : "secondary",
      peerLink: pair.peerLink,
      localAddress: addrs[me]!,
      peerAddress: addrs[1 - me]!,
      peerVlan: pair.peerVlan ?? 4094,
      lags: lags.filter((l) => l.mlag).map((l) => ({ name: l.name, id: l.mlag!.id })),
    };
  }

  let stp: StpIntent | undefined;
  if (runsStp && siteStp) {
    const roled = [...lags.map((l) => l.port), ...ports].filter((p) => p.stp);
    // the two switches of a multi-chassis pair are one bridge: both take the primary's priority
    const primary = lk.mlagOf.get(d.name)?.devices[0];
    const first = primary !== undefined && primary !== d.name ? lk.devByName.get(primary) : undefined;
    const priority = first ? first.stp?.priority ?? lk.stpPriority.get(first.name) : d.stp?.priority ?? lk.stpPriority.get(d.name);
    stp = {
      mode: siteStp.mode,
      ...(priority !== undefined ? { priority } : {}),
      region: siteStp.region ?? d.site.slice(0, 32),
      revision: siteStp.revision,
      instances: siteStp.mode === "mstp" ? siteStp.instances.map((x) => ({ id: x.id, vlans: [...x.vlans].sort((a, b) => a - b) })).sort((a, b) => a.id - b.id) : [],
      bpduProtection: roled.some((p) => p.stp!.edge),
      vlans: vlans.map((v) => v.id),
      edge: roled.filter((p) => p.stp!.edge).map((p) => p.name),
      loopGuard: roled.filter((p) => p.stp!.guard === "loop").map((p) => p.name),
      rootGuard: roled.filter((p) => p.stp!.guard === "root").map((p) => p.name),
      mlag: lk.mlagOf.has(d.name),
    };
  }

  return {
    device: d.name,
    site: d.site,
    platform: d.platform,
    role: d.role,
    vlans,
    ports,
    lags,
    gateways,
    routes,
    ...(bgp ? { bgp } : {}),
    ...(d.loopback !== undefined ? { loopback: d.loopback } : {}),
    vrfs,
    management: {
      ...(mgmtIf !== undefined ? { interface: mgmtIf } : {}),
      ...(d.management.vlan !== undefined ? { vlan: d.management.vlan } : {}),
      ...(inband ? { inband } : {}),
    },
    ...(mlag ? { mlag } : {}),
    ...(stp ? { stp } : {}),
    ...(security ? { security } : {}),
  };
}

/** The zone of a flow-mode firewall (capabilities `securityZones`), or undefined for other devices. */
function securityOf(d: Device, ports: readonly PortIntent[], lags: readonly LagIntent[], gateways: readonly GatewayIntent[], bgp: boolean, inbandVlan: number | undefined): SecurityIntent | undefined {
  const pattern = CAPABILITIES[d.platform].securityZones;
  if (!pattern || d.model === undefined || !pattern.test(d.model)) return undefined;
  const routed = [...ports.filter((p) => p.mode === "routed" && p.lag === undefined), ...lags.map((l) => l.port).filter((p) => p.mode === "routed")];
  const names = routed.map((p) => p.name);
  // SSH reaches the device through a zone unless management has its own out-of-band interface
  const mgmt = d.management.interface;
  const inBand = mgmt === undefined || names.includes(mgmt) || d.management.vlan !== undefined;
  return {
    zone: "citydc",
    interfaces: names.sort(naturalCompare),
    vlans: [...gateways.map((g) => g.vlan), ...(inbandVlan !== undefined ? [inbandVlan] : [])].sort((a, b) => a - b),
    loopback: d.loopback !== undefined,
    services: inBand ? ["ping", "ssh"] : ["ping"],
    protocols: bgp ? ["bgp"] : [],
  };
}
