import * as fs from "fs";
import * as path from "path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Device, Inventory } from "../../../model/types";
import { parseInventory } from "../../../model/load";
import { diffInventories, type InventoryDiff } from "../../../audit/diff";
import { diffJson, diffMarkdown, diffText } from "../../../audit/diff-format";
import { assessRisks } from "../../../audit/risks";

const FIXTURES = path.resolve(__dirname, "../../fixtures/revisions");

function load(file: string): Inventory {
  const r = parseInventory(fs.readFileSync(file, "utf8"), file);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
  return r.inventory!;
}

const lines = (d: InventoryDiff): string[] =>
  d.changes.map((c) => `${c.action} ${c.type} ${c.key}${c.oldKey ? ` <- ${c.oldKey}` : ""}`).sort();

const cases = fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, "expected.json")));

describe("revision pairs (test/fixtures/revisions)", () => {
  it("has the cases add, remove, move, rename, renumber, reorder-only, dci-removed", () => {
    expect(cases.sort()).toEqual(["add-vlan", "dci-removed", "move", "remove-host", "rename-device", "renumber-vlan", "reorder-only"]);
  });

  for (const name of cases) {
    it(`${name}: reports exactly the expected objects`, () => {
      const oldInv = load(path.join(FIXTURES, name, "old.yaml"));
      const newInv = load(path.join(FIXTURES, name, "new.yaml"));
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, "expected.json"), "utf8")) as string[];
      const d = diffInventories(oldInv, newInv);
      expect(lines(d)).toEqual([...expected].sort());
      expect(d.equal).toBe(expected.length === 0);
      expect(d.counts.total).toBe(expected.length);
    });
  }

  it("move: field-level old and new values", () => {
    const d = diffInventories(load(path.join(FIXTURES, "move", "old.yaml")), load(path.join(FIXTURES, "move", "new.yaml")));
    const port = d.changes.find((c) => c.key === "kg-dc1-leaf1 10GE1/0/2")!;
    expect(port.fields).toEqual([{ field: "vlan", old: 100, new: 110 }]);
    const host = d.changes.find((c) => c.key === "kg-nms1")!;
    expect(host.fields).toEqual([{ field: "attach", old: "kg-dc1-leaf2:10GE1/0/2", new: "kg-dc1-leaf4:10GE1/0/3" }]);
    const spare = d.changes.find((c) => c.key === "kg-dc1-leaf2 10GE1/0/2")!;
    expect(spare.fields.find((f) => f.field === "enabled")).toEqual({ field: "enabled", old: true, new: false });
  });

  it("a field set on one side only is reported on that side: a LAG that gains a native VLAN, then loses it", () => {
    const a = base();
    const b = withDevices(a, (d) => (d.name !== "kg-dc1-leaf1" ? d : { ...d, lags: d.lags.map((l) => (l.name === "Eth-Trunk1" ? { ...l, native: 10 } : l)) }));
    const gained = diffInventories(a, b).changes.filter((c) => c.type === "lag");
    expect(gained.map((c) => [c.action, c.key, c.fields])).toEqual([["change", "kg-dc1-leaf1 Eth-Trunk1", [{ field: "native", new: 10 }]]]);
    const lost = diffInventories(b, a).changes.filter((c) => c.type === "lag");
    expect(lost.map((c) => [c.action, c.key, c.fields])).toEqual([["change", "kg-dc1-leaf1 Eth-Trunk1", [{ field: "native", old: 10 }]]]);
  });

  it("the diff is symmetric: old/new swapped turns adds into removes", () => {
    const a = load(path.join(FIXTURES, "add-vlan", "old.yaml"));
    const b = load(path.join(FIXTURES, "add-vlan", "new.yaml"));
    const back = diffInventories(b, a);
    expect(back.counts).toMatchObject({ add: 0, remove: 3, change: diffInventories(a, b).counts.change });
  });
});

// ---------------------------------------------------------------- rules on in-memory revisions

const base = (): Inventory => load(path.join(FIXTURES, "base.yaml"));

function withDevices(inv: Inventory, f: (d: Device) => Device): Inventory {
  return { ...inv, devices: inv.devices.map(f) };
}

describe("rename rules", () => {
  it("a VLAN keeping its id under a new name is a change of its name", () => {
    const a = base();
    const b = { ...a, vlans: a.vlans.map((v) => (v.id === 120 ? { ...v, name: "video" } : v)) };
    const d = diffInventories(a, b);
    expect(lines(d)).toEqual(["change vlan 120"]);
    expect(d.changes[0]!.fields).toEqual([{ field: "name", old: "videoconferencing", new: "video" }]);
  });

  it("two devices that match the same identity are not paired (remove + add)", () => {
    const a = base();
    const leaf = a.devices.find((d) => d.name === "kg-dc1-leaf4")!;
    // two identical copies under new names: ambiguous
    const b = { ...a, devices: [...a.devices.filter((d) => d !== leaf), { ...leaf, name: "x1" }, { ...leaf, name: "x2" }] };
    const d = diffInventories(a, { ...b, links: [], hosts: [] });
    expect(d.changes.some((c) => c.action === "rename" && c.type === "device")).toBe(false);
    expect(d.changes.filter((c) => c.type === "device").map((c) => c.action).sort()).toEqual(["add", "add", "remove"]);
  });

  it("a device with another management address is not a rename", () => {
    const a = base();
    const b = withDevices(a, (d) => (d.name === "kg-dc1-leaf3" ? { ...d, name: "kg-dc1-leaf03", management: { ...d.management, address: "172.20.0.99" } } : d));
    const d = diffInventories({ ...a, links: [], hosts: [] }, { ...b, links: [], hosts: [] });
    expect(d.changes.filter((c) => c.type === "device").map((c) => `${c.action} ${c.key}`).sort()).toEqual(["add kg-dc1-leaf03", "remove kg-dc1-leaf3"]);
    // its ports are folded under the added / removed device
    expect(d.changes.filter((c) => c.type === "interface").every((c) => c.within !== undefined)).toBe(true);
  });

  it("a renamed rack is followed by its devices", () => {
    const a = base();
    const b = {
      ...a,
      racks: a.racks.map((r) => (r.name === "kg-dc1-r03" ? { ...r, name: "kg-dc1-a03" } : r)),
      devices: a.devices.map((d) => (d.rack === "kg-dc1-r03" ? { ...d, rack: "kg-dc1-a03" } : d)),
    };
    expect(lines(diffInventories(a, b))).toEqual(["rename rack kg-dc1-a03 <- kg-dc1-r03"]);
  });

  it("a renamed device with a changed model is one rename carrying the field change", () => {
    const a = base();
    const b = withDevices(a, (d) => (d.name === "kg-dc2-leaf2" ? { ...d, name: "kg-dc2-leaf02", model: "CE6881-48T6CQ" } : d));
    const rename = (x: Device[]) => x; // references to kg-dc2-leaf2 in links and hosts are left as they were
    const d = diffInventories(a, { ...b, devices: rename([...b.devices]), links: a.links.map((l) => ({
      ...l,
      a: l.a.device === "kg-dc2-leaf2" ? { ...l.a, device: "kg-dc2-leaf02" } : l.a,
      b: l.b.device === "kg-dc2-leaf2" ? { ...l.b, device: "kg-dc2-leaf02" } : l.b,
    })), hosts: a.hosts.map((h) => (h.attach.device === "kg-dc2-leaf2" ? { ...h, attach: { ...h.attach, device: "kg-dc2-leaf02" } } : h)) });
    expect(lines(d)).toEqual(["rename device kg-dc2-leaf02 <- kg-dc2-leaf2"]);
    expect(d.changes[0]!.fields).toEqual([{ field: "model", old: "CE6881-48S6CQ", new: "CE6881-48T6CQ" }]);
  });
});

describe("output formats", () => {
  let a: Inventory;
  let b: Inventory;
  let diff: InventoryDiff;
  let report: { old: { source: string }; new: { source: string }; diff: InventoryDiff };
  beforeEach(() => {
    a = load(path.join(FIXTURES, "rename-device", "old.yaml"));
    b = load(path.join(FIXTURES, "rename-device", "new.yaml"));
    diff = diffInventories(a, b);
    report = { old: { source: "old.yaml" }, new: { source: "new.yaml" }, diff };
  });

  it("json: schema, counts and changes", () => {
    const j = JSON.parse(JSON.stringify(diffJson(report))) as {
      schema: string; equal: boolean; summary: { counts: { total: number; rename: number } };
      changes: { type: string; action: string; key: string; oldKey: string | null; fields: unknown[] }[]; impact: unknown;
    };
    expect(j.schema).toBe("citydc.diff/v1");
    expect(j.equal).toBe(false);
    expect(j.summary.counts).toMatchObject({ total: diff.counts.total, rename: 1 });
    const dev = j.changes.find((c) => c.type === "device")!;
    expect(dev).toMatchObject({ action: "rename", key: "kg-dc1-leaf04", oldKey: "kg-dc1-leaf4" });
    expect(j.impact).toBeNull();
  });

  it("text and markdown name every changed object; text has no colour codes unless asked", () => {
    const text = diffText(report);
    const md = diffMarkdown(report);
    for (const c of diff.changes) {
      expect(text).toContain(c.label);
      expect(md).toContain(c.label);
    }
    expect(text).not.toMatch(/\u001b\[/);
  });

  it("an added device's ports are folded into its line", () => {
    const x = base();
    const leaf = x.devices.find((d) => d.name === "kg-dc1-leaf4")!;
    const bigger = { ...x, devices: [...x.devices, { ...leaf, name: "kg-dc1-leaf5", position: 30, management: { ...leaf.management, address: "172.20.0.25" } }] };
    const d = diffInventories(x, bigger);
    const t = diffText({ old: { source: "a" }, new: { source: "b" }, diff: d });
    expect(d.changes.filter((c) => c.within === "device:kg-dc1-leaf5").length).toBe(leaf.interfaces.length + leaf.lags.length);
    expect(t).not.toContain("interface kg-dc1-leaf5");
  });
});

describe("risks", () => {
  const codes = (a: Inventory, b: Inventory) => assessRisks(a, b, diffInventories(a, b)).map((r) => `${r.code} ${r.object}`).sort();

  it("dci-removed fixture: DCI link removed and a VLAN no longer protected", () => {
    const a = load(path.join(FIXTURES, "dci-removed", "old.yaml"));
    const b = load(path.join(FIXTURES, "dci-removed", "new.yaml"));
    expect(codes(a, b)).toEqual([
      "RISK_DCI_REMOVED link kg-dc1-border1:100GE1/0/6 <-> kg-dc2-leaf1:100GE1/0/6",
      "RISK_DR_PARITY DR protection kg-dc2",
    ]);
  });

  it("a VLAN removed from the DR site while ports still carry it", () => {
    const a = base();
    const b = { ...a, vlans: a.vlans.map((v) => (v.id === 140 ? { ...v, sites: ["kg-dc1"] } : v)) };
    const got = codes(a, b);
    expect(got).toContain("RISK_VLAN_IN_USE VLAN 140");
    expect(got).toContain("RISK_DR_PARITY VLAN 140");
  });

  it("a policy change that cuts a service: a rule's port changed, a new deny towards a service; a deny that was already there is no risk", () => {
    const a = load(path.resolve(__dirname, "../../../inventory/kragujevac.yaml"));
    const rules = a.policies!.rules;
    const narrowed = { ...a, policies: { ...a.policies!, rules: rules.map((r) => (r.name === "jkp-voice" ? { ...r, ports: [5061] } : r)) } };
    const got = assessRisks(a, narrowed, diffInventories(a, narrowed));
    expect(got.map((r) => `${r.code} ${r.object}`)).toEqual(["RISK_POLICY_CUTS_SERVICE service ip-telephony"]);
    // the utility company has its WAN at the primary site only
    expect(got[0]!.devices).toEqual(["kg-dc1-border1"]);
    expect(got[0]!.message).toContain("CITYDC-KG-JKP-IN no longer permits udp any -> 10.10.130.0/24 5060 (jkp-voice)");
    // the university was cut off from the eGovernment VLAN by tenant isolation already
    const uni = { ...a, policies: { ...a.policies!, rules: [{ name: "no-uni", action: "deny" as const, from: { tenant: "university" }, to: { service: "egovernment" }, protocol: "any" as const, ports: [] }, ...rules] } };
    expect(codes(a, uni)).toEqual([]);
    // the city's backup VLAN closed to City Hall: new denies on the border's and the DR leaf's City Hall ports
    const closed = { ...a, policies: { ...a.policies!, rules: [{ name: "no-backup", action: "deny" as const, from: { site: "kg-cityhall" }, to: { service: "backup" }, protocol: "any" as const, ports: [] }, ...rules] } };
    const c = assessRisks(a, closed, diffInventories(a, closed));
    expect(c.map((r) => `${r.code} ${r.object} ${r.devices.join(",")}`)).toEqual(["RISK_POLICY_CUTS_SERVICE service backup kg-dc1-border1,kg-dc2-leaf1"]);
    // and the inventory diff shows the rule, its place and what moved
    expect(lines(diffInventories(a, closed))).toEqual(["add policy rule no-backup", "change policy rule jkp-egov", "change policy rule jkp-voice"]);
  });

  it("the management path: interface changed, address changed", () => {
    const a = base();
    const b = withDevices(a, (d) =>
      d.name === "kg-dc1-leaf1" ? { ...d, management: { ...d.management, interface: "10GE1/0/2" } }
      : d.name === "kg-dc1-leaf2" ? { ...d, management: { ...d.management, address: "172.20.0.122" } } : d);
    expect(codes(a, b)).toEqual(["RISK_MGMT_PATH device kg-dc1-leaf1", "RISK_MGMT_PATH device kg-dc1-leaf2"]);
  });

  it("harmless changes raise no risk", () => {
    for (const name of ["add-vlan", "move", "reorder-only", "remove-host"]) {
      const a = load(path.join(FIXTURES, name, "old.yaml"));
      const b = load(path.join(FIXTURES, name, "new.yaml"));
      expect(codes(a, b)).toEqual([]);
    }
  });
});
