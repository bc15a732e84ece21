/**
 * The edges of the natural keys of model/objects.ts: every list named `#N` (counted from 1) when its key
 * field is missing, a link whose ends are missing, null or incomplete (the schema reports such a link, and
 * its diagnostic still needs a name), a path that runs through null, and array indices that are not plain
 * digits (RFC 6901 allows only digits there).
 */
import { describe, expect, it } from "vitest";
import { describeObject } from "../../../model/objects";

describe("describeObject without the key field", () => {
  it("names each list's item by its position, counted from 1", () => {
    const two = [{}, {}];
    const root = {
      tenants: two,
      vrfs: two,
      sites: [{}, { racks: two, stp: { instances: two } }],
      devices: [{}, { lags: two, routes: two, bgp: { neighbors: two } }],
      vlans: [{}, { gateways: two }],
      hosts: two,
      services: two,
      dr: two,
      mlag: two,
      vlanGroups: two,
      policies: { rules: two },
      qos: { classes: two, marking: two },
    };
    const cases: Record<string, string> = {
      "/tenants/0": "tenant #1",
      "/tenants/1/name": "tenant #2",
      "/vrfs/0": "vrf #1",
      "/vrfs/1": "vrf #2",
      "/sites/0": "site #1",
      "/sites/1/racks/0": "site #2 rack #1",
      "/sites/1/racks/1/height": "site #2 rack #2",
      "/sites/1/stp/instances/0": "site #2 mst instance #1",
      "/sites/1/stp/instances/1/vlans": "site #2 mst instance #2",
      "/devices/1/lags/0": "device #2 lag #1",
      "/devices/1/lags/1": "device #2 lag #2",
      "/devices/1/routes/0": "device #2 route #1",
      "/devices/1/routes/1/nextHop": "device #2 route #2",
      "/devices/1/bgp/neighbors/0": "device #2 bgp neighbor #1",
      "/devices/1/bgp/neighbors/1": "device #2 bgp neighbor #2",
      "/vlans/1/gateways/0": "vlan #2 gateway #1",
      "/vlans/1/gateways/1/address": "vlan #2 gateway #2",
      "/hosts/0": "host #1",
      "/hosts/1": "host #2",
      "/services/0": "service #1",
      "/services/1": "service #2",
      "/dr/0": "dr #1",
      "/dr/1/site": "dr #2",
      "/mlag/0": "mlag pair #1",
      "/mlag/1": "mlag pair #2",
      "/vlanGroups/0": "vlan group #1",
      "/vlanGroups/1": "vlan group #2",
      "/policies/rules/0": "policy rule #1",
      "/policies/rules/1": "policy rule #2",
      "/qos/classes/0": "qos class #1",
      "/qos/classes/1": "qos class #2",
      "/qos/marking/1": "qos marking #2",
    };
    for (const [path, want] of Object.entries(cases)) expect(describeObject(root, path), path).toBe(want);
  });

  it("a key field of the wrong type counts as missing", () => {
    expect(describeObject({ tenants: [{ name: ["x"] }, { name: { a: 1 } }] }, "/tenants/1")).toBe("tenant #2");
    expect(describeObject({ devices: [{ name: null }] }, "/devices/0")).toBe("device #1");
  });
});

describe("describeObject of a link", () => {
  it("an end without a device or an interface shows ? for it", () => {
    expect(describeObject({ links: [{ a: { interface: "p1" }, b: { device: "sw2", interface: "p2" } }] }, "/links/0")).toBe("link ?:p1 <-> sw2:p2");
    expect(describeObject({ links: [{ a: { device: "sw1", interface: 3 }, b: {} }] }, "/links/0/b")).toBe("link sw1:3 <-> ?:?");
  });

  it("a missing end, a null end, and an end that is not a mapping", () => {
    expect(describeObject({ links: [{ a: { device: "sw1", interface: "p1" } }] }, "/links/0")).toBe("link sw1:p1 <-> ?:?");
    expect(describeObject({ links: [{ a: null, b: { device: "sw2", interface: "p2" } }] }, "/links/0/a")).toBe("link ?:? <-> sw2:p2");
    expect(describeObject({ links: [{ a: "sw1:p1", b: ["sw2", "p2"] }] }, "/links/0")).toBe("link ?:? <-> ?:?");
  });
});

describe("describeObject along an odd path", () => {
  it("stops at a null on the way and keeps what it named before", () => {
    expect(describeObject({ devices: null }, "/devices/0/name")).toBeUndefined();
    expect(describeObject({ devices: [{ name: "sw1", bgp: null }] }, "/devices/0/bgp/neighbors/0")).toBe("device sw1 bgp");
    expect(describeObject({ devices: [{ name: "sw1", interfaces: [null] }] }, "/devices/0/interfaces/0/mode")).toBe("device sw1");
  });

  it("an index segment that is not plain digits names no item", () => {
    const root = { devices: [{ name: "sw1" }, { name: "sw2" }] };
    expect(describeObject(root, "/devices/1")).toBe("device sw2");
    expect(describeObject(root, "/devices/ 1")).toBeUndefined();
    expect(describeObject(root, "/devices/1 ")).toBeUndefined();
    expect(describeObject(root, "/devices/0x1")).toBeUndefined();
    expect(describeObject(root, "/devices/1.0")).toBeUndefined();
  });
});
