/**
 * Intent -> config objects -> configuration text, for one device or a whole inventory (pure).
 */
import type { Inventory, Platform as PlatformName } from "../inventory/types";
import { deriveIntent } from "../intent/derive";
import { PLATFORMS } from "./registry";
import type { ConfigObject, DeviceIntent } from "./types";

export interface RenderedDevice {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly intent: DeviceIntent;
  /** In apply order (KIND_ORDER, then the platform's order within a kind). */
  readonly objects: ConfigObject[];
  /** Full configuration text in the platform's syntax. */
  readonly config: string;
}

export function renderDevice(intent: DeviceIntent): { objects: ConfigObject[]; config: string } {
  const platform = PLATFORMS[intent.platform];
  const objects = platform.objects(intent);
  return { objects, config: platform.fullConfig(intent, objects) };
}

/** Every device of the inventory, in inventory order. */
export function renderInventory(inv: Inventory): RenderedDevice[] {
  return [...renderEach(inv)];
}

/**
 * The same, one device at a time (fabric facts and intents are computed once up front): a caller that
 * writes each device out and drops it keeps the heap small on a thousand-switch inventory.
 */
export function* renderEach(inv: Inventory, only?: ReadonlySet<string>): Generator<RenderedDevice> {
  for (const intent of deriveIntent(inv).values()) {
    if (only && only.size > 0 && !only.has(intent.device)) continue;
    const { objects, config } = renderDevice(intent);
    yield { device: intent.device, site: intent.site, platform: intent.platform, intent, objects, config };
  }
}
