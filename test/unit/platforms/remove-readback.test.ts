/**
 * What takes each object away, and the command that reads it back, per vendor, for one spine of the small
 * fabric (fabric.ts): the lines an update sends when an object leaves the inventory, and what drift and the
 * read-back run on the device. Written out and reviewed against the vendors' references (the golden files pin
 * only what is applied):
 *  - cisco-nxos (Nexus 9000 configuration guides and command references): `no vrf context`, `no vlan`,
 *    `no spanning-tree mst RANGE priority`, `no spanning-tree mst configuration`, `no spanning-tree mode`,
 *    `no vpc domain`, `no interface port-channelN`, `default interface` (a port back to its defaults),
 *    `no interface loopbackN` / `VlanN`, `no ip route`, `no router bgp`, `no ip access-group ... in` inside the
 *    interface and `no ip access-list`; `show running-config vrf|vlan|vpc|spanning-tree|interface|bgp|aclmgr`;
 *  - arista-eos (EOS User Manual): `no ip routing vrf` then `no vrf instance`, `no mlag configuration` with
 *    the peer VLAN's interface and VLAN, spanning tree given back to that VLAN (`spanning-tree vlan-id`),
 *    `default interface`, `show running-config section ...` and `show running-config interfaces ...`;
 *  - huawei-vrp (CloudEngine 8800/6800 Command Reference): `undo ip vpn-instance`, `undo vlan`, `undo stp
 *    v-stp enable`, `undo stp priority`, `undo stp mode`, `undo dfs-group`, `undo interface Eth-Trunk`,
 *    `clear configuration interface`, `undo interface LoopBack0` / `Vlanif`, `undo ip route-static ADDR MASK
 *    NEXTHOP`, `undo bgp`, `undo traffic-filter ... inbound` in the VLAN or interface view and `undo acl name`;
 *    `display current-configuration` with `interface`, `configuration`, `| include` and `| begin`;
 *  - junos (Junos OS CLI User Guide): `delete` of each statement tree (the loopback's address only, the
 *    gateway's irb unit and the VLAN's l3-interface, the BGP group with its export policy, AS and router id,
 *    the firewall filter and its input-list), read back with `show configuration ... | display set`.
 * The QoS objects' removal (long, one undo per queue and port) is in the vendor tests of QoS.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import type { DeviceIntent } from "../../../intent/types";
import { PLATFORMS } from "../../../platforms";
import type { PlatformName } from "../../../model/types";
import { fabric } from "./fabric";

/** key -> [remove lines, read-back command] */
const EXPECTED: Record<string, Record<string, [string[], string]>> = {
  "cisco-nxos": {
    "system": [[], "show running-config | include \"^hostname|^feature\""],
    "vrf:city": [["no vrf context city"], "show running-config vrf city"],
    "vlan:120": [["no vlan 120"], "show running-config vlan 120"],
    "vlan:130": [["no vlan 130"], "show running-config vlan 130"],
    "stp": [["no spanning-tree mst 0-1 priority","no spanning-tree mst configuration","no spanning-tree mode"], "show running-config spanning-tree | include \"^spanning-tree|^  name|^  revision|^  instance\""],
    "mlag": [["no vpc domain 10"], "show running-config vpc"],
    "lag:port-channel1": [["no interface port-channel1"], "show running-config interface port-channel1"],
    "lag:port-channel11": [["no interface port-channel11"], "show running-config interface port-channel11"],
    "port:Ethernet1/47": [["default interface Ethernet1/47"], "show running-config interface Ethernet1/47"],
    "port:Ethernet1/49": [["default interface Ethernet1/49"], "show running-config interface Ethernet1/49"],
    "port:Ethernet1/53": [["default interface Ethernet1/53"], "show running-config interface Ethernet1/53"],
    "port:Ethernet1/54": [["default interface Ethernet1/54"], "show running-config interface Ethernet1/54"],
    "port:loopback0": [["no interface loopback0"], "show running-config interface loopback0"],
    "gateway:120": [["no interface Vlan120"], "show running-config interface Vlan120"],
    "gateway:130": [["no interface Vlan130"], "show running-config interface Vlan130"],
    "route:default:10.101.0.0/24:10.254.1.1": [["no ip route 10.101.0.0/24 10.254.1.1"], "show running-config | include \"^ip route\""],
    "bgp": [["no router bgp 65001"], "show running-config bgp"],
    "acl:CITYDC-V120-IN": [["interface Vlan120","  no ip access-group CITYDC-V120-IN in","exit","no ip access-list CITYDC-V120-IN"], "show running-config aclmgr"],
    "acl:CITYDC-V130-IN": [["interface Vlan130","  no ip access-group CITYDC-V130-IN in","exit","no ip access-list CITYDC-V130-IN"], "show running-config aclmgr"],
    "acl:CITYDC-BR1-IN": [["interface Ethernet1/47","  no ip access-group CITYDC-BR1-IN in","exit","no ip access-list CITYDC-BR1-IN"], "show running-config aclmgr"],
  },
  "arista-eos": {
    "system": [[], "show running-config | include ^hostname|^ip routing"],
    "vrf:city": [["no ip routing vrf city","no vrf instance city"], "show running-config section vrf city"],
    "vlan:120": [["no vlan 120"], "show running-config section ^vlan 120$"],
    "vlan:130": [["no vlan 130"], "show running-config section ^vlan 130$"],
    "stp": [["no spanning-tree mst 0 priority","no spanning-tree mst 1 priority","no spanning-tree mst configuration","no spanning-tree mode"], "show running-config section ^spanning-tree"],
    "mlag": [["no mlag configuration","no interface Vlan4094","spanning-tree vlan-id 4094","no vlan 4094"], "show running-config section mlag configuration|Vlan4094|^vlan 4094$|vlan-id 4094"],
    "lag:Port-Channel1": [["no interface Port-Channel1"], "show running-config interfaces Port-Channel1"],
    "lag:Port-Channel11": [["no interface Port-Channel11"], "show running-config interfaces Port-Channel11"],
    "port:Ethernet47": [["default interface Ethernet47"], "show running-config interfaces Ethernet47"],
    "port:Ethernet49": [["default interface Ethernet49"], "show running-config interfaces Ethernet49"],
    "port:Ethernet53": [["default interface Ethernet53"], "show running-config interfaces Ethernet53"],
    "port:Ethernet54": [["default interface Ethernet54"], "show running-config interfaces Ethernet54"],
    "port:Loopback0": [["no interface Loopback0"], "show running-config interfaces Loopback0"],
    "gateway:120": [["no interface Vlan120"], "show running-config interfaces Vlan120"],
    "gateway:130": [["no interface Vlan130"], "show running-config interfaces Vlan130"],
    "route:default:10.101.0.0/24:10.254.1.1": [["no ip route 10.101.0.0/24 10.254.1.1"], "show running-config | include ^ip route"],
    "bgp": [["no router bgp 65001"], "show running-config section router bgp"],
    "acl:CITYDC-V120-IN": [["interface Vlan120","   no ip access-group CITYDC-V120-IN in","exit","no ip access-list CITYDC-V120-IN"], "show running-config"],
    "acl:CITYDC-V130-IN": [["interface Vlan130","   no ip access-group CITYDC-V130-IN in","exit","no ip access-list CITYDC-V130-IN"], "show running-config"],
    "acl:CITYDC-BR1-IN": [["interface Ethernet47","   no ip access-group CITYDC-BR1-IN in","exit","no ip access-list CITYDC-BR1-IN"], "show running-config"],
  },
  "huawei-vrp": {
    "system": [[], "display current-configuration | include sysname"],
    "vrf:city": [["undo ip vpn-instance city"], "display current-configuration configuration vpn-instance"],
    "vlan:120": [["undo vlan 120"], "display current-configuration | begin vlan 120"],
    "vlan:130": [["undo vlan 130"], "display current-configuration | begin vlan 130"],
    "stp": [["undo stp v-stp enable","undo stp priority","undo stp mode"], "display current-configuration | include ^stp|^ region-name|^ revision-level|^ instance"],
    "mlag": [["undo dfs-group 10"], "display current-configuration | begin dfs-group 10"],
    "lag:Eth-Trunk1": [["undo interface Eth-Trunk1"], "display current-configuration interface Eth-Trunk1"],
    "lag:Eth-Trunk11": [["undo interface Eth-Trunk11"], "display current-configuration interface Eth-Trunk11"],
    "port:10GE1/0/47": [["clear configuration interface 10GE1/0/47"], "display current-configuration interface 10GE1/0/47"],
    "port:100GE1/0/1": [["clear configuration interface 100GE1/0/1"], "display current-configuration interface 100GE1/0/1"],
    "port:100GE1/0/63": [["clear configuration interface 100GE1/0/63"], "display current-configuration interface 100GE1/0/63"],
    "port:100GE1/0/64": [["clear configuration interface 100GE1/0/64"], "display current-configuration interface 100GE1/0/64"],
    "port:LoopBack0": [["undo interface LoopBack0"], "display current-configuration interface LoopBack0"],
    "gateway:120": [["undo interface Vlanif120"], "display current-configuration interface Vlanif120"],
    "gateway:130": [["undo interface Vlanif130"], "display current-configuration interface Vlanif130"],
    "route:default:10.101.0.0/24:10.254.1.1": [["undo ip route-static 10.101.0.0 255.255.255.0 10.254.1.1"], "display current-configuration | include ip route-static"],
    "bgp": [["undo bgp 65001"], "display current-configuration configuration bgp"],
    "acl:CITYDC-V120-IN": [["vlan 120"," undo traffic-filter acl CITYDC-V120-IN inbound","quit","undo acl name CITYDC-V120-IN"], "display current-configuration"],
    "acl:CITYDC-V130-IN": [["vlan 130"," undo traffic-filter acl CITYDC-V130-IN inbound","quit","undo acl name CITYDC-V130-IN"], "display current-configuration"],
    "acl:CITYDC-BR1-IN": [["interface 10GE1/0/47"," undo traffic-filter acl CITYDC-BR1-IN inbound","quit","undo acl name CITYDC-BR1-IN"], "display current-configuration"],
  },
  "junos": {
    "system": [[], "show configuration | display set | match \"host-name|device-count\""],
    "vrf:city": [["delete routing-instances city"], "show configuration routing-instances city | display set"],
    "vlan:120": [["delete vlans video"], "show configuration vlans video | display set"],
    "vlan:130": [["delete vlans voice"], "show configuration vlans voice | display set"],
    "stp": [["delete protocols mstp"], "show configuration protocols mstp | display set"],
    "mlag": [["delete protocols iccp","delete multi-chassis","delete switch-options service-id"], "show configuration | display set | match \"protocols iccp|multi-chassis|switch-options service-id\""],
    "lag:ae1": [["delete interfaces ae1"], "show configuration interfaces ae1 | display set"],
    "lag:ae11": [["delete interfaces ae11"], "show configuration interfaces ae11 | display set"],
    "port:et-0/0/49": [["delete interfaces et-0/0/49"], "show configuration interfaces et-0/0/49 | display set"],
    "port:et-0/0/53": [["delete interfaces et-0/0/53"], "show configuration interfaces et-0/0/53 | display set"],
    "port:et-0/0/54": [["delete interfaces et-0/0/54"], "show configuration interfaces et-0/0/54 | display set"],
    "port:xe-0/0/47": [["delete interfaces xe-0/0/47"], "show configuration interfaces xe-0/0/47 | display set"],
    "port:lo0": [["delete interfaces lo0 unit 0 family inet address 10.254.0.1/32"], "show configuration interfaces lo0 | display set"],
    "gateway:120": [["delete routing-instances city interface irb.120","delete vlans video l3-interface","delete interfaces irb unit 120"], "show configuration | display set | match \"interfaces irb unit 120 |irb.120$\""],
    "gateway:130": [["delete vlans voice l3-interface","delete interfaces irb unit 130"], "show configuration | display set | match \"interfaces irb unit 130 |irb.130$\""],
    "route:default:10.101.0.0/24:10.254.1.1": [["delete routing-options static route 10.101.0.0/24"], "show configuration routing-options static | display set"],
    "bgp": [["delete protocols bgp","delete policy-options policy-statement citydc-networks","delete routing-options autonomous-system","delete routing-options router-id"], "show configuration | display set | match \"autonomous-system|router-id|protocols bgp|citydc-networks\""],
    "acl:CITYDC-V120-IN": [["delete interfaces irb unit 120 family inet filter input-list CITYDC-V120-IN","delete firewall family inet filter CITYDC-V120-IN"], "show configuration | display set"],
    "acl:CITYDC-V130-IN": [["delete interfaces irb unit 130 family inet filter input-list CITYDC-V130-IN","delete firewall family inet filter CITYDC-V130-IN"], "show configuration | display set"],
    "acl:CITYDC-BR1-IN": [["delete interfaces xe-0/0/47 unit 0 family inet filter input-list CITYDC-BR1-IN","delete firewall family inet filter CITYDC-BR1-IN"], "show configuration | display set"],
  },
};

describe("remove lines and read-back commands of every object kind", () => {
  let intents: Map<string, DeviceIntent>;
  beforeEach(() => {
    intents = new Map((Object.keys(EXPECTED) as PlatformName[]).map((p) => [p, deriveIntent(fabric(p)).get("spine1")!] as const));
  });
  for (const platform of Object.keys(EXPECTED) as PlatformName[]) {
    it(`${platform}: spine1's objects`, () => {
      const objects = PLATFORMS[platform].objects(intents.get(platform)!).filter((o) => o.kind !== "qos");
      expect(Object.fromEntries(objects.map((o) => [o.key, [o.remove, o.readBack]]))).toEqual(EXPECTED[platform]);
    });
  }
});
