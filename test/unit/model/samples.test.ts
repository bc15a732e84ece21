/** The two sample inventories: valid, complete after defaults, and true to the shared plan. */
import { join } from "path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Inventory } from "../../../model/types";
import { loadInventory, summarize } from "../../../model/load";
import { PLATFORM_NAMES } from "../../../model/capabilities";
import { ROOT } from "./helpers";

// Loaded before each test, not while the tests are collected, so that mutation testing (TESTING.md) sees
// which test runs which code.
let kg: ReturnType<typeof loadInventory>;
let lab: ReturnType<typeof loadInventory>;
beforeEach(() => {
  kg = loadInventory(join(ROOT, "inventory", "kragujevac.yaml"));
  lab = loadInventory(join(ROOT, "inventory", "lab.yaml"));
});

describe("inventory/kragujevac.yaml", () => {
  it("validates with no errors and no warnings", () => {
    expect(kg.diagnostics).toEqual([]);
    expect(kg.inventory).toBeDefined();
  });
  let inv: Inventory;
  beforeEach(() => {
    inv = kg.inventory!;
  });
  it("has the primary, its DR site and five city authorities", () => {
    const roles = inv.sites.map((s) => `${s.name}:${s.role}`);
    expect(roles).toEqual(expect.arrayContaining(["kg-dc1:primary", "kg-dc2:dr", "kg-cityhall:branch", "kg-jkp:branch", "kg-registry:branch", "kg-nsz:branch", "kg-unikg:branch"]));
    expect(inv.sites.find((s) => s.name === "kg-dc2")!.protects).toBe("kg-dc1");
  });
  it("uses every platform except the lab ones, and Huawei in the data centers", () => {
    const platforms = new Set(inv.devices.map((d) => d.platform));
    expect([...platforms].sort()).toEqual(PLATFORM_NAMES.filter((p) => p !== "ovs" && p !== "frr").sort());
    for (const d of inv.devices.filter((x) => x.site.startsWith("kg-dc"))) expect(d.platform).toBe("huawei-vrp");
  });
  it("follows the shared VLAN plan", () => {
    const plan = Object.fromEntries(inv.vlans.map((v) => [v.id, v.purpose]));
    expect(plan).toEqual({ 10: "management", 100: "virtualization", 110: "virtualization", 120: "video", 130: "voice", 140: "backup", 150: "storage", 200: "interconnect", 300: "server", 310: "guest" });
    expect(inv.dr[0]!.vlans).toEqual([10, 100, 120, 130, 140, 150, 200]);
    expect(inv.vlans.filter((v) => v.tenant === "university").map((v) => v.id)).toEqual([300, 310]);
  });
  it("has LAGs with LACP, VRRP gateways on the spines and the DR leafs, DCI and WAN links with BGP", () => {
    expect(inv.devices.flatMap((d) => d.lags).every((l) => l.lacp === "active")).toBe(true);
    const v120 = inv.vlans.find((v) => v.id === 120)!;
    expect(v120.gateways.map((g) => [g.device, g.priority])).toEqual([["kg-dc1-spine1", undefined], ["kg-dc1-spine2", undefined], ["kg-dc2-leaf1", 90], ["kg-dc2-leaf2", 80]]);
    // vMotion stays at the primary: its gateways are the spines only
    expect(inv.vlans.find((v) => v.id === 110)!.gateways.map((g) => g.device)).toEqual(["kg-dc1-spine1", "kg-dc1-spine2"]);
    expect(inv.links.filter((l) => l.kind === "dci").length).toBeGreaterThan(0);
    // the university's WAN is statically routed in VRF university at the border (no BGP in the global table)
    // three to the border, three to the DR site's kg-dc2-leaf1 (City Hall, the registry, the employment service)
    expect(inv.links.filter((l) => l.kind === "wan" && l.bgp).map((l) => `${l.a.device}-${l.b.device}`)).toEqual([
      "kg-dc1-border1-kg-cityhall-wan1", "kg-dc1-border1-kg-jkp-wan1", "kg-dc1-border1-kg-registry-wan1",
      "kg-dc2-leaf1-kg-cityhall-wan1", "kg-dc2-leaf1-kg-registry-wan1", "kg-dc2-leaf1-kg-nsz-wan1",
    ]);
    expect(inv.devices.find((d) => d.name === "kg-dc1-border1")!.interfaces.filter((i) => i.vrf === "university").map((i) => i.name)).toEqual(["100GE1/0/9", "10GE1/0/5"]);
  });
  it("gets every default filled in", () => {
    for (const d of inv.devices) {
      expect(d.management.port).toBe(22);
      expect(d.management.user).toBe("netops");
      expect(d.height).toBeGreaterThanOrEqual(1);
      expect(Array.isArray(d.routes)).toBe(true);
      for (const i of d.interfaces) expect(typeof i.enabled).toBe("boolean");
    }
    expect(inv.devices.find((d) => d.name === "kg-dc1-leaf4")!.interfaces.find((i) => i.name === "10GE1/0/48")!.enabled).toBe(false);
    expect(inv.links.every((l) => typeof l.bgp === "boolean")).toBe(true);
    expect(inv.vlans.every((v) => Array.isArray(v.gateways))).toBe(true);
  });
  it("summarizes", () => {
    expect(summarize(inv)).toMatchObject({ sites: 7, devices: 14, vlans: 10, tenants: 3, vrfs: 1 });
    expect(kg.summary).toEqual(summarize(inv));
  });
});

describe("inventory/lab.yaml", () => {
  it("validates with no errors and no warnings", () => {
    expect(lab.diagnostics).toEqual([]);
    expect(lab.inventory).toBeDefined();
  });
  let inv: Inventory;
  beforeEach(() => {
    inv = lab.inventory!;
  });
  it("runs on ovs and frr only, each device on its own SSH port of 127.0.0.1", () => {
    expect(new Set(inv.devices.map((d) => d.platform))).toEqual(new Set(["ovs", "frr"]));
    expect(inv.devices.every((d) => d.management.address === "127.0.0.1" && d.management.user === "citydc")).toBe(true);
    expect(new Set(inv.devices.map((d) => d.management.port)).size).toBe(inv.devices.length);
  });
  it("stretches VLANs 120 and 140 over a DCI trunk, keeps 130 and 300 at lab-dc1", () => {
    const sites = Object.fromEntries(inv.vlans.map((v) => [v.id, v.sites.join(",")]));
    expect(sites).toEqual({ 120: "lab-dc1,lab-dc2", 130: "lab-dc1", 140: "lab-dc1,lab-dc2", 300: "lab-dc1" });
    expect(inv.dr).toEqual([{ site: "lab-dc2", protects: "lab-dc1", vlans: [120, 140], services: ["videoconferencing", "backup"] }]);
  });
  it("has a two-member LACP bond and a routed BGP link between the border routers", () => {
    const leaf1 = inv.devices.find((d) => d.name === "lab-dc1-leaf1")!;
    expect(leaf1.interfaces.filter((i) => i.lag === "bond0").length).toBe(2);
    expect(leaf1.lags[0]).toMatchObject({ name: "bond0", lacp: "active", mode: "trunk" });
    const bgp = inv.links.filter((l) => l.bgp);
    expect(bgp.map((l) => `${l.a.device}:${l.a.interface}-${l.b.device}:${l.b.interface}`)).toEqual(["lab-dc1-border1:eth1-lab-dc2-border1:eth1"]);
  });
  it("has hosts in every VLAN, on different leafs and both sites", () => {
    const byVlan = new Map<number, string[]>();
    for (const h of inv.hosts) {
      const dev = inv.devices.find((d) => d.name === h.attach.device)!;
      const vlan = dev.interfaces.find((i) => i.name === h.attach.interface)!.vlan!;
      byVlan.set(vlan, [...(byVlan.get(vlan) ?? []), h.attach.device]);
    }
    expect(new Set(byVlan.get(120))).toEqual(new Set(["lab-dc1-leaf1", "lab-dc1-leaf2", "lab-dc2-leaf1"]));
    expect(new Set(byVlan.get(140))).toEqual(new Set(["lab-dc1-leaf1", "lab-dc2-leaf1"]));
    expect(new Set(byVlan.get(300))).toEqual(new Set(["lab-dc1-leaf1", "lab-dc1-leaf2"]));
    expect(byVlan.get(130)!.length).toBeGreaterThan(0);
  });
});
