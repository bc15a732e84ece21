/**
 * The standard toolchain on the real lab: plain `pulumi up --stack lab` on the official Node.js language host,
 * the command resources around citydc's DeviceConfigs (a config backup before and after each changed device, a
 * verification per site), drift repair with `--refresh`, and recovery from a killed or interrupted run.
 *
 *   - plain `pulumi up` configures the lab; its output carries the verification of each site;
 *   - a port changed behind citydc's back makes the verification fail the next plain `pulumi up`, naming the
 *     device and the object; `citydc plan --refresh` shows the repair, `citydc up --refresh` puts it back;
 *   - the backups before and after a VLAN is added differ by exactly that VLAN;
 *   - two `citydc up` of the stack at once: the second is refused, exit 1;
 *   - SIGINT during an up: the engine finishes the device in flight, exit 130, the state is true;
 *   - kill -9 of the engine during an apply: the stack stays locked, `citydc up` names `citydc cancel`, which
 *     recovers it; `citydc up --refresh` then converges (read back and traffic).
 *
 * Its own copy of inventory/lab.yaml (devices e2r-*, ports 27xx, inventory e2e-checks), its own lab, backend,
 * checkout-shaped work dir and audit dir, all removed at the end. A slow apply is made by putting an
 * `ovs-vsctl` that sleeps before a configuration transaction first on one lab switch's PATH.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labDown, labUp, type LabInfo } from "../../lab/index";
import { readBackAll } from "../../lab/verify";
import { expectations, runChecks } from "../../lab/probe";
import { loadNetwork } from "../../pipeline/index";
import { loadInventory } from "../../model/load";
import type { Inventory } from "../../model/types";
import { LAB_PASSPHRASE, preparePulumiHome } from "../../pulumi/env";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "citydc.js");

function toolchain(): string | undefined {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}
const root = typeof process.getuid === "function" && process.getuid() === 0;
const bin = root ? toolchain() : undefined;
requirePrerequisite("the command resources on the lab", !root ? "needs root" : bin ? undefined : "no pulumi CLI (scripts/toolchain.sh)");
if (!root || !bin) console.warn(`SKIPPED test/e2e/checks-lab.test.ts: ${root ? "no pulumi CLI (scripts/toolchain.sh)" : "needs root (the lab)"}`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

let tmp: string;
let invFile: string;
let checkout: string;
let workDir: string;
let backend: string;
let info: LabInfo;
let doc: Doc;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    PULUMI_BACKEND_URL: backend,
    CITYDC_BACKEND_URL: backend,
    PULUMI_CONFIG_PASSPHRASE: LAB_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_HOME: path.join(tmp, "pulumi-home"),
    CITYDC_PULUMI_HOME: path.join(tmp, "pulumi-home"),
    CITYDC_AUDIT_DIR: path.join(tmp, "audit"),
    ...extra,
  };
}

/** Plain `pulumi` in the checkout-shaped directory (its Pulumi.yaml is the repo's, verbatim). */
function pulumi(...args: string[]) {
  return spawnSync(path.join(bin!, "pulumi"), [...args, "--non-interactive", "--color", "never"], { cwd: checkout, env: env(), encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

function citydc(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args, "--backend", backend, "--work-dir", workDir], { cwd: tmp, env: env(), encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

function citydcAudit(...args: string[]) {
  return spawnSync(process.execPath, [CLI, "audit", ...args], { cwd: tmp, env: env(), encoding: "utf8", timeout: 60_000 });
}

/** `citydc up` in the background (to interrupt it or race it). */
function citydcBackground(...args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args, "--backend", backend, "--work-dir", workDir], { cwd: tmp, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += String(d)));
  child.stderr!.on("data", (d) => (stderr += String(d)));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

function write(next: Doc): Inventory {
  doc = next;
  fs.writeFileSync(invFile, yaml.dump(doc, { lineWidth: 200 }));
  const r = loadInventory(invFile);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.inventory!;
}

const clone = (d: Doc): Doc => JSON.parse(JSON.stringify(d));
const device = (d: Doc, name: string): Doc => d.devices.find((x: Doc) => x.name === name);

function ovs(dev: string, ...args: string[]): string {
  return spawnSync("ovs-vsctl", args, { env: { ...process.env, OVS_RUNDIR: `/run/citydc-lab/${dev}` }, encoding: "utf8" }).stdout.trim();
}

/** Every object of the inventory on its device, and the inventory's traffic expectations on the wire. */
async function expectConverged(inv: Inventory): Promise<void> {
  const net = loadNetwork(invFile);
  const rb = await readBackAll(info, net.objects);
  expect(rb.flatMap((r) => r.problems.map((p) => `${r.device}: ${p}`))).toEqual([]);
  expect(runChecks(expectations(inv)).filter((r) => !r.ok).map((r) => `${r.kind} ${r.from.name} -> ${r.to.name}`)).toEqual([]);
}

/** One lab switch applies its configuration slowly: an ovs-vsctl first on its sessions' PATH sleeps before a transaction. */
function slowApplies(dev: string, seconds: string): () => void {
  const file = `/run/citydc-lab/${dev}/bin/ovs-vsctl`;
  fs.writeFileSync(file, `#!/bin/sh\ncase "$*" in *--timeout=10*) sleep ${seconds} ;; esac\nexec /usr/bin/ovs-vsctl "$@"\n`, { mode: 0o755 });
  return () => fs.rmSync(file, { force: true });
}

/** Resolves once a process whose command line holds `marker` runs (the slow apply has started). */
async function waitForProcess(marker: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (spawnSync("pgrep", ["-f", marker]).status === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no process '${marker}' within ${ms} ms`);
}

/** The pulumi engine a citydc process started (0: none yet). */
function enginePid(citydcPid: number, verb?: string): number {
  const r = spawnSync("pgrep", ["-P", String(citydcPid), "-x", "pulumi"], { encoding: "utf8" });
  for (const line of r.stdout.trim().split("\n").filter(Boolean)) {
    const pid = Number(line);
    const args = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0") : [];
    if (!verb || args[1] === verb) return pid;
  }
  return 0;
}

const lockDir = () => path.join(backend.slice("file://".length), ".pulumi", "locks", "organization", "citydc", "lab");
const locked = () => fs.existsSync(lockDir()) && fs.readdirSync(lockDir()).some((f) => f.endsWith(".json"));

/** Adds an access port in VLAN 120 to a device (a change of that one device). */
function withPort(d: Doc, dev: string, port: string): Doc {
  const next = clone(d);
  device(next, dev).interfaces.push({ name: port, mode: "access", vlan: 120, description: `spare ${port}` });
  return next;
}

beforeAll(async () => {
  if (!root || !bin) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-checks-"));
  invFile = path.join(tmp, "inventory.yaml");
  backend = `file://${path.join(tmp, "state")}`;
  fs.mkdirSync(path.join(tmp, "state"));
  const text = fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")
    .replace(/\blab-/g, "e2r-")
    .replace(/^name: lab$/m, "name: e2e-checks")
    .replace(/port: 22(\d\d)/g, "port: 27$1");
  const inv = write(yaml.load(text));
  labDown(inv); // a clean slate, whatever an interrupted run left
  info = labUp(inv, { dir: path.join(tmp, "lab") }).info;
  const stackFile = [
    "config:",
    `  citydc:inventory: ${invFile}`,
    `  citydc:hostKeysFile: ${path.join(info.dir, "hostkeys.json")}`,
    `  citydc:sshKeyFile: ${info.keyFile}`,
    "  citydc:dataPlaneChecks: true",
    "",
  ].join("\n");
  // A checkout-shaped directory for plain pulumi: the repo's Pulumi.yaml as it is, its code by symlinks.
  checkout = path.join(tmp, "checkout");
  fs.mkdirSync(path.join(checkout, "stacks"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(checkout, "Pulumi.yaml"));
  for (const x of ["package.json", "bin", "dist", "provider", "node_modules"]) fs.symlinkSync(path.join(ROOT, x), path.join(checkout, x));
  fs.writeFileSync(path.join(checkout, "stacks", "Pulumi.lab.yaml"), stackFile);
  // citydc's own runs of the same stack: a work dir with the same stack file (citydc writes its Pulumi.yaml)
  workDir = path.join(tmp, "work");
  fs.mkdirSync(path.join(workDir, "stacks"), { recursive: true });
  // This file's own Pulumi home, set up as every citydc run sets one up (scripts/toolchain.sh does it for yours).
  await preparePulumiHome(path.join(tmp, "pulumi-home"), path.join(bin, "pulumi"));
});

/** Plugin processes of a killed engine (this file's own), ended at the end. */
const orphans: number[] = [];

afterAll(() => {
  for (const pid of orphans) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      /* gone already */
    }
  }
  if (!tmp) return;
  for (const d of ["e2r-dc1-leaf2"]) fs.rmSync(`/run/citydc-lab/${d}/bin/ovs-vsctl`, { force: true });
  const r = loadInventory(invFile);
  if (r.inventory) labDown(r.inventory);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!root || !bin)("the command resources, drift repair and recovery on the lab", () => {
  let inv: Inventory;

  it("plain `pulumi up --stack lab` on the official language host configures the lab and verifies each site", async () => {
    inv = loadInventory(invFile).inventory!;
    const init = pulumi("stack", "init", "lab");
    expect(init.status, init.stderr).toBe(0);
    // citydc's runs of this stack use the same stack file (with the salt the init wrote)
    fs.copyFileSync(path.join(checkout, "stacks", "Pulumi.lab.yaml"), path.join(workDir, "stacks", "Pulumi.lab.yaml"));
    const r = pulumi("up", "--stack", "lab", "--yes");
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    for (const d of inv.devices) {
      expect(r.stdout).toMatch(new RegExp(`\\+\\s+citydc:device:DeviceConfig\\s+${d.name}\\s+created`));
      expect(r.stdout).toMatch(new RegExp(`\\+\\s+command:remote:Command\\s+${d.name}:config-before\\s+created`));
      expect(r.stdout).toMatch(new RegExp(`\\+\\s+command:remote:Command\\s+${d.name}:config-after\\s+created`));
    }
    for (const site of ["e2r-dc1", "e2r-dc2"]) {
      expect(r.stdout).toMatch(new RegExp(`\\+\\s+command:local:Command\\s+${site}:verify\\s+created .*verified: site ${site} does what the inventory says`));
    }
    expect(r.stdout).toMatch(/data plane: same-vlan \d+\/\d+, routed \d+\/\d+, isolated \d+\/\d+/);
    await expectConverged(inv);
    // the backups are in the state as secrets: none of what the devices printed is there in the clear
    const state = fs.readFileSync(path.join(tmp, "state", ".pulumi", "stacks", "citydc", "lab.json"), "utf8");
    expect(state).not.toContain("headings"); // ovs-vsctl's JSON
    expect(state).not.toContain("Building configuration"); // FRR's show running-config
    expect(state).toMatch(/config-after[\s\S]*"stdout":\s*\{\s*"4dabf18193072939515e22adb298388d"/);
    expect(state).not.toContain("PRIVATE KEY");
    // the same commands by hand: a router's running configuration, and a site verified
    const byHand = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, "--inventory", invFile, "--hostkeys", path.join(info.dir, "hostkeys.json")], { cwd: tmp, env: env({ CITYDC_SSH_KEY_FILE: info.keyFile }), encoding: "utf8", timeout: 120_000 });
    const backup = byHand("backup", "--device", "e2r-dc1-border1");
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^!\nfrr version [\d.]+\n/);
    expect(backup.stdout).toContain("hostname e2r-dc1-border1");
    const verify = byHand("verify", "--site", "e2r-dc2", "--format", "json");
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ schema: "citydc.verify/v1", ok: true, sites: [{ site: "e2r-dc2", ok: true, problems: [] }] });
    // a second plain up contacts nothing and changes nothing
    const again = pulumi("up", "--stack", "lab", "--yes");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\d+ unchanged/);
    expect(again.stdout).not.toMatch(/\b(created|updated|replaced)\b/);
  });

  it("a port changed behind citydc's back fails the next plain `pulumi up` in the verification, naming device and object", () => {
    ovs("e2r-dc1-leaf2", "set", "port", "p5", "tag=999");
    inv = write(withPort(doc, "e2r-dc1-leaf1", "p9")); // a change elsewhere in the site: its verification runs
    const r = pulumi("up", "--stack", "lab", "--yes");
    expect(r.status).not.toBe(0);
    const out = `${r.stdout}\n${r.stderr}`;
    expect(out).toMatch(/e2r-dc1:verify/);
    expect(out).toContain("e2r-dc1-leaf2 port:p5 (port p5 access VLAN 120): vlan found 999, intended 120");
    expect(out).toMatch(/FAILED: site e2r-dc1: \d+ problem/);
    // the change itself was applied: the verification reads the network, it does not undo
    expect(ovs("e2r-dc1-leaf1", "get", "port", "p9", "tag")).toBe("120");
  });

  it("citydc plan --refresh shows the repair, citydc up --refresh puts it back and the verification passes", async () => {
    const plan = citydc("plan", "--stack", "lab", "--refresh");
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("~ port p5 access VLAN 120: changed on the device: vlan 999 -> 120, will be set back");
    expect(plan.stdout).toMatch(/checks: config backups before and after on e2r-dc1-leaf2; verification of site/);
    const up = citydc("up", "--stack", "lab", "--refresh", "--yes");
    expect(up.status, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(up.stdout).toContain("verified: site e2r-dc1 does what the inventory says");
    expect(ovs("e2r-dc1-leaf2", "get", "port", "p5", "tag")).toBe("120");
    await expectConverged(inv);
    // the repair's backups show the hand-made change going away
    const id = /run record (\S+)/.exec(up.stderr)![1]!;
    const diff = citydcAudit("diff-config", id, "e2r-dc1-leaf2");
    expect(diff.status).toBe(1);
    expect(diff.stdout.split("\n").filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      "-port p5 vlan_mode=access tag=999 external_ids:citydc=managed",
      "+port p5 vlan_mode=access tag=120 external_ids:citydc=managed",
    ]);
  });

  it("the backups before and after a VLAN is added differ by exactly that VLAN; only the changed device is backed up", () => {
    const next = clone(doc);
    next.vlans.push({ id: 150, name: "e2r-new", tenant: "city", purpose: "server", sites: ["e2r-dc1"], subnet: "10.30.150.0/24" });
    device(next, "e2r-dc1-leaf1").interfaces.push({ name: "p10", mode: "access", vlan: 150, description: "e2r-new1" });
    inv = write(next);
    const up = citydc("up", "--stack", "lab", "--yes", "--format", "json");
    expect(up.status, `${up.stdout}\n${up.stderr}`).toBe(0);
    const id = /run record (\S+)/.exec(up.stderr)![1]!;
    const record = JSON.parse(citydcAudit("show", id, "--format", "json").stdout) as { devices: { device: string; config?: unknown }[] };
    expect(record.devices.filter((d) => d.config).map((d) => d.device)).toEqual(["e2r-dc1-leaf1"]);
    const diff = citydcAudit("diff-config", id, "e2r-dc1-leaf1");
    expect(diff.status).toBe(1);
    const changed = diff.stdout.split("\n").filter((l) => /^[-+][^-+]/.test(l));
    expect(changed).toEqual(["+vlan 150 e2r-new (bridge br0)", "+port p10 vlan_mode=access tag=150 external_ids:citydc=managed"]);
    const before = citydcAudit("show", id, "--config", "e2r-dc1-leaf1", "--before");
    const after = citydcAudit("show", id, "--config", "e2r-dc1-leaf1");
    expect(after.stdout.split("\n").filter((l) => !before.stdout.split("\n").includes(l)).every((l) => l.includes("150"))).toBe(true);
  });

  it("two citydc up of the stack at once: the second is refused with a clear message, exit 1", async () => {
    const fast = slowApplies("e2r-dc1-leaf2", "6.5");
    try {
      inv = write(withPort(doc, "e2r-dc1-leaf2", "p11"));
      const first = citydcBackground("up", "--stack", "lab", "--yes");
      await waitForProcess("sleep 6.5");
      expect(locked()).toBe(true);
      const second = citydc("up", "--stack", "lab", "--yes");
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/citydc up: stack lab is locked by another run: pulumi pid \d+ of \S+ since \S+ \(still running\)\. Wait for it to finish; if no run is going on .* `citydc cancel --stack lab`/);
      const r = await first.done;
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(locked()).toBe(false);
    } finally {
      fast();
    }
  });

  it("SIGINT during an up: the device in flight finishes, nothing new starts, exit 130, the state is true; the next up finishes", async () => {
    const slow = slowApplies("e2r-dc1-leaf2", "6.6");
    let r: { code: number | null; stdout: string; stderr: string };
    try {
      inv = write(withPort(withPort(doc, "e2r-dc1-leaf2", "p12"), "e2r-dc2-leaf1", "p12"));
      const run = citydcBackground("up", "--stack", "lab", "--yes");
      await waitForProcess("sleep 6.6");
      run.child.kill("SIGINT");
      r = await run.done;
    } finally {
      slow();
    }
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(130);
    expect(r.stderr).toContain("SIGINT received: stopping the engine cleanly");
    expect(r.stderr).toMatch(/citydc up: interrupted: the engine stopped stack lab cleanly and wrote its state\.\n {2}applied: {5}.*e2r-dc1-leaf2/);
    expect(locked()).toBe(false);
    // the device in flight holds its change; what the engine did not start, the next up applies
    expect(ovs("e2r-dc1-leaf2", "get", "port", "p12", "tag")).toBe("120");
    const up = citydc("up", "--stack", "lab", "--yes");
    expect(up.status, `${up.stdout}\n${up.stderr}`).toBe(0);
    await expectConverged(inv);
  });

  it("kill -9 of the engine during an apply: up names citydc cancel, which recovers; up --refresh converges", async () => {
    const slow = slowApplies("e2r-dc1-leaf2", "6.7");
    let r: { code: number | null; stdout: string; stderr: string };
    try {
      inv = write(withPort(doc, "e2r-dc1-leaf2", "p13"));
      const run = citydcBackground("up", "--stack", "lab", "--yes");
      await waitForProcess("sleep 6.7");
      const engine = enginePid(run.child.pid!, "up");
      expect(engine).toBeGreaterThan(0);
      // the resource plugins it started outlive it (each in a process group of its own): this test ends them after
      orphans.push(...spawnSync("pgrep", ["-P", String(engine)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).map(Number));
      process.kill(engine, "SIGKILL");
      r = await run.done;
    } finally {
      slow();
    }
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the engine (pulumi) was killed (SIGKILL)");
    expect(r.stderr).toContain("`citydc cancel --stack lab`");
    expect(locked()).toBe(true);
    // every later run is refused, and told the one command that frees the stack
    const refused = citydc("up", "--stack", "lab", "--yes");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/no longer running: a run that was killed\)\. That run is gone: release the lock with `citydc cancel --stack lab`/);
    const cancel = citydc("cancel", "--stack", "lab");
    expect(cancel.status, `${cancel.stdout}\n${cancel.stderr}`).toBe(0);
    expect(cancel.stdout).toContain("stack lab: lock released");
    expect(cancel.stdout).toMatch(/updating +device e2r-dc1-leaf2: its change may be half done/);
    expect(cancel.stdout).toContain("devices that may be half done: e2r-dc1-leaf2");
    expect(cancel.stdout).toContain("read back from the devices (the state now says what they hold): e2r-dc1-leaf2");
    expect(locked()).toBe(false);
    const up = citydc("up", "--stack", "lab", "--refresh", "--yes");
    expect(up.status, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(up.stdout).toContain("verified: site e2r-dc1 does what the inventory says");
    await expectConverged(inv);
    const plan = citydc("plan", "--stack", "lab");
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^stack lab: 0 devices to touch/);
    expect(plan.stdout).not.toContain("checks:");
  });

  it("an interrupt during a plan says so and exits 130", async () => {
    const run = spawn(process.execPath, [CLI, "plan", "--stack", "lab", "--backend", backend, "--work-dir", workDir], { cwd: tmp, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    run.stderr!.on("data", (d) => (stderr += String(d)));
    const done = new Promise<number | null>((resolve) => run.on("close", resolve));
    for (let i = 0; i < 600 && enginePid(run.pid!, "preview") === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(enginePid(run.pid!, "preview")).toBeGreaterThan(0);
    run.kill("SIGINT");
    expect(await done).toBe(130);
    expect(stderr).toContain("citydc plan: interrupted: the preview of stack lab stopped; a plan changes no device, nothing was applied");
  });
});
