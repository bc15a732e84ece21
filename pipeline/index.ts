/**
 * The pipeline, assembled in this one place: inventory file -> validated model (+ diagnostics) -> fabric
 * facts and per-device intents -> each platform's config objects -> configuration text, and the change
 * sets between two revisions. Every command, the Pulumi program, drift and the bench go through here.
 * Pure apart from reading the inventory file.
 */
import type { Diagnostic, Inventory, PlatformName } from "../model/types";
import type { DeviceIntent } from "../intent/types";
import type { ConfigObject, DeviceChangeSet } from "../platforms/types";
import { formatDiagnostics } from "../model/diagnostics";
import { loadInventory } from "../model/load";
import { deriveIntent } from "../intent/derive";
import { changeSet, ManagementPathError } from "../platforms/changeset";
import { platformOf } from "../platforms/registry";

/** One device through the pipeline. */
export interface DeviceRender {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly intent: DeviceIntent;
  /** In apply order (KIND_ORDER, then the platform's order within a kind). */
  readonly objects: ConfigObject[];
}

/** The same with its full configuration text in the platform's syntax. */
export interface RenderedDevice extends DeviceRender {
  readonly config: string;
}

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
    super(
      `${file}: the inventory is not valid (${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}); run \`citydc validate ${file}\`:\n` +
        formatDiagnostics(diagnostics, { max: 20, indent: "  " }),
    );
    this.name = "InventoryInvalidError";
  }
}

/** DR parity findings: they stop the DR site's stack, not the primary's. */
export function isDrParity(d: Diagnostic): boolean {
  return /^E_DR/.test(d.code);
}

/** Every device's intent (fabric facts computed once), in inventory order. */
export function intentsOf(inv: Inventory): Map<string, DeviceIntent> {
  return deriveIntent(inv);
}

/** A device's config objects in its platform's syntax. */
export function objectsOf(intent: DeviceIntent): ConfigObject[] {
  return platformOf(intent.platform).objects(intent);
}

/** A device's config objects and full configuration text. */
export function renderDevice(intent: DeviceIntent): { objects: ConfigObject[]; config: string } {
  const platform = platformOf(intent.platform);
  const objects = platform.objects(intent);
  return { objects, config: platform.fullConfig(intent, objects) };
}

/** Every device with its intent and objects, without the configuration text (diff --impact, drift). */
export function devicesOf(inv: Inventory, only?: ReadonlySet<string>): DeviceRender[] {
  const out: DeviceRender[] = [];
  for (const intent of intentsOf(inv).values()) {
    if (only && only.size > 0 && !only.has(intent.device)) continue;
    out.push({ device: intent.device, site: intent.site, platform: intent.platform, intent, objects: objectsOf(intent) });
  }
  return out;
}

/**
 * Every device rendered, one at a time (fabric facts and intents are computed once up front): a caller
 * that writes each device out and drops it keeps the heap small on a thousand-switch inventory.
 */
export function* renderEach(inv: Inventory, only?: ReadonlySet<string>): Generator<RenderedDevice> {
  for (const intent of intentsOf(inv).values()) {
    if (only && only.size > 0 && !only.has(intent.device)) continue;
    const { objects, config } = renderDevice(intent);
    yield { device: intent.device, site: intent.site, platform: intent.platform, intent, objects, config };
  }
}

/** Every device of the inventory rendered, in inventory order. */
export function renderInventory(inv: Inventory): RenderedDevice[] {
  return [...renderEach(inv)];
}

/**
 * Loads, validates, derives and renders the objects. Does not throw on an invalid inventory: see
 * `diagnostics`. When DR parity is all that fails, the model is still derived (the primary site can be
 * built; the DR site's stack refuses).
 */
export function loadNetwork(file: string): LoadedNetwork {
  const loaded = loadInventory(file);
  const errors = loaded.diagnostics.filter((d) => d.severity !== "warning");
  const inventory = loaded.inventory ?? (errors.length > 0 && errors.every(isDrParity) ? loaded.normalized : undefined);
  if (!inventory || errors.some((d) => !isDrParity(d))) {
    return { file, ...(inventory ? { inventory } : {}), diagnostics: loaded.diagnostics, intents: new Map(), objects: new Map() };
  }
  const intents = intentsOf(inventory);
  const objects = new Map<string, readonly ConfigObject[]>();
  for (const intent of intents.values()) objects.set(intent.device, objectsOf(intent));
  return { file, inventory, diagnostics: loaded.diagnostics, intents, objects };
}

export interface InventoryChangeSets {
  /** Per device that changes, the renderers' change set. */
  readonly sets: DeviceChangeSet[];
  /** Devices whose change would cut their management path (computed anyway, without the guard). */
  readonly refused: { readonly device: string; readonly message: string }[];
}

/**
 * Per device, the change set between two inventory revisions (devices added and removed count too;
 * devices without a change are left out), computed device by device so that one device whose change
 * would cut its management path does not hide the others: that device's change is still computed,
 * without the management guard, and listed in `refused`. A removed device keeps its management VLAN and
 * interface, out of band or in-band (as the stacks do); a device whose platform changed is a new box (everything added).
 */
export function inventoryChangeSets(oldInv: Inventory, newInv: Inventory): InventoryChangeSets {
  const sets: DeviceChangeSet[] = [];
  const refused: { device: string; message: string }[] = [];
  const one = (d: DeviceRender, before: readonly ConfigObject[], after: readonly ConfigObject[]): void => {
    const platform = platformOf(d.platform);
    let cs: DeviceChangeSet;
    try {
      cs = changeSet(platform, before, after, { management: d.intent.management });
    } catch (err) {
      if (!(err instanceof ManagementPathError)) throw err;
      refused.push({ device: d.device, message: err.message });
      cs = changeSet(platform, before, after, {});
    }
    if (cs.changes.length > 0) sets.push(cs);
  };
  const olds = new Map(devicesOf(oldInv).map((d) => [d.device, d] as const));
  const news = devicesOf(newInv);
  for (const n of news) {
    const o = olds.get(n.device);
    one(n, o && o.platform === n.platform ? o.objects : [], n.objects);
  }
  const newNames = new Set(news.map((d) => d.device));
  for (const o of olds.values()) {
    if (newNames.has(o.device)) continue;
    const m = o.intent.management;
    const keep = (x: ConfigObject): boolean => x.key !== `vlan:${m.vlan}` && x.key !== `port:${m.interface}` && x.key !== "management";
    one(o, o.objects.filter(keep), []);
  }
  return { sets, refused };
}
