/**
 * What each file under test/fixtures/broken must give: every finding written out as findings.ts writes a
 * check case's ("line:column CODE path (object) message | fix: hint"), errors and warnings, in the order
 * validate reports them. Reviewed by hand: the place is the text at fault, the message names the object and
 * what is wrong, the fix says what to change.
 */
export const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  "alias-bomb.yaml": [
    "1:1 E_YAML_ALIAS_BOMB  aliases expand the document to more than 5,000,000 nodes | fix: aliases (*name) may reuse small pieces such as VLAN lists; do not nest aliases of aliases",
  ],
  "bad-address.yaml": [
    "34:40 E_SCHEMA_FORMAT /hosts/0/address (host h1) \"10.0.10.11\" is not in the expected format | fix: write it as expected: An IPv4 address or network with prefix length, e.g. 10.10.120.0/24.",
  ],
  "bad-enum.yaml": [
    "15:11 E_SCHEMA_ENUM /devices/0/role (device sw1) \"spline\" is not allowed (did you mean 'spine'?) | fix: use one of: core, spine, leaf, access, border, wan (Role in the design.)",
  ],
  "bad-version.yaml": [
    "2:10 E_SCHEMA_VERSION /version unsupported inventory version 2 | fix: this citydc reads inventory version 1: write `version: 1`",
  ],
  "bgp-link-in-vrf-vendor.yaml": [
    "499:122 E_BGP_LINK /links/30/a/interface (link kg-dc1-border1:10GE1/0/5 <-> kg-unikg-wan1:Ethernet1) link has bgp: true but kg-dc1-border1 10GE1/0/5 is in VRF university: citydc runs the BGP sessions of links in the global table, where this session could never come up | fix: take the link's ends out of VRF university (leave out `vrf:`), or set bgp: false and configure BGP for VRF university on the device yourself",
    "499:174 E_BGP_LINK /links/30/b/interface (link kg-dc1-border1:10GE1/0/5 <-> kg-unikg-wan1:Ethernet1) link has bgp: true but kg-unikg-wan1 Ethernet1 is in VRF university: citydc runs the BGP sessions of links in the global table, where this session could never come up | fix: take the link's ends out of VRF university (leave out `vrf:`), or set bgp: false and configure BGP for VRF university on the device yourself",
  ],
  "bgp-link-in-vrf.yaml": [
    "128:103 E_BGP_LINK /links/6/a/interface (link lab-dc1-border1:eth1 <-> lab-dc2-border1:eth1) link has bgp: true but lab-dc1-border1 eth1 is in VRF city: citydc runs the BGP sessions of links in the global table, where this session could never come up | fix: take the link's ends out of VRF city (leave out `vrf:`), or set bgp: false and configure BGP for VRF city on the device yourself",
    "128:152 E_BGP_LINK /links/6/b/interface (link lab-dc1-border1:eth1 <-> lab-dc2-border1:eth1) link has bgp: true but lab-dc2-border1 eth1 is in VRF city: citydc runs the BGP sessions of links in the global table, where this session could never come up | fix: take the link's ends out of VRF city (leave out `vrf:`), or set bgp: false and configure BGP for VRF city on the device yourself",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "bgp-neighbor-self.yaml": [
    "98:30 E_BGP_NEIGHBOR /devices/4/bgp/neighbors/0/address (device lab-dc1-border1 bgp neighbor 10.255.1.0) BGP neighbor 10.255.1.0 of lab-dc1-border1 is its eth1 address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "bgp-network-host-bits.yaml": [
    "97:33 E_SUBNET_HOST_BITS /devices/4/bgp/networks/1 (device lab-dc1-border1 bgp) BGP network 10.30.130.1/24 on lab-dc1-border1 has host bits set (a device advertises the exact network) | fix: write the network address: 10.30.130.0/24",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "bgp-same-router-id.yaml": [
    "112:17 E_BGP_ROUTER_ID /devices/5/bgp/routerId (device lab-dc2-border1 bgp) BGP router ID 10.255.0.1 of lab-dc2-border1 is also the router ID of lab-dc1-border1 | fix: give each BGP router its own router ID (bgp.routerId, or a unique loopback); a peer with the same ID is refused",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "binary.yaml": [
    "2:8 E_FILE_BINARY  file looks binary (NUL byte at offset 18) | fix: pass the YAML inventory file, not an archive or compiled file",
  ],
  "comments-only.yaml": [
    "1:1 E_FILE_EMPTY  file has no YAML content (only comments or blank lines) | fix: an inventory needs at least version, name, tenants, sites and devices; start from inventory/lab.yaml",
  ],
  "cr-line-ends.yaml": [
    "19:41 E_SCHEMA_RANGE /devices/0/interfaces/0/vlan (device sw1 interface p1) 0 is out of range: must be at least 1 | fix: use a value at least 1 (A VLAN ID (1..4094; platforms may reserve some).)",
  ],
  "dr-no-dci.yaml": [
    "36:41 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "dr-vlan-missing.yaml": [
    "36:41 E_DR_VLAN_MISSING /dr/0/vlans/0 (dr dc2) protected VLAN 10 is not defined at DR site dc2 | fix: add dc2 to the sites of VLAN 10 (same ID and subnet as at dc1)",
  ],
  "duplicate-interface.yaml": [
    "21:17 E_DUPLICATE /devices/0/interfaces/2/name (device sw1 interface p2) interface of sw1 'p2' is defined again (first at item 2) | fix: give each interface of sw1 a unique name, or merge the two entries",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "duplicate-key.yaml": [
    "13:5 E_YAML_DUPLICATE_KEY  key 'site' appears twice in one mapping | fix: remove or rename one of the two keys (YAML would silently keep only one)",
  ],
  "duplicate-management.yaml": [
    "25:17 E_DUPLICATE_MANAGEMENT /devices/1/management (device sw2) management address 127.0.0.1:2201 is also used by device sw1 | fix: give each device its own management address or SSH port",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "duplicate-vlan-host.yaml": [
    "31:11 E_DUPLICATE /vlans/1/id (vlan 10) VLAN '10' is defined again (first at item 1) | fix: give each VLAN a unique ID, or merge the two entries",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "duplicate-vlan.yaml": [
    "31:11 E_DUPLICATE /vlans/1/id (vlan 10) VLAN '10' is defined again (first at item 1) | fix: give each VLAN a unique ID, or merge the two entries",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "empty.yaml": [
    "1:1 E_FILE_EMPTY  file is empty | fix: start from inventory/lab.yaml or inventory/kragujevac.yaml; an inventory needs at least version, name, tenants, sites and devices",
  ],
  "encoded-surrogate.yaml": [
    "4:40 E_FILE_ENCODING  file is not valid UTF-8: byte ED at offset 162 (followed by A0 80 79) does not start a UTF-8 character | fix: save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
  ],
  "gateway-outside.yaml": [
    "30:108 E_GATEWAY_OUTSIDE /vlans/0/gateway (vlan 10) VLAN 10 gateway 10.0.11.1 is not a usable address of 10.0.10.0/24 | fix: use a host address inside 10.0.10.0/24 (not the network or broadcast address)",
    "34:40 E_HOST_SUBNET /hosts/0/address (host h1) host h1 address 10.0.20.11/24 does not fit VLAN 10's subnet 10.0.10.0/24 | fix: use a free address in 10.0.10.0/24 with prefix length /24",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "host-and-link.yaml": [
    "34:89 E_HOST_PORT /hosts/0/attach/interface (host h1) host h1 is attached to sw1 p2, which is a trunk port | fix: set `mode: access` and `vlan:` on p2, or attach the host to an access port",
    "34:89 E_PORT_HOST_LINK /hosts/0/attach/interface (host h1) sw1 p2 is used by link sw1:p2 <-> sw2:p2 and by host h1 | fix: a host needs its own access port: attach it to a free interface, or remove the link",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "host-on-trunk.yaml": [
    "34:89 E_HOST_PORT /hosts/0/attach/interface (host h1) host h1 is attached to sw1 p1, which is a trunk port | fix: set `mode: access` and `vlan:` on p1, or attach the host to an access port",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "interface-name.yaml": [
    "27:17 E_IFNAME_INVALID /devices/1/interfaces/0/name (device sw2 interface port/1) 'port/1' is not a valid ovs interface name (device sw2) | fix: use the platform's naming, e.g. p1, eth1",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "lacp-passive-both.yaml": [
    "122:106 E_LINK_LACP /links/0/b/interface (link lab-dc1-leaf1:p1 <-> lab-dc1-spine1:p1) both ends of lab-dc1-leaf1 bond0 (passive) <-> lab-dc1-spine1 bond0 (passive) are LACP passive: neither starts the negotiation, the LAG never comes up | fix: set lacp: active on at least one end (lab-dc1-leaf1 bond0 or lab-dc1-spine1 bond0)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "lacp-static-active.yaml": [
    "122:60 E_LINK_LACP /links/0/a/interface (link lab-dc1-leaf1:p1 <-> lab-dc1-spine1:p1) LACP mismatch on lab-dc1-leaf1 bond0 (static) <-> lab-dc1-spine1 bond0 (active): one end runs LACP, the other is a static LAG, so the LACP end never bundles its members | fix: set lacp: active on lab-dc1-leaf1 bond0 (or static on both ends)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "lag-member-mode.yaml": [
    "20:28 W_SPEED_NOT_SET /devices/0/interfaces/1/speed (device sw1 interface p2) sw1 (ovs) has no port speed to set: speeds on its ports (10G on p2) only document the links | fix: leave speed off lab links, or keep it as documentation",
    "20:51 E_LAG_MEMBER_MODE /devices/0/interfaces/1/mode (device sw1 interface p2) sw1 p2 is a member of bond0 but sets 'mode' | fix: remove 'mode' from the member; set it on LAG bond0 instead",
    "21:28 E_LAG_MEMBER_MISMATCH /devices/0/interfaces/2/speed (device sw1 interface p3) sw1 p3 runs at 1G but p2 (same LAG bond0) at 10G | fix: members of one LAG must have the same speed",
    "31:28 W_SPEED_NOT_SET /devices/1/interfaces/2/speed (device sw2 interface p3) sw2 (ovs) has no port speed to set: speeds on its ports (1G on p3) only document the links | fix: leave speed off lab links, or keep it as documentation",
    "35:82 E_LINK_LAG /links/0/b/interface (link sw1:p2 <-> sw2:p2) sw1 p2 is a LAG member but sw2 p2 is not | fix: make sw2 p2 a member of a LAG too, or take p2 out of its LAG",
    "39:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "latin1.yaml": [
    "4:30 E_FILE_ENCODING  file is not valid UTF-8: byte E8 at offset 79 (followed by 22 0A) does not start a UTF-8 character | fix: save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
  ],
  "link-allowed.yaml": [
    "32:82 E_LINK_VLANS /links/0/b/interface (link sw1:p2 <-> sw2:p2) allowed VLANs differ on sw1 p2 <-> sw2 p2: [10] vs all | fix: allow the same VLANs on both ends of the trunk",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "link-lag.yaml": [
    "33:82 E_LINK_LAG /links/0/b/interface (link sw1:p2 <-> sw2:p2) sw1 p2 is a LAG member but sw2 p2 is not | fix: make sw2 p2 a member of a LAG too, or take p2 out of its LAG",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "link-mode.yaml": [
    "32:82 E_LINK_MODE /links/0/b/interface (link sw1:p2 <-> sw2:p2) mode mismatch on sw1 p2 <-> sw2 p2: trunk/access | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
    "36:41 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "link-native.yaml": [
    "32:82 E_LINK_NATIVE /links/0/b/interface (link sw1:p2 <-> sw2:p2) native VLAN differs on sw1 p2 <-> sw2 p2: none vs 10 | fix: set the same native VLAN on both ends (or none on both)",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "link-speed.yaml": [
    "20:28 W_SPEED_NOT_SET /devices/0/interfaces/1/speed (device sw1 interface p2) sw1 (ovs) has no port speed to set: speeds on its ports (10G on p2) only document the links | fix: leave speed off lab links, or keep it as documentation",
    "28:28 W_SPEED_NOT_SET /devices/1/interfaces/1/speed (device sw2 interface p2) sw2 (ovs) has no port speed to set: speeds on its ports (1G on p2) only document the links | fix: leave speed off lab links, or keep it as documentation",
    "32:82 E_LINK_SPEED /links/0/b/interface (link sw1:p2 <-> sw2:p2) speed mismatch on sw1 p2 <-> sw2 p2: 10G vs 1G | fix: set the same speed on both ends (or use matching optics)",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "merge-scalar.yaml": [
    "4:6 E_YAML_SYNTAX  a merge key (<<) must be given a mapping, an alias of one, or a list of those | fix: write `<<: *name` (an anchored mapping) or `<<: { key: value }`, or remove the `<<:` line",
  ],
  "mgmt-address-broadcast.yaml": [
    "63:28 E_MANAGEMENT_ADDRESS /devices/2/management/address (device lab-dc1-leaf2) management address 255.255.255.255 of lab-dc1-leaf2 is the limited broadcast address; no device can be reached there | fix: use the address lab-dc1-leaf2 answers SSH on (its management or loopback address)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-address-colon.yaml": [
    "63:28 E_MANAGEMENT_ADDRESS /devices/2/management/address (device lab-dc1-leaf2) management address ':' of lab-dc1-leaf2 is not an IPv4 or IPv6 address | fix: write one IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10), without a prefix length or port",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-address-nine-groups.yaml": [
    "63:28 E_MANAGEMENT_ADDRESS /devices/2/management/address (device lab-dc1-leaf2) management address '1:2:3:4:5:6:7:8:9' of lab-dc1-leaf2 is not an IPv4 or IPv6 address | fix: write the address alone (address: 1:2:3:4:5:6:7:8) and the SSH port as port: 9",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-address-unspecified.yaml": [
    "63:28 E_MANAGEMENT_ADDRESS /devices/2/management/address (device lab-dc1-leaf2) management address 0.0.0.0 of lab-dc1-leaf2 is the unspecified address 0.0.0.0; no device can be reached there | fix: use the address lab-dc1-leaf2 answers SSH on (its management or loopback address)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-address-with-port.yaml": [
    "63:28 E_MANAGEMENT_ADDRESS /devices/2/management/address (device lab-dc1-leaf2) management address '127.0.0.1:22' of lab-dc1-leaf2 is not an IPv4 or IPv6 address | fix: write the address alone (address: 127.0.0.1) and the SSH port as port: 22",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-equals-host.yaml": [
    "63:28 E_ADDRESS_DUPLICATE /devices/2/management/address (device lab-dc1-leaf2) management address 10.30.120.11 of lab-dc1-leaf2 is the address of host lab-video1 | fix: use lab-dc1-leaf2's own management or loopback address (citydc would log in to whatever answers there)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-interface-access-port.yaml": [
    "66:27 E_MANAGEMENT_PORT /devices/2/interfaces/1/mode (device lab-dc1-leaf2 interface p5) lab-dc1-leaf2 p5 is the management interface (management.interface), which citydc never configures, but it also has mode, vlan: that would be left out of the configuration | fix: use another interface for this port, or set management.interface to the real out-of-band port (and remove mode, vlan from p5)",
    "132:109 E_MANAGEMENT_PORT /hosts/1/attach/interface (host lab-video2) host lab-video2 is attached to lab-dc1-leaf2 p5, the management interface, which citydc never configures | fix: attach the host to an access port, or correct management.interface of lab-dc1-leaf2",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "mgmt-user-too-long.yaml": [
    "63:57 E_SCHEMA_RANGE /devices/2/management/user (device lab-dc1-leaf2) \"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\"... is too long: must have at most 64 characters | fix: shorten it to at most 64 characters (Login user, e.g. netops.)",
  ],
  "missing-key.yaml": [
    "11:5 E_SCHEMA_REQUIRED /devices/0 (device sw1) missing required key 'platform' | fix: add 'platform:' (Network OS: decides the interface naming, reserved VLANs and the configuration syntax.)",
  ],
  "multi-document.yaml": [
    "37:1 E_YAML_SYNTAX  the file holds more than one YAML document (---) | fix: keep the whole inventory in one document: remove the extra `---` separators",
  ],
  "platform-feature.yaml": [
    "30:140 E_PLATFORM_FEATURE /vlans/0/gateways/0/device (vlan 10 gateway sw1) sw1 (ovs) cannot be a VLAN gateway | fix: choose a gateway device with L3 support, or attach a router port to the VLAN",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "port-reuse.yaml": [
    "33:47 E_PORT_REUSE /links/1/a/interface (link sw2:p2 <-> sw1:p2) sw2 p2 is already used by link sw1:p2 <-> sw2:p2; now also link sw2:p2 <-> sw1:p2 | fix: each interface takes one cable: use a free interface for one of them",
    "33:82 E_PORT_REUSE /links/1/b/interface (link sw2:p2 <-> sw1:p2) sw1 p2 is already used by link sw1:p2 <-> sw2:p2; now also link sw2:p2 <-> sw1:p2 | fix: each interface takes one cable: use a free interface for one of them",
  ],
  "rack-overflow.yaml": [
    "14:15 E_RACK_OVERFLOW /devices/0/position (device sw1) device sw1 occupies U42-U43, above the top of rack r1 (42U) | fix: use a position at most 41, or correct the rack height",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "rack-overlap-2.yaml": [
    "14:15 E_RACK_OVERLAP /devices/0/position (device sw1) device sw1 (U2-U2) overlaps device sw3 (U1-U2) in rack r1 | fix: move sw1 to rack units that sw3 (U1-U2) does not use",
    "44:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "rack-overlap.yaml": [
    "32:15 E_RACK_OVERLAP /devices/2/position (device sw3) device sw3 (U1-U2) overlaps device sw1 (U1-U1) in rack r1 | fix: move sw3 to rack units that sw1 (U1-U1) does not use",
    "44:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "rack-site.yaml": [
    "13:11 E_RACK_SITE /devices/0/rack (device sw1) rack r1 stands at site dc2, but device sw1 is at site dc1 | fix: move the device to a rack at dc1, or correct the device's site",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "route-nexthop-other-vrf.yaml": [
    "94:64 E_ROUTE_NEXTHOP /devices/4/routes/0/vrf (device lab-dc1-border1 route 10.99.0.0/24) next hop 10.255.1.1 of route 10.99.0.0/24 (VRF university) on lab-dc1-border1 is connected only in the global table | fix: put the route in the global table, or use a next hop connected in VRF university",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "route-nexthop-self.yaml": [
    "94:47 E_ROUTE_NEXTHOP /devices/4/routes/0/nextHop (device lab-dc1-border1 route 10.99.0.0/24) next hop 10.255.1.0 of route 10.99.0.0/24 on lab-dc1-border1 is its eth1 address: the route would point at the device itself | fix: use the address of the neighbor that forwards the traffic (the other end of the link)",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "route-prefix-host-bits.yaml": [
    "94:24 E_SUBNET_HOST_BITS /devices/4/routes/0/prefix (device lab-dc1-border1 route 10.99.0.1/24) route prefix 10.99.0.1/24 on lab-dc1-border1 has host bits set | fix: write the network address: 10.99.0.0/24",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "routed-overlap.yaml": [
    "94:46 E_SUBNET_OVERLAP /devices/4/interfaces/2/address (device lab-dc1-border1 interface eth3) lab-dc1-border1 eth3 10.30.130.200/25 overlaps lab-dc1-border1 eth2 10.30.130.1/24 in the global table | fix: give each routed port of lab-dc1-border1 its own subnet",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "service-foreign-vlan.yaml": [
    "145:58 E_SERVICE_TENANT /services/3/vlans/1 (service university) service university (tenant university) uses VLAN 120, which belongs to tenant city | fix: use a VLAN of tenant university for service university, or correct the service's tenant",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "subnet-overlap.yaml": [
    "30:85 E_SUBNET_OVERLAP /vlans/0/subnet (vlan 10) VLAN 10 subnet 10.0.10.0/24 overlaps VLAN 20 subnet 10.0.0.0/16 in the global table | fix: give each VLAN its own subnet, or put them in different VRFs",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "text-control.yaml": [
    "19:58 E_TEXT_CONTROL /devices/0/interfaces/0/description (device sw1 interface p1) text contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8 | fix: remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)",
    "20:62 E_TEXT_CONTROL /devices/0/interfaces/1/description (device sw1 interface p2) text contains U+0085 NEXT LINE (NEL) at character 7 | fix: remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)",
  ],
  "top-level-list.yaml": [
    "2:1 E_TOP_LEVEL  the document is a list; an inventory is a mapping with keys version, name, tenants, sites, devices, ... | fix: write the inventory as `key: value` lines at the top level (see inventory/lab.yaml)",
  ],
  "top-level-scalar.yaml": [
    "2:1 E_TOP_LEVEL  the document is a string; an inventory is a mapping with keys version, name, tenants, sites, devices, ... | fix: write the inventory as `key: value` lines at the top level (see inventory/lab.yaml)",
  ],
  "unknown-device.yaml": [
    "32:66 E_REF_UNKNOWN /links/0/b/device (link sw1:p2 <-> sw22:p2) unknown device 'sw22' (did you mean 'sw2'?) | fix: use the name of a device defined under devices:, or define 'sw22' there",
    "36:41 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "unknown-interface.yaml": [
    "32:82 E_REF_UNKNOWN /links/0/b/interface (link sw1:p2 <-> sw2:p22) device sw2 has no interface or LAG 'p22' (did you mean 'p2'?) | fix: add 'p22' to devices[sw2].interfaces (or lags), or correct the name",
    "36:41 E_DR_NO_DCI /dr/0/vlans/0 (dr dc2) no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
  ],
  "unknown-key.yaml": [
    "11:5 E_SCHEMA_REQUIRED /devices/0 (device sw1) missing required key 'platform' | fix: add 'platform:' (Network OS: decides the interface naming, reserved VLANs and the configuration syntax.)",
    "16:5 E_SCHEMA_UNKNOWN_KEY /devices/0/platfrom (device sw1) unknown key 'platfrom' (did you mean 'platform'?) | fix: remove it or use one of: name, site, rack, position, height, role, platform, model, management, loopback, interfaces, lags, routes, bgp, stp (keys are camelCase)",
  ],
  "unknown-tenant.yaml": [
    "30:36 E_REF_UNKNOWN /vlans/0/tenant (vlan 10) unknown tenant 'cty' (did you mean 'city'?) | fix: use the name of a tenant defined under tenants:, or define 'cty' there",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "unknown-vlan.yaml": [
    "19:41 E_REF_UNKNOWN /devices/0/interfaces/0/vlan (device sw1 interface p1) unknown VLAN 11 | fix: define VLAN 11 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
    "36:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "version-nan.yaml": [
    "2:10 E_SCHEMA_TYPE /version must be an integer, found the YAML float .nan | fix: write an integer (Inventory format version; always 1.)",
    "2:10 E_SCHEMA_VERSION /version unsupported inventory version .nan | fix: this citydc reads inventory version 1: write `version: 1`",
  ],
  "vlan-foreign-vrf.yaml": [
    "116:76 E_VRF_TENANT /vlans/0/vrf (vlan 120) VLAN 120 belongs to tenant city, but VRF university belongs to tenant university | fix: put VLAN 120 in a VRF of tenant city (or the global table), or correct the VLAN's tenant",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "vlan-reserved.yaml": [
    "19:50 E_VLAN_RESERVED /devices/0/interfaces/0/vlan (device sw1 interface Ethernet1/1) VLAN 4000 is reserved on cisco-nxos (device sw1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    "37:5 W_DR_SINGLE_PATH /dr/0 (dr dc2) protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "vlan-subnet-contains-p2p.yaml": [
    "120:89 E_SUBNET_OVERLAP /vlans/4/subnet (vlan 150) VLAN 150 subnet 10.255.1.0/24 overlaps lab-dc1-border1 eth1 10.255.1.0/31 in the global table | fix: give VLAN 150 a subnet that does not contain lab-dc1-border1 eth1, or readdress that routed port (a router port serving the VLAN takes exactly the VLAN's subnet)",
    "149:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "vrf-rd-duplicate.yaml": [
    "12:49 E_DUPLICATE /vrfs/1/rd (vrf university) route distinguisher 65101:0100 of VRF university is already VRF city's | fix: give each VRF its own route distinguisher (e.g. 65101:<n> with another number)",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "vrf-rd-out-of-range.yaml": [
    "11:37 E_VRF_RD /vrfs/0/rd (vrf city) route distinguisher 99999999999999999999:300 of VRF city: AS number 99999999999999999999 is above 4294967295 | fix: write ASN:NN (2-byte AS, NN up to 4294967295; or 4-byte AS, NN up to 65535) or IPv4:NN (NN up to 65535), e.g. 65001:100",
    "148:5 W_DR_SINGLE_PATH /dr/0 (dr lab-dc2) protected VLANs 120, 140 reach DR site lab-dc2 over one DCI cable (lab-dc1-spine1 <-> lab-dc2-leaf1): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
  ],
  "wrong-type.yaml": [
    "19:41 E_SCHEMA_TYPE /devices/0/interfaces/0/vlan (device sw1 interface p1) must be an integer, found string \"ten\" | fix: write an integer (A VLAN ID (1..4094; platforms may reserve some).)",
  ],
  "yaml-syntax.yaml": [
    "20:7 E_YAML_SYNTAX  YAML syntax error: missed comma between flow collection entries | fix: fix the YAML at this line (indentation, a missing colon, an unclosed quote or bracket)",
  ],
};
