/**
 * Loads the inventory for the lab commands through the project's loader (inventory/load.ts) and turns
 * its diagnostics into one CliError that names file, line and what to fix.
 */
import * as path from "path";
import type { Diagnostic, Inventory } from "../inventory/types";
import { CliError } from "../cli/errors";

export const DEFAULT_LAB_INVENTORY = "inventory/lab.yaml";

interface LoadResult {
  readonly inventory?: Inventory;
  readonly diagnostics: readonly Diagnostic[];
  readonly file: string;
}

function loader(): (file: string) => LoadResult {
  // Loaded lazily: the loader pulls in ajv and the schema.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require("../inventory/load") as { loadInventory: (file: string) => LoadResult }).loadInventory;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${d.severity} ${d.code}: ${d.message}${d.object ? ` (${d.object})` : ""}${d.hint ? `\n  hint: ${d.hint}` : ""}`;
}

/** The inventory, or a CliError (exit 2) listing its errors. */
export function loadLabInventory(file: string): Inventory {
  const abs = path.resolve(file);
  const result = loader()(abs);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.inventory || errors.length > 0) {
    throw new CliError(`${file} is not a valid inventory:\n${errors.map(formatDiagnostic).join("\n")}`, 2);
  }
  return result.inventory;
}
