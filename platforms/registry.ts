/**
 * The platform registry: one module per network OS behind the Platform interface (a unit test checks that
 * each implements all of it). Adding a platform = one module + one line here + its capabilities.
 */
import type { PlatformName } from "../model/types";
import { aristaEos } from "./arista-eos";
import { ciscoNxos } from "./cisco-nxos";
import { frr } from "./frr";
import { huaweiVrp } from "./huawei-vrp";
import { junos } from "./junos";
import { ovs } from "./ovs";
import type { Platform } from "./types";

export const PLATFORMS: Readonly<Record<PlatformName, Platform>> = {
  ovs,
  frr,
  "huawei-vrp": huaweiVrp,
  "cisco-nxos": ciscoNxos,
  "arista-eos": aristaEos,
  junos,
};

/** The module of a platform, or undefined for a name that is none (state written by another version). */
export function findPlatform(name: string): Platform | undefined {
  return Object.prototype.hasOwnProperty.call(PLATFORMS, name) ? PLATFORMS[name as PlatformName] : undefined;
}

/** The module of a platform the model has validated; throws for a name that is none. */
export function platformOf(name: string): Platform {
  const p = findPlatform(name);
  if (!p) throw new Error(`unknown platform '${name}' (known: ${Object.keys(PLATFORMS).join(", ")})`);
  return p;
}
