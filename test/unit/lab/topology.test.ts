import { describe, it, expect } from "vitest";
import { planLab, LabError } from "../../../lab/topology";
import type { Inventory, Device } from "../../../model/types";

function device(name: string, platform: Device["platform"], port: number, extra: Partial<Device> = {}): Device {
  return {
    name, site: "s1", height: 1, role: "leaf", platform,
    management: { address: "127.0.0.1", port, user: "citydc" },
    interfaces: [], lags: [], routes: [], ...extra,
  };
}

function inventory(devices: Device[], links: Inventory["links"], hosts: Inventory["hosts"] = []): Inventory {
  return {
    version: 1, name: "t", tenants: [], vrfs: [], sites: [], racks: [], vlans: [], services: [], dr: [],
    devices, links, hosts,
  };
}

const lagIfs = (n: string[]) => n.map((name) => ({ name, lag: "bond0", enabled: true }));

describe("planLab", () => {
  it("expands LAG links to member veths in natural order and names everything with the citydc prefix", () => {
    const a = device("sw1", "ovs", 2201, { interfaces: lagIfs(["p10", "p2"]), lags: [{ name: "bond0", lacp: "active", mode: "trunk" }] });
    const b = device("sw2", "ovs", 2202, { interfaces: lagIfs(["p1", "p9"]), lags: [{ name: "bond0", lacp: "active", mode: "trunk" }] });
    const plan = planLab(inventory([a, b], [{ a: { device: "sw1", interface: "bond0" }, b: { device: "sw2", interface: "bond0" }, kind: "fabric", bgp: false }]));
    expect(plan.links.map((l) => [l.a.ifname, l.b.ifname])).toEqual([["p2", "p1"], ["p10", "p9"]]);
    expect(plan.devices.map((d) => d.namespace)).toEqual(["citydc-sw1", "citydc-sw2"]);
    expect(plan.devices[0]!.interfaces).toEqual(["p2", "p10"]);
  });

  it("puts hosts on their access ports and skips devices of platforms that cannot run here", () => {
    const inv = inventory(
      [device("sw1", "ovs", 2201), device("r1", "frr", 2202), device("ce1", "huawei-vrp", 2203)],
      [{ a: { device: "r1", interface: "eth1" }, b: { device: "sw1", interface: "p1" }, kind: "uplink", bgp: false },
       { a: { device: "ce1", interface: "10GE1/0/1" }, b: { device: "sw1", interface: "p9" }, kind: "uplink", bgp: false }],
      [{ name: "h1", tenant: "city", address: "10.0.0.1/24", gateway: "10.0.0.254", attach: { device: "sw1", interface: "p5" } }],
    );
    const plan = planLab(inv);
    expect(plan.skipped).toEqual(["ce1"]);
    expect(plan.devices.map((d) => [d.name, d.kind])).toEqual([["sw1", "switch"], ["r1", "router"]]);
    expect(plan.links).toHaveLength(1);
    expect(plan.hosts[0]).toMatchObject({ namespace: "citydc-host-h1", attach: { namespace: "citydc-sw1", ifname: "p5" } });
  });

  it("refuses a management address other than loopback, a shared port and an interface used twice", () => {
    const remote = device("sw1", "ovs", 22, { management: { address: "192.0.2.1", port: 22, user: "citydc" } });
    expect(() => planLab(inventory([remote], []))).toThrow(LabError);
    expect(() => planLab(inventory([device("a", "ovs", 2201), device("b", "ovs", 2201)], []))).toThrow(LabError);
    const twice = inventory([device("a", "ovs", 2201), device("b", "ovs", 2202)], [
      { a: { device: "a", interface: "p1" }, b: { device: "b", interface: "p1" }, kind: "fabric", bgp: false },
      { a: { device: "a", interface: "p1" }, b: { device: "b", interface: "p2" }, kind: "fabric", bgp: false },
    ]);
    expect(() => planLab(twice)).toThrow(LabError);
  });
});
