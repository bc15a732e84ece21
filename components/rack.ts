/** A rack and the devices mounted in it. */
import * as pulumi from "@pulumi/pulumi";
import type { Rack as RackModel } from "../model/types";
import type { DeviceCredentials } from "../provider/types";
import { NetworkDevice } from "./networkDevice";
import { TYPES, type DeviceBuild } from "./types";

export interface RackArgs {
  readonly rack: RackModel;
  readonly devices: readonly DeviceBuild[];
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  readonly backups?: boolean;
}

export class Rack extends pulumi.ComponentResource {
  readonly devices: readonly NetworkDevice[];

  constructor(name: string, args: RackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.rack, name, {}, opts);
    this.devices = args.devices.map(
      (d) =>
        new NetworkDevice(
          d.device.name,
          { build: d, ...(args.credentials !== undefined ? { credentials: args.credentials } : {}), ...(args.backups ? { backups: true } : {}) },
          { parent: this },
        ),
    );
    this.registerOutputs({ rack: args.rack.name, site: args.rack.site, height: args.rack.height, devices: this.devices.map((s) => s.device) });
  }
}
