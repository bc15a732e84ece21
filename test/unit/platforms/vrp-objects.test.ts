/**
 * Huawei CloudEngine (VRP) objects of the edge intent (edge-intent.ts) written out. The words are those of the
 * CloudEngine 8800/6800 V200R022 Command Reference and Configuration Guide named in platforms/huawei-vrp.ts:
 * `port link-type`, `port default vlan`, `undo port trunk allow-pass vlan 1` (a CE trunk passes VLAN 1 until
 * told otherwise), `port trunk pvid vlan`, `undo portswitch`, `ip binding vpn-instance`, `jumboframe enable`
 * on a layer 2 port (frame size: the IP MTU with header, tag and FCS, 1536 at least) and `mtu` on a layer 3 one,
 * `speed` only below the speed the port name implies, `eth-trunk N`, `mode manual load-balance` /
 * `mode lacp-static`, `dfs-group N m-lag M`, `stp edged-port enable`, `stp loop-protection`,
 * `stp root-protection`, `vrrp vrid N virtual-ip` and `priority`, `ip route-static vpn-instance`, `bgp` with
 * `peer ... as-number` and `peer ... enable` in `ipv4-family unicast`; QoS (Configuration Guide, "MQC"):
 * `traffic behavior` with `remark dscp`, `traffic classifier` with `if-match acl`, `traffic policy` with
 * `classifier ... behavior`, `traffic-policy NAME inbound` in the VLAN or interface view, `trust dscp`,
 * `qos pq`, `qos drr`, `qos queue N drr weight`, `qos queue N shaping percent cir`; ACLs: `acl name NAME
 * advance`, `rule N permit|deny` with wildcard masks, `traffic-filter acl NAME inbound`. Each expected line was
 * checked against them, not taken from the renderer.
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet } from "../../../platforms";
import { foldVrp, huaweiVrp } from "../../../platforms/huawei-vrp";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";
import { edgeIntent, objectIn, port, writtenOut } from "./edge-intent";

const NAMES = { port: (n: number): string => (n === 3 ? "100GE1/0/3" : `10GE1/0/${n}`), lag: (n: number): string => `Eth-Trunk${n}` };
const edge = (more: Partial<DeviceIntent> = {}): DeviceIntent => edgeIntent("huawei-vrp", NAMES, more);

const objectOf = (i: DeviceIntent, key: string): ConfigObject => objectIn(huaweiVrp, i, key);

const EXPECTED: Record<string, { apply: string[]; remove: string[]; readBack: string }> = {
  "system": {
    apply: ["sysname sw1"],
    remove: [],
    readBack: "display current-configuration | include sysname",
  },
  "vrf:city": {
    apply: ["ip vpn-instance city", " ipv4-family", "  route-distinguisher 65001:10", " quit", "quit"],
    remove: ["undo ip vpn-instance city"],
    readBack: "display current-configuration configuration vpn-instance",
  },
  "vrf:lab": {
    apply: ["ip vpn-instance lab", " ipv4-family", " quit", "quit"],
    remove: ["undo ip vpn-instance lab"],
    readBack: "display current-configuration configuration vpn-instance",
  },
  "vlan:10": {
    apply: ["vlan 10", " name users", "quit"],
    remove: ["undo vlan 10"],
    readBack: "display current-configuration | begin vlan 10",
  },
  "vlan:20": {
    apply: ["vlan 20", " name voice", "quit"],
    remove: ["undo vlan 20"],
    readBack: "display current-configuration | begin vlan 20",
  },
  "stp": {
    apply: ["stp mode rstp", "stp priority 8192", "stp bpdu-protection", "stp v-stp enable"],
    remove: ["undo stp v-stp enable", "undo stp bpdu-protection", "undo stp priority", "undo stp mode"],
    readBack: "display current-configuration | include ^stp|^ region-name|^ revision-level|^ instance",
  },
  "mlag": {
    apply: ["dfs-group 5", " source ip 10.255.0.2 peer 10.255.0.1", "quit"],
    remove: ["undo dfs-group 5"],
    readBack: "display current-configuration | begin dfs-group 5",
  },
  "lag:Eth-Trunk2": {
    apply: ["interface Eth-Trunk2", " mode manual load-balance", " undo portswitch", " ip address 10.0.0.5 255.255.255.254", " mtu 9000", "quit"],
    remove: ["undo interface Eth-Trunk2"],
    readBack: "display current-configuration interface Eth-Trunk2",
  },
  "lag:Eth-Trunk3": {
    apply: ["interface Eth-Trunk3", " mode lacp-static", " port link-type trunk", " undo port trunk allow-pass vlan 1", " port trunk allow-pass vlan 10 20", " stp loop-protection", " dfs-group 5 m-lag 3", "quit"],
    remove: ["undo interface Eth-Trunk3"],
    readBack: "display current-configuration interface Eth-Trunk3",
  },
  "port:10GE1/0/1": {
    apply: ["interface 10GE1/0/1", " description to the north exit", " port link-type access", " jumboframe enable 1536", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/1"],
    readBack: "display current-configuration interface 10GE1/0/1",
  },
  "port:10GE1/0/2": {
    apply: ["interface 10GE1/0/2", " port link-type trunk", " undo port trunk allow-pass vlan 1", " port trunk pvid vlan 10", " stp edged-port enable", " jumboframe enable 9022", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/2"],
    readBack: "display current-configuration interface 10GE1/0/2",
  },
  "port:100GE1/0/3": {
    apply: ["interface 100GE1/0/3", " undo portswitch", " ip binding vpn-instance city", " ip address 10.0.0.1 255.255.255.254", " mtu 9000", " speed 10000", " undo shutdown", "quit"],
    remove: ["clear configuration interface 100GE1/0/3"],
    readBack: "display current-configuration interface 100GE1/0/3",
  },
  "port:10GE1/0/4": {
    apply: ["interface 10GE1/0/4", " undo portswitch", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/4"],
    readBack: "display current-configuration interface 10GE1/0/4",
  },
  "port:10GE1/0/5": {
    apply: ["interface 10GE1/0/5", " shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/5"],
    readBack: "display current-configuration interface 10GE1/0/5",
  },
  "port:10GE1/0/6": {
    apply: ["interface 10GE1/0/6", " eth-trunk 2", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/6"],
    readBack: "display current-configuration interface 10GE1/0/6",
  },
  "port:10GE1/0/7": {
    apply: ["interface 10GE1/0/7", " eth-trunk 3", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/7"],
    readBack: "display current-configuration interface 10GE1/0/7",
  },
  "port:10GE1/0/8": {
    apply: ["interface 10GE1/0/8", " port link-type access", " port default vlan 10", " stp edged-port enable", " stp root-protection", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/8"],
    readBack: "display current-configuration interface 10GE1/0/8",
  },
  "port:10GE1/0/9": {
    apply: ["interface 10GE1/0/9", " eth-trunk 9", " undo shutdown", "quit"],
    remove: ["clear configuration interface 10GE1/0/9"],
    readBack: "display current-configuration interface 10GE1/0/9",
  },
  "gateway:10": {
    apply: ["interface Vlanif10", " ip binding vpn-instance city", " ip address 10.10.0.2 255.255.255.0", " vrrp vrid 10 virtual-ip 10.10.0.1", "quit"],
    remove: ["undo interface Vlanif10"],
    readBack: "display current-configuration interface Vlanif10",
  },
  "gateway:20": {
    apply: ["interface Vlanif20", " ip address 10.20.0.2 255.255.255.0", " vrrp vrid 20 virtual-ip 10.20.0.1", " vrrp vrid 20 priority 110", "quit"],
    remove: ["undo interface Vlanif20"],
    readBack: "display current-configuration interface Vlanif20",
  },
  "route:default:0.0.0.0/0:10.0.0.0": {
    apply: ["ip route-static 0.0.0.0 0.0.0.0 10.0.0.0"],
    remove: ["undo ip route-static 0.0.0.0 0.0.0.0 10.0.0.0"],
    readBack: "display current-configuration | include ip route-static",
  },
  "route:city:10.99.0.0/16:10.10.0.254": {
    apply: ["ip route-static vpn-instance city 10.99.0.0 255.255.0.0 10.10.0.254"],
    remove: ["undo ip route-static vpn-instance city 10.99.0.0 255.255.0.0 10.10.0.254"],
    readBack: "display current-configuration | include ip route-static",
  },
  "route:ghost:10.98.0.0/16:10.10.0.253": {
    apply: ["ip route-static vpn-instance ghost 10.98.0.0 255.255.0.0 10.10.0.253"],
    remove: ["undo ip route-static vpn-instance ghost 10.98.0.0 255.255.0.0 10.10.0.253"],
    readBack: "display current-configuration | include ip route-static",
  },
  "bgp": {
    apply: ["bgp 65001", " peer 10.0.0.0 as-number 65000", " ipv4-family unicast", "  peer 10.0.0.0 enable", " quit", "quit"],
    remove: ["undo bgp 65001"],
    readBack: "display current-configuration configuration bgp",
  },
  "qos": {
    apply: ["traffic behavior CITYDC-DSCP10", " remark dscp 10", "quit", "traffic behavior CITYDC-DSCP34", " remark dscp 34", "quit", "traffic behavior CITYDC-DSCP46", " remark dscp 46", "quit", "acl name CITYDC-MARK-V20-1 advance", " rule 5 permit udp source 10.20.0.0 0.0.0.255 destination-port eq 5060", " rule 10 permit udp source 10.20.0.0 0.0.0.255 destination-port eq 5061", "quit", "traffic classifier CITYDC-MARK-V20-1", " if-match acl CITYDC-MARK-V20-1", "quit", "acl name CITYDC-MARK-V20-2 advance", " rule 5 permit ip source 10.20.0.0 0.0.0.255", "quit", "traffic classifier CITYDC-MARK-V20-2", " if-match acl CITYDC-MARK-V20-2", "quit", "traffic policy CITYDC-MARK-V20", " classifier CITYDC-MARK-V20-1 behavior CITYDC-DSCP46", " classifier CITYDC-MARK-V20-2 behavior CITYDC-DSCP34", "quit", "vlan 20", " traffic-policy CITYDC-MARK-V20 inbound", "quit", "acl name CITYDC-MARK-100GE1-0-3-1 advance", " rule 5 permit ip", "quit", "traffic classifier CITYDC-MARK-100GE1-0-3-1", " if-match acl CITYDC-MARK-100GE1-0-3-1", "quit", "traffic policy CITYDC-MARK-100GE1-0-3", " classifier CITYDC-MARK-100GE1-0-3-1 behavior CITYDC-DSCP10", "quit", "interface 100GE1/0/3", " traffic-policy CITYDC-MARK-100GE1-0-3 inbound", "quit", "interface 10GE1/0/2", " trust dscp", " qos drr 0", " qos queue 0 drr weight 50", " qos drr 1", " qos queue 1 drr weight 1", " qos queue 1 shaping percent cir 10", " qos drr 4", " qos queue 4 drr weight 30", " qos pq 5", " qos queue 5 shaping percent cir 10", "quit", "interface Eth-Trunk3", " trust dscp", " qos drr 0", " qos queue 0 drr weight 50", " qos drr 1", " qos queue 1 drr weight 1", " qos queue 1 shaping percent cir 10", " qos drr 4", " qos queue 4 drr weight 30", " qos pq 5", " qos queue 5 shaping percent cir 10", "quit"],
    remove: ["interface 10GE1/0/2", " undo trust", " undo qos queue 0 drr weight", " undo qos drr 0", " undo qos queue 1 shaping", " undo qos queue 1 drr weight", " undo qos drr 1", " undo qos queue 4 drr weight", " undo qos drr 4", " undo qos queue 5 shaping", " undo qos pq 5", "quit", "interface Eth-Trunk3", " undo trust", " undo qos queue 0 drr weight", " undo qos drr 0", " undo qos queue 1 shaping", " undo qos queue 1 drr weight", " undo qos drr 1", " undo qos queue 4 drr weight", " undo qos drr 4", " undo qos queue 5 shaping", " undo qos pq 5", "quit", "vlan 20", " undo traffic-policy CITYDC-MARK-V20 inbound", "quit", "undo traffic policy CITYDC-MARK-V20", "undo traffic classifier CITYDC-MARK-V20-1", "undo acl name CITYDC-MARK-V20-1", "undo traffic classifier CITYDC-MARK-V20-2", "undo acl name CITYDC-MARK-V20-2", "interface 100GE1/0/3", " undo traffic-policy CITYDC-MARK-100GE1-0-3 inbound", "quit", "undo traffic policy CITYDC-MARK-100GE1-0-3", "undo traffic classifier CITYDC-MARK-100GE1-0-3-1", "undo acl name CITYDC-MARK-100GE1-0-3-1", "undo traffic behavior CITYDC-DSCP10", "undo traffic behavior CITYDC-DSCP34", "undo traffic behavior CITYDC-DSCP46"],
    readBack: "display current-configuration",
  },
  "acl:CITYDC-V10-IN": {
    apply: ["acl name CITYDC-V10-IN advance", " rule 5 permit ip", "quit", "vlan 10", " traffic-filter acl CITYDC-V10-IN inbound", "quit"],
    remove: ["vlan 10", " undo traffic-filter acl CITYDC-V10-IN inbound", "quit", "undo acl name CITYDC-V10-IN"],
    readBack: "display current-configuration",
  },
  "acl:CITYDC-BR-IN": {
    apply: ["acl name CITYDC-BR-IN advance", " rule 5 deny udp source 10.0.0.0 0.0.0.1 destination-port eq 53", "quit", "interface 100GE1/0/3", " traffic-filter acl CITYDC-BR-IN inbound", "quit"],
    remove: ["interface 100GE1/0/3", " undo traffic-filter acl CITYDC-BR-IN inbound", "quit", "undo acl name CITYDC-BR-IN"],
    readBack: "display current-configuration",
  },
};

/** The full configuration of the edge intent, as the device displays it. */
const FULL = [
  "!sw1 (leaf, site s) rendered by citydc",
  "#",
  "sysname sw1",
  "#",
  "vlan batch 10 20",
  "#",
  "ip vpn-instance city",
  " ipv4-family",
  "  route-distinguisher 65001:10",
  "#",
  "ip vpn-instance lab",
  " ipv4-family",
  "#",
  "vlan 10",
  " name users",
  " traffic-filter acl CITYDC-V10-IN inbound",
  "#",
  "vlan 20",
  " name voice",
  " traffic-policy CITYDC-MARK-V20 inbound",
  "#",
  "stp mode rstp",
  "stp priority 8192",
  "stp bpdu-protection",
  "stp v-stp enable",
  "#",
  "dfs-group 5",
  " source ip 10.255.0.2 peer 10.255.0.1",
  "#",
  "interface Eth-Trunk2",
  " mode manual load-balance",
  " undo portswitch",
  " ip address 10.0.0.5 255.255.255.254",
  " mtu 9000",
  "#",
  "interface Eth-Trunk3",
  " mode lacp-static",
  " port link-type trunk",
  " undo port trunk allow-pass vlan 1",
  " port trunk allow-pass vlan 10 20",
  " stp loop-protection",
  " dfs-group 5 m-lag 3",
  " trust dscp",
  " qos drr 0",
  " qos queue 0 drr weight 50",
  " qos drr 1",
  " qos queue 1 drr weight 1",
  " qos queue 1 shaping percent cir 10",
  " qos drr 4",
  " qos queue 4 drr weight 30",
  " qos pq 5",
  " qos queue 5 shaping percent cir 10",
  "#",
  "interface 10GE1/0/1",
  " description to the north exit",
  " port link-type access",
  " jumboframe enable 1536",
  " undo shutdown",
  "#",
  "interface 10GE1/0/2",
  " port link-type trunk",
  " undo port trunk allow-pass vlan 1",
  " port trunk pvid vlan 10",
  " stp edged-port enable",
  " jumboframe enable 9022",
  " undo shutdown",
  " trust dscp",
  " qos drr 0",
  " qos queue 0 drr weight 50",
  " qos drr 1",
  " qos queue 1 drr weight 1",
  " qos queue 1 shaping percent cir 10",
  " qos drr 4",
  " qos queue 4 drr weight 30",
  " qos pq 5",
  " qos queue 5 shaping percent cir 10",
  "#",
  "interface 100GE1/0/3",
  " undo portswitch",
  " ip binding vpn-instance city",
  " ip address 10.0.0.1 255.255.255.254",
  " mtu 9000",
  " speed 10000",
  " undo shutdown",
  " traffic-policy CITYDC-MARK-100GE1-0-3 inbound",
  " traffic-filter acl CITYDC-BR-IN inbound",
  "#",
  "interface 10GE1/0/4",
  " undo portswitch",
  " undo shutdown",
  "#",
  "interface 10GE1/0/5",
  " shutdown",
  "#",
  "interface 10GE1/0/6",
  " eth-trunk 2",
  " undo shutdown",
  "#",
  "interface 10GE1/0/7",
  " eth-trunk 3",
  " undo shutdown",
  "#",
  "interface 10GE1/0/8",
  " port link-type access",
  " port default vlan 10",
  " stp edged-port enable",
  " stp root-protection",
  " undo shutdown",
  "#",
  "interface 10GE1/0/9",
  " eth-trunk 9",
  " undo shutdown",
  "#",
  "interface Vlanif10",
  " ip binding vpn-instance city",
  " ip address 10.10.0.2 255.255.255.0",
  " vrrp vrid 10 virtual-ip 10.10.0.1",
  "#",
  "interface Vlanif20",
  " ip address 10.20.0.2 255.255.255.0",
  " vrrp vrid 20 virtual-ip 10.20.0.1",
  " vrrp vrid 20 priority 110",
  "#",
  "ip route-static 0.0.0.0 0.0.0.0 10.0.0.0",
  "#",
  "ip route-static vpn-instance city 10.99.0.0 255.255.0.0 10.10.0.254",
  "#",
  "ip route-static vpn-instance ghost 10.98.0.0 255.255.0.0 10.10.0.253",
  "#",
  "bgp 65001",
  " peer 10.0.0.0 as-number 65000",
  " ipv4-family unicast",
  "  peer 10.0.0.0 enable",
  "#",
  "traffic behavior CITYDC-DSCP10",
  " remark dscp 10",
  "traffic behavior CITYDC-DSCP34",
  " remark dscp 34",
  "traffic behavior CITYDC-DSCP46",
  " remark dscp 46",
  "acl name CITYDC-MARK-V20-1 advance",
  " rule 5 permit udp source 10.20.0.0 0.0.0.255 destination-port eq 5060",
  " rule 10 permit udp source 10.20.0.0 0.0.0.255 destination-port eq 5061",
  "traffic classifier CITYDC-MARK-V20-1",
  " if-match acl CITYDC-MARK-V20-1",
  "acl name CITYDC-MARK-V20-2 advance",
  " rule 5 permit ip source 10.20.0.0 0.0.0.255",
  "traffic classifier CITYDC-MARK-V20-2",
  " if-match acl CITYDC-MARK-V20-2",
  "traffic policy CITYDC-MARK-V20",
  " classifier CITYDC-MARK-V20-1 behavior CITYDC-DSCP46",
  " classifier CITYDC-MARK-V20-2 behavior CITYDC-DSCP34",
  "acl name CITYDC-MARK-100GE1-0-3-1 advance",
  " rule 5 permit ip",
  "traffic classifier CITYDC-MARK-100GE1-0-3-1",
  " if-match acl CITYDC-MARK-100GE1-0-3-1",
  "traffic policy CITYDC-MARK-100GE1-0-3",
  " classifier CITYDC-MARK-100GE1-0-3-1 behavior CITYDC-DSCP10",
  "#",
  "acl name CITYDC-V10-IN advance",
  " rule 5 permit ip",
  "#",
  "acl name CITYDC-BR-IN advance",
  " rule 5 deny udp source 10.0.0.0 0.0.0.1 destination-port eq 53",
  "#",
  "return",
  "",
];

writtenOut(huaweiVrp, edge, EXPECTED, FULL);

describe("huawei-vrp: what the edge intent leaves out", () => {
  it("`speed` only below the speed the port's name implies; a split lane and a name without one get none", () => {
    const speed = (name: string, s: string): string[] => objectOf(deviceIntent("huawei-vrp", { ports: [port(name, { mode: "routed", speed: s })] }), `port:${name}`).apply.filter((l) => l.startsWith(" speed"));
    expect(speed("GE1/0/1", "1G")).toEqual([]);
    expect(speed("10GE1/0/1", "10G")).toEqual([]);
    expect(speed("10GE1/0/1", "1G")).toEqual([" speed 1000"]);
    expect(speed("25GE1/0/1", "10G")).toEqual([" speed 10000"]);
    expect(speed("100GE1/0/4:1", "25G")).toEqual([]);
    expect(speed("MEth0/0/0", "1G")).toEqual([]);
  });

  it("a trunk that carries VLAN 1 keeps it (no `undo port trunk allow-pass vlan 1`)", () => {
    expect(objectOf(deviceIntent("huawei-vrp", { ports: [port("10GE1/0/1", { mode: "trunk", allowed: [1, 10] })] }), "port:10GE1/0/1").apply).toEqual([
      "interface 10GE1/0/1", " port link-type trunk", " port trunk allow-pass vlan 1 10", " undo shutdown", "quit",
    ]);
  });

  it("the DFS master has priority 150; the peer link is `peer-link 1`; without a DFS group no M-LAG line", () => {
    const i = edge();
    expect(objectOf(edge({ mlag: { ...i.mlag!, role: "primary" } }), "mlag").apply).toEqual(["dfs-group 5", " priority 150", " source ip 10.255.0.2 peer 10.255.0.1", "quit"]);
    const peer = { name: "Eth-Trunk1", lacp: "active" as const, members: [], peerLink: true, port: port("Eth-Trunk1", { mode: "trunk", allowed: [10, 20] }) };
    expect(objectOf(edge({ lags: [...i.lags, peer] }), "lag:Eth-Trunk1").apply).toEqual([
      "interface Eth-Trunk1", " mode lacp-static", " port link-type trunk", " undo port trunk allow-pass vlan 1", " port trunk allow-pass vlan 10 20", " peer-link 1", "quit",
    ]);
    expect(objectOf(edge({ mlag: undefined }), "lag:Eth-Trunk3").apply).not.toContain(" dfs-group 5 m-lag 3");
    expect(objectOf(edge({ mlag: undefined }), "lag:Eth-Trunk3").apply.filter((l) => l.includes("dfs-group"))).toEqual([]);
  });

  it("MSTP: the region, its revision, a priority per instance, and their removal", () => {
    const stp = { ...edge().stp!, mode: "mstp" as const, region: "city", revision: 3, instances: [{ id: 1, vlans: [10] }, { id: 2, vlans: [20] }], mlag: false };
    expect(objectOf(edge({ stp }), "stp")).toMatchObject({
      apply: [
        "stp mode mstp", "stp region-configuration", " region-name city", " revision-level 3", " instance 1 vlan 10", " instance 2 vlan 20", "quit",
        "stp instance 0 priority 8192", "stp instance 1 priority 8192", "stp instance 2 priority 8192", "stp bpdu-protection",
      ],
      remove: ["undo stp bpdu-protection", "undo stp instance 0 priority", "undo stp instance 1 priority", "undo stp instance 2 priority", "undo stp region-configuration", "undo stp mode"],
    });
    expect(objectOf(edge({ stp: { ...stp, priority: undefined, revision: 0, bpduProtection: false } }), "stp")).toMatchObject({
      apply: ["stp mode mstp", "stp region-configuration", " region-name city", " instance 1 vlan 10", " instance 2 vlan 20", "quit"],
      remove: ["undo stp region-configuration", "undo stp mode"],
    });
  });

  it("a gateway without VRRP, and BGP with a router id and a network", () => {
    expect(objectOf(edge({ gateways: [{ vlan: 30, address: "10.30.0.1/24" }] }), "gateway:30").apply).toEqual(["interface Vlanif30", " ip address 10.30.0.1 255.255.255.0", "quit"]);
    expect(objectOf(edge({ bgp: { asn: 65002, routerId: "10.255.255.1", networks: ["10.30.0.0/24"], neighbors: [] } }), "bgp").apply).toEqual([
      "bgp 65002", " router-id 10.255.255.1", " ipv4-family unicast", "  network 10.30.0.0 255.255.255.0", " quit", "quit",
    ]);
  });

  it("a switch without VLANs has no `vlan batch` in its full configuration", () => {
    const i = deviceIntent("huawei-vrp", { device: "r9" });
    expect(huaweiVrp.fullConfig(i, huaweiVrp.objects(i)).split("\n")).toEqual(["!r9 (leaf, site s) rendered by citydc", "#", "sysname r9", "#", "return", ""]);
  });
});

describe("huawei-vrp: VRRP changes on a VLANIF", () => {
  const gatewayChange = (edit: object): string[] => {
    const before = edge();
    const after = edge({ gateways: before.gateways.map((g) => (g.vlan === 20 ? { ...g, vrrp: { ...g.vrrp!, ...edit } } : g)) });
    const cs = changeSet(huaweiVrp, huaweiVrp.objects(before), huaweiVrp.objects(after), { management: {} }).changes;
    expect(cs.map((c) => c.key)).toEqual(["gateway:20"]);
    return [...cs[0]!.commands];
  };
  it("a new group id: `undo vrrp vrid OLD` in the VLANIF first", () => {
    expect(gatewayChange({ vrid: 21 })).toEqual([
      "interface Vlanif20", " undo vrrp vrid 20", "quit",
      "interface Vlanif20", " ip address 10.20.0.2 255.255.255.0", " vrrp vrid 21 virtual-ip 10.20.0.1", " vrrp vrid 21 priority 110", "quit",
    ]);
  });
  it("back to the default priority: `undo vrrp vrid N priority`", () => {
    expect(gatewayChange({ priority: 100 })).toEqual(["interface Vlanif20", " ip address 10.20.0.2 255.255.255.0", " vrrp vrid 20 virtual-ip 10.20.0.1", " undo vrrp vrid 20 priority", "quit"]);
  });
});

describe("huawei-vrp: read-back", () => {
  const readBack = (i: DeviceIntent, key: string, shown: string[]) => huaweiVrp.parseReadBack(objectOf(i, key), shown.join("\n"));

  it("only whole default lines go unseen: a description ending in `quit` and BGP's `ipv4-family unicast` are compared", () => {
    const i = deviceIntent("huawei-vrp", { ports: [port("10GE1/0/1", { mode: "routed", description: "never quit" })] });
    expect(readBack(i, "port:10GE1/0/1", ["interface 10GE1/0/1", " undo portswitch"]).fields).toMatchObject({ missing: ["description never quit"] });
    expect(readBack(edge(), "bgp", ["bgp 65001", " peer 10.0.0.0 as-number 65000", "  peer 10.0.0.0 enable"]).fields).toMatchObject({ missing: ["ipv4-family unicast"] });
  });

  it("an owned line only as a whole line: `ipv6 mtu` is not citydc's, a hand-set `mtu` is", () => {
    expect(readBack(edge(), "port:10GE1/0/4", ["interface 10GE1/0/4", " undo portswitch", " ipv6 mtu 1400"])).toEqual({ present: true, fields: objectOf(edge(), "port:10GE1/0/4").fields });
    expect(readBack(edge(), "port:10GE1/0/4", ["interface 10GE1/0/4", " undo portswitch", " mtu 1400"]).fields).toMatchObject({ unexpected: ["mtu 1400"] });
  });
});

describe("huawei-vrp: foldVrp", () => {
  it("the CIST priority with or without its instance is one line", () => {
    expect(foldVrp(["stp priority 8192"])).toEqual(["stp instance 0 priority 8192"]);
    expect(foldVrp(["stp instance 0 priority 8192"])).toEqual(["stp instance 0 priority 8192"]);
  });
  it("lists that add up become one line where the first stood, per list (an instance's number is part of it)", () => {
    expect(foldVrp(["port trunk allow-pass vlan 10 to 12", "description x", "port trunk allow-pass vlan 20", "instance 12 vlan 10", "instance 12 vlan 11", "instance 3 vlan 30", "vlan batch 10 20"])).toEqual([
      "port trunk allow-pass vlan 10 to 12 20", "description x", "instance 12 vlan 10 to 11", "instance 3 vlan 30", "vlan batch 10 20",
    ]);
  });
  it("`all` and lines that only contain the words stay as they are", () => {
    expect(foldVrp(["port trunk allow-pass vlan all", "port trunk allow-pass vlan all", "undo port trunk allow-pass vlan 1", "instance x vlan 10"])).toEqual([
      "port trunk allow-pass vlan all", "port trunk allow-pass vlan all", "undo port trunk allow-pass vlan 1", "instance x vlan 10",
    ]);
  });
});
