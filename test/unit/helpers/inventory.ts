/**
 * Test helpers for the intent and platform tests: a tiny builder of Inventory objects with the loader's
 * defaults (enabled: true, empty lists, bgp: false), so tests state only what matters.
 */
import type { Device, Host, Interface, Inventory, Lag, Link, Vlan } from "../../../model/types";

type Partial2<T> = { -readonly [K in keyof T]?: T[K] };

export function iface(name: string, more: Partial2<Interface> = {}): Interface {
  return { name, enabled: true, ...more };
}

export function lag(name: string, more: Partial2<Lag> = {}): Lag {
  return { name, lacp: "active", mode: "trunk", ...more };
}

export function device(name: string, site: string, more: Partial2<Device> & { interfaces?: Interface[] } = {}): Device {
  return {
    name,
    site,
    height: 1,
    role: "leaf",
    platform: "huawei-vrp",
    management: { address: "192.0.2.1", port: 22, user: "netops" },
    interfaces: [],
    lags: [],
    routes: [],
    ...more,
  };
}

export function vlan(id: number, name: string, sites: string[], more: Partial2<Vlan> = {}): Vlan {
  return { id, name, tenant: "city", purpose: "server", sites, gateways: [], ...more };
}

export function link(a: string, b: string, more: Partial2<Link> = {}): Link {
  const [ad, ai] = a.split(" ");
  const [bd, bi] = b.split(" ");
  return { a: { device: ad!, interface: ai! }, b: { device: bd!, interface: bi! }, kind: "fabric", bgp: false, ...more };
}

export function host(name: string, at: string, address = "10.0.0.10/24"): Host {
  const [d, i] = at.split(" ");
  return { name, tenant: "city", attach: { device: d!, interface: i! }, address };
}

export function inventory(more: Partial2<Inventory>): Inventory {
  return {
    version: 1,
    name: "test",
    tenants: [{ name: "city" }],
    vrfs: [],
    sites: [
      { name: "dc1", role: "primary", asn: 65001 },
      { name: "dc2", role: "dr", protects: "dc1", asn: 65002 },
    ],
    racks: [],
    devices: [],
    vlans: [],
    links: [],
    hosts: [],
    services: [],
    dr: [],
    ...more,
  };
}
