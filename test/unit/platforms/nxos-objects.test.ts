/**
 * NX-OS's objects of the edge intent (edge-intent.ts) written out. The words are those of the Nexus 9000 NX-OS
 * configuration guides named in platforms/cisco-nxos.ts (Layer 2 Switching, Interfaces, Unicast Routing; QoS:
 * `class-map type qos match-all|match-any`, `policy-map type qos` with `set dscp` and `set qos-group`,
 * `service-policy type qos input`, `policy-map type queuing` on `c-out-8q-qN` and `c-out-8q-q-default` under
 * `system qos`, `priority level 1`, `bandwidth remaining percent`; Security: `ip access-list` with numbered
 * entries, `ip access-group NAME in`); each expected line was checked against them, not taken from the renderer.
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet } from "../../../platforms";
import { ciscoNxos, foldNxos, nxosFeatures } from "../../../platforms/cisco-nxos";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";
import { edgeIntent, objectIn, port, writtenOut } from "./edge-intent";

const NAMES = { port: (n: number): string => `Ethernet1/${n}`, lag: (n: number): string => `port-channel${n}` };
const edge = (more: Partial<DeviceIntent> = {}): DeviceIntent => edgeIntent("cisco-nxos", NAMES, more);

const objectOf = (i: DeviceIntent, key: string): ConfigObject => objectIn(ciscoNxos, i, key);

const EXPECTED: Record<string, { apply: string[]; remove: string[]; readBack: string }> = {
  "system": {
    apply: ["hostname sw1", "feature lacp", "feature interface-vlan", "feature vrrp", "feature bgp", "feature vpc"],
    remove: [],
    readBack: "show running-config | include \"^hostname|^feature\"",
  },
  "vrf:city": {
    apply: ["vrf context city", "  rd 65001:10", "exit"],
    remove: ["no vrf context city"],
    readBack: "show running-config vrf city",
  },
  "vrf:lab": {
    apply: ["vrf context lab", "exit"],
    remove: ["no vrf context lab"],
    readBack: "show running-config vrf lab",
  },
  "vlan:10": {
    apply: ["vlan 10", "  name users", "exit"],
    remove: ["no vlan 10"],
    readBack: "show running-config vlan 10",
  },
  "vlan:20": {
    apply: ["vlan 20", "  name voice", "exit"],
    remove: ["no vlan 20"],
    readBack: "show running-config vlan 20",
  },
  "stp": {
    apply: ["spanning-tree mode rapid-pvst", "spanning-tree vlan 10,20 priority 8192", "spanning-tree port type edge bpduguard default"],
    remove: ["no spanning-tree port type edge bpduguard default", "no spanning-tree vlan 10,20 priority", "no spanning-tree mode"],
    readBack: "show running-config spanning-tree | include \"^spanning-tree|^  name|^  revision|^  instance\"",
  },
  "mlag": {
    apply: ["vpc domain 5", "  role priority 200", "  peer-keepalive destination 10.255.0.1 source 10.255.0.2", "  exit"],
    remove: ["no vpc domain 5"],
    readBack: "show running-config vpc",
  },
  "lag:port-channel2": {
    apply: ["interface port-channel2", "  no switchport", "  ip address 10.0.0.5/31", "  mtu 9000", "  no shutdown", "exit"],
    remove: ["no interface port-channel2"],
    readBack: "show running-config interface port-channel2",
  },
  "lag:port-channel3": {
    apply: ["interface port-channel3", "  switchport", "  switchport mode trunk", "  switchport trunk allowed vlan 10,20", "  spanning-tree guard loop", "  vpc 3", "  no shutdown", "exit"],
    remove: ["no interface port-channel3"],
    readBack: "show running-config interface port-channel3",
  },
  "port:Ethernet1/1": {
    apply: ["interface Ethernet1/1", "  description to the north exit", "  switchport", "  switchport mode access", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/1"],
    readBack: "show running-config interface Ethernet1/1",
  },
  "port:Ethernet1/2": {
    apply: ["interface Ethernet1/2", "  switchport", "  switchport mode trunk", "  switchport trunk native vlan 10", "  switchport trunk allowed vlan none", "  spanning-tree port type edge trunk", "  mtu 9216", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/2"],
    readBack: "show running-config interface Ethernet1/2",
  },
  "port:Ethernet1/3": {
    apply: ["interface Ethernet1/3", "  speed 10000", "  no switchport", "  vrf member city", "  ip address 10.0.0.1/31", "  mtu 9000", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/3"],
    readBack: "show running-config interface Ethernet1/3",
  },
  "port:Ethernet1/4": {
    apply: ["interface Ethernet1/4", "  no switchport", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/4"],
    readBack: "show running-config interface Ethernet1/4",
  },
  "port:Ethernet1/5": {
    apply: ["interface Ethernet1/5", "  shutdown", "exit"],
    remove: ["default interface Ethernet1/5"],
    readBack: "show running-config interface Ethernet1/5",
  },
  "port:Ethernet1/6": {
    apply: ["interface Ethernet1/6", "  no switchport", "  channel-group 2 force mode on", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/6"],
    readBack: "show running-config interface Ethernet1/6",
  },
  "port:Ethernet1/7": {
    apply: ["interface Ethernet1/7", "  switchport", "  channel-group 3 force mode passive", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/7"],
    readBack: "show running-config interface Ethernet1/7",
  },
  "port:Ethernet1/8": {
    apply: ["interface Ethernet1/8", "  switchport", "  switchport mode access", "  switchport access vlan 10", "  spanning-tree port type edge", "  spanning-tree guard root", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/8"],
    readBack: "show running-config interface Ethernet1/8",
  },
  "port:Ethernet1/9": {
    apply: ["interface Ethernet1/9", "  switchport", "  channel-group 9 force mode active", "  no shutdown", "exit"],
    remove: ["default interface Ethernet1/9"],
    readBack: "show running-config interface Ethernet1/9",
  },
  "gateway:10": {
    apply: ["interface Vlan10", "  no shutdown", "  vrf member city", "  ip address 10.10.0.2/24", "  vrrp 10", "    address 10.10.0.1", "    no shutdown", "    exit", "exit"],
    remove: ["no interface Vlan10"],
    readBack: "show running-config interface Vlan10",
  },
  "gateway:20": {
    apply: ["interface Vlan20", "  no shutdown", "  ip address 10.20.0.2/24", "  vrrp 20", "    priority 110", "    address 10.20.0.1", "    no shutdown", "    exit", "exit"],
    remove: ["no interface Vlan20"],
    readBack: "show running-config interface Vlan20",
  },
  "route:default:0.0.0.0/0:10.0.0.0": {
    apply: ["ip route 0.0.0.0/0 10.0.0.0"],
    remove: ["no ip route 0.0.0.0/0 10.0.0.0"],
    readBack: "show running-config | include \"^ip route\"",
  },
  "route:city:10.99.0.0/16:10.10.0.254": {
    apply: ["vrf context city", "  ip route 10.99.0.0/16 10.10.0.254", "exit"],
    remove: ["vrf context city", "  no ip route 10.99.0.0/16 10.10.0.254", "exit"],
    readBack: "show running-config vrf city",
  },
  "route:ghost:10.98.0.0/16:10.10.0.253": {
    apply: ["vrf context ghost", "  ip route 10.98.0.0/16 10.10.0.253", "exit"],
    remove: ["vrf context ghost", "  no ip route 10.98.0.0/16 10.10.0.253", "exit"],
    readBack: "show running-config vrf ghost",
  },
  "bgp": {
    apply: ["router bgp 65001", "  address-family ipv4 unicast", "    exit", "  neighbor 10.0.0.0", "    remote-as 65000", "    address-family ipv4 unicast", "      exit", "    exit", "exit"],
    remove: ["no router bgp 65001"],
    readBack: "show running-config bgp",
  },
  "qos": {
    apply: ["ip access-list CITYDC-MARK-V20-1", "  10 permit udp 10.20.0.0/24 any eq 5060", "  20 permit udp 10.20.0.0/24 any eq 5061", "exit", "class-map type qos match-all CITYDC-MARK-V20-1", "  match access-group name CITYDC-MARK-V20-1", "exit", "ip access-list CITYDC-MARK-V20-2", "  10 permit ip 10.20.0.0/24 any", "exit", "class-map type qos match-all CITYDC-MARK-V20-2", "  match access-group name CITYDC-MARK-V20-2", "exit", "policy-map type qos CITYDC-MARK-V20", "  class CITYDC-MARK-V20-1", "    set dscp 46", "    set qos-group 5", "    exit", "  class CITYDC-MARK-V20-2", "    set dscp 34", "    set qos-group 4", "    exit", "exit", "interface Vlan20", "  service-policy type qos input CITYDC-MARK-V20", "exit", "ip access-list CITYDC-MARK-Ethernet1-3-1", "  10 permit ip any any", "exit", "class-map type qos match-all CITYDC-MARK-Ethernet1-3-1", "  match access-group name CITYDC-MARK-Ethernet1-3-1", "exit", "policy-map type qos CITYDC-MARK-Ethernet1-3", "  class CITYDC-MARK-Ethernet1-3-1", "    set dscp 10", "    set qos-group 0", "    exit", "exit", "interface Ethernet1/3", "  service-policy type qos input CITYDC-MARK-Ethernet1-3", "exit", "class-map type qos match-any CITYDC-VOICE", "  match dscp 46", "exit", "class-map type qos match-any CITYDC-VIDEO", "  match dscp 34", "exit", "class-map type qos match-any CITYDC-BULK", "  match dscp 10", "exit", "policy-map type qos CITYDC-TRUST", "  class CITYDC-VOICE", "    set qos-group 5", "    exit", "  class CITYDC-VIDEO", "    set qos-group 4", "    exit", "  class CITYDC-BULK", "    set qos-group 1", "    exit", "exit", "interface Ethernet1/2", "  service-policy type qos input CITYDC-TRUST", "exit", "interface port-channel3", "  service-policy type qos input CITYDC-TRUST", "exit", "policy-map type queuing CITYDC-QUEUING", "  class type queuing c-out-8q-q5", "    priority level 1", "    exit", "  class type queuing c-out-8q-q4", "    bandwidth remaining percent 30", "    exit", "  class type queuing c-out-8q-q1", "    bandwidth remaining percent 10", "    exit", "  class type queuing c-out-8q-q-default", "    bandwidth remaining percent 50", "    exit", "exit", "system qos", "  service-policy type queuing output CITYDC-QUEUING", "exit"],
    remove: ["system qos", "  no service-policy type queuing output CITYDC-QUEUING", "exit", "no policy-map type queuing CITYDC-QUEUING", "interface Ethernet1/2", "  no service-policy type qos input CITYDC-TRUST", "exit", "interface port-channel3", "  no service-policy type qos input CITYDC-TRUST", "exit", "interface Vlan20", "  no service-policy type qos input CITYDC-MARK-V20", "exit", "no policy-map type qos CITYDC-MARK-V20", "no class-map type qos match-all CITYDC-MARK-V20-1", "no ip access-list CITYDC-MARK-V20-1", "no class-map type qos match-all CITYDC-MARK-V20-2", "no ip access-list CITYDC-MARK-V20-2", "interface Ethernet1/3", "  no service-policy type qos input CITYDC-MARK-Ethernet1-3", "exit", "no policy-map type qos CITYDC-MARK-Ethernet1-3", "no class-map type qos match-all CITYDC-MARK-Ethernet1-3-1", "no ip access-list CITYDC-MARK-Ethernet1-3-1", "no policy-map type qos CITYDC-TRUST", "no class-map type qos match-any CITYDC-VOICE", "no class-map type qos match-any CITYDC-VIDEO", "no class-map type qos match-any CITYDC-BULK"],
    readBack: "show running-config ipqos",
  },
  "acl:CITYDC-V10-IN": {
    apply: ["ip access-list CITYDC-V10-IN", "  10 permit ip any any", "exit", "interface Vlan10", "  ip access-group CITYDC-V10-IN in", "exit"],
    remove: ["interface Vlan10", "  no ip access-group CITYDC-V10-IN in", "exit", "no ip access-list CITYDC-V10-IN"],
    readBack: "show running-config aclmgr",
  },
  "acl:CITYDC-BR-IN": {
    apply: ["ip access-list CITYDC-BR-IN", "  10 deny udp 10.0.0.0/31 any eq 53", "exit", "interface Ethernet1/3", "  ip access-group CITYDC-BR-IN in", "exit"],
    remove: ["interface Ethernet1/3", "  no ip access-group CITYDC-BR-IN in", "exit", "no ip access-list CITYDC-BR-IN"],
    readBack: "show running-config aclmgr",
  },
};

/** The full configuration of the edge intent: global routes first, each VRF's routes inside its vrf context, no navigation, no force. */
const FULL = [
  "!Command: show running-config (sw1, rendered by citydc)",
  "!",
  "hostname sw1",
  "feature lacp",
  "feature interface-vlan",
  "feature vrrp",
  "feature bgp",
  "feature vpc",
  "!",
  "ip route 0.0.0.0/0 10.0.0.0",
  "!",
  "vlan 10",
  "  name users",
  "!",
  "vlan 20",
  "  name voice",
  "!",
  "spanning-tree mode rapid-pvst",
  "spanning-tree vlan 10,20 priority 8192",
  "spanning-tree port type edge bpduguard default",
  "!",
  "vrf context city",
  "  rd 65001:10",
  "  ip route 10.99.0.0/16 10.10.0.254",
  "!",
  "vrf context lab",
  "!",
  "vrf context ghost",
  "  ip route 10.98.0.0/16 10.10.0.253",
  "!",
  "vpc domain 5",
  "  role priority 200",
  "  peer-keepalive destination 10.255.0.1 source 10.255.0.2",
  "!",
  "ip access-list CITYDC-MARK-V20-1",
  "  10 permit udp 10.20.0.0/24 any eq 5060",
  "  20 permit udp 10.20.0.0/24 any eq 5061",
  "class-map type qos match-all CITYDC-MARK-V20-1",
  "  match access-group name CITYDC-MARK-V20-1",
  "ip access-list CITYDC-MARK-V20-2",
  "  10 permit ip 10.20.0.0/24 any",
  "class-map type qos match-all CITYDC-MARK-V20-2",
  "  match access-group name CITYDC-MARK-V20-2",
  "policy-map type qos CITYDC-MARK-V20",
  "  class CITYDC-MARK-V20-1",
  "    set dscp 46",
  "    set qos-group 5",
  "  class CITYDC-MARK-V20-2",
  "    set dscp 34",
  "    set qos-group 4",
  "ip access-list CITYDC-MARK-Ethernet1-3-1",
  "  10 permit ip any any",
  "class-map type qos match-all CITYDC-MARK-Ethernet1-3-1",
  "  match access-group name CITYDC-MARK-Ethernet1-3-1",
  "policy-map type qos CITYDC-MARK-Ethernet1-3",
  "  class CITYDC-MARK-Ethernet1-3-1",
  "    set dscp 10",
  "    set qos-group 0",
  "class-map type qos match-any CITYDC-VOICE",
  "  match dscp 46",
  "class-map type qos match-any CITYDC-VIDEO",
  "  match dscp 34",
  "class-map type qos match-any CITYDC-BULK",
  "  match dscp 10",
  "policy-map type qos CITYDC-TRUST",
  "  class CITYDC-VOICE",
  "    set qos-group 5",
  "  class CITYDC-VIDEO",
  "    set qos-group 4",
  "  class CITYDC-BULK",
  "    set qos-group 1",
  "policy-map type queuing CITYDC-QUEUING",
  "  class type queuing c-out-8q-q5",
  "    priority level 1",
  "  class type queuing c-out-8q-q4",
  "    bandwidth remaining percent 30",
  "  class type queuing c-out-8q-q1",
  "    bandwidth remaining percent 10",
  "  class type queuing c-out-8q-q-default",
  "    bandwidth remaining percent 50",
  "system qos",
  "  service-policy type queuing output CITYDC-QUEUING",
  "!",
  "ip access-list CITYDC-V10-IN",
  "  10 permit ip any any",
  "!",
  "ip access-list CITYDC-BR-IN",
  "  10 deny udp 10.0.0.0/31 any eq 53",
  "!",
  "interface Vlan10",
  "  no shutdown",
  "  vrf member city",
  "  ip address 10.10.0.2/24",
  "  vrrp 10",
  "    address 10.10.0.1",
  "    no shutdown",
  "  ip access-group CITYDC-V10-IN in",
  "!",
  "interface Vlan20",
  "  no shutdown",
  "  ip address 10.20.0.2/24",
  "  vrrp 20",
  "    priority 110",
  "    address 10.20.0.1",
  "    no shutdown",
  "  service-policy type qos input CITYDC-MARK-V20",
  "!",
  "interface port-channel2",
  "  no switchport",
  "  ip address 10.0.0.5/31",
  "  mtu 9000",
  "  no shutdown",
  "!",
  "interface port-channel3",
  "  switchport",
  "  switchport mode trunk",
  "  switchport trunk allowed vlan 10,20",
  "  spanning-tree guard loop",
  "  vpc 3",
  "  no shutdown",
  "  service-policy type qos input CITYDC-TRUST",
  "!",
  "interface Ethernet1/1",
  "  description to the north exit",
  "  switchport",
  "  switchport mode access",
  "  no shutdown",
  "!",
  "interface Ethernet1/2",
  "  switchport",
  "  switchport mode trunk",
  "  switchport trunk native vlan 10",
  "  switchport trunk allowed vlan none",
  "  spanning-tree port type edge trunk",
  "  mtu 9216",
  "  no shutdown",
  "  service-policy type qos input CITYDC-TRUST",
  "!",
  "interface Ethernet1/3",
  "  speed 10000",
  "  no switchport",
  "  vrf member city",
  "  ip address 10.0.0.1/31",
  "  mtu 9000",
  "  no shutdown",
  "  service-policy type qos input CITYDC-MARK-Ethernet1-3",
  "  ip access-group CITYDC-BR-IN in",
  "!",
  "interface Ethernet1/4",
  "  no switchport",
  "  no shutdown",
  "!",
  "interface Ethernet1/5",
  "  shutdown",
  "!",
  "interface Ethernet1/6",
  "  no switchport",
  "  channel-group 2 mode on",
  "  no shutdown",
  "!",
  "interface Ethernet1/7",
  "  switchport",
  "  channel-group 3 mode passive",
  "  no shutdown",
  "!",
  "interface Ethernet1/8",
  "  switchport",
  "  switchport mode access",
  "  switchport access vlan 10",
  "  spanning-tree port type edge",
  "  spanning-tree guard root",
  "  no shutdown",
  "!",
  "interface Ethernet1/9",
  "  switchport",
  "  channel-group 9 mode active",
  "  no shutdown",
  "!",
  "router bgp 65001",
  "  address-family ipv4 unicast",
  "  neighbor 10.0.0.0",
  "    remote-as 65000",
  "    address-family ipv4 unicast",
  "!",
  "",
];

writtenOut(ciscoNxos, edge, EXPECTED, FULL);

describe("cisco-nxos: features, spanning tree and the system object", () => {
  it("a feature only for what uses it: LACP for a LAG that negotiates, interface-vlan for gateways or in-band management", () => {
    const staticLag = { name: "port-channel2", lacp: "static" as const, members: [], port: port("port-channel2", { mode: "trunk", allowed: [10] }) };
    expect(nxosFeatures(deviceIntent("cisco-nxos", { lags: [staticLag] }))).toEqual([]);
    expect(nxosFeatures(deviceIntent("cisco-nxos", { lags: [staticLag, { ...staticLag, name: "port-channel3", lacp: "active" }] }))).toEqual(["lacp"]);
    expect(nxosFeatures(deviceIntent("cisco-nxos", { management: { inband: { vlan: 99, address: "10.99.0.5/24" } } }))).toEqual(["interface-vlan"]);
    expect(nxosFeatures(deviceIntent("cisco-nxos", { gateways: [{ vlan: 10, address: "10.10.0.2/24" }] }))).toEqual(["interface-vlan"]);
  });

  it("the system object's fields are the host name and the features", () => {
    expect(objectOf(edge(), "system").fields).toEqual({ hostname: "sw1", features: ["lacp", "interface-vlan", "vrrp", "bgp", "vpc"] });
    expect(objectOf(deviceIntent("cisco-nxos", { device: "sw9" }), "system")).toMatchObject({ apply: ["hostname sw9"], fields: { hostname: "sw9", features: [] } });
  });

  it("rapid-pvst on a switch without VLANs writes no priority; MST at revision 0 writes no revision", () => {
    const stp = edge().stp!;
    expect(objectOf(edge({ stp: { ...stp, vlans: [] } }), "stp")).toMatchObject({
      apply: ["spanning-tree mode rapid-pvst", "spanning-tree port type edge bpduguard default"],
      remove: ["no spanning-tree port type edge bpduguard default", "no spanning-tree mode"],
    });
    expect(objectOf(edge({ stp: { ...stp, mode: "mstp", priority: undefined, bpduProtection: false, region: "city", instances: [{ id: 2, vlans: [10, 20] }] } }), "stp")).toMatchObject({
      apply: ["spanning-tree mode mst", "spanning-tree mst configuration", "  name city", "  instance 2 vlan 10,20", "  exit"],
      remove: ["no spanning-tree mst configuration", "no spanning-tree mode"],
    });
  });

  it("the vPC primary has the lower role priority", () => {
    expect(objectOf(edge({ mlag: { ...edge().mlag!, role: "primary" } }), "mlag").apply).toEqual([
      "vpc domain 5",
      "  role priority 100",
      "  peer-keepalive destination 10.255.0.1 source 10.255.0.2",
      "  exit",
    ]);
  });
});

describe("cisco-nxos: VRRP changes on a VLAN interface", () => {
  const gatewayChange = (edit: (g: NonNullable<DeviceIntent["gateways"][number]["vrrp"]>) => object): string[] => {
    const before = edge();
    const after = edge({ gateways: before.gateways.map((g) => (g.vlan === 20 ? { ...g, vrrp: { ...g.vrrp!, ...edit(g.vrrp!) } } : g)) });
    const cs = changeSet(ciscoNxos, ciscoNxos.objects(before), ciscoNxos.objects(after), { management: {} }).changes;
    expect(cs.map((c) => c.key)).toEqual(["gateway:20"]);
    return [...cs[0]!.commands];
  };
  it("a new group id: `no vrrp OLD` inside the interface first, then the group again", () => {
    expect(gatewayChange(() => ({ vrid: 21 }))).toEqual([
      "interface Vlan20", "  no vrrp 20", "exit",
      "interface Vlan20", "  no shutdown", "  ip address 10.20.0.2/24", "  vrrp 21", "    priority 110", "    address 10.20.0.1", "    no shutdown", "    exit", "exit",
    ]);
  });
  it("back to the default priority (never written): `no priority` inside the group", () => {
    expect(gatewayChange(() => ({ priority: 100 }))).toEqual([
      "interface Vlan20", "  no shutdown", "  ip address 10.20.0.2/24", "  vrrp 20", "    address 10.20.0.1", "    no shutdown", "    exit",
      "  vrrp 20", "    no priority", "    exit", "exit",
    ]);
  });
});

describe("cisco-nxos: read-back of what the device shows", () => {
  const readBack = (key: string, shown: string[]) => ciscoNxos.parseReadBack(objectOf(edge(), key), shown.join("\n"));

  it("a routed port that lost `no switchport` is drift (only `switchport` and the access default go unseen)", () => {
    expect(readBack("port:Ethernet1/4", ["interface Ethernet1/4"]).fields).toMatchObject({ missing: ["no switchport"] });
    expect(readBack("port:Ethernet1/4", ["interface Ethernet1/4", "  no switchport"])).toEqual({ present: true, fields: objectOf(edge(), "port:Ethernet1/4").fields });
  });

  it("an access port shown without the defaults NX-OS hides is intact", () => {
    expect(readBack("port:Ethernet1/8", ["interface Ethernet1/8", "  switchport access vlan 10", "  spanning-tree port type edge", "  spanning-tree guard root"]).fields).not.toHaveProperty("missing");
  });

  it("a line citydc owns that the device shows and the object does not hold is unexpected: a VRRP priority set by hand", () => {
    const got = readBack("gateway:10", ["interface Vlan10", "  vrf member city", "  ip address 10.10.0.2/24", "  vrrp 10", "    priority 120", "    address 10.10.0.1"]);
    expect(got.fields).toMatchObject({ unexpected: ["priority 120"] });
    expect(got.fields).not.toHaveProperty("missing");
  });

  it("a port-channel member reads back whatever NX-OS shows of its mode: `force` is never kept", () => {
    expect(readBack("port:Ethernet1/7", ["interface Ethernet1/7", "  channel-group 3 mode passive"]).fields).not.toHaveProperty("missing");
    expect(readBack("port:Ethernet1/6", ["interface Ethernet1/6", "  no switchport", "  channel-group 2"]).fields).not.toHaveProperty("missing");
    expect(readBack("port:Ethernet1/7", ["interface Ethernet1/7", "  channel-group 3 mode active"]).fields).toMatchObject({ missing: ["channel-group 3 mode passive"] });
  });
});

describe("cisco-nxos: foldNxos", () => {
  it("drops `force` and the default `mode on`, keeps another mode", () => {
    expect(foldNxos(["channel-group 2 force mode on", "channel-group 3 force mode active", "channel-group 4 mode passive", "channel-group 5", "channel-group 6 force"])).toEqual([
      "channel-group 2", "channel-group 3 mode active", "channel-group 4 mode passive", "channel-group 5", "channel-group 6",
    ]);
  });
  it("leaves a line that only looks like a channel group alone", () => {
    expect(foldNxos(["channel-group 12 mode active extra", "no channel-group 2 mode on", "channel-group x"])).toEqual(["channel-group 12 mode active extra", "no channel-group 2 mode on", "channel-group x"]);
  });
  it("joins `add` lines onto the first allowed list, where it stood; none and all stay as they are", () => {
    expect(foldNxos(["description a", "switchport trunk allowed vlan 10-11", "mtu 9216", "switchport trunk allowed vlan add 12,30"])).toEqual([
      "description a", "switchport trunk allowed vlan 10-12,30", "mtu 9216",
    ]);
    expect(foldNxos(["switchport trunk allowed vlan none", "switchport trunk allowed vlan all"])).toEqual(["switchport trunk allowed vlan none", "switchport trunk allowed vlan all"]);
    expect(foldNxos(["x switchport trunk allowed vlan 10", "switchport trunk allowed vlan 20"])).toEqual(["x switchport trunk allowed vlan 10", "switchport trunk allowed vlan 20"]);
  });
});
