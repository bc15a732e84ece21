/**
 * What the components are built from: the validated inventory plus, per device, its intent, its rendered
 * config objects and where to log in. Computed by the pure layers (see pulumi/model.ts); the components
 * only wire it into resources.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Device, Inventory } from "../model/types";
import type { ConfigObject } from "../platforms/types";
import type { DeviceIntent } from "../intent/types";
import type { DeviceCredentials, DeviceTargetInput } from "../provider/types";
import type { CheckSettings } from "./checks";

export interface DeviceBuild {
  readonly device: Device;
  readonly intent: DeviceIntent;
  /** In apply order, as the platform rendered them. */
  readonly objects: readonly ConfigObject[];
  readonly target: DeviceTargetInput;
}

export interface NetworkBuild {
  readonly inventory: Inventory;
  /** Every device of the inventory by name (only those of the built sites are used). */
  readonly devices: ReadonlyMap<string, DeviceBuild>;
  /** Login secrets shared by the devices (marked secret by DeviceConfig). */
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  /** Backups and verification (components/checks.ts); absent: neither. */
  readonly checks?: CheckSettings;
}

/**
 * The type tokens of citydc's components (part of every URN: never rename). `vlan`, `link` and `lag` are no
 * longer registered (their facts are outputs of Site and NetworkDevice: components/facts.ts); their tokens stay
 * here because existing stacks hold resources of those types, which their next update deletes.
 */
export const TYPES = {
  site: "citydc:network:Site",
  drSite: "citydc:network:DrSite",
  rack: "citydc:network:Rack",
  switch: "citydc:network:Switch",
  vlan: "citydc:network:Vlan",
  link: "citydc:network:Link",
  lag: "citydc:network:Lag",
} as const;

/** Natural key of a link: its two ends sorted, "devA:ifA--devB:ifB". */
export function linkKey(l: { readonly a: { device: string; interface: string }; readonly b: { device: string; interface: string } }): string {
  const ends = [`${l.a.device}:${l.a.interface}`, `${l.b.device}:${l.b.interface}`].sort();
  return `${ends[0]}--${ends[1]}`;
}
