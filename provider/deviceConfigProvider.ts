/**
 * The `citydc:device:DeviceConfig` resource provider: one resource per device, whose inputs hold the
 * device's intent and, per config object, its kind, fields and the digest of its lines (provider/types.ts).
 * check/diff/preview never touch a device; create/update/delete render the lines from the intent, open ONE
 * session per device and send one wrapped (atomic) script; read (refresh) reads every object back.
 * State of the earlier shape (objects with their lines) is read as it is and written back lean.
 *
 * Dependencies are injected so the logic is unit-tested with a fake session (test/unit/provider/).
 */
import type { PlatformName } from "../model/types";
import type { ConfigObject, DeviceChangeSet, Platform } from "../platforms/types";
import { KIND_ORDER } from "../platforms/types";
import type { DeviceSession, DeviceTarget } from "../transport/types";
import { DEVICE_CONFIG_TYPE, PROVIDER_VERSION, expandObjects, isFull, isLegacyState, leanOf, type DeviceConfigProps, type StoredObject } from "./types";
import { isSecret, unwrapDeep, wrapSecret } from "./secrets";
import { canonicalJson } from "../util/canonical";
import { naturalCompare } from "../util/natural";
import { redact } from "../util/redact";

export interface ProviderDeps {
  /** The platform module for a platform name, or undefined when unknown. */
  platform(name: string): Platform | undefined;
  changeSet(
    platform: Platform,
    oldObjects: readonly ConfigObject[],
    newObjects: readonly ConfigObject[],
    opts: { management: DeviceConfigProps["management"] },
  ): DeviceChangeSet;
  openSession(target: DeviceTarget): Promise<DeviceSession>;
  /** Progress lines for the engine's log (never secrets). */
  log?(message: string): void;
}

/** A device that failed: the message names the device, its address and the transport error kind. */
export class DeviceConfigError extends Error {
  constructor(
    readonly device: string,
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = "DeviceConfigError";
  }
}

interface CheckFailure {
  property: string;
  reason: string;
}

/** Objects with their lines, in apply order (provider/types.ts expandObjects: rendered from the intent, or as kept). */
export function orderedObjects(p: Pick<DeviceConfigProps, "device" | "objects" | "intent">, platform: Platform | undefined): ConfigObject[] {
  return expandObjects(p, platform);
}

/** Objects a removal leaves on the device: its management interface (out of band or in-band) and VLAN (never cut the way in). */
export function keptOnRemoval(objects: readonly ConfigObject[], management: DeviceConfigProps["management"]): ConfigObject[] {
  const keep = new Set<string>(["management"]);
  if (management?.interface !== undefined) keep.add(`port:${management.interface}`);
  if (management?.vlan !== undefined) keep.add(`vlan:${management.vlan}`);
  return objects.filter((o) => keep.has(o.key));
}


/** The plain props, secrets unwrapped. */
export function plain(raw: unknown): DeviceConfigProps {
  return unwrapDeep(raw) as DeviceConfigProps;
}

/** The keys of objects that differ between two object maps (added, changed, removed), by kind, fields and digest. */
export function changedObjectKeys(olds: Pick<DeviceConfigProps, "objects">, news: Pick<DeviceConfigProps, "objects">): string[] {
  const a = olds.objects ?? {};
  const b = news.objects ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const lean = (o: StoredObject | undefined) => (o ? canonicalJson(leanOf(o)) : "");
  return [...keys].filter((k) => lean(a[k]) !== lean(b[k])).sort(naturalCompare);
}

/** A malformed stored object, or undefined: lean (kind, fields, digest) or with its lines (kind, apply, remove, readBack). */
function malformed(o: StoredObject | undefined): boolean {
  if (!o || typeof o !== "object" || !KIND_ORDER.includes(o.kind) || typeof o.fields !== "object" || o.fields === null) return true;
  if (isFull(o)) return !Array.isArray(o.remove) || typeof o.readBack !== "string";
  return typeof (o as { digest?: unknown }).digest !== "string";
}

export class DeviceConfigProvider {
  readonly version = PROVIDER_VERSION;

  /**
   * Boxes configured in this run (host:port -> the URN that owns them and its object keys). The engine deletes
   * a resource whose URN went away (device renamed, moved to another site) AFTER creating its successor: when
   * both are the same box, the delete must not remove what the create just pushed.
   */
  private readonly claimed = new Map<string, { urn: string; keys: Set<string> }>();

  constructor(private readonly deps: ProviderDeps) {}

  private claim(urn: string, p: DeviceConfigProps): void {
    this.claimed.set(`${p.target.host}:${p.target.port}`, { urn, keys: new Set(Object.keys(p.objects ?? {})) });
  }

  private platformOf(p: DeviceConfigProps): Platform {
    const platform = this.deps.platform(p.platform);
    if (!platform) throw new DeviceConfigError(p.device, "config", `device ${p.device}: unknown platform '${p.platform}'`);
    return platform;
  }

  private targetOf(p: DeviceConfigProps): DeviceTarget {
    const c = p.credentials ?? {};
    return {
      device: p.device,
      platform: p.platform,
      host: p.target.host,
      port: p.target.port,
      user: p.target.user,
      hostKey: p.target.hostKey,
      ...(c.password ? { password: c.password } : {}),
      ...(c.privateKey ? { privateKey: c.privateKey } : {}),
    };
  }

  /** Runs `fn` in one session to the device; every failure becomes a DeviceConfigError naming the device. */
  private async withSession<T>(p: DeviceConfigProps, what: string, fn: (s: DeviceSession) => Promise<T>): Promise<T> {
    const where = `${p.target.user}@${p.target.host}:${p.target.port}`;
    let session: DeviceSession | undefined;
    if (!p.target.hostKey) {
      throw new DeviceConfigError(
        p.device,
        "hostkey",
        `device ${p.device} (${p.platform} at ${where}): ${what} refused: hostkey: no pinned SSH host key; set management.hostKey in the inventory or citydc:hostKeysFile in the stack config`,
      );
    }
    try {
      session = await this.deps.openSession(this.targetOf(p));
      return await fn(session);
    } catch (err) {
      if (err instanceof DeviceConfigError) throw err;
      const kind = typeof (err as { kind?: unknown })?.kind === "string" ? (err as { kind: string }).kind : "error";
      const raw = err instanceof Error ? err.message : String(err);
      const message = scrub(raw.startsWith(`${p.device}: `) ? raw.slice(p.device.length + 2) : raw, p);
      throw new DeviceConfigError(p.device, kind, `device ${p.device} (${p.platform} at ${where}): ${what} failed: ${kind}: ${message}`);
    } finally {
      if (session) await session.close().catch(() => undefined);
    }
  }

  /** Props to keep in state: everything, the credentials wrapped as a secret. */
  private outputs(raw: Record<string, unknown>, p: DeviceConfigProps): Record<string, unknown> {
    const out: Record<string, unknown> = { ...raw };
    if (p.credentials !== undefined) out.credentials = isSecret(raw.credentials) ? raw.credentials : wrapSecret(p.credentials);
    return out;
  }

  async check(_urn: string, olds: unknown, news: Record<string, unknown>): Promise<{ inputs: unknown; failures: CheckFailure[] }> {
    const failures: CheckFailure[] = [];
    const p = plain(news);
    const need = (ok: boolean, property: string, reason: string) => {
      if (!ok) failures.push({ property, reason });
    };
    need(typeof p.device === "string" && p.device.length > 0, "device", "device name is required");
    need(typeof p.platform === "string" && this.deps.platform(p.platform) !== undefined, "platform", `unknown platform '${String(p.platform)}'`);
    const t = (p.target ?? {}) as Partial<DeviceConfigProps["target"]>;
    need(typeof t.host === "string" && t.host.length > 0, "target.host", "management address is required");
    need(Number.isInteger(t.port) && t.port! > 0 && t.port! < 65536, "target.port", "SSH port must be 1..65535");
    need(typeof t.user === "string" && t.user.length > 0, "target.user", "login user is required");
    // An empty host key passes check so a preview works without the devices; every login refuses it.
    need(
      typeof t.hostKey === "string" && (t.hostKey === "" || /^\S+ \S+/.test(t.hostKey)),
      "target.hostKey",
      `device ${p.device}: the SSH host key must be "<type> <base64>" ("ssh-ed25519 AAAA...")`,
    );
    if (p.credentials !== undefined && !isSecret(news.credentials)) {
      failures.push({ property: "credentials", reason: "credentials must be a Pulumi secret" });
    }
    for (const [key, o] of Object.entries(p.objects ?? {})) {
      if (malformed(o)) failures.push({ property: `objects.${key}`, reason: "malformed config object (kind, fields and digest)" });
    }
    const lean = Object.values(p.objects ?? {}).some((o) => o && !isFull(o));
    need(!lean || (typeof p.intent === "object" && p.intent !== null), "intent", `device ${p.device}: the objects are rendered from the device's intent, which is missing`);
    // A change the platform refuses (cutting the management path) fails the preview, naming the device.
    const o = olds && typeof olds === "object" ? plain(olds) : undefined;
    const platform = this.deps.platform(p.platform);
    if (failures.length === 0 && platform && o?.objects && o.platform === p.platform) {
      try {
        this.deps.changeSet(platform, orderedObjects(o, platform), orderedObjects(p, platform), { management: p.management ?? {} });
      } catch (err) {
        failures.push({ property: "objects", reason: `device ${p.device}: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    return { inputs: news, failures };
  }

  async diff(_id: string, _urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }> {
    const o = plain(olds);
    const n = plain(news);
    const replaces: string[] = [];
    // Another device name or platform is another box: remove from the old one before configuring the new one.
    if (o.device !== n.device) replaces.push("device");
    if (o.platform !== n.platform) replaces.push("platform");
    const changes =
      replaces.length > 0 ||
      canonicalJson(o.target) !== canonicalJson(n.target) ||
      canonicalJson(o.management ?? {}) !== canonicalJson(n.management ?? {}) ||
      o.site !== n.site ||
      // rotated credentials update the state (delete and refresh log in with them) but push nothing
      canonicalJson(o.credentials ?? {}) !== canonicalJson(n.credentials ?? {}) ||
      changedObjectKeys(o, n).length > 0 ||
      // state of the earlier shape (objects with their lines): the update writes it lean, and sends only a real change
      isLegacyState(o);
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
  }

  async create(urn: string, inputs: Record<string, unknown>): Promise<{ id: string; outs: unknown }> {
    const p = plain(inputs);
    const platform = this.platformOf(p);
    const objects = orderedObjects(p, platform);
    if (objects.length > 0) {
      const script = platform.wrap(objects.flatMap((x) => x.apply));
      await this.withSession(p, "apply", (s) => s.apply(script));
      this.deps.log?.(`${p.device}: applied ${objects.length} objects in one session`);
    }
    this.claim(urn, p);
    return { id: p.device, outs: this.outputs(inputs, p) };
  }

  async update(_id: string, urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: unknown }> {
    const o = plain(olds);
    const n = plain(news);
    const platform = this.platformOf(n);
    const moved = o.target?.host !== n.target.host || o.target?.port !== n.target.port;
    // A device reached at a new address may hold nothing yet: push its whole configuration (idempotent).
    const cs = this.deps.changeSet(platform, moved ? [] : orderedObjects(o, this.deps.platform(o.platform) ?? platform), orderedObjects(n, platform), { management: n.management ?? {} });
    if (cs.changes.length > 0) {
      await this.withSession(n, "apply", (s) => s.apply(cs.script));
      this.deps.log?.(`${n.device}: applied ${cs.changes.length} changes in one session`);
    }
    this.claim(urn, n);
    return { outs: this.outputs(news, n) };
  }

  async delete(_id: string, urn: string, props: Record<string, unknown>): Promise<void> {
    const p = plain(props);
    const platform = this.platformOf(p);
    const olds = orderedObjects(p, platform);
    // Keep the management path, and whatever another resource configured on the same box in this run.
    const owner = p.target ? this.claimed.get(`${p.target.host}:${p.target.port}`) : undefined;
    const taken = owner && owner.urn !== urn ? owner.keys : new Set<string>();
    const keep = [...keptOnRemoval(olds, p.management ?? {}), ...olds.filter((o) => taken.has(o.key))];
    const cs = this.deps.changeSet(platform, olds, [...new Map(keep.map((o) => [o.key, o])).values()], { management: p.management ?? {} });
    if (cs.changes.length === 0) return;
    await this.withSession(p, "remove", (s) => s.apply(cs.script));
    this.deps.log?.(`${p.device}: removed ${cs.changes.length} objects in one session`);
  }

  /**
   * Refresh: reads every object back (the read-back commands rendered from the intent). Objects the device no
   * longer holds drop out of the state; objects whose facts differ keep the facts found, so the next `up` pushes
   * them again (an object of the earlier shape also loses its apply lines and says "drifted" in its summary).
   */
  async read(id: string, _urn: string, props: Record<string, unknown>): Promise<{ id: string; props: unknown }> {
    const p = plain(props);
    if (!p.device || !p.target) return { id, props };
    const platform = this.platformOf(p);
    const all = orderedObjects(p, platform);
    // a lean object its intent no longer renders has no read-back command: it stays as it is
    const objects = all.filter((x) => x.readBack !== "");
    const outputs = objects.length === 0 ? [] : await this.withSession(p, "read-back", (s) => s.show(objects.map((x) => x.readBack)));
    const found: Record<string, StoredObject> = {};
    for (const obj of all) if (obj.readBack === "") found[obj.key] = p.objects[obj.key]!;
    objects.forEach((obj, i) => {
      const r = platform.parseReadBack(obj, outputs[i] ?? "");
      if (!r.present) return;
      const stored = p.objects[obj.key]!;
      if (!r.fields || canonicalJson(r.fields) === canonicalJson(obj.fields)) found[obj.key] = stored;
      else if (isFull(stored)) found[obj.key] = { ...stored, summary: `${stored.summary} (drifted)`, fields: r.fields, apply: [] };
      else found[obj.key] = { ...stored, fields: r.fields };
    });
    return { id, props: { ...props, objects: found } };
  }
}

/** Never let a credential reach a message (util/redact.ts: every form of the credentials, and secret-looking text). */
function scrub(message: string, p: DeviceConfigProps): string {
  return redact(message, [p.credentials?.password, p.credentials?.privateKey]);
}

export { DEVICE_CONFIG_TYPE };
export type { PlatformName };
