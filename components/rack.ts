/** A rack and the switches mounted in it. */
import * as pulumi from "@pulumi/pulumi";
import type { Rack as RackModel } from "../inventory/types";
import type { DeviceCredentials } from "../provider/types";
import { Switch } from "./switch";
import { TYPES, type DeviceBuild } from "./types";

export interface RackArgs {
  readonly rack: RackModel;
  readonly devices: readonly DeviceBuild[];
  readonly credentials?: pulumi.Input<DeviceCredentials>;
}

export class Rack extends pulumi.ComponentResource {
  readonly switches: readonly Switch[];

  constructor(name: string, args: RackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.rack, name, {}, opts);
    this.switches = args.devices.map(
      (d) => new Switch(d.device.name, { build: d, ...(args.credentials !== undefined ? { credentials: args.credentials } : {}) }, { parent: this }),
    );
    this.registerOutputs({ rack: args.rack.name, site: args.rack.site, height: args.rack.height, devices: this.switches.map((s) => s.device) });
  }
}
