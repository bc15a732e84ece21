/**
 * The client side of citydc's own resource: one `citydc:device:DeviceConfig` per device, served by the
 * provider plugin in provider/ (found through Pulumi.yaml `plugins.providers`). Its inputs are lean: the
 * device's intent and, per object, kind, fields and digest (provider/types.ts); the provider renders the lines.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformName } from "../model/types";
import type { DeviceIntent } from "../intent/types";
import { DEVICE_CONFIG_TYPE, type DeviceCredentials, type DeviceTargetInput, type LeanObject } from "../provider/types";

export interface DeviceConfigArgs {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  readonly management: { readonly interface?: string; readonly vlan?: number };
  /** Marked secret here whatever the caller passed. */
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  /** What the provider renders the objects' lines from. */
  readonly intent: DeviceIntent;
  readonly objects: Readonly<Record<string, LeanObject>>;
}

export class DeviceConfig extends pulumi.CustomResource {
  declare readonly device: pulumi.Output<string>;
  declare readonly objects: pulumi.Output<Record<string, LeanObject>>;

  constructor(name: string, args: DeviceConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const management: Record<string, unknown> = {};
    if (args.management.interface !== undefined) management.interface = args.management.interface;
    if (args.management.vlan !== undefined) management.vlan = args.management.vlan;
    const props: pulumi.Inputs = {
      device: args.device,
      site: args.site,
      platform: args.platform,
      target: { host: args.target.host, port: args.target.port, user: args.target.user, hostKey: args.target.hostKey },
      management,
      intent: args.intent,
      objects: args.objects,
    };
    if (args.credentials !== undefined) props.credentials = pulumi.secret(args.credentials);
    super(DEVICE_CONFIG_TYPE, name, props, { ...opts, additionalSecretOutputs: ["credentials"] });
  }
}
