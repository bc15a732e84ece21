/**
 * Semantic checks, one case per rule: each mutation of the minimal valid inventory must produce
 * its code (so removing the rule fails the test), and the untouched inventory produces nothing.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { afterEach, describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../../model/capabilities";
import { EXPECTED } from "./expected";
import { DC_CASES } from "./dc-cases";
import { FINDINGS, findingLines } from "./findings";
import { codes, minimal, ROOT, validate } from "./helpers";

/** Two FRR border routers, r1 at dc1 and r2 at dc2, with a routed BGP link between them. */
function withRouters(d: any): any {
  d.devices.push(
    { name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.255.0.0/31" }], bgp: { asn: 65001 } },
    { name: "r2", site: "dc2", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2302, user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.255.0.1/31" }], bgp: { asn: 65002 } },
  );
  d.links.push({ kind: "dci", bgp: true, a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" } });
  return d;
}

const sw1 = (d: any) => d.devices[0];
const sw2 = (d: any) => d.devices[1];
const r1 = (d: any) => d.devices[2];
const r2 = (d: any) => d.devices[3];

interface Case {
  readonly name: string;
  readonly code: string;
  /** JSON path of the finding, when the case pins it. */
  readonly path?: string;
  /** What the finding says, when two rules share a code and a path. */
  readonly message?: RegExp;
  readonly mutate: (d: any) => void;
}

/** VLAN 20 (v20) at both sites, with or without a subnet. */
const v20 = (d: any, more: Record<string, unknown> = {}) => d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"], ...more });
/** A second primary site, dc3. */
const dc3 = (d: any) => d.sites.push({ name: "dc3", role: "primary" });
/** Two more ovs switches in rack r1 at dc1. */
const racked = (d: any, ...slots: [number, number][]) =>
  slots.forEach(([position, height], k) => d.devices.push({ name: `sw${3 + k}`, site: "dc1", rack: "r1", position, height, role: "leaf", platform: "ovs", management: { address: "127.0.0.1", port: 2210 + k, user: "citydc" }, interfaces: [] }));

const CASES: Case[] = [
  // unique
  { name: "tenant twice", code: "E_DUPLICATE", path: "/tenants/2/name", mutate: (d) => d.tenants.push({ name: "city" }) },
  { name: "site twice", code: "E_DUPLICATE", path: "/sites/2/name", mutate: (d) => d.sites.push({ name: "dc1", role: "branch" }) },
  { name: "host twice", code: "E_DUPLICATE", path: "/hosts/1/name", mutate: (d) => d.hosts.push({ ...d.hosts[0], address: "10.0.10.12/24", attach: { device: "sw2", interface: "p1" } }) },
  { name: "LAG named like an interface", code: "E_DUPLICATE", path: "/devices/0/lags/0/name", mutate: (d) => (sw1(d).lags = [{ name: "p2", mode: "trunk" }]) },
  { name: "VLAN name twice", code: "W_DUPLICATE_VLAN_NAME", path: "/vlans/1/name", mutate: (d) => d.vlans.push({ id: 20, name: "video", tenant: "city", purpose: "video", sites: ["dc1"] }) },
  { name: "same SSH endpoint", code: "E_DUPLICATE_MANAGEMENT", path: "/devices/1/management", mutate: (d) => (sw2(d).management.port = 2201) },
  // references
  { name: "unknown LAG of a member", code: "E_REF_UNKNOWN", path: "/devices/0/interfaces/2/lag", mutate: (d) => sw1(d).interfaces.push({ name: "p3", lag: "bond9" }) },
  { name: "unknown VRF", code: "E_REF_UNKNOWN", path: "/vlans/0/vrf", mutate: (d) => (d.vlans[0].vrf = "cty") },
  { name: "unknown DR service", code: "E_REF_UNKNOWN", path: "/dr/0/services/0", mutate: (d) => (d.dr[0].services = ["video"]) },
  { name: "unknown management VLAN", code: "E_REF_UNKNOWN", path: "/devices/0/management/vlan", mutate: (d) => (sw1(d).management.vlan = 99) },
  { name: "unknown gateway device", code: "E_REF_UNKNOWN", path: "/vlans/0/gateways/0/device", mutate: (d) => (d.vlans[0].gateways = [{ device: "sw9" }]) },
  { name: "unknown host port", code: "E_REF_UNKNOWN", path: "/hosts/0/attach/interface", mutate: (d) => (d.hosts[0].attach.interface = "p9") },
  { name: "rack at another site", code: "E_RACK_SITE", path: "/devices/0/rack", mutate: (d) => (d.racks[0].site = "dc2") },
  // names
  { name: "bad interface name", code: "E_IFNAME_INVALID", path: "/devices/1/interfaces/0/name", mutate: (d) => (sw2(d).interfaces[0].name = "GigabitEthernet0/1/2/3/4/5") },
  { name: "bad management interface", code: "E_IFNAME_INVALID", path: "/devices/0/management/interface", mutate: (d) => (sw1(d).management.interface = "mgmt 0") },
  { name: "bad LAG name", code: "E_LAGNAME_INVALID", path: "/devices/0/lags/0/name", mutate: (d) => { sw1(d).lags = [{ name: "Eth-Trunk1", mode: "trunk" }]; sw1(d).interfaces.push({ name: "p3", lag: "Eth-Trunk1" }); } },
  // vlans
  { name: "reserved VLAN", code: "E_VLAN_RESERVED", mutate: (d) => { d.vlans[0].id = 4000; for (const dev of d.devices) { dev.platform = "cisco-nxos"; dev.interfaces.forEach((x: any, i: number) => { x.name = `Ethernet1/${i + 1}`; if (x.vlan) x.vlan = 4000; if (x.allowed) x.allowed = [4000]; }); } d.links[0] = { kind: "dci", a: { device: "sw1", interface: "Ethernet1/2" }, b: { device: "sw2", interface: "Ethernet1/2" } }; d.hosts[0].attach.interface = "Ethernet1/1"; d.dr[0].vlans = [4000]; } },
  { name: "VLAN not at the device's site", code: "E_VLAN_NOT_AT_SITE", path: "/devices/0/interfaces/0/vlan", mutate: (d) => { d.vlans.push({ id: 20, name: "dr-only", tenant: "city", purpose: "server", sites: ["dc2"] }); sw1(d).interfaces[0].vlan = 20; } },
  { name: "gateway device at another site", code: "E_VLAN_NOT_AT_SITE", path: "/vlans/1/gateways/0/device", mutate: (d) => { withRouters(d); d.vlans.push({ id: 20, name: "dc1-only", tenant: "city", purpose: "server", sites: ["dc1"], subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r2" }] }); } },
  // racks
  { name: "position without rack", code: "E_RACK_POSITION", path: "/devices/1/position", mutate: (d) => (sw2(d).position = 3) },
  { name: "racked without position", code: "W_RACK_POSITION", path: "/devices/0/rack", mutate: (d) => delete sw1(d).position },
  { name: "overlap", code: "E_RACK_OVERLAP", mutate: (d) => { sw2(d).site = "dc1"; sw2(d).rack = "r1"; sw2(d).position = 1; } },
  { name: "overflow", code: "E_RACK_OVERFLOW", path: "/devices/0/position", mutate: (d) => { sw1(d).position = 41; sw1(d).height = 3; } },
  // ports
  { name: "access without VLAN", code: "E_PORT_MODE", path: "/devices/1/interfaces/0/mode", mutate: (d) => delete sw2(d).interfaces[0].vlan },
  { name: "VLAN on a trunk", code: "E_PORT_MODE", path: "/devices/1/interfaces/1/vlan", mutate: (d) => (sw2(d).interfaces[1].vlan = 10) },
  { name: "native outside allowed", code: "E_PORT_MODE", path: "/devices/0/interfaces/1/native", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"] }); for (const dev of [sw1(d), sw2(d)]) dev.interfaces[1].native = 20; } },
  { name: "VLAN without mode", code: "E_PORT_MODE", path: "/devices/0/interfaces/2/vlan", mutate: (d) => sw1(d).interfaces.push({ name: "p3", vlan: 10 }) },
  { name: "routed without address", code: "E_PORT_MODE", path: "/devices/2/interfaces/1/mode", mutate: (d) => { withRouters(d); r1(d).interfaces.push({ name: "eth2", mode: "routed" }); } },
  { name: "LAG member with a mode", code: "E_LAG_MEMBER_MODE", path: "/devices/0/interfaces/2/vlan", mutate: (d) => { sw1(d).lags = [{ name: "bond0", mode: "trunk" }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0", vlan: 10 }); } },
  // port usage
  { name: "two hosts on one port", code: "E_PORT_REUSE", path: "/hosts/1/attach/interface", mutate: (d) => d.hosts.push({ name: "h2", tenant: "city", address: "10.0.10.12/24", attach: { device: "sw1", interface: "p1" } }) },
  { name: "LAG and its member both cabled", code: "E_PORT_REUSE", mutate: (d) => { for (const dev of [sw1(d), sw2(d)]) { dev.lags = [{ name: "bond0", mode: "trunk", allowed: [10] }]; dev.interfaces.push({ name: "p3", lag: "bond0" }); } d.links.push({ kind: "dci", a: { device: "sw1", interface: "bond0" }, b: { device: "sw2", interface: "bond0" } }, { kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }); } },
  { name: "host and link on a port", code: "E_PORT_HOST_LINK", mutate: (d) => (d.hosts[0].attach = { device: "sw2", interface: "p2" }) },
  { name: "host on a LAG member", code: "E_HOST_PORT", path: "/hosts/0/attach/interface", mutate: (d) => { sw1(d).lags = [{ name: "bond0", mode: "access", vlan: 10 }]; sw1(d).interfaces[0] = { name: "p1", lag: "bond0" }; } },
  // links
  { name: "link to itself", code: "E_LINK_SELF", path: "/links/0/b/device", mutate: (d) => (d.links[0].b = { device: "sw1", interface: "p1" }) },
  { name: "routed ends in different subnets", code: "E_LINK_SUBNET", path: "/links/1/b/interface", mutate: (d) => { withRouters(d); r2(d).interfaces[0].address = "10.255.0.5/31"; } },
  { name: "routed ends with one address", code: "E_LINK_SUBNET", mutate: (d) => { withRouters(d); r2(d).interfaces[0].address = "10.255.0.0/31"; } },
  { name: "router port outside the VLAN it faces", code: "E_LINK_SUBNET", path: "/links/2/a/interface", mutate: (d) => { withRouters(d); r1(d).interfaces.push({ name: "eth2", mode: "routed", address: "10.0.99.1/24" }); sw1(d).interfaces.push({ name: "p3", mode: "access", vlan: 10 }); d.links.push({ kind: "uplink", a: { device: "r1", interface: "eth2" }, b: { device: "sw1", interface: "p3" } }); } },
  { name: "dci between unrelated sites", code: "E_LINK_DCI", path: "/links/1/kind", mutate: (d) => { withRouters(d); d.sites.push({ name: "br1", role: "branch" }); r2(d).site = "br1"; } },
  { name: "LAG members to two different LAGs", code: "E_LINK_LAG", mutate: (d) => { d.sites[1].name = "dc2"; for (const dev of [sw1(d), sw2(d)]) { dev.lags = [{ name: "bond0", mode: "trunk", allowed: [10] }, { name: "bond1", mode: "trunk", allowed: [10] }]; dev.interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", lag: "bond0" }, { name: "p5", lag: "bond1" }); } sw2(d).interfaces.find((x: any) => x.name === "p4").lag = "bond1"; d.links.push({ kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }, { kind: "dci", a: { device: "sw1", interface: "p4" }, b: { device: "sw2", interface: "p4" } }); } },
  // lags
  { name: "LAG without members", code: "W_LAG_EMPTY", path: "/devices/0/lags/0", mutate: (d) => (sw1(d).lags = [{ name: "bond1", mode: "trunk" }]) },
  { name: "LAG members with different MTU", code: "E_LAG_MEMBER_MISMATCH", path: "/devices/0/interfaces/3/mtu", mutate: (d) => { sw1(d).lags = [{ name: "bond1", mode: "trunk" }]; sw1(d).interfaces.push({ name: "p3", lag: "bond1", mtu: 9000 }, { name: "p4", lag: "bond1", mtu: 1500 }); } },
  { name: "LAG member disabled", code: "W_LAG_MEMBER_DISABLED", path: "/devices/0/interfaces/3/enabled", mutate: (d) => { sw1(d).lags = [{ name: "bond1", mode: "trunk" }]; sw1(d).interfaces.push({ name: "p3", lag: "bond1" }, { name: "p4", lag: "bond1", enabled: false }); } },
  // subnets
  { name: "subnet with host bits", code: "E_SUBNET_HOST_BITS", path: "/vlans/0/subnet", mutate: (d) => (d.vlans[0].subnet = "10.0.10.1/24") },
  { name: "overlap within a VRF only", code: "E_SUBNET_OVERLAP", path: "/vlans/1/subnet", mutate: (d) => { d.vrfs = [{ name: "a", tenant: "city" }]; d.vlans[0].vrf = "a"; d.vlans.push({ id: 20, name: "v20", tenant: "city", vrf: "a", purpose: "server", sites: ["dc1"], subnet: "10.0.10.128/25" }); } },
  { name: "gateway without subnet", code: "E_GATEWAY_MISSING", path: "/vlans/0/gateway", mutate: (d) => { delete d.vlans[0].subnet; d.vlans[0].gateway = "10.0.10.1"; } },
  { name: "host gateway outside its subnet", code: "E_GATEWAY_OUTSIDE", path: "/hosts/0/gateway", mutate: (d) => (d.hosts[0].gateway = "10.0.11.1") },
  { name: "broadcast address as gateway", code: "E_GATEWAY_OUTSIDE", path: "/vlans/0/gateway", mutate: (d) => (d.vlans[0].gateway = "10.0.10.255") },
  { name: "host gateway not the VLAN's", code: "W_HOST_GATEWAY", path: "/hosts/0/gateway", mutate: (d) => { d.vlans[0].gateway = "10.0.10.1"; d.hosts[0].gateway = "10.0.10.254"; } },
  { name: "host in another tenant's VLAN", code: "E_HOST_TENANT", path: "/hosts/0/tenant", mutate: (d) => (d.hosts[0].tenant = "university") },
  { name: "host outside its VLAN", code: "E_HOST_SUBNET", path: "/hosts/0/address", mutate: (d) => (d.hosts[0].address = "10.0.10.11/16") },
  { name: "address twice", code: "E_ADDRESS_DUPLICATE", path: "/hosts/1/address", mutate: (d) => d.hosts.push({ name: "h2", tenant: "city", address: "10.0.10.11/24", attach: { device: "sw2", interface: "p1" } }) },
  // platform features
  { name: "BGP on ovs", code: "E_PLATFORM_FEATURE", path: "/devices/0/bgp", mutate: (d) => (sw1(d).bgp = { asn: 65000 }) },
  { name: "static routes on ovs", code: "E_PLATFORM_FEATURE", path: "/devices/0/routes", mutate: (d) => (sw1(d).routes = [{ prefix: "0.0.0.0/0", nextHop: "10.0.10.1" }]) },
  { name: "routed port on ovs", code: "E_PLATFORM_FEATURE", path: "/devices/0/interfaces/2/mode", mutate: (d) => sw1(d).interfaces.push({ name: "p3", mode: "routed", address: "10.9.0.1/24" }) },
  { name: "access port on frr", code: "E_PLATFORM_FEATURE", path: "/devices/2/interfaces/1/mode", mutate: (d) => { withRouters(d); r1(d).interfaces.push({ name: "eth2", mode: "access", vlan: 10 }); } },
  // routing
  { name: "BGP link without bgp section", code: "E_BGP_LINK", path: "/links/1/b/device", mutate: (d) => { withRouters(d); delete r2(d).bgp; } },
  { name: "BGP over a trunk", code: "E_BGP_LINK", path: "/links/0/a/interface", mutate: (d) => (d.links[0].bgp = true) },
  { name: "unreachable next hop", code: "W_ROUTE_NEXTHOP", path: "/devices/2/routes/0/nextHop", mutate: (d) => { withRouters(d); r1(d).routes = [{ prefix: "0.0.0.0/0", nextHop: "192.0.2.1" }]; } },
  // dr
  { name: "DR site without protects", code: "E_DR_SITE", path: "/sites/1", mutate: (d) => delete d.sites[1].protects },
  { name: "protects on a primary", code: "E_DR_SITE", path: "/sites/0/protects", mutate: (d) => (d.sites[0].protects = "dc2") },
  { name: "dr entry for a non-dr site", code: "E_DR_SITE", path: "/dr/0/site", mutate: (d) => { d.dr[0].site = "dc1"; d.dr[0].protects = "dc2"; } },
  { name: "DR site without dr entry", code: "W_DR_UNPROTECTED", path: "/sites/1", mutate: (d) => (d.dr = []) },
  { name: "protected service VLAN missing at DR", code: "E_DR_VLAN_MISSING", path: "/dr/0/services/0", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "voice", sites: ["dc1"] }); d.services = [{ name: "voice", tenant: "city", vlans: [20] }]; d.dr[0].services = ["voice"]; } },
  { name: "protected VLAN missing at the primary", code: "E_DR_VLAN_MISSING", path: "/dr/0/vlans/1", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "voice", sites: ["dc2"] }); d.dr[0].vlans.push(20); } },
  // carry
  { name: "VLAN used on two switches, not on the trunk", code: "W_VLAN_NOT_CARRIED", path: "/devices/0/interfaces/2/vlan", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"] }); sw1(d).interfaces.push({ name: "p3", mode: "access", vlan: 20 }); sw2(d).interfaces.push({ name: "p3", mode: "access", vlan: 20 }); } },
  { name: "protected VLAN not on the DCI", code: "E_DR_NO_DCI", path: "/dr/0/vlans/1", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "voice", sites: ["dc1", "dc2"] }); d.dr[0].vlans.push(20); } },
  // one case per rule (rules that share a code are told apart by path and message)
  { name: "DR site protecting a site that is not a primary", code: "E_DR_SITE", path: "/sites/1/protects", message: /protects dc3, which is a branch site/, mutate: (d) => { d.sites.push({ name: "dc3", role: "branch" }); d.sites[1].protects = "dc3"; } },
  { name: "dr entry and site disagree on what is protected", code: "E_DR_SITE", path: "/dr/0/protects", message: /dr: entry says dc2 protects dc3, the site says dc1/, mutate: (d) => { dc3(d); d.dr[0].protects = "dc3"; } },
  { name: "access VLAN mismatch across a link", code: "E_LINK_VLANS", path: "/links/0/b/interface", message: /access VLAN mismatch on sw1 p2 <-> sw2 p2: 10 vs 20/, mutate: (d) => { v20(d); sw1(d).interfaces[1] = { name: "p2", mode: "access", vlan: 10 }; sw2(d).interfaces[1] = { name: "p2", mode: "access", vlan: 20 }; d.dr = []; } },
  { name: "a trunk allowing a subset of the far end's VLANs", code: "E_LINK_VLANS", path: "/links/0/b/interface", message: /allowed VLANs differ/, mutate: (d) => { v20(d); sw2(d).interfaces[1].allowed = [10, 20]; } },
  { name: "a trunk allowing a superset of the far end's VLANs", code: "E_LINK_VLANS", path: "/links/0/b/interface", message: /allowed VLANs differ/, mutate: (d) => { v20(d); sw1(d).interfaces[1].allowed = [10, 20]; } },
  { name: "host attached to a LAG itself", code: "E_HOST_PORT", path: "/hosts/0/attach/interface", message: /is attached to LAG bond0/, mutate: (d) => { sw1(d).lags = [{ name: "bond0", mode: "access", vlan: 10 }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0" }); d.hosts[0].attach.interface = "bond0"; } },
  { name: "gateway devices but no subnet", code: "E_GATEWAY_MISSING", path: "/vlans/1/gateways", message: /has gateway devices but no subnet/, mutate: (d) => { v20(d, { gateways: [{ device: "sw1" }] }); sw1(d).platform = "ovs"; } },
  { name: "gateway devices but no gateway address", code: "E_GATEWAY_MISSING", path: "/vlans/1/gateways", message: /but no `gateway:` address/, mutate: (d) => { withRouters(d); v20(d, { subnet: "10.0.20.0/24", gateways: [{ device: "r1" }] }); } },
  { name: "a VRRP gateway device without its own address", code: "E_GATEWAY_MISSING", path: "/vlans/1/gateways/1", message: /has no own address \(needed for VRRP\)/, mutate: (d) => { withRouters(d); v20(d, { subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r1", address: "10.0.20.2" }, { device: "r2" }] }); } },
  { name: "a gateway device's own address outside the subnet", code: "E_GATEWAY_OUTSIDE", path: "/vlans/1/gateways/0/address", message: /gateway address 10\.0\.21\.2 of r1/, mutate: (d) => { withRouters(d); v20(d, { subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r1", address: "10.0.21.2" }] }); } },
  { name: "a routed port on its subnet's network address", code: "E_GATEWAY_OUTSIDE", path: "/devices/2/interfaces/1/address", message: /r1 eth2 address 10\.9\.0\.0\/24 is the network or broadcast address/, mutate: (d) => { withRouters(d); r1(d).interfaces.push({ name: "eth2", mode: "routed", address: "10.9.0.0/24" }); } },
  { name: "an overlap hidden behind a tall device", code: "E_RACK_OVERLAP", path: "/devices/3/position", message: /sw4 \(U8-U8\) overlaps device sw1 \(U1-U10\)/, mutate: (d) => { sw1(d).height = 10; racked(d, [3, 1], [8, 1]); } },
  { name: "a trunk allowing a VLAN the site does not have", code: "E_VLAN_NOT_AT_SITE", path: "/devices/0/interfaces/1/allowed/1", mutate: (d) => { d.vlans.push({ id: 30, name: "dr-only", tenant: "city", purpose: "server", sites: ["dc2"] }); sw1(d).interfaces[1].allowed = [10, 30]; } },
  { name: "a trunk allowing a VLAN the platform reserves", code: "E_VLAN_RESERVED", path: "/devices/0/interfaces/1/allowed/1", mutate: (d) => { d.vlans.push({ id: 4000, name: "v4000", tenant: "city", purpose: "server", sites: ["dc1", "dc2"] }); Object.assign(sw1(d), { platform: "cisco-nxos", interfaces: [{ name: "Ethernet1/1", mode: "access", vlan: 10 }, { name: "Ethernet1/2", mode: "trunk", allowed: [10, 4000] }] }); d.links[0].a.interface = "Ethernet1/2"; d.hosts[0].attach.interface = "Ethernet1/1"; } },
  { name: "a protected VLAN allowed on one end of the DCI only", code: "E_DR_NO_DCI", path: "/dr/0/vlans/1", mutate: (d) => { v20(d); d.dr[0].vlans.push(20); sw2(d).interfaces[1].allowed = [10, 20]; } },
  // policy: QoS classes, marking and traffic rules (minimal has tenants city and university, VLAN 10 video 10.0.10.0/24 of city, host h1)
  { name: "a guaranteed class without a share", code: "E_QOS_SHARE", path: "/qos/classes/0", message: /class gold \(guaranteed\) has no share/, mutate: (d) => (d.qos = { classes: [{ name: "gold", dscp: "af31", treatment: "guaranteed" }] }) },
  { name: "a second default class", code: "E_QOS_SHARE", path: "/qos/classes", message: /2 classes take the rest/, mutate: (d) => (d.qos = { classes: [{ name: "bulk", dscp: "af11", treatment: "default" }] }) },
  { name: "shares over the whole link", code: "E_QOS_SHARE_OVER", path: "/qos/classes", message: /add up to 105%/, mutate: (d) => (d.qos = { classes: [{ name: "video", share: 80 }] }) },
  { name: "two classes with one DSCP", code: "W_QOS_DSCP_SHARED", path: "/qos/classes/0/dscp", message: /voice and video both carry DSCP/, mutate: (d) => (d.qos = { classes: [{ name: "video", dscp: "ef" }] }) },
  { name: "marking with an unknown class", code: "E_REF_UNKNOWN", path: "/qos/marking/0/class", message: /did you mean 'voice'/, mutate: (d) => (d.qos = { marking: [{ vlan: 10, class: "voise" }] }) },
  { name: "marking that names no traffic", code: "E_QOS_MARK", path: "/qos/marking/0", mutate: (d) => (d.qos = { marking: [{ class: "voice" }] }) },
  { name: "marking ports without a protocol", code: "E_QOS_MARK", path: "/qos/marking/0/ports", mutate: (d) => (d.qos = { marking: [{ vlan: 10, class: "voice", ports: [5060] }] }) },
  { name: "marking on an unknown interface", code: "E_REF_UNKNOWN", path: "/qos/marking/0/interface", mutate: (d) => (d.qos = { marking: [{ device: "sw1", interface: "p9", class: "voice" }] }) },
  { name: "a rule from an unknown tenant", code: "E_REF_UNKNOWN", path: "/policies/rules/0/from/tenant", message: /did you mean 'city'/, mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { tenant: "citty" }, to: { any: true } }] }) },
  { name: "an unknown jump host", code: "E_REF_UNKNOWN", path: "/policies/management/jumpHosts/0", mutate: (d) => (d.policies = { management: { jumpHosts: ["h9"] } }) },
  { name: "ports on a rule for any protocol", code: "E_POLICY_PORTS", path: "/policies/rules/0/ports", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { any: true }, ports: [443] }] }) },
  { name: "two rules with one name", code: "E_DUPLICATE", path: "/policies/rules/1/name", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { subnet: "10.9.0.0/24" } }, { name: "r", action: "allow", from: { vlan: 10 }, to: { subnet: "10.8.0.0/24" } }] }) },
  { name: "a rule to a tenant without subnets", code: "E_POLICY_EMPTY", path: "/policies/rules/0/to", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { tenant: "university" } }] }) },
  { name: "a rule an earlier one already covers", code: "W_POLICY_SHADOWED", path: "/policies/rules/1", message: /rule narrow never matches: rule wide/, mutate: (d) => (d.policies = { rules: [{ name: "wide", action: "allow", from: { vlan: 10 }, to: { subnet: "10.9.0.0/16" } }, { name: "narrow", action: "allow", from: { host: "h1" }, to: { subnet: "10.9.1.0/24" }, protocol: "tcp", ports: [443] }] }) },
  { name: "a rule an earlier one contradicts", code: "E_POLICY_CONTRADICTS", path: "/policies/rules/1", message: /rule narrow \(deny\) never takes effect: rule wide/, mutate: (d) => (d.policies = { rules: [{ name: "wide", action: "allow", from: { vlan: 10 }, to: { any: true }, protocol: "tcp" }, { name: "narrow", action: "deny", from: { vlan: 10 }, to: { subnet: "10.9.1.0/24" }, protocol: "tcp", ports: [22] }] }) },
  { name: "a deny that cuts the management path", code: "E_POLICY_CUTS_MANAGEMENT", path: "/policies/rules/0", message: /denies management VLAN 20/, mutate: (d) => { v20(d, { purpose: "management", subnet: "10.0.20.0/24" }); d.policies = { rules: [{ name: "lockdown", action: "deny", from: { tenant: "city" }, to: { management: true } }] }; } },
  { name: "a default class with a share", code: "E_QOS_SHARE", path: "/qos/classes/0/share", mutate: (d) => (d.qos = { classes: [{ name: "best-effort", treatment: "default", share: 10 }] }) },
  { name: "marking an unknown VLAN", code: "E_REF_UNKNOWN", path: "/qos/marking/0/vlan", mutate: (d) => (d.qos = { marking: [{ vlan: 99, class: "voice" }] }) },
  { name: "marking a device without its interface", code: "E_QOS_MARK", path: "/qos/marking/0", message: /device and interface go together/, mutate: (d) => (d.qos = { marking: [{ device: "sw1", class: "voice" }] }) },
  { name: "marking on an unknown device", code: "E_REF_UNKNOWN", path: "/qos/marking/0/device", mutate: (d) => (d.qos = { marking: [{ device: "sw9", interface: "p1", class: "voice" }] }) },
  { name: "a rule from an unknown VRF", code: "E_REF_UNKNOWN", path: "/policies/rules/0/from/vrf", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vrf: "blue" }, to: { any: true } }] }) },
  { name: "a rule to an unknown service", code: "E_REF_UNKNOWN", path: "/policies/rules/0/to/service", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { service: "vidoe" } }] }) },
  { name: "a rule to an unknown host", code: "E_REF_UNKNOWN", path: "/policies/rules/0/to/host", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { host: "h9" } }] }) },
  { name: "a rule from an unknown site", code: "E_REF_UNKNOWN", path: "/policies/rules/0/from/site", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { site: "dc9" }, to: { any: true } }] }) },
  { name: "a rule to an unknown VLAN", code: "E_REF_UNKNOWN", path: "/policies/rules/0/to/vlan", mutate: (d) => (d.policies = { rules: [{ name: "r", action: "allow", from: { vlan: 10 }, to: { vlan: 99 } }] }) },
  { name: "an unknown management VLAN of the policies", code: "E_REF_UNKNOWN", path: "/policies/management/vlan", mutate: (d) => (d.policies = { management: { vlan: 99 } }) },
];

describe("semantic checks", () => {
  it("the same subnet in two VRFs is no overlap", () => {
    const d = minimal();
    d.vrfs = [{ name: "a", tenant: "city" }, { name: "b", tenant: "city" }];
    d.vlans[0].vrf = "a";
    d.vlans.push({ id: 20, name: "v20", tenant: "city", vrf: "b", purpose: "server", sites: ["dc1"], subnet: "10.0.10.0/24" });
    expect(codes(validate(d))).toEqual(["W_DR_SINGLE_PATH"]);
  });

  it("a jump host allowed before a deny keeps the management path (no E_POLICY_CUTS_MANAGEMENT); a deny of other traffic too", () => {
    const d = minimal();
    v20(d, { purpose: "management", subnet: "10.0.20.0/24" });
    d.policies = {
      management: { jumpHosts: ["h1"] },
      rules: [
        { name: "nms", action: "allow", from: { host: "h1" }, to: { management: true } },
        { name: "no-video", action: "deny", from: { vlan: 10 }, to: { management: true } },
        { name: "no-dns", action: "deny", from: { vlan: 20 }, to: { management: true }, protocol: "udp", ports: [53] },
      ],
    };
    d.qos = { marking: [{ vlan: 10, class: "video" }] };
    expect(codes(validate(d))).toEqual(["W_DR_SINGLE_PATH"]);
  });

  it("the minimal inventory is clean, with and without the routers (but for its one DCI cable)", () => {
    expect(codes(validate(minimal()))).toEqual(["W_DR_SINGLE_PATH"]);
    const r = validate(withRouters(minimal()));
    expect(codes(r)).toEqual(["W_DR_SINGLE_PATH"]);
    expect(r.inventory).toBeDefined();
  });

  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const d = minimal();
      c.mutate(d);
      const r = validate(d);
      expect(findingLines(r.diagnostics), "every finding of the case, written out in findings.ts").toEqual(FINDINGS[`${c.code}: ${c.name}`]);
      const hits = r.diagnostics.filter((x) => x.code === c.code);
      expect(hits.length, JSON.stringify(r.diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`), null, 1)).toBeGreaterThan(0);
      if (c.path) expect(hits.map((h) => h.path)).toContain(c.path);
      if (c.message) expect(hits.filter((h) => !c.path || h.path === c.path).some((h) => c.message!.test(h.message)), hits.map((h) => h.message).join("\n")).toBe(true);
      for (const h of hits) expect(h.line).toBeGreaterThan(0);
      // Errors make the inventory invalid; warnings alone do not.
      if (c.code.startsWith("E_")) expect(r.inventory).toBeUndefined();
      else if (!r.diagnostics.some((x) => x.severity === "error")) expect(r.inventory).toBeDefined();
    });
  }

  describe("VRRP on a platform without it (frr runs VRRP on keepalived; the rule stays for platforms that do not)", () => {
    const saved = CAPABILITIES.frr.features;
    afterEach(() => {
      (CAPABILITIES.frr as { features: typeof saved }).features = saved;
    });
    const twoRouters = () => {
      const d = withRouters(minimal());
      d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"], subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r1", address: "10.0.20.2" }, { device: "r2", address: "10.0.20.3" }] });
      return d;
    };
    it("E_PLATFORM_FEATURE when the platform has gateways but no VRRP", () => {
      (CAPABILITIES.frr as { features: typeof saved }).features = saved.filter((f) => f !== "vrrp");
      const r = validate(twoRouters());
      expect(r.diagnostics.filter((x) => x.code === "E_PLATFORM_FEATURE").map((x) => [x.path, x.message])).toEqual([
        ["/vlans/1/gateways/0/device", "r1 (frr) cannot run VRRP for VLAN 20"],
        ["/vlans/1/gateways/1/device", "r2 (frr) cannot run VRRP for VLAN 20"],
      ]);
    });
    it("frr: two gateways of one VLAN are accepted", () => {
      expect(codes(validate(twoRouters()))).not.toContain("E_PLATFORM_FEATURE");
    });
  });

  describe("VLAN above the platform's maximum", () => {
    const saved = CAPABILITIES.ovs.maxVlan;
    afterEach(() => {
      (CAPABILITIES.ovs as { maxVlan: number }).maxVlan = saved;
    });
    it("E_VLAN_RANGE", () => {
      (CAPABILITIES.ovs as { maxVlan: number }).maxVlan = 9;
      const r = validate(minimal());
      expect(codes(r)).toContain("E_VLAN_RANGE");
    });
  });

  it("an access-mode LAG between two switches carries its VLAN (no W_VLAN_NOT_CARRIED); another VLAN on it still warns, with a fix that fits", () => {
    const build = (otherVlan: number) => {
      const d = minimal();
      d.sites = [{ name: "dc1", role: "primary" }];
      d.dr = [];
      d.links = [];
      d.vlans = [{ id: 10, name: "video", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.0.10.0/24" }, { id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1"] }];
      for (const [dev, vlan] of [[sw1(d), 10], [sw2(d), otherVlan]] as const) {
        dev.site = "dc1";
        dev.interfaces = [{ name: "p1", lag: "bond0" }, { name: "p2", lag: "bond0" }, { name: "p3", mode: "access", vlan: 10 }];
        dev.lags = [{ name: "bond0", mode: "access", vlan }];
      }
      delete sw2(d).rack;
      d.links = [1, 2].map((n) => ({ kind: "fabric", a: { device: "sw1", interface: `p${n}` }, b: { device: "sw2", interface: `p${n}` } }));
      d.hosts = [
        { name: "h1", tenant: "city", address: "10.0.10.11/24", attach: { device: "sw1", interface: "p3" } },
        { name: "h2", tenant: "city", address: "10.0.10.12/24", attach: { device: "sw2", interface: "p3" } },
      ];
      return validate(d);
    };
    const same = build(10);
    expect(same.diagnostics.map((x) => `${x.code} ${x.message}`)).toEqual([]);
    const other = build(20);
    const warned = other.diagnostics.filter((x) => x.code === "W_VLAN_NOT_CARRIED");
    expect(warned.length).toBeGreaterThan(0);
    expect(codes(other)).toContain("E_LINK_VLANS");
    for (const w of warned) {
      expect(w.hint).not.toMatch(/uplink trunk/);
      expect(w.hint).toMatch(/access port in VLAN 10|a trunk that allows 10/);
    }
  });

  it("near misses of the addressing and routing rules stay valid", () => {
    // a router managed at its own loopback, VRRP peers with VLAN gateway addresses, a /31 on both ends of one link
    const d = withRouters(minimal());
    r1(d).loopback = "10.254.0.1";
    r1(d).management = { address: "10.254.0.1", port: 22, user: "c" };
    r1(d).bgp.routerId = "10.254.0.1";
    r2(d).bgp.routerId = "10.254.0.2";
    r1(d).routes = [{ prefix: "10.99.0.0/24", nextHop: "10.255.0.1" }];
    r1(d).bgp.networks = ["10.99.0.0/24"];
    r1(d).bgp.neighbors = [{ address: "10.255.0.1", remoteAs: 65002 }];
    d.vrfs = [{ name: "a", tenant: "city", rd: "65001:100" }, { name: "b", tenant: "university", rd: "4200000000:7" }];
    d.vlans[0].vrf = "a";
    // (the minimal inventory's single DCI cable is warned: W_DR_SINGLE_PATH)
    expect(validate(d).diagnostics.filter((x) => x.code !== "W_DR_SINGLE_PATH").map((x) => `${x.code} ${x.path} ${x.message}`)).toEqual([]);
  });

  it("LACP: active/passive and static/static are fine", () => {
    for (const [x, y] of [["active", "passive"], ["static", "static"], ["active", "active"]]) {
      const d = minimal();
      for (const [dev, mode] of [[sw1(d), x], [sw2(d), y]] as const) {
        dev.lags = [{ name: "bond0", lacp: mode, mode: "trunk", allowed: [10] }];
        dev.interfaces[1] = { name: "p2", lag: "bond0" };
      }
      d.links = [{ kind: "dci", a: { device: "sw1", interface: "p2" }, b: { device: "sw2", interface: "p2" } }];
      expect(validate(d).diagnostics.map((z) => z.code).filter((c) => c !== "W_DR_SINGLE_PATH"), `${x}/${y}`).toEqual([]);
    }
  });

  it("reports every problem in one run", () => {
    const d = minimal();
    d.hosts[0].tenant = "university";
    d.vlans[0].subnet = "10.0.10.1/24";
    sw2(d).management.port = 2201;
    d.links[0].b.device = "sw3";
    expect(new Set(codes(validate(d)).filter((c) => c !== "W_DR_SINGLE_PATH"))).toEqual(new Set(["E_HOST_TENANT", "E_SUBNET_HOST_BITS", "E_DUPLICATE_MANAGEMENT", "E_REF_UNKNOWN", "E_DR_NO_DCI"]));
  });

  it("every code that a check can report is exercised by a case or a fixture", () => {
    const dir = join(ROOT, "model", "checks");
    const declared = new Set<string>();
    for (const f of readdirSync(dir)) {
      for (const m of readFileSync(join(dir, f), "utf8").matchAll(/"([EW]_[A-Z_]+)"/g)) declared.add(m[1]!);
    }
    expect(declared.size).toBeGreaterThan(20);
    const covered = new Set<string>([...CASES.map((c) => c.code), ...DC_CASES.map((c) => c.code), "E_VLAN_RANGE"]);
    for (const list of Object.values(EXPECTED)) for (const e of list) covered.add(e.split(" ")[1]!);
    expect([...declared].filter((c) => !covered.has(c))).toEqual([]);
  });

  it("findings.ts writes out the findings of exactly these cases, no stale entry", () => {
    expect(Object.keys(FINDINGS).sort()).toEqual([...CASES, ...DC_CASES].map((c) => `${c.code}: ${c.name}`).sort());
  });
});
