/**
 * What an inventory change does to the devices (pure): the renderers' change sets per device, counted,
 * grouped by site, plus the risk flags of audit/risks.ts.
 */
import type { Inventory, PlatformName } from "../model/types";
import type { DeviceChangeSet, ObjectChange } from "../platforms/types";
import type { InventoryDiff } from "./diff";
import { naturalCompare } from "../util/natural";
import { assessRisks, type Risk } from "./risks";

export interface DeviceImpact {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly counts: { readonly add: number; readonly change: number; readonly remove: number };
  readonly changes: readonly ObjectChange[];
}

export interface Impact {
  readonly counts: {
    readonly devices: number;
    readonly sites: number;
    readonly add: number;
    readonly change: number;
    readonly remove: number;
  };
  /** Sites with at least one affected device, sorted. */
  readonly sites: readonly string[];
  /** Affected devices (a change set with at least one change), by site then name. */
  readonly devices: readonly DeviceImpact[];
  readonly risks: readonly Risk[];
}

export function computeImpact(
  oldInv: Inventory,
  newInv: Inventory,
  diff: InventoryDiff,
  changeSets: readonly DeviceChangeSet[],
  /** Devices whose change set refused a change that cuts the management path. */
  refused: readonly { device: string; message: string }[] = [],
): Impact {
  const siteOf = new Map<string, string>();
  for (const d of oldInv.devices ?? []) siteOf.set(d.name, d.site);
  for (const d of newInv.devices ?? []) siteOf.set(d.name, d.site);
  const devices: DeviceImpact[] = [];
  const totals = { add: 0, change: 0, remove: 0 };
  for (const cs of changeSets) {
    if (cs.changes.length === 0) continue;
    const counts = { add: 0, change: 0, remove: 0 };
    for (const c of cs.changes) counts[c.action]++;
    totals.add += counts.add;
    totals.change += counts.change;
    totals.remove += counts.remove;
    devices.push({ device: cs.device, site: siteOf.get(cs.device) ?? "unknown", platform: cs.platform, counts, changes: cs.changes });
  }
  devices.sort((a, b) => naturalCompare(a.site, b.site) || naturalCompare(a.device, b.device));
  const sites = [...new Set(devices.map((d) => d.site))].sort(naturalCompare);
  return {
    counts: { devices: devices.length, sites: sites.length, ...totals },
    sites,
    devices,
    risks: [
      ...assessRisks(oldInv, newInv, diff),
      ...refused.map((r): Risk => ({
        code: "RISK_MGMT_PATH", severity: "high", object: `device ${r.device}`, sites: [siteOf.get(r.device) ?? "unknown"],
        devices: [r.device], message: `the change set of ${r.device} is refused by the management-path guard: ${r.message}`,
      })),
    ],
  };
}
