/**
 * The client side of citydc's own resource: one `citydc:device:DeviceConfig` per device, served by the
 * provider plugin in provider/ (found through Pulumi.yaml `plugins.providers`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformName } from "../model/types";
import { DEVICE_CONFIG_TYPE, type DeviceCredentials, type DeviceTargetInput, type StoredObject } from "../provider/types";

export interface DeviceConfigArgs {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  readonly management: { readonly interface?: string; readonly vlan?: number };
  /** Marked secret here whatever the caller passed. */
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  readonly objects: Readonly<Record<string, StoredObject>>;
}

export class DeviceConfig extends pulumi.CustomResource {
  declare readonly device: pulumi.Output<string>;
  declare readonly objects: pulumi.Output<Record<string, StoredObject>>;

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
      objects: args.objects,
    };
    if (args.credentials !== undefined) props.credentials = pulumi.secret(args.credentials);
    super(DEVICE_CONFIG_TYPE, name, props, { ...opts, additionalSecretOutputs: ["credentials"] });
  }
}
