/**
 * `citydc demo` (what `npm run demo` runs) as a user runs it: the built CLI, twice. The first run starts
 * the lab, applies the stack, reads every object back and proves the data plane; the second finds
 * everything in sync (no device changed) and is green again. Runs on its own copy of inventory/lab.yaml
 * (devices e2m-*, ports 26xx) with its own lab keys, state backend and audit dir.
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
}

function demo(...extra: string[]): { code: number; json: DemoJson; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "citydc.js"), "demo", "--inventory", invFile, "--json", ...extra], {
    cwd: tmp,
    encoding: "utf8",
    timeout: 600_000,
    env: {
      ...process.env,
      CITYDC_BACKEND_URL: `file://${path.join(tmp, "state")}`,
      CITYDC_LAB_DIR: path.join(tmp, "lab"),
      CITYDC_AUDIT_DIR: path.join(tmp, "audit"),
    },
  });
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
  it("configures the lab, reads every object back and proves the data plane: green, exit 0", () => {
    const r = demo();
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.green).toBe(true);
    expect(r.json.devices).toBe(6);
    expect(r.json.objects).toBeGreaterThan(0);
    expect(r.json.objectsVerified).toBe(r.json.objects);
    expect(r.json.devicesChanged).toHaveLength(6);
    const kinds = new Set(r.json.checks.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["isolated", "routed", "same-vlan"]);
    expect(r.json.checks.filter((c) => !c.ok)).toEqual([]);
    // across racks and to the DR site
    expect(r.json.checks).toContainEqual({ kind: "same-vlan", from: "e2m-video1", to: "e2m-video3", ok: true });
  });

  it("a second run finds everything in sync: no device changes, still green", () => {
    const r = demo("--down");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.green).toBe(true);
    expect(r.json.devicesChanged).toEqual([]);
  });
});
