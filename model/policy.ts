/**
 * What the QoS and policy sections of an inventory mean in addresses: the prefixes a policy endpoint
 * names, whether one rule covers another, and DSCP values. Shared by the checks (model/checks/policy.ts)
 * and the intent (intent/policy.ts), so validation and rendering read a rule the same way.
 */
import { contains, formatPrefix, parsePrefix, type Prefix } from "./ip";
import type { Inventory, PolicyEndpoint, PolicyRule, Qos, QosClass, Vlan } from "./types";

/**
 * The six classes every QoS section starts from (RFC 4594's service classes): voice in a strict-priority
 * queue held to 10%, video 30% and signalling and network control 5% each guaranteed, backup as scavenger
 * limited to 5%, best effort what is left.
 */
export const DEFAULT_QOS_CLASSES: readonly QosClass[] = [
  { name: "voice", dscp: "ef", treatment: "priority", share: 10 },
  { name: "video", dscp: "af41", treatment: "guaranteed", share: 30 },
  { name: "signalling", dscp: "cs3", treatment: "guaranteed", share: 5 },
  { name: "network-control", dscp: "cs6", treatment: "guaranteed", share: 5 },
  { name: "scavenger", dscp: "cs1", treatment: "limited", share: 5 },
  { name: "best-effort", dscp: "default", treatment: "default" },
];

/**
 * The classes in effect: the defaults, each overridden by the listed class of its name, then the listed
 * classes that are new (a new class without dscp takes default, without treatment guaranteed). `listed` is
 * the index of each under qos.classes, null for a default the file does not list.
 */
export function qosClasses(qos: Qos): { readonly cls: QosClass; readonly listed: number | null }[] {
  const index = new Map(qos.classes.map((c, i) => [c.name, i] as const));
  const merged = DEFAULT_QOS_CLASSES.map((d) => {
    const i = index.get(d.name);
    const o = i === undefined ? undefined : qos.classes[i];
    // a listed class that changes the treatment to default drops the default's share
    const cls = { ...d, ...o } as QosClass;
    return { cls: o?.treatment === "default" && o.share === undefined ? { ...cls, share: undefined } : cls, listed: i ?? null };
  });
  const extra = qos.classes.flatMap((c, i) => (DEFAULT_QOS_CLASSES.some((d) => d.name === c.name) ? [] : [{ cls: { dscp: "default", treatment: "guaranteed", ...c } as QosClass, listed: i }]));
  return [...merged, ...extra];
}

/** DSCP code points by name (RFC 2474, 2597, 3246). */
const DSCP_NAMES: Readonly<Record<string, number>> = {
  default: 0,
  ef: 46,
  ...Object.fromEntries([1, 2, 3, 4].flatMap((a) => [1, 2, 3].map((b) => [`af${a}${b}`, 8 * a + 2 * b] as const))),
  ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((i) => [`cs${i}`, 8 * i] as const)),
};

/** The DSCP value of a name ("ef" -> 46) or number ("46" -> 46); undefined when neither. */
export function dscpValue(dscp: string): number | undefined {
  const named = DSCP_NAMES[dscp.toLowerCase()];
  if (named !== undefined) return named;
  return /^\d+$/.test(dscp) && Number(dscp) <= 63 ? Number(dscp) : undefined;
}

/** The usual name of a DSCP value (46 -> "ef"), or the number. */
export function dscpName(value: number): string {
  const hit = Object.entries(DSCP_NAMES).find(([n, v]) => v === value && n !== "cs0");
  return hit ? hit[0] : String(value);
}

/** The management VLAN of a policies section: the one it names, else the first VLAN of purpose management. */
export function managementVlan(inv: Inventory): Vlan | undefined {
  const id = inv.policies?.management.vlan;
  return id !== undefined ? inv.vlans.find((v) => v.id === id) : inv.vlans.find((v) => v.purpose === "management");
}

/** The address of a host without prefix length as a /32. */
const hostPrefix = (address: string): string => `${address.split("/")[0]}/32`;

/** The network of "10.10.130.10/24" -> "10.10.130.0/24" (canonical). */
export function networkOf(cidr: string): string | undefined {
  const p = parsePrefix(cidr);
  return p ? formatPrefix(p) : undefined;
}

/** Prefixes a branch site holds: its routers' loopbacks and the networks they advertise. */
function sitePrefixes(inv: Inventory, site: string): string[] {
  const out: string[] = [];
  for (const d of inv.devices) {
    if (d.site !== site) continue;
    if (d.loopback) out.push(`${d.loopback}/32`);
    for (const n of d.bgp?.networks ?? []) out.push(n);
  }
  return out;
}

/**
 * The prefixes one side of a rule names, canonical and de-duplicated; "any" for `any: true`. A tenant is
 * its VLANs' subnets and its branch sites' prefixes; a VRF, service or VLAN its VLANs' subnets; a site the
 * subnets of its VLANs (a branch: its routers' loopbacks and networks); a host its address; management the
 * management VLAN's subnet. Unknown names give no prefixes (the checks report them).
 */
export function endpointPrefixes(inv: Inventory, ep: PolicyEndpoint): string[] | "any" {
  if (ep.any) return "any";
  const subnets = (vlans: readonly Vlan[]): string[] => vlans.flatMap((v) => (v.subnet ? [v.subnet] : []));
  let raw: string[] = [];
  if (ep.tenant !== undefined) {
    raw = [...subnets(inv.vlans.filter((v) => v.tenant === ep.tenant)), ...inv.sites.filter((s) => s.role === "branch" && s.tenant === ep.tenant).flatMap((s) => sitePrefixes(inv, s.name))];
  } else if (ep.vrf !== undefined) raw = subnets(inv.vlans.filter((v) => v.vrf === ep.vrf));
  else if (ep.vlan !== undefined) raw = subnets(inv.vlans.filter((v) => v.id === ep.vlan));
  else if (ep.service !== undefined) {
    const svc = inv.services.find((s) => s.name === ep.service);
    raw = svc ? subnets(inv.vlans.filter((v) => svc.vlans.includes(v.id))) : [];
  } else if (ep.host !== undefined) {
    const h = inv.hosts.find((x) => x.name === ep.host);
    raw = h ? [hostPrefix(h.address)] : [];
  } else if (ep.site !== undefined) {
    const site = inv.sites.find((s) => s.name === ep.site);
    raw = site?.role === "branch" ? sitePrefixes(inv, site.name) : subnets(inv.vlans.filter((v) => v.sites.includes(ep.site!)));
  } else if (ep.subnet !== undefined) raw = [ep.subnet];
  else if (ep.management) {
    const m = managementVlan(inv);
    raw = m?.subnet ? [m.subnet] : [];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const n = networkOf(r);
    if (n && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

/** "tenant city", "VLAN 130", "host kg-nms1", "any": one side of a rule for people. */
export function endpointText(ep: PolicyEndpoint): string {
  if (ep.any) return "any";
  if (ep.management) return "management";
  const [k, v] = Object.entries(ep)[0] ?? ["?", "?"];
  return `${k === "vlan" ? "VLAN" : k} ${v}`;
}

const within = (outer: Prefix, inner: Prefix): boolean => outer.length <= inner.length && contains(outer, inner.network);

/** True when every prefix of `inner` lies inside one of `outer` ("any" covers everything). */
export function prefixesCover(outer: readonly string[] | "any", inner: readonly string[] | "any"): boolean {
  if (outer === "any") return true;
  if (inner === "any") return false;
  const o = outer.map(parsePrefix).filter((p): p is Prefix => p !== undefined);
  return inner.every((i) => {
    const p = parsePrefix(i);
    return p !== undefined && o.some((x) => within(x, p));
  });
}

/** True when the two sets of prefixes share an address. */
export function prefixesOverlap(a: readonly string[] | "any", b: readonly string[] | "any"): boolean {
  if (a === "any" || b === "any") return (a === "any" || a.length > 0) && (b === "any" || b.length > 0);
  const pa = a.map(parsePrefix).filter((p): p is Prefix => p !== undefined);
  return b.some((i) => {
    const p = parsePrefix(i);
    return p !== undefined && pa.some((x) => within(x, p) || within(p, x));
  });
}

/** True when every packet `inner` matches (protocol and ports) `outer` matches too. */
export function trafficCovers(outer: Pick<PolicyRule, "protocol" | "ports">, inner: Pick<PolicyRule, "protocol" | "ports">): boolean {
  if (outer.protocol === "any") return true;
  if (outer.protocol !== inner.protocol) return false;
  if (outer.ports.length === 0) return true;
  return inner.ports.length > 0 && inner.ports.every((p) => outer.ports.includes(p));
}

/** True when some packet matches both. */
export function trafficOverlaps(a: Pick<PolicyRule, "protocol" | "ports">, b: Pick<PolicyRule, "protocol" | "ports">): boolean {
  if (a.protocol !== "any" && b.protocol !== "any" && a.protocol !== b.protocol) return false;
  if (a.ports.length === 0 || b.ports.length === 0) return true;
  return a.ports.some((p) => b.ports.includes(p));
}
