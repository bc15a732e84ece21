/**
 * The parts of other layers the audit tools call. The pure layers are imported directly; the SSH
 * transport is loaded only when drift logs in, so `citydc diff` and `citydc audit` never load ssh2.
 */
import type { Inventory } from "../inventory/types";
import { deriveIntent } from "../intent/index";
import { changeSet, PLATFORMS } from "../platforms/index";
import type { ConfigObject, DeviceChangeSet, DeviceIntent, Platform } from "../platforms/types";
import type { Platform as PlatformName } from "../inventory/types";
import type { DeviceSession, DeviceTarget } from "../transport/types";

export { parseInventory } from "../inventory/load";

/**
 * Intent and config objects of every device, without the configuration text (the impact does not print
 * it; rendering it cost ~10% of `citydc diff --impact` on a 1,000-switch inventory, see BENCHMARKS.md).
 */
function objectsOf(inv: Inventory): { device: string; platform: PlatformName; intent: DeviceIntent; objects: ConfigObject[] }[] {
  return [...deriveIntent(inv).values()].map((intent) => ({ device: intent.device, platform: intent.platform, intent, objects: PLATFORMS[intent.platform].objects(intent) }));
}

/**
 * Per device, the renderers' change set between two revisions (platforms/changeset), computed device by
 * device so that one device whose change would cut its management path (the change set refuses it)
 * does not hide the others: that device's change is still computed, without the management guard, and
 * it is returned in `refused` (the impact reports it as a RISK_MGMT_PATH).
 */
export function inventoryChangeSets(oldInv: Inventory, newInv: Inventory): { sets: DeviceChangeSet[]; refused: { device: string; message: string }[] } {
  const mod = { PLATFORMS, objectsOf, changeSet };
  const sets: DeviceChangeSet[] = [];
  const refused: { device: string; message: string }[] = [];
  const one = (platform: Platform, device: string, before: readonly ConfigObject[], after: readonly ConfigObject[], management: DeviceIntent["management"]): void => {
    let cs: DeviceChangeSet;
    try {
      cs = mod.changeSet(platform, before, after, { management });
    } catch (err) {
      if ((err as Error)?.name !== "ManagementPathError") throw err;
      refused.push({ device, message: (err as Error).message });
      cs = mod.changeSet(platform, before, after, {});
    }
    if (cs.changes.length > 0) sets.push(cs);
  };
  const olds = new Map(mod.objectsOf(oldInv).map((d) => [d.device, d] as const));
  const news = mod.objectsOf(newInv);
  for (const n of news) {
    const o = olds.get(n.device);
    one(mod.PLATFORMS[n.platform], n.device, o && o.platform === n.platform ? o.objects : [], n.objects, n.intent.management);
  }
  const newNames = new Set(news.map((d) => d.device));
  for (const o of olds.values()) {
    if (newNames.has(o.device)) continue;
    // a device leaving the inventory keeps its management VLAN and interface (as the stacks do)
    const m = o.intent.management;
    const keep = (x: ConfigObject): boolean => x.key !== `vlan:${m.vlan}` && x.key !== `port:${m.interface}`;
    one(mod.PLATFORMS[o.platform], o.device, o.objects.filter(keep), [], m);
  }
  return { sets, refused };
}

export function platforms(): Readonly<Record<PlatformName, Platform>> {
  return PLATFORMS;
}

export function deviceIntents(inv: Inventory): DeviceIntent[] {
  return [...deriveIntent(inv).values()];
}

export function openSession(target: DeviceTarget): Promise<DeviceSession> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("../transport/index") as { openSession(t: DeviceTarget): Promise<DeviceSession> };
  return mod.openSession(target);
}
