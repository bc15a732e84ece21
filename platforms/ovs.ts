/**
 * Open vSwitch (lab switches): one bridge `br0` (datapath netdev) that the lab creates.
 *
 * Objects are ovs-vsctl sub-commands without the `ovs-vsctl` prefix; `wrap` joins a whole change into
 * ONE `ovs-vsctl --timeout=10 -- cmd -- cmd ...` run, which ovsdb applies as one atomic transaction.
 * Every command is idempotent (`--may-exist`, `--if-exists`, `set` of every column) so a retried apply
 * converges. Checked against ovs-vsctl(8) and ovs-vswitchd.conf.db(5) (Open vSwitch 3.1) and on this
 * machine's ovs-vsctl (recorded outputs under test/unit/platforms/fixtures/ovs).
 *
 *  - VLANs: OVS has no VLAN table; citydc records each as a bridge external_id `citydc-vlan-<id>=<name>`.
 *  - ports: access `vlan_mode=access tag=N`, trunk `vlan_mode=trunk trunks=...`, native VLAN
 *    `vlan_mode=native-untagged tag=N`; each managed port carries `external_ids:citydc=managed` so drift
 *    can find them. An empty `trunks` means ALL VLANs in OVS, so a trunk pruned to nothing gets
 *    `trunks=4095` (a VLAN no frame carries). Unused, routed and disabled interfaces are not in the bridge.
 *  - bonds: `add-bond ... lacp=active|passive|off`; a standalone port of the same name as a member is
 *    deleted first (in the same transaction) so a port can move into a bond.
 *  - MTU: `mtu_request` on the Interface row (each member of a bond), read back from the same column.
 *  - spanning tree: RSTP on the bridge (`rstp_enable`, `other_config:rstp-priority`), edge ports with
 *    `other_config:rstp-port-admin-edge=true`. Bonds take no part in RSTP (ovs-vswitchd.conf.db(5): bond
 *    ports are not supported; this machine's ovs-vswitchd logs "cannot enable RSTP on bonds").
 */
import { naturalCompare } from "../util/natural";
import { CAPABILITIES } from "../model/capabilities";
import { buildObjects, roleChanged, type Renderer, type Syntax } from "./common";
import type { ConfigObject, Platform, ReadBackResult } from "./types";
import type { DeviceIntent, LagIntent, PortIntent } from "../intent/types";
import { configText, defined } from "./util";

export const BRIDGE = "br0";
const PORT_COLUMNS = "name,tag,trunks,vlan_mode,external_ids";

/** VLAN names as ovsdb strings without quoting: letters, digits, '-', '_', '.'. */
const ovsName = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, "-");

/**
 * The columns of a port in one `set`, plus the `clear` of the column the mode does not use (no `[]`
 * in the line: the wrapped command runs through sh, where brackets are glob characters).
 */
function portSettings(p: PortIntent): { set: string; clear: string; fields: Record<string, unknown> } | undefined {
  if (p.mode === "access" && p.vlan !== undefined) {
    return { set: `vlan_mode=access tag=${p.vlan}`, clear: "trunks", fields: { mode: "access", vlan: p.vlan } };
  }
  if (p.mode === "trunk") {
    const allowed = [...(p.allowed ?? [])];
    const trunks = allowed.length > 0 ? allowed.join(",") : "4095";
    if (p.native !== undefined) {
      return { set: `vlan_mode=native-untagged tag=${p.native} trunks=${trunks}`, clear: "", fields: { mode: "trunk", allowed, native: p.native } };
    }
    return { set: `vlan_mode=trunk trunks=${trunks}`, clear: "tag", fields: { mode: "trunk", allowed } };
  }
  return undefined;
}

function columns(name: string, s: { set: string; clear: string }, edge = false): string[] {
  // an RSTP edge port (towards a host or router) forwards at once instead of waiting for the tree
  return [`set port ${name} ${s.set}${edge ? " other_config:rstp-port-admin-edge=true" : ""} external_ids:citydc=managed`, ...(s.clear ? [`clear port ${name} ${s.clear}`] : [])];
}

/** `mtu_request` on each Interface row (a bond's members each have one); the Linux MTU is the IP MTU. */
function mtuLines(interfaces: readonly string[], mtu: number | undefined): string[] {
  return mtu === undefined ? [] : interfaces.map((i) => `set interface ${i} mtu_request=${mtu}`);
}

const renderer: Renderer = {
  stp(t) {
    // RSTP only; bonds take no part in it (ovs-vswitchd refuses RSTP on bonds; the model warns)
    const priority = t.priority === undefined ? "" : ` other_config:rstp-priority=${t.priority}`;
    return {
      apply: [`set bridge ${BRIDGE} rstp_enable=true${priority}`],
      remove: [`set bridge ${BRIDGE} rstp_enable=false`, `remove bridge ${BRIDGE} other_config rstp-priority`],
      readBack: `ovs-vsctl --format=json --columns=rstp_enable,other_config list bridge ${BRIDGE}`,
      fields: defined({ mode: "rstp", priority: t.priority }),
    };
  },
  vlan(v) {
    return {
      apply: [`set bridge ${BRIDGE} external_ids:citydc-vlan-${v.id}=${ovsName(v.name)}`],
      remove: [`remove bridge ${BRIDGE} external_ids citydc-vlan-${v.id}`],
      readBack: `ovs-vsctl --format=json --columns=external_ids list bridge ${BRIDGE}`,
      fields: { id: v.id, name: ovsName(v.name) },
    };
  },
  lag(l: LagIntent): Syntax | undefined {
    const s = portSettings(l.port);
    if (!s || l.members.length < 2) return undefined;
    const lacp = l.lacp === "static" ? "off" : l.lacp;
    return {
      apply: [
        ...l.members.map((m) => `--if-exists del-port ${BRIDGE} ${m}`),
        `--may-exist add-bond ${BRIDGE} ${l.name} ${l.members.join(" ")} lacp=${lacp}`,
        ...columns(l.name, s),
        ...mtuLines(l.members, l.port.mtu),
      ],
      remove: [`--if-exists del-port ${BRIDGE} ${l.name}`],
      readBack: `ovs-vsctl --format=json --columns=${PORT_COLUMNS},lacp,interfaces list port ${l.name} -- --columns=_uuid,name,mtu_request list interface`,
      fields: defined({ name: l.name, lacp: l.lacp, members: [...l.members], ...s.fields, mtu: l.port.mtu }),
    };
  },
  port(p: PortIntent): Syntax | undefined {
    if (p.lag !== undefined || !p.enabled) return undefined;
    const s = portSettings(p);
    if (!s) return undefined;
    return {
      apply: [
        // frees the name when the interface was a bond member (the bond is being removed or changed)
        `--if-exists --with-iface del-port ${BRIDGE} ${p.name}`,
        `--may-exist add-port ${BRIDGE} ${p.name}`,
        ...columns(p.name, s, p.stp?.edge === true),
        ...mtuLines([p.name], p.mtu),
      ],
      remove: [`--if-exists del-port ${BRIDGE} ${p.name}`],
      readBack: [
        `ovs-vsctl --format=json --columns=${PORT_COLUMNS}${p.stp?.edge ? ",other_config" : ""} list port ${p.name}`,
        ...(p.mtu === undefined ? [] : [`--columns=_uuid,name,mtu_request list interface ${p.name}`]),
      ].join(" -- "),
      fields: defined({ name: p.name, ...s.fields, mtu: p.mtu, stpEdge: p.stp?.edge }),
    };
  },
};

// ------------------------------------------------------------------------------------ read-back

type OvsValue = unknown;

/** An ovsdb JSON value as a plain list (sets) or scalar. */
function atoms(v: OvsValue): unknown[] {
  if (Array.isArray(v) && v[0] === "set") return v[1] as unknown[];
  return [v];
}

function mapOf(v: OvsValue): Map<string, string> {
  const m = new Map<string, string>();
  if (Array.isArray(v) && v[0] === "map") for (const [k, x] of v[1] as [string, string][]) m.set(k, x);
  return m;
}

/** Parses the `--format=json` documents one ovs-vsctl run printed (one per line). */
function documents(output: string): { headings: string[]; data: unknown[][] }[] {
  const out: { headings: string[]; data: unknown[][] }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const t = line.trim();
    if (!t.startsWith("{")) continue;
    try {
      const doc = JSON.parse(t) as { headings?: string[]; data?: unknown[][] };
      if (Array.isArray(doc.headings) && Array.isArray(doc.data)) out.push({ headings: doc.headings, data: doc.data });
    } catch {
      // not a document
    }
  }
  return out;
}

function row(doc: { headings: string[]; data: unknown[][] }, i = 0): Record<string, unknown> | undefined {
  const r = doc.data[i];
  if (!r) return undefined;
  const o: Record<string, unknown> = {};
  doc.headings.forEach((h, k) => (o[h] = r[k]));
  return o;
}

function portFacts(r: Record<string, unknown>): Record<string, unknown> {
  // an unset column is the empty set (["set", []]) in ovs-vsctl's JSON
  const mode = String(atoms(r.vlan_mode).find((x) => typeof x === "string") ?? "");
  const tag = atoms(r.tag).filter((x): x is number => typeof x === "number")[0];
  const trunks = atoms(r.trunks)
    .filter((x): x is number => typeof x === "number")
    .filter((x) => x !== 4095)
    .sort((a, b) => a - b);
  if (mode === "access") return { mode: "access", vlan: tag };
  if (mode === "native-untagged") return { mode: "trunk", allowed: trunks, native: tag };
  if (mode === "trunk") return { mode: "trunk", allowed: trunks };
  return { mode: mode || "unknown" };
}

export function parseOvsReadBack(object: ConfigObject, output: string): ReadBackResult {
  const docs = documents(output);
  const first = docs[0] && row(docs[0]);
  if (object.kind === "stp") {
    if (!first || first.rstp_enable !== true) return { present: false };
    const p = mapOf(first.other_config).get("rstp-priority");
    return { present: true, fields: defined({ mode: "rstp", priority: p === undefined ? undefined : Number(p) }) };
  }
  if (object.kind === "vlan") {
    if (!first) return { present: false };
    const id = Number(object.fields.id);
    const name = mapOf(first.external_ids).get(`citydc-vlan-${id}`);
    return name === undefined ? { present: false } : { present: true, fields: { id, name } };
  }
  if (!first) return { present: false };
  const name = String(first.name);
  const facts = portFacts(first);
  // mtu_request of the port's Interface rows (every member of a bond alike, or no single value)
  const mtuOf = (names: ReadonlySet<string>): number | undefined => {
    const requested = new Set<number | undefined>();
    const ifaces = docs[1];
    if (object.fields.mtu === undefined || !ifaces) return undefined;
    for (let i = 0; i < ifaces.data.length; i++) {
      const r = row(ifaces, i)!;
      if (!names.has(String(r.name))) continue;
      requested.add(atoms(r.mtu_request).filter((x): x is number => typeof x === "number")[0]);
    }
    return requested.size === 1 ? [...requested][0] : undefined;
  };
  if (object.kind === "lag") {
    const names = new Map<string, string>();
    const ifaces = docs[1];
    if (ifaces) {
      for (let i = 0; i < ifaces.data.length; i++) {
        const r = row(ifaces, i)!;
        const uuid = atoms(r._uuid)[0];
        if (Array.isArray(r._uuid) && r._uuid[0] === "uuid") names.set(String(r._uuid[1]), String(r.name));
        else if (typeof uuid === "string") names.set(uuid, String(r.name));
      }
    }
    const members = atoms(first.interfaces)
      .map((u) => (Array.isArray(u) && u[0] === "uuid" ? names.get(String(u[1])) : undefined))
      .filter((x): x is string => x !== undefined)
      .sort(naturalCompare);
    const lacpText = atoms(first.lacp).filter((x): x is string => typeof x === "string")[0];
    const lacp = lacpText === "active" || lacpText === "passive" ? lacpText : "static";
    return { present: true, fields: defined({ name, lacp, members, ...facts, mtu: mtuOf(new Set(members)) }) };
  }
  const edge = object.fields.stpEdge === true && mapOf(first.other_config).get("rstp-port-admin-edge") === "true" ? true : undefined;
  return { present: true, fields: defined({ name, ...facts, mtu: mtuOf(new Set([name])), stpEdge: edge }) };
}

// ------------------------------------------------------------------------------------ running configuration

/** One ovs-vsctl run, read-only: the bridges, the ports and the interfaces (three JSON documents). */
const RUNNING_CONFIG =
  "ovs-vsctl --format=json --columns=name,datapath_type,rstp_enable,other_config,external_ids list bridge" +
  " -- --columns=name,vlan_mode,tag,trunks,lacp,bond_mode,interfaces,other_config,external_ids list port" +
  " -- --columns=_uuid,name,type,mtu_request list interface";

const uuidOf = (v: unknown): string | undefined => (Array.isArray(v) && v[0] === "uuid" ? String(v[1]) : undefined);
const scalars = (v: unknown): (string | number)[] => atoms(v).filter((x): x is string | number => typeof x === "string" || typeof x === "number");
const pairs = (m: Map<string, string>): string[] => [...m].sort(([a], [b]) => naturalCompare(a, b)).map(([k, x]) => `${k}=${x}`);

/**
 * The switch's configuration as lines, in name order (ovsdb lists rows in no fixed order, and UUIDs change
 * when a port is re-created): `bridge` (with RSTP when it is on), one `vlan` line per VLAN citydc records, one
 * `port` line per port with the columns that are set (its interfaces' MTU requests included). Output that is
 * not the three documents comes back as it is.
 */
export function ovsRunningConfigText(output: string): string {
  const [bridges, ports, ifaces] = documents(output);
  if (!bridges || !ports || !ifaces) return configText()(output);
  const names = new Map<string, { name: string; type: string; mtu?: number }>();
  for (let i = 0; i < ifaces.data.length; i++) {
    const r = row(ifaces, i)!;
    const id = uuidOf(r._uuid);
    const mtu = atoms(r.mtu_request).filter((x): x is number => typeof x === "number")[0];
    if (id) names.set(id, { name: String(r.name), type: String(r.type ?? ""), ...(mtu !== undefined ? { mtu } : {}) });
  }
  const lines: string[] = [];
  const rows = (doc: typeof ports) => Array.from({ length: doc.data.length }, (_, i) => row(doc, i)!).sort((a, b) => naturalCompare(String(a.name), String(b.name)));
  for (const b of rows(bridges)) {
    const ids = mapOf(b.external_ids);
    const vlans = [...ids].filter(([k]) => /^citydc-vlan-\d+$/.test(k)).sort(([a], [c]) => naturalCompare(a, c));
    for (const k of vlans.map(([key]) => key)) ids.delete(k);
    lines.push(
      [
        `bridge ${String(b.name)}`,
        ...scalars(b.datapath_type).map((t) => `datapath_type=${t}`),
        ...(b.rstp_enable === true ? ["rstp_enable=true"] : []),
        ...pairs(mapOf(b.other_config)).map((x) => `other_config:${x}`),
        ...pairs(ids).map((x) => `external_ids:${x}`),
      ].join(" "),
    );
    for (const [k, name] of vlans) lines.push(`vlan ${k.slice("citydc-vlan-".length)} ${name} (bridge ${String(b.name)})`);
  }
  for (const p of rows(ports)) {
    const name = String(p.name);
    const members = atoms(p.interfaces).map((u) => names.get(uuidOf(u) ?? "")).filter((x): x is { name: string; type: string; mtu?: number } => x !== undefined);
    const parts = [`port ${name}`];
    for (const col of ["vlan_mode", "tag", "trunks", "lacp", "bond_mode"]) {
      const v = scalars(p[col]);
      if (v.length > 0) parts.push(`${col}=${v.join(",")}`);
    }
    if (members.length !== 1 || members[0]!.name !== name) parts.push(`interfaces=${members.map((m) => m.name).sort(naturalCompare).join(",")}`);
    for (const m of members) if (m.type) parts.push(`type:${m.name}=${m.type}`);
    for (const m of members) if (m.mtu !== undefined) parts.push(`mtu_request:${m.name}=${m.mtu}`);
    parts.push(...pairs(mapOf(p.other_config)).map((x) => `other_config:${x}`));
    parts.push(...pairs(mapOf(p.external_ids)).map((x) => `external_ids:${x}`));
    lines.push(parts.join(" "));
  }
  return lines.join("\n") + "\n";
}

// ------------------------------------------------------------------------------------ platform

const isColumnLine = (l: string): boolean => l.startsWith("set port ") || l.startsWith("clear port ") || l.startsWith("set interface ");

/** Settings taken away: an MTU (the Interface rows go back to the default), an RSTP edge port. */
function mtuCleared(oldObject: ConfigObject, newObject: ConfigObject): string[] {
  const out: string[] = [];
  if (oldObject.fields.mtu !== undefined && newObject.fields.mtu === undefined) {
    const names = newObject.kind === "lag" && Array.isArray(newObject.fields.members) ? (newObject.fields.members as string[]) : [String(newObject.fields.name)];
    out.push(...names.map((n) => `clear interface ${n} mtu_request`));
  }
  if (oldObject.fields.stpEdge === true && newObject.fields.stpEdge === undefined) out.push(`remove port ${String(newObject.fields.name)} other_config rstp-port-admin-edge`);
  return out;
}

export const ovs: Platform = {
  name: "ovs",
  capabilities: CAPABILITIES.ovs,
  objects(intent: DeviceIntent): ConfigObject[] {
    return buildObjects(intent, renderer);
  },
  fullConfig(intent, objects) {
    const lines = [`# ${intent.device}: Open vSwitch bridge ${BRIDGE} (ovs-vsctl commands, one transaction per object)`];
    for (const o of objects) {
      lines.push(`# ${o.summary}`);
      lines.push(`ovs-vsctl --timeout=10 -- ${o.apply.join(" -- ")}`);
    }
    return lines.join("\n") + "\n";
  },
  wrap(commands) {
    if (commands.length === 0) return [];
    return [`ovs-vsctl --timeout=10 -- ${commands.join(" -- ")}`];
  },
  change(oldObject, newObject) {
    if (newObject.kind === "stp" && oldObject.fields.priority !== undefined && newObject.fields.priority === undefined) {
      return [...newObject.apply, `remove bridge ${BRIDGE} other_config rstp-priority`];
    }
    if (newObject.kind === "lag") {
      const same = JSON.stringify(oldObject.fields.members) === JSON.stringify(newObject.fields.members) && oldObject.fields.lacp === newObject.fields.lacp;
      return same ? [...newObject.apply.filter(isColumnLine), ...mtuCleared(oldObject, newObject)] : [...oldObject.remove, ...newObject.apply];
    }
    if (newObject.kind === "port") {
      // same port, other VLANs or MTU: set the columns again, no flap
      return roleChanged(oldObject, newObject) ? undefined : [...newObject.apply.filter(isColumnLine), ...mtuCleared(oldObject, newObject)];
    }
    return undefined;
  },
  parseReadBack: parseOvsReadBack,
  runningConfig: { command: RUNNING_CONFIG, text: ovsRunningConfigText },
};
