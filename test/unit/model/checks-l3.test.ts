/**
 * The links, subnets and vlans checks at the edges their first cases left open: LAG ends facing plain
 * ports, LACP per pair of LAGs, the halves of a multi-chassis LAG as one peer, a routed or gateway port
 * whose switch is at another site, ties in the sorted sweeps over subnets (same network, same last
 * address), the address a single gateway device owns, and the VLANs each device carries. Each case is the
 * minimal inventory with a change; findings are written out as "code path message | fix: hint", filtered to
 * the codes the case is about.
 */
import { describe, expect, it } from "vitest";
import { validGroups } from "./dc-cases";
import { minimal, validate } from "./helpers";

const found = (d: unknown, ...codes: string[]): string[] =>
  validate(d)
    .diagnostics.filter((x) => codes.includes(x.code))
    .map((x) => `${x.code} ${x.path} ${x.message} | fix: ${x.hint}`);

/** A device of the given platform; its management port keeps the devices apart. */
const device = (name: string, site: string, platform: string, port: number, interfaces: any[], extra: any = {}) => ({
  name,
  site,
  role: platform === "frr" ? "border" : "leaf",
  platform,
  management: { address: "127.0.0.1", port, user: "c" },
  interfaces,
  ...extra,
});
const link = (a: string, ai: string, b: string, bi: string, kind = "fabric") => ({ kind, a: { device: a, interface: ai }, b: { device: b, interface: bi } });
const vlan = (id: number, sites: string[], extra: any = {}) => ({ id, name: `v${id}`, tenant: "city", purpose: "video", sites, ...extra });

const LINK_CODES = ["E_LINK_SELF", "E_LINK_MODE", "E_LINK_VLANS", "E_LINK_NATIVE", "E_LINK_SPEED", "E_LINK_SUBNET", "E_LINK_LAG", "E_LINK_DCI", "E_LINK_LACP"];
const MODE_FIX = "configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)";

describe("links: sites, LAGs and LACP", () => {
  it("a dci link from a device at an unknown site is left to the references check", () => {
    const d = minimal();
    d.devices[0].site = "dc9";
    expect(found(d, "E_LINK_DCI")).toEqual([]);
    d.devices[0].site = "dc2";
    expect(found(d, "E_LINK_DCI")).toEqual([
      "E_LINK_DCI /links/0/kind dci link sw1 p2 <-> sw2 p2 joins sites dc2 and dc2, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    ]);
  });

  it("the two halves of a multi-chassis LAG are one peer; another LAG of a paired switch is not a half", () => {
    const d = minimal();
    d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10] }];
    d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", lag: "bond0" }, { name: "p5", lag: "bond0" });
    const lags = [{ name: "bond1", mode: "trunk", allowed: [10], mlag: true }, { name: "bond2", mode: "trunk", allowed: [10] }];
    d.devices.push(
      device("sw3", "dc1", "ovs", 2203, [{ name: "p1", lag: "bond1" }, { name: "p2", lag: "bond2" }], { lags: lags.map((x) => ({ ...x })) }),
      device("sw4", "dc1", "ovs", 2204, [{ name: "p1", lag: "bond1" }], { lags: [{ ...lags[0] }] }),
    );
    d.mlag = [{ name: "m1", devices: ["sw3", "sw4"], peerLink: "bond9" }];
    d.links.push(link("sw1", "p3", "sw3", "p1"), link("sw1", "p5", "sw4", "p1"), link("sw1", "p4", "sw3", "p2"));
    expect(found(d, "E_LINK_LAG")).toEqual([
      "E_LINK_LAG /links/3/a/interface members of sw1 bond0 go to sw3+sw4 bond1 and to sw3 bond2 | fix: cable all members of bond0 to one LAG on one device (or split them into two LAGs)",
    ]);
  });

  it("a static LAG named as a link end, facing a plain port either way round: no LACP to compare", () => {
    const d = minimal();
    d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10], lacp: "static" }];
    d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", mode: "trunk", allowed: [10] });
    d.devices.push(device("sw3", "dc1", "ovs", 2203, [{ name: "p1", mode: "trunk", allowed: [10] }, { name: "p2", lag: "bond1" }], { lags: [{ name: "bond1", mode: "trunk", allowed: [10], lacp: "static" }] }));
    d.links.push(link("sw1", "bond0", "sw3", "p1"), link("sw1", "p4", "sw3", "bond1"));
    expect(found(d, ...LINK_CODES)).toEqual([]);
  });

  it("LACP per pair of LAGs: static against active, passive on both, passive against active", () => {
    const d = minimal();
    d.devices[0].lags = [
      { name: "bond0", mode: "trunk", allowed: [10], lacp: "static" },
      { name: "bond1", mode: "trunk", allowed: [10], lacp: "passive" },
      { name: "bond2", mode: "trunk", allowed: [10], lacp: "passive" },
    ];
    d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", lag: "bond0" }, { name: "p5", lag: "bond1" }, { name: "p6", lag: "bond2" });
    d.devices.push(device("sw3", "dc1", "ovs", 2203, [{ name: "p1", lag: "bond0" }, { name: "p2", lag: "bond0" }, { name: "p3", lag: "bond1" }, { name: "p4", lag: "bond2" }], {
      lags: [{ name: "bond0", mode: "trunk", allowed: [10] }, { name: "bond1", mode: "trunk", allowed: [10], lacp: "passive" }, { name: "bond2", mode: "trunk", allowed: [10], lacp: "active" }],
    }));
    d.links.push(link("sw1", "p3", "sw3", "p1"), link("sw1", "p4", "sw3", "p2"), link("sw1", "p5", "sw3", "p3"), link("sw1", "p6", "sw3", "p4"));
    expect(found(d, ...LINK_CODES)).toEqual([
      "E_LINK_LACP /links/1/a/interface LACP mismatch on sw1 bond0 (static) <-> sw3 bond0 (active): one end runs LACP, the other is a static LAG, so the LACP end never bundles its members | fix: set lacp: active on sw1 bond0 (or static on both ends)",
      "E_LINK_LACP /links/3/b/interface both ends of sw1 bond1 (passive) <-> sw3 bond1 (passive) are LACP passive: neither starts the negotiation, the LAG never comes up | fix: set lacp: active on at least one end (sw1 bond1 or sw3 bond1)",
    ]);
  });
});

describe("links: what the two ends carry", () => {
  /** sw1 gets the given ports (p3, p4, ...), sw3 (dc1, ovs) the given ports (p1, p2, ...), cabled in pairs. */
  const cabled = (a: any[], b: any[]) => {
    const d = minimal();
    d.devices[0].interfaces.push(...a.map((x, i) => ({ name: `p${3 + i}`, ...x })));
    d.devices.push(device("sw3", "dc1", "ovs", 2203, b.map((x, i) => ({ name: `p${1 + i}`, ...x }))));
    a.forEach((_, i) => d.links.push(link("sw1", `p${3 + i}`, "sw3", `p${1 + i}`)));
    return d;
  };

  it("a speed on the b end only is no mismatch; two speeds are", () => {
    const d = cabled([{ mode: "access", vlan: 10 }, { mode: "access", vlan: 10, speed: "1G" }], [{ mode: "access", vlan: 10, speed: "10G" }, { mode: "access", vlan: 10, speed: "10G" }]);
    expect(found(d, "E_LINK_SPEED")).toEqual([
      "E_LINK_SPEED /links/2/b/interface speed mismatch on sw1 p4 <-> sw3 p2: 1G vs 10G | fix: set the same speed on both ends (or use matching optics)",
    ]);
  });

  it("a native VLAN on the a end only", () => {
    const d = cabled([{ mode: "trunk", allowed: [10], native: 10 }], [{ mode: "trunk", allowed: [10] }]);
    expect(found(d, ...LINK_CODES)).toEqual([
      "E_LINK_NATIVE /links/1/b/interface native VLAN differs on sw1 p3 <-> sw3 p1: 10 vs none | fix: set the same native VLAN on both ends (or none on both)",
    ]);
  });

  it("access ports of one VLAN are not compared as routed ends, whatever addresses they hold", () => {
    const d = cabled([{ mode: "access", vlan: 10, address: "10.0.10.5/24" }], [{ mode: "access", vlan: 10, address: "10.9.9.9/24" }]);
    expect(found(d, ...LINK_CODES)).toEqual([]);
  });

  it("routed ends in one network with two prefix lengths are in different subnets", () => {
    const d = minimal();
    d.devices.push(device("r1", "dc1", "frr", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/30" }]), device("r2", "dc1", "frr", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }]));
    d.links.push(link("r1", "eth1", "r2", "eth1"));
    expect(found(d, ...LINK_CODES)).toEqual([
      "E_LINK_SUBNET /links/1/b/interface routed ends of r1 eth1 <-> r2 eth1 are in different subnets: 10.9.0.1/30 vs 10.9.0.0/31 | fix: address both ends from one subnet (e.g. a /31)",
    ]);
  });

  it("a routed port facing a trunk, either way round, is a mode mismatch", () => {
    const d = minimal();
    d.devices[0].interfaces.push({ name: "p3", mode: "trunk", allowed: [10] }, { name: "p4", mode: "trunk", allowed: [10] });
    d.devices.push(device("r1", "dc1", "frr", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }, { name: "eth2", mode: "routed", address: "10.9.0.2/31" }]));
    d.links.push(link("r1", "eth1", "sw1", "p3"), link("sw1", "p4", "r1", "eth2"));
    expect(found(d, ...LINK_CODES)).toEqual([
      `E_LINK_MODE /links/1/b/interface mode mismatch on r1 eth1 <-> sw1 p3: routed/trunk | fix: ${MODE_FIX}`,
      `E_LINK_MODE /links/2/b/interface mode mismatch on sw1 p4 <-> r1 eth2: trunk/routed | fix: ${MODE_FIX}`,
    ]);
  });

  it("a routed port at another site than the access switch: the VLAN is the one at the switch's site", () => {
    const d = minimal();
    d.vlans.push(vlan(20, ["dc1"], { subnet: "10.0.20.0/24" }));
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 }, { name: "p4", mode: "access", vlan: 20 });
    d.devices.push(device("r1", "dc2", "frr", 2301, [{ name: "eth1", mode: "routed", address: "10.0.99.1/24" }, { name: "eth2", mode: "routed", address: "10.0.98.1/24" }]));
    d.links.push(link("sw1", "p3", "r1", "eth1"), link("r1", "eth2", "sw1", "p4"));
    expect(found(d, ...LINK_CODES)).toEqual([
      "E_LINK_SUBNET /links/1/b/interface routed end of sw1 p3 <-> r1 eth1 has 10.0.99.1/24, outside VLAN 20's subnet 10.0.20.0/24 | fix: give the routed port an address in 10.0.20.0/24",
      "E_LINK_SUBNET /links/2/a/interface routed end of r1 eth2 <-> sw1 p4 has 10.0.98.1/24, outside VLAN 20's subnet 10.0.20.0/24 | fix: give the routed port an address in 10.0.20.0/24",
    ]);
  });

  it("only a port without a mode on the VLAN's gateway may face an access port: not a trunk, not an access port facing a trunk", () => {
    const d = minimal();
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "r1" }];
    // sw1's trunks carry a stray access VLAN (the ports check's business), the one r1 is the gateway of
    d.devices[0].interfaces.push({ name: "p3", mode: "trunk", allowed: [10], vlan: 10 }, { name: "p4", mode: "trunk", allowed: [10], vlan: 10 }, { name: "p5", mode: "trunk", allowed: [10], vlan: 10 }, { name: "p6", mode: "access", vlan: 10 });
    d.devices.push(device("r1", "dc1", "frr", 2301, [{ name: "eth1" }, { name: "eth2" }, { name: "eth3", mode: "access", vlan: 10 }, { name: "eth4", mode: "trunk", allowed: [10] }]));
    d.links.push(link("r1", "eth1", "sw1", "p3"), link("sw1", "p4", "r1", "eth2"), link("sw1", "p5", "r1", "eth3"), link("sw1", "p6", "r1", "eth4"));
    expect(found(d, "E_LINK_MODE")).toEqual([
      `E_LINK_MODE /links/1/b/interface mode mismatch on r1 eth1 <-> sw1 p3: unconfigured/trunk | fix: ${MODE_FIX}`,
      `E_LINK_MODE /links/2/b/interface mode mismatch on sw1 p4 <-> r1 eth2: trunk/unconfigured | fix: ${MODE_FIX}`,
      `E_LINK_MODE /links/3/b/interface mode mismatch on sw1 p5 <-> r1 eth3: trunk/access | fix: ${MODE_FIX}`,
      `E_LINK_MODE /links/4/b/interface mode mismatch on sw1 p6 <-> r1 eth4: access/trunk | fix: ${MODE_FIX}`,
    ]);
  });

  it("a gateway's port without a mode: the VLAN is the one at the switch's site, and the router must be its gateway", () => {
    const d = minimal();
    d.vlans.push(vlan(20, ["dc1"], { subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r2" }] }));
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "sw2" }];
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 }, { name: "p4", mode: "access", vlan: 20 }, { name: "p5", mode: "access", vlan: 10 });
    d.devices.push(device("r2", "dc2", "frr", 2302, [{ name: "eth1" }, { name: "eth2" }, { name: "eth3" }]));
    d.links.push(link("sw1", "p3", "r2", "eth1"), link("r2", "eth2", "sw1", "p4"), link("sw1", "p5", "r2", "eth3"));
    expect(found(d, "E_LINK_MODE")).toEqual([
      `E_LINK_MODE /links/3/b/interface mode mismatch on sw1 p5 <-> r2 eth3: access/unconfigured | fix: ${MODE_FIX}`,
    ]);
  });
});

describe("subnets: the address a gateway device owns", () => {
  const router = (name: string, port: number, interfaces: any[] = [], extra: any = {}) => device(name, "dc1", "frr", port, interfaces, extra);
  const DUP = "E_ADDRESS_DUPLICATE";

  it("a single gateway device without an address of its own may be managed at the VLAN's gateway", () => {
    const d = minimal();
    d.devices.push(router("r1", 2301));
    d.devices[2].management.address = "10.0.10.1";
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "r1" }];
    expect(found(d, DUP)).toEqual([]);
  });

  it("a single gateway device with an address of its own is managed there, not at the VLAN's gateway", () => {
    const d = minimal();
    d.devices.push(router("r1", 2301));
    d.devices[2].management.address = "10.0.10.2";
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }];
    expect(found(d, DUP)).toEqual([]);
    d.devices[2].management.address = "10.0.10.1";
    expect(found(d, DUP)).toEqual([
      "E_ADDRESS_DUPLICATE /devices/2/management/address management address 10.0.10.1 of r1 is the address of VLAN 10 gateway | fix: use r1's own management or loopback address (citydc would log in to whatever answers there)",
    ]);
  });

  it("two VLANs with one gateway address: reported at the later VLAN's gateway", () => {
    const d = minimal();
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans.push(vlan(20, ["dc1"], { gateway: "10.0.10.1" }));
    expect(found(d, DUP, "E_GATEWAY_MISSING")).toEqual([
      "E_ADDRESS_DUPLICATE /vlans/1/gateway VLAN 20 gateway uses an address that VLAN 10 gateway already has | fix: give each interface, gateway and host its own address",
      "E_GATEWAY_MISSING /vlans/1/gateway VLAN 20 has a gateway but no subnet | fix: add `subnet:` with the VLAN's network",
    ]);
  });

  it("a gateway that a gateway device serves is not free for a routed port", () => {
    const d = minimal();
    d.devices.push(router("r1", 2301), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }]));
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "r1" }];
    expect(found(d, DUP)).toEqual([
      "E_ADDRESS_DUPLICATE /devices/3/interfaces/0/address r2 eth1 uses an address that VLAN 10 gateway already has | fix: give each interface, gateway and host its own address",
    ]);
  });

  it("a routed LAG at its subnet's network address", () => {
    const d = minimal();
    d.devices.push(router("r1", 2301, [{ name: "eth1", lag: "bond0" }], { lags: [{ name: "bond0", mode: "routed", address: "10.9.0.0/24" }] }));
    expect(found(d, "E_GATEWAY_OUTSIDE", DUP)).toEqual([
      "E_GATEWAY_OUTSIDE /devices/2/lags/0/address r1 bond0 address 10.9.0.0/24 is the network or broadcast address | fix: use a host address of the subnet",
    ]);
  });
});

describe("subnets: the sorted sweeps over VLAN subnets and routed ports", () => {
  const router = (name: string, port: number, interfaces: any[]) => device(name, "dc1", "frr", port, interfaces);
  const routed = (name: string, address: string) => ({ name, mode: "routed", address });
  const VLAN_FIX = "give each VLAN its own subnet, or put them in different VRFs";
  const LINK_FIX = "give each link its own subnet (only the two ends of one link share a /31 or /30)";
  const SERVE = "(a router port serving the VLAN takes exactly the VLAN's subnet)";
  const CASES: [string, (d: any) => void, string[]][] = [
    ["one network, the narrower VLAN first in the file: the narrower is reported against the wider", (d) => { d.vlans.push(vlan(20, ["dc1"], { subnet: "10.6.0.0/24" }), vlan(30, ["dc1"], { subnet: "10.6.0.0/16" })); }, [
      `E_SUBNET_OVERLAP /vlans/1/subnet VLAN 20 subnet 10.6.0.0/24 overlaps VLAN 30 subnet 10.6.0.0/16 in the global table | fix: ${VLAN_FIX}`,
    ]],
    ["a VLAN subnet ending where the widest one ends does not take its place", (d) => { d.vlans.push(vlan(20, ["dc1"], { subnet: "10.6.0.0/16" }), vlan(30, ["dc1"], { subnet: "10.6.255.0/24" }), vlan(40, ["dc1"], { subnet: "10.6.255.128/25" })); }, [
      `E_SUBNET_OVERLAP /vlans/2/subnet VLAN 30 subnet 10.6.255.0/24 overlaps VLAN 20 subnet 10.6.0.0/16 in the global table | fix: ${VLAN_FIX}`,
      `E_SUBNET_OVERLAP /vlans/3/subnet VLAN 40 subnet 10.6.255.128/25 overlaps VLAN 20 subnet 10.6.0.0/16 in the global table | fix: ${VLAN_FIX}`,
    ]],
    ["a gateway device's port in the VLAN's network with a longer prefix does not serve it", (d) => { d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1" }]; d.devices.push(router("r1", 2301, [routed("eth1", "10.0.10.2/25")])); }, [
      `E_SUBNET_OVERLAP /vlans/0/subnet VLAN 10 subnet 10.0.10.0/24 overlaps r1 eth1 10.0.10.2/25 in the global table | fix: give VLAN 10 a subnet that does not contain r1 eth1, or readdress that routed port ${SERVE}`,
    ]],
    ["the VLAN's subnet on a router while another device is the gateway", (d) => { d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r2" }]; d.devices.push(router("r1", 2301, [routed("eth1", "10.0.10.5/24")]), router("r2", 2302, [])); }, [
      `E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.0.10.5/24 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give r1 eth1 a subnet outside VLAN 10's 10.0.10.0/24 ${SERVE}`,
    ]],
    ["the two ends of one link in one network with two prefix lengths", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.1/30")]), router("r2", 2302, [routed("eth1", "10.9.0.0/31")])); d.links.push(link("r1", "eth1", "r2", "eth1")); }, [
      `E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.9.0.0/31 overlaps r1 eth1 10.9.0.1/30 in the global table | fix: ${LINK_FIX}`,
    ]],
    ["a device cabled to itself does not make its two ports one link", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.0/31"), routed("eth2", "10.9.0.1/31")])); d.links.push(link("r1", "eth1", "r1", "eth2")); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/1/address r1 eth2 10.9.0.1/31 overlaps r1 eth1 10.9.0.0/31 in the global table | fix: give each routed port of r1 its own subnet",
    ]],
    ["a port cabled to another port of the device holding its /31", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.0/31")]), router("r2", 2302, [routed("eth1", "10.9.5.1/31"), routed("eth2", "10.9.0.1/31")])); d.links.push(link("r1", "eth1", "r2", "eth1")); }, [
      `E_SUBNET_OVERLAP /devices/3/interfaces/1/address r2 eth2 10.9.0.1/31 overlaps r1 eth1 10.9.0.0/31 in the global table | fix: ${LINK_FIX}`,
    ]],
    ["a /32 at a subnet's broadcast address overlaps it", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.1/24")]), router("r2", 2302, [routed("eth1", "10.9.0.255/32")])); }, [
      `E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.9.0.255/32 overlaps r1 eth1 10.9.0.1/24 in the global table | fix: ${LINK_FIX}`,
    ]],
    ["a /32 at a subnet's network address overlaps it", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.8.0.1/24")]), router("r2", 2302, [routed("eth1", "10.8.0.0/32")])); }, [
      `E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.8.0.0/32 overlaps r1 eth1 10.8.0.1/24 in the global table | fix: ${LINK_FIX}`,
    ]],
    ["one network, the longer prefix first in the file: the longer is reported against the shorter", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.1/25")]), router("r2", 2302, [routed("eth1", "10.9.0.2/24")])); }, [
      `E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.9.0.1/25 overlaps r2 eth1 10.9.0.2/24 in the global table | fix: ${LINK_FIX}`,
    ]],
    ["two VLANs with one subnet and a routed port inside it: the port is reported once, at the later VLAN", (d) => { d.vlans.push(vlan(20, ["dc1"], { subnet: "10.5.0.0/24" }), vlan(30, ["dc1"], { subnet: "10.5.0.0/24" })); d.devices.push(router("r1", 2301, [routed("eth1", "10.5.0.1/25")])); }, [
      `E_SUBNET_OVERLAP /vlans/2/subnet VLAN 30 subnet 10.5.0.0/24 overlaps VLAN 20 subnet 10.5.0.0/24 in the global table | fix: ${VLAN_FIX}`,
      `E_SUBNET_OVERLAP /vlans/2/subnet VLAN 30 subnet 10.5.0.0/24 overlaps r1 eth1 10.5.0.1/25 in the global table | fix: give VLAN 30 a subnet that does not contain r1 eth1, or readdress that routed port ${SERVE}`,
    ]],
    ["a link's /31 ending where the widest subnet ends: its far end is still checked against the widest", (d) => { d.devices.push(router("r1", 2301, [routed("eth1", "10.9.0.1/16")]), router("r2", 2302, [routed("eth1", "10.9.255.254/31")]), router("r3", 2303, [routed("eth1", "10.9.255.255/31")])); d.links.push(link("r2", "eth1", "r3", "eth1")); }, [
      `E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.9.255.254/31 overlaps r1 eth1 10.9.0.1/16 in the global table | fix: ${LINK_FIX}`,
      `E_SUBNET_OVERLAP /devices/4/interfaces/0/address r3 eth1 10.9.255.255/31 overlaps r1 eth1 10.9.0.1/16 in the global table | fix: ${LINK_FIX}`,
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, "E_SUBNET_OVERLAP")).toEqual(want);
    });
  }
});

describe("vlans: where a VLAN is defined and who carries it", () => {
  const CODES = ["E_VLAN_RESERVED", "E_VLAN_NOT_AT_SITE", "E_VLAN_RANGE"];

  it("a VLAN of two other sites, used on a port and routed by a gateway: both sites named", () => {
    const d = minimal();
    d.sites.push({ name: "dc3", role: "branch" });
    d.vlans.push(vlan(20, ["dc2", "dc3"]), vlan(30, ["dc2", "dc3"], { subnet: "10.30.0.0/24", gateway: "10.30.0.1", gateways: [{ device: "r1" }] }));
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 });
    d.devices.push(device("r1", "dc1", "frr", 2301, []));
    expect(found(d, ...CODES)).toEqual([
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/2/vlan VLAN 20 (v20) is used on sw1 at site dc1, but is defined only at dc2, dc3 | fix: add dc1 to the sites of VLAN 20, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /vlans/2/gateways/0/device gateway device r1 is at site dc1, where VLAN 30 is not defined | fix: add dc1 to the VLAN's sites, or choose a gateway device at dc2, dc3",
    ]);
  });

  it("an ID that two VLAN groups use is at each group's site, with other VLANs defined after them", () => {
    const d = minimal();
    validGroups(d);
    d.vlans.push(vlan(30, ["dc2"]));
    expect(found(d, ...CODES)).toEqual([]);
  });

  it("a native VLAN equal to the port's VLAN is reported once, at the VLAN", () => {
    const d = minimal();
    d.vlans.push(vlan(20, ["dc2"]));
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20, native: 20 });
    expect(found(d, ...CODES)).toEqual([
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/2/vlan VLAN 20 (v20) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 20, or use a VLAN that exists at dc1",
    ]);
  });

  it("a VLAN at a site with switches of several platforms: each platform's first switch there carries it", () => {
    const d = minimal();
    d.vlans.push(vlan(3971, ["dc1"]));
    d.devices.push(device("nx1", "dc1", "cisco-nxos", 2301, []), device("nx2", "dc1", "cisco-nxos", 2302, []), device("eos1", "dc1", "arista-eos", 2303, []));
    expect(found(d, ...CODES)).toEqual([
      "E_VLAN_RESERVED /vlans/1/id VLAN 3971 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    ]);
  });
});
