/**
 * What the QoS and policy sections mean (model/policy.ts), shared by the checks and the intent: the classes
 * in effect (RFC 4594's defaults merged with the file's), DSCP names and values (RFC 2474, 2597, 3246), the
 * prefixes each kind of endpoint names, and when one rule's addresses or traffic cover or overlap another's.
 */
import { describe, expect, it } from "vitest";
import { normalize } from "../../../model/normalize";
import { DEFAULT_QOS_CLASSES, dscpName, dscpValue, endpointPrefixes, endpointText, managementVlan, networkOf, prefixesCover, prefixesOverlap, qosClasses, trafficCovers, trafficOverlaps } from "../../../model/policy";
import type { Inventory, Qos } from "../../../model/types";

/** Two data centers and a branch: VLANs of two tenants (one in a VRF), a service, hosts, a branch router. */
function inventory(extra: Record<string, unknown> = {}): Inventory {
  return normalize({
    version: 1,
    name: "t",
    tenants: [{ name: "city" }, { name: "uni" }],
    vrfs: [{ name: "research", tenant: "uni" }],
    sites: [
      { name: "dc1", role: "primary" },
      { name: "dc2", role: "dr", protects: "dc1" },
      { name: "hall", role: "branch", tenant: "city" },
      { name: "lib", role: "branch", tenant: "uni" },
    ],
    devices: [
      { name: "hall-r1", site: "hall", role: "wan", platform: "frr", loopback: "10.255.9.1", management: { address: "127.0.0.1", user: "u" }, bgp: { asn: 65009, networks: ["10.60.0.0/24", "10.60.0.0/24"] } },
      { name: "hall-r2", site: "hall", role: "wan", platform: "frr", management: { address: "127.0.0.2", user: "u" } },
    ],
    vlans: [
      { id: 120, name: "video", tenant: "city", purpose: "video", sites: ["dc1", "dc2"], subnet: "10.30.120.0/24" },
      { id: 130, name: "voice", tenant: "city", purpose: "voice", sites: ["dc1"], subnet: "10.30.130.7/24" },
      { id: 140, name: "nosubnet", tenant: "city", purpose: "backup", sites: ["dc2"] },
      { id: 150, name: "mgmt", tenant: "city", purpose: "management", sites: ["dc1"], subnet: "10.30.150.0/24" },
      { id: 151, name: "mgmt2", tenant: "city", purpose: "management", sites: ["dc1"], subnet: "10.30.151.0/24" },
      { id: 200, name: "research", tenant: "uni", purpose: "data", sites: ["dc1"], subnet: "10.40.0.0/16", vrf: "research" },
      { id: 201, name: "dup", tenant: "uni", purpose: "data", sites: ["dc2"], subnet: "10.40.0.9/16" },
    ],
    hosts: [{ name: "nms", tenant: "city", address: "10.30.150.10/24", attach: { device: "x", interface: "y" } }],
    services: [{ name: "conf", tenant: "city", vlans: [120, 130, 999] }],
    ...extra,
  }) as Inventory;
}

describe("QoS classes in effect", () => {
  const qos = (classes: unknown[]): Qos => ({ classes, marking: [], markByPurpose: true }) as unknown as Qos;

  it("no classes listed: RFC 4594's six, none listed", () => {
    expect(qosClasses(qos([]))).toEqual(DEFAULT_QOS_CLASSES.map((cls) => ({ cls, listed: null })));
    expect(DEFAULT_QOS_CLASSES.map((c) => `${c.name} ${c.dscp} ${c.treatment} ${c.share ?? "-"}`)).toEqual([
      "voice ef priority 10",
      "video af41 guaranteed 30",
      "signalling cs3 guaranteed 5",
      "network-control cs6 guaranteed 5",
      "scavenger cs1 limited 5",
      "best-effort default default -",
    ]);
  });

  it("a listed default is overridden field by field; a new class takes default DSCP and a guarantee", () => {
    const r = qosClasses(qos([{ name: "new", share: 7 }, { name: "video", share: 40 }, { name: "other", dscp: "af21", treatment: "limited", share: 2 }]));
    expect(r.map((x) => `${x.cls.name} ${x.cls.dscp} ${x.cls.treatment} ${x.cls.share ?? "-"} @${x.listed}`)).toEqual([
      "voice ef priority 10 @null",
      "video af41 guaranteed 40 @1",
      "signalling cs3 guaranteed 5 @null",
      "network-control cs6 guaranteed 5 @null",
      "scavenger cs1 limited 5 @null",
      "best-effort default default - @null",
      "new default guaranteed 7 @0",
      "other af21 limited 2 @2",
    ]);
  });

  it("a default changed to treatment default loses its share, unless the file gives one", () => {
    const r = qosClasses(qos([{ name: "voice", treatment: "default" }, { name: "video", treatment: "default", share: 3 }]));
    expect(r[0]!.cls).toEqual({ name: "voice", dscp: "ef", treatment: "default", share: undefined });
    expect(r[1]!.cls).toEqual({ name: "video", dscp: "af41", treatment: "default", share: 3 });
    expect(qosClasses(qos([{ name: "voice", treatment: "limited" }]))[0]!.cls.share).toBe(10);
  });
});

describe("DSCP", () => {
  it("names to values: default, ef, af11..af43, cs0..cs7, any case; numbers 0..63", () => {
    const names = ["default", "ef", "EF", "af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7"];
    expect(names.map(dscpValue)).toEqual([0, 46, 46, 10, 12, 14, 18, 20, 22, 26, 28, 30, 34, 36, 38, 0, 8, 16, 24, 32, 40, 48, 56]);
    expect(["0", "46", "63", "064"].map(dscpValue)).toEqual([0, 46, 63, undefined]);
    expect(["64", "-1", "4a", "", "af44", "cs8", " 46", "46 ", "ef1", "xef"].map(dscpValue)).toEqual(Array(10).fill(undefined));
  });

  it("values to their usual name (0 is default, not cs0), else the number", () => {
    expect([0, 46, 10, 38, 8, 56, 48, 1, 63].map(dscpName)).toEqual(["default", "ef", "af11", "af43", "cs1", "cs7", "cs6", "1", "63"]);
  });
});

describe("policy endpoints", () => {
  it("the management VLAN: the one the policies name, else the first of purpose management", () => {
    expect(managementVlan(inventory())?.id).toBe(150);
    expect(managementVlan(inventory({ policies: { management: { vlan: 151 } } }))?.id).toBe(151);
    expect(managementVlan(inventory({ policies: { management: { vlan: 999 } } }))).toBeUndefined();
    expect(managementVlan(inventory({ vlans: [] }))).toBeUndefined();
  });

  it("the network of an address", () => {
    expect(networkOf("10.10.130.10/24")).toBe("10.10.130.0/24");
    expect(networkOf("10.0.0.1/32")).toBe("10.0.0.1/32");
    expect(networkOf("10.0.0.1")).toBeUndefined();
    expect(networkOf("x")).toBeUndefined();
  });

  it("the prefixes each kind of endpoint names, canonical and once each", () => {
    const inv = inventory();
    const of = (ep: Record<string, unknown>) => endpointPrefixes(inv, ep as never);
    expect(of({ any: true })).toBe("any");
    expect(of({ tenant: "city" })).toEqual(["10.30.120.0/24", "10.30.130.0/24", "10.30.150.0/24", "10.30.151.0/24", "10.255.9.1/32", "10.60.0.0/24"]);
    expect(of({ tenant: "uni" })).toEqual(["10.40.0.0/16"]);
    expect(of({ tenant: "nobody" })).toEqual([]);
    expect(of({ vrf: "research" })).toEqual(["10.40.0.0/16"]);
    expect(of({ vlan: 130 })).toEqual(["10.30.130.0/24"]);
    expect(of({ vlan: 140 })).toEqual([]);
    expect(of({ service: "conf" })).toEqual(["10.30.120.0/24", "10.30.130.0/24"]);
    expect(of({ service: "none" })).toEqual([]);
    expect(of({ host: "nms" })).toEqual(["10.30.150.10/32"]);
    expect(of({ host: "none" })).toEqual([]);
    expect(of({ site: "dc1" })).toEqual(["10.30.120.0/24", "10.30.130.0/24", "10.30.150.0/24", "10.30.151.0/24", "10.40.0.0/16"]);
    expect(of({ site: "dc2" })).toEqual(["10.30.120.0/24", "10.40.0.0/16"]);
    expect(of({ site: "hall" })).toEqual(["10.255.9.1/32", "10.60.0.0/24"]);
    expect(of({ site: "lib" })).toEqual([]);
    expect(of({ subnet: "192.0.2.9/24" })).toEqual(["192.0.2.0/24"]);
    expect(of({ management: true })).toEqual(["10.30.150.0/24"]);
    expect(endpointPrefixes(inventory({ vlans: [] }), { management: true } as never)).toEqual([]);
    expect(of({})).toEqual([]);
  });

  it("one side of a rule for people", () => {
    expect([{ any: true }, { management: true }, { vlan: 130 }, { tenant: "city" }, { host: "nms" }, { subnet: "10.0.0.0/8" }, {}].map((ep) => endpointText(ep as never))).toEqual([
      "any",
      "management",
      "VLAN 130",
      "tenant city",
      "host nms",
      "subnet 10.0.0.0/8",
      "? ?",
    ]);
  });
});

describe("cover and overlap", () => {
  it("addresses: every inner prefix inside one outer prefix; any covers all and is covered by nothing else", () => {
    expect(prefixesCover("any", ["10.0.0.0/8"])).toBe(true);
    expect(prefixesCover("any", "any")).toBe(true);
    expect(prefixesCover(["0.0.0.0/0"], "any")).toBe(false);
    expect(prefixesCover(["10.0.0.0/8"], ["10.1.0.0/16", "10.2.3.0/24"])).toBe(true);
    expect(prefixesCover(["10.0.0.0/8"], ["10.0.0.0/8"])).toBe(true);
    expect(prefixesCover(["10.1.0.0/16"], ["10.0.0.0/8"])).toBe(false);
    expect(prefixesCover(["10.1.0.0/16", "10.2.0.0/16"], ["10.1.0.0/24", "10.2.0.0/24"])).toBe(true);
    expect(prefixesCover(["10.1.0.0/16"], ["10.1.0.0/24", "10.3.0.0/24"])).toBe(false);
    expect(prefixesCover(["10.0.0.0/8"], ["bad"])).toBe(false);
    expect(prefixesCover(["bad", "10.0.0.0/8"], ["10.0.0.0/24"])).toBe(true);
    expect(prefixesCover([], [])).toBe(true);
    expect(prefixesCover([], ["10.0.0.0/24"])).toBe(false);
  });

  it("addresses: a shared address either way; any overlaps anything that names an address", () => {
    expect(prefixesOverlap("any", "any")).toBe(true);
    expect(prefixesOverlap("any", ["10.0.0.0/8"])).toBe(true);
    expect(prefixesOverlap(["10.0.0.0/8"], "any")).toBe(true);
    expect(prefixesOverlap("any", [])).toBe(false);
    expect(prefixesOverlap([], "any")).toBe(false);
    expect(prefixesOverlap(["10.0.0.0/8"], ["10.1.0.0/16"])).toBe(true);
    expect(prefixesOverlap(["10.1.0.0/16"], ["10.0.0.0/8"])).toBe(true);
    expect(prefixesOverlap(["10.1.0.0/16"], ["10.2.0.0/16"])).toBe(false);
    expect(prefixesOverlap(["10.1.0.0/16"], ["bad", "10.1.2.0/24"])).toBe(true);
    expect(prefixesOverlap(["bad"], ["10.1.2.0/24"])).toBe(false);
  });

  it("traffic: protocol any covers all; the same protocol with no ports covers all its ports; listed ports cover a subset", () => {
    const t = (protocol: string, ports: number[] = []) => ({ protocol, ports }) as never;
    expect(trafficCovers(t("any"), t("tcp", [22]))).toBe(true);
    expect(trafficCovers(t("tcp"), t("any"))).toBe(false);
    expect(trafficCovers(t("tcp"), t("udp"))).toBe(false);
    expect(trafficCovers(t("tcp"), t("tcp", [22]))).toBe(true);
    expect(trafficCovers(t("tcp", [22, 443]), t("tcp", [443]))).toBe(true);
    expect(trafficCovers(t("tcp", [22]), t("tcp", [22, 443]))).toBe(false);
    expect(trafficCovers(t("tcp", [22]), t("tcp"))).toBe(false);
  });

  it("traffic: some packet matches both", () => {
    const t = (protocol: string, ports: number[] = []) => ({ protocol, ports }) as never;
    expect(trafficOverlaps(t("tcp"), t("udp"))).toBe(false);
    expect(trafficOverlaps(t("any", [22]), t("udp", [22]))).toBe(true);
    expect(trafficOverlaps(t("tcp", [22]), t("any", [22]))).toBe(true);
    expect(trafficOverlaps(t("tcp", [22]), t("tcp"))).toBe(true);
    expect(trafficOverlaps(t("tcp"), t("tcp", [22]))).toBe(true);
    expect(trafficOverlaps(t("tcp", [22, 80]), t("tcp", [80]))).toBe(true);
    expect(trafficOverlaps(t("tcp", [22]), t("tcp", [80]))).toBe(false);
  });
});
