/**
 * More edges of the semantic rules, next to checks-edges.test.ts: which port carries a VLAN out of a
 * device and which path a finding names, DCI cables to a third site and ends that allow different lists,
 * in-band management on a device that routes, management addresses written with a port, and names given
 * twice in each list. Each case is the minimal inventory with a change; findings are written out as
 * "code path message | fix: hint", filtered to the codes the case is about.
 */
import { describe, expect, it } from "vitest";
import { validInband } from "./dc-cases";
import { minimal, validate } from "./helpers";

const found = (d: unknown, ...codes: string[]): string[] =>
  validate(d)
    .diagnostics.filter((x) => codes.includes(x.code))
    .map((x) => `${x.code} ${x.path} ${x.message} | fix: ${x.hint}`);

const sw = (name: string, site: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site, role: "leaf", platform: "ovs", management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });
const router = (name: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });

describe("which ports carry a VLAN out of a device (carry check)", () => {
  const CODES = ["W_VLAN_NOT_CARRIED"];
  /** VLAN 20 at dc1, used by sw1 on an access port p3 and by a new switch sw3 on its access port p1, nothing between them. */
  const v20 = (d: any) => {
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] });
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 });
    d.devices.push(sw("sw3", "dc1", 2203, [{ name: "p1", mode: "access", vlan: 20 }]));
  };
  const SW3 = "W_VLAN_NOT_CARRIED /devices/2/interfaces/0/vlan VLAN 20 is used on sw3, but no port of sw3 carries it to the other 1 device(s) in the VLAN | fix: cable sw3 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN";
  const CASES: [string, (d: any) => void, string[]][] = [
    ["two access ports in the VLAN on one device: the finding names the first", (d) => { v20(d); d.devices[0].interfaces.push({ name: "p4", mode: "access", vlan: 20 }); }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
      SW3,
    ]],
    ["an access LAG in the VLAN without a cable is reported at the LAG", (d) => { v20(d); d.devices[0].interfaces[2] = { name: "p3", lag: "bond0" }; d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 20 }]; }, [
      "W_VLAN_NOT_CARRIED /devices/0/lags/0/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
      SW3,
    ]],
    ["a cable on another port of the device does not carry an access port's VLAN", (d) => { v20(d); d.devices[0].interfaces.push({ name: "p9" }); d.devices[2].interfaces.push({ name: "p2" }); d.links.push({ kind: "fabric", a: { device: "sw1", interface: "p9" }, b: { device: "sw3", interface: "p2" } }); }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
      SW3,
    ]],
    ["a VLAN on a port without a mode is no use of it", (d) => { v20(d); d.devices[2].interfaces = [{ name: "p1", vlan: 20 }]; }, [
    ]],
    ["an access VLAN written on a trunk is no use of it either", (d) => { v20(d); d.devices[2].interfaces = [{ name: "p1", mode: "trunk", vlan: 20, allowed: [10] }]; }, [
    ]],
    ["a LAG member's own mode carries nothing: the LAG's does", (d) => { v20(d); d.devices[0].interfaces.push({ name: "p4", lag: "bond0", mode: "trunk" }); d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 10 }]; }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
      SW3,
    ]],
    ["a router that is the gateway of two VLANs, facing an access port of each, carries both", (d) => {
      d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.20.0.0/24", gateway: "10.20.0.1", gateways: [{ device: "r1" }] });
      d.vlans.push({ id: 30, name: "v30", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.30.0.0/24", gateway: "10.30.0.1", gateways: [{ device: "r1" }] });
      d.devices.push(sw("sw3", "dc1", 2203, [{ name: "p1", mode: "access", vlan: 20 }, { name: "p2", mode: "access", vlan: 30 }]), router("r1", 2301, [{ name: "eth1" }, { name: "eth2" }]));
      d.links.push({ kind: "fabric", a: { device: "r1", interface: "eth1" }, b: { device: "sw3", interface: "p1" } }, { kind: "fabric", a: { device: "r1", interface: "eth2" }, b: { device: "sw3", interface: "p2" } });
    }, [
    ]],
    ["a router that is the gateway of a VLAN it does not face does not carry it", (d) => {
      d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.20.0.0/24", gateway: "10.20.0.1", gateways: [{ device: "r1" }] });
      d.devices.push(sw("sw3", "dc1", 2203, [{ name: "p1", mode: "access", vlan: 20 }]), router("r1", 2301, [{ name: "eth1" }]));
    }, [
      "W_VLAN_NOT_CARRIED /devices/2/interfaces/0/vlan VLAN 20 is used on sw3, but no port of sw3 carries it to the other 1 device(s) in the VLAN | fix: cable sw3 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
      "W_VLAN_NOT_CARRIED /vlans/1/gateways/0/device VLAN 20 is used on r1, but no port of r1 carries it to the other 1 device(s) in the VLAN | fix: cable r1 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("DR sites and the DCI cables that reach them (dr check)", () => {
  const CODES = ["E_DR_SITE", "E_DR_VLAN_MISSING", "E_DR_NO_DCI", "W_DR_SINGLE_PATH", "W_DR_UNPROTECTED"];
  const SINGLE = "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)";
  /** VLAN 20 at both sites, protected with 10. */
  const v20 = (d: any) => {
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1", "dc2"] });
    d.dr[0].vlans = [10, 20];
  };
  /** A third site dc3 with a switch sw3 whose trunk p1 allows VLAN 10, and a trunk p3 on sw2 (dc2) for it. */
  const third = (d: any) => {
    d.sites.push({ name: "dc3", role: "primary" });
    d.devices.push(sw("sw3", "dc3", 2203, [{ name: "p1", mode: "trunk", allowed: [10] }]));
    d.devices[1].interfaces.push({ name: "p3", mode: "trunk", allowed: [10] });
  };
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a DR site protecting an unknown site is only the references check's", (d) => { d.sites[1].protects = "dc9"; d.dr[0].protects = "dc9"; }, [
    ]],
    ["a DR entry of an unknown site is only the references check's", (d) => { d.dr[0].site = "dc9"; }, [
      "W_DR_UNPROTECTED /sites/1 DR site dc2 has no dr: entry, so nothing is checked for takeover | fix: add a dr: entry (site: dc2, protects: dc1, vlans/services)",
    ]],
    ["a DCI cable from the DR site to a third site is no path to the primary", (d) => { third(d); d.links.push({ kind: "dci", a: { device: "sw2", interface: "p3" }, b: { device: "sw3", interface: "p1" } }); }, [
      SINGLE,
    ]],
    ["a DCI cable from a third site to the DR site is no path to the primary", (d) => { third(d); d.links.push({ kind: "dci", a: { device: "sw3", interface: "p1" }, b: { device: "sw2", interface: "p3" } }); }, [
      SINGLE,
    ]],
    ["ends that allow different lists carry only what both allow", (d) => { v20(d); d.devices[0].interfaces[1].allowed = [10, 20]; d.devices[1].interfaces[1].allowed = [20]; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 20 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
      "E_DR_NO_DCI /dr/0/vlans/0 no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
    ]],
    ["the primary end allows every VLAN, the DR end a list: the list is what the cable carries", (d) => { v20(d); delete d.devices[0].interfaces[1].allowed; }, [
      SINGLE,
      "E_DR_NO_DCI /dr/0/vlans/1 no dci trunk between dc1 and dc2 carries protected VLAN 20 | fix: add 20 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
    ]],
    ["two cables, each carrying one of two VLANs: each VLAN has one path", (d) => { v20(d); d.devices[0].interfaces.push({ name: "p3", mode: "trunk", allowed: [20] }); d.devices[1].interfaces.push({ name: "p3", mode: "trunk", allowed: [20] }); d.links.push({ kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }); }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLANs 10, 20 reach DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("in-band management on a device that routes (inband check)", () => {
  const CODES = ["E_INBAND_VLAN", "E_INBAND_SUBNET", "E_INBAND_GATEWAY", "E_INBAND_ROUTING"];
  const ROUTES = "E_INBAND_ROUTING /devices/0/management/inband/gateway sw1 routes (BGP or its own default route): a management default route would compete with it | fix: leave out inband.gateway on a device that routes";
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a BGP link whose first end is the device", (d) => { validInband(d); d.devices[0].interfaces.push({ name: "Ethernet1/3", mode: "routed", address: "10.9.0.0/31" }); d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }], { bgp: { asn: 2 } })); d.links.push({ kind: "wan", a: { device: "sw1", interface: "Ethernet1/3" }, b: { device: "r1", interface: "eth1" }, bgp: true }); }, [
      ROUTES,
    ]],
    ["a BGP link between two other devices does not make the device route", (d) => { validInband(d); d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }], { bgp: { asn: 2 } }), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }], { bgp: { asn: 3 } })); d.links.push({ kind: "wan", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" }, bgp: true }); }, [
    ]],
    ["without a management gateway, BGP and a default route are fine", (d) => { validInband(d); delete d.devices[0].management.inband.gateway; d.devices[0].bgp = { asn: 65001 }; d.devices[0].interfaces.push({ name: "Ethernet1/3", mode: "routed", address: "10.9.0.0/31" }); d.devices[0].routes = [{ prefix: "0.0.0.0/0", nextHop: "10.9.0.1" }]; }, [
    ]],
    ["with a management gateway, a bgp section is enough", (d) => { validInband(d); d.devices[0].bgp = { asn: 65001 }; }, [
      ROUTES,
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("management addresses written with a port (management check)", () => {
  const CODES = ["E_MANAGEMENT_ADDRESS", "E_MANAGEMENT_PORT"];
  const GENERIC = "write one IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10), without a prefix length or port";
  const CASES: [string, string, string][] = [
    ["an IPv4 address and a port", "10.0.0.1:22", "write the address alone (address: 10.0.0.1) and the SSH port as port: 22"],
    ["an IPv6 address ending in IPv4 form, and a port", "::ffff:10.0.0.1:22", "write the address alone (address: ::ffff:10.0.0.1) and the SSH port as port: 22"],
    ["a port of six digits is no port", "10.0.0.1:222222", GENERIC],
    ["a port followed by more text is no port", "10.0.0.1:22.5", GENERIC],
    ["a port after something that is no address", "10.0.0:22", GENERIC],
  ];
  for (const [name, address, hint] of CASES) {
    it(name, () => {
      const d = minimal();
      d.devices[0].management.address = address;
      expect(found(d, ...CODES)).toEqual([`E_MANAGEMENT_ADDRESS /devices/0/management/address management address '${address}' of sw1 is not an IPv4 or IPv6 address | fix: ${hint}`]);
    });
  }
});

describe("names given twice in each list (unique check)", () => {
  const CODES = ["E_DUPLICATE", "W_DUPLICATE_VLAN_NAME", "E_DUPLICATE_MANAGEMENT", "E_VRF_RD"];
  const again = (path: string, what: string, k: string, fix = `give each ${what} a unique name, or merge the two entries`) => `E_DUPLICATE ${path} ${what} '${k}' is defined again (first at item 1) | fix: ${fix}`;
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a VRF", (d) => { d.vrfs = [{ name: "red", tenant: "city" }, { name: "red", tenant: "city" }]; }, [again("/vrfs/1/name", "vrf", "red")]],
    ["a rack", (d) => { d.racks.push({ name: "r1", site: "dc2", height: 42 }); }, [again("/racks/1/name", "rack", "r1")]],
    ["a VLAN group", (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1"] }, { name: "g", sites: ["dc2"] }]; }, [again("/vlanGroups/1/name", "VLAN group", "g")]],
    ["a service", (d) => { d.services = [{ name: "s", tenant: "city", vlans: [10] }, { name: "s", tenant: "city", vlans: [10] }]; }, [again("/services/1/name", "service", "s")]],
    ["a DR site", (d) => { d.dr.push({ site: "dc2", protects: "dc1", vlans: [10] }); }, [again("/dr/1/site", "DR protection for site", "dc2", "list each DR site once, with every VLAN and service it protects")]],
    ["a VLAN ID", (d) => { d.vlans.push({ id: 10, name: "other", tenant: "city", purpose: "video", sites: ["dc1"] }); }, [again("/vlans/1/id", "VLAN", "10", "give each VLAN a unique ID, or merge the two entries")]],
    ["a VLAN ID within a group", (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1"] }]; d.vlans.push({ id: 20, group: "g", name: "a", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 20, group: "g", name: "b", tenant: "city", purpose: "video", sites: ["dc1"] }); }, [
      "E_DUPLICATE /vlans/2/id VLAN '20' of group 'g' is defined again (first at item 2) | fix: give each VLAN a unique ID, or merge the two entries",
    ]],
    ["a VLAN name within a group (and once more in another group, which is no duplicate)", (d) => { d.vlanGroups = [{ name: "g", sites: ["dc1"] }, { name: "h", sites: ["dc1"] }]; d.vlans.push({ id: 20, group: "g", name: "a", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 21, group: "g", name: "a", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 22, group: "h", name: "a", tenant: "city", purpose: "video", sites: ["dc1"] }); }, [
      "W_DUPLICATE_VLAN_NAME /vlans/2/name VLAN name 'a' of group 'g' is defined again (first at item 2) | fix: give each VLAN its own name (within its group), so that reports and devices tell them apart",
    ]],
    ["a LAG of a device", (d) => { d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10] }, { name: "bond0", mode: "trunk", allowed: [10] }]; d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }); }, [again("/devices/0/lags/1/name", "LAG of sw1", "bond0")]],
    ["an interface of a device", (d) => { d.devices[1].interfaces.push({ name: "p1" }); }, [again("/devices/1/interfaces/2/name", "interface of sw2", "p1")]],
  ];
  for (const [name, change, want] of CASES) {
    it(`${name} given twice`, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }

  it("a VLAN name given twice is a warning, a VLAN ID given twice an error", () => {
    const d = minimal();
    d.vlans.push({ id: 20, name: "video", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 10, name: "other", tenant: "city", purpose: "video", sites: ["dc1"] });
    const r = validate(d).diagnostics.filter((x) => CODES.includes(x.code));
    expect(r.map((x) => `${x.severity} ${x.code} ${x.path} ${x.message} | fix: ${x.hint}`)).toEqual([
      "warning W_DUPLICATE_VLAN_NAME /vlans/1/name VLAN name 'video' is defined again (first at item 1) | fix: give each VLAN its own name (within its group), so that reports and devices tell them apart",
      "error E_DUPLICATE /vlans/2/id VLAN '10' is defined again (first at item 1) | fix: give each VLAN a unique ID, or merge the two entries",
    ]);
  });

  it("a route distinguisher given twice is named with the VRF that has it, the fix keeps its first part", () => {
    const d = minimal();
    d.vrfs = [{ name: "red", tenant: "city", rd: "10.0.0.1:100" }, { name: "blue", tenant: "city", rd: "10.0.0.1:0100" }, { name: "green", tenant: "city", rd: "65001:7" }, { name: "pink", tenant: "city", rd: "065001:7" }];
    expect(found(d, ...CODES)).toEqual([
      "E_DUPLICATE /vrfs/1/rd route distinguisher 10.0.0.1:0100 of VRF blue is already VRF red's | fix: give each VRF its own route distinguisher (e.g. 10.0.0.1:<n> with another number)",
      "E_DUPLICATE /vrfs/3/rd route distinguisher 065001:7 of VRF pink is already VRF green's | fix: give each VRF its own route distinguisher (e.g. 65001:<n> with another number)",
    ]);
  });
});

describe("BGP link ends (routing check)", () => {
  it("an end with an address but no routed mode is not a routed port", () => {
    const d = minimal();
    d.devices.push(router("r1", 2301, [{ name: "eth1", address: "10.9.0.0/31" }], { bgp: { asn: 1 } }), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }], { bgp: { asn: 2 } }));
    d.links.push({ kind: "wan", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" }, bgp: true });
    expect(found(d, "E_BGP_LINK")).toEqual([
      "E_BGP_LINK /links/1/a/interface link has bgp: true but r1 eth1 is not a routed port with an address | fix: set `mode: routed` and `address:` on both ends, or set bgp: false",
    ]);
  });
});

describe("VLAN groups and host ports", () => {
  it("a grouped VLAN at a site its group of two sites does not cover names both", () => {
    const d = minimal();
    d.sites.push({ name: "dc3", role: "primary" });
    d.vlanGroups = [{ name: "g1", sites: ["dc1", "dc2"] }];
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1", "dc3"], group: "g1" });
    expect(found(d, "E_VLAN_GROUP_SITE")).toEqual(["E_VLAN_GROUP_SITE /vlans/1/sites/1 VLAN 20 (v20) of group g1 is listed at dc3, which the group does not cover (dc1, dc2) | fix: add dc3 to group g1, or take it off the VLAN"]);
  });

  it("a host on a port without a mode", () => {
    const d = minimal();
    d.devices[0].interfaces[0] = { name: "p1" };
    expect(found(d, "E_HOST_PORT")).toEqual(["E_HOST_PORT /hosts/0/attach/interface host h1 is attached to sw1 p1, which is not configured (no mode) | fix: set `mode: access` and `vlan:` on p1, or attach the host to an access port"]);
  });
});
