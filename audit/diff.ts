/**
 * Semantic diff of two inventory revisions, by object and not by line (pure: no I/O, no Pulumi).
 *
 * Every object is identified by its natural key (inventory/types.ts): tenant, VRF, site, rack, device and
 * host by name; an interface or LAG by device and name; a VLAN by id (by group and id in a VLAN group); a
 * link by its two ends, sorted; a service, VLAN group and MLAG pair by name; a DR protection by its DR site;
 * QoS and the policy defaults once; a policy rule by name. Each object is flattened into named fields
 * ("management.address", "routes[default 0.0.0.0/0].nextHop", "gateways[kg-dc1-core01].priority"), and
 * two revisions are compared field by field. Lists that are sets in the model (a VLAN's sites, a trunk's
 * allowed VLANs, a service's VLANs, DR VLANs and services, BGP networks, an MST instance's VLANs, a VLAN
 * group's sites, jump hosts, a rule's ports) are compared sorted; lists whose order means something (a
 * VLAN's gateways: the first one is the VRRP master; an MLAG pair's devices: the first is the primary; QoS
 * marking: first match) keep their order. So a file whose objects are reordered or reformatted shows no
 * difference.
 *
 * Renames (documented in docs/diff-format.md): an object that disappears under one key while another
 * appears under a new key is reported as ONE rename when its identity is clear, i.e. exactly one removed
 * and exactly one added object of that type share the identity below (ambiguous pairs stay remove + add):
 *   device   same site, rack, position, platform, management address and the same interface names;
 *            every reference to the old name (its interfaces and LAGs, link ends, host attachments, VLAN
 *            gateways) is followed, so the rename does not also show as a remove + add of its ports;
 *   rack     same site, height and description; device.rack references are followed;
 *   vlan     (a renumber) same name and subnet (same name and tenant when neither has a subnet); the
 *            ports that carried the old id DO show as changed: their configuration really changes;
 *   host     same attachment (device + interface, after device renames) and address;
 *   service  same tenant and the same VLANs.
 * A VLAN keeping its id under a new name is a change of its `name` field (the id is its identity).
 * Sites, tenants and VRFs are never paired: renaming one is a remove + add of the object.
 *
 * Linear in the size of both inventories: maps by key, one pass per object type.
 */
import { endpointText, qosClasses } from "../model/policy";
import type { Device, Inventory, Link, LinkEnd } from "../model/types";
import { naturalCompare } from "../util/natural";

export type DiffObjectType =
  | "inventory"
  | "tenant"
  | "vrf"
  | "site"
  | "rack"
  | "device"
  | "interface"
  | "lag"
  | "vlan"
  | "link"
  | "host"
  | "service"
  | "dr"
  | "mlag"
  | "vlan-group"
  | "qos"
  | "policy";

/** Order in which types are listed within a site group. */
export const TYPE_ORDER: readonly DiffObjectType[] = [
  "inventory",
  "site",
  "tenant",
  "vrf",
  "rack",
  "device",
  "lag",
  "interface",
  "vlan-group",
  "vlan",
  "link",
  "mlag",
  "host",
  "service",
  "dr",
  "qos",
  "policy",
];

export type DiffAction = "add" | "remove" | "change" | "rename";

export type Scalar = string | number | boolean;
export type FieldValue = Scalar | readonly Scalar[];

export interface FieldChange {
  readonly field: string;
  /** Absent (undefined; null in JSON) when the field was not set. */
  readonly old?: FieldValue;
  readonly new?: FieldValue;
}

export interface ObjectDiff {
  readonly type: DiffObjectType;
  readonly action: DiffAction;
  /** Natural key in the new revision (in the old one for a removal). */
  readonly key: string;
  /** For a rename: the key in the old revision. */
  readonly oldKey?: string;
  /** For people: "VLAN 120 (video)", "interface kg-dc1-leaf01 10GE1/0/5". */
  readonly label: string;
  /** Sites the object belongs to (empty for global objects: tenants, VRFs, services, the inventory). */
  readonly sites: readonly string[];
  /** An interface or LAG of a device that is itself added or removed: "device:<name>" (output may fold it). */
  readonly within?: string;
  /** change / rename: the fields that differ. add / remove: every field of the object, old or new side. */
  readonly fields: readonly FieldChange[];
}

export interface DiffCounts {
  readonly total: number;
  readonly add: number;
  readonly remove: number;
  readonly change: number;
  readonly rename: number;
}

export interface InventoryDiff {
  readonly equal: boolean;
  /** Sorted: by site group, then TYPE_ORDER, then key in natural order. */
  readonly changes: readonly ObjectDiff[];
  readonly counts: DiffCounts;
  readonly byType: Readonly<Partial<Record<DiffObjectType, DiffCounts>>>;
  /** Sites touched by at least one change, sorted. */
  readonly sites: readonly string[];
}

// ---------------------------------------------------------------- flattened entities

type Flat = Map<string, FieldValue>;

interface Entity {
  readonly type: DiffObjectType;
  readonly key: string;
  readonly label: string;
  readonly sites: readonly string[];
  readonly fields: Flat;
}

type PortLike = {
  description?: string; speed?: string; mode?: string; vlan?: number; allowed?: readonly number[] | "all";
  native?: number; address?: string; vrf?: string; lag?: string; enabled?: boolean; mtu?: number; lacp?: string;
  mlag?: boolean; stp?: { readonly edge?: boolean; readonly guard?: string };
};

const PORT_SCALARS = ["description", "speed", "mode", "vlan", "native", "address", "vrf", "lag", "lacp", "enabled", "mtu", "mlag"] as const;

function sameAllowed(a: PortLike["allowed"], b: PortLike["allowed"]): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  let inOrder = true;
  for (let i = 0; i < a.length && inOrder; i++) if (a[i] !== b[i]) inOrder = false;
  if (inOrder) return true;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}

/** Equality of two interfaces or LAGs without building their flattened fields. */
function samePort(a: PortLike, b: PortLike): boolean {
  for (const k of PORT_SCALARS) if (a[k] !== b[k]) return false;
  if (a.stp?.edge !== b.stp?.edge || a.stp?.guard !== b.stp?.guard) return false;
  return sameAllowed(a.allowed, b.allowed);
}

function set(flat: Flat, name: string, value: FieldValue | undefined | null): void {
  if (value === undefined || value === null) return;
  flat.set(name, value);
}

function sortedSet(values: readonly Scalar[]): Scalar[] {
  const copy = [...values];
  if (copy.every((v) => typeof v === "number")) return (copy as number[]).sort((a, b) => a - b);
  return copy.map(String).sort(naturalCompare);
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return false;
}

const identity = (s: string): string => s;

/** Renames already decided, applied to references while the old revision is flattened. */
interface Renames {
  readonly device: (name: string) => string;
  readonly rack: (name: string) => string;
}

const NO_RENAMES: Renames = { device: identity, rack: identity };

export function endKey(end: LinkEnd, dn: (n: string) => string = identity): string {
  return `${dn(end.device)}:${end.interface}`;
}

export function linkKey(link: Link, dn: (n: string) => string = identity): string {
  const a = endKey(link.a, dn);
  const b = endKey(link.b, dn);
  return naturalCompare(a, b) <= 0 ? `${a} <-> ${b}` : `${b} <-> ${a}`;
}

/** The ID of a VLAN key ("120", "kg-dc2-local/120"), for sorting. */
const vlanOrder = (key: string): number => Number(key.slice(key.lastIndexOf("/") + 1));

function vlanLabel(id: number, name: string): string {
  return `VLAN ${id} (${name})`;
}

function portFields(p: PortLike): Flat {
  const flat: Flat = new Map();
  set(flat, "description", p.description);
  set(flat, "speed", p.speed);
  set(flat, "mode", p.mode);
  set(flat, "vlan", p.vlan);
  if (p.allowed !== undefined) set(flat, "allowed", p.allowed === "all" ? "all" : sortedSet(p.allowed));
  set(flat, "native", p.native);
  set(flat, "address", p.address);
  set(flat, "vrf", p.vrf);
  set(flat, "lag", p.lag);
  set(flat, "lacp", p.lacp);
  set(flat, "enabled", p.enabled);
  set(flat, "mtu", p.mtu);
  set(flat, "mlag", p.mlag);
  set(flat, "stp.edge", p.stp?.edge);
  set(flat, "stp.guard", p.stp?.guard);
  return flat;
}

function deviceFields(d: Device, r: Renames): Flat {
  const f: Flat = new Map();
  set(f, "site", d.site);
  set(f, "rack", d.rack === undefined ? undefined : r.rack(d.rack));
  set(f, "position", d.position);
  set(f, "height", d.height);
  set(f, "role", d.role);
  set(f, "platform", d.platform);
  set(f, "model", d.model);
  const m = d.management;
  set(f, "management.address", m.address);
  set(f, "management.port", m.port);
  set(f, "management.user", m.user);
  set(f, "management.hostKey", m.hostKey);
  set(f, "management.interface", m.interface);
  set(f, "management.vlan", m.vlan);
  set(f, "management.inband.prefixLength", m.inband?.prefixLength);
  set(f, "management.inband.gateway", m.inband?.gateway);
  set(f, "loopback", d.loopback);
  set(f, "stp.enabled", d.stp?.enabled);
  set(f, "stp.priority", d.stp?.priority);
  for (const rt of d.routes ?? []) set(f, `routes[${rt.vrf ?? "default"} ${rt.prefix}].nextHop`, rt.nextHop);
  if (d.bgp) {
    set(f, "bgp.asn", d.bgp.asn);
    set(f, "bgp.routerId", d.bgp.routerId);
    set(f, "bgp.networks", sortedSet(d.bgp.networks ?? []));
    for (const n of d.bgp.neighbors ?? []) {
      set(f, `bgp.neighbors[${n.address}].remoteAs`, n.remoteAs);
      set(f, `bgp.neighbors[${n.address}].description`, n.description);
    }
  }
  return f;
}

/** Every object of one revision, per type, keyed by natural key (interfaces and LAGs: per device in `ports`). */
type Entities = Map<DiffObjectType, Map<string, Entity>>;

interface DevicePorts {
  readonly sites: readonly string[];
  readonly interfaces: readonly (PortLike & { readonly name: string })[];
  readonly lags: readonly (PortLike & { readonly name: string })[];
}

function flatten(inv: Inventory, r: Renames, ports: Map<string, DevicePorts>): Entities {
  const out: Entities = new Map(TYPE_ORDER.map((t) => [t, new Map<string, Entity>()]));
  const put = (e: Entity): void => void out.get(e.type)!.set(e.key, e);
  const deviceSite = new Map<string, string>();
  for (const d of inv.devices ?? []) deviceSite.set(r.device(d.name), d.site);
  const siteOf = (device: string): string[] => {
    const s = deviceSite.get(device);
    return s === undefined ? [] : [s];
  };

  const top: Flat = new Map();
  set(top, "version", inv.version);
  set(top, "name", inv.name);
  set(top, "description", inv.description);
  put({ type: "inventory", key: "inventory", label: "inventory", sites: [], fields: top });

  for (const t of inv.tenants ?? []) {
    const f: Flat = new Map();
    set(f, "description", t.description);
    put({ type: "tenant", key: t.name, label: `tenant ${t.name}`, sites: [], fields: f });
  }
  for (const v of inv.vrfs ?? []) {
    const f: Flat = new Map();
    set(f, "tenant", v.tenant);
    set(f, "description", v.description);
    set(f, "rd", v.rd);
    put({ type: "vrf", key: v.name, label: `VRF ${v.name}`, sites: [], fields: f });
  }
  for (const s of inv.sites ?? []) {
    const f: Flat = new Map();
    set(f, "role", s.role);
    set(f, "description", s.description);
    set(f, "protects", s.protects);
    set(f, "authority", s.authority);
    set(f, "tenant", s.tenant);
    set(f, "asn", s.asn);
    if (s.stp) {
      set(f, "stp.mode", s.stp.mode);
      set(f, "stp.region", s.stp.region);
      set(f, "stp.revision", s.stp.revision);
      for (const i of s.stp.instances) set(f, `stp.instances[${i.id}].vlans`, sortedSet(i.vlans));
    }
    put({ type: "site", key: s.name, label: `site ${s.name}`, sites: [s.name], fields: f });
  }
  for (const k of inv.racks ?? []) {
    const f: Flat = new Map();
    set(f, "site", k.site);
    set(f, "height", k.height);
    set(f, "description", k.description);
    const name = r.rack(k.name);
    put({ type: "rack", key: name, label: `rack ${name}`, sites: [k.site], fields: f });
  }
  for (const d of inv.devices ?? []) {
    const name = r.device(d.name);
    const sites = [d.site];
    put({ type: "device", key: name, label: `device ${name}`, sites, fields: deviceFields(d, r) });
    // Interfaces and LAGs (the bulk of an inventory) are compared device by device, see portDiffs.
    ports.set(name, { sites, interfaces: d.interfaces ?? [], lags: d.lags ?? [] });
  }
  for (const v of inv.vlans ?? []) {
    const f: Flat = new Map();
    set(f, "name", v.name);
    set(f, "tenant", v.tenant);
    set(f, "vrf", v.vrf);
    set(f, "purpose", v.purpose);
    set(f, "description", v.description);
    set(f, "sites", sortedSet(v.sites ?? []));
    set(f, "subnet", v.subnet);
    set(f, "gateway", v.gateway);
    const gws = v.gateways ?? [];
    if (gws.length > 0) set(f, "gateways", gws.map((g) => r.device(g.device)));
    for (const g of gws) {
      const dn = r.device(g.device);
      set(f, `gateways[${dn}].address`, g.address);
      set(f, `gateways[${dn}].priority`, g.priority);
    }
    set(f, "vrid", v.vrid);
    set(f, "group", v.group);
    const sites = sortedSet(v.sites ?? []).map(String);
    // a VLAN in a group is known by group and ID (the ID may mean another VLAN in another group)
    const key = v.group === undefined ? String(v.id) : `${v.group}/${v.id}`;
    put({ type: "vlan", key, label: v.group === undefined ? vlanLabel(v.id, v.name) : `${vlanLabel(v.id, v.name)} in group ${v.group}`, sites, fields: f });
  }
  for (const g of inv.vlanGroups ?? []) {
    const f: Flat = new Map();
    set(f, "sites", sortedSet(g.sites));
    set(f, "description", g.description);
    put({ type: "vlan-group", key: g.name, label: `VLAN group ${g.name}`, sites: sortedSet(g.sites).map(String), fields: f });
  }
  for (const l of inv.links ?? []) {
    const f: Flat = new Map();
    set(f, "kind", l.kind);
    set(f, "description", l.description);
    set(f, "bgp", l.bgp);
    const key = linkKey(l, r.device);
    const sites = [...new Set([...siteOf(r.device(l.a.device)), ...siteOf(r.device(l.b.device))])].sort(naturalCompare);
    put({ type: "link", key, label: `link ${key}`, sites, fields: f });
  }
  for (const m of inv.mlag ?? []) {
    const f: Flat = new Map();
    // in order: the first device is the primary, and the keepalive addresses follow the devices
    set(f, "devices", m.devices.map(r.device));
    set(f, "domain", m.domain);
    set(f, "peerLink", m.peerLink);
    if (m.keepalive) set(f, "keepalive", [...m.keepalive]);
    set(f, "peerVlan", m.peerVlan);
    const sites = [...new Set(m.devices.flatMap((d) => siteOf(r.device(d))))].sort(naturalCompare);
    put({ type: "mlag", key: m.name, label: `MLAG pair ${m.name}`, sites, fields: f });
  }
  for (const h of inv.hosts ?? []) {
    const f: Flat = new Map();
    set(f, "tenant", h.tenant);
    set(f, "attach", endKey(h.attach, r.device));
    set(f, "address", h.address);
    set(f, "gateway", h.gateway);
    set(f, "description", h.description);
    put({ type: "host", key: h.name, label: `host ${h.name}`, sites: siteOf(r.device(h.attach.device)), fields: f });
  }
  for (const s of inv.services ?? []) {
    const f: Flat = new Map();
    set(f, "description", s.description);
    set(f, "tenant", s.tenant);
    set(f, "vlans", sortedSet(s.vlans ?? []));
    put({ type: "service", key: s.name, label: `service ${s.name}`, sites: [], fields: f });
  }
  for (const p of inv.dr ?? []) {
    const f: Flat = new Map();
    set(f, "protects", p.protects);
    set(f, "vlans", sortedSet(p.vlans ?? []));
    set(f, "services", sortedSet(p.services ?? []));
    const sites = [p.site, p.protects].sort(naturalCompare);
    put({ type: "dr", key: p.site, label: `DR protection ${p.site} -> ${p.protects}`, sites, fields: f });
  }
  if (inv.qos) {
    const f: Flat = new Map();
    // the section's classes as in effect (defaults merged), its marking in order
    set(f, "classes", qosClasses(inv.qos).map(({ cls: c }) => `${c.name} ${c.dscp} ${c.treatment}${c.share !== undefined ? ` ${c.share}%` : ""}`));
    set(f, "marking", inv.qos.marking.map((m) => `${m.vlan !== undefined ? `vlan ${m.vlan} ` : ""}${m.subnet ? `${m.subnet} ` : ""}${m.device ? `${r.device(m.device)} ${m.interface} ` : ""}${m.protocol ? `${m.protocol} ` : ""}${m.ports.length > 0 ? `${m.ports.join(",")} ` : ""}-> ${m.class}`));
    set(f, "markByPurpose", inv.qos.markByPurpose);
    put({ type: "qos", key: "qos", label: "QoS", sites: [], fields: f });
  }
  if (inv.policies) {
    const p = inv.policies;
    const f: Flat = new Map();
    set(f, "tenantIsolation", p.tenantIsolation);
    set(f, "managementVlan", p.management.vlan);
    set(f, "jumpHosts", sortedSet(p.management.jumpHosts));
    put({ type: "policy", key: "policies", label: "policies (defaults)", sites: [], fields: f });
    p.rules.forEach((rule, i) => {
      const g: Flat = new Map();
      set(g, "position", i + 1);
      set(g, "action", rule.action);
      set(g, "from", endpointText(rule.from));
      set(g, "to", endpointText(rule.to));
      set(g, "protocol", rule.protocol);
      set(g, "ports", sortedSet(rule.ports));
      set(g, "description", rule.description);
      put({ type: "policy", key: `rule ${rule.name}`, label: `policy rule ${rule.name}`, sites: [], fields: g });
    });
  }
  return out;
}

// ---------------------------------------------------------------- rename detection

/**
 * Pairs removed and added names whose identity strings match one to one. Identities that occur more
 * than once on either side are ambiguous and are not paired.
 */
function pairByIdentity<T>(
  removed: readonly T[],
  added: readonly T[],
  identityOf: (x: T) => string,
  nameOf: (x: T) => string,
): Map<string, string> {
  const count = (xs: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const id = identityOf(x);
      const list = m.get(id);
      if (list) list.push(x);
      else m.set(id, [x]);
    }
    return m;
  };
  const r = count(removed);
  const a = count(added);
  const pairs = new Map<string, string>();
  for (const [id, olds] of r) {
    const news = a.get(id);
    if (olds.length === 1 && news && news.length === 1) pairs.set(nameOf(olds[0]!), nameOf(news[0]!));
  }
  return pairs;
}

function onlyIn<T>(xs: readonly T[], other: ReadonlySet<string>, nameOf: (x: T) => string): T[] {
  return xs.filter((x) => !other.has(nameOf(x)));
}

function namesOf<T>(xs: readonly T[] | undefined, nameOf: (x: T) => string): Set<string> {
  return new Set((xs ?? []).map(nameOf));
}

function rackRenames(oldInv: Inventory, newInv: Inventory): Map<string, string> {
  const oldNames = namesOf(oldInv.racks, (k) => k.name);
  const newNames = namesOf(newInv.racks, (k) => k.name);
  return pairByIdentity(
    onlyIn(oldInv.racks ?? [], newNames, (k) => k.name),
    onlyIn(newInv.racks ?? [], oldNames, (k) => k.name),
    (k) => JSON.stringify([k.site, k.height, k.description ?? null]),
    (k) => k.name,
  );
}

function deviceRenames(oldInv: Inventory, newInv: Inventory, rack: (n: string) => string): Map<string, string> {
  const oldNames = namesOf(oldInv.devices, (d) => d.name);
  const newNames = namesOf(newInv.devices, (d) => d.name);
  const id = (d: Device, rk: (n: string) => string): string =>
    JSON.stringify([
      d.site,
      d.rack === undefined ? null : rk(d.rack),
      d.position ?? null,
      d.platform,
      d.management?.address ?? null,
      (d.interfaces ?? []).map((i) => i.name).sort(naturalCompare),
    ]);
  return pairByIdentity(
    onlyIn(oldInv.devices ?? [], newNames, (d) => d.name).map((d) => ({ d, id: id(d, rack) })),
    onlyIn(newInv.devices ?? [], oldNames, (d) => d.name).map((d) => ({ d, id: id(d, identity) })),
    (x) => x.id,
    (x) => x.d.name,
  );
}

function entityRenames(oldE: Map<string, Entity>, newE: Map<string, Entity>, identityOf: (e: Entity) => string): Map<string, string> {
  const removed = [...oldE.values()].filter((e) => !newE.has(e.key));
  const added = [...newE.values()].filter((e) => !oldE.has(e.key));
  return pairByIdentity(removed, added, identityOf, (e) => e.key);
}

const fieldJson = (f: Flat, ...names: string[]): string => JSON.stringify(names.map((n) => f.get(n) ?? null));

// ---------------------------------------------------------------- the diff

function compareFields(a: Flat, b: Flat): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [name, av] of a) {
    const bv = b.get(name);
    if (!sameValue(av, bv)) out.push(bv === undefined ? { field: name, old: av } : { field: name, old: av, new: bv });
  }
  for (const [name, bv] of b) {
    if (!a.has(name)) out.push({ field: name, new: bv });
  }
  return out.sort((x, y) => naturalCompare(x.field, y.field));
}

function allFields(f: Flat, side: "old" | "new"): FieldChange[] {
  return [...f.entries()]
    .sort((x, y) => naturalCompare(x[0], y[0]))
    .map(([field, v]) => (side === "old" ? { field, old: v } : { field, new: v }));
}

function zeroCounts(): { total: number; add: number; remove: number; change: number; rename: number } {
  return { total: 0, add: 0, remove: 0, change: 0, rename: 0 };
}

/** The site group an object is listed under: its sites joined, or "global". */
export function siteGroup(sites: readonly string[]): string {
  return sites.length === 0 ? "global" : sites.join(" + ");
}

/**
 * Interfaces (or LAGs) of every device, compared device by device by name: no entity is built for a
 * port that is equal on both sides. Ports of a device that is added or removed are marked `within` it.
 */
function portDiffs(type: "interface" | "lag", olds: Map<string, DevicePorts>, news: Map<string, DevicePorts>, out: ObjectDiff[]): void {
  const label = type === "lag" ? "LAG" : "interface";
  const list = (d: DevicePorts) => (type === "lag" ? d.lags : d.interfaces);
  const emit = (action: "add" | "remove", device: string, d: DevicePorts, p: PortLike & { name: string }, within: boolean): void => {
    const key = `${device} ${p.name}`;
    out.push({
      type, action, key, label: `${label} ${key}`, sites: d.sites,
      fields: allFields(portFields(p), action === "add" ? "new" : "old"),
      ...(within ? { within: `device:${device}` } : {}),
    });
  };
  for (const [device, nd] of news) {
    const od = olds.get(device);
    if (!od) {
      for (const p of list(nd)) emit("add", device, nd, p, true);
      continue;
    }
    const before = new Map(list(od).map((p) => [p.name, p]));
    for (const p of list(nd)) {
      const q = before.get(p.name);
      if (!q) emit("add", device, nd, p, false);
      else {
        before.delete(p.name);
        if (samePort(q, p)) continue;
        const key = `${device} ${p.name}`;
        const fields = compareFields(portFields(q), portFields(p));
        if (fields.length > 0) out.push({ type, action: "change", key, label: `${label} ${key}`, sites: nd.sites, fields });
      }
    }
    for (const q of before.values()) emit("remove", device, od, q, false);
  }
  for (const [device, od] of olds) if (!news.has(device)) for (const p of list(od)) emit("remove", device, od, p, true);
}

export function diffInventories(oldInv: Inventory, newInv: Inventory): InventoryDiff {
  const racks = rackRenames(oldInv, newInv);
  const rackFn = (n: string): string => racks.get(n) ?? n;
  const devices = deviceRenames(oldInv, newInv, rackFn);
  const renames: Renames = { device: (n) => devices.get(n) ?? n, rack: rackFn };
  const oldPorts = new Map<string, DevicePorts>();
  const newPorts = new Map<string, DevicePorts>();
  const oldAll = flatten(oldInv, renames, oldPorts);
  const newAll = flatten(newInv, NO_RENAMES, newPorts);

  const changes: ObjectDiff[] = [];

  for (const type of TYPE_ORDER) {
    if (type === "interface" || type === "lag") {
      portDiffs(type, oldPorts, newPorts, changes);
      continue;
    }
    const o = oldAll.get(type)!;
    const n = newAll.get(type)!;
    // Renamed keys: old key -> new key. Devices and racks were renamed while flattening (their entities
    // already carry the new key on both sides), so they are reported here from the maps above.
    let pairs = new Map<string, string>();
    if (type === "vlan") {
      pairs = entityRenames(o, n, (e) => (e.fields.has("subnet") ? fieldJson(e.fields, "name", "subnet") : fieldJson(e.fields, "name", "tenant")));
    } else if (type === "host") {
      pairs = entityRenames(o, n, (e) => fieldJson(e.fields, "attach", "address"));
    } else if (type === "service") {
      pairs = entityRenames(o, n, (e) => fieldJson(e.fields, "tenant", "vlans"));
    }
    const renamedFrom = new Map<string, string>();
    for (const [ok, nk] of pairs) renamedFrom.set(nk, ok);
    const explicit = type === "device" ? devices : type === "rack" ? racks : undefined;
    const explicitNew = new Map<string, string>();
    if (explicit) for (const [ok, nk] of explicit) explicitNew.set(nk, ok);

    for (const [key, ne] of n) {
      const oe = o.get(key);
      const oldKeyOfRename = renamedFrom.get(key);
      if (oe) {
        const wasRenamed = explicitNew.get(key);
        const fields = compareFields(oe.fields, ne.fields);
        if (wasRenamed !== undefined) {
          changes.push({ type, action: "rename", key, oldKey: wasRenamed, label: ne.label, sites: ne.sites, fields });
        } else if (fields.length > 0) {
          changes.push({ type, action: "change", key, label: ne.label, sites: ne.sites, fields });
        }
      } else if (oldKeyOfRename !== undefined) {
        const before = o.get(oldKeyOfRename)!;
        const fields = compareFields(before.fields, ne.fields);
        changes.push({ type, action: "rename", key, oldKey: oldKeyOfRename, label: ne.label, sites: ne.sites, fields });
      } else {
        changes.push({ type, action: "add", key, label: ne.label, sites: ne.sites, fields: allFields(ne.fields, "new") });
      }
    }
    for (const [key, oe] of o) {
      if (n.has(key) || pairs.has(key)) continue;
      changes.push({ type, action: "remove", key, label: oe.label, sites: oe.sites, fields: allFields(oe.fields, "old") });
    }
  }

  const typeRank = new Map(TYPE_ORDER.map((t, i) => [t, i]));
  const groups = changes.map((c) => siteGroup(c.sites));
  const order = changes.map((_, i) => i);
  order.sort((i, j) => {
    const gi = groups[i]!;
    const gj = groups[j]!;
    if (gi !== gj) {
      if (gi === "global") return -1;
      if (gj === "global") return 1;
      return naturalCompare(gi, gj);
    }
    const a = changes[i]!;
    const b = changes[j]!;
    const t = typeRank.get(a.type)! - typeRank.get(b.type)!;
    if (t !== 0) return t;
    if (a.type === "vlan") return vlanOrder(a.key) - vlanOrder(b.key) || naturalCompare(a.key, b.key);
    return naturalCompare(a.key, b.key);
  });
  const sorted = order.map((i) => changes[i]!);

  const counts = zeroCounts();
  const byType: Partial<Record<DiffObjectType, ReturnType<typeof zeroCounts>>> = {};
  const sites = new Set<string>();
  for (const c of sorted) {
    counts.total++;
    counts[c.action]++;
    const t = (byType[c.type] ??= zeroCounts());
    t.total++;
    t[c.action]++;
    for (const s of c.sites) sites.add(s);
  }
  return { equal: sorted.length === 0, changes: sorted, counts, byType, sites: [...sites].sort(naturalCompare) };
}
