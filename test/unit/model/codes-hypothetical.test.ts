/**
 * Rules for platform limits no platform of today has: a platform whose VLAN IDs stop below 4094
 * (E_VLAN_RANGE: the schema allows up to 4094), a gateway platform without VRRP (E_PLATFORM_FEATURE for a
 * VLAN with two gateway devices) and a switch platform without any spanning tree at a site that runs one.
 * Every platform in model/capabilities.ts reaches 4094, runs VRRP where it routes and a spanning tree where it
 * switches, so these rules run here against capabilities changed for the test (a module mock, this file only).
 */
import { describe, expect, it, vi } from "vitest";
import { minimal, validate } from "./helpers";

vi.mock("../../../model/capabilities", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../model/capabilities")>();
  return {
    ...real,
    CAPABILITIES: {
      ...real.CAPABILITIES,
      ovs: { ...real.CAPABILITIES.ovs, maxVlan: 1000 },
      frr: { ...real.CAPABILITIES.frr, features: real.CAPABILITIES.frr.features.filter((f) => f !== "vrrp") },
      "arista-eos": { ...real.CAPABILITIES["arista-eos"], stp: [] },
    },
  };
});

const lines = (d: unknown, code: string) =>
  validate(d)
    .diagnostics.filter((x) => x.code === code)
    .map((x) => `${x.path} ${x.message} | fix: ${x.hint}`);

describe("platform limits no platform has today", () => {
  it("E_VLAN_RANGE: a VLAN above the platform's highest ID, once per VLAN and platform (at its first use)", () => {
    const d = minimal();
    d.vlans.push({ id: 1001, name: "high", tenant: "city", purpose: "video", sites: ["dc1", "dc2"] });
    d.devices[0].interfaces[0].vlan = 1001;
    d.devices[1].interfaces[1].allowed = [10, 1001];
    expect(lines(d, "E_VLAN_RANGE")).toEqual(["/devices/0/interfaces/0/vlan VLAN 1001 is out of range on ovs (device sw1): 1..1000 | fix: use a VLAN ID between 1 and 1000"]);
    d.devices[0].interfaces[0].vlan = 10;
    expect(lines(d, "E_VLAN_RANGE")).toEqual(["/devices/1/interfaces/1/allowed/1 VLAN 1001 is out of range on ovs (device sw2): 1..1000 | fix: use a VLAN ID between 1 and 1000"]);
    const ok = minimal();
    ok.vlans.push({ id: 1000, name: "top", tenant: "city", purpose: "video", sites: ["dc1"] });
    ok.devices[0].interfaces[0].vlan = 1000;
    expect(lines(ok, "E_VLAN_RANGE")).toEqual([]);
  });

  it("E_PLATFORM_FEATURE: two gateway devices of a platform without VRRP, each named; one is fine", () => {
    const d = minimal();
    const router = (name: string, port: number) => ({ name, site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port, user: "c" }, interfaces: [{ name: "eth1" }] });
    d.devices.push(router("r1", 2301), router("r2", 2302));
    d.vlans[0].gateway = "10.0.10.1";
    d.vlans[0].gateways = [{ device: "r1", address: "10.0.10.2" }, { device: "r2", address: "10.0.10.3" }];
    expect(lines(d, "E_PLATFORM_FEATURE")).toEqual([
      "/vlans/0/gateways/0/device r1 (frr) cannot run VRRP for VLAN 10 | fix: use one gateway device, or platforms with VRRP",
      "/vlans/0/gateways/1/device r2 (frr) cannot run VRRP for VLAN 10 | fix: use one gateway device, or platforms with VRRP",
    ]);
    d.vlans[0].gateways = [{ device: "r1" }];
    expect(lines(d, "E_PLATFORM_FEATURE")).toEqual([]);
  });

  it("E_PLATFORM_FEATURE: a switch platform that runs no spanning tree, at a site that runs one", () => {
    const d = minimal();
    d.sites[0].stp = { mode: "rstp" };
    d.devices[0] = { ...d.devices[0], role: "spine", platform: "arista-eos", interfaces: [{ name: "Ethernet1", mode: "access", vlan: 10 }, { name: "Ethernet2", mode: "trunk", allowed: [10] }] };
    d.links[0].a.interface = "Ethernet2";
    d.hosts[0].attach.interface = "Ethernet1";
    expect(lines(d, "E_PLATFORM_FEATURE")).toEqual(["/devices/0/platform sw1 (arista-eos) cannot run rstp, the spanning tree of site dc1 | fix: set stp: { enabled: false } on sw1"]);
  });
});
