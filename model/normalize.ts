/**
 * Defaults, applied once after the schema check so everything downstream gets a complete Inventory:
 * interface enabled true; device height 1; SSH port 22; empty lists for interfaces, lags, routes,
 * vrfs, racks, vlans, links, hosts, services, dr, VLAN gateways, BGP networks/neighbors, DR vlans and
 * services; LAG lacp active; link bgp false. Fresh objects are built (aliases in the YAML share
 * objects; nothing is mutated). Optional fields that have no default stay absent.
 */
import type { Bgp, Device, DrProtection, Interface, Inventory, Lag, Link, Vlan } from "./types";

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
  return { ...x, lacp: x.lacp ?? "active", ...(Array.isArray(x.allowed) ? { allowed: [...x.allowed] } : {}) } as unknown as Lag;
}

function bgp(x: Raw | undefined): Bgp | undefined {
  if (!x) return undefined;
  return { ...x, networks: Array.isArray(x.networks) ? [...x.networks] : [], neighbors: list(x.neighbors, copy) } as unknown as Bgp;
}

function device(x: Raw): Device {
  const d: Raw = {
    ...x,
    height: x.height ?? 1,
    management: { ...x.management, port: x.management?.port ?? 22 },
    interfaces: list(x.interfaces, iface),
    lags: list(x.lags, lag),
    routes: list(x.routes, copy),
  };
  const b = bgp(x.bgp);
  if (b) d.bgp = b;
  else delete d.bgp;
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

/** The complete Inventory from a schema-valid document. */
export function normalize(raw: Raw): Inventory {
  return {
    ...raw,
    version: 1,
    tenants: list(raw.tenants, copy),
    vrfs: list(raw.vrfs, copy),
    sites: list(raw.sites, copy),
    racks: list(raw.racks, copy),
    devices: list(raw.devices, device),
    vlans: list(raw.vlans, vlan),
    links: list(raw.links, link),
    hosts: list(raw.hosts, (h) => ({ ...h, attach: { ...h.attach } }) as unknown as Inventory["hosts"][number]),
    services: list(raw.services, (s) => ({ ...s, vlans: [...s.vlans] }) as unknown as Inventory["services"][number]),
    dr: list(raw.dr, dr),
  } as unknown as Inventory;
}
