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
];
