import { beforeEach, describe, expect, it } from "vitest";
import { join } from "path";
import { deriveIntent } from "../../../intent";
import { loadInventory } from "../../../model/load";
import type { Interface, Inventory } from "../../../model/types";
import { changeSet, ManagementPathError, PLATFORMS } from "../../../platforms";
import { inventoryChangeSets, renderDevice } from "../../../pipeline/index";
import type { ConfigObject } from "../../../platforms/types";
import { device, iface, inventory, link, vlan } from "../helpers/inventory";

/** sw1 -- trunk 10GE1/0/48 -- sw2; sw1 10GE1/0/1 in VLAN 10, sw2 10GE1/0/1 in VLAN 10; 10GE1/0/2 unused on both. */
function twoSwitches(over: { sw1?: Interface[]; sw2?: Interface[]; links?: boolean } = {}, platform: "huawei-vrp" | "ovs" = "huawei-vrp"): Inventory {
  const n = (vrp: string, ovs: string) => (platform === "ovs" ? ovs : vrp);
  const base = (extra: Interface[] | undefined) => [
    iface(n("10GE1/0/48", "p48"), { mode: "trunk" }),
    ...(extra ?? [iface(n("10GE1/0/1", "p1"), { mode: "access", vlan: 10 }), iface(n("10GE1/0/2", "p2"))]),
  ];
  return inventory({
    devices: [device("sw1", "dc1", { platform, interfaces: base(over.sw1) }), device("sw2", "dc1", { platform, interfaces: base(over.sw2) })],
    vlans: [vlan(10, "ten", ["dc1"]), vlan(20, "twenty", ["dc1"])],
    links: over.links === false ? [] : [link(`sw1 ${n("10GE1/0/48", "p48")}`, `sw2 ${n("10GE1/0/48", "p48")}`)],
  });
}

function objectsOf(inv: Inventory, name: string): ConfigObject[] {
  return renderDevice(deriveIntent(inv).get(name)!).objects;
}

function diff(a: Inventory, b: Inventory, name: string) {
  const intent = deriveIntent(b).get(name)!;
  return changeSet(PLATFORMS[intent.platform], objectsOf(a, name), objectsOf(b, name), { management: intent.management });
}

const vrp = (name: string, mode: "access" | "unused", vlanId?: number) =>
  mode === "access" ? iface(name, { mode: "access", vlan: vlanId }) : iface(name);

describe("change sets (huawei-vrp)", () => {
  it("add a VLAN: the VLAN first, then the access port, then the trunk that now carries it; one commit", () => {
    const before = twoSwitches();
    const after = twoSwitches({ sw1: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)], sw2: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)] });
    const cs = diff(before, after, "sw1");
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([
      ["add", "vlan:20"],
      ["change", "port:10GE1/0/2"],
      ["change", "port:10GE1/0/48"],
    ]);
    expect(cs.changes[0]!.commands).toEqual(["vlan 20", " name twenty", "quit"]);
    expect(cs.changes[1]!.commands).toEqual([
      "clear configuration interface 10GE1/0/2",
      "interface 10GE1/0/2",
      " port link-type access",
      " port default vlan 20",
      " undo shutdown",
      "quit",
    ]);
    expect(cs.changes[2]!.commands).toEqual([
      "interface 10GE1/0/48",
      " description to sw2 10GE1/0/48",
      " port link-type trunk",
      " undo port trunk allow-pass vlan 1",
      " port trunk allow-pass vlan 10 20",
      " undo shutdown",
      "quit",
    ]);
    expect(cs.changes[2]!.fields).toEqual({ allowed: { old: [10], new: [10, 20] } });
    expect(cs.script[0]).toBe("system-view");
    expect(cs.script.slice(-4)).toEqual(["quit", "commit", "return", "save"]);
    expect(cs.script.slice(1, -3)).toEqual(cs.changes.flatMap((c) => c.commands));
  });

  it("remove a VLAN: ports leave it first (allow-pass undone), the VLAN is deleted last", () => {
    const before = twoSwitches({ sw1: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)], sw2: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)] });
    const after = twoSwitches();
    const cs = diff(before, after, "sw1");
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([
      ["change", "port:10GE1/0/2"],
      ["change", "port:10GE1/0/48"],
      ["remove", "vlan:20"],
    ]);
    expect(cs.changes[0]!.commands).toEqual(["clear configuration interface 10GE1/0/2", "interface 10GE1/0/2", " description unused", " shutdown", "quit"]);
    expect(cs.changes[1]!.commands).toEqual([
      "interface 10GE1/0/48",
      " description to sw2 10GE1/0/48",
      " port link-type trunk",
      " undo port trunk allow-pass vlan 1",
      " port trunk allow-pass vlan 10",
      " undo shutdown",
      " undo port trunk allow-pass vlan 20",
      "quit",
    ]);
    expect(cs.changes[2]!.commands).toEqual(["undo vlan 20"]);
  });

  it("move a VLAN from sw1 to sw2: sw1 drops it from port and trunk and deletes it; sw2 gains it but no trunk carries it", () => {
    const before = twoSwitches({ sw1: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)] });
    const after = twoSwitches({ sw2: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)] });
    const s1 = diff(before, after, "sw1");
    expect(s1.changes.map((c) => [c.action, c.key])).toEqual([
      ["change", "port:10GE1/0/2"],
      ["remove", "vlan:20"],
    ]);
    const s2 = diff(before, after, "sw2");
    expect(s2.changes.map((c) => [c.action, c.key])).toEqual([
      ["add", "vlan:20"],
      ["change", "port:10GE1/0/2"],
    ]);
  });

  it("move a port from VLAN 10 to VLAN 20: one port change, VLAN 20 created before it, trunk carries 20, VLAN 10 stays for sw2", () => {
    const before = twoSwitches();
    const after = twoSwitches({ sw1: [vrp("10GE1/0/1", "access", 20), vrp("10GE1/0/2", "unused")], sw2: [vrp("10GE1/0/1", "access", 10), vrp("10GE1/0/2", "access", 20)] });
    const cs = diff(before, after, "sw1");
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([
      ["add", "vlan:20"],
      ["change", "port:10GE1/0/1"],
      ["change", "port:10GE1/0/48"],
      ["remove", "vlan:10"],
    ]);
    expect(cs.changes[1]!.commands).toEqual(["interface 10GE1/0/1", " port link-type access", " port default vlan 20", " undo shutdown", "quit"]);
    expect(cs.changes[1]!.fields).toEqual({ vlan: { old: 10, new: 20 } });
    expect(cs.changes[2]!.commands).toContain(" undo port trunk allow-pass vlan 10");
  });

  it("remove a link: the trunk port becomes unused (cleared, shut down) and nothing else changes", () => {
    const before = twoSwitches();
    const after = twoSwitches({ links: false });
    const cs = diff(before, after, "sw1");
    // the link alone goes: the trunk stays (an edge trunk with `all` carries the VLANs the device knows),
    // only its description, derived from the far end, changes
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([["change", "port:10GE1/0/48"]]);
    expect(cs.changes[0]!.fields).toEqual({ description: { old: "to sw2 10GE1/0/48", new: "" } });
    expect(cs.changes[0]!.commands).toEqual(["interface 10GE1/0/48", " port link-type trunk", " undo port trunk allow-pass vlan 1", " port trunk allow-pass vlan 10", " undo shutdown", " undo description", "quit"]);
    // the link and its ports go: the port is cleared and shut down
    const noTrunk = twoSwitches({ links: false });
    const stripped = { ...noTrunk, devices: noTrunk.devices.map((d) => ({ ...d, interfaces: d.interfaces.map((i) => (i.name === "10GE1/0/48" ? iface(i.name) : i)) })) };
    const cs2 = diff(before, stripped, "sw1");
    expect(cs2.changes.map((c) => [c.action, c.key])).toEqual([["change", "port:10GE1/0/48"]]);
    expect(cs2.changes[0]!.commands).toEqual(["clear configuration interface 10GE1/0/48", "interface 10GE1/0/48", " description unused", " shutdown", "quit"]);
  });

  it("no change: no commands and an empty script", () => {
    const cs = diff(twoSwitches(), twoSwitches(), "sw1");
    expect(cs.changes).toEqual([]);
    expect(cs.script).toEqual([]);
  });
});

describe("change sets (ovs): one atomic ovs-vsctl transaction", () => {
  it("move a port to another VLAN: set and clear the columns, no delete", () => {
    const before = twoSwitches({}, "ovs");
    const after = twoSwitches({ sw1: [iface("p1", { mode: "access", vlan: 20 }), iface("p2")], sw2: [iface("p1", { mode: "access", vlan: 20 }), iface("p2")] }, "ovs");
    const cs = diff(before, after, "sw1");
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([
      ["add", "vlan:20"],
      ["change", "port:p1"],
      ["change", "port:p48"],
      ["remove", "vlan:10"],
    ]);
    expect(cs.script).toEqual([
      "ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-20=twenty" +
        " -- set port p1 vlan_mode=access tag=20 external_ids:citydc=managed -- clear port p1 trunks" +
        " -- set port p48 vlan_mode=trunk trunks=20 external_ids:citydc=managed -- clear port p48 tag" +
        " -- remove bridge br0 external_ids citydc-vlan-10",
    ]);
  });

  it("remove a VLAN and its only port: the port leaves the bridge before the VLAN record goes", () => {
    const before = twoSwitches({ sw1: [iface("p1", { mode: "access", vlan: 10 }), iface("p2", { mode: "access", vlan: 20 })], sw2: [iface("p1", { mode: "access", vlan: 10 })] }, "ovs");
    const after = twoSwitches({ sw1: [iface("p1", { mode: "access", vlan: 10 }), iface("p2")], sw2: [iface("p1", { mode: "access", vlan: 10 })] }, "ovs");
    const cs = diff(before, after, "sw1");
    expect(cs.changes.map((c) => [c.action, c.key])).toEqual([
      ["remove", "port:p2"],
      ["remove", "vlan:20"],
    ]);
    expect(cs.script).toEqual(["ovs-vsctl --timeout=10 -- --if-exists del-port br0 p2 -- remove bridge br0 external_ids citydc-vlan-20"]);
  });
});

describe("the management path", () => {
  const withMgmt = (vlans: number[]) =>
    inventory({
      devices: [
        device("sw1", "dc1", {
          management: { address: "192.0.2.1", port: 22, user: "u", interface: "MEth0/0/0", vlan: 10 },
          interfaces: [iface("MEth0/0/0"), ...vlans.map((v, i) => iface(`10GE1/0/${i + 1}`, { mode: "access", vlan: v }))],
        }),
      ],
      vlans: [vlan(10, "mgmt", ["dc1"]), vlan(20, "twenty", ["dc1"])],
    });

  it("keeps the management VLAN even when no port uses it, and never renders the management interface", () => {
    const objs = objectsOf(withMgmt([20]), "sw1");
    expect(objs.map((o) => o.key)).toContain("vlan:10");
    expect(objs.map((o) => o.key)).not.toContain("port:MEth0/0/0");
  });

  it("refuses to remove the management VLAN or touch the management interface (E_MGMT_PATH)", () => {
    const p = PLATFORMS["huawei-vrp"];
    const objs = objectsOf(withMgmt([10]), "sw1");
    const mgmtVlan = objs.find((o) => o.key === "vlan:10")!;
    expect(() => changeSet(p, [mgmtVlan], [], { management: { vlan: 10 } })).toThrow(ManagementPathError);
    const port: ConfigObject = { ...objs.find((o) => o.key === "port:10GE1/0/1")!, key: "port:MEth0/0/0" };
    try {
      changeSet(p, [port], [], { management: { interface: "MEth0/0/0" } });
      expect.unreachable();
    } catch (e) {
      expect((e as ManagementPathError).code).toBe("E_MGMT_PATH");
    }
  });
});

describe("the management path on a trunk", () => {
  // sw1 is managed in VLAN 10, which reaches it over its uplink trunk 10GE1/0/48 (allowed 10, 20)
  const uplink = (allowed: number[], platform: "huawei-vrp" | "cisco-nxos" = "huawei-vrp") => {
    const up = platform === "huawei-vrp" ? "10GE1/0/48" : "Ethernet1/48";
    const acc = platform === "huawei-vrp" ? "10GE1/0/1" : "Ethernet1/1";
    return inventory({
      devices: [
        device("sw1", "dc1", { platform, management: { address: "192.0.2.1", port: 22, user: "u", vlan: 10 }, interfaces: [iface(up, { mode: "trunk", allowed }), iface(acc, { mode: "access", vlan: 20 })] }),
        device("sw2", "dc1", { platform, management: { address: "192.0.2.2", port: 22, user: "u", vlan: 10 }, interfaces: [iface(up, { mode: "trunk", allowed }), iface(acc, { mode: "access", vlan: 20 })] }),
      ],
      vlans: [vlan(10, "mgmt", ["dc1"]), vlan(20, "twenty", ["dc1"]), vlan(30, "thirty", ["dc1"])],
      links: [link(`sw1 ${up}`, `sw2 ${up}`)],
    });
  };

  for (const platform of ["huawei-vrp", "cisco-nxos"] as const) {
    it(`${platform}: taking the management VLAN off a trunk that stays is refused (E_MGMT_PATH); other VLANs may go`, () => {
      try {
        diff(uplink([10, 20], platform), uplink([20], platform), "sw1");
        expect.unreachable("the change was not refused");
      } catch (e) {
        expect(e).toBeInstanceOf(ManagementPathError);
        expect((e as ManagementPathError).code).toBe("E_MGMT_PATH");
        expect((e as Error).message).toContain("taking management VLAN 10 off");
      }
      expect(() => diff(uplink([10, 20], platform), uplink([10], platform), "sw1")).not.toThrow();
    });
  }
});

describe("inventory change sets on the city's network", () => {
  let loaded: ReturnType<typeof loadInventory>;
  let inv: Inventory;
  beforeEach(() => {
    loaded = loadInventory(join(__dirname, "..", "..", "..", "inventory", "kragujevac.yaml"));
    inv = loaded.inventory!;
  });

  it("removing VLAN 310 with the policies: every ACL that isolated the city from its subnet loses that entry, nothing else", () => {
    const without: Inventory = { ...inv, vlans: inv.vlans.filter((v) => v.id !== 310), hosts: inv.hosts.filter((h) => h.name !== "kg-uni-wlc1"), services: inv.services.map((s) => ({ ...s, vlans: s.vlans.filter((v) => v !== 310) })) };
    const { sets } = inventoryChangeSets(inv, without);
    const own = sets.flatMap((s) => s.changes.filter((c) => c.key === "acl:CITYDC-V310-IN").map((c) => `${s.device} ${c.action}`));
    expect(own.sort()).toEqual(["kg-dc1-spine1 remove", "kg-dc1-spine2 remove"]);
    const acl = sets.flatMap((s) => s.changes.filter((c) => c.kind === "acl" && c.key !== "acl:CITYDC-V310-IN").map((c) => ({ device: s.device, c })));
    // the city's gateways (spines: VLANs 10..200; DR leafs: the protected VLANs) and the border's and DR leaf's branch ports
    expect([...new Set(acl.map((x) => x.device))].sort()).toEqual(["kg-dc1-border1", "kg-dc1-spine1", "kg-dc1-spine2", "kg-dc2-leaf1", "kg-dc2-leaf2"]);
    for (const { c } of acl) {
      expect(c.action).toBe("change");
      const entries = c.fields!.entries!;
      const gone = (entries.old as string[]).filter((e) => !(entries.new as string[]).includes(e));
      expect(gone.length).toBe(1);
      expect(gone[0]).toMatch(/^deny ip \S+ -> 10\.31\.0\.0\/22$/);
      expect((entries.new as string[]).filter((e) => !(entries.old as string[]).includes(e))).toEqual([]);
    }
  });

  it("removing VLAN 310 touches exactly the devices that carried it (without the policies, whose ACLs name its subnet)", () => {
    inv = { ...inv };
    delete (inv as { policies?: unknown }).policies;
    const carriers = [...deriveIntent(inv).values()].filter((d) => d.vlans.some((v) => v.id === 310)).map((d) => d.device);
    expect(carriers.sort()).toEqual(["kg-dc1-leaf3", "kg-dc1-spine1", "kg-dc1-spine2"]);
    const without: Inventory = {
      ...inv,
      vlans: inv.vlans.filter((v) => v.id !== 310),
      hosts: inv.hosts.filter((h) => h.name !== "kg-uni-wlc1"),
      services: inv.services.map((s) => ({ ...s, vlans: s.vlans.filter((v) => v !== 310) })),
      devices: inv.devices.map((d) => ({
        ...d,
        interfaces: d.interfaces.map((i) => (i.vlan === 310 ? { name: i.name, enabled: true, description: "spare" } : i)),
        lags: d.lags.map((l) => (Array.isArray(l.allowed) ? { ...l, allowed: l.allowed.filter((v) => v !== 310) } : l)),
      })),
    };
    const { sets } = inventoryChangeSets(inv, without);
    expect(sets.map((s) => s.device).sort()).toEqual(carriers.sort());
    for (const s of sets) {
      expect(s.changes.some((c) => c.action === "remove" && c.key === "vlan:310")).toBe(true);
      // the VLAN goes after everything that used it
      expect(s.changes[s.changes.length - 1]!.key).toBe("vlan:310");
    }
    const spine = sets.find((s) => s.device === "kg-dc1-spine1")!;
    expect(spine.changes.map((c) => [c.action, c.key])).toEqual([
      ["change", "lag:Eth-Trunk1"],
      ["change", "lag:Eth-Trunk13"],
      ["remove", "gateway:310"],
      ["remove", "vlan:310"],
    ]);
  });

  it("an unchanged inventory has no change sets; a removed device is emptied", () => {
    expect(inventoryChangeSets(inv, inv).sets).toEqual([]);
    const { sets } = inventoryChangeSets(inv, { ...inv, devices: inv.devices.filter((d) => d.name !== "kg-nsz-wan1"), links: inv.links.filter((l) => l.b.device !== "kg-nsz-wan1") });
    const gone = sets.find((s) => s.device === "kg-nsz-wan1")!;
    expect(gone.changes.every((c) => c.action === "remove")).toBe(true);
    expect(gone.script[0]).toBe("configure private");
  });
});

describe("change sets of hand-made objects (the rules of changeSet, one at a time)", () => {
  const obj = (key: string, kind: ConfigObject["kind"], fields: ConfigObject["fields"] = {}, apply: string[] = [`apply ${key}`]): ConfigObject => ({
    device: "sw1",
    kind,
    key,
    summary: key,
    fields,
    apply,
    remove: [`remove ${key}`],
    readBack: "",
  });
  const vrp = PLATFORMS["huawei-vrp"];
  // a platform without its own change commands: a changed object is sent as its apply lines
  const plain = { ...vrp, change: undefined };
  const keys = (cs: ReturnType<typeof changeSet>) => cs.changes.map((c) => `${c.action} ${c.key}`);

  it("adds and changes go by kind order, keeping the list's order within a kind; removals by reverse kind order, the list reversed within a kind", () => {
    const old = [obj("vlan:30", "vlan"), obj("port:a", "port", { vlan: 30 }), obj("vlan:40", "vlan"), obj("port:c", "port"), obj("port:d", "port")];
    const next = [obj("port:a", "port", { vlan: 20 }), obj("port:b", "port"), obj("vlan:20", "vlan"), obj("vlan:10", "vlan"), obj("system", "system")];
    const cs = changeSet(plain, old, next);
    expect(keys(cs)).toEqual([
      "add system",
      "add vlan:20",
      "add vlan:10",
      "change port:a",
      "add port:b",
      "remove port:d",
      "remove port:c",
      "remove vlan:40",
      "remove vlan:30",
    ]);
    expect(cs.script).toEqual(vrp.wrap(cs.changes.flatMap((c) => c.commands)));
  });

  it("many objects of one kind keep the list's order (added) and its reverse (removed)", () => {
    const ids = [40, 10, 30, 20, 50];
    const cs = changeSet(plain, [], ids.map((v) => obj(`vlan:${v}`, "vlan")));
    expect(keys(cs)).toEqual(ids.map((v) => `add vlan:${v}`));
    expect(keys(changeSet(plain, ids.map((v) => obj(`vlan:${v}`, "vlan")), []))).toEqual([...ids].reverse().map((v) => `remove vlan:${v}`));
  });

  it("a kind outside KIND_ORDER goes after every known kind", () => {
    const odd = obj("odd", "odd" as ConfigObject["kind"]);
    expect(keys(changeSet(plain, [], [odd, obj("bgp", "bgp"), obj("system", "system")]))).toEqual(["add system", "add bgp", "add odd"]);
    expect(keys(changeSet(plain, [odd, obj("bgp", "bgp"), obj("system", "system")], []))).toEqual(["remove odd", "remove bgp", "remove system"]);
  });

  it("an object is unchanged only when its fields and its lines are both the same", () => {
    const a = obj("vlan:10", "vlan", { name: "ten" }, ["vlan 10", " name ten"]);
    expect(changeSet(plain, [a], [a]).changes).toEqual([]);
    // the same facts rendered differently (a renderer fix): a change, with no fields that differ
    const relined = changeSet(plain, [a], [{ ...a, apply: ["vlan 10", " description ten"] }]);
    expect(relined.changes).toEqual([{ action: "change", key: "vlan:10", kind: "vlan", summary: "vlan:10", fields: {}, commands: ["vlan 10", " description ten"] }]);
    // other facts with the same lines (a fact the platform does not render): still a change
    const refacted = changeSet(plain, [a], [{ ...a, fields: { name: "ten", mtu: 9000 } }]);
    expect(refacted.changes.map((c) => [c.action, c.fields])).toEqual([["change", { mtu: { old: undefined, new: 9000 } }]]);
    // one line more at the end is a change too
    expect(changeSet(plain, [a], [{ ...a, apply: [...a.apply, " quit"] }]).changes).toHaveLength(1);
  });

  it("digests (objects rebuilt from a lean state): compared when both sides carry one, the lines otherwise", () => {
    const a = obj("vlan:10", "vlan", { name: "ten" }, ["vlan 10", " name ten"]);
    const b = { ...a, apply: ["vlan 10", " description ten"] };
    // the same digest: the device holds these lines, whatever the lines rebuilt from the state say
    expect(changeSet(plain, [{ ...a, digest: "d1" }], [{ ...b, digest: "d1" }]).changes).toEqual([]);
    // another digest with the same lines: the device holds other lines
    expect(keys(changeSet(plain, [{ ...a, digest: "d1" }], [{ ...a, digest: "d2" }]))).toEqual(["change vlan:10"]);
    // a digest on one side only: the lines decide
    expect(changeSet(plain, [{ ...a, digest: "d1" }], [a]).changes).toEqual([]);
    expect(changeSet(plain, [a], [{ ...a, digest: "d1" }]).changes).toEqual([]);
    expect(keys(changeSet(plain, [{ ...a, digest: "d1" }], [b]))).toEqual(["change vlan:10"]);
  });

  it("uses the platform's change commands when it has them, the new object's lines otherwise", () => {
    const a = obj("vlan:10", "vlan", { name: "ten" });
    const b = obj("vlan:10", "vlan", { name: "TEN" }, ["vlan 10 TEN"]);
    expect(changeSet(plain, [a], [b]).changes[0]!.commands).toEqual(["vlan 10 TEN"]);
    const own = { ...vrp, change: () => ["rename 10"] };
    expect(changeSet(own, [a], [b]).changes[0]!.commands).toEqual(["rename 10"]);
    const none = { ...vrp, change: () => undefined };
    expect(changeSet(none, [a], [b]).changes[0]!.commands).toEqual(["vlan 10 TEN"]);
  });

  it("nothing to do: no changes and an empty script, the device named from either side", () => {
    expect(changeSet(vrp, [], [])).toEqual({ device: "", platform: "huawei-vrp", changes: [], script: [] });
    const a = obj("vlan:10", "vlan");
    expect(changeSet(vrp, [a], [a])).toEqual({ device: "sw1", platform: "huawei-vrp", changes: [], script: [] });
    expect(changeSet(vrp, [a], []).device).toBe("sw1");
    expect(changeSet(vrp, [], [{ ...a, device: "sw2" }]).device).toBe("sw2");
  });

  it("refuses to cut the management path, naming the device, the object and what it would do", () => {
    const refusal = (f: () => unknown): ManagementPathError => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ManagementPathError);
        return e as ManagementPathError;
      }
      throw new Error("not refused");
    };
    const meth = obj("port:MEth0/0/0", "port", { mode: "access" });
    const e = refusal(() => changeSet(vrp, [meth], [{ ...meth, fields: { mode: "unused" } }], { management: { interface: "MEth0/0/0" } }));
    expect(e.name).toBe("ManagementPathError");
    expect([e.code, e.device, e.key]).toEqual(["E_MGMT_PATH", "sw1", "port:MEth0/0/0"]);
    expect(e.message).toBe("sw1: change of the management interface MEth0/0/0: it would cut the management path; keep it in the inventory");
    expect(refusal(() => changeSet(vrp, [meth], [], { management: { interface: "MEth0/0/0" } })).message).toContain("sw1: removal of the management interface MEth0/0/0:");
    // in band: the object `management` (the VLAN interface) is neither changed nor removed
    const inband = obj("management", "management", { address: "192.0.2.1/24" });
    const opts = { management: { vlan: 10 } };
    expect(refusal(() => changeSet(vrp, [inband], [{ ...inband, fields: { address: "192.0.2.9/24" } }], opts)).message).toContain("sw1: change of the in-band management interface:");
    expect(refusal(() => changeSet(vrp, [inband], [], opts)).message).toContain("sw1: removal of the in-band management interface:");
    expect(refusal(() => changeSet(vrp, [obj("vlan:10", "vlan")], [], opts)).message).toContain("sw1: removal of management VLAN 10:");
    // without a management interface no port is guarded, whatever its name
    const odd = obj("port:undefined", "port");
    expect(keys(changeSet(vrp, [odd], [], opts))).toEqual(["remove port:undefined"]);
    // without management options the same changes go through
    expect(keys(changeSet(vrp, [inband], []))).toEqual(["remove management"]);
    expect(keys(changeSet(vrp, [meth], []))).toEqual(["remove port:MEth0/0/0"]);
  });

  it("with a management VLAN, other objects may still be removed and other VLANs taken off trunks", () => {
    const opts = { management: { vlan: 10 } };
    expect(keys(changeSet(vrp, [obj("vlan:20", "vlan"), obj("port:x", "port")], [], opts))).toEqual(["remove port:x", "remove vlan:20"]);
    const trunk = (allowed: number[]) => obj("port:up", "port", { name: "up", mode: "trunk", allowed });
    expect(keys(changeSet(vrp, [trunk([10, 20])], [trunk([10])], opts))).toEqual(["change port:up"]);
    // a trunk that gains the management VLAN, or whose old object listed no VLANs
    expect(keys(changeSet(vrp, [trunk([20])], [trunk([10, 20])], opts))).toEqual(["change port:up"]);
    const listless = obj("port:up", "port", { name: "up", mode: "trunk" });
    expect(keys(changeSet(vrp, [listless], [trunk([20])], opts))).toEqual(["change port:up"]);
    // a LAG trunk is guarded like a port: the management VLAN may not leave it
    const lagTrunk = (allowed: number[]) => obj("lag:Eth-Trunk1", "lag", { name: "Eth-Trunk1", mode: "trunk", allowed });
    expect(() => changeSet(vrp, [lagTrunk([10, 20])], [lagTrunk([20])], opts)).toThrow(/taking management VLAN 10 off Eth-Trunk1/);
    // a trunk's new object without a list is taken as carrying none of them
    expect(() => changeSet(vrp, [trunk([10, 20])], [obj("port:up", "port", { name: "up", mode: "trunk" })], opts)).toThrow(/taking management VLAN 10 off up/);
  });

  it("a trunk with the management VLAN that turns into another kind of port is refused unless it still carries it", () => {
    const opts = { management: { vlan: 10 } };
    const trunk = obj("port:up", "port", { name: "up", mode: "trunk", allowed: [10, 20] });
    const as = (fields: ConfigObject["fields"]) => obj("port:up", "port", { name: "up", ...fields });
    expect(() => changeSet(vrp, [trunk], [as({ mode: "access", vlan: 20 })], opts)).toThrow(/taking management VLAN 10 off up/);
    expect(() => changeSet(vrp, [trunk], [as({ mode: "unused" })], opts)).toThrow(/taking management VLAN 10 off up/);
    expect(() => changeSet(vrp, [trunk], [as({ mode: "routed", address: "10.0.0.0/31" })], opts)).toThrow(/taking management VLAN 10 off up/);
    // an access port in the management VLAN still carries it
    expect(keys(changeSet(vrp, [trunk], [as({ mode: "access", vlan: 10 })], opts))).toEqual(["change port:up"]);
    // a trunk without the management VLAN, or a port that was no trunk, may become anything
    expect(keys(changeSet(vrp, [as({ mode: "trunk", allowed: [20] })], [as({ mode: "unused" })], opts))).toEqual(["change port:up"]);
    expect(keys(changeSet(vrp, [as({ mode: "access", vlan: 10 })], [as({ mode: "access", vlan: 20 })], opts))).toEqual(["change port:up"]);
  });
});
