/** computeImpact: change sets counted per device and in total, grouped by site, with the risks and the management-path refusals. */
import { describe, expect, it } from "vitest";
import { diffInventories } from "../../../audit/diff";
import { computeImpact } from "../../../audit/impact";
import { assessRisks } from "../../../audit/risks";
import type { DeviceChangeSet, ObjectChange } from "../../../platforms/types";
import { device, inventory, vlan } from "../helpers/inventory";

const change = (action: ObjectChange["action"], key: string): ObjectChange => ({ action, key, kind: "vlan", summary: key, commands: [] });
const set = (name: string, ...changes: ObjectChange[]): DeviceChangeSet => ({ device: name, platform: "huawei-vrp", changes, script: [] });

describe("computeImpact", () => {
  // leaf10 and leaf2 at dc1 (natural order puts leaf2 first), leaf1 at dc2; the new revision drops leaf1 and adds dr-new at dc2
  const before = inventory({ devices: [device("leaf10", "dc1"), device("leaf2", "dc1"), device("leaf1", "dc2")], vlans: [vlan(10, "ten", ["dc1"])] });
  const after = inventory({ devices: [device("leaf10", "dc1"), device("leaf2", "dc1"), device("dr-new", "dc2")], vlans: [vlan(10, "ten", ["dc1"])] });

  it("counts each device's adds, changes and removals and the totals, skips devices without changes, and sorts by site then name", () => {
    const diff = diffInventories(before, after);
    const impact = computeImpact(before, after, diff, [
      set("leaf10", change("add", "vlan:20"), change("change", "port:a"), change("change", "port:b")),
      set("dr-new", change("add", "vlan:10")),
      set("leaf2", change("remove", "vlan:30")),
      set("leaf1"),
      set("ghost", change("remove", "vlan:40")),
    ]);
    expect(impact.devices.map((d) => [d.site, d.device, d.counts])).toEqual([
      ["dc1", "leaf2", { add: 0, change: 0, remove: 1 }],
      ["dc1", "leaf10", { add: 1, change: 2, remove: 0 }],
      ["dc2", "dr-new", { add: 1, change: 0, remove: 0 }],
      ["unknown", "ghost", { add: 0, change: 0, remove: 1 }],
    ]);
    expect(impact.counts).toEqual({ devices: 4, sites: 3, add: 2, change: 2, remove: 2 });
    expect(impact.sites).toEqual(["dc1", "dc2", "unknown"]);
    expect(impact.devices[1]!.platform).toBe("huawei-vrp");
    expect(impact.devices[1]!.changes.map((c) => c.key)).toEqual(["vlan:20", "port:a", "port:b"]);
    expect(impact.risks).toEqual(assessRisks(before, after, diff));
  });

  it("a device only in the old revision keeps its old site; a device in both takes the new one", () => {
    const moved = inventory({ devices: [device("leaf10", "dc2")] });
    const impact = computeImpact(before, moved, diffInventories(before, moved), [set("leaf1", change("remove", "vlan:10")), set("leaf10", change("add", "vlan:10"))]);
    expect(impact.devices.map((d) => `${d.site} ${d.device}`)).toEqual(["dc2 leaf1", "dc2 leaf10"]);
    expect(impact.sites).toEqual(["dc2"]);
  });

  it("sites sort naturally too (dc2 before dc10)", () => {
    const many = inventory({ devices: [device("a", "dc10"), device("b", "dc2")] });
    const impact = computeImpact(many, many, diffInventories(many, many), [set("a", change("add", "x")), set("b", change("add", "y"))]);
    expect(impact.sites).toEqual(["dc2", "dc10"]);
    expect(impact.devices.map((d) => d.device)).toEqual(["b", "a"]);
  });

  it("nothing changed: zero counts, no sites, no devices", () => {
    const impact = computeImpact(before, before, diffInventories(before, before), [set("leaf10"), set("leaf2")]);
    expect(impact).toEqual({ counts: { devices: 0, sites: 0, add: 0, change: 0, remove: 0 }, sites: [], devices: [], risks: [] });
  });

  it("a change set refused by the management-path guard is a high risk of its device and site", () => {
    const impact = computeImpact(before, after, diffInventories(before, after), [], [
      { device: "leaf2", message: "removal of management VLAN 10" },
      { device: "nowhere", message: "m" },
    ]);
    expect(impact.risks.filter((r) => r.code === "RISK_MGMT_PATH")).toEqual([
      {
        code: "RISK_MGMT_PATH",
        severity: "high",
        object: "device leaf2",
        sites: ["dc1"],
        devices: ["leaf2"],
        message: "the change set of leaf2 is refused by the management-path guard: removal of management VLAN 10",
      },
      {
        code: "RISK_MGMT_PATH",
        severity: "high",
        object: "device nowhere",
        sites: ["unknown"],
        devices: ["nowhere"],
        message: "the change set of nowhere is refused by the management-path guard: m",
      },
    ]);
  });

  it("inventories without device lists are read as empty", () => {
    const bare = { ...before, devices: undefined } as unknown as typeof before;
    const impact = computeImpact(bare, bare, diffInventories(before, before), [set("leaf10", change("add", "x"))]);
    expect(impact.devices.map((d) => d.site)).toEqual(["unknown"]);
  });
});
