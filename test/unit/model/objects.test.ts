/**
 * Diagnostics name the object at fault by its natural key (model/objects.ts): each list of the inventory
 * by the field people know it by (a device by name, a VLAN by id, a route by prefix, a link by its two ends),
 * `#N` (counted from 1) where that field is missing, and JSON pointers (RFC 6901) both ways.
 */
import { describe, expect, it } from "vitest";
import { describeObject, pointer } from "../../../model/objects";

const ROOT = {
  tenants: [{ name: "city" }],
  vrfs: [{ name: "red" }],
  sites: [{ name: "dc1", racks: [{ name: "r1" }], stp: { instances: [{ id: 3 }] } }],
  devices: [
    {
      name: "leaf1",
      interfaces: [{ name: "10GE1/0/5" }],
      lags: [{ name: "Eth-Trunk1" }],
      routes: [{ prefix: "0.0.0.0/0" }],
      bgp: { neighbors: [{ address: "10.0.0.1" }] },
    },
    { interfaces: [{}] },
  ],
  vlans: [{ id: 120, gateways: [{ device: "leaf1" }] }],
  links: [{ a: { device: "leaf1", interface: "p1" }, b: { device: "spine1" } }, 5],
  hosts: [{ name: "cam1" }],
  services: [{ name: "video" }],
  dr: [{ site: "dc2" }],
  mlag: [{ name: "pair1" }],
  vlanGroups: [{ name: "servers" }],
  policies: { rules: [{ name: "web" }] },
  qos: { classes: [{ name: "voice" }], marking: [{ class: "voice" }, {}] },
  "a/b~c": [{ name: "x" }],
};

describe("describeObject", () => {
  it("each list by its natural key", () => {
    const cases: Record<string, string> = {
      "/tenants/0/name": "tenant city",
      "/vrfs/0": "vrf red",
      "/sites/0/racks/0/name": "site dc1 rack r1",
      "/sites/0/stp/instances/0/vlans": "site dc1 mst instance 3",
      "/devices/0/interfaces/0/vlan": "device leaf1 interface 10GE1/0/5",
      "/devices/0/lags/0": "device leaf1 lag Eth-Trunk1",
      "/devices/0/routes/0/nextHop": "device leaf1 route 0.0.0.0/0",
      "/devices/0/bgp/neighbors/0/remoteAs": "device leaf1 bgp neighbor 10.0.0.1",
      "/devices/0/bgp/asn": "device leaf1 bgp",
      "/vlans/0/gateways/0/address": "vlan 120 gateway leaf1",
      "/links/0/a": "link leaf1:p1 <-> spine1:?",
      "/hosts/0": "host cam1",
      "/services/0": "service video",
      "/dr/0/site": "dr dc2",
      "/mlag/0/devices": "mlag pair pair1",
      "/vlanGroups/0": "vlan group servers",
      "/policies/rules/0/from": "policy rule web",
      "/qos/classes/0/share": "qos class voice",
      "/qos/marking/0/class": "qos marking #1 (voice)",
      "/qos/marking/1": "qos marking #2",
    };
    for (const [path, want] of Object.entries(cases)) expect(describeObject(ROOT, path), path).toBe(want);
  });
  it("#N where the key is missing; nothing for the top level or an unlabelled place", () => {
    expect(describeObject(ROOT, "/devices/1/interfaces/0/mode")).toBe("device #2 interface #1");
    expect(describeObject(ROOT, "/links/1")).toBeUndefined();
    expect(describeObject(ROOT, "")).toBeUndefined();
    expect(describeObject(ROOT, "/")).toBeUndefined();
    expect(describeObject(ROOT, "/version")).toBeUndefined();
    expect(describeObject(ROOT, "/devices")).toBeUndefined();
    expect(describeObject(ROOT, "/devices/x")).toBeUndefined();
    expect(describeObject(ROOT, "/devices/7/name")).toBeUndefined();
    expect(describeObject(ROOT, "/devices/0/name/deeper/still")).toBe("device leaf1");
  });
  it("numbers as keys, a number where an item should be, and escaped segments", () => {
    expect(describeObject({ vlans: [{ id: 7 }] }, "/vlans/0")).toBe("vlan 7");
    expect(describeObject({ vlans: [{ id: true }] }, "/vlans/0")).toBe("vlan #1");
    expect(describeObject({ devices: [null] }, "/devices/0")).toBeUndefined();
    expect(describeObject({ devices: [["x"]] }, "/devices/0/0")).toBe("device #1");
    expect(describeObject({ "a/b~c": { devices: [{ name: "z" }] } }, "/a~1b~0c/devices/0")).toBe("device z");
  });
});

describe("pointer", () => {
  it("joins segments, escaping ~ and / (RFC 6901)", () => {
    expect(pointer("devices", 3, "interfaces", 5)).toBe("/devices/3/interfaces/5");
    expect(pointer("a/b", "c~d")).toBe("/a~1b/c~0d");
    expect(pointer()).toBe("");
  });
});
