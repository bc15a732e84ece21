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
  const out: RenderedDevice[] = [];
  for (const intent of deriveIntent(inv).values()) {
    const { objects, config } = renderDevice(intent);
    out.push({ device: intent.device, site: intent.site, platform: intent.platform, intent, objects, config });
  }
  return out;
}
