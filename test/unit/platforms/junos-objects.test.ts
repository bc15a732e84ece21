/**
 * Junos objects of the edge intent (edge-intent.ts) written out, in the `set` form `show configuration |
 * display set` prints. The words are those of the Junos OS references named in platforms/junos.ts (EX/QFX with
 * ELS): `unit 0 family ethernet-switching interface-mode access|trunk` with `vlan members` (by name, runs of
 * three or more as a range), `native-vlan-id`, `unit 0 family inet address`, the media `mtu` (the IP MTU with
 * the Ethernet header, and a tag on a trunk), `disable`, `ether-options 802.3ad aeN`, `aggregated-ether-options
 * lacp passive|active` with `system-id` and `admin-key`, `mc-ae` (`mc-ae-id`, `redundancy-group`, `chassis-id`,
 * `mode active-active`, `status-control`), `protocols iccp`, `multi-chassis multi-chassis-protection`,
 * `switch-options service-id`, `protocols rstp` (`bridge-priority 8k`, `bpdu-block-on-edge`, `interface ... edge`,
 * `no-root-port`, `bpdu-timeout-action block`), `routing-instances` (`instance-type vrf` with
 * `route-distinguisher` and `vrf-target`, or `virtual-router`), irb units with `vrrp-group`, `vlans ...
 * l3-interface`, `routing-options static route ... next-hop`, BGP groups with `peer-as`; firewall filters with
 * `term ... from` / `then accept|discard` bound with `filter input-list`; class of service. Each expected line
 * was checked against them, not taken from the renderer.
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet } from "../../../platforms";
import { junos, junosMembers } from "../../../platforms/junos";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";
import { edgeIntent, objectIn, port, writtenOut } from "./edge-intent";

const NAMES = { port: (n: number): string => `xe-0/0/${n}`, lag: (n: number): string => `ae${n}` };
const edge = (more: Partial<DeviceIntent> = {}): DeviceIntent => edgeIntent("junos", NAMES, more);

const objectOf = (i: DeviceIntent, key: string): ConfigObject => objectIn(junos, i, key);

const EXPECTED: Record<string, { apply: string[]; remove: string[]; readBack: string }> = {
  "system": {
    apply: ["set system host-name sw1", "set chassis aggregated-devices ethernet device-count 4"],
    remove: [],
    readBack: "show configuration | display set | match \"host-name|device-count\"",
  },
  "vrf:city": {
    apply: ["set routing-instances city instance-type vrf", "set routing-instances city route-distinguisher 65001:10", "set routing-instances city vrf-target target:65001:10"],
    remove: ["delete routing-instances city"],
    readBack: "show configuration routing-instances city | display set",
  },
  "vrf:lab": {
    apply: ["set routing-instances lab instance-type virtual-router"],
    remove: ["delete routing-instances lab"],
    readBack: "show configuration routing-instances lab | display set",
  },
  "vlan:10": {
    apply: ["set vlans users vlan-id 10"],
    remove: ["delete vlans users"],
    readBack: "show configuration vlans users | display set",
  },
  "vlan:20": {
    apply: ["set vlans voice vlan-id 20"],
    remove: ["delete vlans voice"],
    readBack: "show configuration vlans voice | display set",
  },
  "stp": {
    apply: ["set protocols rstp bridge-priority 8k", "set protocols rstp bpdu-block-on-edge", "set protocols rstp interface ae3 bpdu-timeout-action block", "set protocols rstp interface xe-0/0/1", "set protocols rstp interface xe-0/0/2 edge", "set protocols rstp interface xe-0/0/8 edge", "set protocols rstp interface xe-0/0/8 no-root-port"],
    remove: ["delete protocols rstp"],
    readBack: "show configuration protocols rstp | display set",
  },
  "mlag": {
    apply: ["set protocols iccp local-ip-addr 10.255.0.2", "set protocols iccp peer 10.255.0.1 redundancy-group-id-list 5", "set protocols iccp peer 10.255.0.1 liveness-detection minimum-interval 1000", "set multi-chassis multi-chassis-protection 10.255.0.1 interface ae1", "set switch-options service-id 5"],
    remove: ["delete protocols iccp", "delete multi-chassis", "delete switch-options service-id"],
    readBack: "show configuration | display set | match \"protocols iccp|multi-chassis|switch-options service-id\"",
  },
  "lag:ae2": {
    apply: ["set interfaces ae2 unit 0 family inet address 10.0.0.5/31", "set interfaces ae2 mtu 9014"],
    remove: ["delete interfaces ae2"],
    readBack: "show configuration interfaces ae2 | display set",
  },
  "lag:ae3": {
    apply: ["set interfaces ae3 aggregated-ether-options lacp passive", "set interfaces ae3 aggregated-ether-options lacp system-id 02:00:05:00:00:03", "set interfaces ae3 aggregated-ether-options lacp admin-key 3", "set interfaces ae3 aggregated-ether-options mc-ae mc-ae-id 3", "set interfaces ae3 aggregated-ether-options mc-ae redundancy-group 5", "set interfaces ae3 aggregated-ether-options mc-ae chassis-id 1", "set interfaces ae3 aggregated-ether-options mc-ae mode active-active", "set interfaces ae3 aggregated-ether-options mc-ae status-control standby", "set interfaces ae3 unit 0 family ethernet-switching interface-mode trunk", "set interfaces ae3 unit 0 family ethernet-switching vlan members [ users voice ]"],
    remove: ["delete interfaces ae3"],
    readBack: "show configuration interfaces ae3 | display set",
  },
  "port:xe-0/0/1": {
    apply: ["set interfaces xe-0/0/1 description \"to the north exit\"", "set interfaces xe-0/0/1 unit 0 family ethernet-switching interface-mode access", "set interfaces xe-0/0/1 mtu 1514"],
    remove: ["delete interfaces xe-0/0/1"],
    readBack: "show configuration interfaces xe-0/0/1 | display set",
  },
  "port:xe-0/0/2": {
    apply: ["set interfaces xe-0/0/2 unit 0 family ethernet-switching interface-mode trunk", "set interfaces xe-0/0/2 native-vlan-id 10", "set interfaces xe-0/0/2 mtu 9018"],
    remove: ["delete interfaces xe-0/0/2"],
    readBack: "show configuration interfaces xe-0/0/2 | display set",
  },
  "port:xe-0/0/3": {
    apply: ["set interfaces xe-0/0/3 unit 0 family inet address 10.0.0.1/31", "set routing-instances city interface xe-0/0/3.0", "set interfaces xe-0/0/3 mtu 9014"],
    remove: ["delete routing-instances city interface xe-0/0/3.0", "delete interfaces xe-0/0/3"],
    readBack: "show configuration interfaces xe-0/0/3 | display set",
  },
  "port:xe-0/0/4": {
    apply: [],
    remove: ["delete interfaces xe-0/0/4"],
    readBack: "show configuration interfaces xe-0/0/4 | display set",
  },
  "port:xe-0/0/5": {
    apply: ["set interfaces xe-0/0/5 mtu 9014", "set interfaces xe-0/0/5 disable"],
    remove: ["delete interfaces xe-0/0/5"],
    readBack: "show configuration interfaces xe-0/0/5 | display set",
  },
  "port:xe-0/0/6": {
    apply: ["set interfaces xe-0/0/6 ether-options 802.3ad ae2"],
    remove: ["delete interfaces xe-0/0/6"],
    readBack: "show configuration interfaces xe-0/0/6 | display set",
  },
  "port:xe-0/0/7": {
    apply: ["set interfaces xe-0/0/7 ether-options 802.3ad ae3"],
    remove: ["delete interfaces xe-0/0/7"],
    readBack: "show configuration interfaces xe-0/0/7 | display set",
  },
  "port:xe-0/0/8": {
    apply: ["set interfaces xe-0/0/8 unit 0 family ethernet-switching interface-mode access", "set interfaces xe-0/0/8 unit 0 family ethernet-switching vlan members users"],
    remove: ["delete interfaces xe-0/0/8"],
    readBack: "show configuration interfaces xe-0/0/8 | display set",
  },
  "port:xe-0/0/9": {
    apply: ["set interfaces xe-0/0/9 ether-options 802.3ad ae9"],
    remove: ["delete interfaces xe-0/0/9"],
    readBack: "show configuration interfaces xe-0/0/9 | display set",
  },
  "gateway:10": {
    apply: ["set interfaces irb unit 10 family inet address 10.10.0.2/24 vrrp-group 10 virtual-address 10.10.0.1", "set interfaces irb unit 10 family inet address 10.10.0.2/24 vrrp-group 10 priority 100", "set vlans users l3-interface irb.10", "set routing-instances city interface irb.10"],
    remove: ["delete routing-instances city interface irb.10", "delete vlans users l3-interface", "delete interfaces irb unit 10"],
    readBack: "show configuration | display set | match \"interfaces irb unit 10 |irb.10$\"",
  },
  "gateway:20": {
    apply: ["set interfaces irb unit 20 family inet address 10.20.0.2/24 vrrp-group 20 virtual-address 10.20.0.1", "set interfaces irb unit 20 family inet address 10.20.0.2/24 vrrp-group 20 priority 110", "set vlans voice l3-interface irb.20"],
    remove: ["delete vlans voice l3-interface", "delete interfaces irb unit 20"],
    readBack: "show configuration | display set | match \"interfaces irb unit 20 |irb.20$\"",
  },
  "route:default:0.0.0.0/0:10.0.0.0": {
    apply: ["set routing-options static route 0.0.0.0/0 next-hop 10.0.0.0"],
    remove: ["delete routing-options static route 0.0.0.0/0"],
    readBack: "show configuration routing-options static | display set",
  },
  "route:city:10.99.0.0/16:10.10.0.254": {
    apply: ["set routing-instances city routing-options static route 10.99.0.0/16 next-hop 10.10.0.254"],
    remove: ["delete routing-instances city routing-options static route 10.99.0.0/16"],
    readBack: "show configuration routing-instances city routing-options static | display set",
  },
  "route:ghost:10.98.0.0/16:10.10.0.253": {
    apply: ["set routing-instances ghost routing-options static route 10.98.0.0/16 next-hop 10.10.0.253"],
    remove: ["delete routing-instances ghost routing-options static route 10.98.0.0/16"],
    readBack: "show configuration routing-instances ghost routing-options static | display set",
  },
  "bgp": {
    apply: ["set routing-options autonomous-system 65001", "set protocols bgp group citydc-external type external", "set protocols bgp group citydc-external neighbor 10.0.0.0 peer-as 65000"],
    remove: ["delete protocols bgp", "delete policy-options policy-statement citydc-networks", "delete routing-options autonomous-system", "delete routing-options router-id"],
    readBack: "show configuration | display set | match \"autonomous-system|router-id|protocols bgp|citydc-networks\"",
  },
  "qos": {
    apply: ["set class-of-service forwarding-classes class voice queue-num 5", "set class-of-service forwarding-classes class video queue-num 4", "set class-of-service forwarding-classes class bulk queue-num 1", "set class-of-service forwarding-classes class default queue-num 0", "set class-of-service classifiers dscp CITYDC forwarding-class voice loss-priority low code-points 101110", "set class-of-service classifiers dscp CITYDC forwarding-class video loss-priority low code-points 100010", "set class-of-service classifiers dscp CITYDC forwarding-class bulk loss-priority low code-points 001010", "set class-of-service classifiers dscp CITYDC forwarding-class default loss-priority low code-points 000000", "set class-of-service schedulers CITYDC-voice transmit-rate percent 10", "set class-of-service schedulers CITYDC-voice priority strict-high", "set class-of-service scheduler-maps CITYDC forwarding-class voice scheduler CITYDC-voice", "set class-of-service schedulers CITYDC-video transmit-rate percent 30", "set class-of-service scheduler-maps CITYDC forwarding-class video scheduler CITYDC-video", "set class-of-service schedulers CITYDC-bulk transmit-rate percent 10 exact", "set class-of-service scheduler-maps CITYDC forwarding-class bulk scheduler CITYDC-bulk", "set class-of-service schedulers CITYDC-default transmit-rate remainder", "set class-of-service scheduler-maps CITYDC forwarding-class default scheduler CITYDC-default", "set class-of-service interfaces xe-0/0/2 scheduler-map CITYDC", "set class-of-service interfaces xe-0/0/2 unit 0 classifiers dscp CITYDC", "set class-of-service interfaces ae3 scheduler-map CITYDC", "set class-of-service interfaces ae3 unit 0 classifiers dscp CITYDC", "set firewall family inet filter CITYDC-MARK-V20 term m1 from source-address 10.20.0.0/24", "set firewall family inet filter CITYDC-MARK-V20 term m1 from protocol udp", "set firewall family inet filter CITYDC-MARK-V20 term m1 from destination-port 5060", "set firewall family inet filter CITYDC-MARK-V20 term m1 from destination-port 5061", "set firewall family inet filter CITYDC-MARK-V20 term m1 then dscp 101110", "set firewall family inet filter CITYDC-MARK-V20 term m1 then forwarding-class voice", "set firewall family inet filter CITYDC-MARK-V20 term m1 then next term", "set firewall family inet filter CITYDC-MARK-V20 term m2 from source-address 10.20.0.0/24", "set firewall family inet filter CITYDC-MARK-V20 term m2 then dscp 100010", "set firewall family inet filter CITYDC-MARK-V20 term m2 then forwarding-class video", "set firewall family inet filter CITYDC-MARK-V20 term m2 then next term", "set firewall family inet filter CITYDC-MARK-V20 term rest then next term", "set interfaces irb unit 20 family inet filter input-list CITYDC-MARK-V20", "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then dscp 001010", "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then forwarding-class nosuch", "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then next term", "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term rest then next term", "set interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-MARK-xe-0-0-3"],
    remove: ["delete interfaces irb unit 20 family inet filter input-list CITYDC-MARK-V20", "delete firewall family inet filter CITYDC-MARK-V20", "delete interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-MARK-xe-0-0-3", "delete firewall family inet filter CITYDC-MARK-xe-0-0-3", "delete class-of-service"],
    readBack: "show configuration | display set",
  },
  "acl:CITYDC-V10-IN": {
    apply: ["set firewall family inet filter CITYDC-V10-IN term t10 then accept", "set interfaces irb unit 10 family inet filter input-list CITYDC-V10-IN"],
    remove: ["delete interfaces irb unit 10 family inet filter input-list CITYDC-V10-IN", "delete firewall family inet filter CITYDC-V10-IN"],
    readBack: "show configuration | display set",
  },
  "acl:CITYDC-BR-IN": {
    apply: ["set firewall family inet filter CITYDC-BR-IN term t10 from source-address 10.0.0.0/31", "set firewall family inet filter CITYDC-BR-IN term t10 from protocol udp", "set firewall family inet filter CITYDC-BR-IN term t10 from destination-port 53", "set firewall family inet filter CITYDC-BR-IN term t10 then discard", "set interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-BR-IN"],
    remove: ["delete interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-BR-IN", "delete firewall family inet filter CITYDC-BR-IN"],
    readBack: "show configuration | display set",
  },
};

/** The full configuration of the edge intent, as the device displays it. */
const FULL = [
  "## sw1: configuration rendered by citydc (display set)",
  "set system host-name sw1",
  "set chassis aggregated-devices ethernet device-count 4",
  "set routing-instances city instance-type vrf",
  "set routing-instances city route-distinguisher 65001:10",
  "set routing-instances city vrf-target target:65001:10",
  "set routing-instances lab instance-type virtual-router",
  "set vlans users vlan-id 10",
  "set vlans voice vlan-id 20",
  "set protocols rstp bridge-priority 8k",
  "set protocols rstp bpdu-block-on-edge",
  "set protocols rstp interface ae3 bpdu-timeout-action block",
  "set protocols rstp interface xe-0/0/1",
  "set protocols rstp interface xe-0/0/2 edge",
  "set protocols rstp interface xe-0/0/8 edge",
  "set protocols rstp interface xe-0/0/8 no-root-port",
  "set protocols iccp local-ip-addr 10.255.0.2",
  "set protocols iccp peer 10.255.0.1 redundancy-group-id-list 5",
  "set protocols iccp peer 10.255.0.1 liveness-detection minimum-interval 1000",
  "set multi-chassis multi-chassis-protection 10.255.0.1 interface ae1",
  "set switch-options service-id 5",
  "set interfaces ae2 unit 0 family inet address 10.0.0.5/31",
  "set interfaces ae2 mtu 9014",
  "set interfaces ae3 aggregated-ether-options lacp passive",
  "set interfaces ae3 aggregated-ether-options lacp system-id 02:00:05:00:00:03",
  "set interfaces ae3 aggregated-ether-options lacp admin-key 3",
  "set interfaces ae3 aggregated-ether-options mc-ae mc-ae-id 3",
  "set interfaces ae3 aggregated-ether-options mc-ae redundancy-group 5",
  "set interfaces ae3 aggregated-ether-options mc-ae chassis-id 1",
  "set interfaces ae3 aggregated-ether-options mc-ae mode active-active",
  "set interfaces ae3 aggregated-ether-options mc-ae status-control standby",
  "set interfaces ae3 unit 0 family ethernet-switching interface-mode trunk",
  "set interfaces ae3 unit 0 family ethernet-switching vlan members [ users voice ]",
  "set interfaces xe-0/0/1 description \"to the north exit\"",
  "set interfaces xe-0/0/1 unit 0 family ethernet-switching interface-mode access",
  "set interfaces xe-0/0/1 mtu 1514",
  "set interfaces xe-0/0/2 unit 0 family ethernet-switching interface-mode trunk",
  "set interfaces xe-0/0/2 native-vlan-id 10",
  "set interfaces xe-0/0/2 mtu 9018",
  "set interfaces xe-0/0/3 unit 0 family inet address 10.0.0.1/31",
  "set routing-instances city interface xe-0/0/3.0",
  "set interfaces xe-0/0/3 mtu 9014",
  "set interfaces xe-0/0/5 mtu 9014",
  "set interfaces xe-0/0/5 disable",
  "set interfaces xe-0/0/6 ether-options 802.3ad ae2",
  "set interfaces xe-0/0/7 ether-options 802.3ad ae3",
  "set interfaces xe-0/0/8 unit 0 family ethernet-switching interface-mode access",
  "set interfaces xe-0/0/8 unit 0 family ethernet-switching vlan members users",
  "set interfaces xe-0/0/9 ether-options 802.3ad ae9",
  "set interfaces irb unit 10 family inet address 10.10.0.2/24 vrrp-group 10 virtual-address 10.10.0.1",
  "set interfaces irb unit 10 family inet address 10.10.0.2/24 vrrp-group 10 priority 100",
  "set vlans users l3-interface irb.10",
  "set routing-instances city interface irb.10",
  "set interfaces irb unit 20 family inet address 10.20.0.2/24 vrrp-group 20 virtual-address 10.20.0.1",
  "set interfaces irb unit 20 family inet address 10.20.0.2/24 vrrp-group 20 priority 110",
  "set vlans voice l3-interface irb.20",
  "set routing-options static route 0.0.0.0/0 next-hop 10.0.0.0",
  "set routing-instances city routing-options static route 10.99.0.0/16 next-hop 10.10.0.254",
  "set routing-instances ghost routing-options static route 10.98.0.0/16 next-hop 10.10.0.253",
  "set routing-options autonomous-system 65001",
  "set protocols bgp group citydc-external type external",
  "set protocols bgp group citydc-external neighbor 10.0.0.0 peer-as 65000",
  "set class-of-service forwarding-classes class voice queue-num 5",
  "set class-of-service forwarding-classes class video queue-num 4",
  "set class-of-service forwarding-classes class bulk queue-num 1",
  "set class-of-service forwarding-classes class default queue-num 0",
  "set class-of-service classifiers dscp CITYDC forwarding-class voice loss-priority low code-points 101110",
  "set class-of-service classifiers dscp CITYDC forwarding-class video loss-priority low code-points 100010",
  "set class-of-service classifiers dscp CITYDC forwarding-class bulk loss-priority low code-points 001010",
  "set class-of-service classifiers dscp CITYDC forwarding-class default loss-priority low code-points 000000",
  "set class-of-service schedulers CITYDC-voice transmit-rate percent 10",
  "set class-of-service schedulers CITYDC-voice priority strict-high",
  "set class-of-service scheduler-maps CITYDC forwarding-class voice scheduler CITYDC-voice",
  "set class-of-service schedulers CITYDC-video transmit-rate percent 30",
  "set class-of-service scheduler-maps CITYDC forwarding-class video scheduler CITYDC-video",
  "set class-of-service schedulers CITYDC-bulk transmit-rate percent 10 exact",
  "set class-of-service scheduler-maps CITYDC forwarding-class bulk scheduler CITYDC-bulk",
  "set class-of-service schedulers CITYDC-default transmit-rate remainder",
  "set class-of-service scheduler-maps CITYDC forwarding-class default scheduler CITYDC-default",
  "set class-of-service interfaces xe-0/0/2 scheduler-map CITYDC",
  "set class-of-service interfaces xe-0/0/2 unit 0 classifiers dscp CITYDC",
  "set class-of-service interfaces ae3 scheduler-map CITYDC",
  "set class-of-service interfaces ae3 unit 0 classifiers dscp CITYDC",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 from source-address 10.20.0.0/24",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 from protocol udp",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 from destination-port 5060",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 from destination-port 5061",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 then dscp 101110",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 then forwarding-class voice",
  "set firewall family inet filter CITYDC-MARK-V20 term m1 then next term",
  "set firewall family inet filter CITYDC-MARK-V20 term m2 from source-address 10.20.0.0/24",
  "set firewall family inet filter CITYDC-MARK-V20 term m2 then dscp 100010",
  "set firewall family inet filter CITYDC-MARK-V20 term m2 then forwarding-class video",
  "set firewall family inet filter CITYDC-MARK-V20 term m2 then next term",
  "set firewall family inet filter CITYDC-MARK-V20 term rest then next term",
  "set interfaces irb unit 20 family inet filter input-list CITYDC-MARK-V20",
  "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then dscp 001010",
  "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then forwarding-class nosuch",
  "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term m1 then next term",
  "set firewall family inet filter CITYDC-MARK-xe-0-0-3 term rest then next term",
  "set interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-MARK-xe-0-0-3",
  "set firewall family inet filter CITYDC-V10-IN term t10 then accept",
  "set interfaces irb unit 10 family inet filter input-list CITYDC-V10-IN",
  "set firewall family inet filter CITYDC-BR-IN term t10 from source-address 10.0.0.0/31",
  "set firewall family inet filter CITYDC-BR-IN term t10 from protocol udp",
  "set firewall family inet filter CITYDC-BR-IN term t10 from destination-port 53",
  "set firewall family inet filter CITYDC-BR-IN term t10 then discard",
  "set interfaces xe-0/0/3 unit 0 family inet filter input-list CITYDC-BR-IN",
  "",
];

writtenOut(junos, edge, EXPECTED, FULL);

describe("junos: what the edge intent leaves out", () => {
  it("`vlan members`: one VLAN bare, by name; runs of three or more as a numeric range; an unnamed id as its number", () => {
    const i = deviceIntent("junos", { vlans: [10, 11, 12, 20, 21].map((id) => ({ id, name: `v ${id}` })) });
    expect(junosMembers([10], i)).toBe("v-10");
    expect(junosMembers([10, 11, 12, 20, 21, 30], i)).toBe("[ 10-12 v-20 v-21 30 ]");
    expect(junosMembers([30], i)).toBe("30");
  });

  it("`speed` only where the name does not fix it: any rate on mge-, a ge- port below 1G", () => {
    const speed = (name: string, s: string): string[] => objectOf(deviceIntent("junos", { ports: [port(name, { mode: "access", vlan: 10, speed: s })] }), `port:${name}`).apply.filter((l) => l.includes(" speed "));
    expect(speed("mge-0/0/1", "2.5G")).toEqual(["set interfaces mge-0/0/1 speed 2.5g"]);
    expect(speed("ge-0/0/1", "100M")).toEqual(["set interfaces ge-0/0/1 speed 100m"]);
    expect(speed("ge-0/0/1", "1G")).toEqual([]);
    expect(speed("xe-0/0/1", "10G")).toEqual([]);
    expect(speed("xge-0/0/1", "1G")).toEqual([]);
  });

  it("a trunk's VLANs and an access port's VLAN by name; a described LAG keeps its description first", () => {
    const i = edge({ ports: [port("xe-0/0/2", { mode: "trunk", allowed: [10, 20], native: 10 })] });
    expect(objectOf(i, "port:xe-0/0/2").apply).toEqual([
      "set interfaces xe-0/0/2 unit 0 family ethernet-switching interface-mode trunk",
      "set interfaces xe-0/0/2 unit 0 family ethernet-switching vlan members [ users voice ]",
      "set interfaces xe-0/0/2 native-vlan-id 10",
    ]);
    const lag = { ...edge().lags[1]!, port: { ...edge().lags[1]!.port, description: "to the pair" } };
    expect(objectOf(edge({ lags: [edge().lags[0]!, lag] }), "lag:ae3").apply.slice(0, 2)).toEqual([
      "set interfaces ae3 description \"to the pair\"",
      "set interfaces ae3 aggregated-ether-options lacp passive",
    ]);
  });

  it("MSTP: region, revision, instances by VLAN run, a priority per instance; priority 0 written as 0", () => {
    const stp = { ...edge().stp!, mode: "mstp" as const, priority: 0, region: "city", revision: 4, instances: [{ id: 1, vlans: [10, 11, 12, 20] }], bpduProtection: false };
    expect(objectOf(edge({ stp, ports: [], lags: [] }), "stp")).toMatchObject({
      apply: [
        "set protocols mstp configuration-name city", "set protocols mstp revision-level 4", "set protocols mstp bridge-priority 0",
        "set protocols mstp msti 1 vlan 10-12", "set protocols mstp msti 1 vlan 20", "set protocols mstp msti 1 bridge-priority 0",
      ],
      remove: ["delete protocols mstp"],
      readBack: "show configuration protocols mstp | display set",
    });
    expect(objectOf(edge({ stp: { ...stp, revision: 0, priority: undefined }, ports: [], lags: [] }), "stp").apply).toEqual([
      "set protocols mstp configuration-name city", "set protocols mstp msti 1 vlan 10-12", "set protocols mstp msti 1 vlan 20",
    ]);
  });

  it("BGP: internal neighbours in their own group, networks exported by a policy, a router id, a description", () => {
    const bgp = { asn: 65001, routerId: "10.255.255.1", networks: ["10.30.0.0/24"], neighbors: [{ address: "10.0.0.0", remoteAs: 65000, description: "core a" }, { address: "10.0.0.2", remoteAs: 65001, description: "" }] };
    expect(objectOf(edge({ bgp }), "bgp").apply).toEqual([
      "set routing-options autonomous-system 65001",
      "set routing-options router-id 10.255.255.1",
      "set policy-options policy-statement citydc-networks term networks from route-filter 10.30.0.0/24 exact",
      "set policy-options policy-statement citydc-networks term networks then accept",
      "set protocols bgp group citydc-external type external",
      "set protocols bgp group citydc-external export citydc-networks",
      "set protocols bgp group citydc-external neighbor 10.0.0.0 description \"core a\"",
      "set protocols bgp group citydc-external neighbor 10.0.0.0 peer-as 65000",
      "set protocols bgp group citydc-internal type internal",
      "set protocols bgp group citydc-internal export citydc-networks",
      "set protocols bgp group citydc-internal neighbor 10.0.0.2 peer-as 65001",
    ]);
  });

  it("no LAG, no aggregated devices", () => {
    expect(objectOf(deviceIntent("junos", { device: "r9" }), "system").apply).toEqual(["set system host-name r9"]);
  });
});
