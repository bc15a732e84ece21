/**
 * Defaults, applied once after the schema check so everything downstream gets a complete Inventory:
 * interface enabled true; device height 1; SSH port 22; empty lists for interfaces, lags, routes,
 * vrfs, racks, vlans, links, hosts, services, dr, VLAN gateways, BGP networks/neighbors, DR vlans and
 * services, VLAN groups and mlag pairs; LAG lacp active and mlag false; link bgp false; site stp
 * revision 0 and no instances; device stp enabled; mlag domain 1; a qos section's marking by VLAN purpose (its classes stay as listed: model/policy.ts merges the defaults);
 * a policies section's tenant isolation, rule protocol any and empty port lists. Fresh objects are built (aliases in the YAML share
 * objects; nothing is mutated). Optional fields that have no default stay absent.
 */
import type { Bgp, Device, DrProtection, Interface, Inventory, Lag, Link, MlagPair, Policies, PolicyRule, Qos, QosClass, QosMark, Site, Vlan, VlanGroup } from "./types";

type Raw = Record<string, any>; // shape already checked by the schema

function list<T>(value: unknown, map: (x: Raw) => T): T[] {
  return Array.isArray(value) ? value.map((x) => map(x as Raw)) : [];
}

function copy<T>(x: Raw): T {
  return { ...x } as T;
}

function iface(x: Raw): Interface {
  return { ...x, enabled: x.enabled ?? true, ...(Array.isArray(x.allowed) ? { allowed: [...x.allowed] } : {}) } as unknown as Interface;
}

function lag(x: Raw): Lag {
  return { ...x, lacp: x.lacp ?? "active", mlag: x.mlag ?? false, ...(Array.isArray(x.allowed) ? { allowed: [...x.allowed] } : {}) } as unknown as Lag;
}

function site(x: Raw): Site {
  if (!x.stp) return { ...x } as Site;
  return { ...x, stp: { ...x.stp, revision: x.stp.revision ?? 0, instances: list(x.stp.instances, (i) => ({ ...i, vlans: [...i.vlans] })) } } as unknown as Site;
}

function mlag(x: Raw): MlagPair {
  return { ...x, devices: [...x.devices], domain: x.domain ?? 1, ...(Array.isArray(x.keepalive) ? { keepalive: [...x.keepalive] } : {}) } as unknown as MlagPair;
}

function bgp(x: Raw | undefined): Bgp | undefined {
  if (!x) return undefined;
  return { ...x, networks: Array.isArray(x.networks) ? [...x.networks] : [], neighbors: list(x.neighbors, copy) } as unknown as Bgp;
}

function device(x: Raw): Device {
  const d: Raw = {
    ...x,
    height: x.height ?? 1,
    management: { ...x.management, port: x.management?.port ?? 22, ...(x.management?.inband ? { inband: { ...x.management.inband } } : {}) },
    interfaces: list(x.interfaces, iface),
    lags: list(x.lags, lag),
    routes: list(x.routes, copy),
  };
  const b = bgp(x.bgp);
  if (b) d.bgp = b;
  else delete d.bgp;
  if (x.stp) d.stp = { ...x.stp, enabled: x.stp.enabled ?? true };
  return d as Device;
}

function vlan(x: Raw): Vlan {
  return { ...x, sites: [...(x.sites ?? [])], gateways: list(x.gateways, copy) } as unknown as Vlan;
}

function link(x: Raw): Link {
  return { ...x, a: { ...x.a }, b: { ...x.b }, bgp: x.bgp ?? false } as unknown as Link;
}

function dr(x: Raw): DrProtection {
  return { ...x, vlans: [...(x.vlans ?? [])], services: [...(x.services ?? [])] } as unknown as DrProtection;
}

function qos(x: Raw | undefined): Qos | undefined {
  if (x === undefined || x === null) return undefined;
  return {
    classes: list(x.classes, copy) as unknown as QosClass[],
    marking: list(x.marking, (m) => ({ ...m, ports: [...(m.ports ?? [])] }) as unknown as QosMark),
    markByPurpose: x.markByPurpose ?? true,
  };
}

function policies(x: Raw | undefined): Policies | undefined {
  if (x === undefined || x === null) return undefined;
  return {
    tenantIsolation: x.tenantIsolation ?? true,
    management: { ...(x.management ?? {}), jumpHosts: [...(x.management?.jumpHosts ?? [])] },
    rules: list(x.rules, (r) => ({ ...r, from: { ...r.from }, to: { ...r.to }, protocol: r.protocol ?? "any", ports: [...(r.ports ?? [])] }) as unknown as PolicyRule),
  };
}

/** The complete Inventory from a schema-valid document. */
export function normalize(raw: Raw): Inventory {
  return {
    ...raw,
    version: 1,
    tenants: list(raw.tenants, copy),
    vrfs: list(raw.vrfs, copy),
    sites: list(raw.sites, site),
    racks: list(raw.racks, copy),
    devices: list(raw.devices, device),
    vlans: list(raw.vlans, vlan),
    vlanGroups: list(raw.vlanGroups, (g) => ({ ...g, sites: [...g.sites] }) as unknown as VlanGroup),
    links: list(raw.links, link),
    mlag: list(raw.mlag, mlag),
    hosts: list(raw.hosts, (h) => ({ ...h, attach: { ...h.attach } }) as unknown as Inventory["hosts"][number]),
    services: list(raw.services, (s) => ({ ...s, vlans: [...s.vlans] }) as unknown as Inventory["services"][number]),
    dr: list(raw.dr, dr),
    ...(raw.qos !== undefined ? { qos: qos(raw.qos) } : {}),
    ...(raw.policies !== undefined ? { policies: policies(raw.policies) } : {}),
  } as unknown as Inventory;
}
