/**
 * The semantic checks, run in this order after the schema check. Each lives in its own file with
 * a comment listing its codes; all run every time, so one run reports every problem.
 */
import { carry } from "./carry";
import { CheckContext, type Check, type Finding } from "./context";
import { dr } from "./dr";
import { ethernet } from "./ethernet";
import { inband } from "./inband";
import { lags } from "./lags";
import { links } from "./links";
import { mlag } from "./mlag";
import { management } from "./management";
import { names } from "./names";
import { platform } from "./platform";
import { policy } from "./policy";
import { ports } from "./ports";
import { portUsage } from "./port-usage";
import { racks } from "./racks";
import { references } from "./references";
import { routing } from "./routing";
import { stp } from "./stp";
import { subnets } from "./subnets";
import { unique } from "./unique";
import { vlans } from "./vlans";
import { vlanGroups } from "./vlan-groups";
import type { Inventory } from "../types";

export const CHECKS: Readonly<Record<string, Check>> = {
  unique,
  references,
  names,
  vlanGroups,
  management,
  vlans,
  racks,
  ports,
  portUsage,
  links,
  lags,
  mlag,
  ethernet,
  subnets,
  platform,
  inband,
  stp,
  routing,
  dr,
  carry,
  policy,
};

/** Every finding of every check (or of the named checks only). */
export function runChecks(inv: Inventory, only?: readonly string[]): Finding[] {
  return runChecksLimited(inv, Infinity, only).findings;
}

/** At most `limit` findings, and the count of the errors and warnings past it. */
export function runChecksLimited(inv: Inventory, limit: number, only?: readonly string[]): { findings: Finding[]; omitted: { errors: number; warnings: number } } {
  const ctx = new CheckContext(inv);
  ctx.limit = limit;
  for (const [name, check] of Object.entries(CHECKS)) {
    if (only && !only.includes(name)) continue;
    check(ctx);
  }
  return { findings: ctx.findings, omitted: ctx.omitted };
}

export type { Finding } from "./context";
