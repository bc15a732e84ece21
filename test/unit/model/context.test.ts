/**
 * What every semantic check shares (model/checks/context.ts): indexes that keep the first object of a name
 * (duplicates are the unique check's), the port a link end or host names and what it carries (a LAG member
 * carries its LAG's settings, its own speed), which links and hosts use a port, the VLAN an ID means at a
 * site, the bounded "did you mean", and the cap on stored findings.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, runChecks, runChecksLimited } from "../../../model/checks";
import { CheckContext, endpointKey, vlansOf } from "../../../model/checks/context";
import { normalize } from "../../../model/normalize";
import type { Inventory } from "../../../model/types";

function inventory(): Inventory {
  return normalize({
    version: 1,
    name: "t",
    tenants: [{ name: "city" }, { name: "uni" }, { name: "city", description: "again" }],
    vrfs: [{ name: "v1", tenant: "city" }, { name: "v1", tenant: "uni" }],
    sites: [{ name: "dc1", role: "primary" }, { name: "dc2", role: "dr", protects: "dc1" }, { name: "dc1", role: "branch" }],
    racks: [{ name: "r1", site: "dc1", height: 42 }, { name: "r1", site: "dc2", height: 10 }],
    devices: [
      {
        name: "sw1", site: "dc1", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", user: "u" },
        interfaces: [
          { name: "p1", mode: "access", vlan: 10, speed: "10G" },
          { name: "p2", lag: "bond0", speed: "25G" },
          { name: "p3", lag: "bond0" },
          { name: "p4", lag: "bond9", mode: "trunk", allowed: [10], native: 20, speed: "1G" },
          { name: "p1", mode: "routed", address: "10.0.0.1/31" },
          { name: "p5", lag: "bond1" },
        ],
        lags: [
          { name: "bond0", mode: "trunk", allowed: [10, 20], native: 10, lacp: "passive" },
          { name: "bond1", mode: "routed", address: "10.9.0.0/31", vrf: "v1", lacp: "static" },
          { name: "bond0", mode: "access", vlan: 30 },
        ],
      },
      { name: "sw2", site: "dc2", role: "leaf", platform: "ovs", management: { address: "127.0.0.2", user: "u" }, interfaces: [{ name: "p1" }] },
      { name: "sw1", site: "dc2", role: "spine", platform: "ovs", management: { address: "127.0.0.3", user: "u" }, interfaces: [{ name: "q1" }] },
    ],
    vlans: [
      { id: 10, name: "a", tenant: "city", purpose: "video", sites: ["dc1", "dc2"] },
      { id: 20, name: "b", tenant: "city", purpose: "voice", sites: ["dc1"] },
      { id: 20, name: "c", tenant: "uni", purpose: "data", sites: ["dc2"] },
      { id: 10, name: "d", tenant: "uni", purpose: "data", sites: ["dc2"] },
    ],
    links: [
      { kind: "dci", a: { device: "sw1", interface: "bond0" }, b: { device: "sw2", interface: "p1" } },
      { kind: "fabric", a: { device: "sw1", interface: "p2" }, b: { device: "sw2", interface: "p1" } },
    ],
    mlag: [
      { name: "m1", devices: ["sw1", "sw2"], peerLink: "bond0" },
      { name: "m2", devices: ["sw2", "sw3"], peerLink: "bond0" },
    ],
    hosts: [{ name: "h1", tenant: "city", address: "10.0.10.5/24", attach: { device: "sw1", interface: "p1" } }, { name: "h1", tenant: "city", address: "10.0.10.6/24", attach: { device: "sw1", interface: "p1" } }],
    services: [{ name: "s", tenant: "city", vlans: [10] }, { name: "s", tenant: "uni", vlans: [20] }],
  });
}

describe("indexes", () => {
  it("keep the first object of each name or ID", () => {
    const c = new CheckContext(inventory());
    expect([...c.tenants]).toEqual([["city", 0], ["uni", 1]]);
    expect([...c.vrfs]).toEqual([["v1", 0]]);
    expect([...c.sites]).toEqual([["dc1", 0], ["dc2", 1]]);
    expect([...c.racks]).toEqual([["r1", 0]]);
    expect([...c.vlans]).toEqual([[10, 0], [20, 1]]);
    expect([...c.services]).toEqual([["s", 0]]);
    expect([...c.hosts]).toEqual([["h1", 0]]);
    expect([...c.devices.keys()]).toEqual(["sw1", "sw2"]);
    const sw1 = c.devices.get("sw1")!;
    expect(sw1.index).toBe(0);
    expect([...sw1.interfaces]).toEqual([["p1", 0], ["p2", 1], ["p3", 2], ["p4", 3], ["p5", 5]]);
    expect([...sw1.lags]).toEqual([["bond0", 0], ["bond1", 1]]);
    expect([...sw1.members]).toEqual([["bond0", [1, 2]], ["bond9", [3]], ["bond1", [5]]]);
    expect(c.devices.get("sw2")!.members.size).toBe(0);
  });

  it("the VLAN an ID means at each site: the first defined there", () => {
    const c = new CheckContext(inventory());
    expect(c.vlanAt("dc1", 10)).toEqual({ index: 0, vlan: expect.objectContaining({ name: "a" }) });
    expect(c.vlanAt("dc1", 20)?.vlan.name).toBe("b");
    expect(c.vlanAt("dc2", 20)).toEqual({ index: 2, vlan: expect.objectContaining({ name: "c" }) });
    expect(c.vlanAt("dc2", 10)?.vlan.name).toBe("a");
    expect(c.vlanAt("dc1", 30)).toBeUndefined();
    expect(c.vlanAt("nowhere", 10)).toBeUndefined();
  });

  it("the uses of each port, links' ends and hosts, in order", () => {
    const c = new CheckContext(inventory());
    expect(c.portUses.get(endpointKey("sw2", "p1"))).toEqual([
      { path: "/links/0/b", what: "link sw1:bond0 <-> sw2:p1" },
      { path: "/links/1/b", what: "link sw1:p2 <-> sw2:p1" },
    ]);
    expect(c.portUses.get(endpointKey("sw1", "bond0"))).toEqual([{ path: "/links/0/a", what: "link sw1:bond0 <-> sw2:p1" }]);
    expect(c.portUses.get(endpointKey("sw1", "p1"))).toEqual([
      { path: "/hosts/0/attach", what: "host h1" },
      { path: "/hosts/1/attach", what: "host h1" },
    ]);
    expect(c.portUses.has(endpointKey("sw1", "p3"))).toBe(false);
    expect(endpointKey("a", "b")).not.toBe(endpointKey("a\u0000", "b"[0]!) + "x");
    expect(endpointKey("sw1", "p1")).toBe("sw1\u0000p1");
  });

  it("each device's first mlag pair", () => {
    const c = new CheckContext(inventory());
    expect([...c.mlagOf].map(([d, m]) => `${d} ${m.pair.name} ${m.index}`)).toEqual(["sw1 m1 0", "sw2 m1 0", "sw3 m2 1"]);
  });
});

describe("ports and what they carry", () => {
  it("an interface, a LAG, or nothing, with its path", () => {
    const c = new CheckContext(inventory());
    expect(c.port("sw1", "p4")).toMatchObject({ kind: "interface", name: "p4", path: "/devices/0/interfaces/3", iface: { name: "p4" } });
    expect(c.port("sw1", "bond1")).toMatchObject({ kind: "lag", name: "bond1", path: "/devices/0/lags/1", lag: { name: "bond1" } });
    expect(c.port("sw1", "bond1")?.iface).toBeUndefined();
    expect(c.port("sw1", "p4")?.lag).toBeUndefined();
    expect(c.port("sw1", "nope")).toBeUndefined();
    expect(c.port("nope", "p1")).toBeUndefined();
    expect(c.port("sw2", "p1")?.device.device.name).toBe("sw2");
  });

  it("a member carries its LAG's mode, VLANs, address and LACP mode, and its own speed", () => {
    const c = new CheckContext(inventory());
    expect(c.settings(c.port("sw1", "p2")!)).toEqual({ mode: "trunk", vlan: undefined, allowed: [10, 20], native: 10, address: undefined, vrf: undefined, speed: "25G", lag: "bond0", lacp: "passive" });
    expect(c.settings(c.port("sw1", "p5")!)).toEqual({ mode: "routed", vlan: undefined, allowed: undefined, native: undefined, address: "10.9.0.0/31", vrf: "v1", speed: undefined, lag: "bond1", lacp: "static" });
  });

  it("a LAG its own settings (no speed); a member of a LAG that does not exist, and a plain port, their own", () => {
    const c = new CheckContext(inventory());
    expect(c.settings(c.port("sw1", "bond0")!)).toEqual({ mode: "trunk", vlan: undefined, allowed: [10, 20], native: 10, address: undefined, vrf: undefined, lag: "bond0", lacp: "passive" });
    expect(c.settings(c.port("sw1", "p4")!)).toEqual({ mode: "trunk", vlan: undefined, allowed: [10], native: 20, address: undefined, vrf: undefined, speed: "1G" });
    expect(c.settings(c.port("sw1", "p1")!)).toEqual({ mode: "access", vlan: 10, allowed: undefined, native: undefined, address: undefined, vrf: undefined, speed: "10G" });
  });

  it("the site of a device", () => {
    const c = new CheckContext(inventory());
    expect(c.siteOf("sw1")).toBe("dc1");
    expect(c.siteOf("sw2")).toBe("dc2");
    expect(c.siteOf("nope")).toBeUndefined();
  });

  it("the VLAN IDs a port setting names: access, native, an explicit list (not all)", () => {
    expect(vlansOf({ vlan: 5, native: 6, allowed: [7, 8] })).toEqual([5, 6, 7, 8]);
    expect(vlansOf({ allowed: "all", native: 1 })).toEqual([1]);
    expect(vlansOf({})).toEqual([]);
  });
});

describe("reporting", () => {
  it("errors and warnings in order, with their severity", () => {
    const c = new CheckContext(inventory());
    c.error("E_A", "/a", "m1", "h1");
    c.warn("W_B", "/b", "m2", "h2");
    expect(c.findings).toEqual([
      { code: "E_A", severity: "error", path: "/a", message: "m1", hint: "h1" },
      { code: "W_B", severity: "warning", path: "/b", message: "m2", hint: "h2" },
    ]);
    expect(c.omitted).toEqual({ errors: 0, warnings: 0 });
  });

  it("past the limit, findings are counted by severity, not stored", () => {
    const c = new CheckContext(inventory());
    c.limit = 2;
    c.warn("W_1", "/", "", "");
    c.error("E_2", "/", "", "");
    c.error("E_3", "/", "", "");
    c.warn("W_4", "/", "", "");
    c.warn("W_5", "/", "", "");
    expect(c.findings.map((f) => f.code)).toEqual(["W_1", "E_2"]);
    expect(c.omitted).toEqual({ errors: 1, warnings: 2 });
  });

  it("'did you mean' for the first 500 unknown names of a run, then none", () => {
    const c = new CheckContext(inventory());
    for (let i = 0; i < 500; i++) expect(c.suggest("sw3", ["sw1"])).toBe(" (did you mean 'sw1'?)");
    expect(c.suggest("sw3", ["sw1"])).toBe("");
  });

  it("and for at most 200,000 candidates compared in a run (at most 20,000 by one name)", () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `x${i}`);
    const filler = (n: number, last: string) => [...Array<string>(n).fill("aaaa"), last];
    const spent = () => {
      const c = new CheckContext(inventory());
      expect(c.suggest("x5", many)).toBe(" (did you mean 'x5'?)"); // an exact match ends the search: 6 compared
      for (let i = 0; i < 9; i++) expect(c.suggest("zzzzzz", many)).toBe(""); // a miss compares 20,000
      return c; // 180,006 compared
    };
    expect(spent().suggest("q", filler(19_993, "p"))).toBe(" (did you mean 'p'?)");
    const c = spent();
    expect(c.suggest("q", filler(19_994, "p"))).toBe("");
    expect(c.suggest("sw3", ["sw1"])).toBe("");
    expect(new CheckContext(inventory()).suggest("q", filler(20_000, "p"))).toBe("");
    expect(new CheckContext(inventory()).suggest("q", filler(19_999, "p"))).toBe(" (did you mean 'p'?)");
  });
});

describe("running the checks", () => {
  it("every check, in this order, or only the named ones; at most `limit` findings", () => {
    expect(Object.keys(CHECKS)).toEqual(["unique", "references", "names", "vlanGroups", "management", "vlans", "racks", "ports", "portUsage", "links", "lags", "mlag", "ethernet", "subnets", "platform", "inband", "stp", "routing", "dr", "carry", "policy"]);
    const inv = inventory();
    const all = runChecks(inv);
    expect(all.map((f) => f.code)).toContain("E_DUPLICATE");
    const unique = runChecks(inv, ["unique"]);
    expect(unique.length).toBeGreaterThan(0);
    expect(unique.every((f) => f.code === "E_DUPLICATE")).toBe(true);
    expect(runChecks(inv, [])).toEqual([]);
    // in the order of CHECKS, whatever the order of the names
    expect(runChecks(inv, ["references", "unique"])).toEqual([...unique, ...runChecks(inv, ["references"])]);
    const limited = runChecksLimited(inv, 2);
    expect(limited.findings).toEqual(all.slice(0, 2));
    expect(limited.omitted.errors + limited.omitted.warnings).toBe(all.length - 2);
    expect(runChecksLimited(inv, Infinity)).toEqual({ findings: all, omitted: { errors: 0, warnings: 0 } });
  });
});
