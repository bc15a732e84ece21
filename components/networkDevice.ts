/**
 * One network device, switch or router: ONE DeviceConfig that holds all of its config objects, and the facts of
 * its LAGs as outputs (they were a component resource each, which configured nothing). Its type token stays `citydc:network:Switch` (components/types.ts): it is part of every URN of
 * existing state, so the class name changed and the token did not.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DeviceCredentials } from "../provider/types";
import { toFull, toLean, type FullObject, type LeanObject } from "../provider/types";
import { configBackup, configDigest, type DigestInput } from "./checks";
import { DeviceConfig } from "./deviceConfig";
import { lagFacts, type LagFacts } from "./facts";
import { TYPES, type DeviceBuild } from "./types";

export interface NetworkDeviceArgs {
  readonly build: DeviceBuild;
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  /** Take configuration backups before and after each change (components/checks.ts). */
  readonly backups?: boolean;
}

export class NetworkDevice extends pulumi.ComponentResource {
  readonly device: string;
  readonly config: DeviceConfig;
  /** The device's LAGs (members, LACP, mode), by name. */
  readonly lags: readonly LagFacts[];
  readonly objectKeys: readonly string[];
  /** configDigest of this device: what its backups and its site's verification are triggered by. */
  readonly digest: string;
  /** What the digest was computed from (a site's verification digests its devices together). */
  readonly digestInput: DigestInput;
  /** The backups around its DeviceConfig (absent when off or without a pinned host key). */
  readonly backups: { readonly before?: pulumi.CustomResource; readonly after?: pulumi.CustomResource };

  constructor(name: string, args: NetworkDeviceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.switch, name, {}, opts);
    const { device, intent, objects, target } = args.build;
    this.device = device.name;
    const stored: Record<string, LeanObject> = {};
    // the digests of the backups and of the site's verification are over the objects with their lines, as before
    // the lean state: the same objects give the same triggers, so an existing stack's checks are not run again
    const full: Record<string, FullObject> = {};
    for (const o of objects) {
      if (stored[o.key]) throw new Error(`device ${device.name}: the platform rendered two objects with key ${o.key}`);
      stored[o.key] = toLean(o);
      full[o.key] = toFull(o);
    }
    this.objectKeys = objects.map((o) => o.key);
    this.lags = intent.lags.map(lagFacts);
    this.digestInput = { device: device.name, platform: device.platform, target, objects: full };
    this.digest = configDigest([this.digestInput]);
    const backup = { device: device.name, platform: device.platform, target, digest: this.digest, ...(args.credentials !== undefined ? { credentials: args.credentials } : {}) };
    const before = args.backups ? configBackup("before", backup, { parent: this }) : undefined;
    this.config = new DeviceConfig(
      device.name,
      {
        device: device.name,
        site: device.site,
        platform: device.platform,
        target,
        management: intent.management,
        intent,
        ...(args.credentials !== undefined ? { credentials: args.credentials } : {}),
        objects: stored,
      },
      { parent: this, ...(before ? { dependsOn: [before] } : {}) },
    );
    const after = before ? configBackup("after", backup, { parent: this, dependsOn: [this.config] }) : undefined;
    this.backups = { ...(before ? { before } : {}), ...(after ? { after } : {}) };
    this.registerOutputs({ device: device.name, platform: device.platform, role: device.role, objects: this.objectKeys.length, lags: this.lags });
  }
}
