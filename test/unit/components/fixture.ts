/** A small two-site network, built by hand (no other layer needed): a primary with two racks and a DR site. */
import type { Device, Inventory } from "../../../model/types";
import type { ConfigObject } from "../../../platforms/types";
import type { DeviceIntent } from "../../../intent/types";
import type { DeviceBuild, NetworkBuild } from "../../../components/types";

function device(name: string, site: string, rack: string | undefined, port: number): Device {
  return {
    name,
    site,
    ...(rack ? { rack } : {}),
    height: 1,
    role: "leaf",
    platform: "ovs",
    management: { address: "127.0.0.1", port, user: "citydc" },
    interfaces: [],
    lags: [],
    routes: [],
  };
}

export function inventory(): Inventory {
  return {
    version: 1,
    name: "fixture",
    tenants: [{ name: "city" }],
    vrfs: [],
    sites: [
      { name: "a-dc1", role: "primary" },
      { name: "a-dc2", role: "dr", protects: "a-dc1" },
    ],
    racks: [
      { name: "a-dc1-r1", site: "a-dc1", height: 42 },
      { name: "a-dc1-r2", site: "a-dc1", height: 42 },
      { name: "a-dc2-r1", site: "a-dc2", height: 42 },
    ],
    devices: [device("a-dc1-spine1", "a-dc1", "a-dc1-r1", 2201), device("a-dc1-leaf1", "a-dc1", "a-dc1-r2", 2202), device("a-dc2-leaf1", "a-dc2", "a-dc2-r1", 2203), device("a-dc1-wan1", "a-dc1", undefined, 2204)],
    vlans: [
      { id: 120, name: "video", tenant: "city", purpose: "video", sites: ["a-dc1", "a-dc2"], gateways: [] },
      { id: 130, name: "voice", tenant: "city", purpose: "voice", sites: ["a-dc1"], gateways: [] },
    ],
    links: [
      { a: { device: "a-dc1-spine1", interface: "p1" }, b: { device: "a-dc1-leaf1", interface: "p1" }, kind: "fabric", bgp: false },
      { a: { device: "a-dc2-leaf1", interface: "p1" }, b: { device: "a-dc1-spine1", interface: "p4" }, kind: "dci", bgp: false },
    ],
    hosts: [],
    services: [],
    dr: [{ site: "a-dc2", protects: "a-dc1", vlans: [120], services: [] }],
  };
}

function obj(device: string, kind: ConfigObject["kind"], key: string, fields: ConfigObject["fields"]): ConfigObject {
  return { device, kind, key, summary: key, fields, apply: [`apply ${key}`], remove: [`remove ${key}`], readBack: `show ${key}` };
}

export function intent(d: Device, vlans: number[]): DeviceIntent {
  return {
    device: d.name,
    site: d.site,
    platform: d.platform,
    role: d.role,
    vlans: vlans.map((id) => ({ id, name: `v${id}` })),
    ports: [],
    lags: d.name === "a-dc1-spine1" ? [{ name: "bond0", lacp: "active", members: ["p2", "p3"], port: { name: "bond0", description: "", enabled: true, mode: "trunk", allowed: vlans } }] : [],
    gateways: [],
    routes: [],
    vrfs: [],
    management: {},
  };
}

export function network(inv: Inventory = inventory(), credentials?: { password?: string }): NetworkBuild {
  const devices = new Map<string, DeviceBuild>();
  for (const d of inv.devices) {
    const vlans = d.site === "a-dc2" ? [120] : [120, 130];
    devices.set(d.name, {
      device: d,
      intent: intent(d, vlans),
      objects: vlans.map((v) => obj(d.name, "vlan", `vlan:${v}`, { id: v })),
      target: { host: d.management.address, port: d.management.port, user: d.management.user, hostKey: "ssh-ed25519 AAAAfixture" },
    });
  }
  return { inventory: inv, devices, ...(credentials ? { credentials } : {}) };
}
