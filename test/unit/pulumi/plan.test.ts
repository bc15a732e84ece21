import { describe, expect, it } from "vitest";
import { buildPlan, formatJson, formatMarkdown, formatText } from "../../../pulumi/planReport";
import type { DeviceView, ResourceStep, StackRunResult } from "../../../pulumi/stacks";
import { toFull, toLean, type FullObject, type StoredObject } from "../../../provider/types";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet } from "../../../platforms/changeset";
import { PLATFORMS } from "../../../platforms/index";
import type { Platform } from "../../../platforms/types";

const platformOf = (name: string): Platform | undefined => (PLATFORMS as Record<string, Platform>)[name];

function o(kind: StoredObject["kind"], summary: string, fields: StoredObject["fields"], apply: string[], remove: string[] = [`no ${apply[0]}`]): FullObject {
  return { kind, summary, fields, apply, remove, readBack: "show" };
}

function view(device: string, objects: Record<string, StoredObject>, extra: Partial<DeviceView> = {}): DeviceView {
  return { device, site: "dc1", platform: "ovs", management: {}, target: { host: "10.0.0.1", port: 22, user: "u", hostKey: "ssh-ed25519 AAAA" }, objects, ...extra };
}

function step(op: ResourceStep["op"], name: string, old?: DeviceView, now?: DeviceView, diffs: string[] = []): ResourceStep {
  return { urn: `urn:pulumi:s::citydc::citydc:device:DeviceConfig::${name}`, type: "citydc:device:DeviceConfig", name, op, diffs, ...(old ? { old } : {}), ...(now ? { new: now } : {}) };
}

function run(devices: ResourceStep[], ok = true): StackRunResult {
  return { stack: "lab", kind: "preview", ok, summary: {}, steps: devices, devices, failures: [], durationMs: 1, stdout: "" };
}

/** A small ovs device: VLANs 120 and 130, port p5 an access port in `vlan`. */
function ovsIntent(vlan: number): DeviceIntent {
  return {
    device: "leaf1", site: "dc1", platform: "ovs", role: "leaf",
    vlans: [{ id: 120, name: "video" }, { id: 130, name: "voice" }],
    ports: [{ name: "p5", description: "host a", enabled: true, mode: "access", vlan }],
    lags: [], gateways: [], routes: [], vrfs: [], management: {},
  };
}

function leanView(intent: DeviceIntent): DeviceView {
  const objects = Object.fromEntries(PLATFORMS.ovs.objects(intent).map((x) => [x.key, toLean(x)]));
  return view(intent.device, objects, { intent });
}

function fullView(intent: DeviceIntent): DeviceView {
  return view(intent.device, Object.fromEntries(PLATFORMS.ovs.objects(intent).map((x) => [x.key, toFull(x)])));
}

const vlan120 = o("vlan", "VLAN 120 (video)", { id: 120 }, ["add vlan 120"]);
const vlan130 = o("vlan", "VLAN 130 (voice)", { id: 130 }, ["add vlan 130"]);
const p5a = o("port", "port p5 access VLAN 120", { mode: "access", vlan: 120 }, ["set port p5 tag=120"]);
const p5b = o("port", "port p5 access VLAN 130", { mode: "access", vlan: 130 }, ["set port p5 tag=130"]);

describe("plan", () => {
  it("counts devices and objects and lists each device's changes in send order", () => {
    const plan = buildPlan(
      run([
        step("create", "leaf2", undefined, view("leaf2", { "vlan:120": vlan120 })),
        step("update", "leaf1", view("leaf1", { "vlan:120": vlan120, "port:p5": p5a }), view("leaf1", { "vlan:120": vlan120, "vlan:130": vlan130, "port:p5": p5b }), ["objects"]),
        step("same", "spine1", view("spine1", { "vlan:120": vlan120 }), view("spine1", { "vlan:120": vlan120 })),
        step("delete", "old1", view("old1", { "vlan:120": vlan120 }, { site: "dc2" })),
      ]),
      platformOf,
      changeSet,
    );
    expect(plan.counts.devices).toEqual({ create: 1, update: 1, delete: 1, replace: 0, same: 1 });
    expect(plan.counts.objects).toEqual({ add: 2, change: 1, remove: 1 });
    expect(plan.sites.map((s) => s.site)).toEqual(["dc1", "dc2"]);
    const leaf1 = plan.sites[0]!.devices.find((d) => d.device === "leaf1")!;
    expect(leaf1.changes.map((c) => [c.action, c.key])).toEqual([
      ["add", "vlan:130"],
      ["change", "port:p5"],
    ]);
    expect(leaf1.changes[1]!.fields).toEqual({ vlan: { old: 120, new: 130 } });
    expect(leaf1.script.join("\n")).toContain("add vlan 130");
    const old1 = plan.sites[1]!.devices[0]!;
    expect(old1.changes.map((c) => [c.action, c.key])).toEqual([["remove", "vlan:120"]]);
  });

  it("prints counts first, then sites, devices, objects and their lines; unchanged devices only on request", () => {
    const plan = buildPlan(
      run([
        step("update", "leaf1", view("leaf1", { "port:p5": p5a }), view("leaf1", { "port:p5": p5b }), ["objects"]),
        step("same", "spine1", view("spine1", { "vlan:120": vlan120 }), view("spine1", { "vlan:120": vlan120 })),
      ]),
      platformOf,
      changeSet,
    );
    const text = formatText(plan);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^stack lab: 1 device to touch .*objects: 0 to add, 1 to change, 0 to remove$/);
    expect(text).toContain("site dc1");
    expect(text).toContain("device leaf1 (ovs)");
    expect(text).toContain("~ port p5 access VLAN 130: vlan 120 -> 130");
    expect(text).toContain("        set port p5 tag=130");
    expect(text).not.toContain("spine1");
    expect(formatText(plan, { unchanged: true })).toContain("spine1");
    expect(formatText(plan, { lines: false })).not.toContain("set port p5 tag=130");
    expect(formatMarkdown(plan)).toContain("```diff");
    expect(JSON.parse(formatJson(plan)).counts.objects.change).toBe(1);
  });

  it("notes rotated credentials and a moved management address", () => {
    const plan = buildPlan(
      run([
        step("update", "leaf1", view("leaf1", { "vlan:120": vlan120 }), view("leaf1", { "vlan:120": vlan120 }), ["credentials"]),
        step("update", "leaf2", view("leaf2", { "vlan:120": vlan120 }), view("leaf2", { "vlan:120": vlan120 }, { target: { host: "10.0.0.9", port: 22, user: "u", hostKey: "ssh-ed25519 AAAA" } }), ["target"]),
      ]),
      platformOf,
      changeSet,
    );
    const [leaf1, leaf2] = plan.sites[0]!.devices;
    expect(leaf1!.changes).toEqual([]);
    expect(leaf1!.notes).toEqual(["credentials rotated (nothing sent)"]);
    expect(leaf2!.notes[0]).toMatch(/management address 10\.0\.0\.1:22 -> 10\.0\.0\.9:22/);
    // a device at a new address gets its whole configuration
    expect(leaf2!.changes.map((c) => c.action)).toEqual(["add"]);
  });

  it("lean state: the lines of each change are rendered from the intents, old and new, as the provider sends them", () => {
    const before = ovsIntent(120);
    const after = ovsIntent(130);
    const plan = buildPlan(run([step("update", "leaf1", leanView(before), leanView(after), ["objects"])]), platformOf, changeSet);
    const leaf1 = plan.sites[0]!.devices[0]!;
    expect(leaf1.changes.map((c) => [c.action, c.key, c.summary])).toEqual([["change", "port:p5", "port p5 access VLAN 130"]]);
    expect(leaf1.changes[0]!.fields).toEqual({ vlan: { old: 120, new: 130 } });
    expect(leaf1.changes[0]!.commands).toEqual(["set port p5 vlan_mode=access tag=130 external_ids:citydc=managed", "clear port p5 trunks"]);
    expect(leaf1.script).toEqual(["ovs-vsctl --timeout=10 -- set port p5 vlan_mode=access tag=130 external_ids:citydc=managed -- clear port p5 trunks"]);
    // a removed device's lines come from the intent in its state
    const gone = buildPlan(run([step("delete", "leaf1", leanView(before))]), platformOf, changeSet).sites[0]!.devices[0]!;
    expect(gone.changes.map((c) => [c.action, c.key, c.commands])).toEqual([
      ["remove", "port:p5", ["--if-exists del-port br0 p5"]],
      ["remove", "vlan:130", ["remove bridge br0 external_ids citydc-vlan-130"]],
      ["remove", "vlan:120", ["remove bridge br0 external_ids citydc-vlan-120"]],
    ]);
  });

  it("state written by an earlier citydc (objects with their lines) against the same objects, lean: an update that sends nothing, and says so", () => {
    const intent = ovsIntent(120);
    const plan = buildPlan(run([step("update", "leaf1", fullView(intent), leanView(intent), ["intent", "objects"])]), platformOf, changeSet);
    const leaf1 = plan.sites[0]!.devices[0]!;
    expect(leaf1.action).toBe("update");
    expect(leaf1.changes).toEqual([]);
    expect(leaf1.script).toEqual([]);
    expect(leaf1.notes).toEqual(["state written by an earlier citydc (each object with its lines): kept lean from now on, nothing is sent"]);
    // a real change from such a state: the old lines are the state's own
    const changed = buildPlan(run([step("update", "leaf1", fullView(intent), leanView(ovsIntent(130)), ["intent", "objects"])]), platformOf, changeSet);
    expect(changed.sites[0]!.devices[0]!.script).toEqual(["ovs-vsctl --timeout=10 -- set port p5 vlan_mode=access tag=130 external_ids:citydc=managed -- clear port p5 trunks"]);
    expect(changed.sites[0]!.devices[0]!.notes).toEqual([]);
  });

  it("lists sites in the stack's order (its outputs), then others by name", () => {
    const r = run([step("create", "b1", undefined, view("b1", {}, { site: "branch" })), step("create", "z1", undefined, view("z1", {}, { site: "zz-dc" })), step("create", "a1", undefined, view("a1", {}, { site: "a-other" }))]);
    const plan = buildPlan({ ...r, outputs: { sites: ["zz-dc", "branch"] } }, platformOf, changeSet);
    expect(plan.sites.map((s) => s.site)).toEqual(["zz-dc", "branch", "a-other"]);
  });

  it("keeps the management path on a device being cleared", () => {
    const mgmt = o("vlan", "VLAN 10 (management)", { id: 10 }, ["add vlan 10"]);
    const plan = buildPlan(run([step("delete", "leaf1", view("leaf1", { "vlan:10": mgmt, "vlan:120": vlan120 }, { management: { vlan: 10 } }))]), platformOf, changeSet);
    const d = plan.sites[0]!.devices[0]!;
    expect(d.error).toBeUndefined();
    expect(d.changes.map((c) => c.key)).toEqual(["vlan:120"]);
  });
});

describe("plan with refresh: repairs", () => {
  // what provider.read leaves for a drifted object: the facts found, no apply lines
  const p5drift = { ...p5a, summary: `${p5a.summary} (drifted)`, fields: { mode: "access", vlan: 999 }, apply: [] };

  it("an object changed on the device is shown as a repair with what was found and what will be set back", () => {
    const applied = view("leaf1", { "vlan:120": vlan120, "port:p5": p5a });
    const found = view("leaf1", { "port:p5": p5drift });
    const s = { ...step("update", "leaf1", found, applied, ["objects"]), applied };
    const plan = buildPlan(run([s]), platformOf, changeSet);
    const leaf1 = plan.sites[0]!.devices[0]!;
    expect(leaf1.changes.map((c) => [c.action, c.key, c.repair])).toEqual([
      ["add", "vlan:120", "missing on the device, will be put back"],
      ["change", "port:p5", "changed on the device: vlan 999 -> 120, will be set back"],
    ]);
    expect(plan.counts.repairs).toBe(2);
    const text = formatText(plan);
    expect(text).toContain("~ port p5 access VLAN 120: changed on the device: vlan 999 -> 120, will be set back");
    expect(text).toContain("+ VLAN 120 (video): missing on the device, will be put back");
    expect(text).toContain("(2 of them put back what was changed on the device)");
    expect(formatMarkdown(plan)).toContain("changed on the device: vlan 999 -> 120, will be set back");
  });

  it("an inventory change is not a repair, even with a refresh; without a refresh nothing is", () => {
    const applied = view("leaf1", { "port:p5": p5a });
    const s = { ...step("update", "leaf1", applied, view("leaf1", { "port:p5": p5b }), ["objects"]), applied };
    const plan = buildPlan(run([s]), platformOf, changeSet);
    expect(plan.sites[0]!.devices[0]!.changes.map((c) => c.repair)).toEqual([undefined]);
    expect(plan.counts.repairs).toBeUndefined();
    expect(formatText(plan)).toContain("~ port p5 access VLAN 130: vlan 120 -> 130");
    const noRefresh = buildPlan(run([step("update", "leaf1", view("leaf1", { "port:p5": p5drift }), applied, ["objects"])]), platformOf, changeSet);
    expect(noRefresh.sites[0]!.devices[0]!.changes[0]!.repair).toBeUndefined();
  });

  it("lists the backups and verifications that will run", () => {
    const r = run([step("update", "leaf1", view("leaf1", { "port:p5": p5a }), view("leaf1", { "port:p5": p5b }), ["objects"])]);
    const checks: NonNullable<StackRunResult["checks"]> = [
      { urn: "a", name: "leaf1:config-before", role: "before", device: "leaf1", op: "replace", done: false },
      { urn: "b", name: "leaf1:config-after", role: "after", device: "leaf1", op: "replace", done: false },
      { urn: "c", name: "spine1:config-before", role: "before", device: "spine1", op: "same", done: false },
      { urn: "d", name: "dc1:verify", role: "verify", site: "dc1", op: "replace", done: false },
    ];
    const plan = buildPlan({ ...r, checks }, platformOf, changeSet);
    expect(plan.checks).toEqual({ backups: ["leaf1"], verify: ["dc1"] });
    expect(formatText(plan)).toContain("checks: config backups before and after on leaf1; verification of site dc1 after its devices");
    expect(buildPlan(r, platformOf, changeSet).checks).toBeUndefined();
  });
});
