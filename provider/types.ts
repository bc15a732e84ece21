/**
 * The resource citydc's own Pulumi provider serves: `citydc:device:DeviceConfig`, one per device.
 * Its inputs carry everything needed to push, remove and read back the device's config objects, so the
 * provider needs no access to the inventory: `update(olds, news)` pushes exactly the delta of the two
 * object maps in one SSH session. Shared by the provider (provider/) and the components (components/).
 */
import type { PlatformName } from "../model/types";
import { KIND_ORDER, type ConfigObject, type ObjectKind } from "../platforms/types";
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

/** A config object as stored in the resource (its key is the map key, its device the resource's). */
export interface StoredObject {
  readonly kind: ObjectKind;
  readonly summary: string;
  readonly fields: ConfigObject["fields"];
  readonly apply: readonly string[];
  readonly remove: readonly string[];
  readonly readBack: string;
}

/** The plain (unwrapped) inputs of a DeviceConfig, as the provider sees them after unwrapping secrets. */
export interface DeviceConfigProps {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  /** Interface and VLAN that carry management: a change never removes them. */
  readonly management: { readonly interface?: string; readonly vlan?: number };
  readonly credentials?: DeviceCredentials;
  readonly objects: Readonly<Record<string, StoredObject>>;
}

export function toStored(o: ConfigObject): StoredObject {
  return { kind: o.kind, summary: o.summary, fields: o.fields, apply: o.apply, remove: o.remove, readBack: o.readBack };
}

export function toConfigObject(device: string, key: string, o: StoredObject): ConfigObject {
  return { device, key, kind: o.kind, summary: o.summary, fields: o.fields, apply: o.apply, remove: o.remove, readBack: o.readBack };
}

const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));

/**
 * A device's stored objects in apply order: by kind (KIND_ORDER), then key in natural order. The provider
 * sends them in this order, and the plan and the run records show them in it.
 */
export function inApplyOrder(device: string, objects: Readonly<Record<string, StoredObject>>): ConfigObject[] {
  return Object.entries(objects)
    .map(([key, o]) => toConfigObject(device, key, o))
    .sort((a, b) => kindRank.get(a.kind)! - kindRank.get(b.kind)! || naturalCompare(a.key, b.key));
}
