import { describe, expect, it } from "vitest";
import type { Device, Inventory } from "../../../model/types";
import type { ConfigObject, Platform, ReadBackResult } from "../../../platforms/types";
import type { DeviceIntent } from "../../../intent/types";
import { TransportError, type DeviceSession, type DeviceTarget } from "../../../transport/types";
import { checkDrift, compareDevice, compareFacts, driftExitCode, mapBounded, type DriftDeps } from "../../../audit/drift";
import { driftJson } from "../../../audit/drift-format";
import { parseHostKeys, targetBuilder } from "../../../transport/targets";

// A fake platform whose read-back output is JSON of the facts ("" = absent): enough to test the comparison.
const objectsOf = (intent: DeviceIntent): ConfigObject[] =>
  intent.vlans.map((v) => ({
    device: intent.device, kind: "vlan", key: `vlan:${v.id}`, summary: `VLAN ${v.id} (${v.name})`,
    fields: { id: v.id, name: v.name }, apply: [`vlan ${v.id}`], remove: [`undo vlan ${v.id}`], readBack: `show vlan ${v.id}`,
  }));

function fakePlatform(name: "ovs" | "huawei-vrp"): Platform {
  return {
    name,
    capabilities: {} as Platform["capabilities"],
    objects: objectsOf,
    fullConfig: () => "",
    wrap: (c) => [...c],
    parseReadBack(_o: ConfigObject, output: string): ReadBackResult {
      if (!output.trim()) return { present: false };
      return { present: true, fields: JSON.parse(output) };
    },
  };
}

function device(name: string, platform: "ovs" | "huawei-vrp", port: number): Device {
  return {
    name, site: "s1", height: 1, role: "leaf", platform, interfaces: [], lags: [], routes: [],
    management: { address: "127.0.0.1", port, user: "citydc", hostKey: "ssh-ed25519 AAAAtest" },
  };
}

const inv = {
  version: 1, name: "t", tenants: [], vrfs: [], sites: [], racks: [], vlans: [], links: [], hosts: [], services: [], dr: [],
  devices: [device("sw1", "ovs", 2201), device("sw2", "ovs", 2202), device("sw3", "huawei-vrp", 2203)],
} as unknown as Inventory;

const intent = (d: string): DeviceIntent =>
  ({ device: d, site: "s1", platform: "ovs", role: "leaf", vlans: [{ id: 10, name: "mgmt" }, { id: 20, name: "video" }],
     ports: [], lags: [], gateways: [], routes: [], vrfs: [], management: {} }) as DeviceIntent;

/** Device state per login port: what `show vlan N` prints; the extras command lists managed ovs ports. */
function deps(state: Record<number, Record<string, string>>, opened: string[] = []): DriftDeps {
  return {
    platform: (n) => fakePlatform(n as "ovs"),
    devices: (i) =>
      i.devices.map((d) => {
        const it = { ...intent(d.name), platform: d.platform };
        return { intent: it, objects: fakePlatform(d.platform as "ovs").objects(it) };
      }),
    target: targetBuilder(undefined, { password: "pw-not-real" }),
    async openSession(t: DeviceTarget): Promise<DeviceSession> {
      opened.push(t.device);
      const s = state[t.port];
      if (!s) throw new TransportError(t.device, "unreachable", "connect ECONNREFUSED 127.0.0.1");
      return {
        apply: async () => ({ output: "" }),
        show: async (cmds) => cmds.map((c) => (c.includes("external_ids:citydc=managed") ? s.extras ?? "" : c.includes("list Bridge") ? "" : s[c] ?? "")),
        close: async () => undefined,
      };
    },
  };
}

const inSync = { "show vlan 10": '{"id":10,"name":"mgmt"}', "show vlan 20": '{"id":20,"name":"video"}', extras: "" };

describe("drift comparison", () => {
  it("compares facts field by field, arrays by value", () => {
    expect(compareFacts({ a: 1, b: [1, 2], c: "x" }, { a: 1, b: [1, 2], c: "x" })).toEqual([]);
    expect(compareFacts({ a: 1, b: [1, 2] }, { a: 2, b: [2, 3], d: true })).toEqual([
      { field: "a", intended: 1, found: 2 },
      { field: "b", intended: [1, 2], found: [2, 3] },
      { field: "d", found: true },
    ]);
    // lists are sets: another order is no drift, another multiplicity is
    expect(compareFacts({ n: ["10.255.0.1/32", "10.30.130.0/24"] }, { n: ["10.30.130.0/24", "10.255.0.1/32"] })).toEqual([]);
    expect(compareFacts({ n: [1, 1, 2] }, { n: [1, 2, 2] }).map((f) => f.field)).toEqual(["n"]);
    expect(compareFacts({ a: 1 }, {})).toEqual([{ field: "a", intended: 1 }]);
  });

  it("reports missing, different and (ovs) extra objects", () => {
    const objs = objectsOf(intent("sw1"));
    const drift = compareDevice(fakePlatform("ovs"), objs, ["", '{"id":20,"name":"old"}'], ["p1\np9\nbond3\n", "br0 {citydc-vlan-10=mgmt, citydc-vlan-20=video, citydc-vlan-77=left}"]);
    expect(drift.map((d) => [d.status, d.key])).toEqual([
      ["missing", "vlan:10"],
      ["different", "vlan:20"],
      ["extra", "port:p1"],
      ["extra", "port:p9"],
      ["extra", "lag:bond3"],
      ["extra", "vlan:77"],
    ]);
    expect(drift[1]!.fields).toEqual([{ field: "name", intended: "video", found: "old" }]);
  });
});

describe("checkDrift", () => {
  it("exit 0 when every device is in sync", async () => {
    const r = await checkDrift(inv, deps({ 2201: inSync, 2202: inSync, 2203: inSync }));
    expect(r.counts).toMatchObject({ devices: 3, inSync: 3, drift: 0, unreachable: 0 });
    expect(driftExitCode(r)).toBe(0);
  });

  it("an unreachable device is reported and the others are still checked; exit 2 without drift", async () => {
    const opened: string[] = [];
    const r = await checkDrift(inv, deps({ 2201: inSync, 2203: inSync }, opened));
    expect(opened.sort()).toEqual(["sw1", "sw2", "sw3"]);
    const sw2 = r.devices.find((d) => d.device === "sw2")!;
    expect(sw2.status).toBe("unreachable");
    expect(sw2.errorKind).toBe("unreachable");
    expect(r.devices.filter((d) => d.status === "in-sync").map((d) => d.device)).toEqual(["sw1", "sw3"]);
    expect(driftExitCode(r)).toBe(2);
  });

  it("drift wins over unreachable: exit 1", async () => {
    const r = await checkDrift(inv, deps({ 2201: { ...inSync, "show vlan 20": "" }, 2203: inSync }));
    expect(r.counts).toMatchObject({ drift: 1, unreachable: 1, missing: 1 });
    expect(driftExitCode(r)).toBe(1);
    const json = driftJson(r, 1) as { schema: string; devices: { device: string; status: string }[] };
    expect(json.schema).toBe("citydc.drift/v1");
    expect(json.devices.map((d) => [d.device, d.status])).toEqual([["sw1", "drift"], ["sw2", "unreachable"], ["sw3", "in-sync"]]);
  });

  it("--device limits the check; only ovs is asked for extra managed ports", async () => {
    const opened: string[] = [];
    const r = await checkDrift(inv, deps({ 2203: { ...inSync, extras: "p7" } }, opened), { devices: ["sw3"] });
    expect(opened).toEqual(["sw3"]);
    expect(r.counts).toMatchObject({ devices: 1, inSync: 1 });
  });

  it("no host key or no credentials: the device is not checked, never logged into", async () => {
    const d = device("sw9", "ovs", 2209);
    const noKey = { ...d, management: { ...d.management, hostKey: undefined } } as Device;
    const build = targetBuilder(undefined, { password: "x" });
    expect(typeof build(noKey)).toBe("string");
    expect(typeof targetBuilder(undefined, {})(d)).toBe("string");
    expect(build({ ...noKey })).toMatch(/host key/);
  });
});

describe("host keys", () => {
  it("reads known-hosts style lines and the lab's JSON files", () => {
    const text = "# lab\nsw1 ssh-ed25519 AAAA1 comment\n[127.0.0.1]:2202 ssh-ed25519 AAAA2\n";
    const k = parseHostKeys(text);
    expect(k.get("sw1")).toBe("ssh-ed25519 AAAA1");
    expect(k.get("[127.0.0.1]:2202")).toBe("ssh-ed25519 AAAA2");
    expect(parseHostKeys('{"sw1": "ssh-ed25519 AAAA1"}').get("sw1")).toBe("ssh-ed25519 AAAA1");
    expect(parseHostKeys('{"devices": [{"name": "sw2", "hostKey": "ssh-ed25519 B"}]}').get("sw2")).toBe("ssh-ed25519 B");
  });

  it("pins by device name, then address:port; a shared bare address is not enough", () => {
    const a = { ...device("a", "ovs", 2201), management: { address: "127.0.0.1", port: 2201, user: "u" } } as Device;
    const b = { ...device("b", "ovs", 2202), management: { address: "127.0.0.1", port: 2202, user: "u" } } as Device;
    const keys = parseHostKeys("[127.0.0.1]:2202 ssh-ed25519 KB\n127.0.0.1 ssh-ed25519 KX\n");
    const build = targetBuilder(keys, { password: "p" });
    expect(typeof build(a)).toBe("string");
    expect((build(b) as DeviceTarget).hostKey).toBe("ssh-ed25519 KB");
  });
});

describe("mapBounded", () => {
  it("never runs more than the bound at once and keeps the order", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });
});

describe("colour", () => {
  it("only on a terminal, never with NO_COLOR", async () => {
    const { paintFor, PAINT, NO_PAINT } = await import("../../../audit/style");
    expect(paintFor({ isTTY: true }, {})).toBe(PAINT);
    expect(paintFor({ isTTY: true }, { NO_COLOR: "1" })).toBe(NO_PAINT);
    expect(paintFor({ isTTY: false }, {})).toBe(NO_PAINT);
    expect(paintFor({}, {})).toBe(NO_PAINT);
  });
});
