/**
 * The parts of other layers the audit tools call, typed by their contracts and loaded lazily so that
 * `citydc diff` without --impact does not pay for rendering, and `citydc audit` does not load SSH.
 */
import type { Diagnostic, Inventory } from "../inventory/types";
import type { DeviceChangeSet, DeviceIntent, Platform } from "../platforms/types";
import type { Platform as PlatformName } from "../inventory/types";
import type { DeviceSession, DeviceTarget } from "../transport/types";

export interface LoadResult {
  readonly inventory?: Inventory;
  readonly diagnostics: readonly Diagnostic[];
  readonly file: string;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export function parseInventory(text: string, file: string): LoadResult {
  const mod = require("../inventory/load") as { parseInventory(text: string, file: string): LoadResult };
  return mod.parseInventory(text, file);
}

export function inventoryChangeSets(oldInv: Inventory, newInv: Inventory): DeviceChangeSet[] {
  const mod = require("../platforms/changeset") as { inventoryChangeSets(a: Inventory, b: Inventory): DeviceChangeSet[] };
  return mod.inventoryChangeSets(oldInv, newInv);
}

export function platforms(): Readonly<Record<PlatformName, Platform>> {
  return (require("../platforms/index") as { PLATFORMS: Readonly<Record<PlatformName, Platform>> }).PLATFORMS;
}

export function deviceIntents(inv: Inventory): DeviceIntent[] {
  const mod = require("../intent/index") as { deriveIntent(inv: Inventory): Map<string, DeviceIntent> };
  return [...mod.deriveIntent(inv).values()];
}

export function openSession(target: DeviceTarget): Promise<DeviceSession> {
  const mod = require("../transport/index") as { openSession(t: DeviceTarget): Promise<DeviceSession> };
  return mod.openSession(target);
}
