/**
 * The network as a graph for pictures: one node per device, one edge per cable bundle. Links between the
 * same two LAGs (or the same two ports) of the same kind become one edge with their member count, so a
 * four-member Eth-Trunk is one line labelled "4 x 100G". Pure: no layout here (publish/dot.ts lays it out,
 * publish/mermaid.ts writes it as Mermaid text). Everything is sorted, so the same inventory gives the same
 * graph, in the same order.
 */
import type { Device, DeviceRole, Inventory, Link, LinkKind } from "../model/types";
import { naturalCompare } from "../util/natural";

/** How a device or link is marked in a change picture. */
export type Mark = "changed" | "added" | "removed";

export interface GraphNode {
  readonly name: string;
  readonly site: string;
  readonly role: DeviceRole;
  readonly platform: string;
  /** A device of another site, drawn because a link of the pictured sites reaches it. */
  readonly external: boolean;
  readonly mark?: Mark;
}

export interface GraphEnd {
  readonly device: string;
  /** The LAG when the cables are LAG members (or the link names a LAG), else the port. */
  readonly bundle: string;
  /** The ports of this end, natural order. */
  readonly ports: readonly string[];
}

export interface GraphEdge {
  /** Stable identity: kind and the two ends (device:bundle), sorted. */
  readonly id: string;
  readonly kind: LinkKind;
  readonly a: GraphEnd;
  readonly b: GraphEnd;
  /** Cables in the bundle. */
  readonly members: number;
  /** "100G", or "" when the inventory gives no speed. */
  readonly speed: string;
  /** "Eth-Trunk1 - Eth-Trunk11, 2 x 100G". */
  readonly label: string;
  readonly mark?: Mark;
}

export interface NetworkGraph {
  /** The sites pictured (their devices are not external). */
  readonly sites: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Layer of a role, top to bottom. */
export const ROLE_LAYER: Readonly<Record<DeviceRole, number>> = { core: 0, spine: 1, border: 2, leaf: 2, access: 3, wan: 4 };
export const ROLE_ORDER: readonly DeviceRole[] = ["core", "spine", "border", "leaf", "access", "wan"];

export interface GraphOptions {
  /** Sites to picture; empty or absent: every site. */
  readonly sites?: readonly string[];
  /** Only these devices (with the links between them); absent: every device of the sites. */
  readonly devices?: ReadonlySet<string>;
  readonly marks?: {
    readonly devices?: ReadonlyMap<string, Mark>;
    /** By edge: a mark on any link of the bundle marks the bundle. Keys are `linkKeyOf` keys. */
    readonly links?: ReadonlyMap<string, Mark>;
  };
}

/** The key of one link (its two ends, sorted), the same as the diff's. */
export function linkKeyOf(l: Pick<Link, "a" | "b">): string {
  const a = `${l.a.device}:${l.a.interface}`;
  const b = `${l.b.device}:${l.b.interface}`;
  return naturalCompare(a, b) <= 0 ? `${a} <-> ${b}` : `${b} <-> ${a}`;
}

function endOf(dev: Device | undefined, device: string, iface: string): { bundle: string; port: string } {
  if (!dev) return { bundle: iface, port: iface };
  const member = dev.interfaces.find((i) => i.name === iface);
  if (member?.lag) return { bundle: member.lag, port: iface };
  return { bundle: iface, port: iface };
}

function speedOf(dev: Device | undefined, iface: string): string {
  if (!dev) return "";
  const i = dev.interfaces.find((x) => x.name === iface);
  if (i?.speed) return i.speed;
  // a link that names a LAG: the speed of its members
  const members = dev.interfaces.filter((x) => x.lag === iface && x.speed);
  return members[0]?.speed ?? "";
}

/** "2 x 100G", "100G", "2 cables" (no speed in the inventory), or "" for one cable of unknown speed. */
export function bundleText(members: number, speed: string): string {
  if (members > 1) return speed ? `${members} x ${speed}` : `${members} cables`;
  return speed;
}

export function buildGraph(inv: Inventory, opts: GraphOptions = {}): NetworkGraph {
  const siteNames = inv.sites.map((s) => s.name);
  const sites = opts.sites && opts.sites.length > 0 ? siteNames.filter((s) => opts.sites!.includes(s)) : siteNames;
  const inSites = new Set(sites);
  const byName = new Map(inv.devices.map((d) => [d.name, d] as const));
  const wanted = (name: string): boolean => {
    const d = byName.get(name);
    return !!d && (!opts.devices || opts.devices.has(name));
  };
  const groups = new Map<string, { kind: LinkKind; ends: [string, string, string, string][]; speeds: Set<string>; mark?: Mark; keys: string[] }>();
  for (const l of inv.links) {
    if (!wanted(l.a.device) || !wanted(l.b.device)) continue;
    const da = byName.get(l.a.device)!;
    const db = byName.get(l.b.device)!;
    if (!inSites.has(da.site) && !inSites.has(db.site)) continue;
    const ea = endOf(da, l.a.device, l.a.interface);
    const eb = endOf(db, l.b.device, l.b.interface);
    let sa = `${l.a.device}:${ea.bundle}`;
    let sb = `${l.b.device}:${eb.bundle}`;
    let ports: [string, string] = [ea.port, eb.port];
    let devs: [string, string] = [l.a.device, l.b.device];
    if (naturalCompare(sa, sb) > 0) {
      [sa, sb] = [sb, sa];
      ports = [ports[1], ports[0]];
      devs = [devs[1], devs[0]];
    }
    const id = `${l.kind} ${sa} ${sb}`;
    const g = groups.get(id) ?? { kind: l.kind, ends: [], speeds: new Set<string>(), keys: [] };
    g.ends.push([devs[0], ports[0], devs[1], ports[1]]);
    const sp = speedOf(da, l.a.interface) || speedOf(db, l.b.interface);
    if (sp) g.speeds.add(sp);
    const mark = opts.marks?.links?.get(linkKeyOf(l));
    if (mark && !g.mark) g.mark = mark;
    groups.set(id, g);
  }
  const edges: GraphEdge[] = [];
  for (const [id, g] of groups) {
    const [, sa, sb] = id.split(" ") as [string, string, string];
    const split = (s: string): [string, string] => {
      const i = s.indexOf(":");
      return [s.slice(0, i), s.slice(i + 1)];
    };
    const [adev, abundle] = split(sa);
    const [bdev, bbundle] = split(sb);
    const aPorts = g.ends.map((e) => e[1]).sort(naturalCompare);
    const bPorts = g.ends.map((e) => e[3]).sort(naturalCompare);
    const speed = [...g.speeds].sort(naturalCompare).join("/");
    const n = g.ends.length;
    const what = bundleText(n, speed);
    const label = `${abundle} - ${bbundle}${what ? `, ${what}` : ""}`;
    edges.push({
      id,
      kind: g.kind,
      a: { device: adev, bundle: abundle, ports: aPorts },
      b: { device: bdev, bundle: bbundle, ports: bPorts },
      members: n,
      speed,
      label,
      ...(g.mark ? { mark: g.mark } : {}),
    });
  }
  edges.sort((x, y) => naturalCompare(x.id, y.id));
  const nodeNames = new Set<string>();
  for (const d of inv.devices) if (inSites.has(d.site) && wanted(d.name)) nodeNames.add(d.name);
  for (const e of edges) {
    nodeNames.add(e.a.device);
    nodeNames.add(e.b.device);
  }
  const siteIndex = new Map(siteNames.map((s, i) => [s, i] as const));
  const nodes: GraphNode[] = [...nodeNames].map((name) => {
    const d = byName.get(name)!;
    const mark = opts.marks?.devices?.get(name);
    return { name, site: d.site, role: d.role, platform: d.platform, external: !inSites.has(d.site), ...(mark ? { mark } : {}) };
  });
  nodes.sort((x, y) => (siteIndex.get(x.site)! - siteIndex.get(y.site)!) || ROLE_LAYER[x.role] - ROLE_LAYER[y.role] || naturalCompare(x.name, y.name));
  return { sites, nodes, edges };
}
