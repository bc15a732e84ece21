/** A cable between two device interfaces (fabric, uplink, DCI, WAN): a record under the site of its first end. */
import * as pulumi from "@pulumi/pulumi";
import type { Link as LinkModel } from "../model/types";
import { TYPES } from "./types";

export interface LinkArgs {
  readonly link: LinkModel;
}

export class Link extends pulumi.ComponentResource {
  constructor(name: string, args: LinkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPES.link, name, {}, opts);
    const l = args.link;
    this.registerOutputs({ kind: l.kind, a: `${l.a.device}:${l.a.interface}`, b: `${l.b.device}:${l.b.interface}`, bgp: l.bgp });
  }
}
