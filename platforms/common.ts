/**
 * What every platform shares: the platform-neutral keys, summaries and fields of config objects
 * (compared by plan, diff and drift), and the walk over an intent in KIND_ORDER. A platform module
 * supplies only the syntax: one small function per kind (netlab's "one renderer per feature").
 */
import type { ConfigObject } from "./types";
import type { AclEntryIntent, AclIntent, DeviceIntent, QosIntent, QosMarkIntent, GatewayIntent, LagIntent, MlagIntent, PortIntent, RouteIntent, SecurityIntent, StpIntent, VlanIntent, VrfIntent } from "../intent/types";
import { naturalCompare } from "../util/natural";
import { defined } from "./util";

/** Lines of one object in a platform's syntax. */
export interface Syntax {
  readonly apply: readonly string[];
  readonly remove: readonly string[];
  readonly readBack: string;
  /** Platform-specific fields instead of the neutral ones (e.g. what ovs can read back). */
  readonly fields?: ConfigObject["fields"];
}

/** One function per kind; returning undefined means "no object for this on this platform". */
export interface Renderer {
  system?(intent: DeviceIntent): Syntax | undefined;
  vrf?(vrf: VrfIntent, intent: DeviceIntent): Syntax | undefined;
  vlan?(vlan: VlanIntent, intent: DeviceIntent): Syntax | undefined;
  lag?(lag: LagIntent, intent: DeviceIntent): Syntax | undefined;
  port(port: PortIntent, intent: DeviceIntent): Syntax | undefined;
  loopback?(address: string, intent: DeviceIntent): { readonly name: string; readonly syntax: Syntax } | undefined;
  gateway?(gw: GatewayIntent, intent: DeviceIntent): Syntax | undefined;
  route?(route: RouteIntent, intent: DeviceIntent): Syntax | undefined;
  bgp?(bgp: NonNullable<DeviceIntent["bgp"]>, intent: DeviceIntent): Syntax | undefined;
  security?(security: SecurityIntent, intent: DeviceIntent): Syntax | undefined;
  /** The device's QoS: classes, trust and queueing on its network ports, marking at its gateways. */
  qos?(qos: QosIntent, intent: DeviceIntent): Syntax | undefined;
  /** One inbound ACL and its binding to a VLAN or port. */
  acl?(acl: AclIntent, intent: DeviceIntent): Syntax | undefined;
  stp?(stp: StpIntent, intent: DeviceIntent): Syntax | undefined;
  mlag?(mlag: MlagIntent, intent: DeviceIntent): Syntax | undefined;
  /** The in-band management interface (the management VLAN's interface with the management address). */
  management?(inband: NonNullable<DeviceIntent["management"]["inband"]>, intent: DeviceIntent): Syntax | undefined;
}

export const vrfName = (vrf: string | undefined): string => vrf ?? "default";

export function routeKey(r: RouteIntent): string {
  return `route:${vrfName(r.vrf)}:${r.prefix}:${r.nextHop}`;
}

export function portFields(p: PortIntent): ConfigObject["fields"] {
  return defined({
    name: p.name,
    mode: p.mode,
    enabled: p.enabled,
    description: p.description,
    vlan: p.mode === "access" ? p.vlan : undefined,
    allowed: p.mode === "trunk" ? p.allowed ?? [] : undefined,
    native: p.mode === "trunk" ? p.native : undefined,
    address: p.mode === "routed" ? p.address : undefined,
    vrf: p.mode === "routed" ? p.vrf : undefined,
    lag: p.lag,
    speed: p.speed,
    // a LAG member's MTU is its LAG's, set and compared on the LAG
    mtu: p.lag === undefined ? p.mtu : undefined,
    stpEdge: p.stp?.edge,
    stpGuard: p.stp?.guard,
  });
}

export function stpFields(t: StpIntent): ConfigObject["fields"] {
  return defined({
    mode: t.mode,
    priority: t.priority,
    region: t.mode === "mstp" ? t.region : undefined,
    revision: t.mode === "mstp" ? t.revision : undefined,
    instances: t.instances.length > 0 ? t.instances.map((x) => `${x.id}:${x.vlans.join(",")}`) : undefined,
    bpduProtection: t.bpduProtection,
  });
}

export function portSummary(p: PortIntent): string {
  if (p.lag) return `port ${p.name} member of ${p.lag}`;
  switch (p.mode) {
    case "access":
      return `port ${p.name} access VLAN ${p.vlan}`;
    case "trunk":
      return `port ${p.name} trunk VLANs ${(p.allowed ?? []).join(",") || "none"}${p.native !== undefined ? ` native ${p.native}` : ""}`;
    case "routed":
      return `port ${p.name} routed ${p.address ?? ""}`.trim();
    default:
      return `port ${p.name} unused${p.enabled ? "" : " (shut down)"}`;
  }
}

export function lagFields(l: LagIntent): ConfigObject["fields"] {
  const { name: _n, enabled: _e, lag: _l, ...rest } = portFields(l.port) as Record<string, unknown>;
  return defined({ name: l.name, lacp: l.lacp, members: [...l.members], ...rest, mlag: l.mlag?.id, peerLink: l.peerLink });
}

export function mlagFields(m: MlagIntent): ConfigObject["fields"] {
  return { name: m.name, domain: m.domain, peer: m.peer, role: m.role, peerLink: m.peerLink, local: m.localAddress, remote: m.peerAddress, lags: m.lags.map((l) => `${l.name}:${l.id}`) };
}

export function gatewayFields(g: GatewayIntent): ConfigObject["fields"] {
  return defined({
    vlan: g.vlan,
    interface: g.interface,
    address: g.address,
    vrf: g.vrf,
    vrid: g.vrrp?.vrid,
    virtual: g.vrrp?.virtualAddress,
    priority: g.vrrp?.priority,
  });
}

export function bgpFields(b: NonNullable<DeviceIntent["bgp"]>): ConfigObject["fields"] {
  return defined({
    asn: b.asn,
    routerId: b.routerId,
    // sorted: devices list them in their own order (FRR sorts networks by prefix)
    neighbors: b.neighbors.map((n) => `${n.address} ${n.remoteAs}`).sort(naturalCompare),
    networks: [...b.networks].sort(naturalCompare),
  });
}

export function securityFields(z: SecurityIntent): ConfigObject["fields"] {
  return { zone: z.zone, interfaces: [...z.interfaces], vlans: [...z.vlans], loopback: z.loopback, services: [...z.services], protocols: [...z.protocols] };
}

/** Walks the intent in KIND_ORDER and asks the renderer for each object's syntax. */
export function buildObjects(intent: DeviceIntent, r: Renderer): ConfigObject[] {
  const out: ConfigObject[] = [];
  const device = intent.device;
  const push = (kind: ConfigObject["kind"], key: string, summary: string, fields: ConfigObject["fields"], s: Syntax | undefined): void => {
    if (!s) return;
    out.push({ device, kind, key, summary, fields: s.fields ?? fields, apply: s.apply, remove: s.remove, readBack: s.readBack });
  };
  push("system", "system", `system ${device}`, { hostname: device }, r.system?.(intent));
  for (const v of intent.vrfs) push("vrf", `vrf:${v.name}`, `VRF ${v.name}`, defined({ name: v.name, rd: v.rd }), r.vrf?.(v, intent));
  for (const v of intent.vlans) push("vlan", `vlan:${v.id}`, `VLAN ${v.id} (${v.name})`, { id: v.id, name: v.name }, r.vlan?.(v, intent));
  if (intent.stp) {
    const t = intent.stp;
    push("stp", "stp", `spanning tree ${t.mode}${t.priority !== undefined ? ` priority ${t.priority}` : ""}`, stpFields(t), r.stp?.(t, intent));
  }
  if (intent.mlag) {
    const m = intent.mlag;
    push("mlag", "mlag", `multi-chassis LAG pair ${m.name} with ${m.peer} (${m.role}), peer link ${m.peerLink}`, mlagFields(m), r.mlag?.(m, intent));
  }
  for (const l of intent.lags) {
    push("lag", `lag:${l.name}`, `LAG ${l.name} (${l.lacp}) members ${l.members.join(",")}; ${portSummary(l.port).replace(/^port \S+ /, "")}`, lagFields(l), r.lag?.(l, intent));
  }
  for (const p of intent.ports) {
    if (p.name === intent.management.interface) continue; // never touched by citydc
    push("port", `port:${p.name}`, portSummary(p), portFields(p), r.port(p, intent));
  }
  if (intent.loopback && r.loopback) {
    const lo = r.loopback(intent.loopback, intent);
    if (lo) push("port", `port:${lo.name}`, `loopback ${lo.name} ${intent.loopback}/32`, { name: lo.name, mode: "loopback", address: `${intent.loopback}/32` }, lo.syntax);
  }
  if (intent.management.inband) {
    const m = intent.management.inband;
    push("management", "management", `in-band management VLAN ${m.vlan} ${m.address}`, { vlan: m.vlan, address: m.address }, r.management?.(m, intent));
  }
  for (const g of intent.gateways) {
    const vrrp = g.vrrp ? ` VRRP ${g.vrrp.vrid} ${g.vrrp.virtualAddress} priority ${g.vrrp.priority}` : "";
    push("gateway", `gateway:${g.vlan}`, `gateway VLAN ${g.vlan} ${g.address}${vrrp}`, gatewayFields(g), r.gateway?.(g, intent));
  }
  for (const rt of intent.routes) {
    push("route", routeKey(rt), `route ${rt.prefix} via ${rt.nextHop}${rt.vrf ? ` vrf ${rt.vrf}` : ""}`, defined({ prefix: rt.prefix, nextHop: rt.nextHop, vrf: rt.vrf }), r.route?.(rt, intent));
  }
  if (intent.bgp) {
    push("bgp", "bgp", `BGP AS ${intent.bgp.asn} with ${intent.bgp.neighbors.length} neighbors`, bgpFields(intent.bgp), r.bgp?.(intent.bgp, intent));
  }
  if (intent.qos) {
    const q = intent.qos;
    push("qos", "qos", `QoS: ${q.classes.length} classes, DSCP trusted on ${q.trust.length} ports, ${q.marking.length} marking rules`, qosFields(q), r.qos?.(q, intent));
  }
  for (const a of intent.acls ?? []) {
    push("acl", `acl:${a.name}`, `ACL ${a.name} inbound on ${a.vlan !== undefined ? `VLAN ${a.vlan}` : `port ${a.interface}`}${a.vlan !== undefined && a.interface ? ` (${a.interface})` : ""}, ${a.entries.length} entries`, aclFields(a), r.acl?.(a, intent));
  }
  if (intent.security) {
    const z = intent.security;
    push("security", "security", `security zone ${z.zone} (${z.interfaces.length + z.vlans.length + (z.loopback ? 1 : 0)} interfaces)`, securityFields(z), r.security?.(z, intent));
  }
  return out;
}

/** Neighbour and network lists of two bgp objects: what the new one no longer has. */
export function bgpRemoved(oldObj: ConfigObject, newObj: ConfigObject): { neighbors: string[]; networks: string[] } {
  const list = (o: ConfigObject, k: string): string[] => (Array.isArray(o.fields[k]) ? (o.fields[k] as string[]) : []);
  const nn = new Set(list(newObj, "neighbors").map((n) => n.split(" ")[0]));
  const nw = new Set(list(newObj, "networks"));
  return {
    neighbors: list(oldObj, "neighbors")
      .map((n) => n.split(" ")[0]!)
      .filter((a) => !nn.has(a)),
    networks: list(oldObj, "networks").filter((n) => !nw.has(n)),
  };
}

/** True when a port/LAG object changes role (mode or LAG membership): re-create instead of patching. */
export function roleChanged(oldObj: ConfigObject, newObj: ConfigObject): boolean {
  return oldObj.fields.mode !== newObj.fields.mode || oldObj.fields.lag !== newObj.fields.lag;
}

export function removedVlans(oldObj: ConfigObject, newObj: ConfigObject): number[] {
  const n = new Set(Array.isArray(newObj.fields.allowed) ? (newObj.fields.allowed as number[]) : []);
  return (Array.isArray(oldObj.fields.allowed) ? (oldObj.fields.allowed as number[]) : []).filter((v) => !n.has(v));
}

/**
 * Read-back for configuration-text platforms (VRP, NX-OS, EOS, Junos): the read-back command prints the
 * object's part of the running configuration; the object is present when its first line (the section
 * header, or its only line) is there, and intact when every significant line of `apply` is there.
 * Lines a device does not display (defaults such as `no shutdown`, mode navigation such as `exit`) are
 * not compared. Lines a device merges or cuts differently (long VLAN lists) are first folded the
 * platform's way on both sides (`fold`). A present object with missing lines reports them in a `missing`
 * field, so the facts differ from the intent and drift shows.
 */
export function lineReadBack(
  object: ConfigObject,
  output: string,
  ignore: RegExp,
  fold: (lines: readonly string[]) => string[] = (l) => [...l],
  owned?: RegExp,
): { present: boolean; fields?: ConfigObject["fields"] } {
  const norm = (l: string): string => l.trim().replace(/\s+/g, " ");
  const shown = fold(output.split(/\r?\n/).map(norm).filter((l) => l !== ""));
  const seen = new Set(shown);
  const wanted = fold(object.apply.map(norm).filter((l) => l !== "" && !ignore.test(l)));
  if (wanted.length === 0 || !seen.has(wanted[0]!)) return { present: false };
  const missing = wanted.filter((l) => !seen.has(l));
  // a line citydc owns that the device shows and the object does not hold (e.g. a VRRP priority set by
  // hand where the intent is the hidden default) is drift too
  const want = new Set(wanted);
  const unexpected = owned ? shown.filter((l) => owned.test(l) && !want.has(l)) : [];
  if (missing.length === 0 && unexpected.length === 0) return { present: true, fields: object.fields };
  return { present: true, fields: { ...object.fields, ...(missing.length > 0 ? { missing } : {}), ...(unexpected.length > 0 ? { unexpected } : {}) } };
}

/** Configuration text as a device displays it: apply lines without mode navigation, sections separated. */
export function displayText(objects: readonly ConfigObject[], navigation: RegExp, separator: string): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const lines = o.apply.filter((l) => !navigation.test(l));
    if (lines.length === 0) continue;
    out.push(...lines, separator);
  }
  return out;
}

/** Number at the end of a LAG name: "Eth-Trunk11" -> 11, "port-channel10" -> 10, "ae0" -> 0. */
export function lagNumber(name: string): number {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}

/** One ACL entry in neutral words: "permit tcp 10.10.200.0/24 sport 443 -> 10.254.0.12/32", compared by plan, diff and drift. */
export function aclEntryText(e: AclEntryIntent): string {
  const ports = (w: string, p: readonly number[] | undefined): string => (p && p.length > 0 ? ` ${w} ${p.join(",")}` : "");
  return `${e.action} ${e.protocol} ${e.source}${ports("sport", e.sourcePorts)} -> ${e.destination}${ports("dport", e.destinationPorts)}${e.established ? " established" : ""}${e.icmpType ? ` ${e.icmpType}` : ""}`;
}

export function aclFields(a: AclIntent): ConfigObject["fields"] {
  return defined({ name: a.name, vlan: a.vlan, interface: a.interface, vrf: a.vrf, entries: a.entries.map(aclEntryText) });
}

/** "vlan 130 10.10.130.0/24 udp 5060,5061 signalling 24". */
export function markText(m: QosMarkIntent): string {
  const where = m.vlan !== undefined ? `vlan ${m.vlan}` : `port ${m.interface}`;
  return `${where} ${m.source}${m.protocol ? ` ${m.protocol}` : ""}${m.ports.length > 0 ? ` ${m.ports.join(",")}` : ""} ${m.class} ${m.dscp}`;
}

export function qosFields(q: QosIntent): ConfigObject["fields"] {
  return {
    classes: q.classes.map((c) => `${c.name} dscp ${c.dscp} queue ${c.queue} ${c.treatment}${c.share !== undefined ? ` ${c.share}%` : ""}`),
    trust: [...q.trust],
    marking: q.marking.map(markText),
  };
}

/**
 * An entry's port matches one by one (the CLIs take one `eq` per line): every pair of a source and a
 * destination port, or one match without ports.
 */
export function portMatches(e: AclEntryIntent): { readonly sport?: number; readonly dport?: number }[] {
  const s: (number | undefined)[] = e.sourcePorts && e.sourcePorts.length > 0 ? [...e.sourcePorts] : [undefined];
  const d: (number | undefined)[] = e.destinationPorts && e.destinationPorts.length > 0 ? [...e.destinationPorts] : [undefined];
  return s.flatMap((sport) => d.map((dport) => ({ ...(sport !== undefined ? { sport } : {}), ...(dport !== undefined ? { dport } : {}) })));
}

/** The marking rules grouped by where they apply (a VLAN's gateway or a port), in order. */
export function markingTargets(q: QosIntent): { readonly vlan?: number; readonly interface?: string; readonly rules: readonly QosMarkIntent[] }[] {
  const out: { vlan?: number; interface?: string; rules: QosMarkIntent[] }[] = [];
  for (const m of q.marking) {
    const t = out.find((x) => x.vlan === m.vlan && x.interface === m.interface);
    if (t) t.rules.push(m);
    else out.push({ ...(m.vlan !== undefined ? { vlan: m.vlan } : {}), ...(m.interface !== undefined ? { interface: m.interface } : {}), rules: [m] });
  }
  return out;
}

/** The classes marking uses, by DSCP (one remark behaviour each). */
export function markedDscps(q: QosIntent): number[] {
  return [...new Set(q.marking.map((m) => m.dscp))].sort((a, b) => a - b);
}

/** What the default class gets: the link less every other class's share (at least 1%). */
export function defaultShare(q: QosIntent): number {
  return Math.max(1, 100 - q.classes.reduce((n, c) => n + (c.treatment === "default" ? 0 : c.share ?? 0), 0));
}

/** "CITYDC-MARK-V130" for a VLAN's marking, "CITYDC-MARK-xe-0-0-1" for a port's; with k the k+1-th rule's class. */
export function markName(t: { readonly vlan?: number; readonly interface?: string }, k?: number): string {
  return `CITYDC-MARK-${t.vlan !== undefined ? `V${t.vlan}` : (t.interface ?? "").replace(/[^A-Za-z0-9]+/g, "-")}${k !== undefined ? `-${k + 1}` : ""}`;
}

/** A marking rule as the permit entry of the ACL that matches its traffic. */
export function markEntry(m: QosMarkIntent): AclEntryIntent {
  return { action: "permit", protocol: m.protocol ?? "ip", source: m.source, destination: "any", ...(m.ports.length > 0 ? { destinationPorts: m.ports } : {}), reason: m.class };
}

/**
 * Entries of a Cisco-style `ip access-list` (NX-OS and EOS take the same words): `SEQ permit|deny PROTO SRC
 * [eq P] DST [eq P] [established|echo-reply]`, sequence numbers in steps of 10, one port match an entry.
 */
export function ciscoAclLines(entries: readonly AclEntryIntent[], indent: string): string[] {
  const out: string[] = [];
  for (const e of entries) {
    for (const m of portMatches(e)) {
      out.push(
        `${indent}${(out.length + 1) * 10} ${e.action} ${e.protocol} ${e.source}${m.sport !== undefined ? ` eq ${m.sport}` : ""} ${e.destination}${m.dport !== undefined ? ` eq ${m.dport}` : ""}` +
          `${e.established ? " established" : ""}${e.icmpType ? ` ${e.icmpType}` : ""}`,
      );
    }
  }
  return out;
}
