/**
 * Revisions of a generated inventory for the benchmarks: a realistic change set for `citydc diff`, and
 * "add one VLAN and put it on K leafs" for the lab's change runs (cost per changed device).
 * Pure: returns a new Inventory, the input is left as is.
 */
import type { Device, Interface, Inventory, Vlan } from "../model/types";
import { CAPABILITIES } from "../model/capabilities";

/** A free VLAN ID above every used one, not reserved on any platform of the inventory. */
export function freeVlanId(inv: Inventory): number {
  const used = new Set(inv.vlans.map((v) => v.id));
  const reserved = new Set(inv.devices.flatMap((d) => CAPABILITIES[d.platform].reservedVlans));
  let id = Math.max(99, ...used) + 1;
  while (used.has(id) || reserved.has(id)) id++;
  if (id > 3967) throw new Error("no free VLAN ID left for the change");
  return id;
}

export interface VlanChange {
  readonly inventory: Inventory;
  readonly vlan: number;
  /** Devices whose ports were moved to the new VLAN. */
  readonly devices: readonly string[];
}

/**
 * Adds one VLAN at the site of the first leaf and moves the first access port (without a host) of `count`
 * leafs of that site into it: a change that touches those leafs (and, by pruning, their uplink peers).
 */
export function addVlanOnLeafs(inv: Inventory, count: number): VlanChange {
  const leafs = inv.devices.filter((d) => d.role === "leaf");
  if (leafs.length === 0) throw new Error("the inventory has no leaf");
  const site = leafs[0]!.site;
  const hostPorts = new Set(inv.hosts.map((h) => `${h.attach.device}|${h.attach.interface}`));
  const id = freeVlanId(inv);
  const chosen = new Set(leafs.filter((d) => d.site === site).slice(0, count).map((d) => d.name));
  const touched: string[] = [];
  const devices: Device[] = inv.devices.map((d) => {
    if (!chosen.has(d.name)) return d;
    const idx = d.interfaces.findIndex((i) => i.mode === "access" && !hostPorts.has(`${d.name}|${i.name}`));
    if (idx < 0) return d;
    touched.push(d.name);
    const interfaces = d.interfaces.slice();
    interfaces[idx] = { ...interfaces[idx]!, vlan: id, description: `moved to VLAN ${id}` };
    return { ...d, interfaces };
  });
  const template = inv.vlans.find((v) => v.sites.includes(site)) ?? inv.vlans[0];
  const vlan: Vlan = {
    id,
    name: `bench-${id}`,
    tenant: template?.tenant ?? inv.tenants[0]!.name,
    purpose: "server",
    description: "added by the benchmark's change run",
    sites: [site],
    gateways: [],
  };
  return { inventory: { ...inv, devices, vlans: [...inv.vlans, vlan] }, vlan: id, devices: touched };
}

/**
 * A realistic revision for `citydc diff`: one VLAN added at every site of the first pair (stretched) and
 * carried on some ports, a fraction of access ports moved to another VLAN of their site, descriptions
 * edited, one host removed, one link's far-end interface disabled.
 */
export function reviseForDiff(inv: Inventory, movedFraction = 0.02): Inventory {
  const id = freeVlanId(inv);
  const firstPair = inv.dr[0] ? [inv.dr[0].protects, inv.dr[0].site] : [inv.sites[0]!.name];
  const vlansAt = new Map<string, number[]>();
  for (const v of inv.vlans) for (const s of v.sites) vlansAt.set(s, [...(vlansAt.get(s) ?? []), v.id]);
  const hostPorts = new Set(inv.hosts.map((h) => `${h.attach.device}|${h.attach.interface}`));
  let counter = 0;
  const step = Math.max(1, Math.round(1 / movedFraction));
  const devices = inv.devices.map((d, di) => {
    let changed = false;
    const interfaces: Interface[] = d.interfaces.map((i, ii) => {
      if (i.mode !== "access" || hostPorts.has(`${d.name}|${i.name}`)) return i;
      counter++;
      if (counter % step !== 0) return i;
      const candidates = (vlansAt.get(d.site) ?? []).filter((v) => v !== i.vlan);
      if (candidates.length === 0) return i;
      changed = true;
      const target = firstPair.includes(d.site) && counter % (step * 4) === 0 ? id : candidates[(di + ii) % candidates.length]!;
      return { ...i, vlan: target, description: `moved from VLAN ${i.vlan}` };
    });
    return changed ? { ...d, interfaces } : d;
  });
  const template = inv.vlans.find((v) => v.sites.length > 1) ?? inv.vlans[0]!;
  const vlan: Vlan = {
    ...template,
    id,
    name: `revision-${id}`,
    description: "added in the revision",
    sites: firstPair,
    subnet: undefined,
    gateway: undefined,
    gateways: [],
  };
  delete (vlan as { subnet?: string }).subnet;
  delete (vlan as { gateway?: string }).gateway;
  // Carry the new VLAN on the DCI trunks so the DR parity still holds.
  const withDci = devices.map((d) => {
    if (!firstPair.includes(d.site)) return d;
    let changed = false;
    const interfaces = d.interfaces.map((i) => {
      if (!Array.isArray(i.allowed) || !inv.links.some((l) => l.kind === "dci" && ((l.a.device === d.name && l.a.interface === i.name) || (l.b.device === d.name && l.b.interface === i.name)))) return i;
      changed = true;
      return { ...i, allowed: [...(i.allowed as number[]), id].sort((a, b) => a - b) };
    });
    return changed ? { ...d, interfaces } : d;
  });
  const dr = inv.dr.map((p, i) => (i === 0 ? { ...p, vlans: [...p.vlans, id] } : p));
  return {
    ...inv,
    name: inv.name,
    devices: withDci,
    vlans: [...inv.vlans, vlan],
    hosts: inv.hosts.slice(1),
    dr,
  };
}
