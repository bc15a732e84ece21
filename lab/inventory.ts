/**
 * Loads the inventory for the lab commands through the project's loader (inventory/load.ts) and turns
 * its diagnostics into one CliError that names file, line and what to fix.
 */
import * as path from "path";
import type { Inventory } from "../model/types";
import { formatDiagnostics } from "../model/diagnostics";
import { loadInventory } from "../model/load";
import { CliError } from "../util/errors";

export const DEFAULT_LAB_INVENTORY = "inventory/lab.yaml";

/** The inventory, or a CliError listing its errors: exit 1 for an invalid inventory, 2 when it cannot be read. */
export function loadLabInventory(file: string): Inventory {
  const abs = path.resolve(file);
  const result = loadInventory(abs);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.inventory || errors.length > 0) {
    const unreadable = errors.some((d) => d.code === "E_IO");
    throw new CliError(`${file} is not a valid inventory:\n${formatDiagnostics(errors)}`, unreadable ? 2 : 1);
  }
  return result.inventory;
}
