/**
 * Drift: does the running network still match the inventory? For each device, log in with the same
 * transport and credentials as the stacks, read every config object back with the platform's read-back
 * command, parse it with the platform's parser and compare the facts field by field with the intent.
 *
 *   missing    the intent has the object, the device does not;
 *   different  both have it, some fields differ (intended vs found, per field);
 *   extra      the device has an object citydc manages that the intent lacks (where the platform can
 *              list them: on ovs, ports tagged external_ids:citydc=managed).
 *
 * An unreachable device (or one whose login fails) is reported as such; the others are still checked.
 * Devices run in parallel, at most `parallel` at a time. Dependencies are injected (unit tests use fakes).
 */
import type { Device, Inventory, PlatformName } from "../model/types";
import type { ConfigObject, Platform } from "../platforms/types";
import type { DeviceIntent } from "../intent/types";
import type { DeviceSession, DeviceTarget } from "../transport/types";
import { naturalCompare } from "../util/natural";

export interface FieldDrift {
  readonly field: string;
  /** Absent when the intent does not set the field. */
  readonly intended?: unknown;
  /** Absent when the device does not report the field. */
  readonly found?: unknown;
}

export interface ObjectDrift {
  readonly status: "missing" | "different" | "extra";
  readonly key: string;
  readonly kind: string;
  readonly summary: string;
  readonly fields: readonly FieldDrift[];
}

export type DeviceStatus = "in-sync" | "drift" | "unreachable" | "error";

export interface DeviceDrift {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly address: string;
  readonly status: DeviceStatus;
  /** Objects compared (read back). */
  readonly checked: number;
  readonly drift: readonly ObjectDrift[];
  /** For unreachable / error: what went wrong (never a secret). */
  readonly error?: string;
  /** For unreachable / error: the transport error kind ("unreachable", "auth", "hostkey", "timeout", ...). */
  readonly errorKind?: string;
}

export interface DriftReport {
  readonly inventory: string;
  readonly checkedAt: string;
  readonly devices: readonly DeviceDrift[];
  readonly counts: {
    readonly devices: number;
    readonly inSync: number;
    readonly drift: number;
    readonly unreachable: number;
    readonly missing: number;
    readonly different: number;
    readonly extra: number;
  };
}

export interface DriftDeps {
  platform(name: PlatformName): Platform | undefined;
  /** Each device's intent and config objects (pipeline/index.ts devicesOf). */
  devices(inv: Inventory): readonly { readonly intent: DeviceIntent; readonly objects: readonly ConfigObject[] }[];
  openSession(target: DeviceTarget): Promise<DeviceSession>;
  /** Login target for a device (host key pinned, credentials from the environment), or an error text. */
  target(device: Device): DeviceTarget | string;
}

/** Extra managed objects per platform: read-only commands and a parser of their outputs into object keys. */
interface ExtrasProbe {
  readonly commands: (intentObjects: readonly ConfigObject[]) => string[];
  readonly keys: (outputs: readonly string[]) => { key: string; kind: string }[];
}

/**
 * ovs: the ovs platform tags every port and bond it configures with external_ids:citydc=managed and keeps
 * each VLAN as a bridge external_id `citydc-vlan-<id>`, so a tagged port or a recorded VLAN that the intent
 * lacks was left behind (or added by hand). The commands reuse the `ovs-vsctl` prefix of the platform's
 * own read-back commands (options such as --db), so they talk to the same switch.
 */
const OVS_EXTRAS: ExtrasProbe = {
  commands(objects) {
    const sample = objects.map((o) => o.readBack).find((c) => /ovs-vsctl/.test(c));
    const m = sample ? /^(.*?\bovs-vsctl\b(?:\s+--(?!columns|bare|format|no-headings|data)\S+)*)/.exec(sample) : null;
    const prefix = m ? m[1]! : "ovs-vsctl";
    return [`${prefix} --bare --columns=name find Port external_ids:citydc=managed`, `${prefix} --bare --columns=name,external_ids list Bridge`];
  },
  keys([ports = "", bridges = ""]) {
    const out = ports
      .split(/\s+/)
      .filter((s) => s.length > 0 && /^[A-Za-z0-9_.-]+$/.test(s))
      .map((name) => (/^bond\d+$/.test(name) ? { key: `lag:${name}`, kind: "lag" } : { key: `port:${name}`, kind: "port" }));
    for (const m of bridges.matchAll(/citydc-vlan-(\d+)=/g)) out.push({ key: `vlan:${m[1]}`, kind: "vlan" });
    return out;
  },
};

const EXTRAS: Partial<Record<PlatformName, ExtrasProbe>> = { ovs: OVS_EXTRAS };

/** Lists of facts are sets (allowed VLANs, LAG members, BGP networks): compared without their order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    if (a.every((x, i) => x === b[i])) return true;
    const key = (v: unknown) => `${typeof v}:${String(v)}`;
    const x = a.map(key).sort();
    const y = b.map(key).sort();
    return x.every((v, i) => v === y[i]);
  }
  return false;
}

/** Field-by-field comparison of intended facts with found facts (pure); lists compare as sets. */
export function compareFacts(intended: ConfigObject["fields"], found: ConfigObject["fields"]): FieldDrift[] {
  const out: FieldDrift[] = [];
  // Line-matching parsers (the vendor CLIs) report the intended lines the device does not show as
  // `missing`: show them as intended config lines that were not found.
  // Lines the device shows that citydc owns but did not intend come back as `unexpected`.
  const lines = found.missing;
  const extra = found.unexpected;
  if ((Array.isArray(lines) && !("missing" in intended)) || (Array.isArray(extra) && !("unexpected" in intended))) {
    out.push({ field: "config lines", ...(Array.isArray(lines) ? { intended: lines } : {}), ...(Array.isArray(extra) ? { found: extra } : {}) });
    const { missing: _ignored, unexpected: _alsoIgnored, ...rest } = found;
    void _ignored;
    void _alsoIgnored;
    found = rest;
  }
  for (const [field, v] of Object.entries(intended)) {
    if (!(field in found)) out.push({ field, intended: v });
    else if (!same(v, found[field])) out.push({ field, intended: v, found: found[field] });
  }
  for (const [field, v] of Object.entries(found)) if (!(field in intended)) out.push({ field, found: v });
  return out.sort((a, b) => naturalCompare(a.field, b.field));
}

/** Compares one device's intended objects with the read-back outputs (pure). */
export function compareDevice(
  platform: Platform,
  objects: readonly ConfigObject[],
  outputs: readonly string[],
  extrasOutputs?: readonly string[],
): ObjectDrift[] {
  const drift: ObjectDrift[] = [];
  objects.forEach((obj, i) => {
    const r = platform.parseReadBack(obj, outputs[i] ?? "");
    if (!r.present) {
      drift.push({ status: "missing", key: obj.key, kind: obj.kind, summary: obj.summary, fields: [] });
      return;
    }
    if (!r.fields) return;
    const fields = compareFacts(obj.fields, r.fields);
    if (fields.length > 0) drift.push({ status: "different", key: obj.key, kind: obj.kind, summary: obj.summary, fields });
  });
  const probe = EXTRAS[platform.name];
  if (probe && extrasOutputs !== undefined) {
    const intended = new Set(objects.map((o) => o.key));
    for (const x of probe.keys(extrasOutputs)) {
      if (!intended.has(x.key)) drift.push({ status: "extra", key: x.key, kind: x.kind, summary: `${x.kind} ${x.key.slice(x.kind.length + 1)} managed by citydc but not in the inventory`, fields: [] });
    }
  }
  return drift;
}

/** Runs `fn` over items with at most `limit` running at once; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

function errorKindOf(err: unknown): string {
  const k = (err as { kind?: unknown })?.kind;
  return typeof k === "string" ? k : "error";
}

function messageOf(err: unknown, device: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw.startsWith(`${device}: `) ? raw.slice(device.length + 2) : raw;
}

export async function checkDevice(device: Device, objects: readonly ConfigObject[], deps: DriftDeps): Promise<DeviceDrift> {
  const base = { device: device.name, site: device.site, platform: device.platform, address: `${device.management.address}:${device.management.port}` };
  const platform = deps.platform(device.platform);
  if (!platform) return { ...base, status: "error", checked: 0, drift: [], error: `unknown platform '${device.platform}'`, errorKind: "config" };
  const target = deps.target(device);
  if (typeof target === "string") return { ...base, status: "error", checked: 0, drift: [], error: target, errorKind: "config" };
  let session: DeviceSession | undefined;
  try {
    session = await deps.openSession(target);
    const probe = EXTRAS[platform.name];
    const commands = objects.map((o) => o.readBack);
    if (probe) commands.push(...probe.commands(objects));
    const outputs = commands.length ? await session.show(commands) : [];
    const drift = compareDevice(platform, objects, outputs.slice(0, objects.length), probe ? outputs.slice(objects.length) : undefined);
    return { ...base, status: drift.length ? "drift" : "in-sync", checked: objects.length, drift };
  } catch (err) {
    const kind = errorKindOf(err);
    const status: DeviceStatus = ["unreachable", "timeout", "auth", "hostkey"].includes(kind) ? "unreachable" : "error";
    return { ...base, status, checked: 0, drift: [], error: messageOf(err, device.name), errorKind: kind };
  } finally {
    if (session) await session.close().catch(() => undefined);
  }
}

export async function checkDrift(
  inv: Inventory,
  deps: DriftDeps,
  opts: { devices?: readonly string[]; parallel?: number; inventoryName?: string } = {},
): Promise<DriftReport> {
  const wanted = opts.devices && opts.devices.length ? new Set(opts.devices) : undefined;
  const devices = (inv.devices ?? []).filter((d) => !wanted || wanted.has(d.name));
  const rendered = new Map(deps.devices(inv).map((r) => [r.intent.device, r]));
  const results = await mapBounded(devices, opts.parallel ?? 8, async (d) => {
    const r = rendered.get(d.name);
    if (!r) {
      return {
        device: d.name, site: d.site, platform: d.platform, address: `${d.management.address}:${d.management.port}`,
        status: "error" as const, checked: 0, drift: [], error: "no intent derived for this device", errorKind: "config",
      };
    }
    return checkDevice(d, r.objects, deps);
  });
  results.sort((a, b) => naturalCompare(a.site, b.site) || naturalCompare(a.device, b.device));
  const counts = { devices: results.length, inSync: 0, drift: 0, unreachable: 0, missing: 0, different: 0, extra: 0 };
  for (const r of results) {
    if (r.status === "in-sync") counts.inSync++;
    else if (r.status === "drift") counts.drift++;
    else counts.unreachable++;
    for (const o of r.drift) counts[o.status]++;
  }
  return { inventory: opts.inventoryName ?? inv.name, checkedAt: new Date().toISOString(), devices: results, counts };
}

/**
 * Exit code of `citydc drift`: 1 when drift was found on any device (even if others were unreachable:
 * drift is the finding that matters), else 2 when any device could not be checked, else 0.
 */
export function driftExitCode(report: DriftReport): number {
  if (report.counts.drift > 0) return 1;
  if (report.counts.unreachable > 0) return 2;
  return 0;
}
