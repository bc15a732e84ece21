/**
 * Every finding of every check case (checks.test.ts CASES and dc-cases.ts), written out: place, code, JSON path,
 * object, message and fix, for the minimal inventory with the case's one change. A case pins not only its
 * own code but every line a person reads, and that nothing else is reported. Reviewed by hand: each message
 * names the object and what is wrong, each fix says what to change. Lines and columns are those of the
 * minimal inventory as helpers.ts writes it.
 */
import type { Diagnostic } from "../../../model/types";

/** "line:column CODE path (object) message | fix: hint", one line a finding, in the order validate reports them. */
export const findingLines = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.column} ${d.code} ${d.path}${d.object ? ` (${d.object})` : ""} ${d.message} | fix: ${d.hint}`);

export const FINDINGS: Readonly<Record<string, readonly string[]>> = {
  "W_VRF_RD_UNUSED: VRF route distinguisher on EOS without BGP": [
    "88:9 W_VRF_RD_UNUSED /vrfs/0/rd (vrf city) sw1 (arista-eos) sets a route distinguisher inside BGP, and runs no BGP: VRF city's rd 65001:100 is not set there | fix: run BGP on sw1 (bgp: or a link with bgp: true), or accept that the VRF is local to it",
  ],
  "E_LINK_MTU: jumbo on one end of the DCI, 1500 on the other": [
    "69:18 E_LINK_MTU /links/0/b/interface (link sw1:p2 <-> sw2:p2) MTU mismatch on sw1 p2 <-> sw2 p2: 9000 vs 1500 | fix: set the same MTU on both ends (frames larger than the smaller one are dropped)",
  ],
  "W_LINK_MTU: jumbo on one end only": [
    "68:18 W_LINK_MTU /links/0/b/interface (link sw1:p2 <-> sw2:p2) sw1 p2 sets MTU 9000, sw2 p2 keeps the default (1500) | fix: set mtu on sw2 p2 too",
  ],
  "E_LAG_MTU: member MTU other than its LAG's": [
    "37:14 E_LAG_MTU /devices/0/interfaces/2/mtu (device sw1 interface p3) sw1 p3 has MTU 1500 but its LAG bond0 has 9000 | fix: leave mtu off the members (they take the LAG's 9000), or set the same value",
  ],
  "E_MTU_RANGE: MTU above EOS's 9214": [
    "35:14 E_MTU_RANGE /devices/0/interfaces/1/mtu (device sw1 interface Ethernet2) MTU 9216 on sw1 Ethernet2 is above what arista-eos carries on a switch port (9214) | fix: use an IP MTU of at most 9214 (9000 is the usual jumbo value)",
  ],
  "E_PLATFORM_FEATURE: MTU on an FRR port": [
    "63:14 E_PLATFORM_FEATURE /devices/2/interfaces/0/mtu (device r1 interface eth1) r1 (frr) cannot set an MTU (eth1) | fix: FRR has no MTU command: set the Linux link MTU outside citydc, or remove mtu",
  ],
  "E_SPEED_UNSUPPORTED: a 25GE CloudEngine port at 10G": [
    "36:16 E_SPEED_UNSUPPORTED /devices/0/interfaces/2/speed (device sw1 interface 25GE1/0/3) sw1 25GE1/0/3 cannot run at 10G on huawei-vrp (this port: 25G) | fix: use one of 25G, or a port of that speed",
  ],
  "E_SPEED_UNSUPPORTED: a Junos xe- port at 1G": [
    "31:16 E_SPEED_UNSUPPORTED /devices/0/interfaces/0/speed (device sw1 interface xe-0/0/1) sw1 xe-0/0/1 cannot run at 1G on junos (this port: 10G) | fix: Junos names a port after its optic's speed: use the name the device gives it (ge-, xe-, et-)",
  ],
  "W_SPEED_NOT_SET: speed on an ovs port": [
    "31:16 W_SPEED_NOT_SET /devices/0/interfaces/0/speed (device sw1 interface p1) sw1 (ovs) has no port speed to set: speeds on its ports (10G on p1) only document the links | fix: leave speed off lab links, or keep it as documentation",
  ],
  "E_PLATFORM_FEATURE: MSTP on ovs": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "24:15 E_PLATFORM_FEATURE /devices/0/platform (device sw1) sw1 (ovs) cannot run mstp, the spanning tree of site dc1 (it runs rstp) | fix: set the site's stp mode to rstp, or set stp: { enabled: false } on sw1",
  ],
  "W_STP_NO_ROOT: spanning tree without a root candidate": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
  ],
  "W_STP_UNUSED: device stp at a site without": [
    "36:7 W_STP_UNUSED /devices/0/stp (device sw1) sw1 has stp settings, but its site dc1 runs no spanning tree | fix: add stp: { mode: ... } to site dc1, or remove the device's stp",
  ],
  "E_STP_PORT: stp on a LAG member": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "40:11 E_STP_PORT /devices/0/interfaces/2/stp (device sw1 interface p3) sw1 p3 is a member of bond0: spanning tree runs on the LAG | fix: set stp on bond0 instead",
    "42:9 W_STP_BOND /devices/0/lags/0 (device sw1 lag bond0) sw1 (ovs) runs rstp, but its LAGs take no part in it: a loop through bond0 is not broken | fix: keep the switches' LAGs in a tree (no redundant path through a bond), or use single links where the tree must block",
  ],
  "E_STP_INSTANCE: MSTP instances on an RSTP site": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "12:9 E_STP_INSTANCE /sites/0/stp/instances (site dc1) site dc1 runs rstp, which has one tree: MSTP instances do not apply | fix: set mode: mstp, or remove instances",
  ],
  "W_STP_BOND: an ovs bond under RSTP": [
    "42:9 W_STP_BOND /devices/0/lags/0 (device sw1 lag bond0) sw1 (ovs) runs rstp, but its LAGs take no part in it: a loop through bond0 is not broken | fix: keep the switches' LAGs in a tree (no redundant path through a bond), or use single links where the tree must block",
  ],
  "E_INBAND_VLAN: in-band without a management VLAN": [
    "28:9 E_INBAND_VLAN /devices/0/management/inband (device sw1) sw1 has in-band management but no management VLAN | fix: set management.vlan to the VLAN whose interface carries the management address",
  ],
  "E_PLATFORM_FEATURE: in-band on ovs": [
    "29:9 E_PLATFORM_FEATURE /devices/0/management/inband (device sw1) sw1 (ovs) has no VLAN interface for in-band management | fix: manage this device out of band (management.interface), or remove inband",
  ],
  "E_INBAND_SUBNET: in-band address outside the VLAN": [
    "24:16 E_INBAND_SUBNET /devices/0/management/address (device sw1) sw1's management address 10.0.11.5/24 is not in VLAN 10's subnet 10.0.10.0/24 | fix: use an address of 10.0.10.0/24 with prefixLength 24",
  ],
  "E_INBAND_SUBNET: in-band gateway outside the VLAN": [
    "30:18 E_INBAND_SUBNET /devices/0/management/inband/gateway (device sw1) sw1's management gateway 10.9.9.1 is not in VLAN 10's subnet 10.0.10.0/24 | fix: use the VLAN's gateway (an address of the subnet)",
  ],
  "E_INBAND_GATEWAY: in-band on the VLAN the device routes": [
    "27:13 E_INBAND_GATEWAY /devices/0/management/vlan (device sw1) sw1 is a gateway of VLAN 10 and would manage itself on the same VLAN interface | fix: manage it on its gateway address without inband, or on another VLAN",
  ],
  "E_INBAND_ROUTING: in-band default route on a BGP router": [
    "30:18 E_INBAND_ROUTING /devices/0/management/inband/gateway (device sw1) sw1 routes (BGP or its own default route): a management default route would compete with it | fix: leave out inband.gateway on a device that routes",
  ],
  "W_DR_SINGLE_PATH: protected VLANs over one DCI cable": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_ID_CONFLICT: an ID at a site twice (group and global)": [
    "60:9 E_VLAN_ID_CONFLICT /vlans/1/id (vlan 10) VLAN 10 at site dc1 would be both video and other (group g) | fix: at one site an ID means one VLAN: pick another ID, or keep the two VLANs at different sites",
  ],
  "E_VLAN_GROUP_SITE: a grouped VLAN outside its group's sites": [
    "67:9 E_VLAN_GROUP_SITE /vlans/1/sites/1 (vlan 20) VLAN 20 (v20) of group g is listed at dc2, which the group does not cover (dc1) | fix: add dc2 to group g, or take it off the VLAN",
  ],
  "E_REF_UNKNOWN: an unknown group": [
    "61:12 E_REF_UNKNOWN /vlans/1/group (vlan 20) unknown VLAN group 'gx' | fix: use the name of a group defined under vlanGroups:, or define it there",
  ],
  "E_DUPLICATE: the same ID twice in one group": [
    "67:9 E_DUPLICATE /vlans/2/id (vlan 20) VLAN '20' of group 'g' is defined again (first at item 2) | fix: give each VLAN a unique ID, or merge the two entries",
  ],
  "E_DR_VLAN_MISSING: a protected ID that means another VLAN at the DR site": [
    "100:9 E_DR_VLAN_MISSING /dr/0/vlans/1 (dr dc2) protected VLAN 20 is dc1-servers at dc1 but dc2-servers at dc2: the DR site has no copy of it | fix: list both sites on one VLAN 20 (stretched, same subnet), outside site-local groups",
  ],
  "E_REF_UNKNOWN: pair of an unknown device": [
    "125:9 E_REF_UNKNOWN /mlag/0/devices/1 (mlag pair p1) mlag pair p1 names unknown device 'sw4' (did you mean 'sw1'?) | fix: use the name of a switch in devices:",
  ],
  "E_MLAG_PAIR: pair across two sites": [
    "125:9 E_MLAG_PAIR /mlag/0/devices/1 (mlag pair p1) mlag pair p1: sw1 is at dc1, sw3 at dc2 | fix: pair two switches of one site",
  ],
  "E_PLATFORM_FEATURE: pair on frr": [
    "28:15 E_IFNAME_INVALID /devices/0/interfaces/0/name (device sw1 interface Ethernet1/1) 'Ethernet1/1' is not a valid frr interface name (device sw1) | fix: use the platform's naming, e.g. eth1",
    "29:15 E_PLATFORM_FEATURE /devices/0/interfaces/0/mode (device sw1 interface Ethernet1/1) sw1 (frr) cannot do access ports (Ethernet1/1) | fix: use routed ports on this device, or a switch platform for VLANs",
    "31:15 E_IFNAME_INVALID /devices/0/interfaces/1/name (device sw1 interface Ethernet1/2) 'Ethernet1/2' is not a valid frr interface name (device sw1) | fix: use the platform's naming, e.g. eth1",
    "32:15 E_PLATFORM_FEATURE /devices/0/interfaces/1/mode (device sw1 interface Ethernet1/2) sw1 (frr) cannot do trunk ports (Ethernet1/2) | fix: use routed ports on this device, or a switch platform for VLANs",
    "35:15 E_IFNAME_INVALID /devices/0/interfaces/2/name (device sw1 interface Ethernet1/3) 'Ethernet1/3' is not a valid frr interface name (device sw1) | fix: use the platform's naming, e.g. eth1",
    "37:15 E_IFNAME_INVALID /devices/0/interfaces/3/name (device sw1 interface Ethernet1/4) 'Ethernet1/4' is not a valid frr interface name (device sw1) | fix: use the platform's naming, e.g. eth1",
    "40:7 E_PLATFORM_FEATURE /devices/0/lags (device sw1) sw1 (frr) cannot do LAGs | fix: remove the LAGs or use a platform with LAG support",
    "40:15 E_LAGNAME_INVALID /devices/0/lags/0/name (device sw1 lag port-channel1) 'port-channel1' is not a valid frr LAG name (device sw1) | fix: use the platform's naming, e.g. bond0",
    "41:15 E_PLATFORM_FEATURE /devices/0/lags/0/mode (device sw1 lag port-channel1) sw1 (frr) cannot do trunk ports (port-channel1) | fix: use routed ports on this device, or a switch platform for VLANs",
    "69:15 E_IFNAME_INVALID /devices/2/interfaces/0/name (device sw3 interface Ethernet1/3) 'Ethernet1/3' is not a valid frr interface name (device sw3) | fix: use the platform's naming, e.g. eth1",
    "71:15 E_IFNAME_INVALID /devices/2/interfaces/1/name (device sw3 interface Ethernet1/4) 'Ethernet1/4' is not a valid frr interface name (device sw3) | fix: use the platform's naming, e.g. eth1",
    "74:7 E_PLATFORM_FEATURE /devices/2/lags (device sw3) sw3 (frr) cannot do LAGs | fix: remove the LAGs or use a platform with LAG support",
    "74:15 E_LAGNAME_INVALID /devices/2/lags/0/name (device sw3 lag port-channel1) 'port-channel1' is not a valid frr LAG name (device sw3) | fix: use the platform's naming, e.g. bond0",
    "75:15 E_PLATFORM_FEATURE /devices/2/lags/0/mode (device sw3 lag port-channel1) sw3 (frr) cannot do trunk ports (port-channel1) | fix: use routed ports on this device, or a switch platform for VLANs",
    "124:9 E_PLATFORM_FEATURE /mlag/0/devices/0 (mlag pair p1) sw1 (frr) cannot do multi-chassis LAG | fix: pair switches of a platform with M-LAG, vPC, MLAG or MC-LAG, or use one LAG per switch",
  ],
  "E_MLAG_PEER_LINK: peer link that is no LAG of the pair": [
    "126:15 E_MLAG_PEER_LINK /mlag/0/peerLink (mlag pair p1) mlag pair p1: sw1 has no LAG port-channel9 | fix: add LAG port-channel9 (mode trunk) to sw1, its members cabled to the peer",
    "126:15 E_MLAG_PEER_LINK /mlag/0/peerLink (mlag pair p1) mlag pair p1: sw3 has no LAG port-channel9 | fix: add LAG port-channel9 (mode trunk) to sw3, its members cabled to the peer",
  ],
  "E_MLAG_PEER_LINK: peer link not cabled": [
    "112:15 E_MLAG_PEER_LINK /mlag/0/peerLink (mlag pair p1) mlag pair p1: no link joins sw1 port-channel1 and sw3 port-channel1 | fix: add the peer link's cables to links: (kind: peer)",
  ],
  "E_MLAG_LAG: a half without its twin": [
    "44:9 W_LAG_EMPTY /devices/0/lags/1 (device sw1 lag port-channel11) LAG sw1 port-channel11 has no member interfaces | fix: add `lag: port-channel11` to its member interfaces, or remove the LAG",
    "48:15 E_MLAG_LAG /devices/0/lags/1/mlag (device sw1 lag port-channel11) sw1 port-channel11 is one half of a multi-chassis LAG, but sw3 has no port-channel11 marked mlag | fix: add port-channel11 (mlag: true, same settings) to sw3",
  ],
  "E_MLAG_LAG: halves that differ": [
    "44:9 W_LAG_EMPTY /devices/0/lags/1 (device sw1 lag port-channel11) LAG sw1 port-channel11 has no member interfaces | fix: add `lag: port-channel11` to its member interfaces, or remove the LAG",
    "48:15 E_MLAG_LAG /devices/0/lags/1/mlag (device sw1 lag port-channel11) sw1 port-channel11 and sw3 port-channel11 (one multi-chassis LAG) differ in mode, VLANs or LACP | fix: give both halves the same mode, VLANs and LACP mode",
    "83:9 W_LAG_EMPTY /devices/2/lags/1 (device sw3 lag port-channel11) LAG sw3 port-channel11 has no member interfaces | fix: add `lag: port-channel11` to its member interfaces, or remove the LAG",
    "86:15 E_MLAG_LAG /devices/2/lags/1/mlag (device sw3 lag port-channel11) sw3 port-channel11 and sw1 port-channel11 (one multi-chassis LAG) differ in mode, VLANs or LACP | fix: give both halves the same mode, VLANs and LACP mode",
  ],
  "E_MLAG_LAG: mlag LAG on a switch in no pair": [
    "52:9 W_LAG_EMPTY /devices/1/lags/0 (device sw2 lag bond0) LAG sw2 bond0 has no member interfaces | fix: add `lag: bond0` to its member interfaces, or remove the LAG",
    "56:15 E_MLAG_LAG /devices/1/lags/0/mlag (device sw2 lag bond0) sw2 bond0 is marked mlag, but sw2 is in no mlag pair | fix: add an mlag: pair with this switch and its peer, or remove mlag",
  ],
  "E_MLAG_KEEPALIVE: one keepalive address for both": [
    "128:7 E_MLAG_KEEPALIVE /mlag/0/keepalive (mlag pair p1) mlag pair p1: both switches would keep alive from 10.0.0.1 | fix: give each switch its own keepalive address",
  ],
  "E_MLAG_KEEPALIVE: keepalive over an in-band management address": [
    "125:5 E_MLAG_KEEPALIVE /mlag/0 (mlag pair p1) mlag pair p1: a switch is managed in band, so its management address would keep alive over the pair's own VLANs | fix: give keepalive addresses of an out-of-band or routed interface",
  ],
  "E_MLAG_KEEPALIVE: EOS keepalive without prefix": [
    "128:7 E_MLAG_KEEPALIVE /mlag/0/keepalive (mlag pair p1) mlag pair p1: the keepalive addresses 10.255.255.0, 10.255.255.1 are not two addresses with prefix length in one subnet | fix: give both with their prefix length, e.g. 10.255.255.0/31 and 10.255.255.1/31",
  ],
  "E_MLAG_PEER_VLAN: EOS peer VLAN also an inventory VLAN": [
    "128:5 E_MLAG_PEER_VLAN /mlag/0/peerVlan (mlag pair p1) mlag pair p1 uses VLAN 4094 on its peer link, which is also VLAN v4094 at dc1 | fix: choose another peerVlan, or renumber that VLAN",
  ],
  "E_PLATFORM_FEATURE: CloudEngine M-LAG at an MSTP site": [
    "128:9 E_PLATFORM_FEATURE /mlag/0/devices/0 (mlag pair p1) mlag pair p1 (huawei-vrp) runs as one bridge with rstp, but site dc1 runs mstp | fix: set the site's stp mode to rstp",
  ],
  "E_DUPLICATE: tenant twice": [
    "6:11 E_DUPLICATE /tenants/2/name (tenant city) tenant 'city' is defined again (first at item 1) | fix: give each tenant a unique name, or merge the two entries",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DUPLICATE: site twice": [
    "12:11 E_DUPLICATE /sites/2/name (site dc1) site 'dc1' is defined again (first at item 1) | fix: give each site a unique name, or merge the two entries",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DUPLICATE: host twice": [
    "75:11 E_DUPLICATE /hosts/1/name (host h1) host 'h1' is defined again (first at item 1) | fix: give each host a unique name, or merge the two entries",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DUPLICATE: LAG named like an interface": [
    "36:15 E_DUPLICATE /devices/0/lags/0/name (device sw1 lag p2) LAG 'p2' has the same name as an interface of sw1 | fix: rename the LAG (e.g. Eth-Trunk1, bond0) so links can tell the two apart",
    "36:15 E_LAGNAME_INVALID /devices/0/lags/0/name (device sw1 lag p2) 'p2' is not a valid ovs LAG name (device sw1) | fix: use the platform's naming, e.g. bond0",
    "79:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "W_DUPLICATE_VLAN_NAME: VLAN name twice": [
    "61:11 W_DUPLICATE_VLAN_NAME /vlans/1/name (vlan 20) VLAN name 'video' is defined again (first at item 1) | fix: give each VLAN its own name (within its group), so that reports and devices tell them apart",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DUPLICATE_MANAGEMENT: same SSH endpoint": [
    "40:7 E_DUPLICATE_MANAGEMENT /devices/1/management (device sw2) management address 127.0.0.1:2201 is also used by device sw1 | fix: give each device its own management address or SSH port",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_REF_UNKNOWN: unknown LAG of a member": [
    "36:14 E_REF_UNKNOWN /devices/0/interfaces/2/lag (device sw1 interface p3) unknown LAG 'bond9' on device sw1 | fix: add the LAG under devices[sw1].lags, or correct the name",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_REF_UNKNOWN: unknown VRF": [
    "60:10 E_REF_UNKNOWN /vlans/0/vrf (vlan 10) unknown vrf 'cty' | fix: use the name of a vrf defined under vrfs:, or define 'cty' there",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_REF_UNKNOWN: unknown DR service": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "81:9 E_REF_UNKNOWN /dr/0/services/0 (dr dc2) unknown service 'video' | fix: use the name of a service defined under services:, or define 'video' there",
  ],
  "E_REF_UNKNOWN: unknown management VLAN": [
    "27:13 E_REF_UNKNOWN /devices/0/management/vlan (device sw1) unknown VLAN 99 | fix: define VLAN 99 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_REF_UNKNOWN: unknown gateway device": [
    "61:7 E_GATEWAY_MISSING /vlans/0/gateways (vlan 10) VLAN 10 has a gateway device but no `gateway:` address | fix: add `gateway:` (the virtual address hosts use)",
    "61:17 E_REF_UNKNOWN /vlans/0/gateways/0/device (vlan 10 gateway sw9) unknown device 'sw9' (did you mean 'sw1'?) | fix: use the name of a device defined under devices:, or define 'sw9' there",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_REF_UNKNOWN: unknown host port": [
    "74:18 E_REF_UNKNOWN /hosts/0/attach/interface (host h1) device sw1 has no interface or LAG 'p9' (did you mean 'p1'?) | fix: add 'p9' to devices[sw1].interfaces (or lags), or correct the name",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_RACK_SITE: rack at another site": [
    "19:11 E_RACK_SITE /devices/0/rack (device sw1) rack r1 stands at site dc2, but device sw1 is at site dc1 | fix: move the device to a rack at dc1, or correct the device's site",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_IFNAME_INVALID: bad interface name": [
    "44:15 E_IFNAME_INVALID /devices/1/interfaces/0/name (device sw2 interface GigabitEthernet0/1/2/3/4/5) 'GigabitEthernet0/1/2/3/4/5' is not a valid ovs interface name (device sw2) | fix: use the platform's naming, e.g. p1, eth1",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_IFNAME_INVALID: bad management interface": [
    "27:18 E_IFNAME_INVALID /devices/0/management/interface (device sw1) 'mgmt 0' is not a valid ovs interface name (device sw1) | fix: use the platform's naming, e.g. p1, eth1",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LAGNAME_INVALID: bad LAG name": [
    "38:15 E_LAGNAME_INVALID /devices/0/lags/0/name (device sw1 lag Eth-Trunk1) 'Eth-Trunk1' is not a valid ovs LAG name (device sw1) | fix: use the platform's naming, e.g. bond0",
    "81:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_RESERVED: reserved VLAN": [
    "30:15 E_VLAN_RESERVED /devices/0/interfaces/0/vlan (device sw1 interface Ethernet1/1) VLAN 4000 is reserved on cisco-nxos (device sw1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 4000 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_NOT_AT_SITE: VLAN not at the device's site": [
    "30:15 E_VLAN_NOT_AT_SITE /devices/0/interfaces/0/vlan (device sw1 interface p1) VLAN 20 (dr-only) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 20, or use a VLAN that exists at dc1",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_NOT_AT_SITE: gateway device at another site": [
    "97:17 E_VLAN_NOT_AT_SITE /vlans/1/gateways/0/device (vlan 20 gateway r2) gateway device r2 is at site dc2, where VLAN 20 is not defined | fix: add dc2 to the VLAN's sites, or choose a gateway device at dc1",
    "122:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_RACK_POSITION: position without rack": [
    "51:15 E_RACK_POSITION /devices/1/position (device sw2) device sw2 has a rack position but no rack | fix: add `rack:` with the rack's name, or remove `position:`",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "W_RACK_POSITION: racked without position": [
    "19:11 W_RACK_POSITION /devices/0/rack (device sw1) device sw1 is in rack r1 but has no position | fix: add `position:` (the lowest rack unit it occupies) so overlaps can be checked",
    "75:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_RACK_OVERLAP: overlap": [
    "52:15 E_RACK_OVERLAP /devices/1/position (device sw2) device sw2 (U1-U1) overlaps device sw1 (U1-U1) in rack r1 | fix: move sw2 to rack units that sw1 (U1-U1) does not use",
    "63:11 E_LINK_DCI /links/0/kind (link sw1:p2 <-> sw2:p2) dci link sw1 p2 <-> sw2 p2 joins sites dc1 and dc1, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    "81:9 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "E_RACK_OVERFLOW: overflow": [
    "20:15 E_RACK_OVERFLOW /devices/0/position (device sw1) device sw1 occupies U41-U43, above the top of rack r1 (42U) | fix: use a position at most 40, or correct the rack height",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_MODE: access without VLAN": [
    "45:15 E_PORT_MODE /devices/1/interfaces/0/mode (device sw2 interface p1) sw2 p1: access port without a VLAN | fix: add `vlan: <id>`, or make it a trunk",
    "75:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_MODE: VLAN on a trunk": [
    "51:15 E_PORT_MODE /devices/1/interfaces/1/vlan (device sw2 interface p2) sw2 p2: 'vlan' does not apply to a trunk | fix: use `allowed:` (and `native:`) on a trunk",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_MODE: native outside allowed": [
    "35:17 E_PORT_MODE /devices/0/interfaces/1/native (device sw1 interface p2) sw1 p2: native VLAN 20 is not in the allowed list | fix: add 20 to allowed, or change the native VLAN",
    "52:17 E_PORT_MODE /devices/1/interfaces/1/native (device sw2 interface p2) sw2 p2: native VLAN 20 is not in the allowed list | fix: add 20 to allowed, or change the native VLAN",
    "85:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_MODE: VLAN without mode": [
    "36:15 E_PORT_MODE /devices/0/interfaces/2/vlan (device sw1 interface p3) sw1 p3: 'vlan' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_MODE: routed without address": [
    "64:15 E_PORT_MODE /devices/2/interfaces/1/mode (device r1 interface eth2) r1 eth2: routed port without an address | fix: add `address: <ip>/<len>`",
    "114:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LAG_MEMBER_MODE: LAG member with a mode": [
    "37:15 E_LAG_MEMBER_MODE /devices/0/interfaces/2/vlan (device sw1 interface p3) sw1 p3 is a member of bond0 but sets 'vlan' | fix: remove 'vlan' from the member; set it on LAG bond0 instead",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_REUSE: two hosts on one port": [
    "80:18 E_PORT_REUSE /hosts/1/attach/interface (host h2) sw1 p1 is already used by host h1; now also host h2 | fix: each interface takes one cable: use a free interface for one of them",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PORT_REUSE: LAG and its member both cabled": [
    "92:18 E_PORT_REUSE /links/2/a/interface (link sw1:p3 <-> sw2:p3) sw1 p3 is a member of bond0, which link sw1:bond0 <-> sw2:bond0 already uses | fix: describe either the LAG or its member cables, not both",
    "95:18 E_PORT_REUSE /links/2/b/interface (link sw1:p3 <-> sw2:p3) sw2 p3 is a member of bond0, which link sw1:bond0 <-> sw2:bond0 already uses | fix: describe either the LAG or its member cables, not both",
  ],
  "E_PORT_HOST_LINK: host and link on a port": [
    "74:18 E_HOST_PORT /hosts/0/attach/interface (host h1) host h1 is attached to sw2 p2, which is a trunk port | fix: set `mode: access` and `vlan:` on p2, or attach the host to an access port",
    "74:18 E_PORT_HOST_LINK /hosts/0/attach/interface (host h1) sw2 p2 is used by link sw1:p2 <-> sw2:p2 and by host h1 | fix: a host needs its own access port: attach it to a free interface, or remove the link",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_HOST_PORT: host on a LAG member": [
    "77:18 E_HOST_PORT /hosts/0/attach/interface (host h1) host h1 is attached to p1, a member of bond0 | fix: attach the host to a free access port",
    "79:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_SELF: link to itself": [
    "66:15 E_LINK_SELF /links/0/b/device (link sw1:p2 <-> sw1:p1) link connects sw1 to itself (p2 <-> p1) | fix: a link joins two different devices: correct one end",
    "74:18 E_PORT_HOST_LINK /hosts/0/attach/interface (host h1) sw1 p1 is used by link sw1:p2 <-> sw1:p1 and by host h1 | fix: a host needs its own access port: attach it to a free interface, or remove the link",
    "79:9 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "E_LINK_SUBNET: routed ends in different subnets": [
    "103:18 E_LINK_SUBNET /links/1/b/interface (link r1:eth1 <-> r2:eth1) routed ends of r1 eth1 <-> r2 eth1 are in different subnets: 10.255.0.0/31 vs 10.255.0.5/31 | fix: address both ends from one subnet (e.g. a /31)",
    "112:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_SUBNET: routed ends with one address": [
    "76:18 E_ADDRESS_DUPLICATE /devices/3/interfaces/0/address (device r2 interface eth1) r2 eth1 uses an address that r1 eth1 already has | fix: give each interface, gateway and host its own address",
    "103:18 E_LINK_SUBNET /links/1/b/interface (link r1:eth1 <-> r2:eth1) both ends of r1 eth1 <-> r2 eth1 have address 10.255.0.0/31 | fix: give each end its own address in the subnet",
    "112:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_SUBNET: router port outside the VLAN it faces": [
    "113:18 E_LINK_SUBNET /links/2/a/interface (link r1:eth2 <-> sw1:p3) routed end of r1 eth2 <-> sw1 p3 has 10.0.99.1/24, outside VLAN 10's subnet 10.0.10.0/24 | fix: give the routed port an address in 10.0.10.0/24",
    "125:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_DCI: dci between unrelated sites": [
    "98:11 E_LINK_DCI /links/1/kind (link r1:eth1 <-> r2:eth1) dci link r1 eth1 <-> r2 eth1 joins sites dc1 and br1, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    "114:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_LAG: LAG members to two different LAGs": [
    "108:18 E_LINK_LAG /links/2/a/interface (link sw1:p4 <-> sw2:p4) members of sw1 bond0 go to sw2 bond0 and to sw2 bond1 | fix: cable all members of bond0 to one LAG on one device (or split them into two LAGs)",
  ],
  "W_LAG_EMPTY: LAG without members": [
    "36:9 W_LAG_EMPTY /devices/0/lags/0 (device sw1 lag bond1) LAG sw1 bond1 has no member interfaces | fix: add `lag: bond1` to its member interfaces, or remove the LAG",
    "79:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LAG_MEMBER_MISMATCH: LAG members with different MTU": [
    "40:14 E_LAG_MEMBER_MISMATCH /devices/0/interfaces/3/mtu (device sw1 interface p4) sw1 p4 has MTU 1500 but p3 (same LAG bond1) has 9000 | fix: members of one LAG must have the same MTU",
    "85:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "W_LAG_MEMBER_DISABLED: LAG member disabled": [
    "39:18 W_LAG_MEMBER_DISABLED /devices/0/interfaces/3/enabled (device sw1 interface p4) sw1 p4 is disabled but p3 (same LAG bond1) is enabled | fix: check that this is intended (a member taken out for maintenance)",
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_SUBNET_HOST_BITS: subnet with host bits": [
    "59:13 E_SUBNET_HOST_BITS /vlans/0/subnet (vlan 10) VLAN 10 subnet 10.0.10.1/24 has host bits set | fix: write the network address: 10.0.10.0/24",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_SUBNET_OVERLAP: overlap within a VRF only": [
    "68:13 E_SUBNET_OVERLAP /vlans/1/subnet (vlan 20) VLAN 20 subnet 10.0.10.128/25 overlaps VLAN 10 subnet 10.0.10.0/24 in VRF a | fix: give each VLAN its own subnet, or put them in different VRFs",
    "85:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_MISSING: gateway without subnet": [
    "59:14 E_GATEWAY_MISSING /vlans/0/gateway (vlan 10) VLAN 10 has a gateway but no subnet | fix: add `subnet:` with the VLAN's network",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_OUTSIDE: host gateway outside its subnet": [
    "75:14 E_GATEWAY_OUTSIDE /hosts/0/gateway (host h1) host h1 gateway 10.0.11.1 is outside its own subnet 10.0.10.0/24 | fix: use the VLAN's gateway address",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_OUTSIDE: broadcast address as gateway": [
    "60:14 E_GATEWAY_OUTSIDE /vlans/0/gateway (vlan 10) VLAN 10 gateway 10.0.10.255 is not a usable address of 10.0.10.0/24 | fix: use a host address inside 10.0.10.0/24 (not the network or broadcast address)",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "W_HOST_GATEWAY: host gateway not the VLAN's": [
    "76:14 W_HOST_GATEWAY /hosts/0/gateway (host h1) host h1 uses gateway 10.0.10.254, VLAN 10's gateway is 10.0.10.1 | fix: use 10.0.10.1 unless this host routes elsewhere on purpose",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_HOST_TENANT: host in another tenant's VLAN": [
    "70:13 E_HOST_TENANT /hosts/0/tenant (host h1) host h1 (tenant university) is in VLAN 10, which belongs to tenant city | fix: attach the host to a VLAN of tenant university, or correct its tenant",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_HOST_SUBNET: host outside its VLAN": [
    "71:14 E_HOST_SUBNET /hosts/0/address (host h1) host h1 address 10.0.10.11/16 does not fit VLAN 10's subnet 10.0.10.0/24 | fix: use a free address in 10.0.10.0/24 with prefix length /24",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_ADDRESS_DUPLICATE: address twice": [
    "77:14 E_ADDRESS_DUPLICATE /hosts/1/address (host h2) host h2 uses an address that host h1 already has | fix: give each interface, gateway and host its own address",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PLATFORM_FEATURE: BGP on ovs": [
    "36:7 E_PLATFORM_FEATURE /devices/0/bgp (device sw1 bgp) sw1 (ovs) cannot do BGP | fix: run BGP on a router",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PLATFORM_FEATURE: static routes on ovs": [
    "36:7 E_PLATFORM_FEATURE /devices/0/routes (device sw1) sw1 (ovs) cannot do static routes | fix: put the routes on a router",
    "37:18 W_ROUTE_NEXTHOP /devices/0/routes/0/nextHop (device sw1 route 0.0.0.0/0) next hop 10.0.10.1 of route 0.0.0.0/0 on sw1 is in none of its connected subnets | fix: use the address of a neighbor on a routed port or gateway VLAN of this device",
    "79:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PLATFORM_FEATURE: routed port on ovs": [
    "36:15 E_PLATFORM_FEATURE /devices/0/interfaces/2/mode (device sw1 interface p3) sw1 (ovs) cannot do routed ports (p3) | fix: route on a router/L3 switch platform; attach this switch with access or trunk ports",
    "79:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_PLATFORM_FEATURE: access port on frr": [
    "64:15 E_PLATFORM_FEATURE /devices/2/interfaces/1/mode (device r1 interface eth2) r1 (frr) cannot do access ports (eth2) | fix: use routed ports on this device, or a switch platform for VLANs",
    "65:15 W_VLAN_NOT_CARRIED /devices/2/interfaces/1/vlan (device r1 interface eth2) VLAN 10 is used on r1, but no port of r1 carries it to the other 2 device(s) in the VLAN | fix: cable r1 to the other devices of VLAN 10: a trunk that allows 10, or an access port in VLAN 10, with a link to a switch in the VLAN",
    "115:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_BGP_LINK: BGP link without bgp section": [
    "100:15 E_BGP_LINK /links/1/b/device (link r1:eth1 <-> r2:eth1) link has bgp: true but r2 has no bgp section | fix: add `bgp: { asn: ... }` to r2",
    "110:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_BGP_LINK: BGP over a trunk": [
    "63:15 E_BGP_LINK /links/0/a/device (link sw1:p2 <-> sw2:p2) link has bgp: true but sw1 has no bgp section | fix: add `bgp: { asn: ... }` to sw1",
    "64:18 E_BGP_LINK /links/0/a/interface (link sw1:p2 <-> sw2:p2) link has bgp: true but sw1 p2 is not a routed port with an address | fix: set `mode: routed` and `address:` on both ends, or set bgp: false",
    "66:15 E_BGP_LINK /links/0/b/device (link sw1:p2 <-> sw2:p2) link has bgp: true but sw2 has no bgp section | fix: add `bgp: { asn: ... }` to sw2",
    "67:18 E_BGP_LINK /links/0/b/interface (link sw1:p2 <-> sw2:p2) link has bgp: true but sw2 p2 is not a routed port with an address | fix: set `mode: routed` and `address:` on both ends, or set bgp: false",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "W_ROUTE_NEXTHOP: unreachable next hop": [
    "67:18 W_ROUTE_NEXTHOP /devices/2/routes/0/nextHop (device r1 route 0.0.0.0/0) next hop 192.0.2.1 of route 0.0.0.0/0 on r1 is in none of its connected subnets | fix: use the address of a neighbor on a routed port or gateway VLAN of this device",
    "115:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DR_SITE: DR site without protects": [
    "9:5 E_DR_SITE /sites/1 (site dc2) DR site dc2 does not say which site it protects | fix: add `protects: <primary site>`",
    "60:11 E_LINK_DCI /links/0/kind (link sw1:p2 <-> sw2:p2) dci link sw1 p2 <-> sw2 p2 joins sites dc1 and dc2, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    "75:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DR_SITE: protects on a primary": [
    "9:15 E_DR_SITE /sites/0/protects (site dc1) site dc1 has role primary but sets protects | fix: set `role: dr`, or remove `protects:`",
    "77:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DR_SITE: dr entry for a non-dr site": [
    "9:5 W_DR_UNPROTECTED /sites/1 (site dc2) DR site dc2 has no dr: entry, so nothing is checked for takeover | fix: add a dr: entry (site: dc2, protects: dc1, vlans/services)",
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc1) protected VLAN 10 reaches DR site dc1 over one DCI cable (sw2 <-> sw1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "76:11 E_DR_SITE /dr/0/site (dr dc1) dr: entry for dc1, which has role primary | fix: set `role: dr` and `protects: dc2` on site dc1",
  ],
  "W_DR_UNPROTECTED: DR site without dr entry": [
    "9:5 W_DR_UNPROTECTED /sites/1 (site dc2) DR site dc2 has no dr: entry, so nothing is checked for takeover | fix: add a dr: entry (site: dc2, protects: dc1, vlans/services)",
  ],
  "E_DR_VLAN_MISSING: protected service VLAN missing at DR": [
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:9 E_DR_VLAN_MISSING /dr/0/services/0 (dr dc2) protected VLAN 20 (service voice) is not defined at DR site dc2 | fix: add dc2 to the sites of VLAN 20 (same ID and subnet as at dc1)",
  ],
  "E_DR_VLAN_MISSING: protected VLAN missing at the primary": [
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "86:9 E_DR_VLAN_MISSING /dr/0/vlans/1 (dr dc2) protected VLAN 20 is not defined at the primary site dc1 | fix: add dc1 to the sites of VLAN 20, or stop protecting it",
  ],
  "W_VLAN_NOT_CARRIED: VLAN used on two switches, not on the trunk": [
    "37:15 W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan (device sw1 interface p3) VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
    "56:15 W_VLAN_NOT_CARRIED /devices/1/interfaces/2/vlan (device sw2 interface p3) VLAN 20 is used on sw2, but no port of sw2 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw2 p2 (the trunk towards the other devices, on both ends of its link)",
    "89:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DR_NO_DCI: protected VLAN not on the DCI": [
    "83:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:9 E_DR_NO_DCI /dr/0/vlans/1 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 20 | fix: add 20 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "E_DR_SITE: DR site protecting a site that is not a primary": [
    "11:15 E_DR_SITE /sites/1/protects (site dc2) DR site dc2 protects dc3, which is a branch site | fix: a DR site protects a primary site",
    "63:11 E_LINK_DCI /links/0/kind (link sw1:p2 <-> sw2:p2) dci link sw1 p2 <-> sw2 p2 joins sites dc1 and dc2, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    "78:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "79:15 E_DR_SITE /dr/0/protects (dr dc2) dr: entry says dc2 protects dc1, the site says dc3 | fix: make the dr: entry and the site's protects agree",
  ],
  "E_DR_SITE: dr entry and site disagree on what is protected": [
    "79:15 E_DR_SITE /dr/0/protects (dr dc2) dr: entry says dc2 protects dc3, the site says dc1 | fix: make the dr: entry and the site's protects agree",
    "81:9 E_DR_VLAN_MISSING /dr/0/vlans/0 (dr dc2) protected VLAN 10 is not defined at the primary site dc3 | fix: add dc3 to the sites of VLAN 10, or stop protecting it",
  ],
  "E_LINK_VLANS: access VLAN mismatch across a link": [
    "9:5 W_DR_UNPROTECTED /sites/1 (site dc2) DR site dc2 has no dr: entry, so nothing is checked for takeover | fix: add a dr: entry (site: dc2, protects: dc1, vlans/services)",
    "45:15 W_VLAN_NOT_CARRIED /devices/1/interfaces/0/vlan (device sw2 interface p1) VLAN 10 is used on sw2, but no port of sw2 carries it to the other 1 device(s) in the VLAN | fix: cable sw2 to the other devices of VLAN 10: a trunk that allows 10, or an access port in VLAN 10, with a link to a switch in the VLAN",
    "72:18 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) access VLAN mismatch on sw1 p2 <-> sw2 p2: 10 vs 20 | fix: put both ends in the same VLAN",
  ],
  "E_LINK_VLANS: a trunk allowing a subset of the far end's VLANs": [
    "75:18 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) allowed VLANs differ on sw1 p2 <-> sw2 p2: [10] vs [10, 20] | fix: allow the same VLANs on both ends of the trunk",
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_LINK_VLANS: a trunk allowing a superset of the far end's VLANs": [
    "75:18 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) allowed VLANs differ on sw1 p2 <-> sw2 p2: [10, 20] vs [10] | fix: allow the same VLANs on both ends of the trunk",
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_HOST_PORT: host attached to a LAG itself": [
    "80:18 E_HOST_PORT /hosts/0/attach/interface (host h1) host h1 is attached to LAG bond0 | fix: attach the host to a physical access port",
    "82:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_MISSING: gateway devices but no subnet": [
    "68:7 E_GATEWAY_MISSING /vlans/1/gateways (vlan 20) VLAN 20 has gateway devices but no subnet | fix: add `subnet:` and `gateway:` to the VLAN",
    "68:17 E_PLATFORM_FEATURE /vlans/1/gateways/0/device (vlan 20 gateway sw1) sw1 (ovs) cannot be a VLAN gateway | fix: choose a gateway device with L3 support, or attach a router port to the VLAN",
    "85:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_MISSING: gateway devices but no gateway address": [
    "97:7 E_GATEWAY_MISSING /vlans/1/gateways (vlan 20) VLAN 20 has a gateway device but no `gateway:` address | fix: add `gateway:` (the virtual address hosts use)",
    "122:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_MISSING: a VRRP gateway device without its own address": [
    "98:17 W_VLAN_NOT_CARRIED /vlans/1/gateways/0/device (vlan 20 gateway r1) VLAN 20 is used on r1, but no port of r1 carries it to the other 1 device(s) in the VLAN | fix: cable r1 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    "100:9 E_GATEWAY_MISSING /vlans/1/gateways/1 (vlan 20 gateway r2) gateway device r2 of VLAN 20 has no own address (needed for VRRP) | fix: add `address:` with this device's own address in the subnet",
    "100:17 W_VLAN_NOT_CARRIED /vlans/1/gateways/1/device (vlan 20 gateway r2) VLAN 20 is used on r2, but no port of r2 carries it to the other 1 device(s) in the VLAN | fix: cable r2 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    "125:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_OUTSIDE: a gateway device's own address outside the subnet": [
    "99:18 E_GATEWAY_OUTSIDE /vlans/1/gateways/0/address (vlan 20 gateway r1) gateway address 10.0.21.2 of r1 is not a usable address of VLAN 20's subnet 10.0.20.0/24 | fix: use a host address inside 10.0.20.0/24",
    "124:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_GATEWAY_OUTSIDE: a routed port on its subnet's network address": [
    "65:18 E_GATEWAY_OUTSIDE /devices/2/interfaces/1/address (device r1 interface eth2) r1 eth2 address 10.9.0.0/24 is the network or broadcast address | fix: use a host address of the subnet",
    "115:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_RACK_OVERLAP: an overlap hidden behind a tall device": [
    "55:15 E_RACK_OVERLAP /devices/2/position (device sw3) device sw3 (U3-U3) overlaps device sw1 (U1-U10) in rack r1 | fix: move sw3 to rack units that sw1 (U1-U10) does not use",
    "67:15 E_RACK_OVERLAP /devices/3/position (device sw4) device sw4 (U8-U8) overlaps device sw1 (U1-U10) in rack r1 | fix: move sw4 to rack units that sw1 (U1-U10) does not use",
    "101:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_NOT_AT_SITE: a trunk allowing a VLAN the site does not have": [
    "35:13 E_VLAN_NOT_AT_SITE /devices/0/interfaces/1/allowed/1 (device sw1 interface p2) VLAN 30 (dr-only) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 30, or use a VLAN that exists at dc1",
    "74:18 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) allowed VLANs differ on sw1 p2 <-> sw2 p2: [10, 30] vs [10] | fix: allow the same VLANs on both ends of the trunk",
    "83:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_VLAN_RESERVED: a trunk allowing a VLAN the platform reserves": [
    "35:13 E_VLAN_RESERVED /devices/0/interfaces/1/allowed/1 (device sw1 interface Ethernet1/2) VLAN 4000 is reserved on cisco-nxos (device sw1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    "75:18 E_LINK_VLANS /links/0/b/interface (link sw1:Ethernet1/2 <-> sw2:p2) allowed VLANs differ on sw1 Ethernet1/2 <-> sw2 p2: [10, 4000] vs [10] | fix: allow the same VLANs on both ends of the trunk",
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "E_DR_NO_DCI: a protected VLAN allowed on one end of the DCI only": [
    "75:18 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) allowed VLANs differ on sw1 p2 <-> sw2 p2: [10] vs [10, 20] | fix: allow the same VLANs on both ends of the trunk",
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "88:9 E_DR_NO_DCI /dr/0/vlans/1 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 20 | fix: add 20 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "E_QOS_SHARE: a guaranteed class without a share": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:7 E_QOS_SHARE /qos/classes/0 (qos class gold) class gold (guaranteed) has no share | fix: give it share: a percent of the link",
  ],
  "E_QOS_SHARE: a second default class": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:5 E_QOS_SHARE /qos/classes 2 classes take the rest of the link (treatment default); there must be exactly one | fix: give exactly one class treatment: default (best-effort by default)",
  ],
  "E_QOS_SHARE_OVER: shares over the whole link": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:5 E_QOS_SHARE_OVER /qos/classes the classes' shares add up to 105% of a link | fix: lower the shares so that they add up to 100% or less",
  ],
  "W_QOS_DSCP_SHARED: two classes with one DSCP": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "83:13 W_QOS_DSCP_SHARED /qos/classes/0/dscp (qos class video) classes voice and video both carry DSCP ef: a device cannot tell them apart | fix: give each class its own DSCP",
  ],
  "E_REF_UNKNOWN: marking with an unknown class": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "83:14 E_REF_UNKNOWN /qos/marking/0/class (qos marking #1 (voise)) unknown QoS class 'voise' (did you mean 'voice'?) | fix: use a class under qos.classes or a default class (voice, video, signalling, network-control, scavenger, best-effort)",
  ],
  "E_QOS_MARK: marking that names no traffic": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:7 E_QOS_MARK /qos/marking/0 (qos marking #1 (voice)) a marking entry names no traffic | fix: give vlan, subnet, or device and interface",
  ],
  "E_QOS_MARK: marking ports without a protocol": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "85:9 E_QOS_MARK /qos/marking/0/ports (qos marking #1 (voice)) ports without a protocol | fix: add protocol: tcp or udp",
  ],
  "E_REF_UNKNOWN: marking on an unknown interface": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "83:18 E_REF_UNKNOWN /qos/marking/0/interface (qos marking #1 (voice)) device sw1 has no interface or LAG 'p9' | fix: use one of sw1's interfaces",
  ],
  "E_REF_UNKNOWN: a rule from an unknown tenant": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "85:17 E_REF_UNKNOWN /policies/rules/0/from/tenant (policy rule r) unknown tenant 'citty' (did you mean 'city'?) | fix: use the name of a tenant defined under tenants:",
  ],
  "E_REF_UNKNOWN: an unknown jump host": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "83:9 E_REF_UNKNOWN /policies/management/jumpHosts/0 unknown host 'h9' (did you mean 'h1'?) | fix: use the name of a host defined under hosts:",
  ],
  "E_POLICY_PORTS: ports on a rule for any protocol": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "89:9 E_POLICY_PORTS /policies/rules/0/ports (policy rule r) rule r: ports need protocol tcp or udp (it is any) | fix: set protocol: tcp or udp, or remove ports",
  ],
  "E_DUPLICATE: two rules with one name": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "88:13 E_DUPLICATE /policies/rules/1/name (policy rule r) rule name 'r' is used twice (rules 0 and 1) | fix: give every rule its own name",
  ],
  "E_POLICY_EMPTY: a rule to a tenant without subnets": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:9 E_POLICY_EMPTY /policies/rules/0/to (policy rule r) rule r: tenant university holds no address (no subnet) | fix: name something with a subnet or address, or give the VLANs subnets",
  ],
  "W_POLICY_SHADOWED: a rule an earlier one already covers": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "88:7 W_POLICY_SHADOWED /policies/rules/1 (policy rule narrow) rule narrow never matches: rule wide before it already allows all of its traffic | fix: remove rule narrow, or move it before wide",
  ],
  "E_POLICY_CONTRADICTS: a rule an earlier one contradicts": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "89:7 E_POLICY_CONTRADICTS /policies/rules/1 (policy rule narrow) rule narrow (deny) never takes effect: rule wide before it allows all of its traffic | fix: move narrow before wide if it is the exception, or remove one of them",
  ],
  "E_POLICY_CUTS_MANAGEMENT: a deny that cuts the management path": [
    "84:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "90:7 E_POLICY_CUTS_MANAGEMENT /policies/rules/0 (policy rule lockdown) rule lockdown denies management VLAN 20 the management network (10.0.20.0/24): it would cut the management path | fix: narrow the rule's from: so that it leaves out management VLAN 20, or allow it first",
  ],
  "E_REF_UNKNOWN: an unknown management VLAN of the policies": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:11 E_REF_UNKNOWN /policies/management/vlan unknown VLAN 99 | fix: use the id of the management VLAN defined under vlans:",
  ],
  "E_QOS_SHARE: a default class with a share": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "84:14 E_QOS_SHARE /qos/classes/0/share (qos class best-effort) class best-effort takes what is left of the link and cannot have a share | fix: remove share, or give the class another treatment",
  ],
  "E_REF_UNKNOWN: marking an unknown VLAN": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:13 E_REF_UNKNOWN /qos/marking/0/vlan (qos marking #1 (voice)) unknown VLAN 99 | fix: use the id of a VLAN defined under vlans:",
  ],
  "E_QOS_MARK: marking a device without its interface": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:7 E_QOS_MARK /qos/marking/0 (qos marking #1 (voice)) a marking entry names no traffic | fix: give vlan, subnet, or device and interface",
    "82:7 E_QOS_MARK /qos/marking/0 (qos marking #1 (voice)) device and interface go together | fix: give both, or neither",
  ],
  "E_REF_UNKNOWN: marking on an unknown device": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "82:15 E_REF_UNKNOWN /qos/marking/0/device (qos marking #1 (voice)) unknown device 'sw9' (did you mean 'sw1'?) | fix: use the name of a device defined under devices:",
  ],
  "E_REF_UNKNOWN: a rule from an unknown VRF": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "85:14 E_REF_UNKNOWN /policies/rules/0/from/vrf (policy rule r) unknown vrf 'blue' | fix: use the name of a vrf defined under vrfs:",
  ],
  "E_REF_UNKNOWN: a rule to an unknown service": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:18 E_REF_UNKNOWN /policies/rules/0/to/service (policy rule r) unknown service 'vidoe' | fix: use the name of a service defined under services:",
  ],
  "E_REF_UNKNOWN: a rule to an unknown host": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:15 E_REF_UNKNOWN /policies/rules/0/to/host (policy rule r) unknown host 'h9' (did you mean 'h1'?) | fix: use the name of a host defined under hosts:",
  ],
  "E_REF_UNKNOWN: a rule from an unknown site": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "85:15 E_REF_UNKNOWN /policies/rules/0/from/site (policy rule r) unknown site 'dc9' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:",
  ],
  "E_REF_UNKNOWN: a rule to an unknown VLAN": [
    "76:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    "87:15 E_REF_UNKNOWN /policies/rules/0/to/vlan (policy rule r) unknown VLAN 99 | fix: use the id of a VLAN defined under vlans:",
  ],
  "E_STP_INSTANCE: a VLAN in two MSTP instances": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "17:15 E_STP_INSTANCE /sites/0/stp/instances/1/vlans/0 (site dc1 mst instance 2) VLAN 10 is mapped to MSTP instances 1 and 2 at site dc1 | fix: map each VLAN to one instance",
    "31:15 E_PLATFORM_FEATURE /devices/0/platform (device sw1) sw1 (ovs) cannot run mstp, the spanning tree of site dc1 (it runs rstp) | fix: set the site's stp mode to rstp, or set stp: { enabled: false } on sw1",
  ],
  "E_STP_INSTANCE: an MSTP instance mapping a VLAN the site does not have": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "14:15 E_STP_INSTANCE /sites/0/stp/instances/0/vlans/0 (site dc1 mst instance 1) MSTP instance 1 maps VLAN 20, which is not defined at site dc1 | fix: add dc1 to the VLAN's sites, or take 20 out of the instance",
    "28:15 E_PLATFORM_FEATURE /devices/0/platform (device sw1) sw1 (ovs) cannot run mstp, the spanning tree of site dc1 (it runs rstp) | fix: set the site's stp mode to rstp, or set stp: { enabled: false } on sw1",
  ],
  "E_STP_INSTANCE: an MSTP instance listed twice": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "15:15 E_STP_INSTANCE /sites/0/stp/instances/1/id (site dc1 mst instance 1) MSTP instance 1 is listed twice at site dc1 | fix: list each instance once, with all its VLANs",
    "31:15 E_PLATFORM_FEATURE /devices/0/platform (device sw1) sw1 (ovs) cannot run mstp, the spanning tree of site dc1 (it runs rstp) | fix: set the site's stp mode to rstp, or set stp: { enabled: false } on sw1",
  ],
  "E_STP_PORT: stp on a port that is not a switch port": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "39:11 E_STP_PORT /devices/0/interfaces/2/stp (device sw1 interface p3) sw1 p3 is not a switch port (unused): spanning tree does not run on it | fix: remove stp from the port",
  ],
  "W_STP_UNUSED: port stp on a device at a site without spanning tree": [
    "32:11 W_STP_UNUSED /devices/0/interfaces/0/stp (device sw1 interface p1) sw1 p1 has stp settings, but sw1 runs no spanning tree | fix: add stp to site dc1, or remove the port's stp",
  ],
  "W_STP_UNUSED: port stp on a device that leaves the tree": [
    "34:11 W_STP_UNUSED /devices/0/interfaces/0/stp (device sw1 interface p1) sw1 p1 has stp settings, but sw1 takes no part in site dc1's spanning tree (stp.enabled: false) | fix: remove stp.enabled: false from sw1, or remove the port's stp",
  ],
  "E_STP_PORT: stp on a LAG that is not a switch port": [
    "10:7 W_STP_NO_ROOT /sites/0/stp (site dc1) site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    "41:15 E_PLATFORM_FEATURE /devices/0/lags/0/mode (device sw1 lag bond0) sw1 (ovs) cannot do routed ports (bond0) | fix: route on a router/L3 switch platform; attach this switch with access or trunk ports",
    "41:15 E_PORT_MODE /devices/0/lags/0/mode (device sw1 lag bond0) sw1 bond0: routed port without an address | fix: add `address: <ip>/<len>`",
    "43:11 E_STP_PORT /devices/0/lags/0/stp (device sw1 lag bond0) sw1 bond0 is not a switch port (routed): spanning tree does not run on it | fix: remove stp from the port",
  ],
  "E_MLAG_PAIR: a switch in two multi-chassis pairs": [
    "129:9 E_MLAG_PAIR /mlag/1/devices/0 (mlag pair p2) sw1 is in mlag pairs p1 and p2 | fix: a switch belongs to one pair",
    "130:9 E_MLAG_PAIR /mlag/1/devices/1 (mlag pair p2) sw3 is in mlag pairs p1 and p2 | fix: a switch belongs to one pair",
  ],
  "E_MLAG_PAIR: a pair of two platforms": [
    "69:15 E_IFNAME_INVALID /devices/2/interfaces/0/name (device sw3 interface Ethernet1/3) 'Ethernet1/3' is not a valid huawei-vrp interface name (device sw3) | fix: use the platform's naming, e.g. 10GE1/0/1, 100GE1/0/49, GE1/0/1, a split lane 100GE1/0/1:1, in a CSS 10GE1/1/0/1",
    "71:15 E_IFNAME_INVALID /devices/2/interfaces/1/name (device sw3 interface Ethernet1/4) 'Ethernet1/4' is not a valid huawei-vrp interface name (device sw3) | fix: use the platform's naming, e.g. 10GE1/0/1, 100GE1/0/49, GE1/0/1, a split lane 100GE1/0/1:1, in a CSS 10GE1/1/0/1",
    "74:15 E_LAGNAME_INVALID /devices/2/lags/0/name (device sw3 lag port-channel1) 'port-channel1' is not a valid huawei-vrp LAG name (device sw3) | fix: use the platform's naming, e.g. Eth-Trunk1",
    "125:9 E_MLAG_PAIR /mlag/0/devices/1 (mlag pair p1) mlag pair p1: sw1 runs cisco-nxos, sw3 huawei-vrp | fix: pair two switches of one platform",
  ],
  "E_MLAG_PEER_LINK: a peer link that is an access LAG": [
    "41:15 E_MLAG_PEER_LINK /devices/0/lags/0/mode (device sw1 lag port-channel1) the peer link port-channel1 of sw1 is an access LAG | fix: make the peer link a trunk",
    "100:18 E_LINK_MODE /links/1/b/interface (link sw1:Ethernet1/3 <-> sw3:Ethernet1/3) mode mismatch on sw1 port-channel1 <-> sw3 port-channel1: access/trunk | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
  ],
  "E_MLAG_KEEPALIVE: an EOS pair without keepalive addresses": [
    "122:5 E_MLAG_KEEPALIVE /mlag/0 (mlag pair p1) mlag pair p1 (arista-eos) needs keepalive addresses on its peer VLAN | fix: add keepalive: [10.255.255.0/31, 10.255.255.1/31] (one per switch, in device order)",
  ],
  "E_MLAG_KEEPALIVE: an EOS pair keeping alive from one address": [
    "128:7 E_MLAG_KEEPALIVE /mlag/0/keepalive (mlag pair p1) mlag pair p1: both switches would keep alive from 10.255.255.0/31 | fix: give each switch its own keepalive address, both in one subnet, e.g. 10.255.255.0/31 and 10.255.255.1/31",
  ],
  "E_MLAG_LAG: the peer link as a downstream half too": [
    "44:15 E_MLAG_LAG /devices/0/lags/0/mlag (device sw1 lag port-channel1) sw1 port-channel1 is the peer link of p1; it cannot be a downstream half too | fix: remove mlag from the peer link",
  ],
  "E_DUPLICATE: a pair named twice": [
    "124:9 E_MLAG_PAIR /mlag/1/devices/0 (mlag pair p1) sw1 is in two mlag pairs named p1 | fix: a switch belongs to one pair",
    "125:9 E_MLAG_PAIR /mlag/1/devices/1 (mlag pair p1) sw3 is in two mlag pairs named p1 | fix: a switch belongs to one pair",
    "127:11 E_DUPLICATE /mlag/1/name (mlag pair p1) mlag pair 'p1' is defined again (first at item 1) | fix: give each mlag pair a unique name, or merge the two entries",
  ],
  "E_INBAND_SUBNET: in-band management in a VLAN without a subnet": [
    "29:9 E_INBAND_SUBNET /devices/0/management/inband (device sw1) management VLAN 10 of sw1 has no subnet to put the management address in | fix: give VLAN 10 a subnet",
  ],
  "E_REF_UNKNOWN: a VLAN group at an unknown site": [
    "104:9 E_REF_UNKNOWN /vlanGroups/0/sites/1 (vlan group dc1-local) unknown site 'dc9' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:",
  ],
  "E_VLAN_ID_CONFLICT: one VLAN ID for two VLANs at one site": [
    "80:9 E_VLAN_ID_CONFLICT /vlans/3/id (vlan 20) VLAN 20 at site dc1 would be both dc1-servers (group dc1-local) and dc1-other | fix: at one site an ID means one VLAN: pick another ID, or keep the two VLANs at different sites",
  ],
};
