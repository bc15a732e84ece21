/**
 * Loads the inventory for the lab commands through the project's loader (inventory/load.ts) and turns
 * its diagnostics into one CliError that names file, line and what to fix.
 */
import * as path from "path";
import type { Diagnostic, Inventory } from "../inventory/types";
import { loadInventory } from "../inventory/load";
import { CliError } from "../cli/errors";

export const DEFAULT_LAB_INVENTORY = "inventory/lab.yaml";

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${d.severity} ${d.code}: ${d.message}${d.object ? ` (${d.object})` : ""}${d.hint ? `\n  hint: ${d.hint}` : ""}`;
}

/** The inventory, or a CliError listing its errors: exit 1 for an invalid inventory, 2 when it cannot be read. */
export function loadLabInventory(file: string): Inventory {
  const abs = path.resolve(file);
  const result = loadInventory(abs);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.inventory || errors.length > 0) {
    const unreadable = errors.some((d) => d.code === "E_IO");
    throw new CliError(`${file} is not a valid inventory:\n${errors.map(formatDiagnostic).join("\n")}`, unreadable ? 2 : 1);
  }
  return result.inventory;
}
