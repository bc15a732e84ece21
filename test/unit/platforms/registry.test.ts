import { describe, expect, it } from "vitest";
import { CAPABILITIES, PLATFORM_NAMES } from "../../../model/capabilities";
import { PLATFORMS } from "../../../platforms";
import { findPlatform, platformOf } from "../../../platforms/registry";
import { KIND_ORDER } from "../../../platforms/types";
import type { DeviceIntent } from "../../../intent/types";

/** One intent with a bit of everything, named for each platform. */
function sample(platform: DeviceIntent["platform"]): DeviceIntent {
  const names: Record<DeviceIntent["platform"], [string, string, string, string]> = {
    ovs: ["p1", "p2", "p3", "bond0"],
    frr: ["eth1", "eth2", "eth3", "bond0"],
    "huawei-vrp": ["10GE1/0/1", "10GE1/0/2", "10GE1/0/3", "Eth-Trunk1"],
    "cisco-nxos": ["Ethernet1/1", "Ethernet1/2", "Ethernet1/3", "port-channel1"],
    "arista-eos": ["Ethernet1", "Ethernet2", "Ethernet3", "Port-Channel1"],
    junos: ["xe-0/0/1", "xe-0/0/2", "xe-0/0/3", "ae1"],
  };
  const [a, b, c, l] = names[platform];
  return {
    device: "dev1",
    site: "dc1",
    platform,
    role: "leaf",
    vlans: [{ id: 10, name: "ten" }],
    ports: [
      { name: a, description: "host h1", enabled: true, mode: "access", vlan: 10 },
      { name: b, description: "to x", enabled: true, mode: "trunk", lag: l },
      { name: c, description: "wan", enabled: true, mode: "routed", address: "10.0.0.0/31" },
    ],
    lags: [{ name: l, lacp: "active", members: [b], port: { name: l, description: "to x", enabled: true, mode: "trunk", allowed: [10] } }],
    gateways: [{ vlan: 10, address: "10.10.0.2/24", vrrp: { vrid: 10, virtualAddress: "10.10.0.1", priority: 110 } }],
    routes: [{ prefix: "0.0.0.0/0", nextHop: "10.0.0.1" }],
    bgp: { asn: 65001, routerId: "10.255.0.1", networks: ["10.10.0.0/24"], neighbors: [{ address: "10.0.0.1", remoteAs: 65002, description: "to y" }] },
    loopback: "10.255.0.1",
    vrfs: [],
    management: {},
  };
}

describe("platform registry", () => {
  it("has a module for every platform the inventory may name", () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_NAMES].sort());
  });

  for (const name of PLATFORM_NAMES) {
    describe(name, () => {
      const p = PLATFORMS[name];
      it("implements the whole Platform interface", () => {
        expect(p.name).toBe(name);
        expect(p.capabilities).toBe(CAPABILITIES[name]);
        for (const f of ["objects", "fullConfig", "wrap", "parseReadBack"] as const) expect(typeof p[f]).toBe("function");
        if (p.capabilities.transport === "shell") {
          expect(p.shell).toBeDefined();
          expect(p.shell!.enterConfig.length).toBeGreaterThan(0);
          expect(p.shell!.errorPatterns.length).toBeGreaterThan(0);
          expect(p.shell!.prompt).toBeInstanceOf(RegExp);
        }
        if (p.capabilities.commit) expect(p.wrap(["x"]).some((l) => /commit/.test(l))).toBe(true);
      });

      it("says how to show its running configuration with one read-only command", () => {
        const rc = p.runningConfig;
        expect(rc.command.trim().length).toBeGreaterThan(0);
        expect(rc.command).not.toMatch(/\n/);
        // read-only: it starts with a show verb and carries none of the words that change a configuration
        expect(rc.command).toMatch(/^(show|display|ovs-vsctl --format=json|vtysh -c 'show)/);
        expect(rc.command).not.toMatch(/\b(add-port|del-port|add-bond|configure|commit|write|undo)\b/);
        const text = (rc.text ?? ((o: string) => o))("line one  \r\nline two\r\n\n");
        expect(text).toBe("line one\nline two\n");
      });

      it("gives every object a unique key, apply and remove lines, and a read-back command, in KIND_ORDER", () => {
        const objs = p.objects(sample(name));
        expect(objs.length).toBeGreaterThan(0);
        expect(new Set(objs.map((o) => o.key)).size).toBe(objs.length);
        const ranks = objs.map((o) => KIND_ORDER.indexOf(o.kind));
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        for (const o of objs) {
          expect(o.device).toBe("dev1");
          expect(o.apply.length).toBeGreaterThan(0);
          if (o.kind !== "system") expect(o.remove.length).toBeGreaterThan(0);
          expect(o.readBack.length).toBeGreaterThan(0);
        }
        expect(p.fullConfig(sample(name), objs).length).toBeGreaterThan(0);
      });

      it("reads back nothing from empty output", () => {
        for (const o of p.objects(sample(name))) expect(p.parseReadBack(o, "").present).toBe(false);
      });

      it("wraps nothing into nothing, and a change into one session", () => {
        expect(p.wrap([])).toEqual([]);
        const objs = p.objects(sample(name));
        const script = p.wrap(objs.flatMap((o) => o.apply));
        expect(script.length).toBeGreaterThan(0);
        if (p.capabilities.transport === "exec" && name !== "junos") expect(script.length).toBe(1);
      });
    });
  }

  it("ovs and frr skip what they cannot do; vendor platforms render LAG, VRRP, BGP", () => {
    const kinds = (n: DeviceIntent["platform"]) => PLATFORMS[n].objects(sample(n)).map((o) => o.kind);
    expect(kinds("ovs")).not.toContain("bgp");
    expect(kinds("frr")).not.toContain("vlan");
    for (const n of ["huawei-vrp", "cisco-nxos", "arista-eos", "junos"] as const) {
      expect(kinds(n)).toEqual(expect.arrayContaining(["vlan", "lag", "port", "gateway", "route", "bgp"]));
    }
  });
});

describe("finding a platform by name (names read from state written by another version)", () => {
  it("finds each platform's module, and nothing for a name that is none, an inherited property included", () => {
    for (const name of PLATFORM_NAMES) {
      expect(findPlatform(name)).toBe(PLATFORMS[name]);
      expect(platformOf(name)).toBe(PLATFORMS[name]);
    }
    expect(findPlatform("ios-xr")).toBeUndefined();
    expect(findPlatform("toString")).toBeUndefined();
    expect(findPlatform("__proto__")).toBeUndefined();
  });

  it("an unknown platform is an error that names it and lists the known ones", () => {
    expect(() => platformOf("ios-xr")).toThrow(new Error("unknown platform 'ios-xr' (known: ovs, frr, huawei-vrp, cisco-nxos, arista-eos, junos)"));
  });
});
