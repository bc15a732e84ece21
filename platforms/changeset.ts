/**
 * Changes, not just full configurations: the objects to add, change and remove on one device, with
 * their commands in a safe order, and the whole script wrapped in the platform's session (pure).
 *
 * Safe order:
 *   1. adds and changes by KIND_ORDER (system, vrf, vlan, stp, mlag, lag, port, management, gateway,
 *      route, bgp, security): a VLAN exists before a port uses it, the spanning tree and the multi-chassis
 *      pair before the LAGs that name them, a LAG before its member ports join it, a VRF before its
 *      interfaces;
 *   2. then removals in the reverse kind order: ports leave a VLAN (their change ran in step 1) and
 *      gateways go before the VLAN is deleted; member ports leave before their LAG is deleted.
 * Within a kind, the order of the object lists is kept (removals reversed).
 *
 * The management path is never cut: removing the management VLAN, changing or removing the management
 * interface (out of band, or the in-band VLAN interface: object `management`), or taking the management
 * VLAN off a trunk (one that stays a trunk without it, or turns into a port that does not carry it) is
 * refused with ManagementPathError (code E_MGMT_PATH) before anything is sent; the caller decides (fix the
 * inventory). Refusing is safer than skipping: a skipped removal would leave plan and device silently out
 * of step.
 */
import { KIND_ORDER, type ConfigObject, type DeviceChangeSet, type ObjectChange, type Platform } from "./types";
import { canonicalJson } from "../util/canonical";

export interface ChangeSetOptions {
  readonly management?: { readonly interface?: string; readonly vlan?: number };
}

export class ManagementPathError extends Error {
  readonly code = "E_MGMT_PATH";
  constructor(
    readonly device: string,
    readonly key: string,
    message: string,
  ) {
    super(`${device}: ${message}`);
    this.name = "ManagementPathError";
  }
}

const rank = new Map(KIND_ORDER.map((k, i) => [k, i] as const));


function fieldDiff(a: ConfigObject["fields"], b: ConfigObject["fields"]): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (canonicalJson(a[k]) !== canonicalJson(b[k])) out[k] = { old: a[k], new: b[k] };
  }
  return out;
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The device holds the new object's lines already: the same digest when both carry one, else the same apply lines. */
const sameApplied = (o: ConfigObject, n: ConfigObject): boolean =>
  o.digest !== undefined && n.digest !== undefined ? o.digest === n.digest : sameLines(o.apply, n.apply);

export function changeSet(
  platform: Platform,
  oldObjects: readonly ConfigObject[],
  newObjects: readonly ConfigObject[],
  opts: ChangeSetOptions = {},
): DeviceChangeSet {
  const device = newObjects[0]?.device ?? oldObjects[0]?.device ?? "";
  const mgmt = opts.management ?? {};
  const oldByKey = new Map(oldObjects.map((o) => [o.key, o] as const));
  const newKeys = new Set(newObjects.map((o) => o.key));
  const mgmtPort = mgmt.interface !== undefined ? `port:${mgmt.interface}` : undefined;
  const refuse = (key: string, what: string): never => {
    throw new ManagementPathError(device, key, `${what}: it would cut the management path; keep it in the inventory`);
  };

  const forward: { c: ObjectChange; r: number; i: number }[] = [];
  newObjects.forEach((n, i) => {
    const o = oldByKey.get(n.key);
    if (!o) {
      forward.push({ c: { action: "add", key: n.key, kind: n.kind, summary: n.summary, commands: n.apply }, r: rank.get(n.kind) ?? 99, i });
      return;
    }
    const fields = fieldDiff(o.fields, n.fields);
    if (Object.keys(fields).length === 0 && sameApplied(o, n)) return;
    if (n.key === mgmtPort) refuse(n.key, `change of the management interface ${mgmt.interface}`);
    if (opts.management && n.key === "management") refuse(n.key, "change of the in-band management interface");
    if (mgmt.vlan !== undefined && (n.kind === "port" || n.kind === "lag") && o.fields.mode === "trunk") {
      // a trunk that carried the management VLAN and no longer does, whether it stays a trunk or becomes an
      // access port of another VLAN, a routed or an unused port
      const v = mgmt.vlan;
      const carries = (f: ConfigObject["fields"]): boolean => (f.mode === "trunk" ? Array.isArray(f.allowed) && (f.allowed as number[]).includes(v) : f.mode === "access" && f.vlan === v);
      if (carries(o.fields) && !carries(n.fields)) refuse(n.key, `taking management VLAN ${v} off ${String(n.fields.name)}`);
    }
    const commands = platform.change?.(o, n) ?? n.apply;
    forward.push({ c: { action: "change", key: n.key, kind: n.kind, summary: n.summary, fields, commands }, r: rank.get(n.kind) ?? 99, i });
  });

  const backward: { c: ObjectChange; r: number; i: number }[] = [];
  oldObjects.forEach((o, i) => {
    if (newKeys.has(o.key)) return;
    if (o.key === mgmtPort) refuse(o.key, `removal of the management interface ${mgmt.interface}`);
    if (opts.management && o.key === "management") refuse(o.key, "removal of the in-band management interface");
    if (mgmt.vlan !== undefined && o.key === `vlan:${mgmt.vlan}`) refuse(o.key, `removal of management VLAN ${mgmt.vlan}`);
    backward.push({ c: { action: "remove", key: o.key, kind: o.kind, summary: o.summary, commands: o.remove }, r: rank.get(o.kind) ?? 99, i });
  });

  forward.sort((a, b) => a.r - b.r || a.i - b.i);
  backward.sort((a, b) => b.r - a.r || b.i - a.i);
  const changes = [...forward.map((x) => x.c), ...backward.map((x) => x.c)];
  const script = changes.length === 0 ? [] : platform.wrap(changes.flatMap((c) => c.commands));
  return { device, platform: platform.name, changes, script };
}
