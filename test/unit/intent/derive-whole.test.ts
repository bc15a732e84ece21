/**
 * Every device's intent of one small fabric that uses every feature the intent derives (a multi-chassis
 * pair of cores with VRRP and MSTP, a leaf dual-homed to it with a hypervisor trunk and in-band
 * management, a router that is a VLAN's gateway on a routed port and speaks BGP to a core, two SRX
 * firewalls), written out in full: a changed default, a lost field or a wrong branch shows as a
 * difference. The inventory is built inside each test (the mutation suite records coverage per test).
 */
import { describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import type { DeviceIntent } from "../../../intent/types";
import type { Inventory } from "../../../model/types";
import { device, host, iface, inventory, lag, link, vlan } from "../helpers/inventory";

function fabric(): Inventory {
  const mgmt = (address: string, more: object = {}) => ({ address, port: 22, user: "netops", ...more });
  return inventory({
    sites: [
      { name: "dc1", role: "primary", asn: 65001, stp: { mode: "mstp", revision: 3, instances: [{ id: 2, vlans: [20, 10] }, { id: 1, vlans: [30] }] } },
      { name: "dc2", role: "dr", protects: "dc1", asn: 65002 },
    ],
    vrfs: [{ name: "blue", tenant: "city", rd: "65001:1" }, { name: "red", tenant: "city" }],
    devices: [
      device("core1", "dc1", {
        role: "core", platform: "cisco-nxos", loopback: "10.255.0.11", management: mgmt("192.0.2.11", { interface: "mgmt0" }),
        interfaces: [iface("mgmt0"), iface("Ethernet1/1", { lag: "port-channel1" }), iface("Ethernet1/10", { lag: "port-channel10" }), iface("Ethernet1/20", { mode: "routed", address: "10.9.0.1/31" }), iface("Ethernet1/48")],
        lags: [lag("port-channel1"), lag("port-channel10", { mlag: true })],
      }),
      device("core2", "dc1", {
        role: "core", platform: "cisco-nxos", loopback: "10.255.0.12", management: mgmt("192.0.2.12", { interface: "mgmt0" }),
        interfaces: [iface("mgmt0"), iface("Ethernet1/1", { lag: "port-channel1" }), iface("Ethernet1/10", { lag: "port-channel10" })],
        lags: [lag("port-channel1"), lag("port-channel10", { mlag: true })],
      }),
      device("leaf1", "dc1", {
        role: "leaf", management: mgmt("192.0.2.21", { vlan: 99, inband: { prefixLength: 24, gateway: "192.0.2.254" } }),
        interfaces: [
          iface("10GE1/0/1", { mode: "access", vlan: 10 }),
          iface("10GE1/0/2", { mode: "trunk", allowed: [20], native: 20, stp: { guard: "root" } }),
          iface("10GE1/0/3", { mode: "access", vlan: 30, stp: { edge: false } }),
          iface("10GE1/0/49", { lag: "Eth-Trunk10" }),
          iface("10GE1/0/50", { lag: "Eth-Trunk10" }),
        ],
        lags: [lag("Eth-Trunk10", { mtu: 9000 })],
      }),
      device("rtr1", "dc1", {
        role: "border", platform: "frr", loopback: "10.255.0.31", management: mgmt("192.0.2.31"),
        interfaces: [iface("eth1", { address: "10.9.0.0/31" }), iface("eth2")],
        bgp: { asn: 65010, networks: ["10.30.0.0/24"], neighbors: [] },
      }),
      device("fw1", "dc1", {
        role: "border", platform: "junos", model: "SRX345", management: mgmt("192.0.2.41", { interface: "fxp0" }),
        interfaces: [iface("fxp0"), iface("ge-0/0/0", { lag: "ae0" }), iface("ge-0/0/1", { mode: "routed", address: "10.8.1.1/31" })],
        lags: [lag("ae0", { lacp: "static", mode: "routed", address: "10.8.0.1/31", vrf: "red" })],
      }),
      device("fw2", "dc1", {
        role: "border", platform: "junos", model: "vSRX", loopback: "10.255.0.42", management: mgmt("192.0.2.42"),
        interfaces: [iface("ge-0/0/2", { mode: "routed", address: "192.0.2.42/24" })],
        bgp: { asn: 65020, networks: [], neighbors: [{ address: "10.7.0.1", remoteAs: 65001 }] },
      }),
    ],
    vlans: [
      vlan(10, "users", ["dc1"], { vrf: "blue", subnet: "10.10.0.0/24", gateway: "10.10.0.1", gateways: [{ device: "core1", address: "10.10.0.2" }, { device: "core2", address: "10.10.0.3", priority: 90 }] }),
      vlan(20, "hv", ["dc1"]),
      vlan(30, "edge", ["dc1"], { subnet: "10.30.0.0/24", gateway: "10.30.0.1", gateways: [{ device: "rtr1" }] }),
      vlan(99, "mgmt", ["dc1"], { purpose: "management" }),
    ],
    links: [
      link("core1 Ethernet1/1", "core2 Ethernet1/1", { kind: "peer" }),
      link("leaf1 10GE1/0/49", "core1 Ethernet1/10"),
      link("leaf1 10GE1/0/50", "core2 Ethernet1/10"),
      link("core1 Ethernet1/20", "rtr1 eth1", { kind: "uplink", bgp: true }),
      link("leaf1 10GE1/0/3", "rtr1 eth2", { kind: "uplink" }),
    ],
    hosts: [host("h1", "leaf1 10GE1/0/1", "10.10.0.10/24")],
    mlag: [{ name: "pair1", devices: ["core1", "core2"], domain: 5, peerLink: "port-channel1" }],
  });
}

const INSTANCES = [{ id: 1, vlans: [30] }, { id: 2, vlans: [10, 20] }];
const MSTP = { mode: "mstp", region: "dc1", revision: 3, instances: INSTANCES };

const EXPECTED: Record<string, DeviceIntent> = {
  core1: {
    device: "core1", site: "dc1", platform: "cisco-nxos", role: "core",
    vlans: [{ id: 10, name: "users" }],
    ports: [
      { name: "Ethernet1/1", description: "to core2 Ethernet1/1", enabled: true, mode: "trunk", lag: "port-channel1" },
      { name: "Ethernet1/10", description: "to leaf1 10GE1/0/49", enabled: true, mode: "trunk", lag: "port-channel10" },
      { name: "Ethernet1/20", description: "to rtr1 eth1", enabled: true, mode: "routed", address: "10.9.0.1/31" },
      { name: "Ethernet1/48", description: "unused", enabled: false, mode: "unused" },
      { name: "mgmt0", description: "management", enabled: true, mode: "unused" },
    ],
    lags: [
      { name: "port-channel1", lacp: "active", members: ["Ethernet1/1"], port: { name: "port-channel1", description: "to core2 port-channel1", enabled: true, mode: "trunk", allowed: [10] }, peerLink: true },
      { name: "port-channel10", lacp: "active", members: ["Ethernet1/10"], port: { name: "port-channel10", description: "to leaf1 Eth-Trunk10", enabled: true, mode: "trunk", allowed: [10], stp: { guard: "root" } }, mlag: { id: 10 } },
    ],
    gateways: [{ vlan: 10, vrf: "blue", address: "10.10.0.2/24", vrrp: { vrid: 10, virtualAddress: "10.10.0.1", priority: 110 } }],
    routes: [],
    bgp: { asn: 65001, routerId: "10.255.0.11", networks: [], neighbors: [{ address: "10.9.0.0", remoteAs: 65010, description: "to rtr1 eth1" }] },
    loopback: "10.255.0.11",
    vrfs: [{ name: "blue", rd: "65001:1" }],
    management: { interface: "mgmt0" },
    mlag: { name: "pair1", domain: 5, peer: "core2", role: "primary", peerLink: "port-channel1", localAddress: "192.0.2.11", peerAddress: "192.0.2.12", peerVlan: 4094, lags: [{ name: "port-channel10", id: 10 }] },
    stp: { ...MSTP, priority: 4096, bpduProtection: false, vlans: [10], edge: [], loopGuard: [], rootGuard: ["port-channel10"], mlag: true },
  } as DeviceIntent,
  core2: {
    device: "core2", site: "dc1", platform: "cisco-nxos", role: "core",
    vlans: [{ id: 10, name: "users" }],
    ports: [
      { name: "Ethernet1/1", description: "to core1 Ethernet1/1", enabled: true, mode: "trunk", lag: "port-channel1" },
      { name: "Ethernet1/10", description: "to leaf1 10GE1/0/50", enabled: true, mode: "trunk", lag: "port-channel10" },
      { name: "mgmt0", description: "management", enabled: true, mode: "unused" },
    ],
    lags: [
      { name: "port-channel1", lacp: "active", members: ["Ethernet1/1"], port: { name: "port-channel1", description: "to core1 port-channel1", enabled: true, mode: "trunk", allowed: [10] }, peerLink: true },
      { name: "port-channel10", lacp: "active", members: ["Ethernet1/10"], port: { name: "port-channel10", description: "to leaf1 Eth-Trunk10", enabled: true, mode: "trunk", allowed: [10], stp: { guard: "root" } }, mlag: { id: 10 } },
    ],
    gateways: [{ vlan: 10, vrf: "blue", address: "10.10.0.3/24", vrrp: { vrid: 10, virtualAddress: "10.10.0.1", priority: 90 } }],
    routes: [],
    loopback: "10.255.0.12",
    vrfs: [{ name: "blue", rd: "65001:1" }],
    management: { interface: "mgmt0" },
    mlag: { name: "pair1", domain: 5, peer: "core1", role: "secondary", peerLink: "port-channel1", localAddress: "192.0.2.12", peerAddress: "192.0.2.11", peerVlan: 4094, lags: [{ name: "port-channel10", id: 10 }] },
    // one bridge with its primary: core1's priority (4096), not the 8192 of the second core of the site
    stp: { ...MSTP, priority: 4096, bpduProtection: false, vlans: [10], edge: [], loopGuard: [], rootGuard: ["port-channel10"], mlag: true },
  } as DeviceIntent,
  leaf1: {
    device: "leaf1", site: "dc1", platform: "huawei-vrp", role: "leaf",
    vlans: [{ id: 10, name: "users" }, { id: 20, name: "hv" }, { id: 30, name: "edge" }, { id: 99, name: "mgmt" }],
    ports: [
      { name: "10GE1/0/1", description: "host h1", enabled: true, mode: "access", vlan: 10, stp: { edge: true } },
      { name: "10GE1/0/2", description: "", enabled: true, mode: "trunk", allowed: [20], native: 20, stp: { edge: true, guard: "root" } },
      { name: "10GE1/0/3", description: "to rtr1 eth2", enabled: true, mode: "access", vlan: 30 },
      { name: "10GE1/0/49", description: "to core1 Ethernet1/10", enabled: true, mode: "trunk", lag: "Eth-Trunk10", mtu: 9000 },
      { name: "10GE1/0/50", description: "to core2 Ethernet1/10", enabled: true, mode: "trunk", lag: "Eth-Trunk10", mtu: 9000 },
    ],
    lags: [
      { name: "Eth-Trunk10", lacp: "active", members: ["10GE1/0/49", "10GE1/0/50"], port: { name: "Eth-Trunk10", description: "to core1 and core2 port-channel10", enabled: true, mode: "trunk", allowed: [10], mtu: 9000, stp: { guard: "loop" } } },
    ],
    gateways: [],
    routes: [{ prefix: "0.0.0.0/0", nextHop: "192.0.2.254" }],
    vrfs: [],
    management: { vlan: 99, inband: { vlan: 99, address: "192.0.2.21/24" } },
    stp: { ...MSTP, bpduProtection: true, vlans: [10, 20, 30, 99], edge: ["10GE1/0/1", "10GE1/0/2"], loopGuard: ["Eth-Trunk10"], rootGuard: ["10GE1/0/2"], mlag: false },
  } as DeviceIntent,
  rtr1: {
    device: "rtr1", site: "dc1", platform: "frr", role: "border",
    vlans: [],
    ports: [
      { name: "eth1", description: "to core1 Ethernet1/20", enabled: true, mode: "routed", address: "10.9.0.0/31" },
      { name: "eth2", description: "to leaf1 10GE1/0/3", enabled: true, mode: "routed" },
    ],
    lags: [],
    gateways: [{ vlan: 30, interface: "eth2", address: "10.30.0.1/24" }],
    routes: [],
    bgp: { asn: 65010, routerId: "10.255.0.31", networks: ["10.30.0.0/24"], neighbors: [{ address: "10.9.0.1", remoteAs: 65001, description: "to core1 Ethernet1/20" }] },
    loopback: "10.255.0.31",
    vrfs: [],
    management: {},
  } as DeviceIntent,
  fw1: {
    device: "fw1", site: "dc1", platform: "junos", role: "border",
    vlans: [],
    ports: [
      { name: "fxp0", description: "management", enabled: true, mode: "unused" },
      { name: "ge-0/0/0", description: "member of ae0", enabled: true, mode: "routed", lag: "ae0" },
      { name: "ge-0/0/1", description: "", enabled: true, mode: "routed", address: "10.8.1.1/31" },
    ],
    lags: [{ name: "ae0", lacp: "static", members: ["ge-0/0/0"], port: { name: "ae0", description: "", enabled: true, mode: "routed", address: "10.8.0.1/31", vrf: "red" } }],
    gateways: [],
    routes: [],
    vrfs: [{ name: "red" }],
    management: { interface: "fxp0" },
    stp: { ...MSTP, bpduProtection: false, vlans: [], edge: [], loopGuard: [], rootGuard: [], mlag: false },
    // out-of-band management on fxp0: the zone answers ping only
    security: { zone: "citydc", interfaces: ["ae0", "ge-0/0/1"], vlans: [], loopback: false, services: ["ping"], protocols: [] },
  } as DeviceIntent,
  fw2: {
    device: "fw2", site: "dc1", platform: "junos", role: "border",
    vlans: [],
    ports: [{ name: "ge-0/0/2", description: "", enabled: true, mode: "routed", address: "192.0.2.42/24" }],
    lags: [],
    gateways: [],
    routes: [],
    bgp: { asn: 65020, routerId: "10.255.0.42", networks: [], neighbors: [{ address: "10.7.0.1", remoteAs: 65001, description: "neighbor 10.7.0.1" }] },
    loopback: "10.255.0.42",
    vrfs: [],
    management: {},
    stp: { ...MSTP, bpduProtection: false, vlans: [], edge: [], loopGuard: [], rootGuard: [], mlag: false },
    // in-band management (no management interface of its own): the zone answers SSH too, and BGP
    security: { zone: "citydc", interfaces: ["ge-0/0/2"], vlans: [], loopback: true, services: ["ping", "ssh"], protocols: ["bgp"] },
  } as DeviceIntent,
};

describe("the intent of a fabric with every feature, written out", () => {
  for (const name of Object.keys(EXPECTED)) {
    it(`${name}`, () => {
      const intents = deriveIntent(fabric());
      expect([...intents.keys()]).toEqual(["core1", "core2", "leaf1", "rtr1", "fw1", "fw2"]);
      expect(intents.get(name)).toEqual(EXPECTED[name]);
    });
  }
});
