/**
 * The pure layers, run once per program: inventory file -> validated Inventory (+ diagnostics) -> per-device
 * intent -> per-platform config objects.
 */
import type { Diagnostic, Inventory } from "../inventory/types";
import type { ConfigObject, DeviceIntent, Platform } from "../platforms/types";
import * as fs from "fs";
import { loadInventory } from "../inventory/load";
import { normalize } from "../inventory/normalize";
import { decode, parseYaml } from "../inventory/source";
import { deriveIntent } from "../intent/index";
import { PLATFORMS } from "../platforms/index";

export interface LoadedNetwork {
  readonly file: string;
  readonly inventory?: Inventory;
  readonly diagnostics: readonly Diagnostic[];
  readonly intents: ReadonlyMap<string, DeviceIntent>;
  readonly objects: ReadonlyMap<string, readonly ConfigObject[]>;
}

/** The inventory file did not validate: every error, each with file, line, object and hint. */
export class InventoryInvalidError extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(`${file}: the inventory is not valid (${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}); run \`citydc validate ${file}\`:\n${formatDiagnostics(diagnostics)}`);
    this.name = "InventoryInvalidError";
  }
}

export function formatDiagnostics(ds: readonly Diagnostic[], max = 20): string {
  const lines = ds.slice(0, max).map((d) => `  ${d.file}:${d.line}:${d.column} ${d.code} ${d.object ?? d.path}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`);
  if (ds.length > max) lines.push(`  ... and ${ds.length - max} more`);
  return lines.join("\n");
}

/** DR parity diagnostics, by the DR site they concern. */
export function isDrParity(d: Diagnostic): boolean {
  return /^E_DR/.test(d.code);
}

export function platforms(): Readonly<Record<string, Platform>> {
  return PLATFORMS;
}

/** Loads, validates, derives and renders. Does not throw on an invalid inventory: see `diagnostics`. */
export function loadNetwork(file: string): LoadedNetwork {
  const loaded = loadInventory(file);
  let inventory = loaded.inventory;
  const diagnostics = loaded.diagnostics.slice();
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  // The loader returns no model for an invalid file. When DR parity is all that fails, the primary site can
  // still be built (the DR stack refuses): rebuild the model from the schema-valid document.
  if (!inventory && errors.length > 0 && errors.every(isDrParity)) {
    const text = decode(fs.readFileSync(file), file).text;
    const parsed = text !== undefined ? parseYaml(text, file) : undefined;
    if (parsed && parsed.diagnostics.length === 0) inventory = normalize(parsed.data as Record<string, unknown>);
  }
  if (!inventory || errors.some((d) => !isDrParity(d))) {
    return { file, ...(inventory ? { inventory } : {}), diagnostics, intents: new Map(), objects: new Map() };
  }
  const intents = deriveIntent(inventory);
  const objects = new Map<string, readonly ConfigObject[]>();
  for (const intent of intents.values()) {
    const platform = PLATFORMS[intent.platform];
    if (!platform) throw new Error(`device ${intent.device}: no platform module for '${intent.platform}'`);
    objects.set(intent.device, platform.objects(intent));
  }
  return { file, inventory, diagnostics, intents, objects };
}
