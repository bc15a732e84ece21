/**
 * The platform registry: one module per network OS behind the Platform interface (a unit test checks that
 * each implements all of it). Adding a platform = one module + one line here + its capabilities.
 */
import type { Platform as PlatformName } from "../inventory/types";
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

export function platformOf(name: PlatformName): Platform {
  const p = PLATFORMS[name];
  if (!p) throw new Error(`unknown platform '${String(name)}'`);
  return p;
}
