/**
 * The resource citydc's own Pulumi provider serves: `citydc:device:DeviceConfig`, one per device.
 * Shared by the provider (provider/) and the components (components/).
 *
 * What the resource keeps (its inputs, and its state) is lean: per config object what identifies and compares it
 * (its kind, its key as the map key, its platform-neutral fields and a digest of its apply lines), plus the
 * device's intent once. No line of configuration text is kept: the provider renders the lines it sends from the
 * intent with the device's platform (`expandObjects`), the old objects from the old state's intent, the new ones
 * from the new inputs, and the plan and the run records render them the same way.
 *
 * State written by an earlier citydc keeps each object with its lines (`FullObject`, no intent). The provider
 * and the plan read both shapes; an update of such a resource sends what the change set says (nothing, when the
 * objects are equal) and writes the lean shape.
 */
import { createHash } from "crypto";
import type { PlatformName } from "../model/types";
import type { DeviceIntent } from "../intent/types";
import { KIND_ORDER, type ConfigObject, type ObjectKind, type Platform } from "../platforms/types";
import { naturalCompare } from "../util/natural";

export const DEVICE_CONFIG_TYPE = "citydc:device:DeviceConfig";
export const PROVIDER_VERSION = "0.1.0";

/** Where and as whom the provider logs in. The host key is pinned and required. */
export interface DeviceTargetInput {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly hostKey: string;
}

/** Secret in the stack: the provider receives it wrapped as a Pulumi secret and keeps it so in state. */
export interface DeviceCredentials {
  readonly password?: string;
  readonly privateKey?: string;
}

/** A config object as a DeviceConfig keeps it (its key is the map key, its device the resource's). */
export interface LeanObject {
  readonly kind: ObjectKind;
  readonly fields: ConfigObject["fields"];
  /** `linesDigest` of the apply lines the object was rendered with: a change of the lines alone is a change. */
  readonly digest: string;
}

/**
 * A config object with its lines, as citydc kept it in state before the lean state, and as the digests of the
 * config backups and site verifications (components/checks.ts) are still computed, so they stay the same.
 */
export interface FullObject {
  readonly kind: ObjectKind;
  readonly summary: string;
  readonly fields: ConfigObject["fields"];
  readonly apply: readonly string[];
  readonly remove: readonly string[];
  readonly readBack: string;
}

/** Either shape, as found in state. */
export type StoredObject = LeanObject | FullObject;

/** The plain (unwrapped) inputs of a DeviceConfig, as the provider sees them after unwrapping secrets. */
export interface DeviceConfigProps {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  /** Interface and VLAN that carry management: a change never removes them. */
  readonly management: { readonly interface?: string; readonly vlan?: number };
  readonly credentials?: DeviceCredentials;
  /** What the objects are rendered from (absent in state written before the lean state). */
  readonly intent?: DeviceIntent;
  readonly objects: Readonly<Record<string, StoredObject>>;
}

/** The part of a DeviceConfig (or of a step's view of one) that its objects are rendered from. */
export interface ObjectSource {
  readonly device: string;
  readonly intent?: DeviceIntent;
  readonly objects: Readonly<Record<string, StoredObject>>;
}

/** sha256 of the apply lines (each line, then a line end), its first 128 bits in hex. */
export function linesDigest(apply: readonly string[]): string {
  const h = createHash("sha256");
  for (const line of apply) h.update(line).update("\n");
  return h.digest("hex").slice(0, 32);
}

export function isFull(o: StoredObject): o is FullObject {
  return Array.isArray((o as Partial<FullObject>).apply);
}

export function toLean(o: ConfigObject): LeanObject {
  return { kind: o.kind, fields: o.fields, digest: linesDigest(o.apply) };
}

export function toFull(o: ConfigObject): FullObject {
  return { kind: o.kind, summary: o.summary, fields: o.fields, apply: o.apply, remove: o.remove, readBack: o.readBack };
}

/** The lean form of a stored object of either shape: what two states are compared by. */
export function leanOf(o: StoredObject): LeanObject {
  return isFull(o) ? { kind: o.kind, fields: o.fields, digest: linesDigest(o.apply) } : { kind: o.kind, fields: o.fields, digest: o.digest };
}

/** True when the state is of the shape an earlier citydc wrote (objects with their lines, no intent). */
export function isLegacyState(p: { readonly intent?: unknown; readonly objects?: Readonly<Record<string, StoredObject>> }): boolean {
  return p.intent === undefined || Object.values(p.objects ?? {}).some(isFull);
}

const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));

/**
 * A device's objects with their lines, in apply order (by kind, KIND_ORDER, then key in natural order; the
 * provider sends them in this order, the plan and the run records show them in it). An object kept with its
 * lines (earlier state) is used as it is. A lean object gets the lines, summary and read-back command its
 * platform renders from the intent, keeps its own fields (a refresh may have recorded what the device holds)
 * and carries its digest, so that a change set sees lines that changed since it was applied (a newer citydc
 * renders it differently) even when the old lines are rendered again by this one. A lean object the intent no
 * longer renders (a kind this citydc does not know) has no lines: nothing can be sent for it.
 */
export function expandObjects(source: ObjectSource, platform: Platform | undefined): ConfigObject[] {
  const entries = Object.entries(source.objects ?? {});
  const needsRender = entries.some(([, o]) => !isFull(o));
  const rendered = new Map<string, ConfigObject>();
  if (needsRender && source.intent && platform?.objects) for (const o of platform.objects(source.intent)) rendered.set(o.key, o);
  return entries
    .map(([key, o]): ConfigObject => {
      if (isFull(o)) return { device: source.device, key, kind: o.kind, summary: o.summary, fields: o.fields, apply: o.apply, remove: o.remove, readBack: o.readBack };
      const r = rendered.get(key);
      return {
        device: source.device,
        key,
        kind: o.kind,
        summary: r?.summary ?? key,
        fields: o.fields,
        apply: r?.apply ?? [],
        remove: r?.remove ?? [],
        readBack: r?.readBack ?? "",
        digest: o.digest,
      };
    })
    .sort((a, b) => kindRank.get(a.kind)! - kindRank.get(b.kind)! || naturalCompare(a.key, b.key));
}
