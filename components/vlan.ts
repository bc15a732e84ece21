/** A VLAN at a site: its facts and the devices of the site that carry it. */
import * as pulumi from "@pulumi/pulumi";
import type { Vlan as VlanModel } from "../model/types";
import { TYPES } from "./types";

export interface VlanArgs {
  readonly site: string;
  readonly vlan: VlanModel;
  /** Devices of the site whose intent carries the VLAN, sorted. */
  readonly devices: readonly string[];
  /** Whether the VLAN exists at a primary and its DR site. */
  readonly stretched: boolean;
}

export class Vlan extends pulumi.ComponentResource {
  constructor(name: string, args: VlanArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.vlan, name, {}, opts);
    const v = args.vlan;
    this.registerOutputs({
      id: v.id,
      name: v.name,
      site: args.site,
      tenant: v.tenant,
      purpose: v.purpose,
      ...(v.subnet ? { subnet: v.subnet } : {}),
      stretched: args.stretched,
      devices: [...args.devices],
    });
  }
}
