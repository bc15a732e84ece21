/**
 * The edges of some semantic rules, each side of each: where a rule just holds and where it just fails (the
 * top unit of a rack, adjacent devices, members that differ in one setting), and texts that differ per
 * platform (the naming examples of each). Each case is the minimal inventory with a change; findings are
 * written out as "path message | fix: hint", filtered to the codes the case is about.
 */
import { describe, expect, it } from "vitest";
import type { PlatformName } from "../../../model/types";
import { pair, validInband } from "./dc-cases";
import { minimal, validate } from "./helpers";

const found = (d: unknown, ...codes: string[]): string[] =>
  validate(d)
    .diagnostics.filter((x) => codes.includes(x.code))
    .map((x) => `${x.code} ${x.path} ${x.message} | fix: ${x.hint}`);

describe("racks", () => {
  const racked = (devices: { position: number; height?: number }[]) => {
    const d = minimal();
    d.racks[0].height = 10;
    const base = d.devices[0];
    d.devices = devices.map((x, i) => ({ ...base, name: `sw${i + 1}`, management: { ...base.management, port: 2201 + i }, interfaces: [], ...x }));
    d.links = [];
    d.hosts = [];
    d.dr = [];
    return d;
  };

  it("a device in the top unit fits; one unit higher sticks out", () => {
    expect(found(racked([{ position: 10 }]), "E_RACK_OVERFLOW")).toEqual([]);
    expect(found(racked([{ position: 9, height: 2 }]), "E_RACK_OVERFLOW")).toEqual([]);
    expect(found(racked([{ position: 10, height: 2 }]), "E_RACK_OVERFLOW")).toEqual([
      "E_RACK_OVERFLOW /devices/0/position device sw1 occupies U10-U11, above the top of rack r1 (10U) | fix: use a position at most 9, or correct the rack height",
    ]);
  });

  it("adjacent devices do not overlap; sharing one unit does, reported at the higher one", () => {
    expect(found(racked([{ position: 1, height: 2 }, { position: 3 }]), "E_RACK_OVERLAP")).toEqual([]);
    expect(found(racked([{ position: 3 }, { position: 1, height: 3 }]), "E_RACK_OVERLAP")).toEqual([
      "E_RACK_OVERLAP /devices/0/position device sw1 (U3-U3) overlaps device sw2 (U1-U3) in rack r1 | fix: move sw1 to rack units that sw2 (U1-U3) does not use",
    ]);
  });

  it("two devices at one position: the later in the file is reported", () => {
    expect(found(racked([{ position: 4 }, { position: 4 }]), "E_RACK_OVERLAP")).toEqual([
      "E_RACK_OVERLAP /devices/1/position device sw2 (U4-U4) overlaps device sw1 (U4-U4) in rack r1 | fix: move sw2 to rack units that sw1 (U4-U4) does not use",
    ]);
  });

  it("a tall device hides nothing: each device it overlaps is reported against it", () => {
    expect(found(racked([{ position: 1, height: 5 }, { position: 2 }, { position: 4 }, { position: 6 }]), "E_RACK_OVERLAP")).toEqual([
      "E_RACK_OVERLAP /devices/1/position device sw2 (U2-U2) overlaps device sw1 (U1-U5) in rack r1 | fix: move sw2 to rack units that sw1 (U1-U5) does not use",
      "E_RACK_OVERLAP /devices/2/position device sw3 (U4-U4) overlaps device sw1 (U1-U5) in rack r1 | fix: move sw3 to rack units that sw1 (U1-U5) does not use",
    ]);
  });

  it("a position without a rack, and a racked device without a position", () => {
    const d = racked([{ position: 1 }]);
    delete d.devices[0].rack;
    expect(found(d, "E_RACK_POSITION", "W_RACK_POSITION")).toEqual(["E_RACK_POSITION /devices/0/position device sw1 has a rack position but no rack | fix: add `rack:` with the rack's name, or remove `position:`"]);
    const e = racked([{ position: 1 }]);
    delete e.devices[0].position;
    expect(found(e, "E_RACK_POSITION", "W_RACK_POSITION")).toEqual(["W_RACK_POSITION /devices/0/rack device sw1 is in rack r1 but has no position | fix: add `position:` (the lowest rack unit it occupies) so overlaps can be checked"]);
  });
});

describe("LAG members", () => {
  const withLag = (members: Record<string, unknown>[]) => {
    const d = minimal();
    d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10] }];
    d.devices[0].interfaces.push(...members.map((m, i) => ({ name: `p${3 + i}`, lag: "bond0", ...m })));
    return d;
  };

  it("the same speed, MTU and state: nothing to say", () => {
    expect(found(withLag([{ mtu: 9000, enabled: false }, { mtu: 9000, enabled: false }]), "E_LAG_MEMBER_MISMATCH", "W_LAG_MEMBER_DISABLED")).toEqual([]);
  });

  it("a member with another MTU than the first, or the default against a value", () => {
    expect(found(withLag([{}, { mtu: 9000 }]), "E_LAG_MEMBER_MISMATCH")).toEqual([
      "E_LAG_MEMBER_MISMATCH /devices/0/interfaces/3/mtu sw1 p4 has MTU 9000 but p3 (same LAG bond0) has default | fix: members of one LAG must have the same MTU",
    ]);
    expect(found(withLag([{ mtu: 9000 }, {}]), "E_LAG_MEMBER_MISMATCH")).toEqual([
      "E_LAG_MEMBER_MISMATCH /devices/0/interfaces/3/mtu sw1 p4 has MTU default but p3 (same LAG bond0) has 9000 | fix: members of one LAG must have the same MTU",
    ]);
  });

  it("a disabled member among enabled ones, and the other way round", () => {
    expect(found(withLag([{}, { enabled: false }]), "W_LAG_MEMBER_DISABLED")).toEqual([
      "W_LAG_MEMBER_DISABLED /devices/0/interfaces/3/enabled sw1 p4 is disabled but p3 (same LAG bond0) is enabled | fix: check that this is intended (a member taken out for maintenance)",
    ]);
    expect(found(withLag([{ enabled: false }, {}]), "W_LAG_MEMBER_DISABLED")).toEqual([
      "W_LAG_MEMBER_DISABLED /devices/0/interfaces/3/enabled sw1 p4 is enabled but p3 (same LAG bond0) is disabled | fix: check that this is intended (a member taken out for maintenance)",
    ]);
  });

  it("a speed on one member only is not a mismatch; each member is compared with the first", () => {
    expect(found(withLag([{ speed: "10G" }, {}, { speed: "10G" }]), "E_LAG_MEMBER_MISMATCH")).toEqual([]);
    expect(found(withLag([{ speed: "10G" }, { speed: "1G" }, { speed: "1G" }]), "E_LAG_MEMBER_MISMATCH").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "E_LAG_MEMBER_MISMATCH /devices/0/interfaces/3/speed",
      "E_LAG_MEMBER_MISMATCH /devices/0/interfaces/4/speed",
    ]);
  });

  it("a LAG without members: a warning, unless a link uses it", () => {
    const d = withLag([]);
    expect(found(d, "W_LAG_EMPTY")).toEqual(["W_LAG_EMPTY /devices/0/lags/0 LAG sw1 bond0 has no member interfaces | fix: add `lag: bond0` to its member interfaces, or remove the LAG"]);
    d.links[0].a.interface = "bond0";
    expect(found(d, "W_LAG_EMPTY")).toEqual([]);
  });
});

describe("interface and LAG names, with each platform's examples", () => {
  const EXAMPLES: Record<PlatformName, [string, string]> = {
    ovs: ["p1, eth1", "bond0"],
    frr: ["eth1", "bond0"],
    "huawei-vrp": ["10GE1/0/1, 100GE1/0/49, GE1/0/1, a split lane 100GE1/0/1:1, in a CSS 10GE1/1/0/1", "Eth-Trunk1"],
    "cisco-nxos": ["Ethernet1/1, Ethernet1/49/1", "port-channel10"],
    "arista-eos": ["Ethernet1, Ethernet49/1", "Port-Channel10"],
    junos: ["xe-0/0/1, ge-0/0/1, et-0/0/48", "ae0"],
  };
  for (const [platform, [iface, lag]] of Object.entries(EXAMPLES)) {
    it(`${platform}: a bad interface name, a bad LAG name, a bad management interface`, () => {
      const d = minimal();
      d.devices[1] = { name: "x1", site: "dc2", role: "border", platform, management: { address: "127.0.0.9", user: "c", interface: "mgmt 0" }, interfaces: [{ name: "bad port" }], lags: [{ name: "bad-lag", mode: "routed" }] };
      expect(found(d, "E_IFNAME_INVALID", "E_LAGNAME_INVALID")).toEqual([
        `E_IFNAME_INVALID /devices/1/management/interface 'mgmt 0' is not a valid ${platform} interface name (device x1) | fix: use the platform's naming, e.g. ${iface}`,
        `E_IFNAME_INVALID /devices/1/interfaces/0/name 'bad port' is not a valid ${platform} interface name (device x1) | fix: use the platform's naming, e.g. ${iface}`,
        `E_LAGNAME_INVALID /devices/1/lags/0/name 'bad-lag' is not a valid ${platform} LAG name (device x1) | fix: use the platform's naming, e.g. ${lag}`,
      ]);
    });
  }

  it("a management interface that is one of the device's LAGs is fine", () => {
    const d = minimal();
    d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 10 }];
    d.devices[0].management.interface = "bond0";
    expect(found(d, "E_IFNAME_INVALID")).toEqual([]);
    d.devices[0].management.interface = "bond 0";
    expect(found(d, "E_IFNAME_INVALID")).toHaveLength(1);
  });
});

describe("references", () => {
  /** The minimal inventory with an unknown name or VLAN in every place that refers to one (one per interface). */
  function everyUnknown(): any {
  const d = minimal();
  d.vrfs = [{ name: "v1", tenant: "cty" }];
  d.sites[1].protects = "dc3";
  d.sites[1].tenant = "uni";
  d.racks.push({ name: "r2", site: "dc9", height: 42 });
  d.devices[1].site = "dc22";
  d.devices[1].rack = "r9";
  d.devices[1].management.vlan = 77;
  d.devices[0].interfaces.push(
    { name: "p3", vrf: "v2" },
    { name: "p4", mode: "trunk", native: 78 },
    { name: "p5", mode: "trunk", allowed: [10, 79] },
    { name: "p6", mode: "access", vlan: 80 },
    { name: "p7", lag: "bond7" },
  );
  d.devices[0].lags = [{ name: "bond0", mode: "trunk", vrf: "v3", vlan: 81, native: 82, allowed: [83] }];
  d.devices[0].routes = [{ prefix: "0.0.0.0/0", nextHop: "10.0.10.1", vrf: "v4" }];
  d.vlans.push({ id: 11, name: "x", tenant: "nobody", purpose: "video", sites: ["dc1", "dc7"], vrf: "v5", gateways: [{ device: "gw9" }] });
  d.links.push({ kind: "fabric", a: { device: "sw9", interface: "p1" }, b: { device: "sw1", interface: "p9" } });
  d.hosts[0].tenant = "ci";
  d.hosts.push({ name: "h2", tenant: "city", address: "10.0.10.12/24", attach: { device: "sw1", interface: "q1" } });
  d.services = [{ name: "s1", tenant: "unknown", vlans: [10, 84] }];
  d.dr.push({ site: "dc8", protects: "dc6", vlans: [85], services: ["s2"] });
  return d;
}

  it("every kind of unknown reference, at its place, with a near name where there is one", () => {
    expect(found(everyUnknown(), "E_REF_UNKNOWN")).toEqual([
        "E_REF_UNKNOWN /sites/1/protects unknown site 'dc3' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:, or define 'dc3' there",
        "E_REF_UNKNOWN /sites/1/tenant unknown tenant 'uni' | fix: use the name of a tenant defined under tenants:, or define 'uni' there",
        "E_REF_UNKNOWN /racks/1/site unknown site 'dc9' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:, or define 'dc9' there",
        "E_REF_UNKNOWN /devices/0/interfaces/2/vrf unknown vrf 'v2' (did you mean 'v1'?) | fix: use the name of a vrf defined under vrfs:, or define 'v2' there",
        "E_REF_UNKNOWN /devices/0/interfaces/3/native unknown VLAN 78 | fix: define VLAN 78 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/interfaces/4/allowed/1 unknown VLAN 79 | fix: define VLAN 79 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/interfaces/5/vlan unknown VLAN 80 | fix: define VLAN 80 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/interfaces/6/lag unknown LAG 'bond7' on device sw1 (did you mean 'bond0'?) | fix: add the LAG under devices[sw1].lags, or correct the name",
        "E_REF_UNKNOWN /devices/0/lags/0/vrf unknown vrf 'v3' (did you mean 'v1'?) | fix: use the name of a vrf defined under vrfs:, or define 'v3' there",
        "E_REF_UNKNOWN /devices/0/lags/0/vlan unknown VLAN 81 | fix: define VLAN 81 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/lags/0/native unknown VLAN 82 | fix: define VLAN 82 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/lags/0/allowed/0 unknown VLAN 83 | fix: define VLAN 83 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/0/routes/0/vrf unknown vrf 'v4' (did you mean 'v1'?) | fix: use the name of a vrf defined under vrfs:, or define 'v4' there",
        "E_REF_UNKNOWN /devices/1/site unknown site 'dc22' (did you mean 'dc2'?) | fix: use the name of a site defined under sites:, or define 'dc22' there",
        "E_REF_UNKNOWN /devices/1/management/vlan unknown VLAN 77 | fix: define VLAN 77 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /devices/1/rack unknown rack 'r9' (did you mean 'r1'?) | fix: use the name of a rack defined under racks:, or define 'r9' there",
        "E_REF_UNKNOWN /vlans/1/tenant unknown tenant 'nobody' | fix: use the name of a tenant defined under tenants:, or define 'nobody' there",
        "E_REF_UNKNOWN /vlans/1/sites/1 unknown site 'dc7' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:, or define 'dc7' there",
        "E_REF_UNKNOWN /vlans/1/vrf unknown vrf 'v5' (did you mean 'v1'?) | fix: use the name of a vrf defined under vrfs:, or define 'v5' there",
        "E_REF_UNKNOWN /vlans/1/gateways/0/device unknown device 'gw9' | fix: use the name of a device defined under devices:, or define 'gw9' there",
        "E_REF_UNKNOWN /links/1/a/device unknown device 'sw9' (did you mean 'sw1'?) | fix: use the name of a device defined under devices:, or define 'sw9' there",
        "E_REF_UNKNOWN /links/1/b/interface device sw1 has no interface or LAG 'p9' (did you mean 'p1'?) | fix: add 'p9' to devices[sw1].interfaces (or lags), or correct the name",
        "E_REF_UNKNOWN /hosts/0/tenant unknown tenant 'ci' | fix: use the name of a tenant defined under tenants:, or define 'ci' there",
        "E_REF_UNKNOWN /hosts/1/attach/interface device sw1 has no interface or LAG 'q1' (did you mean 'p1'?) | fix: add 'q1' to devices[sw1].interfaces (or lags), or correct the name",
        "E_REF_UNKNOWN /dr/1/site unknown site 'dc8' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:, or define 'dc8' there",
        "E_REF_UNKNOWN /dr/1/protects unknown site 'dc6' (did you mean 'dc1'?) | fix: use the name of a site defined under sites:, or define 'dc6' there",
        "E_REF_UNKNOWN /dr/1/vlans/0 unknown VLAN 85 | fix: define VLAN 85 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
        "E_REF_UNKNOWN /dr/1/services/0 unknown service 's2' (did you mean 's1'?) | fix: use the name of a service defined under services:, or define 's2' there",
        "E_REF_UNKNOWN /vrfs/0/tenant unknown tenant 'cty' (did you mean 'city'?) | fix: use the name of a tenant defined under tenants:, or define 'cty' there",
        "E_REF_UNKNOWN /services/0/tenant unknown tenant 'unknown' | fix: use the name of a tenant defined under tenants:, or define 'unknown' there",
        "E_REF_UNKNOWN /services/0/vlans/1 unknown VLAN 84 | fix: define VLAN 84 under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID",
    ]);
  });

  it("an unknown VRF or VLAN is only unknown: never taken for another one whose tenant differs", () => {
    const d = minimal();
    d.vrfs = [{ name: "v1", tenant: "city" }, { name: "v2", tenant: "university" }];
    d.vlans.push({ id: 11, name: "u", tenant: "university", purpose: "video", sites: ["dc1"] });
    d.vlans[0].vrf = "nope";
    d.services = [{ name: "s1", tenant: "city", vlans: [99] }];
    expect(found(d, "E_REF_UNKNOWN", "E_VRF_TENANT", "E_SERVICE_TENANT").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["E_REF_UNKNOWN /vlans/0/vrf", "E_REF_UNKNOWN /services/0/vlans/0"]);
  });
});

describe("routed ports and subnets (E_SUBNET_OVERLAP beyond VLAN against VLAN)", () => {
  const router = (name: string, port: number, interfaces: any[], lags: any[] = []) => ({ name, site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port, user: "c" }, interfaces, lags });
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a routed port whose subnet holds a VLAN's: reported at the port", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.0.1/8" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.0.0.1/8 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give r1 eth1 a subnet outside VLAN 10's 10.0.10.0/24 (a router port serving the VLAN takes exactly the VLAN's subnet)",
    ]],
    ["a routed port of a VLAN gateway with exactly the VLAN's subnet serves it", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.2/24" }])); d.vlans[0].gateways = [{ device: "r1" }]; d.vlans[0].gateway = "10.0.10.1"; }, [
    ]],
    ["a routed port facing an access port of the VLAN, with its subnet, serves it", (d) => { d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 10 }); d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }])); d.links.push({ kind: "uplink", a: { device: "sw1", interface: "p3" }, b: { device: "r1", interface: "eth1" } }); }, [
    ]],
    ["facing an access port of another VLAN it does not serve", (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.0.20.0/24" }); d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 }); d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }])); d.links.push({ kind: "uplink", a: { device: "sw1", interface: "p3" }, b: { device: "r1", interface: "eth1" } }); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.0.10.1/24 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give r1 eth1 a subnet outside VLAN 10's 10.0.10.0/24 (a router port serving the VLAN takes exactly the VLAN's subnet)",
    ]],
    ["the VLAN's subnet on a router that is neither its gateway nor faces it", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.0.10.1/24 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give r1 eth1 a subnet outside VLAN 10's 10.0.10.0/24 (a router port serving the VLAN takes exactly the VLAN's subnet)",
    ]],
    ["two links in one /31: reported once, at the later port", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }, { name: "eth2", mode: "routed", address: "10.9.1.0/31" }]), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }]), router("r3", 2303, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }])); d.links.push({ kind: "fabric", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" } }, { kind: "fabric", a: { device: "r1", interface: "eth2" }, b: { device: "r3", interface: "eth1" } }); }, [
      "E_SUBNET_OVERLAP /devices/4/interfaces/0/address r3 eth1 10.9.0.1/31 overlaps r2 eth1 10.9.0.1/31 in the global table | fix: give each link its own subnet (only the two ends of one link share a /31 or /30)",
    ]],
    ["the ends of one link in overlapping but different prefixes", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/30" }]), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.2/31" }])); d.links.push({ kind: "fabric", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" } }); }, [
      "E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.9.0.2/31 overlaps r1 eth1 10.9.0.1/30 in the global table | fix: give each link its own subnet (only the two ends of one link share a /31 or /30)",
    ]],
    ["the two ends of one link share their /31", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }]), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }])); d.links.push({ kind: "fabric", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" } }); }, [
    ]],
    ["the same subnet in two VRFs is fine; in one VRF it is reported with the VRF", (d) => { d.vrfs = [{ name: "red", tenant: "city" }, { name: "blue", tenant: "city" }]; d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/24", vrf: "red" }, { name: "eth2", mode: "routed", address: "10.9.0.2/24", vrf: "blue" }, { name: "eth3", mode: "routed", address: "10.9.0.3/25", vrf: "red" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/2/address r1 eth3 10.9.0.3/25 overlaps r1 eth1 10.9.0.1/24 in VRF red | fix: give each routed port of r1 its own subnet",
    ]],
    ["a routed LAG counts, its members do not", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", lag: "bond0", mode: "routed", address: "10.9.0.1/24" }, { name: "eth2", mode: "routed", address: "10.9.0.2/24" }], [{ name: "bond0", mode: "routed", address: "10.9.0.3/25" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/lags/0/address r1 bond0 10.9.0.3/25 overlaps r1 eth2 10.9.0.2/24 in the global table | fix: give each routed port of r1 its own subnet",
    ]],
    ["nested subnets of one device: each routed port reported once, against the nearest", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.8.0.1/16" }, { name: "eth2", mode: "routed", address: "10.8.1.1/24" }, { name: "eth3", mode: "routed", address: "10.8.2.1/24" }, { name: "eth4", mode: "routed", address: "10.8.2.2/25" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/1/address r1 eth2 10.8.1.1/24 overlaps r1 eth1 10.8.0.1/16 in the global table | fix: give each routed port of r1 its own subnet",
      "E_SUBNET_OVERLAP /devices/2/interfaces/2/address r1 eth3 10.8.2.1/24 overlaps r1 eth1 10.8.0.1/16 in the global table | fix: give each routed port of r1 its own subnet",
      "E_SUBNET_OVERLAP /devices/2/interfaces/3/address r1 eth4 10.8.2.2/25 overlaps r1 eth3 10.8.2.1/24 in the global table | fix: give each routed port of r1 its own subnet",
    ]],
    ["a routed port inside a VLAN subnet: reported at the VLAN; VLAN against VLAN as before", (d) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.0.10.0/25" }); d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.200/26" }])); }, [
      "E_SUBNET_OVERLAP /vlans/0/subnet VLAN 10 subnet 10.0.10.0/24 overlaps r1 eth1 10.0.10.200/26 in the global table | fix: give VLAN 10 a subnet that does not contain r1 eth1, or readdress that routed port (a router port serving the VLAN takes exactly the VLAN's subnet)",
      "E_SUBNET_OVERLAP /vlans/1/subnet VLAN 20 subnet 10.0.10.0/25 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give each VLAN its own subnet, or put them in different VRFs",
    ]],
    ["a device given twice: only the first is looked at (the second is E_DUPLICATE)", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/24" }]), router("r1", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.2/24" }])); }, [
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

describe("addresses and gateways (subnets check)", () => {
  const router = (name: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });
  const host = (name: string, address: string, extra: any = {}) => ({ name, tenant: "city", address, attach: { device: "sw1", interface: "p1" }, ...extra });
  const CODES = ["E_ADDRESS_DUPLICATE", "E_GATEWAY_MISSING", "E_GATEWAY_OUTSIDE", "E_SUBNET_OVERLAP", "E_HOST_SUBNET", "W_HOST_GATEWAY", "E_SUBNET_HOST_BITS"];
  const CASES: [string, (d: any) => void, string[]][] = [
    ["two hosts with one address", (d) => { d.hosts.push(host("h2", "10.0.10.11/24")); }, [
      "E_ADDRESS_DUPLICATE /hosts/1/address host h2 uses an address that host h1 already has | fix: give each interface, gateway and host its own address",
    ]],
    ["one address in two VRFs is fine; twice in one VRF it is named with the VRF", (d) => { d.vrfs = [{ name: "red", tenant: "city" }, { name: "blue", tenant: "city" }]; d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/24", vrf: "red" }, { name: "eth2", mode: "routed", address: "10.9.0.1/25", vrf: "blue" }, { name: "eth3", mode: "routed", address: "10.8.0.1/24", vrf: "red" }]), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.8.0.1/24", vrf: "red" }])); }, [
      "E_ADDRESS_DUPLICATE /devices/3/interfaces/0/address r2 eth1 uses an address that r1 eth3 already has (VRF red) | fix: give each interface, gateway and host its own address",
      "E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.8.0.1/24 overlaps r1 eth3 10.8.0.1/24 in VRF red | fix: give each link its own subnet (only the two ends of one link share a /31 or /30)",
    ]],
    ["a VLAN gateway no device serves may be one routed port's address, not two", (d) => { d.vlans[0].gateway = "10.0.10.1"; d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }]), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.0.10.1/24" }])); }, [
      "E_SUBNET_OVERLAP /devices/2/interfaces/0/address r1 eth1 10.0.10.1/24 overlaps VLAN 10 subnet 10.0.10.0/24 in the global table | fix: give r1 eth1 a subnet outside VLAN 10's 10.0.10.0/24 (a router port serving the VLAN takes exactly the VLAN's subnet)",
      "E_ADDRESS_DUPLICATE /devices/3/interfaces/0/address r2 eth1 uses an address that r1 eth1 already has | fix: give each interface, gateway and host its own address",
      "E_SUBNET_OVERLAP /devices/3/interfaces/0/address r2 eth1 10.0.10.1/24 overlaps r1 eth1 10.0.10.1/24 in the global table | fix: give each link its own subnet (only the two ends of one link share a /31 or /30)",
    ]],
    ["a host at the VLAN's gateway address", (d) => { d.vlans[0].gateway = "10.0.10.11"; }, [
      "E_ADDRESS_DUPLICATE /hosts/0/address host h1 uses an address that VLAN 10 gateway already has | fix: give each interface, gateway and host its own address",
    ]],
    ["a gateway without a subnet", (d) => { delete d.vlans[0].subnet; d.vlans[0].gateway = "10.0.10.1"; d.hosts = []; }, [
      "E_GATEWAY_MISSING /vlans/0/gateway VLAN 10 has a gateway but no subnet | fix: add `subnet:` with the VLAN's network",
    ]],
    ["gateway devices without a subnet", (d) => { delete d.vlans[0].subnet; d.devices.push(router("r1", 2301, [])); d.vlans[0].gateways = [{ device: "r1" }]; d.hosts = []; }, [
      "E_GATEWAY_MISSING /vlans/0/gateways VLAN 10 has gateway devices but no subnet | fix: add `subnet:` and `gateway:` to the VLAN",
    ]],
    ["one gateway device without an address of its own and no gateway", (d) => { d.devices.push(router("r1", 2301, [])); d.vlans[0].gateways = [{ device: "r1" }]; }, [
      "E_GATEWAY_MISSING /vlans/0/gateways VLAN 10 has a gateway device but no `gateway:` address | fix: add `gateway:` (the virtual address hosts use)",
    ]],
    ["one gateway device with an address of its own needs no gateway", (d) => { d.devices.push(router("r1", 2301, [])); d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }]; }, [
    ]],
    ["two gateway devices (VRRP) without a gateway", (d) => { d.devices.push(router("r1", 2301, []), router("r2", 2302, [])); d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }, { device: "r2", address: "10.0.10.3" }]; }, [
      "E_GATEWAY_MISSING /vlans/0/gateways VLAN 10 has several gateway devices (VRRP) but no `gateway:` address | fix: add `gateway:` (the virtual address hosts use)",
    ]],
    ["two gateway devices, one without an address of its own", (d) => { d.devices.push(router("r1", 2301, []), router("r2", 2302, [])); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }, { device: "r2" }]; }, [
      "E_GATEWAY_MISSING /vlans/0/gateways/1 gateway device r2 of VLAN 10 has no own address (needed for VRRP) | fix: add `address:` with this device's own address in the subnet",
    ]],
    ["a gateway device's address outside the subnet, another's equal to the virtual gateway", (d) => { d.devices.push(router("r1", 2301, []), router("r2", 2302, [])); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.11.2" }, { device: "r2", address: "10.0.10.1" }]; }, [
      "E_GATEWAY_OUTSIDE /vlans/0/gateways/0/address gateway address 10.0.11.2 of r1 is not a usable address of VLAN 10's subnet 10.0.10.0/24 | fix: use a host address inside 10.0.10.0/24",
      "E_ADDRESS_DUPLICATE /vlans/0/gateways/1/address r2 VLAN 10 gateway uses an address that VLAN 10 gateway already has | fix: give each interface, gateway and host its own address",
    ]],
    ["one gateway device whose address is the gateway itself", (d) => { d.devices.push(router("r1", 2301, [])); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.1" }]; }, [
    ]],
    ["one gateway device with its own address, and a host at that address", (d) => { d.devices.push(router("r1", 2301, [])); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.11" }]; }, [
      "E_ADDRESS_DUPLICATE /hosts/0/address host h1 uses an address that r1 VLAN 10 gateway already has | fix: give each interface, gateway and host its own address",
    ]],
    ["two VLANs with one /32", (d) => { d.vlans.push({ id: 20, name: "a", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.5.0.1/32" }, { id: 30, name: "b", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.5.0.1/32" }); }, [
      "E_SUBNET_OVERLAP /vlans/2/subnet VLAN 30 subnet 10.5.0.1/32 overlaps VLAN 20 subnet 10.5.0.1/32 in the global table | fix: give each VLAN its own subnet, or put them in different VRFs",
    ]],
    ["a wide VLAN subnet holding two others: each is reported against it", (d) => { d.vlans.push({ id: 20, name: "a", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.6.0.0/16" }, { id: 30, name: "b", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.6.1.0/24" }, { id: 40, name: "c", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.6.5.0/24" }); }, [
      "E_SUBNET_OVERLAP /vlans/2/subnet VLAN 30 subnet 10.6.1.0/24 overlaps VLAN 20 subnet 10.6.0.0/16 in the global table | fix: give each VLAN its own subnet, or put them in different VRFs",
      "E_SUBNET_OVERLAP /vlans/3/subnet VLAN 40 subnet 10.6.5.0/24 overlaps VLAN 20 subnet 10.6.0.0/16 in the global table | fix: give each VLAN its own subnet, or put them in different VRFs",
    ]],
    ["a host's gateway outside its subnet, another than the VLAN's, and the VLAN's", (d) => { d.vlans[0].gateway = "10.0.10.1"; d.hosts[0].gateway = "10.0.11.1"; d.hosts.push(host("h2", "10.0.10.12/24", { gateway: "10.0.10.254" }), host("h3", "10.0.10.13/24", { gateway: "10.0.10.1" })); }, [
      "E_GATEWAY_OUTSIDE /hosts/0/gateway host h1 gateway 10.0.11.1 is outside its own subnet 10.0.10.0/24 | fix: use the VLAN's gateway address",
      "W_HOST_GATEWAY /hosts/1/gateway host h2 uses gateway 10.0.10.254, VLAN 10's gateway is 10.0.10.1 | fix: use 10.0.10.1 unless this host routes elsewhere on purpose",
    ]],
    ["a host in the VLAN's subnet with another prefix length", (d) => { d.hosts[0].address = "10.0.10.11/25"; }, [
      "E_HOST_SUBNET /hosts/0/address host h1 address 10.0.10.11/25 does not fit VLAN 10's subnet 10.0.10.0/24 | fix: use a free address in 10.0.10.0/24 with prefix length /24",
    ]],
    ["routed addresses at the network and broadcast address; /31, /32 and a port not routed are fine", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/24" }, { name: "eth2", mode: "routed", address: "10.9.1.255/24" }, { name: "eth3", mode: "routed", address: "10.9.2.0/31" }, { name: "eth4", mode: "routed", address: "10.9.3.4/32" }, { name: "eth5", address: "10.9.4.0/24" }])); }, [
      "E_GATEWAY_OUTSIDE /devices/2/interfaces/0/address r1 eth1 address 10.9.0.0/24 is the network or broadcast address | fix: use a host address of the subnet",
      "E_GATEWAY_OUTSIDE /devices/2/interfaces/1/address r1 eth2 address 10.9.1.255/24 is the network or broadcast address | fix: use a host address of the subnet",
    ]],
    ["a loopback given twice, and as a routed address", (d) => { d.devices.push(router("r1", 2301, [], { loopback: "10.255.0.1" }), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.255.0.1/31" }], { loopback: "10.255.0.1" })); }, [
      "E_ADDRESS_DUPLICATE /devices/3/interfaces/0/address r2 eth1 uses an address that r1 loopback already has | fix: give each interface, gateway and host its own address",
      "E_ADDRESS_DUPLICATE /devices/3/loopback r2 loopback uses an address that r1 loopback already has | fix: give each interface, gateway and host its own address",
    ]],
    ["a management address that is another device's loopback; its own is fine", (d) => { d.devices.push(router("r1", 2301, [], { loopback: "10.255.0.1" }), router("r2", 2302, [], { loopback: "10.255.0.2" })); d.devices[3].management.address = "10.255.0.1"; d.devices[2].management.address = "10.255.0.1"; }, [
      "E_ADDRESS_DUPLICATE /devices/3/management/address management address 10.255.0.1 of r2 is the address of r1 loopback | fix: use r2's own management or loopback address (citydc would log in to whatever answers there)",
    ]],
    ["a device managed at its own loopback", (d) => { d.devices.push(router("r1", 2301, [], { loopback: "10.255.0.1" })); d.devices[2].management.address = "10.255.0.1"; }, [
    ]],
    ["host bits in a static route's prefix and a BGP network", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }], { routes: [{ prefix: "10.1.0.0/16", nextHop: "10.9.0.1" }, { prefix: "10.2.3.4/16", nextHop: "10.9.0.1" }], bgp: { asn: 1, networks: ["10.3.0.0/16", "10.4.5.6/16"] } })); }, [
      "E_SUBNET_HOST_BITS /devices/2/routes/1/prefix route prefix 10.2.3.4/16 on r1 has host bits set | fix: write the network address: 10.2.0.0/16",
      "E_SUBNET_HOST_BITS /devices/2/bgp/networks/1 BGP network 10.4.5.6/16 on r1 has host bits set (a device advertises the exact network) | fix: write the network address: 10.4.0.0/16",
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

describe("the two ends of a link (links check)", () => {
  const CODES = ["E_LINK_SELF", "E_LINK_MODE", "E_LINK_VLANS", "E_LINK_NATIVE", "E_LINK_SPEED", "E_LINK_SUBNET", "E_LINK_LAG", "E_LINK_DCI", "E_LINK_LACP"];
  /** sw1 (dc1) and a third switch sw3 (dc1, frr when routed ends are needed) with one fabric link between ports x and y. */
function pair(a: any, b: any, opts: { platformB?: string; lagsA?: any[]; lagsB?: any[]; moreA?: any[]; moreB?: any[]; links?: any[] } = {}): any {
  const d = minimal();
  d.devices[0].interfaces.push({ name: "p3", ...a }, ...(opts.moreA ?? []));
  d.devices[0].lags = opts.lagsA ?? [];
  const frr = opts.platformB === "frr";
  d.devices.push({ name: "sw3", site: "dc1", role: frr ? "border" : "leaf", platform: opts.platformB ?? "ovs", management: { address: "127.0.0.1", port: 2203, user: "c" }, interfaces: [{ name: frr ? "eth1" : "p1", ...b }, ...(opts.moreB ?? [])], lags: opts.lagsB ?? [] });
  d.links.push({ kind: "fabric", a: { device: "sw1", interface: "p3" }, b: { device: "sw3", interface: frr ? "eth1" : "p1" } }, ...(opts.links ?? []));
  return d;
}
  const CASES: [string, () => any, string[]][] = [
    ["trunks allowing lists of one length, different", () => pair({ mode: "trunk", allowed: [10, 20] }, { mode: "trunk", allowed: [10, 30] }), [
      "E_LINK_VLANS /links/1/b/interface allowed VLANs differ on sw1 p3 <-> sw3 p1: [10, 20] vs [10, 30] | fix: allow the same VLANs on both ends of the trunk",
    ]],
    ["a trunk allowing all against one with a list", () => { const d = pair({ mode: "trunk" }, { mode: "trunk", allowed: [10] }); return d; }, [
      "E_LINK_VLANS /links/1/b/interface allowed VLANs differ on sw1 p3 <-> sw3 p1: all vs [10] | fix: allow the same VLANs on both ends of the trunk",
    ]],
    ["trunks in another order agree", () => pair({ mode: "trunk", allowed: [20, 10] }, { mode: "trunk", allowed: [10, 20] }), [
    ]],
    ["a native VLAN on one end only", () => pair({ mode: "trunk", allowed: [10] }, { mode: "trunk", allowed: [10], native: 10 }), [
      "E_LINK_NATIVE /links/1/b/interface native VLAN differs on sw1 p3 <-> sw3 p1: none vs 10 | fix: set the same native VLAN on both ends (or none on both)",
    ]],
    ["access ports in different VLANs", () => { const d = pair({ mode: "access", vlan: 10 }, { mode: "access", vlan: 20 }); d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] }); return d; }, [
      "E_LINK_VLANS /links/1/b/interface access VLAN mismatch on sw1 p3 <-> sw3 p1: 10 vs 20 | fix: put both ends in the same VLAN",
    ]],
    ["two unconfigured ends: nothing to compare", () => pair({}, {}), [
    ]],
    ["a trunk facing an access port", () => pair({ mode: "trunk", allowed: [10] }, { mode: "access", vlan: 10 }), [
      "E_LINK_MODE /links/1/b/interface mode mismatch on sw1 p3 <-> sw3 p1: trunk/access | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
    ]],
    ["a configured end facing an unconfigured one", () => pair({ mode: "trunk", allowed: [10] }, {}), [
      "E_LINK_MODE /links/1/b/interface mode mismatch on sw1 p3 <-> sw3 p1: trunk/unconfigured | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
    ]],
    ["a speed on one end only is no mismatch", () => pair({ mode: "access", vlan: 10, speed: "10G" }, { mode: "access", vlan: 10 }), [
    ]],
    ["routed ends: different subnets, the same address, one /31, an end without an address", () => { const d = pair({}, {}); d.devices[0] = { name: "sw1", site: "dc1", role: "border", platform: "frr", management: d.devices[0].management, interfaces: [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }, { name: "eth2", mode: "routed", address: "10.9.1.0/31" }, { name: "eth3", mode: "routed", address: "10.9.2.0/31" }, { name: "eth4", mode: "routed" }] }; d.devices[2] = { ...d.devices[2], platform: "frr", role: "border", interfaces: [{ name: "eth1", mode: "routed", address: "10.9.0.2/31" }, { name: "eth2", mode: "routed", address: "10.9.1.0/31" }, { name: "eth3", mode: "routed", address: "10.9.2.1/31" }, { name: "eth4", mode: "routed", address: "10.9.3.1/31" }] }; d.links = [1, 2, 3, 4].map((n) => ({ kind: "fabric", a: { device: "sw1", interface: `eth${n}` }, b: { device: "sw3", interface: `eth${n}` } })); d.hosts = []; d.dr = []; return d; }, [
      "E_LINK_SUBNET /links/0/b/interface routed ends of sw1 eth1 <-> sw3 eth1 are in different subnets: 10.9.0.0/31 vs 10.9.0.2/31 | fix: address both ends from one subnet (e.g. a /31)",
      "E_LINK_SUBNET /links/1/b/interface both ends of sw1 eth2 <-> sw3 eth2 have address 10.9.1.0/31 | fix: give each end its own address in the subnet",
    ]],
    ["a routed port facing an access port: in the VLAN's subnet, outside it, another length, a VLAN without a subnet", () => { const d = pair({ mode: "access", vlan: 10 }, { mode: "routed", address: "10.0.10.1/24" }, { platformB: "frr", moreA: [{ name: "p4", mode: "access", vlan: 10 }, { name: "p5", mode: "access", vlan: 10 }, { name: "p6", mode: "access", vlan: 20 }], moreB: [{ name: "eth2", mode: "routed", address: "10.0.11.1/24" }, { name: "eth3", mode: "routed", address: "10.0.10.2/25" }, { name: "eth4", mode: "routed", address: "10.7.0.1/24" }], links: [{ kind: "fabric", a: { device: "sw3", interface: "eth2" }, b: { device: "sw1", interface: "p4" } }, { kind: "fabric", a: { device: "sw1", interface: "p5" }, b: { device: "sw3", interface: "eth3" } }, { kind: "fabric", a: { device: "sw1", interface: "p6" }, b: { device: "sw3", interface: "eth4" } }] }); d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] }); return d; }, [
      "E_LINK_SUBNET /links/2/a/interface routed end of sw3 eth2 <-> sw1 p4 has 10.0.11.1/24, outside VLAN 10's subnet 10.0.10.0/24 | fix: give the routed port an address in 10.0.10.0/24",
      "E_LINK_SUBNET /links/3/b/interface routed end of sw1 p5 <-> sw3 eth3 has 10.0.10.2/25, outside VLAN 10's subnet 10.0.10.0/24 | fix: give the routed port an address in 10.0.10.0/24",
    ]],
    ["a router's port without a mode facing an access port of a VLAN it is the gateway of, either way round", () => { const d = pair({ mode: "access", vlan: 10 }, {}, { platformB: "frr", moreA: [{ name: "p4", mode: "access", vlan: 10 }], moreB: [{ name: "eth2" }], links: [{ kind: "fabric", a: { device: "sw3", interface: "eth2" }, b: { device: "sw1", interface: "p4" } }] }); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "sw3" }]; return d; }, [
    ]],
    ["the same when the router is not the VLAN's gateway", () => { const d = pair({ mode: "access", vlan: 10 }, {}, { platformB: "frr", moreA: [{ name: "p4", mode: "access", vlan: 10 }], moreB: [{ name: "eth2" }], links: [{ kind: "fabric", a: { device: "sw3", interface: "eth2" }, b: { device: "sw1", interface: "p4" } }] }); return d; }, [
      "E_LINK_MODE /links/1/b/interface mode mismatch on sw1 p3 <-> sw3 eth1: access/unconfigured | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
      "E_LINK_MODE /links/2/b/interface mode mismatch on sw3 eth2 <-> sw1 p4: unconfigured/access | fix: configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)",
    ]],
    ["a LAG member on the b end only", () => pair({ mode: "trunk", allowed: [10] }, { lag: "bond0" }, { lagsB: [{ name: "bond0", mode: "trunk", allowed: [10] }] }), [
      "E_LINK_LAG /links/1/a/interface sw3 p1 is a LAG member but sw1 p3 is not | fix: make sw1 p3 a member of a LAG too, or take p1 out of its LAG",
    ]],
    ["LACP against a static LAG at the b end, two member cables reported once", () => pair({ lag: "bond0" }, { lag: "bond0" }, { lagsA: [{ name: "bond0", mode: "trunk", allowed: [10] }], lagsB: [{ name: "bond0", mode: "trunk", allowed: [10], lacp: "static" }], moreA: [{ name: "p4", lag: "bond0" }], moreB: [{ name: "p2", lag: "bond0" }], links: [{ kind: "fabric", a: { device: "sw1", interface: "p4" }, b: { device: "sw3", interface: "p2" } }] }), [
      "E_LINK_LACP /links/1/b/interface LACP mismatch on sw1 bond0 (active) <-> sw3 bond0 (static): one end runs LACP, the other is a static LAG, so the LACP end never bundles its members | fix: set lacp: active on sw3 bond0 (or static on both ends)",
    ]],
    ["two static LAGs agree on LACP; what their LAGs carry is compared once per pair", () => pair({ lag: "bond0" }, { lag: "bond0" }, { lagsA: [{ name: "bond0", mode: "trunk", allowed: [10], lacp: "static" }], lagsB: [{ name: "bond0", mode: "trunk", allowed: [10, 20], lacp: "static" }], moreA: [{ name: "p4", lag: "bond0" }], moreB: [{ name: "p2", lag: "bond0" }], links: [{ kind: "fabric", a: { device: "sw1", interface: "p4" }, b: { device: "sw3", interface: "p2" } }] }), [
      "E_LINK_VLANS /links/1/b/interface allowed VLANs differ on sw1 bond0 <-> sw3 bond0: [10] vs [10, 20] | fix: allow the same VLANs on both ends of the trunk",
    ]],
    ["the members of one LAG cabled to two LAGs", () => pair({ lag: "bond0" }, { lag: "bond0" }, { lagsA: [{ name: "bond0", mode: "trunk", allowed: [10] }], lagsB: [{ name: "bond0", mode: "trunk", allowed: [10] }, { name: "bond1", mode: "trunk", allowed: [10] }], moreA: [{ name: "p4", lag: "bond0" }], moreB: [{ name: "p2", lag: "bond1" }], links: [{ kind: "fabric", a: { device: "sw1", interface: "p4" }, b: { device: "sw3", interface: "p2" } }] }), [
      "E_LINK_LAG /links/2/a/interface members of sw1 bond0 go to sw3 bond0 and to sw3 bond1 | fix: cable all members of bond0 to one LAG on one device (or split them into two LAGs)",
    ]],
    ["a link from a device to itself", () => { const d = pair({}, {}); d.links.push({ kind: "fabric", a: { device: "sw1", interface: "p1" }, b: { device: "sw1", interface: "p3" } }); return d; }, [
      "E_LINK_SELF /links/2/b/device link connects sw1 to itself (p1 <-> p3) | fix: a link joins two different devices: correct one end",
    ]],
    ["a dci link within one site", () => { const d = pair({ mode: "trunk", allowed: [10] }, { mode: "trunk", allowed: [10] }); d.links[1].kind = "dci"; return d; }, [
      "E_LINK_DCI /links/1/kind dci link sw1 p3 <-> sw3 p1 joins sites dc1 and dc1, which are not a primary and its DR site | fix: use kind fabric/uplink/wan for this link, or set `protects:` on the DR site",
    ]],
  ];
  for (const [name, build, want] of CASES) {
    it(name, () => {
      expect(found(build(), ...CODES)).toEqual(want);
    });
  }
});

describe("port settings for their mode (ports check)", () => {
  /** Each mode with each setting that does not belong to it, alone; and the fine ones (t5, t6, r5, n6, m1). */
  const PORTS = [
    { name: "a1", mode: "access" },
    { name: "a2", mode: "access", vlan: 10, allowed: [10] },
    { name: "a3", mode: "access", vlan: 10, native: 10 },
    { name: "a4", mode: "access", vlan: 10, address: "10.0.10.5/24" },
    { name: "a5", mode: "access", vlan: 10, vrf: "red" },
    { name: "t1", mode: "trunk", vlan: 10 },
    { name: "t2", mode: "trunk", address: "10.0.10.5/24" },
    { name: "t3", mode: "trunk", vrf: "red" },
    { name: "t4", mode: "trunk", allowed: [10], native: 20 },
    { name: "t5", mode: "trunk", allowed: [10, 20], native: 20 },
    { name: "t6", mode: "trunk", native: 20 },
    { name: "r1", mode: "routed" },
    { name: "r2", mode: "routed", address: "10.9.0.1/24", vlan: 10 },
    { name: "r3", mode: "routed", address: "10.9.1.1/24", allowed: [10] },
    { name: "r4", mode: "routed", address: "10.9.2.1/24", native: 10 },
    { name: "r5", mode: "routed", address: "10.9.3.1/24", vrf: "red" },
    { name: "n1", vlan: 10 },
    { name: "n2", allowed: [10] },
    { name: "n3", native: 10 },
    { name: "n4", address: "10.9.4.1/24" },
    { name: "n5", vrf: "red" },
    { name: "n6" },
    { name: "m1", lag: "Eth-Trunk5" },
    { name: "m2", lag: "Eth-Trunk5", mode: "trunk", vlan: 10, allowed: [10], native: 10, address: "10.9.5.1/24", vrf: "red" },
  ];

  it("every setting out of place, on interfaces, LAG members and LAGs, and nothing for the fine ones", () => {
  const d = minimal();
    d.vrfs = [{ name: "red", tenant: "city" }];
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1", "dc2"] });
    d.devices[1] = { name: "r9", site: "dc2", role: "border", platform: "huawei-vrp", management: { address: "127.0.0.9", user: "c" }, interfaces: PORTS.map((p, i) => ({ ...p, name: `10GE1/0/${i + 1}` })), lags: [{ name: "Eth-Trunk1", mode: "access" }, { name: "Eth-Trunk2", mode: "trunk", allowed: [10], native: 20 }, { name: "Eth-Trunk3", mode: "routed" }, { name: "Eth-Trunk5", mode: "trunk", allowed: [10] }] };
    expect(found(d, "E_PORT_MODE", "E_LAG_MEMBER_MODE")).toEqual([
      "E_PORT_MODE /devices/1/interfaces/0/mode r9 10GE1/0/1: access port without a VLAN | fix: add `vlan: <id>`, or make it a trunk",
      "E_PORT_MODE /devices/1/interfaces/1/allowed r9 10GE1/0/2: 'allowed' does not apply to an access port | fix: remove 'allowed', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/2/native r9 10GE1/0/3: 'native' does not apply to an access port | fix: remove 'native', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/3/address r9 10GE1/0/4: 'address' does not apply to an access port | fix: remove 'address', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/4/vrf r9 10GE1/0/5: 'vrf' does not apply to an access port | fix: remove 'vrf', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/5/vlan r9 10GE1/0/6: 'vlan' does not apply to a trunk | fix: use `allowed:` (and `native:`) on a trunk",
      "E_PORT_MODE /devices/1/interfaces/6/address r9 10GE1/0/7: 'address' does not apply to a trunk | fix: remove 'address', or make the port routed",
      "E_PORT_MODE /devices/1/interfaces/7/vrf r9 10GE1/0/8: 'vrf' does not apply to a trunk | fix: remove 'vrf', or make the port routed",
      "E_PORT_MODE /devices/1/interfaces/8/native r9 10GE1/0/9: native VLAN 20 is not in the allowed list | fix: add 20 to allowed, or change the native VLAN",
      "E_PORT_MODE /devices/1/interfaces/11/mode r9 10GE1/0/12: routed port without an address | fix: add `address: <ip>/<len>`",
      "E_PORT_MODE /devices/1/interfaces/12/vlan r9 10GE1/0/13: 'vlan' does not apply to a routed port | fix: remove 'vlan', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/13/allowed r9 10GE1/0/14: 'allowed' does not apply to a routed port | fix: remove 'allowed', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/14/native r9 10GE1/0/15: 'native' does not apply to a routed port | fix: remove 'native', or change the mode",
      "E_PORT_MODE /devices/1/interfaces/16/vlan r9 10GE1/0/17: 'vlan' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
      "E_PORT_MODE /devices/1/interfaces/17/allowed r9 10GE1/0/18: 'allowed' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
      "E_PORT_MODE /devices/1/interfaces/18/native r9 10GE1/0/19: 'native' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
      "E_PORT_MODE /devices/1/interfaces/19/address r9 10GE1/0/20: 'address' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
      "E_PORT_MODE /devices/1/interfaces/20/vrf r9 10GE1/0/21: 'vrf' is set but the port has no mode | fix: add `mode: access`, `trunk` or `routed`",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/mode r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'mode' | fix: remove 'mode' from the member; set it on LAG Eth-Trunk5 instead",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/vlan r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'vlan' | fix: remove 'vlan' from the member; set it on LAG Eth-Trunk5 instead",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/allowed r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'allowed' | fix: remove 'allowed' from the member; set it on LAG Eth-Trunk5 instead",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/native r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'native' | fix: remove 'native' from the member; set it on LAG Eth-Trunk5 instead",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/address r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'address' | fix: remove 'address' from the member; set it on LAG Eth-Trunk5 instead",
      "E_LAG_MEMBER_MODE /devices/1/interfaces/23/vrf r9 10GE1/0/24 is a member of Eth-Trunk5 but sets 'vrf' | fix: remove 'vrf' from the member; set it on LAG Eth-Trunk5 instead",
      "E_PORT_MODE /devices/1/lags/0/mode r9 Eth-Trunk1: access port without a VLAN | fix: add `vlan: <id>`, or make it a trunk",
      "E_PORT_MODE /devices/1/lags/1/native r9 Eth-Trunk2: native VLAN 20 is not in the allowed list | fix: add 20 to allowed, or change the native VLAN",
      "E_PORT_MODE /devices/1/lags/2/mode r9 Eth-Trunk3: routed port without an address | fix: add `address: <ip>/<len>`",
    ]);
  });
});

describe("BGP links, router IDs, neighbours and next hops (routing check)", () => {
  const CODES = ["E_BGP_LINK", "E_BGP_ROUTER_ID", "E_BGP_NEIGHBOR", "E_ROUTE_NEXTHOP", "W_ROUTE_NEXTHOP"];
  const router = (name: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });
  const CASES: [string, (d: any) => void, string[]][] = [
    ["bgp link: a trunk end, an end without address, a device without bgp", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed" }], { bgp: { asn: 1 } }), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }])); d.devices[0].interfaces.push({ name: "p3", mode: "trunk", allowed: [10] }); d.links.push({ kind: "wan", a: { device: "r1", interface: "eth1" }, b: { device: "r2", interface: "eth1" }, bgp: true }, { kind: "wan", a: { device: "sw1", interface: "p3" }, b: { device: "r2", interface: "eth1" }, bgp: true }); }, [
      "E_BGP_LINK /links/1/a/interface link has bgp: true but r1 eth1 is not a routed port with an address | fix: set `mode: routed` and `address:` on both ends, or set bgp: false",
      "E_BGP_LINK /links/1/b/device link has bgp: true but r2 has no bgp section | fix: add `bgp: { asn: ... }` to r2",
      "E_BGP_LINK /links/2/a/device link has bgp: true but sw1 has no bgp section | fix: add `bgp: { asn: ... }` to sw1",
      "E_BGP_LINK /links/2/a/interface link has bgp: true but sw1 p3 is not a routed port with an address | fix: set `mode: routed` and `address:` on both ends, or set bgp: false",
      "E_BGP_LINK /links/2/b/device link has bgp: true but r2 has no bgp section | fix: add `bgp: { asn: ... }` to r2",
    ]],
    ["gateway addresses are the device's own", (d) => { d.devices.push(router("r1", 2301, [], { bgp: { asn: 1, neighbors: [{ address: "10.0.10.1", remoteAs: 2 }, { address: "10.0.10.2", remoteAs: 2 }, { address: "10.0.10.9", remoteAs: 2 }] }, routes: [{ prefix: "10.50.0.0/16", nextHop: "10.0.10.1" }, { prefix: "10.51.0.0/16", nextHop: "10.0.10.9" }] }), router("r2", 2302, [], { bgp: { asn: 1, neighbors: [{ address: "10.0.10.1", remoteAs: 2 }, { address: "10.0.10.3", remoteAs: 2 }] } })); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }, { device: "r2", address: "10.0.10.3" }]; }, [
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/0/address BGP neighbor 10.0.10.1 of r1 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/1/address BGP neighbor 10.0.10.2 of r1 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
      "E_ROUTE_NEXTHOP /devices/2/routes/0/nextHop next hop 10.0.10.1 of route 10.50.0.0/16 on r1 is its VLAN gateway address: the route would point at the device itself | fix: use the address of the neighbor that forwards the traffic (the other end of the link)",
      "E_BGP_NEIGHBOR /devices/3/bgp/neighbors/0/address BGP neighbor 10.0.10.1 of r2 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
      "E_BGP_NEIGHBOR /devices/3/bgp/neighbors/1/address BGP neighbor 10.0.10.3 of r2 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
    ]],
    ["a single gateway device's own address is the gateway", (d) => { d.devices.push(router("r1", 2301, [], { bgp: { asn: 1, neighbors: [{ address: "10.0.10.1", remoteAs: 2 }] } })); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1" }]; }, [
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/0/address BGP neighbor 10.0.10.1 of r1 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
    ]],
    ["a single gateway device with its own address: the gateway is not its", (d) => { d.devices.push(router("r1", 2301, [], { bgp: { asn: 1, neighbors: [{ address: "10.0.10.1", remoteAs: 2 }, { address: "10.0.10.5", remoteAs: 2 }] } })); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.5" }]; }, [
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/1/address BGP neighbor 10.0.10.5 of r1 is its VLAN gateway address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
    ]],
    ["next hop in a gateway VLAN of a VRF, route in the global table", (d) => { d.vrfs = [{ name: "red", tenant: "city" }]; d.vlans[0].vrf = "red"; d.devices.push(router("r1", 2301, [], { routes: [{ prefix: "10.50.0.0/16", nextHop: "10.0.10.7" }, { prefix: "10.51.0.0/16", nextHop: "10.0.10.8", vrf: "red" }] })); d.vlans[0].gateway = "10.0.10.1"; d.vlans[0].gateways = [{ device: "r1" }]; }, [
      "E_ROUTE_NEXTHOP /devices/2/routes/0/nextHop next hop 10.0.10.7 of route 10.50.0.0/16 (the global table) on r1 is connected only in VRF red | fix: put the route in VRF red, or use a next hop connected in the global table",
    ]],
    ["connected in two VRFs", (d) => { d.vrfs = [{ name: "red", tenant: "city" }, { name: "blue", tenant: "city" }]; d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.1/24", vrf: "red" }, { name: "eth2", mode: "routed", address: "10.9.0.2/24", vrf: "blue" }], { routes: [{ prefix: "10.50.0.0/16", nextHop: "10.9.0.7" }] })); }, [
      "E_ROUTE_NEXTHOP /devices/2/routes/0/nextHop next hop 10.9.0.7 of route 10.50.0.0/16 (the global table) on r1 is connected only in VRF red and VRF blue | fix: put the route in VRF red or VRF blue, or use a next hop connected in the global table",
    ]],
    ["loopback, router ID and a port as neighbors", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", mode: "routed", address: "10.9.0.0/31" }], { loopback: "10.255.0.1", bgp: { asn: 1, routerId: "10.254.0.1", neighbors: [{ address: "10.255.0.1", remoteAs: 2 }, { address: "10.254.0.1", remoteAs: 2 }, { address: "10.9.0.1", remoteAs: 2 }] } }), router("r2", 2302, [{ name: "eth1", mode: "routed", address: "10.9.1.0/31" }], { bgp: { asn: 1, routerId: "10.9.1.0", neighbors: [{ address: "10.9.1.0", remoteAs: 2 }] } })); }, [
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/0/address BGP neighbor 10.255.0.1 of r1 is its loopback: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
      "E_BGP_NEIGHBOR /devices/2/bgp/neighbors/1/address BGP neighbor 10.254.0.1 of r1 is its router ID: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
      "E_BGP_NEIGHBOR /devices/3/bgp/neighbors/0/address BGP neighbor 10.9.1.0 of r2 is its eth1 address: a router cannot peer with itself | fix: use the address of the neighbor's end of the link (e.g. the other address of the /31)",
    ]],
    ["router ID taken from the loopback, twice", (d) => { d.devices.push(router("r1", 2301, [], { loopback: "10.255.0.1", bgp: { asn: 1 } }), router("r2", 2302, [], { loopback: "10.255.0.1", bgp: { asn: 2 } }), router("r3", 2303, [], { bgp: { asn: 3 } }), router("r4", 2304, [], { bgp: { asn: 4 } })); }, [
      "E_BGP_ROUTER_ID /devices/3/loopback BGP router ID 10.255.0.1 of r2 is also the router ID of r1 (taken from the loopback) | fix: give each BGP router its own router ID (bgp.routerId, or a unique loopback); a peer with the same ID is refused",
    ]],
    ["a routed LAG is connected, its members are not", (d) => { d.devices.push(router("r1", 2301, [{ name: "eth1", lag: "bond0", mode: "routed", address: "10.8.0.1/24" }], { lags: [{ name: "bond0", mode: "routed", address: "10.9.0.1/24" }], routes: [{ prefix: "10.50.0.0/16", nextHop: "10.9.0.7" }, { prefix: "10.51.0.0/16", nextHop: "10.8.0.7" }] })); }, [
      "W_ROUTE_NEXTHOP /devices/2/routes/1/nextHop next hop 10.8.0.7 of route 10.51.0.0/16 on r1 is in none of its connected subnets | fix: use the address of a neighbor on a routed port or gateway VLAN of this device",
    ]],
    ["a device given twice: the second is not looked at", (d) => { d.devices.push(router("r1", 2301, [], {}), router("r1", 2302, [], { routes: [{ prefix: "10.50.0.0/16", nextHop: "10.99.0.7" }] })); }, [
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

describe("reserved VLANs and VLANs at their sites (vlans check)", () => {
  const CODES = ["E_VLAN_RESERVED", "E_VLAN_NOT_AT_SITE", "E_VLAN_RANGE"];
  const dev = (name: string, site: string, platform: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site, role: "leaf", platform, management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });
  const vlan = (id: number, sites: string[]) => ({ id, name: `v${id}`, tenant: "city", purpose: "video", sites });
  const CASES: [string, (d: any) => void, string[]][] = [
    ["reserved on CloudEngine: an access port, once per VLAN and platform; VLAN 1 and 4063 are fine", (d) => { d.vlans.push(vlan(4064, ["dc1"]), vlan(1, ["dc1"]), vlan(4063, ["dc1"])); d.devices.push(dev("ce1", "dc1", "huawei-vrp", 2301, [{ name: "10GE1/0/1", mode: "access", vlan: 4064 }, { name: "10GE1/0/2", mode: "access", vlan: 4064 }, { name: "10GE1/0/3", mode: "access", vlan: 1 }, { name: "10GE1/0/4", mode: "access", vlan: 4063 }]), dev("ce2", "dc1", "huawei-vrp", 2302, [{ name: "10GE1/0/1", mode: "access", vlan: 4064 }])); }, [
      "E_VLAN_RESERVED /devices/2/interfaces/0/vlan VLAN 4064 is reserved on huawei-vrp (device ce1; reserved 4064-4094) | fix: pick a VLAN ID outside 4064-4094 for VLANs that huawei-vrp devices carry",
    ]],
    ["reserved on NX-OS as a native VLAN, in an allowed list, on a LAG, as the management VLAN", (d) => { d.vlans.push(vlan(4000, ["dc1"]), vlan(3999, ["dc1"]), vlan(3998, ["dc1"]), vlan(3997, ["dc1"])); d.devices.push(dev("nx1", "dc1", "cisco-nxos", 2301, [{ name: "Ethernet1/1", mode: "trunk", allowed: [10, 4000], native: 4000 }, { name: "Ethernet1/2", mode: "trunk", allowed: [10, 3999] }], { lags: [{ name: "port-channel1", mode: "access", vlan: 3998 }], management: { address: "127.0.0.1", port: 2301, user: "c", vlan: 3997 } })); }, [
      "E_VLAN_RESERVED /devices/2/management/vlan VLAN 3997 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
      "E_VLAN_RESERVED /devices/2/interfaces/0/native VLAN 4000 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
      "E_VLAN_RESERVED /devices/2/interfaces/1/allowed/1 VLAN 3999 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
      "E_VLAN_RESERVED /devices/2/lags/0/vlan VLAN 3998 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    ]],
    ["reserved on NX-OS as a gateway's VLAN, and for a switch at the VLAN's site that does not use it", (d) => { d.vlans.push({ ...vlan(3970, ["dc1"]), subnet: "10.70.0.0/24", gateway: "10.70.0.1", gateways: [{ device: "nx1" }] }, vlan(3971, ["dc2"])); d.devices.push(dev("nx1", "dc1", "cisco-nxos", 2301, []), dev("nx2", "dc2", "cisco-nxos", 2302, [])); }, [
      "E_VLAN_RESERVED /vlans/1/gateways/0/device VLAN 3970 is reserved on cisco-nxos (device nx1; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
      "E_VLAN_RESERVED /vlans/2/id VLAN 3971 is reserved on cisco-nxos (device nx2; reserved 3968-4094) | fix: pick a VLAN ID outside 3968-4094 for VLANs that cisco-nxos devices carry",
    ]],
    ["EOS and Junos reserve nothing", (d) => { d.vlans.push(vlan(4064, ["dc1"])); d.devices.push(dev("eos1", "dc1", "arista-eos", 2301, [{ name: "Ethernet1", mode: "access", vlan: 4064 }]), dev("jn1", "dc1", "junos", 2302, [{ name: "ge-0/0/1", mode: "access", vlan: 4064 }])); }, [
    ]],
    ["a VLAN used where it is not defined: access, native, allowed, LAG, management", (d) => { d.vlans.push(vlan(20, ["dc2"]), vlan(21, ["dc2"]), vlan(22, ["dc2"]), vlan(23, ["dc2"]), vlan(24, ["dc2"])); d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 }, { name: "p4", mode: "trunk", allowed: [10, 21, 22], native: 21 }); d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 23 }]; d.devices[0].management.vlan = 24; }, [
      "E_VLAN_NOT_AT_SITE /devices/0/management/vlan VLAN 24 (v24) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 24, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/2/vlan VLAN 20 (v20) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 20, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/3/allowed/1 VLAN 21 (v21) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 21, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/3/allowed/2 VLAN 22 (v22) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 22, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /devices/0/interfaces/3/native VLAN 21 (v21) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 21, or use a VLAN that exists at dc1",
      "E_VLAN_NOT_AT_SITE /devices/0/lags/0/vlan VLAN 23 (v23) is used on sw1 at site dc1, but is defined only at dc2 | fix: add dc1 to the sites of VLAN 23, or use a VLAN that exists at dc1",
    ]],
    ["a gateway device at a site where its VLAN is not", (d) => { d.vlans.push({ ...vlan(20, ["dc2"]), subnet: "10.20.0.0/24", gateway: "10.20.0.1", gateways: [{ device: "r1" }] }); d.devices.push({ ...dev("r1", "dc1", "frr", 2301, []), role: "border" }); }, [
      "E_VLAN_NOT_AT_SITE /vlans/1/gateways/0/device gateway device r1 is at site dc1, where VLAN 20 is not defined | fix: add dc1 to the VLAN's sites, or choose a gateway device at dc2",
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

describe("MTU and speed (ethernet check)", () => {
  const CODES = ["E_PLATFORM_FEATURE", "E_MTU_RANGE", "E_LAG_MTU", "W_SPEED_NOT_SET", "E_SPEED_UNSUPPORTED", "E_LINK_MTU", "W_LINK_MTU"];
  const dev = (name: string, site: string, platform: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site, role: "leaf", platform, management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });
  const CASES: [string, (d: any) => void, string[]][] = [
    ["Junos MTU limits: routed 9202, switch 9198, a port without a mode the larger, a member its LAG's mode", (d) => { d.devices.push(dev("j1", "dc1", "junos", 2301, [{ name: "ge-0/0/1", mode: "routed", address: "10.9.0.0/31", mtu: 9202 }, { name: "ge-0/0/2", mode: "routed", address: "10.9.0.2/31", mtu: 9203 }, { name: "ge-0/0/3", mode: "access", vlan: 10, mtu: 9198 }, { name: "ge-0/0/4", mode: "trunk", allowed: [10], mtu: 9199 }, { name: "ge-0/0/5", mtu: 9202 }, { name: "ge-0/0/6", mtu: 9203 }, { name: "ge-0/0/7", lag: "ae0", mtu: 9202 }, { name: "ge-0/0/8", lag: "ae1", mtu: 9202 }], { lags: [{ name: "ae0", mode: "routed", address: "10.9.1.0/31" }, { name: "ae1", mode: "trunk", allowed: [10] }, { name: "ae2", mode: "routed", address: "10.9.2.0/31", mtu: 9203 }, { name: "ae3", mode: "access", vlan: 10, mtu: 9199 }, { name: "ae4", mode: "access", vlan: 10, mtu: 9198 }] })); }, [
      "E_MTU_RANGE /devices/2/interfaces/1/mtu MTU 9203 on j1 ge-0/0/2 is above what junos carries on a routed port (9202) | fix: use an IP MTU of at most 9202 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/interfaces/3/mtu MTU 9199 on j1 ge-0/0/4 is above what junos carries on a switch port (9198) | fix: use an IP MTU of at most 9198 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/interfaces/5/mtu MTU 9203 on j1 ge-0/0/6 is above what junos carries on a port (9202) | fix: use an IP MTU of at most 9202 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/interfaces/7/mtu MTU 9202 on j1 ge-0/0/8 is above what junos carries on a switch port (9198) | fix: use an IP MTU of at most 9198 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/lags/2/mtu MTU 9203 on j1 ae2 is above what junos carries on a routed port (9202) | fix: use an IP MTU of at most 9202 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/lags/3/mtu MTU 9199 on j1 ae3 is above what junos carries on a switch port (9198) | fix: use an IP MTU of at most 9198 (9000 is the usual jumbo value)",
    ]],
    ["a member's MTU against its LAG's", (d) => { d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10], mtu: 9000 }]; d.devices[0].interfaces.push({ name: "p3", lag: "bond0", mtu: 9000 }, { name: "p4", lag: "bond0", mtu: 1500 }, { name: "p5", lag: "bond0" }); }, [
      "E_LAG_MTU /devices/0/interfaces/3/mtu sw1 p4 has MTU 1500 but its LAG bond0 has 9000 | fix: leave mtu off the members (they take the LAG's 9000), or set the same value",
    ]],
    ["no port speed on ovs: one warning per device, at its first port with a speed", (d) => { d.devices[0].interfaces[0].speed = "1G"; d.devices[0].interfaces[1].speed = "10G"; d.devices[1].interfaces[1].speed = "10G"; }, [
      "W_SPEED_NOT_SET /devices/0/interfaces/0/speed sw1 (ovs) has no port speed to set: speeds on its ports (1G on p1) only document the links | fix: leave speed off lab links, or keep it as documentation",
      "W_SPEED_NOT_SET /devices/1/interfaces/1/speed sw2 (ovs) has no port speed to set: speeds on its ports (10G on p2) only document the links | fix: leave speed off lab links, or keep it as documentation",
    ]],
    ["a port no speed row names takes any speed", (d) => { d.devices.push(dev("e1", "dc1", "arista-eos", 2301, [{ name: "Management1", speed: "800G" }, { name: "Ethernet1", speed: "800G" }, { name: "Ethernet2", speed: "2.5G" }])); }, [
    ]],
    ["MTU on a link: set at one end only, either end; a member takes its LAG's, or its own", (d) => { d.devices[0].interfaces[1].mtu = 9000; d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10], mtu: 9000 }, { name: "bond1", mode: "trunk", allowed: [10] }]; d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", lag: "bond1", mtu: 9000 }, { name: "p5", mode: "trunk", allowed: [10] }); d.devices[1].interfaces.push({ name: "p3", mode: "trunk", allowed: [10], mtu: 9000 }, { name: "p4", mode: "trunk", allowed: [10], mtu: 9000 }, { name: "p5", mode: "trunk", allowed: [10], mtu: 9000 }); d.links.push({ kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }, { kind: "dci", a: { device: "sw1", interface: "p4" }, b: { device: "sw2", interface: "p4" } }, { kind: "dci", a: { device: "sw1", interface: "p5" }, b: { device: "sw2", interface: "p5" } }); }, [
      "W_LINK_MTU /links/0/b/interface sw1 p2 sets MTU 9000, sw2 p2 keeps the default (1500) | fix: set mtu on sw2 p2 too",
      "W_LINK_MTU /links/3/a/interface sw2 p5 sets MTU 9000, sw1 p5 keeps the default (1500) | fix: set mtu on sw1 p5 too",
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

describe("multi-chassis pairs (mlag check)", () => {
  const CODES = ["E_MLAG_PAIR", "E_MLAG_PEER_LINK", "E_MLAG_KEEPALIVE", "E_MLAG_LAG", "E_MLAG_PEER_VLAN", "E_PLATFORM_FEATURE", "E_INTERNAL"];
  /** A downstream multi-chassis LAG port-channel11 on both switches of the NX-OS pair, with the given settings each. */
  const halves = (d: any, a: any, b: any) => { pair(d); d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 30, name: "v30", tenant: "city", purpose: "video", sites: ["dc1"] }); d.devices[0].lags.push({ name: "port-channel11", mlag: true, ...a }); d.devices[2].lags.push({ name: "port-channel11", mlag: true, ...b }); };
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a peer link cabled from one switch only", (d) => { pair(d); d.links = d.links.filter((l: any) => l.kind !== "peer"); d.devices[2].interfaces.push({ name: "Ethernet1/5", mode: "trunk", allowed: [10] }); d.links.push({ kind: "peer", a: { device: "sw1", interface: "Ethernet1/3" }, b: { device: "sw3", interface: "Ethernet1/5" } }); }, [
      "E_MLAG_PEER_LINK /mlag/0/peerLink mlag pair p1: no link joins sw1 port-channel1 and sw3 port-channel1 | fix: add the peer link's cables to links: (kind: peer)",
    ]],
    ["a peer LAG missing on one switch: no cabling check", (d) => { pair(d); d.devices[2].lags = []; d.devices[2].interfaces = d.devices[2].interfaces.map((x: any) => ({ name: x.name })); }, [
      "E_MLAG_PEER_LINK /mlag/0/peerLink mlag pair p1: sw3 has no LAG port-channel1 | fix: add LAG port-channel1 (mode trunk) to sw3, its members cabled to the peer",
    ]],
    ["a routed peer link", (d) => { pair(d); d.devices[0].lags[0] = { name: "port-channel1", mode: "routed", address: "10.9.9.0/31" }; }, [
      "E_MLAG_PEER_LINK /devices/0/lags/0/mode the peer link port-channel1 of sw1 is a routed LAG | fix: make the peer link a trunk",
    ]],
    ["a pair at a site that does not exist", (d) => { pair(d); d.devices[0].site = "dc9"; d.devices[2].site = "dc9"; }, [
    ]],
    ["a CloudEngine pair at an MSTP site", (d) => { pair(d, "huawei-vrp"); d.sites[0].stp = { mode: "mstp", region: "r1", instances: [{ id: 1, vlans: [10] }] }; }, [
      "E_PLATFORM_FEATURE /mlag/0/devices/0 mlag pair p1 (huawei-vrp) runs as one bridge with rstp, but site dc1 runs mstp | fix: set the site's stp mode to rstp",
    ]],
    ["EOS keepalive addresses in two subnets", (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.0/31", "10.255.254.1/31"]; }, [
      "E_MLAG_KEEPALIVE /mlag/0/keepalive mlag pair p1: the keepalive addresses 10.255.255.0/31, 10.255.254.1/31 are not two addresses with prefix length in one subnet | fix: give both with their prefix length, e.g. 10.255.255.0/31 and 10.255.255.1/31",
    ]],
    ["EOS keepalive addresses of two prefix lengths", (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.0/30", "10.255.255.1/31"]; }, [
      "E_MLAG_KEEPALIVE /mlag/0/keepalive mlag pair p1: the keepalive addresses 10.255.255.0/30, 10.255.255.1/31 are not two addresses with prefix length in one subnet | fix: give both with their prefix length, e.g. 10.255.255.0/31 and 10.255.255.1/31",
    ]],
    ["EOS keepalive: one address twice", (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.1/31", "10.255.255.1/31"]; }, [
      "E_MLAG_KEEPALIVE /mlag/0/keepalive mlag pair p1: both switches would keep alive from 10.255.255.1/31 | fix: give each switch its own keepalive address, both in one subnet, e.g. 10.255.255.0/31 and 10.255.255.1/31",
    ]],
    ["EOS keepalive: one address without a prefix length", (d) => { pair(d, "arista-eos"); d.mlag[0].keepalive = ["10.255.255.0/31", "10.255.255.1"]; }, [
      "E_MLAG_KEEPALIVE /mlag/0/keepalive mlag pair p1: the keepalive addresses 10.255.255.0/31, 10.255.255.1 are not two addresses with prefix length in one subnet | fix: give both with their prefix length, e.g. 10.255.255.0/31 and 10.255.255.1/31",
    ]],
    ["two switches keeping alive from one management address (other SSH ports)", (d) => { pair(d); d.devices[2].management.address = d.devices[0].management.address; d.devices[2].management.port = 2299; }, [
      "E_MLAG_KEEPALIVE /mlag/0 mlag pair p1: both switches would keep alive from 127.0.0.1 | fix: give each switch its own keepalive address",
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

describe("QoS and traffic policies (policy check)", () => {
  const CODES = ["W_QOS_DSCP_SHARED", "E_QOS_SHARE", "E_QOS_SHARE_OVER", "E_QOS_MARK", "E_REF_UNKNOWN", "E_DUPLICATE", "E_POLICY_PORTS", "E_POLICY_EMPTY", "W_POLICY_SHADOWED", "E_POLICY_CONTRADICTS", "E_POLICY_CUTS_MANAGEMENT"];
  /** A management VLAN 99 (10.0.99.0/24) at dc1 and a jump host h9 in VLAN 10; the policies as given. */
  const withPolicies = (d: any, policies: any) => { d.vlans.push({ id: 99, name: "mgmt", tenant: "city", purpose: "management", sites: ["dc1"], subnet: "10.0.99.0/24" }); d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 10 }); d.hosts.push({ name: "h9", tenant: "city", address: "10.0.10.50/24", attach: { device: "sw1", interface: "p3" } }); d.policies = policies; };
  const rule = (name: string, from: any, to: any, action = "deny", extra: any = {}) => ({ name, from, to, action, ...extra });
  const CASES: [string, (d: any) => void, string[]][] = [
    ["QoS: no class takes the rest", (d) => { d.qos = { classes: [{ name: "best-effort", treatment: "guaranteed", share: 10 }] }; }, [
      "E_QOS_SHARE /qos/classes 0 classes take the rest of the link (treatment default); there must be exactly one | fix: give exactly one class treatment: default (best-effort by default)",
    ]],
    ["QoS: two classes take the rest", (d) => { d.qos = { classes: [{ name: "bulk", dscp: "af11", treatment: "default" }] }; }, [
      "E_QOS_SHARE /qos/classes 2 classes take the rest of the link (treatment default); there must be exactly one | fix: give exactly one class treatment: default (best-effort by default)",
    ]],
    ["QoS: a default class with a share, a guaranteed one without", (d) => { d.qos = { classes: [{ name: "best-effort", share: 5 }, { name: "gold", dscp: "af21", treatment: "guaranteed" }] }; }, [
      "E_QOS_SHARE /qos/classes/0/share class best-effort takes what is left of the link and cannot have a share | fix: remove share, or give the class another treatment",
      "E_QOS_SHARE /qos/classes/1 class gold (guaranteed) has no share | fix: give it share: a percent of the link",
    ]],
    ["QoS: shares of exactly 100% are fine", (d) => { d.qos = { classes: [{ name: "video", share: 75 }] }; }, [
    ]],
    ["QoS: shares of 101%", (d) => { d.qos = { classes: [{ name: "video", share: 76 }] }; }, [
      "E_QOS_SHARE_OVER /qos/classes the classes' shares add up to 101% of a link | fix: lower the shares so that they add up to 100% or less",
    ]],
    ["QoS: a listed class sharing a DSCP with a default it does not list, and the other way round", (d) => { d.qos = { classes: [{ name: "voice", dscp: "af41" }, { name: "gold", dscp: "cs3", share: 1 }] }; }, [
      "W_QOS_DSCP_SHARED /qos/dscp classes voice and video both carry DSCP af41: a device cannot tell them apart | fix: give each class its own DSCP",
      "W_QOS_DSCP_SHARED /qos/classes/1/dscp classes signalling and gold both carry DSCP cs3: a device cannot tell them apart | fix: give each class its own DSCP",
    ]],
    ["QoS marking: on a LAG is fine; a device without interface, ports without protocol, an unknown class, VLAN, device, port", (d) => { d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10] }]; d.qos = { classes: [], marking: [{ class: "voice", device: "sw1", interface: "bond0" }, { class: "voice", device: "sw1" }, { class: "voice", vlan: 10, ports: [5060] }, { class: "voise", vlan: 77 }, { class: "video", device: "sw9", interface: "p1" }, { class: "video", device: "sw1", interface: "p9" }, { class: "video" }] }; }, [
      "E_QOS_MARK /qos/marking/1 a marking entry names no traffic | fix: give vlan, subnet, or device and interface",
      "E_QOS_MARK /qos/marking/1 device and interface go together | fix: give both, or neither",
      "E_QOS_MARK /qos/marking/2/ports ports without a protocol | fix: add protocol: tcp or udp",
      "E_REF_UNKNOWN /qos/marking/3/class unknown QoS class 'voise' (did you mean 'voice'?) | fix: use a class under qos.classes or a default class (voice, video, signalling, network-control, scavenger, best-effort)",
      "E_REF_UNKNOWN /qos/marking/3/vlan unknown VLAN 77 | fix: use the id of a VLAN defined under vlans:",
      "E_REF_UNKNOWN /qos/marking/4/device unknown device 'sw9' (did you mean 'sw1'?) | fix: use the name of a device defined under devices:",
      "E_REF_UNKNOWN /qos/marking/5/interface device sw1 has no interface or LAG 'p9' | fix: use one of sw1's interfaces",
      "E_QOS_MARK /qos/marking/6 a marking entry names no traffic | fix: give vlan, subnet, or device and interface",
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

describe("spanning tree (stp check)", () => {
  const CODES = ["W_STP_NO_ROOT", "W_STP_UNUSED", "W_STP_BOND", "E_PLATFORM_FEATURE", "E_STP_PORT"];
  const rstp = { mode: "rstp" };
  const CASES: [string, (d: any) => void, string[]][] = [
    ["no root at a site of leafs; its DCI neighbour has no tree", (d) => { d.sites[1].stp = rstp; }, [
      "W_STP_NO_ROOT /sites/1/stp site dc2 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    ]],
    ["a spine, a core or a priority is a root", (d) => { d.sites[0].stp = rstp; d.devices[0].role = "spine"; d.sites[1].stp = rstp; d.devices[1].role = "core"; d.devices.push({ name: "sw3", site: "dc2", role: "leaf", platform: "ovs", management: { address: "127.0.0.3", user: "c" }, stp: { priority: 4096 } }); }, [
    ]],
    ["a leaf with a priority is a root", (d) => { d.sites[0].stp = rstp; d.devices[0].stp = { priority: 8192 }; }, [
    ]],
    ["a spine out of the tree, a router and a spine at another site are no root", (d) => { d.sites[0].stp = rstp; d.devices.push({ name: "sp1", site: "dc1", role: "spine", platform: "ovs", management: { address: "127.0.0.3", user: "c" }, stp: { enabled: false } }, { name: "r1", site: "dc1", role: "core", platform: "frr", management: { address: "127.0.0.4", user: "c" } }); d.devices[1].role = "spine"; d.links[0].kind = "fabric"; }, [
      "W_STP_NO_ROOT /sites/0/stp site dc1 runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root",
    ]],
    ["a site joined by a DCI trunk to a rooted site with a tree", (d) => { d.sites[0].stp = rstp; d.sites[1].stp = rstp; d.devices[0].role = "spine"; }, [
    ]],
    ["a site with a tree and no switch in it", (d) => { d.sites[1].stp = rstp; d.devices[1].stp = { enabled: false }; }, [
    ]],
    ["device stp at a site without a tree", (d) => { d.devices[0].stp = { priority: 4096 }; }, [
      "W_STP_UNUSED /devices/0/stp sw1 has stp settings, but its site dc1 runs no spanning tree | fix: add stp: { mode: ... } to site dc1, or remove the device's stp",
    ]],
    ["OVS bonds take no part: the first switched LAG is named, a routed one is not", (d) => { d.sites[0].stp = rstp; d.devices[0].role = "spine"; d.devices[0].lags = [{ name: "bond1", mode: "routed", address: "10.9.0.0/31" }, { name: "bond2", mode: "access", vlan: 10 }, { name: "bond3", mode: "trunk", allowed: [10] }]; }, [
      "E_PLATFORM_FEATURE /devices/0/lags/0/mode sw1 (ovs) cannot do routed ports (bond1) | fix: route on a router/L3 switch platform; attach this switch with access or trunk ports",
      "W_STP_BOND /devices/0/lags/1 sw1 (ovs) runs rstp, but its LAGs take no part in it: a loop through bond2 is not broken | fix: keep the switches' LAGs in a tree (no redundant path through a bond), or use single links where the tree must block",
    ]],
    ["a platform without the site's protocol", (d) => { d.sites[0].stp = { mode: "mstp", region: "r", instances: [{ id: 1, vlans: [10] }] }; d.devices[0].role = "spine"; }, [
      "E_PLATFORM_FEATURE /devices/0/platform sw1 (ovs) cannot run mstp, the spanning tree of site dc1 (it runs rstp) | fix: set the site's stp mode to rstp, or set stp: { enabled: false } on sw1",
    ]],
    ["port stp on a member, a routed port, an unused port, and where no tree runs", (d) => { d.sites[0].stp = rstp; d.devices[0].role = "spine"; d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10], stp: { edge: false } }]; d.devices[0].interfaces.push({ name: "p3", lag: "bond0", stp: { edge: true } }, { name: "p4", mode: "routed", address: "10.9.0.0/31", stp: { edge: true } }, { name: "p5", stp: { edge: true } }); d.devices[1].interfaces[0].stp = { edge: true }; }, [
      "E_STP_PORT /devices/0/interfaces/2/stp sw1 p3 is a member of bond0: spanning tree runs on the LAG | fix: set stp on bond0 instead",
      "E_PLATFORM_FEATURE /devices/0/interfaces/3/mode sw1 (ovs) cannot do routed ports (p4) | fix: route on a router/L3 switch platform; attach this switch with access or trunk ports",
      "E_STP_PORT /devices/0/interfaces/3/stp sw1 p4 is not a switch port (routed): spanning tree does not run on it | fix: remove stp from the port",
      "E_STP_PORT /devices/0/interfaces/4/stp sw1 p5 is not a switch port (unused): spanning tree does not run on it | fix: remove stp from the port",
      "W_STP_BOND /devices/0/lags/0 sw1 (ovs) runs rstp, but its LAGs take no part in it: a loop through bond0 is not broken | fix: keep the switches' LAGs in a tree (no redundant path through a bond), or use single links where the tree must block",
      "W_STP_UNUSED /devices/1/interfaces/0/stp sw2 p1 has stp settings, but sw2 runs no spanning tree | fix: add stp to site dc2, or remove the port's stp",
    ]],
    ["port stp on a switch told to stay out of its site's tree", (d) => { d.sites[0].stp = rstp; d.devices[0].stp = { enabled: false }; d.devices[0].interfaces[0].stp = { edge: true }; }, [
      "W_STP_UNUSED /devices/0/interfaces/0/stp sw1 p1 has stp settings, but sw1 takes no part in site dc1's spanning tree (stp.enabled: false) | fix: remove stp.enabled: false from sw1, or remove the port's stp",
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

describe("names given twice (unique check)", () => {
  const CODES = ["E_DUPLICATE", "W_DUPLICATE_VLAN_NAME", "E_DUPLICATE_MANAGEMENT", "E_VRF_RD"];
  const CASES: [string, (d: any) => void, string[]][] = [
    ["a device given twice is one E_DUPLICATE, not a management clash with itself", (d) => { d.devices.push({ ...d.devices[1] }); }, [
      "E_DUPLICATE /devices/2/name device 'sw2' is defined again (first at item 2) | fix: give each device a unique name, or merge the two entries",
    ]],
    ["two devices at one address and port; the same address at another port is fine", (d) => { d.devices.push({ ...d.devices[1], name: "sw3" }, { ...d.devices[1], name: "sw4", management: { ...d.devices[1].management, port: 2299 } }); }, [
      "E_DUPLICATE_MANAGEMENT /devices/2/management management address 127.0.0.1:2202 is also used by device sw2 | fix: give each device its own management address or SSH port",
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

describe("management addresses and interfaces (management check)", () => {
  const CODES = ["E_MANAGEMENT_ADDRESS", "E_MANAGEMENT_PORT"];
  const CASES: [string, (d: any) => void, string[]][] = [
    ["an IPv6 address alone, and the unspecified one", (d) => { d.devices[0].management.address = "2001:db8::10"; d.devices[1].management.address = "::"; }, [
      "E_MANAGEMENT_ADDRESS /devices/1/management/address management address :: of sw2 is the unspecified address ::; no device can be reached there | fix: use the address sw2 answers SSH on (its management or loopback address)",
    ]],
    ["the management interface first in the list, a LAG member", (d) => { d.devices[0].management.interface = "p1"; d.devices[0].interfaces = [{ name: "p0", lag: "bond0" }, ...d.devices[0].interfaces]; d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 10 }]; d.devices[0].management.interface = "p0"; }, [
      "E_MANAGEMENT_PORT /devices/0/interfaces/0/lag sw1 p0 is the management interface (management.interface), which citydc never configures, but it also has lag: that would be left out of the configuration | fix: use another interface for this port, or set management.interface to the real out-of-band port (and remove lag from p0)",
    ]],
    ["a link on the management interface is not a host on it; an interface not listed is fine", (d) => { d.devices[0].management.interface = "p2"; d.devices[0].interfaces[1] = { name: "p2" }; d.devices[1].management.interface = "mgmt0"; d.links[0].b.interface = "p2"; }, [
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

describe("VLANs carried between the devices that use them (carry check)", () => {
  const CODES = ["W_VLAN_NOT_CARRIED"];
  /** VLAN 20 at dc1, on sw1 p3 (access) and on a new switch sw3 p1 (access); nothing joins them yet. */
  const two = (d: any) => { d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] }); d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 20 }); d.devices.push({ name: "sw3", site: "dc1", role: "leaf", platform: "ovs", management: { address: "127.0.0.3", user: "c" }, interfaces: [{ name: "p1", mode: "access", vlan: 20 }] }); };
  const CASES: [string, (d: any) => void, string[]][] = [
    ["four trunks, none with the VLAN: three named and '...'; a switch without trunks is told to cable", (d) => { two(d); d.devices[0].interfaces.push({ name: "p4", mode: "trunk", allowed: [10] }, { name: "p5", mode: "trunk", allowed: [10] }, { name: "p6", mode: "trunk", allowed: [10] }); }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2, p4, p5, ... (the trunk towards the other devices, on both ends of its link)",
      "W_VLAN_NOT_CARRIED /devices/2/interfaces/0/vlan VLAN 20 is used on sw3, but no port of sw3 carries it to the other 1 device(s) in the VLAN | fix: cable sw3 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    ]],
    ["three trunks: all three named", (d) => { two(d); d.devices[0].interfaces.push({ name: "p4", mode: "trunk", allowed: [10] }, { name: "p5", mode: "trunk", allowed: [10] }); }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2, p4, p5 (the trunk towards the other devices, on both ends of its link)",
      "W_VLAN_NOT_CARRIED /devices/2/interfaces/0/vlan VLAN 20 is used on sw3, but no port of sw3 carries it to the other 1 device(s) in the VLAN | fix: cable sw3 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    ]],
    ["an access port cabled to the other switch carries its VLAN", (d) => { two(d); d.devices[2].interfaces.push({ name: "p2", mode: "access", vlan: 20 }); d.devices[0].interfaces[2] = { name: "p3", mode: "access", vlan: 20 }; d.links.push({ kind: "fabric", a: { device: "sw1", interface: "p3" }, b: { device: "sw3", interface: "p2" } }); }, [
    ]],
    ["an access LAG cabled through a member carries its VLAN", (d) => { two(d); d.devices[0].interfaces[2] = { name: "p3", lag: "bond0" }; d.devices[0].lags = [{ name: "bond0", mode: "access", vlan: 20 }]; d.devices[2].interfaces.push({ name: "p2", lag: "bond0" }); d.devices[2].lags = [{ name: "bond0", mode: "access", vlan: 20 }]; d.links.push({ kind: "fabric", a: { device: "sw1", interface: "p3" }, b: { device: "sw3", interface: "p2" } }); }, [
    ]],
    ["a trunk allowing all carries every VLAN", (d) => { two(d); d.devices[0].interfaces[1].allowed = "all"; delete d.devices[0].interfaces[1].allowed; d.devices[2].interfaces.push({ name: "p2", mode: "trunk" }); }, [
    ]],
    ["a device given twice is looked at once", (d) => { two(d); d.devices.push({ ...d.devices[2], management: { address: "127.0.0.4", user: "c" }, interfaces: [{ name: "p1", mode: "trunk" }] }); }, [
      "W_VLAN_NOT_CARRIED /devices/0/interfaces/2/vlan VLAN 20 is used on sw1, but no port of sw1 carries it to the other 1 device(s) in the VLAN | fix: add 20 to the allowed VLANs of sw1 p2 (the trunk towards the other devices, on both ends of its link)",
      "W_VLAN_NOT_CARRIED /devices/2/interfaces/0/vlan VLAN 20 is used on sw3, but no port of sw3 carries it to the other 1 device(s) in the VLAN | fix: cable sw3 to the other devices of VLAN 20: a trunk that allows 20, or an access port in VLAN 20, with a link to a switch in the VLAN",
    ]],
    ["a router facing an access port of the VLAN it is the gateway of carries it", (d) => { two(d); d.vlans[1].subnet = "10.20.0.0/24"; d.vlans[1].gateway = "10.20.0.1"; d.vlans[1].gateways = [{ device: "r1" }]; d.devices.push({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.5", user: "c" }, interfaces: [{ name: "eth1" }, { name: "eth2" }] }); d.devices[2].interfaces.push({ name: "p2", mode: "access", vlan: 20 }); d.devices[0].interfaces.push({ name: "p4", mode: "access", vlan: 20 }); d.links.push({ kind: "fabric", a: { device: "r1", interface: "eth1" }, b: { device: "sw3", interface: "p2" } }, { kind: "fabric", a: { device: "sw1", interface: "p4" }, b: { device: "r1", interface: "eth2" } }); }, [
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

describe("in-band management and DR protection (inband and dr checks)", () => {
  const CODES = ["E_INBAND_VLAN", "E_INBAND_SUBNET", "E_INBAND_GATEWAY", "E_INBAND_ROUTING", "E_DR_VLAN_MISSING", "E_DR_NO_DCI", "W_DR_SINGLE_PATH", "E_DR_SITE", "W_DR_UNPROTECTED"];
  const CASES: [string, (d: any) => void, string[]][] = [
    ["in band: another prefix length than the VLAN's", (d) => { validInband(d); d.devices[0].management.inband.prefixLength = 25; }, [
      "E_INBAND_SUBNET /devices/0/management/address sw1's management address 10.0.10.5/25 is not in VLAN 10's subnet 10.0.10.0/24 | fix: use an address of 10.0.10.0/24 with prefixLength 24",
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["in band: a management VLAN that does not exist is the references check's", (d) => { validInband(d); d.devices[0].management.vlan = 77; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["in band: a gateway on a device with BGP over a link, at either end", (d) => { validInband(d); d.devices.push({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.9", user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }], bgp: { asn: 2 } }); d.devices[0].interfaces.push({ name: "Ethernet1/3", mode: "routed", address: "10.9.0.0/31" }); d.links.push({ kind: "wan", a: { device: "r1", interface: "eth1" }, b: { device: "sw1", interface: "Ethernet1/3" }, bgp: true }); }, [
      "E_INBAND_ROUTING /devices/0/management/inband/gateway sw1 routes (BGP or its own default route): a management default route would compete with it | fix: leave out inband.gateway on a device that routes",
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["in band: a default route in a VRF or another route does not compete; a global default route does", (d) => { validInband(d); d.vrfs = [{ name: "red", tenant: "city" }]; d.devices[0].interfaces.push({ name: "Ethernet1/3", mode: "routed", address: "10.9.0.0/31" }, { name: "Ethernet1/4", mode: "routed", address: "10.9.1.0/31", vrf: "red" }); d.devices[0].routes = [{ prefix: "0.0.0.0/0", nextHop: "10.9.1.1", vrf: "red" }, { prefix: "10.50.0.0/16", nextHop: "10.9.0.1" }]; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["in band: the global default route", (d) => { validInband(d); d.devices[0].interfaces.push({ name: "Ethernet1/3", mode: "routed", address: "10.9.0.0/31" }); d.devices[0].routes = [{ prefix: "0.0.0.0/0", nextHop: "10.9.0.1" }]; }, [
      "E_INBAND_ROUTING /devices/0/management/inband/gateway sw1 routes (BGP or its own default route): a management default route would compete with it | fix: leave out inband.gateway on a device that routes",
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["DR: a DCI link written from the DR end, a list against all either way, two cables", (d) => { d.links[0] = { kind: "dci", a: { device: "sw2", interface: "p2" }, b: { device: "sw1", interface: "p2" } }; delete d.devices[1].interfaces[1].allowed; d.devices[0].interfaces.push({ name: "p3", mode: "trunk" }); d.devices[1].interfaces.push({ name: "p3", mode: "trunk", allowed: [10] }); d.links.push({ kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }); }, [
    ]],
    ["DR: one cable written from the DR end names the primary end first", (d) => { d.links[0] = { kind: "dci", a: { device: "sw2", interface: "p2" }, b: { device: "sw1", interface: "p2" } }; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["DR: one cable with all on both ends is one path", (d) => { delete d.devices[0].interfaces[1].allowed; delete d.devices[1].interfaces[1].allowed; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["DR: an access DCI end, a DCI to an unknown port and a fabric link carry nothing", (d) => { d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 10 }); d.devices[1].interfaces.push({ name: "p3", mode: "trunk", allowed: [10] }, { name: "p4", mode: "trunk", allowed: [10] }); d.links.push({ kind: "dci", a: { device: "sw1", interface: "p3" }, b: { device: "sw2", interface: "p3" } }, { kind: "dci", a: { device: "sw1", interface: "p9" }, b: { device: "sw2", interface: "p4" } }); d.links[0].kind = "fabric"; }, [
      "E_DR_NO_DCI /dr/0/vlans/0 no dci trunk between dc1 and dc2 carries protected VLAN 10 | fix: add 10 to the allowed VLANs of both ends of a dci link between dc1 and dc2",
    ]],
    ["DR: a VLAN protected twice (by ID and by a service) is reported once; an unknown one is the references check's", (d) => { d.services = [{ name: "s", tenant: "city", vlans: [10] }]; d.dr[0].services = ["s"]; d.dr[0].vlans = [10, 77]; }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
    ]],
    ["DR: a DCI cable between two other sites does not count", (d) => { d.sites.push({ name: "dc3", role: "primary" }, { name: "dc4", role: "dr", protects: "dc3" }); d.devices.push({ name: "sw3", site: "dc3", role: "leaf", platform: "ovs", management: { address: "127.0.0.3", user: "c" }, interfaces: [{ name: "p1", mode: "trunk", allowed: [10] }] }, { name: "sw4", site: "dc4", role: "leaf", platform: "ovs", management: { address: "127.0.0.4", user: "c" }, interfaces: [{ name: "p1", mode: "trunk", allowed: [10] }] }); d.links.push({ kind: "dci", a: { device: "sw3", interface: "p1" }, b: { device: "sw4", interface: "p1" } }); d.vlans[0].sites.push("dc3", "dc4"); d.dr.push({ site: "dc4", protects: "dc3", vlans: [10] }); }, [
      "W_DR_SINGLE_PATH /dr/0 protected VLAN 10 reaches DR site dc2 over one DCI cable (sw1 <-> sw2): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
      "W_DR_SINGLE_PATH /dr/1 protected VLAN 10 reaches DR site dc4 over one DCI cable (sw3 <-> sw4): a cut isolates the DR site | fix: add a second DCI cable carrying them (a LAG member, or a link from another device)",
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

describe("more edges", () => {
  const racked = (slots: [number, number][]) => {
    const d = minimal();
    const base = d.devices[0];
    d.devices = slots.map(([position, height], i) => ({ ...base, name: `sw${i + 1}`, management: { ...base.management, port: 2201 + i }, interfaces: [], position, height }));
    d.links = [];
    d.hosts = [];
    d.dr = [];
    return d;
  };

  it("racks: a later, taller device becomes the one others are compared with", () => {
    expect(found(racked([[1, 2], [3, 4], [5, 1]]), "E_RACK_OVERLAP")).toEqual([
      "E_RACK_OVERLAP /devices/2/position device sw3 (U5-U5) overlaps device sw2 (U3-U6) in rack r1 | fix: move sw3 to rack units that sw2 (U3-U6) does not use",
    ]);
  });

  it("racks: of two devices reaching equally high, the first stays the one compared with", () => {
    expect(found(racked([[1, 3], [2, 2], [3, 1]]), "E_RACK_OVERLAP")).toEqual([
      "E_RACK_OVERLAP /devices/1/position device sw2 (U2-U3) overlaps device sw1 (U1-U3) in rack r1 | fix: move sw2 to rack units that sw1 (U1-U3) does not use",
      "E_RACK_OVERLAP /devices/2/position device sw3 (U3-U3) overlaps device sw1 (U1-U3) in rack r1 | fix: move sw3 to rack units that sw1 (U1-U3) does not use",
    ]);
  });

  it("LAG members: a speed on a later member but not on the first is no mismatch", () => {
    const d = minimal();
    d.devices[0].lags = [{ name: "bond0", mode: "trunk", allowed: [10] }];
    d.devices[0].interfaces.push({ name: "p3", lag: "bond0" }, { name: "p4", lag: "bond0", speed: "10G" });
    expect(found(d, "E_LAG_MEMBER_MISMATCH")).toEqual([]);
  });

  it("names: a management interface that is one of the device's LAGs, on a platform whose port names a LAG name is not", () => {
    const d = minimal();
    d.devices[1] = { name: "ce1", site: "dc2", role: "leaf", platform: "huawei-vrp", management: { address: "127.0.0.9", user: "c", interface: "Eth-Trunk1" }, interfaces: [], lags: [{ name: "Eth-Trunk1", mode: "access", vlan: 10 }] };
    expect(found(d, "E_IFNAME_INVALID")).toEqual([]);
    d.devices[1].management.interface = "Eth-Trunk2";
    expect(found(d, "E_IFNAME_INVALID")).toEqual(["E_IFNAME_INVALID /devices/1/management/interface 'Eth-Trunk2' is not a valid huawei-vrp interface name (device ce1) | fix: use the platform's naming, e.g. 10GE1/0/1, 100GE1/0/49, GE1/0/1, a split lane 100GE1/0/1:1, in a CSS 10GE1/1/0/1"]);
  });

  it("platform: an LACP mode the platform lacks, named with the modes it has", () => {
    const d = minimal();
    d.devices[1] = { name: "ce1", site: "dc2", role: "leaf", platform: "huawei-vrp", management: { address: "127.0.0.9", user: "c" }, interfaces: [{ name: "10GE1/0/1", lag: "Eth-Trunk1" }], lags: [{ name: "Eth-Trunk1", mode: "trunk", allowed: [10], lacp: "passive" }] };
    expect(found(d, "E_PLATFORM_FEATURE")).toEqual(["E_PLATFORM_FEATURE /devices/1/lags/0/lacp ce1 (huawei-vrp) cannot do LACP mode passive (Eth-Trunk1) | fix: use lacp: active or static (an active end forms the LAG with a passive far end)"]);
  });

  it("platform: an EOS route distinguisher is set when BGP runs through a link, not only a bgp section", () => {
    const d = minimal();
    d.vrfs = [{ name: "red", tenant: "city", rd: "65001:7" }];
    d.devices.push(
      { name: "e1", site: "dc1", role: "border", platform: "arista-eos", management: { address: "127.0.0.9", user: "c" }, interfaces: [{ name: "Ethernet1", mode: "routed", address: "10.9.0.0/31" }, { name: "Ethernet2", mode: "routed", address: "10.9.1.0/31", vrf: "red" }] },
      { name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.8", user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.9.0.1/31" }], bgp: { asn: 2 } },
    );
    expect(found(d, "W_VRF_RD_UNUSED").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["W_VRF_RD_UNUSED /vrfs/0/rd"]);
    d.links.push({ kind: "wan", a: { device: "r1", interface: "eth1" }, b: { device: "e1", interface: "Ethernet1" }, bgp: true });
    expect(found(d, "W_VRF_RD_UNUSED")).toEqual([]);
  });

  it("VLAN groups: a VLAN listed at a site its group does not cover", () => {
    const d = minimal();
    d.vlanGroups = [{ name: "g1", sites: ["dc1"] }];
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1", "dc2"], group: "g1" });
    expect(found(d, "E_VLAN_GROUP_SITE")).toEqual(["E_VLAN_GROUP_SITE /vlans/1/sites/1 VLAN 20 (v20) of group g1 is listed at dc2, which the group does not cover (dc1) | fix: add dc2 to group g1, or take it off the VLAN"]);
  });
});
