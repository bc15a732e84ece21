/**
 * The pure layers, run once per program: inventory file -> validated Inventory (+ diagnostics) -> per-device
 * intent -> per-platform config objects. The modules are loaded on first use so `citydc` commands that do not
 * need them stay fast.
 */
import * as fs from "fs";
import type { Diagnostic, Inventory } from "../inventory/types";
import type { ConfigObject, DeviceIntent, Platform } from "../platforms/types";

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

type AnyFn = (...args: unknown[]) => unknown;

function pick(mod: Record<string, unknown>, names: readonly string[], what: string): AnyFn {
  for (const n of names) if (typeof mod[n] === "function") return mod[n] as AnyFn;
  throw new Error(`citydc internal: ${what} not found (looked for ${names.join(", ")})`);
}

function load(paths: readonly string[]): Record<string, unknown> {
  let last: unknown;
  for (const p of paths) {
    try {
      return require(p) as Record<string, unknown>;
    } catch (err) {
      if ((err as { code?: string }).code !== "MODULE_NOT_FOUND" || !String((err as Error).message).includes(p.replace("../", ""))) throw err;
      last = err;
    }
  }
  throw last;
}

export function platforms(): Readonly<Record<string, Platform>> {
  return load(["../platforms/index"]).PLATFORMS as Record<string, Platform>;
}

/** Loads, validates, derives and renders. Does not throw on an invalid inventory: see `diagnostics`. */
export function loadNetwork(file: string): LoadedNetwork {
  const loader = load(["../inventory/load", "../inventory/loader", "../inventory/index"]);
  let loaded: Record<string, unknown>;
  if (typeof loader.loadInventory === "function") loaded = (loader.loadInventory as AnyFn)(file) as Record<string, unknown>;
  else {
    const parse = pick(loader, ["parseInventory"], "inventory loader");
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (err) {
      throw new Error(`${file}: cannot read the inventory (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
    loaded = parse(text, file) as Record<string, unknown>;
  }
  const inventory = (loaded.inventory ?? loaded.model ?? loaded.document) as Inventory | undefined;
  const diagnostics = ((loaded.diagnostics ?? loaded.errors ?? []) as Diagnostic[]).slice();
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  if (!inventory || errors.some((d) => !isDrParity(d))) {
    return { file, ...(inventory ? { inventory } : {}), diagnostics, intents: new Map(), objects: new Map() };
  }
  const intentMod = load(["../intent/index", "../intent/derive"]);
  const derive = pick(intentMod, ["deriveIntent", "deriveIntents"], "intent derivation");
  const derived = derive(inventory) as DeviceIntent[] | ReadonlyMap<string, DeviceIntent> | Record<string, DeviceIntent>;
  const list: DeviceIntent[] =
    derived instanceof Map ? [...derived.values()] : Array.isArray(derived) ? derived : Object.values(derived as Record<string, DeviceIntent>);
  const intents = new Map(list.map((i) => [i.device, i]));
  const all = platforms();
  const objects = new Map<string, readonly ConfigObject[]>();
  for (const intent of list) {
    const platform = all[intent.platform];
    if (!platform) throw new Error(`device ${intent.device}: no platform module for '${intent.platform}'`);
    objects.set(intent.device, platform.objects(intent));
  }
  return { file, inventory, diagnostics, intents, objects };
}
