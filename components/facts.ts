/**
 * What citydc records of the links, LAGs and VLANs as outputs of their Site and NetworkDevice (plain data): they
 * configure nothing themselves (a device's configuration is its DeviceConfig). Earlier citydc registered a
 * component resource for each (`citydc:network:Link`, `Lag`, `Vlan`); an existing stack's first update deletes
 * those, which touches no device.
 */
import type { Link as LinkModel, Vlan as VlanModel } from "../model/types";
import type { LagIntent } from "../intent/types";
import { linkKey } from "./types";

/** A cable between two device interfaces (fabric, uplink, DCI, WAN), recorded at the site of its first end. */
export interface LinkFacts {
  /** Its natural key, "devA:ifA--devB:ifB" (ends sorted). */
  readonly key: string;
  readonly kind: LinkModel["kind"];
  readonly a: string;
  readonly b: string;
  readonly bgp?: LinkModel["bgp"];
}

/** A LAG of a device: members, LACP mode, the LAG's port mode. */
export interface LagFacts {
  readonly name: string;
  readonly lacp: LagIntent["lacp"];
  readonly members: readonly string[];
  readonly mode: LagIntent["port"]["mode"];
}

/** A VLAN at a site: its facts and the devices of the site that carry it. */
export interface VlanFacts {
  readonly id: number;
  readonly name: string;
  readonly tenant: VlanModel["tenant"];
  readonly purpose: VlanModel["purpose"];
  readonly subnet?: string;
  /** Whether the VLAN exists at a primary and its DR site. */
  readonly stretched: boolean;
  /** Devices of the site whose intent carries the VLAN, sorted by name. */
  readonly devices: readonly string[];
}

export function linkFacts(l: LinkModel): LinkFacts {
  return { key: linkKey(l), kind: l.kind, a: `${l.a.device}:${l.a.interface}`, b: `${l.b.device}:${l.b.interface}`, ...(l.bgp !== undefined ? { bgp: l.bgp } : {}) };
}

export function lagFacts(l: LagIntent): LagFacts {
  return { name: l.name, lacp: l.lacp, members: [...l.members], mode: l.port.mode };
}

export function vlanFacts(v: VlanModel, devices: readonly string[], stretched: boolean): VlanFacts {
  return { id: v.id, name: v.name, tenant: v.tenant, purpose: v.purpose, ...(v.subnet ? { subnet: v.subnet } : {}), stretched, devices: [...devices] };
}
