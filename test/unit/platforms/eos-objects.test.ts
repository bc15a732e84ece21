/**
 * Arista EOS objects of the edge intent (edge-intent.ts) written out. The words are those of the EOS User
 * Manual named in platforms/arista-eos.ts: `switchport mode access|trunk`, `switchport trunk allowed vlan none`,
 * `switchport trunk native vlan`, `no switchport`, `vrf NAME` on a routed interface, `mtu` on every port but a
 * Port-Channel member, `speed forced 10000full`, `channel-group N mode on|active|passive`, `mlag N`,
 * `spanning-tree portfast`, `spanning-tree guard loop|root`, `spanning-tree priority` (RSTP),
 * `spanning-tree edge-port bpduguard default`, `vrf instance` with `ip routing vrf`, route distinguishers under
 * `router bgp` (`vrf NAME` / `rd`), `vrrp N priority-level` and `vrrp N ipv4`, `ip route vrf`, `router bgp` with
 * `neighbor ... remote-as`; Quality of Service: `ip access-list` entries, `class-map type qos match-any` with
 * `match ip access-group`, `policy-map type quality-of-service` with `set dscp`, `service-policy type qos input`,
 * `qos map dscp D to traffic-class T`, `qos trust dscp`, `tx-queue N` with `priority strict` / `no priority`,
 * `bandwidth percent` and `shape rate N percent`, `default tx-queue`; ACLs: `ip access-group NAME in`. Each
 * expected line was checked against them, not taken from the renderer.
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet } from "../../../platforms";
import { aristaEos, eosSpeed, foldEos } from "../../../platforms/arista-eos";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";
import { edgeIntent, objectIn, port, writtenOut } from "./edge-intent";

const NAMES = { port: (n: number): string => `Ethernet${n}`, lag: (n: number): string => `Port-Channel${n}` };
const edge = (more: Partial<DeviceIntent> = {}): DeviceIntent => edgeIntent("arista-eos", NAMES, more);

const objectOf = (i: DeviceIntent, key: string): ConfigObject => objectIn(aristaEos, i, key);

const EXPECTED: Record<string, { apply: string[]; remove: string[]; readBack: string }> = {
  "system": {
    apply: ["hostname sw1", "ip routing"],
    remove: [],
    readBack: "show running-config | include ^hostname|^ip routing",
  },
  "vrf:city": {
    apply: ["vrf instance city", "exit", "ip routing vrf city"],
    remove: ["no ip routing vrf city", "no vrf instance city"],
    readBack: "show running-config section vrf city",
  },
  "vrf:lab": {
    apply: ["vrf instance lab", "exit", "ip routing vrf lab"],
    remove: ["no ip routing vrf lab", "no vrf instance lab"],
    readBack: "show running-config section vrf lab",
  },
  "vlan:10": {
    apply: ["vlan 10", "   name users", "exit"],
    remove: ["no vlan 10"],
    readBack: "show running-config section ^vlan 10$",
  },
  "vlan:20": {
    apply: ["vlan 20", "   name voice", "exit"],
    remove: ["no vlan 20"],
    readBack: "show running-config section ^vlan 20$",
  },
  "stp": {
    apply: ["spanning-tree mode rstp", "spanning-tree edge-port bpduguard default", "spanning-tree priority 8192"],
    remove: ["no spanning-tree edge-port bpduguard default", "no spanning-tree priority", "no spanning-tree mode"],
    readBack: "show running-config section ^spanning-tree",
  },
  "mlag": {
    apply: ["vlan 4094", "   name MLAG-PEER", "   trunk group MLAG", "exit", "no spanning-tree vlan-id 4094", "interface Vlan4094", "   no autostate", "   ip address 10.255.0.2/30", "exit", "mlag configuration", "   domain-id pair", "   local-interface Vlan4094", "   peer-address 10.255.0.1", "   peer-link Port-Channel1", "exit"],
    remove: ["no mlag configuration", "no interface Vlan4094", "spanning-tree vlan-id 4094", "no vlan 4094"],
    readBack: "show running-config section mlag configuration|Vlan4094|^vlan 4094$|vlan-id 4094",
  },
  "lag:Port-Channel2": {
    apply: ["interface Port-Channel2", "   mtu 9000", "   no switchport", "   ip address 10.0.0.5/31", "exit"],
    remove: ["no interface Port-Channel2"],
    readBack: "show running-config interfaces Port-Channel2",
  },
  "lag:Port-Channel3": {
    apply: ["interface Port-Channel3", "   switchport mode trunk", "   switchport trunk allowed vlan 10,20", "   mlag 3", "   spanning-tree guard loop", "exit"],
    remove: ["no interface Port-Channel3"],
    readBack: "show running-config interfaces Port-Channel3",
  },
  "port:Ethernet1": {
    apply: ["interface Ethernet1", "   description to the north exit", "   mtu 1500", "   switchport mode access", "   no shutdown", "exit"],
    remove: ["default interface Ethernet1"],
    readBack: "show running-config interfaces Ethernet1",
  },
  "port:Ethernet2": {
    apply: ["interface Ethernet2", "   mtu 9000", "   switchport mode trunk", "   switchport trunk native vlan 10", "   switchport trunk allowed vlan none", "   spanning-tree portfast", "   no shutdown", "exit"],
    remove: ["default interface Ethernet2"],
    readBack: "show running-config interfaces Ethernet2",
  },
  "port:Ethernet3": {
    apply: ["interface Ethernet3", "   mtu 9000", "   speed forced 10000full", "   no switchport", "   vrf city", "   ip address 10.0.0.1/31", "   no shutdown", "exit"],
    remove: ["default interface Ethernet3"],
    readBack: "show running-config interfaces Ethernet3",
  },
  "port:Ethernet4": {
    apply: ["interface Ethernet4", "   no switchport", "   no shutdown", "exit"],
    remove: ["default interface Ethernet4"],
    readBack: "show running-config interfaces Ethernet4",
  },
  "port:Ethernet5": {
    apply: ["interface Ethernet5", "   mtu 9000", "   shutdown", "exit"],
    remove: ["default interface Ethernet5"],
    readBack: "show running-config interfaces Ethernet5",
  },
  "port:Ethernet6": {
    apply: ["interface Ethernet6", "   channel-group 2 mode on", "   no shutdown", "exit"],
    remove: ["default interface Ethernet6"],
    readBack: "show running-config interfaces Ethernet6",
  },
  "port:Ethernet7": {
    apply: ["interface Ethernet7", "   channel-group 3 mode passive", "   no shutdown", "exit"],
    remove: ["default interface Ethernet7"],
    readBack: "show running-config interfaces Ethernet7",
  },
  "port:Ethernet8": {
    apply: ["interface Ethernet8", "   switchport mode access", "   switchport access vlan 10", "   spanning-tree portfast", "   spanning-tree guard root", "   no shutdown", "exit"],
    remove: ["default interface Ethernet8"],
    readBack: "show running-config interfaces Ethernet8",
  },
  "port:Ethernet9": {
    apply: ["interface Ethernet9", "   channel-group 9 mode active", "   no shutdown", "exit"],
    remove: ["default interface Ethernet9"],
    readBack: "show running-config interfaces Ethernet9",
  },
  "gateway:10": {
    apply: ["interface Vlan10", "   vrf city", "   ip address 10.10.0.2/24", "   vrrp 10 ipv4 10.10.0.1", "exit"],
    remove: ["no interface Vlan10"],
    readBack: "show running-config interfaces Vlan10",
  },
  "gateway:20": {
    apply: ["interface Vlan20", "   ip address 10.20.0.2/24", "   vrrp 20 priority-level 110", "   vrrp 20 ipv4 10.20.0.1", "exit"],
    remove: ["no interface Vlan20"],
    readBack: "show running-config interfaces Vlan20",
  },
  "route:default:0.0.0.0/0:10.0.0.0": {
    apply: ["ip route 0.0.0.0/0 10.0.0.0"],
    remove: ["no ip route 0.0.0.0/0 10.0.0.0"],
    readBack: "show running-config | include ^ip route",
  },
  "route:city:10.99.0.0/16:10.10.0.254": {
    apply: ["ip route vrf city 10.99.0.0/16 10.10.0.254"],
    remove: ["no ip route vrf city 10.99.0.0/16 10.10.0.254"],
    readBack: "show running-config | include ^ip route",
  },
  "route:ghost:10.98.0.0/16:10.10.0.253": {
    apply: ["ip route vrf ghost 10.98.0.0/16 10.10.0.253"],
    remove: ["no ip route vrf ghost 10.98.0.0/16 10.10.0.253"],
    readBack: "show running-config | include ^ip route",
  },
  "bgp": {
    apply: ["router bgp 65001", "   neighbor 10.0.0.0 remote-as 65000", "   vrf city", "      rd 65001:10", "   exit", "exit"],
    remove: ["no router bgp 65001"],
    readBack: "show running-config section router bgp",
  },
  "qos": {
    apply: ["ip access-list CITYDC-MARK-V20-1", "   10 permit udp 10.20.0.0/24 any eq 5060", "   20 permit udp 10.20.0.0/24 any eq 5061", "exit", "class-map type qos match-any CITYDC-MARK-V20-1", "   match ip access-group CITYDC-MARK-V20-1", "exit", "ip access-list CITYDC-MARK-V20-2", "   10 permit ip 10.20.0.0/24 any", "exit", "class-map type qos match-any CITYDC-MARK-V20-2", "   match ip access-group CITYDC-MARK-V20-2", "exit", "policy-map type quality-of-service CITYDC-MARK-V20", "   class CITYDC-MARK-V20-1", "      set dscp 46", "   exit", "   class CITYDC-MARK-V20-2", "      set dscp 34", "   exit", "exit", "interface Vlan20", "   service-policy type qos input CITYDC-MARK-V20", "exit", "ip access-list CITYDC-MARK-Ethernet3-1", "   10 permit ip any any", "exit", "class-map type qos match-any CITYDC-MARK-Ethernet3-1", "   match ip access-group CITYDC-MARK-Ethernet3-1", "exit", "policy-map type quality-of-service CITYDC-MARK-Ethernet3", "   class CITYDC-MARK-Ethernet3-1", "      set dscp 10", "   exit", "exit", "interface Ethernet3", "   service-policy type qos input CITYDC-MARK-Ethernet3", "exit", "qos map dscp 46 to traffic-class 5", "qos map dscp 34 to traffic-class 4", "qos map dscp 10 to traffic-class 1", "qos map dscp 0 to traffic-class 0", "interface Ethernet2", "   qos trust dscp", "   tx-queue 0", "      no priority", "      bandwidth percent 50", "   exit", "   tx-queue 1", "      no priority", "      bandwidth percent 10", "      shape rate 10 percent", "   exit", "   tx-queue 4", "      no priority", "      bandwidth percent 30", "   exit", "   tx-queue 5", "      priority strict", "      shape rate 10 percent", "   exit", "exit", "interface Port-Channel3", "   qos trust dscp", "   tx-queue 0", "      no priority", "      bandwidth percent 50", "   exit", "   tx-queue 1", "      no priority", "      bandwidth percent 10", "      shape rate 10 percent", "   exit", "   tx-queue 4", "      no priority", "      bandwidth percent 30", "   exit", "   tx-queue 5", "      priority strict", "      shape rate 10 percent", "   exit", "exit"],
    remove: ["interface Ethernet2", "   no qos trust", "   default tx-queue 0", "   default tx-queue 1", "   default tx-queue 4", "   default tx-queue 5", "exit", "interface Port-Channel3", "   no qos trust", "   default tx-queue 0", "   default tx-queue 1", "   default tx-queue 4", "   default tx-queue 5", "exit", "no qos map dscp 46 to traffic-class 5", "no qos map dscp 34 to traffic-class 4", "no qos map dscp 10 to traffic-class 1", "no qos map dscp 0 to traffic-class 0", "interface Vlan20", "   no service-policy type qos input CITYDC-MARK-V20", "exit", "no policy-map type quality-of-service CITYDC-MARK-V20", "no class-map type qos match-any CITYDC-MARK-V20-1", "no ip access-list CITYDC-MARK-V20-1", "no class-map type qos match-any CITYDC-MARK-V20-2", "no ip access-list CITYDC-MARK-V20-2", "interface Ethernet3", "   no service-policy type qos input CITYDC-MARK-Ethernet3", "exit", "no policy-map type quality-of-service CITYDC-MARK-Ethernet3", "no class-map type qos match-any CITYDC-MARK-Ethernet3-1", "no ip access-list CITYDC-MARK-Ethernet3-1"],
    readBack: "show running-config",
  },
  "acl:CITYDC-V10-IN": {
    apply: ["ip access-list CITYDC-V10-IN", "   10 permit ip any any", "exit", "interface Vlan10", "   ip access-group CITYDC-V10-IN in", "exit"],
    remove: ["interface Vlan10", "   no ip access-group CITYDC-V10-IN in", "exit", "no ip access-list CITYDC-V10-IN"],
    readBack: "show running-config",
  },
  "acl:CITYDC-BR-IN": {
    apply: ["ip access-list CITYDC-BR-IN", "   10 deny udp 10.0.0.0/31 any eq 53", "exit", "interface Ethernet3", "   ip access-group CITYDC-BR-IN in", "exit"],
    remove: ["interface Ethernet3", "   no ip access-group CITYDC-BR-IN in", "exit", "no ip access-list CITYDC-BR-IN"],
    readBack: "show running-config",
  },
};

/** The full configuration of the edge intent, as the device displays it. */
const FULL = [
  "! sw1: running-config rendered by citydc",
  "!",
  "hostname sw1",
  "ip routing",
  "!",
  "vrf instance city",
  "ip routing vrf city",
  "!",
  "vrf instance lab",
  "ip routing vrf lab",
  "!",
  "vlan 10",
  "   name users",
  "!",
  "vlan 20",
  "   name voice",
  "!",
  "spanning-tree mode rstp",
  "spanning-tree edge-port bpduguard default",
  "spanning-tree priority 8192",
  "!",
  "vlan 4094",
  "   name MLAG-PEER",
  "   trunk group MLAG",
  "no spanning-tree vlan-id 4094",
  "interface Vlan4094",
  "   no autostate",
  "   ip address 10.255.0.2/30",
  "mlag configuration",
  "   domain-id pair",
  "   local-interface Vlan4094",
  "   peer-address 10.255.0.1",
  "   peer-link Port-Channel1",
  "!",
  "interface Port-Channel2",
  "   mtu 9000",
  "   no switchport",
  "   ip address 10.0.0.5/31",
  "!",
  "interface Port-Channel3",
  "   switchport mode trunk",
  "   switchport trunk allowed vlan 10,20",
  "   mlag 3",
  "   spanning-tree guard loop",
  "   qos trust dscp",
  "   tx-queue 0",
  "      no priority",
  "      bandwidth percent 50",
  "   tx-queue 1",
  "      no priority",
  "      bandwidth percent 10",
  "      shape rate 10 percent",
  "   tx-queue 4",
  "      no priority",
  "      bandwidth percent 30",
  "   tx-queue 5",
  "      priority strict",
  "      shape rate 10 percent",
  "!",
  "interface Ethernet1",
  "   description to the north exit",
  "   mtu 1500",
  "   switchport mode access",
  "   no shutdown",
  "!",
  "interface Ethernet2",
  "   mtu 9000",
  "   switchport mode trunk",
  "   switchport trunk native vlan 10",
  "   switchport trunk allowed vlan none",
  "   spanning-tree portfast",
  "   no shutdown",
  "   qos trust dscp",
  "   tx-queue 0",
  "      no priority",
  "      bandwidth percent 50",
  "   tx-queue 1",
  "      no priority",
  "      bandwidth percent 10",
  "      shape rate 10 percent",
  "   tx-queue 4",
  "      no priority",
  "      bandwidth percent 30",
  "   tx-queue 5",
  "      priority strict",
  "      shape rate 10 percent",
  "!",
  "interface Ethernet3",
  "   mtu 9000",
  "   speed forced 10000full",
  "   no switchport",
  "   vrf city",
  "   ip address 10.0.0.1/31",
  "   no shutdown",
  "   service-policy type qos input CITYDC-MARK-Ethernet3",
  "   ip access-group CITYDC-BR-IN in",
  "!",
  "interface Ethernet4",
  "   no switchport",
  "   no shutdown",
  "!",
  "interface Ethernet5",
  "   mtu 9000",
  "   shutdown",
  "!",
  "interface Ethernet6",
  "   channel-group 2 mode on",
  "   no shutdown",
  "!",
  "interface Ethernet7",
  "   channel-group 3 mode passive",
  "   no shutdown",
  "!",
  "interface Ethernet8",
  "   switchport mode access",
  "   switchport access vlan 10",
  "   spanning-tree portfast",
  "   spanning-tree guard root",
  "   no shutdown",
  "!",
  "interface Ethernet9",
  "   channel-group 9 mode active",
  "   no shutdown",
  "!",
  "interface Vlan10",
  "   vrf city",
  "   ip address 10.10.0.2/24",
  "   vrrp 10 ipv4 10.10.0.1",
  "   ip access-group CITYDC-V10-IN in",
  "!",
  "interface Vlan20",
  "   ip address 10.20.0.2/24",
  "   vrrp 20 priority-level 110",
  "   vrrp 20 ipv4 10.20.0.1",
  "   service-policy type qos input CITYDC-MARK-V20",
  "!",
  "ip route 0.0.0.0/0 10.0.0.0",
  "!",
  "ip route vrf city 10.99.0.0/16 10.10.0.254",
  "!",
  "ip route vrf ghost 10.98.0.0/16 10.10.0.253",
  "!",
  "router bgp 65001",
  "   neighbor 10.0.0.0 remote-as 65000",
  "   vrf city",
  "      rd 65001:10",
  "!",
  "ip access-list CITYDC-MARK-V20-1",
  "   10 permit udp 10.20.0.0/24 any eq 5060",
  "   20 permit udp 10.20.0.0/24 any eq 5061",
  "class-map type qos match-any CITYDC-MARK-V20-1",
  "   match ip access-group CITYDC-MARK-V20-1",
  "ip access-list CITYDC-MARK-V20-2",
  "   10 permit ip 10.20.0.0/24 any",
  "class-map type qos match-any CITYDC-MARK-V20-2",
  "   match ip access-group CITYDC-MARK-V20-2",
  "policy-map type quality-of-service CITYDC-MARK-V20",
  "   class CITYDC-MARK-V20-1",
  "      set dscp 46",
  "   class CITYDC-MARK-V20-2",
  "      set dscp 34",
  "ip access-list CITYDC-MARK-Ethernet3-1",
  "   10 permit ip any any",
  "class-map type qos match-any CITYDC-MARK-Ethernet3-1",
  "   match ip access-group CITYDC-MARK-Ethernet3-1",
  "policy-map type quality-of-service CITYDC-MARK-Ethernet3",
  "   class CITYDC-MARK-Ethernet3-1",
  "      set dscp 10",
  "qos map dscp 46 to traffic-class 5",
  "qos map dscp 34 to traffic-class 4",
  "qos map dscp 10 to traffic-class 1",
  "qos map dscp 0 to traffic-class 0",
  "!",
  "ip access-list CITYDC-V10-IN",
  "   10 permit ip any any",
  "!",
  "ip access-list CITYDC-BR-IN",
  "   10 deny udp 10.0.0.0/31 any eq 53",
  "!",
  "end",
  "",
];

writtenOut(aristaEos, edge, EXPECTED, FULL);

describe("arista-eos: what the edge intent leaves out", () => {
  it("speed in the form EOS displays a forced speed: Mbit/s up to 10G but the multi-gig rates, Gbit/s above", () => {
    expect(["100M", "1G", "2.5G", "5G", "10G", "25G", "100G"].map(eosSpeed)).toEqual([
      "speed forced 100full", "speed forced 1000full", "speed forced 2.5gfull", "speed forced 5gfull", "speed forced 10000full", "speed forced 25gfull", "speed forced 100gfull",
    ]);
  });

  it("every form a release displays for one speed reads as one line; anything else is left alone", () => {
    expect(foldEos(["speed forced 10000full", "speed 10g", "speed 10gfull", "speed forced 10gfull", "speed auto 2.5gfull", "speed 1000", "speed forced 100gfull"])).toEqual([
      "speed 10000", "speed 10000", "speed 10000", "speed 10000", "speed 2500", "speed 1000", "speed 100000",
    ]);
    expect(foldEos(["speed auto", "no speed 1000", "speed 10g extra", "speed 2.g", "mtu 9000"])).toEqual(["speed auto", "no speed 1000", "speed 10g extra", "speed 2.g", "mtu 9000"]);
  });

  it("`ip routing` only on a device that routes: a gateway, in-band management, a route, BGP or a routed port", () => {
    const routing = (more: Partial<DeviceIntent>): string[] => objectOf(deviceIntent("arista-eos", more), "system").apply.slice(1);
    expect(routing({})).toEqual([]);
    expect(routing({ ports: [port("Ethernet1", { mode: "access", vlan: 10 })] })).toEqual([]);
    expect(routing({ ports: [port("Ethernet1", { mode: "access", vlan: 10 }), port("Ethernet2", { mode: "routed" })] })).toEqual(["ip routing"]);
    expect(routing({ gateways: [{ vlan: 10, address: "10.10.0.2/24" }] })).toEqual(["ip routing"]);
    expect(routing({ management: { inband: { vlan: 99, address: "10.99.0.5/24" } } })).toEqual(["ip routing"]);
    expect(routing({ routes: [{ prefix: "0.0.0.0/0", nextHop: "10.0.0.1" }] })).toEqual(["ip routing"]);
    expect(routing({ bgp: { asn: 65001, networks: [], neighbors: [] } })).toEqual(["ip routing"]);
    expect(objectOf(deviceIntent("arista-eos", { bgp: { asn: 65001, networks: [], neighbors: [] } }), "system").fields).toEqual({ hostname: "d", routing: true });
  });

  it("a VRF's route distinguisher is a field only where BGP holds it", () => {
    expect(objectOf(edge(), "vrf:city").fields).toEqual({ name: "city", rd: "65001:10" });
    expect(objectOf(edge({ bgp: undefined }), "vrf:city").fields).toEqual({ name: "city" });
  });

  it("the peer link carries the peer VLAN in its trunk group, sorted into its allowed list", () => {
    const peer = { name: "Port-Channel1", lacp: "active" as const, members: [], peerLink: true, port: port("Port-Channel1", { mode: "trunk", allowed: [20, 10] }) };
    expect(objectOf(edge({ lags: [...edge().lags, peer] }), "lag:Port-Channel1").apply).toEqual([
      "interface Port-Channel1", "   switchport mode trunk", "   switchport trunk allowed vlan 10,20,4094", "   switchport trunk group MLAG", "exit",
    ]);
    expect(objectOf(edge({ lags: [...edge().lags, peer], mlag: undefined }), "lag:Port-Channel1").apply).toEqual(["interface Port-Channel1", "   switchport mode trunk", "   switchport trunk allowed vlan 10,20", "exit"]);
  });

  it("MSTP: a priority per instance and each taken away by its words", () => {
    const stp = { ...edge().stp!, mode: "mstp" as const, region: "city", revision: 2, instances: [{ id: 1, vlans: [10, 20] }], bpduProtection: false };
    expect(objectOf(edge({ stp }), "stp")).toMatchObject({
      apply: ["spanning-tree mode mstp", "spanning-tree mst 0 priority 8192", "spanning-tree mst 1 priority 8192", "spanning-tree mst configuration", "   name city", "   revision 2", "   instance 1 vlan 10,20", "exit"],
      remove: ["no spanning-tree mst 0 priority", "no spanning-tree mst 1 priority", "no spanning-tree mst configuration", "no spanning-tree mode"],
    });
  });

  it("BGP with a router id and networks; a gateway without VRRP", () => {
    expect(objectOf(edge({ bgp: { asn: 65002, routerId: "10.255.255.1", networks: ["10.30.0.0/24"], neighbors: [{ address: "10.0.0.0", remoteAs: 65000, description: "core" }] } }), "bgp").apply).toEqual([
      "router bgp 65002", "   router-id 10.255.255.1", "   neighbor 10.0.0.0 remote-as 65000", "   neighbor 10.0.0.0 description core", "   network 10.30.0.0/24", "   vrf city", "      rd 65001:10", "   exit", "exit",
    ]);
    expect(objectOf(edge({ gateways: [{ vlan: 30, address: "10.30.0.1/24" }] }), "gateway:30").apply).toEqual(["interface Vlan30", "   ip address 10.30.0.1/24", "exit"]);
  });
});

describe("arista-eos: changes", () => {
  /** The commands of the change of `key`; a VRF's route distinguisher also changes the VRF object's fields. */
  const change = (after: DeviceIntent, key: string, others: string[] = []): string[] => {
    const cs = changeSet(aristaEos, aristaEos.objects(edge()), aristaEos.objects(after), { management: {} }).changes;
    expect(cs.map((c) => c.key).sort()).toEqual([key, ...others].sort());
    return [...cs.find((c) => c.key === key)!.commands];
  };
  const gateway20 = (edit: object): DeviceIntent => edge({ gateways: edge().gateways.map((g) => (g.vlan === 20 ? { ...g, vrrp: { ...g.vrrp!, ...edit } } : g)) });

  it("a new VRRP group id: `no vrrp OLD` in the VLAN interface first", () => {
    expect(change(gateway20({ vrid: 21 }), "gateway:20")).toEqual([
      "interface Vlan20", "   no vrrp 20", "exit", "interface Vlan20", "   ip address 10.20.0.2/24", "   vrrp 21 priority-level 110", "   vrrp 21 ipv4 10.20.0.1", "exit",
    ]);
  });
  it("back to the default VRRP priority: `no vrrp N priority-level`", () => {
    expect(change(gateway20({ priority: 100 }), "gateway:20")).toEqual(["interface Vlan20", "   ip address 10.20.0.2/24", "   vrrp 20 ipv4 10.20.0.1", "   no vrrp 20 priority-level", "exit"]);
  });
  it("BGP in place: a VRF's new route distinguisher replaces the old one (`no rd` first)", () => {
    expect(change(edge({ vrfs: [{ name: "city", rd: "65001:11" }, { name: "lab" }] }), "bgp", ["vrf:city"]).slice(0, 5)).toEqual(["router bgp 65001", "   vrf city", "      no rd", "   exit", "exit"]);
  });
  it("BGP in place: a VRF whose route distinguisher is gone loses its section", () => {
    expect(change(edge({ vrfs: [{ name: "city" }, { name: "lab" }] }), "bgp", ["vrf:city"]).slice(0, 3)).toEqual(["router bgp 65001", "   no vrf city", "exit"]);
  });
  it("BGP in place with the same VRFs: the shared patch alone (the neighbour removed, the process applied again)", () => {
    const after = edge({ bgp: { ...edge().bgp!, neighbors: [] } });
    expect(change(after, "bgp")).toEqual(["router bgp 65001", "   no neighbor 10.0.0.0", "exit", "router bgp 65001", "   vrf city", "      rd 65001:10", "   exit", "exit"]);
  });
  it("a new AS number is not patched in place: the process is replaced", () => {
    const cmds = change(edge({ bgp: { ...edge().bgp!, asn: 65009 } }), "bgp");
    expect(cmds[0]).toBe("no router bgp 65001");
    expect(cmds).not.toContain("   no vrf city");
  });
});

describe("arista-eos: read-back", () => {
  const readBack = (key: string, shown: string[]) => aristaEos.parseReadBack(objectOf(edge(), key), shown.join("\n"));
  it("a routed port that lost `no switchport` is drift", () => {
    expect(readBack("port:Ethernet4", ["interface Ethernet4"]).fields).toMatchObject({ missing: ["no switchport"] });
  });
  it("an owned line only as a whole line: `ipv6 mtu` is not citydc's, a hand-set `mtu` is", () => {
    expect(readBack("port:Ethernet4", ["interface Ethernet4", "   no switchport", "   ipv6 mtu 1400"])).toEqual({ present: true, fields: objectOf(edge(), "port:Ethernet4").fields });
    expect(readBack("port:Ethernet4", ["interface Ethernet4", "   no switchport", "   mtu 1400"]).fields).toMatchObject({ unexpected: ["mtu 1400"] });
  });
  it("a speed shown in another form reads back intact", () => {
    expect(readBack("port:Ethernet3", ["interface Ethernet3", "   mtu 9000", "   speed 10g", "   no switchport", "   vrf city", "   ip address 10.0.0.1/31"]).fields).not.toHaveProperty("missing");
  });
});
