/**
 * `citydc demo` (what `npm run demo` runs) as a user runs it: the built CLI, twice. The first run starts
 * the lab, applies the stack, reads every object back and proves the data plane; the second finds
 * everything in sync (no device changed) and is green again. The first run's up carries the verification
 * resources (one per site, in the Pulumi output) and the config backups (before and after each device, in the
 * run record). Runs on its own copy of inventory/lab.yaml (devices e2m-*, ports 26xx) with its own lab keys,
 * state backend and audit dir.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { labDown } from "../../lab/index";
import { loadInventory } from "../../model/load";

const ROOT = path.resolve(__dirname, "../..");
let tmp: string;
let invFile: string;

interface DemoJson {
  green: boolean;
  devices: number;
  objects: number;
  objectsVerified: number;
  checks: { kind: string; from: string; to: string; ok: boolean }[];
  devicesChanged: string[];
  verifications: { site: string; ok: boolean }[];
  backups: { device: string; before: boolean; after: boolean }[];
  runRecord: string | null;
}

const env = () => ({
  ...process.env,
  CITYDC_BACKEND_URL: `file://${path.join(tmp, "state")}`,
  CITYDC_LAB_DIR: path.join(tmp, "lab"),
  CITYDC_AUDIT_DIR: path.join(tmp, "audit"),
});

function citydc(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "bin", "citydc.js"), ...args], { cwd: tmp, encoding: "utf8", timeout: 600_000, env: env() });
}

function demo(...extra: string[]): { code: number; json: DemoJson; stderr: string } {
  const r = citydc("demo", "--inventory", invFile, "--json", ...extra);
  let json: DemoJson;
  try {
    json = JSON.parse(r.stdout) as DemoJson;
  } catch {
    throw new Error(`citydc demo printed no JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.status ?? -1, json, stderr: r.stderr };
}

function inventory() {
  return loadInventory(invFile).inventory!;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-demo-"));
  invFile = path.join(tmp, "lab-demo.yaml");
  const text = fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")
    .replace(/\blab-/g, "e2m-")
    .replace(/^name: lab$/m, "name: e2e-demo")
    .replace(/port: 22(\d\d)/g, "port: 26$1");
  fs.writeFileSync(invFile, text);
  labDown(inventory()); // a clean slate, whatever an interrupted run left
});

afterAll(() => {
  labDown(inventory());
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("citydc demo", () => {
  it("configures the lab, verifies each site in the up, backs every device up, reads every object back and proves the data plane: green, exit 0", () => {
    const r = citydc("demo", "--inventory", invFile);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/citydc demo: GREEN: 6 devices, \d+ config objects pushed and read back, \d+ data-plane checks/);
    expect(r.stdout).toMatch(/devices configured: (e2m-\S+, ){5}e2m-\S+\n/);
    // the verification resources as the Pulumi engine printed them, one per site, and what they found
    expect(r.stdout).toMatch(/pulumi: \+ +command:local:Command e2m-dc1:verify created/);
    expect(r.stdout).toMatch(/pulumi: \+ +command:local:Command e2m-dc2:verify created/);
    expect(r.stdout).toMatch(/verify e2m-dc1: 4 device\(s\), \d+ config object\(s\) read back, \d+ data-plane check\(s\): ok/);
    expect(r.stdout).toContain("config backups: before and after on 6 device(s), kept in the run record");
    // the backups are in the run record
    const id = /run record (\S+) \(citydc audit show/.exec(r.stdout)![1]!;
    const record = JSON.parse(citydc("audit", "show", id, "--format", "json").stdout) as { devices: { device: string; config?: { before: string | null; after: string | null } }[]; postChecks: { name: string; ok: boolean }[] };
    expect(record.devices.filter((d) => d.config?.before !== null && d.config?.after).map((d) => d.device).sort()).toEqual(inventory().devices.map((d) => d.name).sort());
    expect(record.postChecks.filter((c) => c.name.startsWith("verify "))).toEqual([
      expect.objectContaining({ name: "verify e2m-dc1", ok: true }),
      expect.objectContaining({ name: "verify e2m-dc2", ok: true }),
    ]);
    const shown = citydc("audit", "show", id, "--config", "e2m-dc1-leaf1");
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^bridge br0 /);
    expect(shown.stdout).toContain("port p5 vlan_mode=access tag=120");
    // before: the fresh switch held none of it
    const before = citydc("audit", "show", id, "--config", "e2m-dc1-leaf1", "--before");
    expect(before.status).toBe(0);
    expect(before.stdout).not.toContain("port p5");
    expect(citydc("audit", "diff-config", id, "e2m-dc1-leaf1").status).toBe(1);
  });

  it("a second run finds everything in sync: no device changes, nothing to verify or back up again, still green", () => {
    const r = demo("--down");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.green).toBe(true);
    expect(r.json.devices).toBe(6);
    expect(r.json.objects).toBeGreaterThan(0);
    expect(r.json.objectsVerified).toBe(r.json.objects);
    expect(r.json.devicesChanged).toEqual([]);
    expect(r.json.verifications).toEqual([]);
    expect(r.json.backups).toEqual([]);
    const kinds = new Set(r.json.checks.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["isolated", "routed", "same-vlan"]);
    expect(r.json.checks.filter((c) => !c.ok)).toEqual([]);
    // across racks and to the DR site
    expect(r.json.checks).toContainEqual({ kind: "same-vlan", from: "e2m-video1", to: "e2m-video3", ok: true });
  });
});
