/**
 * QoS and traffic policy per device, from the inventory's qos and policies sections (model/policy.ts reads
 * what a rule names). Where things happen:
 *
 * - Trust and queueing: every port and LAG cabled to another network device trusts the DSCP it receives and
 *   queues by class on the way out. Host ports are not trusted: what a host sends is marked at its gateway.
 * - Marking: at a VLAN's gateways, for traffic from the VLAN's subnet (explicit marking entries first, then
 *   the VLAN's purpose: voice, video, backup as scavenger), and on routed ports the qos section names.
 * - ACLs: inbound where traffic enters the routed network: at every gateway of a VLAN (from its subnet) and on
 *   every data-center port that faces a branch site (whatever arrives there comes from that site's tenant).
 *   Each ACL holds, in order: the rules that concern its source (first match wins), replies to the allowed
 *   flows that end in its source, the management rule (jump hosts allowed; replies of established TCP and
 *   echo replies allowed; everything else denied), tenant isolation (a deny towards every other tenant's
 *   prefixes), and a final permit. The entries are stateless, as the switches' ACLs are.
 */
import { dscpValue, endpointPrefixes, managementVlan, qosClasses as qosClassesOf, networkOf, prefixesCover, prefixesOverlap } from "../model/policy";
import { naturalCompare } from "../util/natural";
import type { Inventory, PolicyRule, Vlan } from "../model/types";
import type { AclEntryIntent, AclIntent, DeviceIntent, QosClassIntent, QosIntent, QosMarkIntent } from "./types";

/** Queues of the default classes (8 queues; 5 for voice is the usual EF queue). */
const QUEUES: Readonly<Record<string, number>> = { "best-effort": 0, scavenger: 1, signalling: 3, video: 4, voice: 5, "network-control": 6 };

/** The class a VLAN's purpose implies. */
const PURPOSE_CLASS: Readonly<Record<string, string>> = { voice: "voice", video: "video", backup: "scavenger" };

/** The classes with their queues: the defaults' own, others the free queues 2 and 7 in order. */
export function qosClasses(inv: Inventory): QosClassIntent[] {
  const free = [2, 7];
  return (inv.qos ? qosClassesOf(inv.qos).map((x) => x.cls) : []).map((c) => ({
    name: c.name,
    dscp: dscpValue(c.dscp) ?? 0,
    queue: QUEUES[c.name] ?? free.shift() ?? 0,
    treatment: c.treatment,
    ...(c.share !== undefined ? { share: c.share } : {}),
  }));
}

/**
 * An ACL's name: "CITYDC-V130-IN" for a VLAN's, "CITYDC-KG-JKP-IN" for the port that faces branch site kg-jkp
 * ("-2" and on for a second port towards the same site). Never the interface's name: Ansible's arista.eos
 * parser skips an interface's lines that contain the interface's name.
 */
export function aclName(target: { vlan?: number; site?: string; nth?: number }): string {
  if (target.site === undefined) return `CITYDC-V${target.vlan}-IN`;
  return `CITYDC-${target.site.toUpperCase().replace(/[^A-Z0-9]+/g, "-")}${target.nth ? `-${target.nth + 1}` : ""}-IN`;
}

interface Scope {
  /** The source prefix of the entries: the VLAN's subnet, or "any" on a branch port. */
  readonly src: string;
  /** What the scope holds, to match rules against. */
  readonly prefixes: readonly string[];
  readonly tenant?: string;
  readonly site?: string;
  readonly management: boolean;
}

const protocolOf = (r: PolicyRule): AclEntryIntent["protocol"] => (r.protocol === "any" ? "ip" : r.protocol);

/** The entries of one inbound ACL. */
function aclEntries(inv: Inventory, scope: Scope, tenantPrefixes: ReadonlyMap<string, readonly string[]>, mgmt: readonly string[]): AclEntryIntent[] {
  const pol = inv.policies!;
  const out: AclEntryIntent[] = [];
  const push = (e: AclEntryIntent): void => {
    out.push(e);
  };
  /** The sources a rule's side holds inside this scope (none: the rule is not about this scope). */
  const sourcesIn = (side: PolicyRule["from"], prefixes: readonly string[] | "any"): string[] => {
    if (prefixes === "any") return [scope.src];
    if (scope.src === "any") {
      // a branch port: the tenant or site names all of it; prefixes only what they hold
      if ((side.tenant !== undefined && side.tenant === scope.tenant) || (side.site !== undefined && side.site === scope.site)) return ["any"];
      return prefixes.filter((p) => prefixesOverlap([p], scope.prefixes));
    }
    if (prefixesCover(prefixes, [scope.src])) return [scope.src];
    return prefixes.filter((p) => prefixesCover([scope.src], [p]));
  };
  for (const r of pol.rules) {
    const fromP = endpointPrefixes(inv, r.from);
    const toP = endpointPrefixes(inv, r.to);
    const srcs = sourcesIn(r.from, fromP);
    const dsts = toP === "any" ? ["any"] : toP;
    for (const s of srcs)
      for (const d of dsts)
        push({ action: r.action === "allow" ? "permit" : "deny", protocol: protocolOf(r), source: s, destination: d, ...(r.ports.length > 0 ? { destinationPorts: [...r.ports] } : {}), reason: r.name });
  }
  // replies to the allowed flows that end here (the ACLs are stateless)
  for (const r of pol.rules) {
    if (r.action !== "allow") continue;
    const toP = endpointPrefixes(inv, r.to);
    const back = sourcesIn(r.to, toP);
    if (back.length === 0) continue;
    const fromP = endpointPrefixes(inv, r.from);
    const dsts = fromP === "any" ? ["any"] : fromP;
    for (const s of back)
      for (const d of dsts) {
        if (r.protocol === "icmp") push({ action: "permit", protocol: "icmp", source: s, destination: d, icmpType: "echo-reply", reason: `reply to ${r.name}` });
        else push({ action: "permit", protocol: protocolOf(r), source: s, destination: d, ...(r.ports.length > 0 ? { sourcePorts: [...r.ports] } : {}), reason: `reply to ${r.name}` });
      }
  }
  if (!scope.management && mgmt.length > 0) {
    for (const h of pol.management.jumpHosts) {
      const host = inv.hosts.find((x) => x.name === h);
      const a = host ? networkOf(`${host.address.split("/")[0]}/32`) : undefined;
      if (!a) continue;
      if (scope.src === "any" ? !prefixesOverlap([a], scope.prefixes) : !prefixesCover([scope.src], [a])) continue;
      for (const m of mgmt) push({ action: "permit", protocol: "ip", source: a, destination: m, reason: `management: jump host ${h}` });
    }
    for (const m of mgmt) {
      push({ action: "permit", protocol: "tcp", source: scope.src, destination: m, established: true, reason: "management: replies" });
      push({ action: "permit", protocol: "icmp", source: scope.src, destination: m, icmpType: "echo-reply", reason: "management: replies" });
      push({ action: "deny", protocol: "ip", source: scope.src, destination: m, reason: "management" });
    }
  }
  if (pol.tenantIsolation && scope.tenant !== undefined) {
    for (const [t, prefixes] of tenantPrefixes) {
      if (t === scope.tenant) continue;
      for (const p of prefixes) {
        if (prefixesOverlap([p], scope.prefixes) || prefixesOverlap([p], mgmt)) continue;
        push({ action: "deny", protocol: "ip", source: scope.src, destination: p, reason: `tenant-isolation: ${t}` });
      }
    }
  }
  push({ action: "permit", protocol: "ip", source: scope.src, destination: "any", reason: "default" });
  return out;
}

/** The VLAN a gateway serves at the device's site. */
function vlanOf(inv: Inventory, id: number, site: string): Vlan | undefined {
  return inv.vlans.find((v) => v.id === id && v.sites.includes(site)) ?? inv.vlans.find((v) => v.id === id);
}

/** The intents with their qos and acls, for an inventory with qos or policies sections (the same map otherwise). */
export function withPolicy(inv: Inventory, intents: Map<string, DeviceIntent>): Map<string, DeviceIntent> {
  if (!inv.qos && !inv.policies) return intents;
  const classes = qosClasses(inv);
  const classByName = new Map(classes.map((c) => [c.name, c] as const));
  const siteOf = new Map(inv.devices.map((d) => [d.name, d.site] as const));
  const siteByName = new Map(inv.sites.map((s) => [s.name, s] as const));
  // every cabled end, to its far device
  const farOf = new Map<string, string>();
  for (const l of inv.links) {
    farOf.set(`${l.a.device}\u0000${l.a.interface}`, l.b.device);
    farOf.set(`${l.b.device}\u0000${l.b.interface}`, l.a.device);
  }
  const tenantPrefixes = new Map<string, readonly string[]>();
  for (const t of inv.tenants) {
    const p = endpointPrefixes(inv, { tenant: t.name });
    tenantPrefixes.set(t.name, p === "any" ? [] : p);
  }
  const mgmtVlan = inv.policies ? managementVlan(inv) : undefined;
  const mgmtP = endpointPrefixes(inv, { management: true });
  const mgmt = mgmtP === "any" || !inv.policies ? [] : mgmtP;

  const out = new Map<string, DeviceIntent>();
  for (const [name, intent] of intents) {
    const key = (port: string): string => `${name}\u0000${port}`;
    let qos: QosIntent | undefined;
    if (inv.qos) {
      const lagFacing = new Set(intent.ports.filter((p) => p.lag !== undefined && farOf.has(key(p.name))).map((p) => p.lag!));
      const trust = [...intent.ports.filter((p) => p.lag === undefined && p.name !== intent.management.interface && farOf.has(key(p.name))).map((p) => p.name), ...intent.lags.filter((l) => lagFacing.has(l.name)).map((l) => l.name)].sort(naturalCompare);
      const marking: QosMarkIntent[] = [];
      for (const g of intent.gateways) {
        const v = vlanOf(inv, g.vlan, intent.site);
        const subnet = v?.subnet ? networkOf(v.subnet) : undefined;
        if (!v || !subnet) continue;
        const where = { vlan: g.vlan, ...(g.interface !== undefined ? { interface: g.interface } : {}) };
        for (const m of inv.qos.marking) {
          const c = classByName.get(m.class);
          if (!c) continue;
          let source: string | undefined;
          if (m.vlan === g.vlan && m.subnet === undefined) source = subnet;
          else if (m.subnet !== undefined && (m.vlan === undefined || m.vlan === g.vlan) && prefixesCover([subnet], [networkOf(m.subnet) ?? m.subnet])) source = networkOf(m.subnet);
          if (source === undefined || m.interface !== undefined) continue;
          marking.push({ ...where, source, ...(m.protocol ? { protocol: m.protocol } : {}), ports: [...m.ports], class: c.name, dscp: c.dscp });
        }
        const implied = inv.qos.markByPurpose ? PURPOSE_CLASS[v.purpose] : undefined;
        const c = implied ? classByName.get(implied) : undefined;
        if (c) marking.push({ ...where, source: subnet, ports: [], class: c.name, dscp: c.dscp });
      }
      for (const m of inv.qos.marking) {
        const c = classByName.get(m.class);
        if (m.device !== name || m.interface === undefined || !c) continue;
        marking.push({ interface: m.interface, source: m.subnet ? networkOf(m.subnet) ?? "any" : "any", ...(m.protocol ? { protocol: m.protocol } : {}), ports: [...m.ports], class: c.name, dscp: c.dscp });
      }
      qos = { classes, trust, marking };
    }
    let acls: AclIntent[] | undefined;
    if (inv.policies) {
      acls = [];
      for (const g of intent.gateways) {
        const v = vlanOf(inv, g.vlan, intent.site);
        const subnet = v?.subnet ? networkOf(v.subnet) : undefined;
        if (!v || !subnet) continue;
        const scope: Scope = { src: subnet, prefixes: [subnet], tenant: v.tenant, management: mgmtVlan !== undefined && mgmtVlan.id === v.id };
        acls.push({ name: aclName({ vlan: g.vlan }), vlan: g.vlan, ...(g.interface !== undefined ? { interface: g.interface } : {}), ...(g.vrf ? { vrf: g.vrf } : {}), entries: aclEntries(inv, scope, tenantPrefixes, mgmt) });
      }
      const home = siteByName.get(intent.site);
      if (home && home.role !== "branch") {
        const routed = [...intent.ports.filter((p) => p.mode === "routed" && p.lag === undefined), ...intent.lags.map((l) => l.port).filter((p) => p.mode === "routed")];
        const bySite = new Map<string, number>();
        for (const p of routed) {
          const far = farOf.get(key(p.name));
          const farSite = far ? siteByName.get(siteOf.get(far) ?? "") : undefined;
          if (!farSite || farSite.role !== "branch") continue;
          const own = endpointPrefixes(inv, { site: farSite.name });
          const scope: Scope = { src: "any", prefixes: own === "any" ? [] : own, ...(farSite.tenant ? { tenant: farSite.tenant } : {}), site: farSite.name, management: false };
          const nth = bySite.get(farSite.name) ?? 0;
          bySite.set(farSite.name, nth + 1);
          acls.push({ name: aclName({ site: farSite.name, nth }), interface: p.name, ...(p.vrf ? { vrf: p.vrf } : {}), entries: aclEntries(inv, scope, tenantPrefixes, mgmt) });
        }
      }
    }
    out.set(name, { ...intent, ...(qos ? { qos } : {}), ...(acls && acls.length > 0 ? { acls } : {}) });
  }
  return out;
}

/** A packet as an ACL sees it (a probe of the twin's policy matrix). */
export interface Packet {
  readonly source: string;
  readonly destination: string;
  readonly protocol: "icmp" | "tcp" | "udp";
  readonly sport?: number;
  readonly dport?: number;
  /** TCP: ACK or RST set (any packet of a connection after its SYN). */
  readonly ack?: boolean;
  readonly icmpType?: "echo-request" | "echo-reply";
}

const inPrefix = (prefix: string, address: string): boolean => prefix === "any" || prefixesCover([prefix], [`${address}/32`]);

/** The first entry of the ACL that matches the packet, and the verdict (no entry matches: permitted, as the twin's chains and VRP's traffic-filter let it pass). */
export function evaluateAcl(acl: AclIntent, p: Packet): { readonly verdict: "permit" | "deny"; readonly entry?: AclEntryIntent } {
  for (const e of acl.entries) {
    if (e.protocol !== "ip" && e.protocol !== p.protocol) continue;
    if (!inPrefix(e.source, p.source) || !inPrefix(e.destination, p.destination)) continue;
    if (e.sourcePorts && (p.sport === undefined || !e.sourcePorts.includes(p.sport))) continue;
    if (e.destinationPorts && (p.dport === undefined || !e.destinationPorts.includes(p.dport))) continue;
    if (e.established && !(p.protocol === "tcp" && p.ack)) continue;
    if (e.icmpType && p.icmpType !== e.icmpType) continue;
    return { verdict: e.action, entry: e };
  }
  return { verdict: "permit" };
}

/** The DSCP a gateway's marking gives a packet entering from VLAN `vlan` (undefined: left as it came). */
export function markedDscp(qos: QosIntent, vlan: number, p: Packet): { readonly dscp: number; readonly class: string } | undefined {
  for (const m of qos.marking) {
    if (m.vlan !== vlan || !inPrefix(m.source, p.source)) continue;
    if (m.protocol && m.protocol !== p.protocol) continue;
    if (m.ports.length > 0 && (p.dport === undefined || !m.ports.includes(p.dport))) continue;
    return { dscp: m.dscp, class: m.class };
  }
  return undefined;
}
