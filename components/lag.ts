/** A LAG of a device (members, LACP mode): a record under its NetworkDevice; its config lives in the device's DeviceConfig. */
import * as pulumi from "@pulumi/pulumi";
import type { LagIntent } from "../intent/types";
import { TYPES } from "./types";

export interface LagArgs {
  readonly device: string;
  readonly lag: LagIntent;
}

export class Lag extends pulumi.ComponentResource {
  constructor(name: string, args: LagArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.lag, name, {}, opts);
    this.registerOutputs({ device: args.device, name: args.lag.name, lacp: args.lag.lacp, members: [...args.lag.members], mode: args.lag.port.mode });
  }
}
