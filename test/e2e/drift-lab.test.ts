/**
 * The auditor's third question on a real network: does the running lab still match the inventory?
 *
 * The file runs its own copy of inventory/lab.yaml (devices renamed e2d-*, SSH ports 25xx, inventory name
 * e2e-drift) with its own lab, Pulumi state backend and work dir, and removes them at the end:
 *   1. `pulumi up` (real engine, Automation API) configures the lab; its run record is written and read back;
 *   2. `citydc drift` (the built CLI, real SSH) finds every device in sync: exit 0;
 *   3. behind the tool's back, with ovs-vsctl on the switches: a port's VLAN changed, a VLAN removed, an
 *      extra managed port added: drift names exactly those objects, field by field: exit 1;
 *   4. one device's sshd stopped: it is reported unreachable and the others are still checked;
 *   5. `pulumi refresh` + `up` repair the devices; drift is clean again: exit 0.
 * Needs root and the lab packages (openvswitch-switch, frr, openssh-server), like the other lab tests.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { labUp, labDown, labStopSshd, planLab, sshAnswers, type LabInfo } from "../../lab/index";
import { ovsEnv } from "../../lab/devices";
import { refreshStack, upStack, previewStack, type StackOptions } from "../../pulumi/stacks";
import type { Inventory } from "../../model/types";
import { loadInventory } from "../../model/load";
import { readRunRecords, recordRun } from "../../audit/records";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "citydc.js");
const STACK = "lab";

let tmp: string;
let invFile: string;
let inv: Inventory;
let info: LabInfo;
let opts: StackOptions;

interface DriftJson {
  schema: string;
  exitCode: number;
  counts: { devices: number; inSync: number; drift: number; unreachable: number; missing: number; different: number; extra: number };
  devices: {
    device: string; status: string; errorKind: string | null; checked: number;
    drift: { status: string; key: string; fields: { field: string; intended: unknown; found: unknown }[] }[];
  }[];
}

/** `citydc drift` as an auditor runs it: the built CLI, the lab's key and host keys. */
function drift(...extra: string[]): { code: number; json: DriftJson; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, "drift", "--inventory", invFile, "--hostkeys", path.join(info.dir, "hostkeys.json"), "--format", "json", "--timeout", "20", ...extra], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, CITYDC_SSH_KEY_FILE: info.keyFile, CITYDC_SSH_PASSWORD: "" },
    timeout: 300_000,
  });
  let json: DriftJson;
  try {
    json = JSON.parse(r.stdout) as DriftJson;
  } catch {
    throw new Error(`citydc drift printed no JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.status ?? -1, json, stderr: r.stderr };
}

/** ovs-vsctl on one lab switch, in its namespace and with its own ovsdb. */
function ovs(device: string, ...args: string[]): void {
  const d = planLab(inv).devices.find((x) => x.name === device)!;
  execFileSync("ip", ["netns", "exec", d.namespace, "ovs-vsctl", "--timeout=10", ...args], { env: ovsEnv(d), stdio: "pipe" });
}

const problems = (j: DriftJson) =>
  j.devices.flatMap((d) => d.drift.map((o) => `${d.device} ${o.status} ${o.key}`)).sort();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-drift-"));
  invFile = path.join(tmp, "inventory.yaml");
  const text = fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")
    .replace(/\blab-/g, "e2d-")
    .replace(/^name: lab$/m, "name: e2e-drift")
    .replace(/port: 22(\d\d)/g, "port: 25$1");
  fs.writeFileSync(invFile, text);
  const r = loadInventory(invFile);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  inv = r.inventory!;
  info = labUp(inv, { dir: path.join(tmp, "lab") }).info;
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "commands", "drift.js"))) {
    execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: ROOT, stdio: "ignore" });
  }
  opts = {
    root: ROOT,
    workDir: path.join(tmp, "work"),
    backendUrl: `file://${path.join(tmp, "state")}`,
    settings: {
      inventory: invFile,
      sites: [],
      hostKeysFile: path.join(info.dir, "hostkeys.json"),
      credentials: { privateKey: fs.readFileSync(info.keyFile, "utf8") },
    },
  };
});

afterAll(() => {
  if (inv) labDown(inv);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("drift against the lab", () => {
  it("before anything is pushed every object is missing: exit 1", () => {
    const r = drift("--device", "e2d-dc1-leaf2");
    expect(r.code).toBe(1);
    expect(r.json.schema).toBe("citydc.drift/v1");
    const leaf = r.json.devices[0]!;
    expect(leaf.status).toBe("drift");
    expect(leaf.drift.length).toBe(leaf.checked);
    expect(leaf.drift.every((o) => o.status === "missing")).toBe(true);
  });

  it("after pulumi up every device is in sync: exit 0; the run is recorded", async () => {
    const preview = await previewStack(STACK, opts);
    expect(preview.ok, preview.error).toBe(true);
    const up = await upStack(STACK, opts);
    expect(up.ok, `${up.error} ${JSON.stringify(up.failures)}`).toBe(true);
    const rec = recordRun({ stack: STACK, result: up, preview, inventoryFile: invFile, root: ROOT, auditDir: path.join(tmp, "audit"), postChecks: [] });
    expect(rec).toBeDefined();
    const { records } = readRunRecords([path.join(tmp, "audit")]);
    expect(records.map((x) => x.record.id)).toEqual([rec!.record.id]);
    const stored = records[0]!.record;
    expect(stored.outcome).toBe("succeeded");
    expect(stored.devices.filter((d) => d.outcome === "applied").map((d) => d.device).sort()).toEqual(inv.devices.map((d) => d.name).sort());
    expect(stored.devices.every((d) => d.sent.length > 0)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain("PRIVATE KEY");

    const r = drift();
    expect(r.code, JSON.stringify(r.json.devices.filter((d) => d.status !== "in-sync"))).toBe(0);
    expect(r.json.counts).toMatchObject({ devices: inv.devices.length, inSync: inv.devices.length, drift: 0, unreachable: 0 });
  });

  it("changes made by hand with ovs-vsctl are found, field by field: exit 1", () => {
    ovs("e2d-dc1-leaf1", "set", "port", "p5", "tag=130"); // port moved from VLAN 120 to 130 behind the tool's back
    ovs("e2d-dc2-leaf1", "remove", "bridge", "br0", "external_ids", "citydc-vlan-140"); // VLAN 140 removed
    ovs("e2d-dc1-leaf2", "add-port", "br0", "e2dx9", "--", "set", "interface", "e2dx9", "type=internal", "--", "set", "port", "e2dx9", "tag=120", "external_ids:citydc=managed");
    const r = drift();
    expect(r.code).toBe(1);
    expect(problems(r.json)).toEqual([
      "e2d-dc1-leaf1 different port:p5",
      "e2d-dc1-leaf2 extra port:e2dx9",
      "e2d-dc2-leaf1 missing vlan:140",
    ]);
    const p5 = r.json.devices.find((d) => d.device === "e2d-dc1-leaf1")!.drift[0]!;
    expect(p5.fields).toEqual([{ field: "vlan", intended: 120, found: 130 }]);
    expect(r.json.counts).toMatchObject({ drift: 3, missing: 1, different: 1, extra: 1, unreachable: 0 });
  });

  it("an unreachable device is reported and the others are still checked", () => {
    labStopSshd(inv, "e2d-dc1-spine1");
    const r = drift();
    expect(r.code).toBe(1); // drift found elsewhere wins
    const spine = r.json.devices.find((d) => d.device === "e2d-dc1-spine1")!;
    expect(spine.status).toBe("unreachable");
    expect(r.json.devices.filter((d) => d.status === "drift").map((d) => d.device).sort()).toEqual(["e2d-dc1-leaf1", "e2d-dc1-leaf2", "e2d-dc2-leaf1"]);
    const only = drift("--device", "e2d-dc1-spine1", "--device", "e2d-dc1-border1");
    expect(only.code).toBe(2); // no drift, one device not checked
    expect(only.json.counts).toMatchObject({ devices: 2, inSync: 1, unreachable: 1 });
    labUp(inv, { dir: path.join(tmp, "lab") }); // restarts the sshd
  });

  it("pulumi refresh + up repair the devices; drift is clean again: exit 0", async () => {
    const spine = info.devices.find((d) => d.name === "e2d-dc1-spine1")!;
    for (let i = 0; i < 50 && !(await sshAnswers(spine.host, spine.port)); i++) await new Promise((r) => setTimeout(r, 200));
    ovs("e2d-dc1-leaf2", "del-port", "br0", "e2dx9"); // not citydc's to remove: the extra port is an operator's leftover
    const refresh = await refreshStack(STACK, opts);
    expect(refresh.ok, refresh.error).toBe(true);
    const up = await upStack(STACK, opts);
    expect(up.ok, `${up.error} ${JSON.stringify(up.failures)}`).toBe(true);
    const r = drift();
    expect(r.code, JSON.stringify(problems(r.json))).toBe(0);
    expect(r.json.counts.inSync).toBe(inv.devices.length);
  });
});
