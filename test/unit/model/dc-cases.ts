/**
 * Check cases for the data-center features (spanning tree, multi-chassis LAGs, MTU and speed, in-band
 * management, VLAN groups, DR path redundancy, platform limits): each mutation of the minimal valid
 * inventory must produce its code. Run by checks-dc.test.ts; the coverage test in checks.test.ts counts them.
 */
export interface DcCase {
  readonly name: string;
  readonly code: string;
  /** JSON path of the finding, when the case pins it. */
  readonly path?: string;
  readonly mutate: (d: any) => void;
}

const sw1 = (d: any) => d.devices[0];

/** sw1 moves to another platform with its two ports renamed (p1 -> a, p2 -> b), link and host following. */
function platformOf(d: any, platform: string, a: string, b: string): void {
  Object.assign(sw1(d), { platform, interfaces: [{ name: a, mode: "access", vlan: 10 }, { name: b, mode: "trunk", allowed: [10] }] });
  d.links[0].a.interface = b;
  d.hosts[0].attach.interface = a;
}

/**
 * sw1 and a new sw3 at dc1 on `platform` as a multi-chassis pair: a peer LAG (two members cabled to each
 * other) trunking VLAN 10; sw1 keeps its access port and its DCI trunk.
 */
export function pair(d: any, platform = "cisco-nxos"): void {
  const eos = platform === "arista-eos";
  const n = (i: number) => (eos ? `Ethernet${i}` : `Ethernet1/${i}`);
  const pl = eos ? "Port-Channel1" : "port-channel1";
  platformOf(d, platform, n(1), n(2));
  const peer = [{ name: n(3), lag: pl }, { name: n(4), lag: pl }];
  sw1(d).interfaces.push(...peer.map((x) => ({ ...x })));
  sw1(d).lags = [{ name: pl, mode: "trunk", allowed: [10] }];
  d.devices.push({ name: "sw3", site: "dc1", role: "leaf", platform, management: { address: "127.0.0.3", port: 22, user: "citydc" }, interfaces: peer.map((x) => ({ ...x })), lags: [{ name: pl, mode: "trunk", allowed: [10] }] });
  d.links.push({ kind: "peer", a: { device: "sw1", interface: n(3) }, b: { device: "sw3", interface: n(3) } }, { kind: "peer", a: { device: "sw1", interface: n(4) }, b: { device: "sw3", interface: n(4) } });
  d.mlag = [{ name: "p1", devices: ["sw1", "sw3"], peerLink: pl, ...(eos ? { keepalive: ["10.255.255.0/31", "10.255.255.1/31"] } : {}) }];
}

/** sw1 becomes an EOS switch with a VRF gateway and no BGP. */
function eosWithVrf(d: any): void {
  d.vrfs = [{ name: "city", tenant: "city", rd: "65001:100" }];
  Object.assign(sw1(d), { platform: "arista-eos", interfaces: [{ name: "Ethernet1", mode: "access", vlan: 10 }, { name: "Ethernet2", mode: "trunk", allowed: [10] }] });
  d.links[0].a.interface = "Ethernet2";
  d.hosts[0].attach.interface = "Ethernet1";
  d.vlans[0].vrf = "city";
  d.vlans[0].gateway = "10.0.10.1";
  d.vlans[0].gateways = [{ device: "sw1", address: "10.0.10.1" }];
}

/** sw1 on NX-OS, managed in band in VLAN 10 (10.0.10.0/24) at 10.0.10.5 via 10.0.10.1. */
function inbandSw1(d: any): void {
  platformOf(d, "cisco-nxos", "Ethernet1/1", "Ethernet1/2");
  sw1(d).management = { address: "10.0.10.5", port: 22, user: "citydc", vlan: 10, inband: { prefixLength: 24, gateway: "10.0.10.1" } };
}

export const validInband = inbandSw1;

/** VLAN 20 twice: one in group dc1-local (at dc1, on sw1 p3), one in group dc2-local (at dc2, on sw2 p3). */
function groups(d: any): void {
  d.vlanGroups = [{ name: "dc1-local", sites: ["dc1"] }, { name: "dc2-local", sites: ["dc2"] }];
  d.vlans.push(
    { id: 20, group: "dc1-local", name: "dc1-servers", tenant: "city", purpose: "server", sites: ["dc1"], subnet: "10.1.20.0/24" },
    { id: 20, group: "dc2-local", name: "dc2-servers", tenant: "city", purpose: "server", sites: ["dc2"], subnet: "10.2.20.0/24" },
  );
  sw1(d).interfaces.push({ name: "p3", mode: "access", vlan: 20 });
  d.devices[1].interfaces.push({ name: "p3", mode: "access", vlan: 20 });
  // the DCI trunk allows every VLAN: pruning, not the lists, keeps the two VLAN 20s apart
  sw1(d).interfaces[1].allowed = "all";
  d.devices[1].interfaces[1].allowed = "all";
}

export const validGroups = groups;

/** A valid pair (for the test that the pair itself is clean). */
export const validPair = (d: any, platform = "cisco-nxos"): void => pair(d, platform);

export const DC_CASES: DcCase[] = [
  // platform
  { name: "VRF route distinguisher on EOS without BGP", code: "W_VRF_RD_UNUSED", path: "/vrfs/0/rd", mutate: eosWithVrf },
  // ethernet: MTU and speed
  { name: "jumbo on one end of the DCI, 1500 on the other", code: "E_LINK_MTU", path: "/links/0/b/interface", mutate: (d) => { sw1(d).interfaces[1].mtu = 9000; d.devices[1].interfaces[1].mtu = 1500; } },
  { name: "jumbo on one end only", code: "W_LINK_MTU", path: "/links/0/b/interface", mutate: (d) => (sw1(d).interfaces[1].mtu = 9000) },
  { name: "member MTU other than its LAG's", code: "E_LAG_MTU", path: "/devices/0/interfaces/2/mtu", mutate: (d) => { sw1(d).lags = [{ name: "bond0", mode: "trunk", allowed: [10], mtu: 9000 }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0", mtu: 1500 }); } },
  { name: "MTU above EOS's 9214", code: "E_MTU_RANGE", path: "/devices/0/interfaces/1/mtu", mutate: (d) => { platformOf(d, "arista-eos", "Ethernet1", "Ethernet2"); sw1(d).interfaces[1].mtu = 9216; d.devices[1].interfaces[1].mtu = 9216; } },
  { name: "MTU on an FRR port", code: "E_PLATFORM_FEATURE", path: "/devices/2/interfaces/0/mtu", mutate: (d) => d.devices.push({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.255.0.0/31", mtu: 9000 }] }) },
  { name: "a 25GE CloudEngine port at 10G", code: "E_SPEED_UNSUPPORTED", path: "/devices/0/interfaces/2/speed", mutate: (d) => { platformOf(d, "huawei-vrp", "10GE1/0/1", "10GE1/0/2"); sw1(d).interfaces.push({ name: "25GE1/0/3", speed: "10G" }); } },
  { name: "a Junos xe- port at 1G", code: "E_SPEED_UNSUPPORTED", path: "/devices/0/interfaces/0/speed", mutate: (d) => { platformOf(d, "junos", "xe-0/0/1", "xe-0/0/2"); sw1(d).interfaces[0].speed = "1G"; } },
  { name: "speed on an ovs port", code: "W_SPEED_NOT_SET", path: "/devices/0/interfaces/0/speed", mutate: (d) => (sw1(d).interfaces[0].speed = "10G") },
  // stp
  { name: "MSTP on ovs", code: "E_PLATFORM_FEATURE", path: "/devices/0/platform", mutate: (d) => (d.sites[0].stp = { mode: "mstp" }) },
  { name: "spanning tree without a root candidate", code: "W_STP_NO_ROOT", path: "/sites/0/stp", mutate: (d) => (d.sites[0].stp = { mode: "rstp" }) },
  { name: "device stp at a site without", code: "W_STP_UNUSED", path: "/devices/0/stp", mutate: (d) => (sw1(d).stp = { priority: 4096 }) },
  { name: "stp on a LAG member", code: "E_STP_PORT", path: "/devices/0/interfaces/2/stp", mutate: (d) => { d.sites[0].stp = { mode: "rstp" }; sw1(d).lags = [{ name: "bond0", mode: "trunk", allowed: [10] }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0", stp: { edge: true } }); } },
  { name: "MSTP instances on an RSTP site", code: "E_STP_INSTANCE", path: "/sites/0/stp/instances", mutate: (d) => (d.sites[0].stp = { mode: "rstp", instances: [{ id: 1, vlans: [10] }] }) },
  { name: "an ovs bond under RSTP", code: "W_STP_BOND", path: "/devices/0/lags/0", mutate: (d) => { d.sites[0].stp = { mode: "rstp" }; sw1(d).stp = { priority: 4096 }; sw1(d).lags = [{ name: "bond0", mode: "trunk", allowed: [10] }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0" }); } },
  { name: "a VLAN in two MSTP instances", code: "E_STP_INSTANCE", path: "/sites/0/stp/instances/1/vlans/0", mutate: (d) => (d.sites[0].stp = { mode: "mstp", instances: [{ id: 1, vlans: [10] }, { id: 2, vlans: [10] }] }) },
  { name: "an MSTP instance mapping a VLAN the site does not have", code: "E_STP_INSTANCE", path: "/sites/0/stp/instances/0/vlans/0", mutate: (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc2"] }); d.sites[0].stp = { mode: "mstp", instances: [{ id: 1, vlans: [20] }] }; } },
  { name: "an MSTP instance listed twice", code: "E_STP_INSTANCE", path: "/sites/0/stp/instances/1/id", mutate: (d) => (d.sites[0].stp = { mode: "mstp", instances: [{ id: 1, vlans: [10] }, { id: 1, vlans: [10] }] }) },
  { name: "stp on a port that is not a switch port", code: "E_STP_PORT", path: "/devices/0/interfaces/2/stp", mutate: (d) => { d.sites[0].stp = { mode: "rstp" }; sw1(d).interfaces.push({ name: "p3", stp: { edge: true } }); } },
  { name: "port stp on a device at a site without spanning tree", code: "W_STP_UNUSED", path: "/devices/0/interfaces/0/stp", mutate: (d) => (sw1(d).interfaces[0].stp = { edge: true }) },
  { name: "port stp on a device that leaves the tree", code: "W_STP_UNUSED", path: "/devices/0/interfaces/0/stp", mutate: (d) => { d.sites[0].stp = { mode: "rstp" }; sw1(d).stp = { enabled: false }; sw1(d).interfaces[0].stp = { edge: true }; } },
  { name: "stp on a LAG that is not a switch port", code: "E_STP_PORT", path: "/devices/0/lags/0/stp", mutate: (d) => { d.sites[0].stp = { mode: "rstp" }; sw1(d).lags = [{ name: "bond0", mode: "routed", stp: { edge: true } }]; sw1(d).interfaces.push({ name: "p3", lag: "bond0" }); } },
  { name: "a switch in two multi-chassis pairs", code: "E_MLAG_PAIR", path: "/mlag/1/devices/0", mutate: (d) => { pair(d); d.mlag.push({ name: "p2", devices: ["sw1", "sw3"], peerLink: "port-channel1" }); } },
  { name: "a pair of two platforms", code: "E_MLAG_PAIR", path: "/mlag/0/devices/1", mutate: (d) => { pair(d); d.devices[2].platform = "huawei-vrp"; } },
  { name: "a peer link that is an access LAG", code: "E_MLAG_PEER_LINK", path: "/devices/0/lags/0/mode", mutate: (d) => { pair(d); Object.assign(sw1(d).lags[0], { mode: "access", vlan: 10, allowed: undefined }); delete sw1(d).lags[0].allowed; } },
  { name: "an EOS pair without keepalive addresses", code: "E_MLAG_KEEPALIVE", path: "/mlag/0", mutate: (d) => { pair(d, "arista-eos"); delete d.mlag[0].keepalive; } },
  { name: "an EOS pair keeping alive from one address", code: "E_MLAG_KEEPALIVE", path: "/mlag/0/keepalive", mutate: (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.0/31", "10.255.255.0/31"]; } },
  { name: "the peer link as a downstream half too", code: "E_MLAG_LAG", mutate: (d) => { pair(d); sw1(d).lags[0].mlag = true; } },
  { name: "a pair named twice", code: "E_DUPLICATE", path: "/mlag/1/name", mutate: (d) => { pair(d); d.mlag.push({ ...d.mlag[0] }); } },
  { name: "in-band management in a VLAN without a subnet", code: "E_INBAND_SUBNET", path: "/devices/0/management/inband", mutate: (d) => { inbandSw1(d); delete d.vlans[0].subnet; delete d.vlans[0].gateway; } },
  { name: "a VLAN group at an unknown site", code: "E_REF_UNKNOWN", path: "/vlanGroups/0/sites/1", mutate: (d) => { groups(d); d.vlanGroups[0].sites.push("dc9"); } },
  { name: "one VLAN ID for two VLANs at one site", code: "E_VLAN_ID_CONFLICT", mutate: (d) => { groups(d); d.vlans.push({ id: 20, name: "dc1-other", tenant: "city", purpose: "server", sites: ["dc1"], subnet: "10.3.20.0/24" }); } },
  // inband
  { name: "in-band without a management VLAN", code: "E_INBAND_VLAN", path: "/devices/0/management/inband", mutate: (d) => { inbandSw1(d); delete sw1(d).management.vlan; } },
  { name: "in-band on ovs", code: "E_PLATFORM_FEATURE", path: "/devices/0/management/inband", mutate: (d) => Object.assign(sw1(d).management, { vlan: 10, inband: { prefixLength: 24 } }) },
  { name: "in-band address outside the VLAN", code: "E_INBAND_SUBNET", path: "/devices/0/management/address", mutate: (d) => { inbandSw1(d); sw1(d).management.address = "10.0.11.5"; } },
  { name: "in-band gateway outside the VLAN", code: "E_INBAND_SUBNET", path: "/devices/0/management/inband/gateway", mutate: (d) => { inbandSw1(d); sw1(d).management.inband.gateway = "10.9.9.1"; } },
  { name: "in-band on the VLAN the device routes", code: "E_INBAND_GATEWAY", path: "/devices/0/management/vlan", mutate: (d) => { inbandSw1(d); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "sw1" }]; } },
  { name: "in-band default route on a BGP router", code: "E_INBAND_ROUTING", path: "/devices/0/management/inband/gateway", mutate: (d) => { inbandSw1(d); sw1(d).bgp = { asn: 65001 }; } },
  // dr
  { name: "protected VLANs over one DCI cable", code: "W_DR_SINGLE_PATH", path: "/dr/0", mutate: () => undefined },
  // vlan groups
  { name: "an ID at a site twice (group and global)", code: "E_VLAN_ID_CONFLICT", path: "/vlans/1/id", mutate: (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1"] }]; d.vlans.push({ id: 10, group: "g", name: "other", tenant: "city", purpose: "server", sites: ["dc1"] }); } },
  { name: "a grouped VLAN outside its group's sites", code: "E_VLAN_GROUP_SITE", path: "/vlans/1/sites/1", mutate: (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1"] }]; d.vlans.push({ id: 20, group: "g", name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"] }); } },
  { name: "an unknown group", code: "E_REF_UNKNOWN", path: "/vlans/1/group", mutate: (d) => d.vlans.push({ id: 20, group: "gx", name: "v20", tenant: "city", purpose: "server", sites: ["dc1"] }) },
  { name: "the same ID twice in one group", code: "E_DUPLICATE", path: "/vlans/2/id", mutate: (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1", "dc2"] }]; d.vlans.push({ id: 20, group: "g", name: "a", tenant: "city", purpose: "server", sites: ["dc1"] }, { id: 20, group: "g", name: "b", tenant: "city", purpose: "server", sites: ["dc2"] }); } },
  { name: "a protected ID that means another VLAN at the DR site", code: "E_DR_VLAN_MISSING", path: "/dr/0/vlans/1", mutate: (d) => { groups(d); d.dr[0].vlans.push(20); } },
  // mlag
  { name: "pair of an unknown device", code: "E_REF_UNKNOWN", path: "/mlag/0/devices/1", mutate: (d) => { pair(d); d.mlag[0].devices[1] = "sw4"; } },
  { name: "pair across two sites", code: "E_MLAG_PAIR", path: "/mlag/0/devices/1", mutate: (d) => { pair(d); d.devices[2].site = "dc2"; } },
  { name: "pair on frr", code: "E_PLATFORM_FEATURE", path: "/mlag/0/devices/0", mutate: (d) => { pair(d, "frr"); } },
  { name: "peer link that is no LAG of the pair", code: "E_MLAG_PEER_LINK", path: "/mlag/0/peerLink", mutate: (d) => { pair(d); d.mlag[0].peerLink = "port-channel9"; } },
  { name: "peer link not cabled", code: "E_MLAG_PEER_LINK", path: "/mlag/0/peerLink", mutate: (d) => { pair(d); d.links = d.links.filter((l: any) => l.kind !== "peer"); } },
  { name: "a half without its twin", code: "E_MLAG_LAG", path: "/devices/0/lags/1/mlag", mutate: (d) => { pair(d); sw1(d).lags.push({ name: "port-channel11", mode: "trunk", allowed: [10], mlag: true }); } },
  { name: "halves that differ", code: "E_MLAG_LAG", path: "/devices/0/lags/1/mlag", mutate: (d) => { pair(d); sw1(d).lags.push({ name: "port-channel11", mode: "trunk", allowed: [10], mlag: true }); d.devices[2].lags.push({ name: "port-channel11", mode: "access", vlan: 10, mlag: true }); } },
  { name: "mlag LAG on a switch in no pair", code: "E_MLAG_LAG", path: "/devices/1/lags/0/mlag", mutate: (d) => (d.devices[1].lags = [{ name: "bond0", mode: "trunk", allowed: [10], mlag: true }]) },
  { name: "one keepalive address for both", code: "E_MLAG_KEEPALIVE", path: "/mlag/0/keepalive", mutate: (d) => { pair(d); d.mlag[0].keepalive = ["10.0.0.1", "10.0.0.1"]; } },
  { name: "keepalive over an in-band management address", code: "E_MLAG_KEEPALIVE", path: "/mlag/0", mutate: (d) => { pair(d); d.vlans[0].subnet = "10.0.10.0/24"; sw1(d).management = { address: "10.0.10.5", port: 22, user: "citydc", vlan: 10, inband: { prefixLength: 24 } }; } },
  { name: "EOS keepalive without prefix", code: "E_MLAG_KEEPALIVE", path: "/mlag/0/keepalive", mutate: (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.0", "10.255.255.1"]; } },
  { name: "EOS peer VLAN also an inventory VLAN", code: "E_MLAG_PEER_VLAN", path: "/mlag/0/peerVlan", mutate: (d) => { pair(d, "arista-eos"); d.vlans.push({ id: 4094, name: "v4094", tenant: "city", purpose: "server", sites: ["dc1"] }); } },
  { name: "CloudEngine M-LAG at an MSTP site", code: "E_PLATFORM_FEATURE", path: "/mlag/0/devices/0", mutate: (d) => { pair(d); for (const x of [sw1(d), d.devices[2]]) { x.platform = "huawei-vrp"; x.interfaces.forEach((i: any) => { i.name = i.name.replace("Ethernet1/", "10GE1/0/"); if (i.lag) i.lag = "Eth-Trunk1"; }); x.lags[0].name = "Eth-Trunk1"; } d.mlag[0].peerLink = "Eth-Trunk1"; d.links.forEach((l: any) => { for (const e of [l.a, l.b]) e.interface = e.interface.replace("Ethernet1/", "10GE1/0/"); }); d.hosts[0].attach.interface = "10GE1/0/1"; d.sites[0].stp = { mode: "mstp" }; sw1(d).stp = { priority: 4096 }; } },
];
