/** A disaster-recovery site: the Site itself, built only when the DR parity checks pass. */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic, DrProtection, Link as LinkModel, Site as SiteModel } from "../model/types";
import { formatDiagnostics } from "../model/diagnostics";
import { Site } from "./site";
import { TYPES, type NetworkBuild } from "./types";

export interface DrSiteArgs {
  readonly site: SiteModel;
  readonly protection: DrProtection;
  /** DR parity diagnostics of the inventory for this site; any error refuses the build. */
  readonly parity: readonly Diagnostic[];
  readonly network: NetworkBuild;
  readonly links: readonly LinkModel[];
}

/** Thrown when a DR site fails parity: the program stops before any resource of the site is registered. */
export class DrParityError extends Error {
  constructor(
    readonly site: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(
      `DR site ${site} does not carry what it protects (DR parity failed):\n` +
        formatDiagnostics(diagnostics, { indent: "  " }),
    );
    this.name = "DrParityError";
  }
}

export class DrSite extends pulumi.ComponentResource {
  readonly site: Site;

  constructor(name: string, args: DrSiteArgs, opts?: pulumi.ComponentResourceOptions) {
    const errors = args.parity.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new DrParityError(args.site.name, errors);
    super(TYPES.drSite, name, {}, opts);
    this.site = new Site(args.site.name, { site: args.site, network: args.network, links: args.links }, { parent: this });
    this.registerOutputs({
      site: args.site.name,
      protects: args.protection.protects,
      vlans: [...args.protection.vlans],
      services: [...args.protection.services],
    });
  }
}
