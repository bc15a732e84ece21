/**
 * The diff field by field (docs/diff-format.md): every object type with every field it compares, as added,
 * as removed, and each field changed, gained and lost on its own. The expected fields and values are
 * written out here, not computed by the code under test. Inventories are built inside each test (the
 * mutation suite records coverage per test).
 */
import { describe, expect, it } from "vitest";
import { diffInventories, siteGroup, type FieldChange, type FieldValue, type ObjectDiff } from "../../../audit/diff";
import type { Device, Inventory, Vlan } from "../../../model/types";
import { naturalCompare } from "../../../util/natural";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
type Inv = Mutable<Inventory>;

/** Two sites, every object type, every optional field set. */
function rich(): Inv {
  return {
    version: 1,
    name: "rich",
    description: "every field",
    tenants: [{ name: "city", description: "City" }],
    vrfs: [{ name: "vrf-a", tenant: "city", description: "A", rd: "65000:1" }],
    sites: [
      { name: "s1", role: "primary", description: "S1", authority: "city hall", tenant: "city", asn: 65001, stp: { mode: "mstp", region: "r", revision: 2, instances: [{ id: 1, vlans: [200, 100] }] } },
      { name: "s2", role: "dr", protects: "s1" },
    ],
    racks: [{ name: "r1", site: "s1", height: 42, description: "row 1" }],
    devices: [
      {
        name: "d1", site: "s1", rack: "r1", position: 10, height: 1, role: "leaf", platform: "huawei-vrp", model: "CE6881",
        management: { address: "10.0.0.1", port: 22, user: "admin", hostKey: "ssh-ed25519 AAAA", interface: "MEth0/0/0", vlan: 10, inband: { prefixLength: 24, gateway: "10.0.0.254" } },
        loopback: "10.255.0.1",
        stp: { priority: 4096, enabled: true },
        interfaces: [
          { name: "10GE1/0/1", description: "to cam", speed: "10G", mode: "access", vlan: 100, enabled: true, mtu: 9000, stp: { edge: true, guard: "root" } },
          { name: "10GE1/0/2", mode: "trunk", allowed: [200, 100], native: 100, lag: "Eth-Trunk1", enabled: true },
          { name: "10GE1/0/3", mode: "routed", address: "10.1.0.1/31", vrf: "vrf-a", enabled: false },
        ],
        lags: [{ name: "Eth-Trunk1", description: "peer", lacp: "active", mode: "trunk", allowed: "all", native: 100, mtu: 9216, mlag: true }],
        routes: [{ prefix: "0.0.0.0/0", nextHop: "10.1.0.0" }, { prefix: "10.9.0.0/16", nextHop: "10.1.0.2", vrf: "vrf-a" }],
        bgp: { asn: 65001, routerId: "10.255.0.1", networks: ["10.2.0.0/16", "10.1.0.0/16"], neighbors: [{ address: "10.1.0.0", remoteAs: 65100, description: "isp" }] },
      },
      {
        name: "d2", site: "s2", height: 1, role: "border", platform: "frr",
        management: { address: "10.0.1.1", port: 22, user: "citydc" },
        interfaces: [{ name: "eth1", enabled: true }], lags: [], routes: [],
      },
    ],
    vlans: [
      {
        id: 100, name: "video", tenant: "city", vrf: "vrf-a", purpose: "video", description: "v", sites: ["s2", "s1"],
        subnet: "10.100.0.0/24", gateway: "10.100.0.1",
        gateways: [{ device: "d1", address: "10.100.0.2", priority: 200 }, { device: "d2", address: "10.100.0.3", priority: 100 }], vrid: 100,
      },
      { id: 200, group: "g1", name: "local", tenant: "city", purpose: "user", sites: ["s1"], gateways: [] },
    ],
    vlanGroups: [{ name: "g1", sites: ["s1"], description: "s1 only" }],
    links: [{ a: { device: "d2", interface: "eth1" }, b: { device: "d1", interface: "10GE1/0/3" }, kind: "dci", description: "dci", bgp: true }],
    mlag: [{ name: "pair1", devices: ["d1", "d2"], domain: 7, peerLink: "Eth-Trunk1", keepalive: ["10.0.0.1", "10.0.1.1"], peerVlan: 4094 }],
    hosts: [{ name: "h1", tenant: "city", attach: { device: "d1", interface: "10GE1/0/1" }, address: "10.100.0.10/24", gateway: "10.100.0.1", description: "cam" }],
    services: [{ name: "vc", description: "video conf", tenant: "city", vlans: [200, 100] }],
    dr: [{ site: "s2", protects: "s1", vlans: [200, 100], services: ["vc"] }],
    qos: {
      classes: [{ name: "voice", share: 20 }, { name: "bulk", dscp: "cs1", treatment: "limited", share: 5 }],
      marking: [
        { class: "video", vlan: 100, ports: [] },
        { class: "voice", subnet: "10.5.0.0/24", protocol: "udp", ports: [5060, 5061] },
        { class: "video", device: "d1", interface: "10GE1/0/3", ports: [] },
      ],
      markByPurpose: false,
    },
    policies: {
      tenantIsolation: true,
      management: { vlan: 10, jumpHosts: ["10.0.9.2", "10.0.9.1"] },
      rules: [
        { name: "r-a", action: "allow", from: { vlan: 100 }, to: { service: "vc" }, protocol: "tcp", ports: [443, 80], description: "web" },
        { name: "r-b", action: "deny", from: { any: true }, to: { management: true }, protocol: "any", ports: [] },
      ],
    },
  } as Inv;
}

/** The same inventory header with nothing in it. */
function empty(): Inv {
  return { version: 1, name: "rich", description: "every field", tenants: [], vrfs: [], sites: [], racks: [], devices: [], vlans: [], links: [], hosts: [], services: [], dr: [] } as Inv;
}

const diff = (a: Inv, b: Inv) => diffInventories(a as Inventory, b as Inventory);

type Expect = { type: string; key: string; label: string; sites: string[]; within?: string; fields: Record<string, FieldValue> };

/** Every object of rich(), in the diff's order (global first, then by site group, type order, key). */
const RICH: Expect[] = [
  { type: "tenant", key: "city", label: "tenant city", sites: [], fields: { description: "City" } },
  { type: "vrf", key: "vrf-a", label: "VRF vrf-a", sites: [], fields: { tenant: "city", description: "A", rd: "65000:1" } },
  { type: "service", key: "vc", label: "service vc", sites: [], fields: { description: "video conf", tenant: "city", vlans: [100, 200] } },
  {
    type: "qos", key: "qos", label: "QoS", sites: [],
    fields: {
      classes: ["voice ef priority 20%", "video af41 guaranteed 30%", "signalling cs3 guaranteed 5%", "network-control cs6 guaranteed 5%", "scavenger cs1 limited 5%", "best-effort default default", "bulk cs1 limited 5%"],
      marking: ["vlan 100 -> video", "10.5.0.0/24 udp 5060,5061 -> voice", "d1 10GE1/0/3 -> video"],
      markByPurpose: false,
    },
  },
  { type: "policy", key: "policies", label: "policies (defaults)", sites: [], fields: { tenantIsolation: true, managementVlan: 10, jumpHosts: ["10.0.9.1", "10.0.9.2"] } },
  { type: "policy", key: "rule r-a", label: "policy rule r-a", sites: [], fields: { position: 1, action: "allow", from: "VLAN 100", to: "service vc", protocol: "tcp", ports: [80, 443], description: "web" } },
  { type: "policy", key: "rule r-b", label: "policy rule r-b", sites: [], fields: { position: 2, action: "deny", from: "any", to: "management", protocol: "any", ports: [] } },
  {
    type: "site", key: "s1", label: "site s1", sites: ["s1"],
    fields: { role: "primary", description: "S1", authority: "city hall", tenant: "city", asn: 65001, "stp.mode": "mstp", "stp.region": "r", "stp.revision": 2, "stp.instances[1].vlans": [100, 200] },
  },
  { type: "rack", key: "r1", label: "rack r1", sites: ["s1"], fields: { site: "s1", height: 42, description: "row 1" } },
  {
    type: "device", key: "d1", label: "device d1", sites: ["s1"],
    fields: {
      site: "s1", rack: "r1", position: 10, height: 1, role: "leaf", platform: "huawei-vrp", model: "CE6881",
      "management.address": "10.0.0.1", "management.port": 22, "management.user": "admin", "management.hostKey": "ssh-ed25519 AAAA",
      "management.interface": "MEth0/0/0", "management.vlan": 10, "management.inband.prefixLength": 24, "management.inband.gateway": "10.0.0.254",
      loopback: "10.255.0.1", "stp.enabled": true, "stp.priority": 4096,
      "routes[default 0.0.0.0/0].nextHop": "10.1.0.0", "routes[vrf-a 10.9.0.0/16].nextHop": "10.1.0.2",
      "bgp.asn": 65001, "bgp.routerId": "10.255.0.1", "bgp.networks": ["10.1.0.0/16", "10.2.0.0/16"],
      "bgp.neighbors[10.1.0.0].remoteAs": 65100, "bgp.neighbors[10.1.0.0].description": "isp",
    },
  },
  { type: "lag", key: "d1 Eth-Trunk1", label: "LAG d1 Eth-Trunk1", sites: ["s1"], within: "device:d1", fields: { description: "peer", lacp: "active", mode: "trunk", allowed: "all", native: 100, mtu: 9216, mlag: true } },
  { type: "interface", key: "d1 10GE1/0/1", label: "interface d1 10GE1/0/1", sites: ["s1"], within: "device:d1", fields: { description: "to cam", speed: "10G", mode: "access", vlan: 100, enabled: true, mtu: 9000, "stp.edge": true, "stp.guard": "root" } },
  { type: "interface", key: "d1 10GE1/0/2", label: "interface d1 10GE1/0/2", sites: ["s1"], within: "device:d1", fields: { mode: "trunk", allowed: [100, 200], native: 100, lag: "Eth-Trunk1", enabled: true } },
  { type: "interface", key: "d1 10GE1/0/3", label: "interface d1 10GE1/0/3", sites: ["s1"], within: "device:d1", fields: { mode: "routed", address: "10.1.0.1/31", vrf: "vrf-a", enabled: false } },
  { type: "vlan-group", key: "g1", label: "VLAN group g1", sites: ["s1"], fields: { sites: ["s1"], description: "s1 only" } },
  { type: "vlan", key: "g1/200", label: "VLAN 200 (local) in group g1", sites: ["s1"], fields: { name: "local", tenant: "city", purpose: "user", sites: ["s1"], group: "g1" } },
  { type: "host", key: "h1", label: "host h1", sites: ["s1"], fields: { tenant: "city", attach: "d1:10GE1/0/1", address: "10.100.0.10/24", gateway: "10.100.0.1", description: "cam" } },
  {
    type: "vlan", key: "100", label: "VLAN 100 (video)", sites: ["s1", "s2"],
    fields: {
      name: "video", tenant: "city", vrf: "vrf-a", purpose: "video", description: "v", sites: ["s1", "s2"], subnet: "10.100.0.0/24", gateway: "10.100.0.1",
      gateways: ["d1", "d2"], "gateways[d1].address": "10.100.0.2", "gateways[d1].priority": 200, "gateways[d2].address": "10.100.0.3", "gateways[d2].priority": 100, vrid: 100,
    },
  },
  { type: "link", key: "d1:10GE1/0/3 <-> d2:eth1", label: "link d1:10GE1/0/3 <-> d2:eth1", sites: ["s1", "s2"], fields: { kind: "dci", description: "dci", bgp: true } },
  { type: "mlag", key: "pair1", label: "MLAG pair pair1", sites: ["s1", "s2"], fields: { devices: ["d1", "d2"], domain: 7, peerLink: "Eth-Trunk1", keepalive: ["10.0.0.1", "10.0.1.1"], peerVlan: 4094 } },
  { type: "dr", key: "s2", label: "DR protection s2 -> s1", sites: ["s1", "s2"], fields: { protects: "s1", vlans: [100, 200], services: ["vc"] } },
  { type: "site", key: "s2", label: "site s2", sites: ["s2"], fields: { role: "dr", protects: "s1" } },
  { type: "device", key: "d2", label: "device d2", sites: ["s2"], fields: { site: "s2", height: 1, role: "border", platform: "frr", "management.address": "10.0.1.1", "management.port": 22, "management.user": "citydc" } },
  { type: "interface", key: "d2 eth1", label: "interface d2 eth1", sites: ["s2"], within: "device:d2", fields: { enabled: true } },
];

function expected(action: "add" | "remove", e: Expect): ObjectDiff {
  const side = action === "add" ? "new" : "old";
  const fields: FieldChange[] = Object.entries(e.fields)
    .sort((x, y) => naturalCompare(x[0], y[0]))
    .map(([field, v]) => ({ field, [side]: v }));
  return { type: e.type, action, key: e.key, label: e.label, sites: e.sites, ...(e.within ? { within: e.within } : {}), fields } as ObjectDiff;
}

describe("every object and field, added and removed", () => {
  it("an inventory from nothing: each object added with every field on the new side, in the documented order", () => {
    const d = diff(empty(), rich());
    expect(d.changes).toEqual(RICH.map((e) => expected("add", e)));
    expect(d.equal).toBe(false);
    expect(d.counts).toEqual({ total: RICH.length, add: RICH.length, remove: 0, change: 0, rename: 0 });
    expect(d.byType.interface).toEqual({ total: 4, add: 4, remove: 0, change: 0, rename: 0 });
    expect(d.byType.policy).toEqual({ total: 3, add: 3, remove: 0, change: 0, rename: 0 });
    expect(Object.keys(d.byType).sort()).toEqual(["device", "dr", "host", "interface", "lag", "link", "mlag", "policy", "qos", "rack", "service", "site", "tenant", "vlan", "vlan-group", "vrf"]);
    expect(d.sites).toEqual(["s1", "s2"]);
  });

  it("back to nothing: each object removed with every field on the old side", () => {
    const d = diff(rich(), empty());
    expect(d.changes).toEqual(RICH.map((e) => expected("remove", e)));
    expect(d.counts).toEqual({ total: RICH.length, add: 0, remove: RICH.length, change: 0, rename: 0 });
  });

  it("the same inventory, and one with every set-like list reordered, are equal", () => {
    expect(diff(rich(), rich())).toEqual({ equal: true, changes: [], counts: { total: 0, add: 0, remove: 0, change: 0, rename: 0 }, byType: {}, sites: [] });
    const b = rich();
    b.sites[0]!.stp!.instances[0]!.vlans.reverse();
    b.devices[0]!.interfaces[1]!.allowed = [100, 200];
    b.devices[0]!.bgp!.networks.reverse();
    b.vlans[0]!.sites.reverse();
    b.services[0]!.vlans.reverse();
    b.dr[0]!.vlans.reverse();
    b.policies!.management.jumpHosts.reverse();
    b.policies!.rules[0]!.ports.reverse();
    b.devices.reverse();
    b.vlans.reverse();
    expect(diff(rich(), b).changes).toEqual([]);
  });
});

/** One change: [what, edit of rich(), the one object expected changed, its fields]. */
type Case = [string, (i: Inv) => void, string, string, FieldChange[]];

const dev = (i: Inv, name: string): Mutable<Device> => i.devices.find((d) => d.name === name)!;
const vlan = (i: Inv, id: number): Mutable<Vlan> => i.vlans.find((v) => v.id === id)!;
const port = (i: Inv, n: number) => dev(i, "d1").interfaces[n]!;

const RICH_CLASSES = ["voice ef priority 20%", "video af41 guaranteed 30%", "signalling cs3 guaranteed 5%", "network-control cs6 guaranteed 5%", "scavenger cs1 limited 5%", "best-effort default default", "bulk cs1 limited 5%"];
const RICH_MARKING = ["vlan 100 -> video", "10.5.0.0/24 udp 5060,5061 -> voice", "d1 10GE1/0/3 -> video"];

const CASES: Case[] = [
  ["inventory description", (i) => void (i.description = "other"), "inventory", "inventory", [{ field: "description", old: "every field", new: "other" }]],
  ["inventory name", (i) => void (i.name = "other"), "inventory", "inventory", [{ field: "name", old: "rich", new: "other" }]],
  ["tenant description", (i) => void (i.tenants[0]!.description = "x"), "tenant", "city", [{ field: "description", old: "City", new: "x" }]],
  ["vrf tenant", (i) => void (i.vrfs[0]!.tenant = "uni"), "vrf", "vrf-a", [{ field: "tenant", old: "city", new: "uni" }]],
  ["vrf description", (i) => void (i.vrfs[0]!.description = "B"), "vrf", "vrf-a", [{ field: "description", old: "A", new: "B" }]],
  ["vrf rd", (i) => void (i.vrfs[0]!.rd = "65000:2"), "vrf", "vrf-a", [{ field: "rd", old: "65000:1", new: "65000:2" }]],
  ["site role", (i) => void (i.sites[0]!.role = "branch"), "site", "s1", [{ field: "role", old: "primary", new: "branch" }]],
  ["site description", (i) => void (i.sites[0]!.description = "x"), "site", "s1", [{ field: "description", old: "S1", new: "x" }]],
  ["site protects", (i) => void (i.sites[1]!.protects = "s9"), "site", "s2", [{ field: "protects", old: "s1", new: "s9" }]],
  ["site authority", (i) => void (i.sites[0]!.authority = "x"), "site", "s1", [{ field: "authority", old: "city hall", new: "x" }]],
  ["site tenant", (i) => void (i.sites[0]!.tenant = "uni"), "site", "s1", [{ field: "tenant", old: "city", new: "uni" }]],
  ["site asn", (i) => void (i.sites[0]!.asn = 65009), "site", "s1", [{ field: "asn", old: 65001, new: 65009 }]],
  ["site stp mode", (i) => void (i.sites[0]!.stp!.mode = "rstp"), "site", "s1", [{ field: "stp.mode", old: "mstp", new: "rstp" }]],
  ["site stp region", (i) => void (i.sites[0]!.stp!.region = "q"), "site", "s1", [{ field: "stp.region", old: "r", new: "q" }]],
  ["site stp revision", (i) => void (i.sites[0]!.stp!.revision = 3), "site", "s1", [{ field: "stp.revision", old: 2, new: 3 }]],
  ["an MST instance's VLANs", (i) => void i.sites[0]!.stp!.instances[0]!.vlans.push(300), "site", "s1", [{ field: "stp.instances[1].vlans", old: [100, 200], new: [100, 200, 300] }]],
  ["an MST instance renumbered", (i) => void (i.sites[0]!.stp!.instances[0]!.id = 2), "site", "s1", [{ field: "stp.instances[1].vlans", old: [100, 200] }, { field: "stp.instances[2].vlans", new: [100, 200] }]],
  ["site stp taken away", (i) => void delete i.sites[0]!.stp, "site", "s1", [{ field: "stp.instances[1].vlans", old: [100, 200] }, { field: "stp.mode", old: "mstp" }, { field: "stp.region", old: "r" }, { field: "stp.revision", old: 2 }]],
  ["rack height", (i) => void (i.racks[0]!.height = 47), "rack", "r1", [{ field: "height", old: 42, new: 47 }]],
  ["rack site", (i) => void (i.racks[0]!.site = "s2"), "rack", "r1", [{ field: "site", old: "s1", new: "s2" }]],
  ["rack description", (i) => void (i.racks[0]!.description = "row 2"), "rack", "r1", [{ field: "description", old: "row 1", new: "row 2" }]],
  ["device site", (i) => void (dev(i, "d1").site = "s2"), "device", "d1", [{ field: "site", old: "s1", new: "s2" }]],
  ["device rack", (i) => void (dev(i, "d1").rack = "r9"), "device", "d1", [{ field: "rack", old: "r1", new: "r9" }]],
  ["device position", (i) => void (dev(i, "d1").position = 11), "device", "d1", [{ field: "position", old: 10, new: 11 }]],
  ["device height", (i) => void (dev(i, "d1").height = 2), "device", "d1", [{ field: "height", old: 1, new: 2 }]],
  ["device role", (i) => void (dev(i, "d1").role = "spine"), "device", "d1", [{ field: "role", old: "leaf", new: "spine" }]],
  ["device platform", (i) => void (dev(i, "d1").platform = "cisco-nxos"), "device", "d1", [{ field: "platform", old: "huawei-vrp", new: "cisco-nxos" }]],
  ["device model", (i) => void (dev(i, "d1").model = "CE8850"), "device", "d1", [{ field: "model", old: "CE6881", new: "CE8850" }]],
  ["management address", (i) => void (dev(i, "d1").management.address = "10.0.0.9"), "device", "d1", [{ field: "management.address", old: "10.0.0.1", new: "10.0.0.9" }]],
  ["management port", (i) => void (dev(i, "d1").management.port = 2222), "device", "d1", [{ field: "management.port", old: 22, new: 2222 }]],
  ["management user", (i) => void (dev(i, "d1").management.user = "ops"), "device", "d1", [{ field: "management.user", old: "admin", new: "ops" }]],
  ["management host key", (i) => void (dev(i, "d1").management.hostKey = "ssh-ed25519 BBBB"), "device", "d1", [{ field: "management.hostKey", old: "ssh-ed25519 AAAA", new: "ssh-ed25519 BBBB" }]],
  ["management interface", (i) => void (dev(i, "d1").management.interface = "Vlanif10"), "device", "d1", [{ field: "management.interface", old: "MEth0/0/0", new: "Vlanif10" }]],
  ["management VLAN", (i) => void (dev(i, "d1").management.vlan = 11), "device", "d1", [{ field: "management.vlan", old: 10, new: 11 }]],
  ["in-band prefix length", (i) => void (dev(i, "d1").management.inband!.prefixLength = 25), "device", "d1", [{ field: "management.inband.prefixLength", old: 24, new: 25 }]],
  ["in-band gateway", (i) => void (dev(i, "d1").management.inband!.gateway = "10.0.0.253"), "device", "d1", [{ field: "management.inband.gateway", old: "10.0.0.254", new: "10.0.0.253" }]],
  ["loopback", (i) => void (dev(i, "d1").loopback = "10.255.0.9"), "device", "d1", [{ field: "loopback", old: "10.255.0.1", new: "10.255.0.9" }]],
  ["device stp priority", (i) => void (dev(i, "d1").stp!.priority = 8192), "device", "d1", [{ field: "stp.priority", old: 4096, new: 8192 }]],
  ["device stp disabled", (i) => void (dev(i, "d1").stp!.enabled = false), "device", "d1", [{ field: "stp.enabled", old: true, new: false }]],
  ["a route's next hop", (i) => void (dev(i, "d1").routes[0]!.nextHop = "10.1.0.4"), "device", "d1", [{ field: "routes[default 0.0.0.0/0].nextHop", old: "10.1.0.0", new: "10.1.0.4" }]],
  ["a route moved to a VRF", (i) => void (dev(i, "d1").routes[0]!.vrf = "vrf-a"), "device", "d1", [{ field: "routes[default 0.0.0.0/0].nextHop", old: "10.1.0.0" }, { field: "routes[vrf-a 0.0.0.0/0].nextHop", new: "10.1.0.0" }]],
  ["bgp asn", (i) => void (dev(i, "d1").bgp!.asn = 65002), "device", "d1", [{ field: "bgp.asn", old: 65001, new: 65002 }]],
  ["bgp router id", (i) => void (dev(i, "d1").bgp!.routerId = "10.255.0.2"), "device", "d1", [{ field: "bgp.routerId", old: "10.255.0.1", new: "10.255.0.2" }]],
  ["bgp network added", (i) => void dev(i, "d1").bgp!.networks.push("10.0.0.0/16"), "device", "d1", [{ field: "bgp.networks", old: ["10.1.0.0/16", "10.2.0.0/16"], new: ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"] }]],
  ["bgp neighbour's AS", (i) => void (dev(i, "d1").bgp!.neighbors[0]!.remoteAs = 65200), "device", "d1", [{ field: "bgp.neighbors[10.1.0.0].remoteAs", old: 65100, new: 65200 }]],
  ["bgp neighbour's description", (i) => void (dev(i, "d1").bgp!.neighbors[0]!.description = "isp2"), "device", "d1", [{ field: "bgp.neighbors[10.1.0.0].description", old: "isp", new: "isp2" }]],
  ["interface description", (i) => void (port(i, 0).description = "x"), "interface", "d1 10GE1/0/1", [{ field: "description", old: "to cam", new: "x" }]],
  ["interface speed", (i) => void (port(i, 0).speed = "25G"), "interface", "d1 10GE1/0/1", [{ field: "speed", old: "10G", new: "25G" }]],
  ["interface mode", (i) => void (port(i, 0).mode = "trunk"), "interface", "d1 10GE1/0/1", [{ field: "mode", old: "access", new: "trunk" }]],
  ["access VLAN", (i) => void (port(i, 0).vlan = 200), "interface", "d1 10GE1/0/1", [{ field: "vlan", old: 100, new: 200 }]],
  ["interface MTU", (i) => void (port(i, 0).mtu = 1500), "interface", "d1 10GE1/0/1", [{ field: "mtu", old: 9000, new: 1500 }]],
  ["interface shut", (i) => void (port(i, 0).enabled = false), "interface", "d1 10GE1/0/1", [{ field: "enabled", old: true, new: false }]],
  ["edge port off", (i) => void (port(i, 0).stp!.edge = false), "interface", "d1 10GE1/0/1", [{ field: "stp.edge", old: true, new: false }]],
  ["port guard", (i) => void (port(i, 0).stp!.guard = "loop"), "interface", "d1 10GE1/0/1", [{ field: "stp.guard", old: "root", new: "loop" }]],
  ["trunk allows one more VLAN", (i) => void port(i, 1).allowed!.push(300), "interface", "d1 10GE1/0/2", [{ field: "allowed", old: [100, 200], new: [100, 200, 300] }]],
  ["trunk allows another VLAN instead", (i) => void (port(i, 1).allowed = [100, 300]), "interface", "d1 10GE1/0/2", [{ field: "allowed", old: [100, 200], new: [100, 300] }]],
  ["trunk allows other VLANs only", (i) => void (port(i, 1).allowed = [400, 300]), "interface", "d1 10GE1/0/2", [{ field: "allowed", old: [100, 200], new: [300, 400] }]],
  ["trunk allows every VLAN", (i) => void (port(i, 1).allowed = "all"), "interface", "d1 10GE1/0/2", [{ field: "allowed", old: [100, 200], new: "all" }]],
  ["native VLAN changed", (i) => void (port(i, 1).native = 200), "interface", "d1 10GE1/0/2", [{ field: "native", old: 100, new: 200 }]],
  ["native VLAN removed", (i) => void delete port(i, 1).native, "interface", "d1 10GE1/0/2", [{ field: "native", old: 100 }]],
  ["LAG membership", (i) => void (port(i, 1).lag = "Eth-Trunk2"), "interface", "d1 10GE1/0/2", [{ field: "lag", old: "Eth-Trunk1", new: "Eth-Trunk2" }]],
  ["routed address", (i) => void (port(i, 2).address = "10.1.0.3/31"), "interface", "d1 10GE1/0/3", [{ field: "address", old: "10.1.0.1/31", new: "10.1.0.3/31" }]],
  ["routed VRF", (i) => void (port(i, 2).vrf = "vrf-b"), "interface", "d1 10GE1/0/3", [{ field: "vrf", old: "vrf-a", new: "vrf-b" }]],
  ["port gains a description", (i) => void (port(i, 2).description = "new"), "interface", "d1 10GE1/0/3", [{ field: "description", new: "new" }]],
  ["port gains stp settings", (i) => void (port(i, 2).stp = { edge: false }), "interface", "d1 10GE1/0/3", [{ field: "stp.edge", new: false }]],
  ["LAG lacp", (i) => void (dev(i, "d1").lags[0]!.lacp = "static"), "lag", "d1 Eth-Trunk1", [{ field: "lacp", old: "active", new: "static" }]],
  ["LAG allowed list", (i) => void (dev(i, "d1").lags[0]!.allowed = [100]), "lag", "d1 Eth-Trunk1", [{ field: "allowed", old: "all", new: [100] }]],
  ["LAG mtu", (i) => void (dev(i, "d1").lags[0]!.mtu = 1500), "lag", "d1 Eth-Trunk1", [{ field: "mtu", old: 9216, new: 1500 }]],
  ["LAG leaves its MLAG pair", (i) => void (dev(i, "d1").lags[0]!.mlag = false), "lag", "d1 Eth-Trunk1", [{ field: "mlag", old: true, new: false }]],
  ["VLAN name", (i) => void (vlan(i, 100).name = "vc"), "vlan", "100", [{ field: "name", old: "video", new: "vc" }]],
  ["VLAN tenant", (i) => void (vlan(i, 100).tenant = "uni"), "vlan", "100", [{ field: "tenant", old: "city", new: "uni" }]],
  ["VLAN VRF", (i) => void (vlan(i, 100).vrf = "vrf-b"), "vlan", "100", [{ field: "vrf", old: "vrf-a", new: "vrf-b" }]],
  ["VLAN purpose", (i) => void (vlan(i, 100).purpose = "voice"), "vlan", "100", [{ field: "purpose", old: "video", new: "voice" }]],
  ["VLAN description", (i) => void (vlan(i, 100).description = "w"), "vlan", "100", [{ field: "description", old: "v", new: "w" }]],
  ["VLAN leaves a site", (i) => void (vlan(i, 100).sites = ["s1"]), "vlan", "100", [{ field: "sites", old: ["s1", "s2"], new: ["s1"] }]],
  ["VLAN subnet", (i) => void (vlan(i, 100).subnet = "10.101.0.0/24"), "vlan", "100", [{ field: "subnet", old: "10.100.0.0/24", new: "10.101.0.0/24" }]],
  ["VLAN gateway", (i) => void (vlan(i, 100).gateway = "10.100.0.254"), "vlan", "100", [{ field: "gateway", old: "10.100.0.1", new: "10.100.0.254" }]],
  ["VRRP master swapped (gateways keep their order)", (i) => void vlan(i, 100).gateways.reverse(), "vlan", "100", [{ field: "gateways", old: ["d1", "d2"], new: ["d2", "d1"] }]],
  ["a gateway's address", (i) => void (vlan(i, 100).gateways[1]!.address = "10.100.0.4"), "vlan", "100", [{ field: "gateways[d2].address", old: "10.100.0.3", new: "10.100.0.4" }]],
  ["a gateway's priority", (i) => void (vlan(i, 100).gateways[0]!.priority = 150), "vlan", "100", [{ field: "gateways[d1].priority", old: 200, new: 150 }]],
  ["VRID", (i) => void (vlan(i, 100).vrid = 101), "vlan", "100", [{ field: "vrid", old: 100, new: 101 }]],
  ["the last gateway removed", (i) => void (vlan(i, 100).gateways = []), "vlan", "100", [{ field: "gateways", old: ["d1", "d2"] }, { field: "gateways[d1].address", old: "10.100.0.2" }, { field: "gateways[d1].priority", old: 200 }, { field: "gateways[d2].address", old: "10.100.0.3" }, { field: "gateways[d2].priority", old: 100 }]],
  ["VLAN group's sites", (i) => void i.vlanGroups![0]!.sites.unshift("s2"), "vlan-group", "g1", [{ field: "sites", old: ["s1"], new: ["s1", "s2"] }]],
  ["VLAN group's description", (i) => void (i.vlanGroups![0]!.description = "x"), "vlan-group", "g1", [{ field: "description", old: "s1 only", new: "x" }]],
  ["link kind", (i) => void (i.links[0]!.kind = "wan"), "link", "d1:10GE1/0/3 <-> d2:eth1", [{ field: "kind", old: "dci", new: "wan" }]],
  ["link description", (i) => void (i.links[0]!.description = "x"), "link", "d1:10GE1/0/3 <-> d2:eth1", [{ field: "description", old: "dci", new: "x" }]],
  ["link bgp", (i) => void (i.links[0]!.bgp = false), "link", "d1:10GE1/0/3 <-> d2:eth1", [{ field: "bgp", old: true, new: false }]],
  ["MLAG primary swapped", (i) => void i.mlag![0]!.devices.reverse(), "mlag", "pair1", [{ field: "devices", old: ["d1", "d2"], new: ["d2", "d1"] }]],
  ["MLAG domain", (i) => void (i.mlag![0]!.domain = 8), "mlag", "pair1", [{ field: "domain", old: 7, new: 8 }]],
  ["MLAG peer link", (i) => void (i.mlag![0]!.peerLink = "Eth-Trunk9"), "mlag", "pair1", [{ field: "peerLink", old: "Eth-Trunk1", new: "Eth-Trunk9" }]],
  ["MLAG keepalive", (i) => void (i.mlag![0]!.keepalive = ["10.0.0.1", "10.0.1.2"]), "mlag", "pair1", [{ field: "keepalive", old: ["10.0.0.1", "10.0.1.1"], new: ["10.0.0.1", "10.0.1.2"] }]],
  ["MLAG peer VLAN", (i) => void (i.mlag![0]!.peerVlan = 4093), "mlag", "pair1", [{ field: "peerVlan", old: 4094, new: 4093 }]],
  ["host tenant", (i) => void (i.hosts[0]!.tenant = "uni"), "host", "h1", [{ field: "tenant", old: "city", new: "uni" }]],
  ["host moved", (i) => void (i.hosts[0]!.attach = { device: "d2", interface: "eth1" }), "host", "h1", [{ field: "attach", old: "d1:10GE1/0/1", new: "d2:eth1" }]],
  ["host address", (i) => void (i.hosts[0]!.address = "10.100.0.11/24"), "host", "h1", [{ field: "address", old: "10.100.0.10/24", new: "10.100.0.11/24" }]],
  ["host gateway", (i) => void (i.hosts[0]!.gateway = "10.100.0.2"), "host", "h1", [{ field: "gateway", old: "10.100.0.1", new: "10.100.0.2" }]],
  ["host description", (i) => void (i.hosts[0]!.description = "x"), "host", "h1", [{ field: "description", old: "cam", new: "x" }]],
  ["service description", (i) => void (i.services[0]!.description = "x"), "service", "vc", [{ field: "description", old: "video conf", new: "x" }]],
  ["service tenant", (i) => void (i.services[0]!.tenant = "uni"), "service", "vc", [{ field: "tenant", old: "city", new: "uni" }]],
  ["service gains a VLAN", (i) => void i.services[0]!.vlans.push(300), "service", "vc", [{ field: "vlans", old: [100, 200], new: [100, 200, 300] }]],
  ["service loses a VLAN", (i) => void i.services[0]!.vlans.pop(), "service", "vc", [{ field: "vlans", old: [100, 200], new: [200] }]],
  ["DR protects", (i) => void (i.dr[0]!.protects = "s3"), "dr", "s2", [{ field: "protects", old: "s1", new: "s3" }]],
  ["DR VLANs", (i) => void (i.dr[0]!.vlans = [100]), "dr", "s2", [{ field: "vlans", old: [100, 200], new: [100] }]],
  ["DR services", (i) => void (i.dr[0]!.services = []), "dr", "s2", [{ field: "services", old: ["vc"], new: [] }]],
  ["QoS class share", (i) => void (i.qos!.classes[0]!.share = 25), "qos", "qos", [{ field: "classes", old: RICH_CLASSES, new: ["voice ef priority 25%", ...RICH_CLASSES.slice(1)] }]],
  ["QoS marking by VLAN", (i) => void (i.qos!.marking[0]!.vlan = 200), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: ["vlan 200 -> video", ...RICH_MARKING.slice(1)] }]],
  ["QoS marking's ports", (i) => void (i.qos!.marking[1]!.ports = [5060]), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: [RICH_MARKING[0]!, "10.5.0.0/24 udp 5060 -> voice", RICH_MARKING[2]!] }]],
  ["QoS marking's protocol", (i) => void (i.qos!.marking[1]!.protocol = "tcp"), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: [RICH_MARKING[0]!, "10.5.0.0/24 tcp 5060,5061 -> voice", RICH_MARKING[2]!] }]],
  ["QoS marking's port moved", (i) => void (i.qos!.marking[2]!.interface = "10GE1/0/4"), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: [RICH_MARKING[0]!, RICH_MARKING[1]!, "d1 10GE1/0/4 -> video"] }]],
  ["QoS marking's class", (i) => void (i.qos!.marking[0]!.class = "voice"), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: ["vlan 100 -> voice", ...RICH_MARKING.slice(1)] }]],
  ["QoS marking reordered (first match)", (i) => void i.qos!.marking.reverse(), "qos", "qos", [{ field: "marking", old: RICH_MARKING, new: [...RICH_MARKING].reverse() }]],
  ["QoS marking by purpose", (i) => void (i.qos!.markByPurpose = true), "qos", "qos", [{ field: "markByPurpose", old: false, new: true }]],
  ["tenant isolation", (i) => void (i.policies!.tenantIsolation = false), "policy", "policies", [{ field: "tenantIsolation", old: true, new: false }]],
  ["management VLAN of the policy", (i) => void (i.policies!.management.vlan = 11), "policy", "policies", [{ field: "managementVlan", old: 10, new: 11 }]],
  ["a jump host", (i) => void i.policies!.management.jumpHosts.push("10.0.9.3"), "policy", "policies", [{ field: "jumpHosts", old: ["10.0.9.1", "10.0.9.2"], new: ["10.0.9.1", "10.0.9.2", "10.0.9.3"] }]],
  ["rule action", (i) => void (i.policies!.rules[0]!.action = "deny"), "policy", "rule r-a", [{ field: "action", old: "allow", new: "deny" }]],
  ["rule source", (i) => void (i.policies!.rules[0]!.from = { tenant: "city" }), "policy", "rule r-a", [{ field: "from", old: "VLAN 100", new: "tenant city" }]],
  ["rule destination", (i) => void (i.policies!.rules[0]!.to = { host: "h1" }), "policy", "rule r-a", [{ field: "to", old: "service vc", new: "host h1" }]],
  ["rule protocol", (i) => void (i.policies!.rules[0]!.protocol = "udp"), "policy", "rule r-a", [{ field: "protocol", old: "tcp", new: "udp" }]],
  ["rule ports", (i) => void (i.policies!.rules[0]!.ports = [443]), "policy", "rule r-a", [{ field: "ports", old: [80, 443], new: [443] }]],
  ["rule description", (i) => void delete i.policies!.rules[0]!.description, "policy", "rule r-a", [{ field: "description", old: "web" }]],
];


const NEW_LABEL: Record<string, string> = { "VLAN name": "VLAN 100 (vc)", "DR protects": "DR protection s2 -> s3" };

describe("each field changed on its own is that object's one change", () => {
  for (const [what, edit, type, key, fields] of CASES) {
    it(what, () => {
      const a = rich();
      const b = rich();
      edit(b);
      const d = diff(a, b);
      // strict: a field set on one side only has no key for the other side (not an undefined one)
      expect(d.changes.map((c) => [c.type, c.action, c.key, c.fields])).toStrictEqual([[type, "change", key, fields]]);
      // the label names the object as it is now
      expect(d.changes[0]!.label).toBe(NEW_LABEL[what] ?? RICH.find((e) => e.type === type && e.key === key)?.label ?? "inventory");
      expect(d.counts).toEqual({ total: 1, add: 0, remove: 0, change: 1, rename: 0 });
      // and back: the same field with its sides swapped
      const back = diff(b, a).changes;
      const swapped = fields.map((f) => ({ field: f.field, ...(f.new !== undefined ? { old: f.new } : {}), ...(f.old !== undefined ? { new: f.old } : {}) }));
      expect(back.map((c) => [c.type, c.action, c.key, c.fields])).toStrictEqual([[type, "change", key, swapped]]);
    });
  }

  it("two rules swapped: both positions change", () => {
    const b = rich();
    b.policies!.rules.reverse();
    expect(diff(rich(), b).changes.map((c) => [c.key, c.fields])).toEqual([
      ["rule r-a", [{ field: "position", old: 1, new: 2 }]],
      ["rule r-b", [{ field: "position", old: 2, new: 1 }]],
    ]);
  });
});

/** rich() with device d1 renamed to `to` everywhere it is named. */
function renameD1(i: Inv, to: string): void {
  const dn = (n: string): string => (n === "d1" ? to : n);
  for (const d of i.devices) d.name = dn(d.name);
  for (const l of i.links) {
    l.a.device = dn(l.a.device);
    l.b.device = dn(l.b.device);
  }
  for (const h of i.hosts) h.attach.device = dn(h.attach.device);
  for (const v of i.vlans) for (const g of v.gateways) g.device = dn(g.device);
  for (const m of i.mlag ?? []) m.devices = m.devices.map(dn) as [string, string];
  for (const m of i.qos?.marking ?? []) if (m.device) m.device = dn(m.device);
}

const brief = (i: Inv, j: Inv) => diff(i, j).changes.map((c) => `${c.action} ${c.type} ${c.key}${c.oldKey ? ` <- ${c.oldKey}` : ""}${c.within ? ` (${c.within})` : ""}`);

describe("renames and their references (within a type, changes sort by key: a remove may come first)", () => {
  it("a renamed device is one rename: its ports, link ends, host, gateways, MLAG pair and QoS marking follow it", () => {
    const b = rich();
    renameD1(b, "d1-new");
    const d = diff(rich(), b);
    expect(d.changes.map((c) => [c.action, c.type, c.key, c.oldKey, c.label, c.fields])).toEqual([["rename", "device", "d1-new", "d1", "device d1-new", []]]);
    expect(d.counts).toEqual({ total: 1, add: 0, remove: 0, change: 0, rename: 1 });
  });

  it("a renamed device that also changes a field carries that field; a second candidate makes it ambiguous", () => {
    const b = rich();
    renameD1(b, "d1-new");
    dev(b, "d1-new").model = "CE8850";
    expect(diff(rich(), b).changes.map((c) => [c.action, c.key, c.fields])).toEqual([["rename", "d1-new", [{ field: "model", old: "CE6881", new: "CE8850" }]]]);
    // a twin of the renamed device (same identity) added as well: neither is paired
    b.devices.push({ ...structuredClone(dev(b, "d1-new")), name: "d1-twin" });
    expect(brief(rich(), b).filter((l) => / device /.test(l)).sort()).toEqual(["add device d1-new", "add device d1-twin", "remove device d1"]);
  });

  it("a renamed rack is one rename and its device's rack field follows it", () => {
    const b = rich();
    b.racks[0]!.name = "r1b";
    dev(b, "d1").rack = "r1b";
    expect(brief(rich(), b)).toEqual(["rename rack r1b <- r1"]);
  });

  it("a device renamed into a renamed rack: both renames, nothing else", () => {
    const b = rich();
    b.racks[0]!.name = "r1b";
    dev(b, "d1").rack = "r1b";
    renameD1(b, "d1-new");
    expect(brief(rich(), b)).toEqual(["rename rack r1b <- r1", "rename device d1-new <- d1"]);
  });

  it("a host renamed at the same port and address; a host that also moves is a remove and an add", () => {
    const b = rich();
    b.hosts[0]!.name = "h2";
    b.hosts[0]!.description = "camera";
    expect(diff(rich(), b).changes.map((c) => [c.action, c.key, c.oldKey, c.fields])).toEqual([["rename", "h2", "h1", [{ field: "description", old: "cam", new: "camera" }]]]);
    b.hosts[0]!.address = "10.100.0.11/24";
    expect(brief(rich(), b)).toEqual(["remove host h1", "add host h2"]);
  });

  it("a service renamed with the same tenant and VLANs; with other VLANs it is a remove and an add", () => {
    const b = rich();
    b.services[0]!.name = "video";
    expect(brief(rich(), b)).toEqual(["rename service video <- vc"]);
    b.services[0]!.vlans = [100];
    expect(brief(rich(), b)).toEqual(["remove service vc", "add service video"]);
  });

  it("a VLAN renumbered with the same name and subnet is a rename; the ports that carried it change", () => {
    const b = rich();
    vlan(b, 100).id = 101;
    const d = diff(rich(), b);
    expect(d.changes.find((c) => c.type === "vlan")).toMatchObject({ action: "rename", key: "101", oldKey: "100", label: "VLAN 101 (video)", fields: [] });
    // a subnet too: not the same VLAN any more
    vlan(b, 101).subnet = "10.101.0.0/24";
    expect(brief(rich(), b).filter((l) => / vlan /.test(l))).toEqual(["remove vlan 100", "add vlan 101"]);
  });

  it("a VLAN without a subnet is known by name and tenant; one with a subnet never pairs with one without", () => {
    const b = rich();
    vlan(b, 200).id = 201;
    expect(brief(rich(), b)).toEqual(["rename vlan g1/201 <- g1/200"]);
    vlan(b, 201).tenant = "uni";
    expect(brief(rich(), b)).toEqual(["remove vlan g1/200", "add vlan g1/201"]);
    // VLAN 100 renumbered and its subnet dropped: name and tenant match, but the old one had a subnet
    const c = rich();
    vlan(c, 100).id = 102;
    delete vlan(c, 102).subnet;
    expect(brief(rich(), c).filter((l) => / vlan /.test(l))).toEqual(["remove vlan 100", "add vlan 102"]);
  });

  it("two removed VLANs of one identity, or two added, are not paired", () => {
    const a = rich();
    a.vlans.push({ ...structuredClone(vlan(a, 100)), id: 110 });
    const b = rich();
    vlan(b, 100).id = 120;
    expect(brief(a, b).filter((l) => / vlan /.test(l)).sort()).toEqual(["add vlan 120", "remove vlan 100", "remove vlan 110"]);
    expect(brief(b, a).filter((l) => / vlan /.test(l)).sort()).toEqual(["add vlan 100", "add vlan 110", "remove vlan 120"]);
  });

  it("sites, tenants and VRFs are never paired", () => {
    const b = rich();
    b.tenants[0]!.name = "town";
    b.vrfs[0]!.name = "vrf-z";
    expect(brief(rich(), b)).toEqual(["remove tenant city", "add tenant town", "remove vrf vrf-a", "add vrf vrf-z"]);
  });
});

describe("ports and LAGs, device by device", () => {
  it("a port or LAG added to or removed from a device that stays is listed on its own, not within the device", () => {
    const b = rich();
    dev(b, "d2").interfaces.push({ name: "eth2", enabled: false, mode: "routed", address: "10.3.0.1/31" });
    dev(b, "d1").lags.push({ name: "Eth-Trunk2", lacp: "passive", mode: "access", vlan: 100 });
    dev(b, "d1").interfaces.splice(2, 1);
    const d = diff(rich(), b);
    expect(d.changes.map((c) => [c.action, c.key, c.within, c.sites, c.fields])).toEqual([
      ["add", "d1 Eth-Trunk2", undefined, ["s1"], [{ field: "lacp", new: "passive" }, { field: "mode", new: "access" }, { field: "vlan", new: 100 }]],
      ["remove", "d1 10GE1/0/3", undefined, ["s1"], [{ field: "address", old: "10.1.0.1/31" }, { field: "enabled", old: false }, { field: "mode", old: "routed" }, { field: "vrf", old: "vrf-a" }]],
      ["add", "d2 eth2", undefined, ["s2"], [{ field: "address", new: "10.3.0.1/31" }, { field: "enabled", new: false }, { field: "mode", new: "routed" }]],
    ]);
    expect(d.byType).toEqual({ lag: { total: 1, add: 1, remove: 0, change: 0, rename: 0 }, interface: { total: 2, add: 1, remove: 1, change: 0, rename: 0 } });
  });

  it("a device removed takes its ports and LAGs with it (within), the device listed once", () => {
    const b = rich();
    b.devices = b.devices.filter((x) => x.name !== "d2");
    expect(brief(rich(), b)).toEqual(["remove device d2", "remove interface d2 eth1 (device:d2)"]);
  });

  it("a port is compared whole: each of its fields, and the trunk list as a set", () => {
    const b = rich();
    port(b, 1).allowed = [200, 100, 300];
    port(b, 0).stp = { edge: true, guard: "root" };
    expect(brief(rich(), b)).toEqual(["change interface d1 10GE1/0/2"]);
    port(b, 1).allowed = [100, 200];
    expect(brief(rich(), b)).toEqual([]);
    port(b, 1).allowed = [100, 200, 200];
    expect(diff(rich(), b).changes.map((c) => c.fields)).toEqual([[{ field: "allowed", old: [100, 200], new: [100, 200, 200] }]]);
    port(b, 1).allowed = [];
    expect(diff(rich(), b).changes.map((c) => c.fields)).toEqual([[{ field: "allowed", old: [100, 200], new: [] }]]);
    delete port(b, 1).allowed;
    expect(diff(rich(), b).changes.map((c) => c.fields)).toEqual([[{ field: "allowed", old: [100, 200] }]]);
  });
});

describe("the order of the changes", () => {
  it("global objects first even before a site whose name sorts before 'global'; sites in natural order", () => {
    const b = empty();
    b.sites = [{ name: "s10", role: "branch" }, { name: "a1", role: "branch" }, { name: "s9", role: "branch" }];
    b.tenants = [{ name: "zz" }];
    expect(brief(empty(), b)).toEqual(["add tenant zz", "add site a1", "add site s9", "add site s10"]);
    expect(diff(empty(), b).sites).toEqual(["a1", "s9", "s10"]);
  });

  it("VLANs of a site group by ID, a group's VLAN among them by its ID, equal IDs by key", () => {
    const b = empty();
    const v = (id: number, group?: string) => ({ id, name: `v${id}`, tenant: "t", purpose: "user", sites: ["s1"], gateways: [], ...(group ? { group } : {}) });
    b.vlans = [v(10), v(5, "gb"), v(5, "ga"), v(9), v(100)] as Inv["vlans"];
    expect(brief(empty(), b)).toEqual(["add vlan ga/5", "add vlan gb/5", "add vlan 9", "add vlan 10", "add vlan 100"]);
  });

  it("within a site group, types in the documented order and keys in natural order", () => {
    const b = rich();
    dev(b, "d1").interfaces.push({ name: "10GE1/0/10", enabled: true }, { name: "10GE1/0/9", enabled: true });
    b.hosts.push({ name: "h10", tenant: "city", attach: { device: "d1", interface: "10GE1/0/9" }, address: "10.100.0.20/24" }, { name: "h9", tenant: "city", attach: { device: "d1", interface: "10GE1/0/10" }, address: "10.100.0.21/24" });
    b.racks.push({ name: "r0", site: "s1", height: 42 });
    expect(brief(rich(), b)).toEqual(["add rack r0", "add interface d1 10GE1/0/9", "add interface d1 10GE1/0/10", "add host h9", "add host h10"]);
  });
});

describe("edges of the comparison", () => {
  it("an inventory built in code without its lists reads as empty", () => {
    const bare = { version: 1, name: "rich", description: "every field" } as unknown as Inv;
    expect(diff(bare, rich()).changes).toEqual(diff(empty(), rich()).changes);
    expect(diff(rich(), bare).changes).toEqual(diff(rich(), empty()).changes);
    const noLists = rich();
    const d1 = dev(noLists, "d1") as unknown as Record<string, unknown>;
    delete d1.routes;
    delete d1.interfaces;
    delete d1.lags;
    const bgp = d1.bgp as Record<string, unknown>;
    delete bgp.networks;
    delete bgp.neighbors;
    delete (vlan(noLists, 100) as unknown as Record<string, unknown>).gateways;
    delete (vlan(noLists, 100) as unknown as Record<string, unknown>).sites;
    delete (noLists.services[0] as unknown as Record<string, unknown>).vlans;
    delete (noLists.dr[0] as unknown as Record<string, unknown>).vlans;
    delete (noLists.dr[0] as unknown as Record<string, unknown>).services;
    const d = diff(noLists, rich());
    expect(d.changes.map((c) => `${c.action} ${c.type} ${c.key}`)).toEqual([
      "change service vc", "change device d1", "add lag d1 Eth-Trunk1", "add interface d1 10GE1/0/1", "add interface d1 10GE1/0/2", "add interface d1 10GE1/0/3", "change vlan 100", "change dr s2",
    ]);
    expect(d.changes.find((c) => c.key === "vc")!.fields).toStrictEqual([{ field: "vlans", old: [], new: [100, 200] }]);
  });

  it("the inventory's own fields: version, name, description; labelled 'inventory', in no site", () => {
    const b = rich();
    (b as { version: number }).version = 2;
    expect(diff(rich(), b).changes).toStrictEqual([{ type: "inventory", action: "change", key: "inventory", label: "inventory", sites: [], fields: [{ field: "version", old: 1, new: 2 }] }]);
  });

  it("a link or host at a device the inventory does not have belongs to no site", () => {
    const b = rich();
    b.links.push({ a: { device: "ghost", interface: "eth0" }, b: { device: "ghost2", interface: "eth0" }, kind: "fabric", bgp: false });
    b.hosts.push({ name: "h9", tenant: "city", attach: { device: "ghost", interface: "eth1" }, address: "10.0.0.9/24" });
    expect(diff(rich(), b).changes.map((c) => [c.key, c.sites])).toEqual([["ghost2:eth0 <-> ghost:eth0", []], ["h9", []]]);
  });

  it("an MLAG pair's sites are sorted whichever device is first; the report's sites are sorted whatever group came first", () => {
    const b = rich();
    b.mlag![0]!.devices = ["d2", "d1"];
    expect(diff(empty(), b).changes.find((c) => c.type === "mlag")!.sites).toEqual(["s1", "s2"]);
    const c = empty();
    c.sites = [{ name: "b", role: "branch" }];
    c.devices = [device2("x", "a"), device2("y", "z")];
    c.links = [{ a: { device: "x", interface: "e1" }, b: { device: "y", interface: "e1" }, kind: "wan", bgp: false }];
    const d = diff(empty(), c);
    expect(d.changes.map((x) => siteGroup(x.sites))).toEqual(["a", "a + z", "b", "z"]);
    expect(d.sites).toEqual(["a", "b", "z"]);
  });

  it("a site group is its sites joined by ' + ', or 'global' for none", () => {
    expect(siteGroup([])).toBe("global");
    expect(siteGroup(["s1"])).toBe("s1");
    expect(siteGroup(["s1", "s2"])).toBe("s1 + s2");
  });

  it("global objects come first among many sites named before 'global'", () => {
    const b = empty();
    b.sites = ["a5", "a3", "a1", "a4", "a2"].map((name) => ({ name, role: "branch" as const }));
    b.tenants = [{ name: "t2" }, { name: "t1" }];
    b.vrfs = [{ name: "v1", tenant: "t1" }];
    expect(brief(empty(), b)).toEqual(["add tenant t1", "add tenant t2", "add vrf v1", "add site a1", "add site a2", "add site a3", "add site a4", "add site a5"]);
    expect(brief(b, empty())).toEqual(["remove tenant t1", "remove tenant t2", "remove vrf v1", "remove site a1", "remove site a2", "remove site a3", "remove site a4", "remove site a5"]);
  });

  it("the inventory object (listed before the sites while the diff is built) still sorts before a site named 'a1'", () => {
    const b = empty();
    b.description = "changed";
    b.sites = [{ name: "a1", role: "branch" }];
    expect(brief(empty(), b)).toEqual(["change inventory inventory", "add site a1"]);
  });

  it("ports sort by name in natural order, not by the number after their last slash", () => {
    const b = rich();
    dev(b, "d1").interfaces.push({ name: "10GE1/1/1", enabled: true }, { name: "10GE1/0/9", enabled: true });
    expect(brief(rich(), b)).toEqual(["add interface d1 10GE1/0/9", "add interface d1 10GE1/1/1"]);
  });
});

function device2(name: string, site: string): Mutable<Device> {
  return { name, site, height: 1, role: "leaf", platform: "ovs", management: { address: "192.0.2.9", port: 22, user: "u" }, interfaces: [], lags: [], routes: [] };
}

describe("identities of renames, field by field", () => {
  it("a rack with another height or description is not the renamed rack", () => {
    for (const edit of [(k: Inv["racks"][number]) => void (k.height = 47), (k: Inv["racks"][number]) => void (k.description = "row 2")]) {
      const b = rich();
      b.racks[0]!.name = "r1b";
      dev(b, "d1").rack = "r1b";
      edit(b.racks[0]!);
      expect(brief(rich(), b).filter((l) => / rack /.test(l))).toEqual(["remove rack r1", "add rack r1b"]);
    }
  });

  it("a device at another position, or with its interfaces listed in another order", () => {
    const moved = rich();
    renameD1(moved, "d1-new");
    dev(moved, "d1-new").position = 11;
    expect(brief(rich(), moved).filter((l) => / device /.test(l))).toEqual(["remove device d1", "add device d1-new"]);
    const reordered = rich();
    renameD1(reordered, "d1-new");
    dev(reordered, "d1-new").interfaces.reverse();
    expect(brief(rich(), reordered)).toEqual(["rename device d1-new <- d1"]);
  });

  it("a VLAN renumbered and renamed is another VLAN, with or without a subnet", () => {
    const b = rich();
    vlan(b, 100).id = 101;
    vlan(b, 101).name = "vc";
    expect(brief(rich(), b).filter((l) => / vlan /.test(l))).toEqual(["remove vlan 100", "add vlan 101"]);
    const c = rich();
    vlan(c, 200).id = 201;
    vlan(c, 201).name = "other";
    expect(brief(rich(), c)).toEqual(["remove vlan g1/200", "add vlan g1/201"]);
  });

  it("a host renamed and moved to another port, or a service renamed to another tenant, is a remove and an add", () => {
    const b = rich();
    b.hosts[0]!.name = "h2";
    b.hosts[0]!.attach = { device: "d2", interface: "eth1" };
    expect(brief(rich(), b)).toEqual(["remove host h1", "add host h2"]);
    const c = rich();
    c.services[0]!.name = "video";
    c.services[0]!.tenant = "uni";
    expect(brief(rich(), c)).toEqual(["remove service vc", "add service video"]);
  });

  it("an object that stays is no rename candidate: the one removed and the one added service of an identity pair", () => {
    const a = rich();
    a.services.push({ name: "vc2", tenant: "city", vlans: [100, 200] });
    const b = rich();
    b.services.push({ name: "vc3", tenant: "city", vlans: [100, 200] });
    expect(brief(a, b)).toEqual(["rename service vc3 <- vc2"]);
  });

  it("only devices and racks are renamed from their own maps: a tenant named like the new rack is a change", () => {
    const a = rich();
    a.tenants.push({ name: "r1b", description: "x" });
    const b = rich();
    b.tenants.push({ name: "r1b", description: "y" });
    b.racks[0]!.name = "r1b";
    dev(b, "d1").rack = "r1b";
    expect(brief(a, b)).toEqual(["change tenant r1b", "rename rack r1b <- r1"]);
  });
});
