/**
 * Lean state migrates without touching a device: the lab stack is applied by citydc as it was before the lean
 * state (commit BEFORE, built from git history into a temp dir: each DeviceConfig kept every object's apply,
 * remove and read-back lines, and a Link, Lag and Vlan component stood for each link, LAG and VLAN), then this
 * citydc previews and ups the same stack on the same backend. Its preview changes no device (each DeviceConfig
 * is an update that sends nothing); its `up` sends no device a command, not even a read (the config backups'
 * triggers are the same digests as before), and leaves the checkpoint lean: no apply, remove or read-back text,
 * the intent once per device; the components that only recorded facts are gone, nothing else is.
 * Real engine, real provider, real SSH (a recording sshd plays the devices). Needs root, sshd and git history.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewStack, upStack, type StackOptions } from "../../pulumi/stacks";
import { buildPlan } from "../../pulumi/planReport";
import { changeSet, findPlatform } from "../../platforms/index";
import { canRunSshd, startRecordingSshd, type RecordingSshd } from "./helpers/recordingSshd";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");
/** The last commit before the lean state. */
const BEFORE = "34bb873";
/** The lab inventory's devices, as the earlier citydc had them. */
const DEVICES = ["lab-dc1-border1", "lab-dc1-leaf1", "lab-dc1-leaf2", "lab-dc1-spine1", "lab-dc2-border1", "lab-dc2-leaf1"];

function toolchain(): string | undefined {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}

const hasHistory = spawnSync("git", ["cat-file", "-e", `${BEFORE}^{commit}`], { cwd: ROOT }).status === 0;
const why = canRunSshd() ?? (hasHistory ? undefined : `git history without commit ${BEFORE} (a shallow clone?)`);
const bin = why ? undefined : toolchain();
requirePrerequisite("state written before the lean state", canRunSshd() ?? (hasHistory && !bin ? "no pulumi CLI (scripts/toolchain.sh)" : undefined));
if (why || !bin) console.warn(`SKIPPED test/e2e/lean-state.test.ts: ${why ?? "no pulumi CLI (scripts/toolchain.sh)"}`);
else process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-lean-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface CheckpointResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The stack's checkpoint on the file backend, as the engine wrote it. */
function checkpoint(stateDir: string): CheckpointResource[] {
  const file = path.join(stateDir, ".pulumi", "stacks", "citydc", "lab.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { checkpoint: { latest: { resources: CheckpointResource[] } } };
  return doc.checkpoint.latest.resources;
}

const devicesIn = (rs: CheckpointResource[]) => rs.filter((r) => r.type === "citydc:device:DeviceConfig");
const hasText = (objects: unknown) => /"(apply|remove|readBack)":/.test(JSON.stringify(objects ?? {}));

describe.skipIf(!!why || !bin)("state written before the lean state, updated by this citydc", () => {
  let sshd: RecordingSshd;
  const before = path.join(tmp, "before");
  const inventory = path.join(tmp, "lab.yaml");
  const hostKeys = path.join(tmp, "known_hosts");
  const keyFile = path.join(tmp, "client_key");
  const stateDir = path.join(tmp, "state");
  const backendUrl = `file://${stateDir}`;
  // The recording devices answer a read-back with nothing, which a verification would (rightly) call every object
  // missing: both citydcs run without it; the config backups stay on (their triggers must not move).
  const opts = (workDir: string): StackOptions => ({
    backendUrl,
    workDir: path.join(tmp, workDir),
    passphrase: "lean-passphrase",
    settings: { inventory, hostKeysFile: hostKeys, credentials: { privateKey: fs.readFileSync(keyFile, "utf8") }, verify: false },
  });

  beforeAll(async () => {
    fs.mkdirSync(before);
    const archive = spawnSync("sh", ["-c", `git archive ${BEFORE} | tar -x -C "${before}"`], { cwd: ROOT, encoding: "utf8" });
    if (archive.status !== 0) throw new Error(`git archive ${BEFORE}: ${archive.stderr}`);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(before, "node_modules"));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(before, "tsconfig.json")], { encoding: "utf8" });
    if (tsc.status !== 0) throw new Error(`building citydc ${BEFORE}: ${tsc.stdout}${tsc.stderr}`);

    const inv = yaml.load(fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")) as { devices: { name: string; management: { port: number; user: string } }[] };
    const base = 30000 + Math.floor(Math.random() * 2000);
    inv.devices.forEach((d, i) => {
      d.management.port = base + i;
      d.management.user = "root";
    });
    fs.writeFileSync(inventory, yaml.dump(inv));
    const ports = inv.devices.map((d) => d.management.port);
    sshd = await startRecordingSshd(path.join(tmp, "sshd"), ports);
    fs.writeFileSync(hostKeys, ports.map((p) => `[127.0.0.1]:${p} ${sshd.hostKey}`).join("\n") + "\n");
    fs.writeFileSync(keyFile, sshd.clientKey, { mode: 0o600 });
  }, 300_000);
  afterAll(async () => {
    await sshd?.stop();
  });

  it("the citydc before the lean state applies the lab stack: every object's lines in state, a component per link, LAG and VLAN", () => {
    const script = `
      const { upStack } = require(${JSON.stringify(path.join(before, "dist/pulumi/stacks.js"))});
      const fs = require("fs");
      upStack("lab", {
        backendUrl: ${JSON.stringify(backendUrl)},
        workDir: ${JSON.stringify(path.join(tmp, "wd-before"))},
        passphrase: "lean-passphrase",
        settings: { inventory: ${JSON.stringify(inventory)}, hostKeysFile: ${JSON.stringify(hostKeys)}, verify: false, credentials: { privateKey: fs.readFileSync(${JSON.stringify(keyFile)}, "utf8") } },
      }).then((r) => { process.stdout.write(JSON.stringify({ ok: r.ok, error: r.error ?? null, summary: r.summary })); process.exit(r.ok ? 0 : 1); },
              (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(2); });`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: before, encoding: "utf8", timeout: 600_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // each device got its configuration in one session, and a backup before and after it
    const sessions = sshd.sessions();
    expect(sessions.filter((s) => s.command === "sh -e").length).toBe(6);
    expect(sessions.length).toBe(6 * 3);
    const rs = checkpoint(stateDir);
    const devices = devicesIn(rs);
    expect(devices.map((d) => d.urn.split("::").pop()).sort()).toEqual(DEVICES);
    for (const d of devices) {
      expect(hasText(d.outputs?.objects), d.urn).toBe(true);
      expect(d.outputs?.intent, d.urn).toBeUndefined();
    }
    expect(rs.filter((x) => x.type === "citydc:network:Link").length).toBe(8);
    expect(rs.filter((x) => x.type === "citydc:network:Lag").length).toBe(4);
    expect(rs.filter((x) => x.type === "citydc:network:Vlan").length).toBe(6);
  }, 600_000);

  it("this citydc previews it: each device an update that sends nothing, no device contacted, only the fact components removed", async () => {
    const mark = sshd.sessions().length;
    const result = await previewStack("lab", opts("wd-now"));
    expect(result.ok, result.error).toBe(true);
    expect(sshd.sessions().length).toBe(mark);
    const plan = buildPlan(result, findPlatform, changeSet);
    const devices = plan.sites.flatMap((s) => s.devices);
    expect(devices.map((d) => d.device).sort()).toEqual(DEVICES);
    for (const d of devices) {
      expect(d.action, d.device).toBe("update");
      expect(d.changes, d.device).toEqual([]);
      expect(d.script, d.device).toEqual([]);
      expect(d.notes, d.device).toEqual(["state written by an earlier citydc (each object with its lines): kept lean from now on, nothing is sent"]);
    }
    expect(plan.checks).toBeUndefined();
    // nothing is created or replaced; what goes are the components that recorded links, LAGs and VLANs
    const moved = result.steps.filter((s) => s.op !== "same" && !(s.op === "update" && s.type === "citydc:device:DeviceConfig"));
    expect(new Set(moved.map((s) => `${s.op} ${s.type}`))).toEqual(new Set(["delete citydc:network:Link", "delete citydc:network:Lag", "delete citydc:network:Vlan"]));
  }, 600_000);

  it("its up sends no device a command and writes the state lean; a second up changes nothing", async () => {
    const mark = sshd.sessions().length;
    const result = await upStack("lab", opts("wd-now"));
    expect(result.ok, result.error).toBe(true);
    expect(sshd.sessions().slice(mark)).toEqual([]);
    const rs = checkpoint(stateDir);
    const devices = devicesIn(rs);
    expect(devices.map((d) => d.urn.split("::").pop()).sort()).toEqual(DEVICES);
    for (const d of devices) {
      expect(hasText(d.outputs?.objects), d.urn).toBe(false);
      expect(hasText(d.inputs?.objects), d.urn).toBe(false);
      expect(typeof d.outputs?.intent, d.urn).toBe("object");
      for (const o of Object.values(d.outputs!.objects as Record<string, Record<string, unknown>>)) {
        expect(Object.keys(o).sort(), d.urn).toEqual(["digest", "fields", "kind"]);
        expect(o.digest, d.urn).toMatch(/^[0-9a-f]{32}$/);
      }
    }
    expect(rs.filter((x) => /^citydc:network:(Link|Lag|Vlan)$/.test(x.type))).toEqual([]);
    // the backups are the same resources as before (their triggers did not move)
    expect(rs.filter((x) => x.type === "command:remote:Command").length).toBe(6 * 2);

    const again = await upStack("lab", opts("wd-now"));
    expect(again.ok, again.error).toBe(true);
    expect(again.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`)).toEqual([]);
    expect(sshd.sessions().slice(mark)).toEqual([]);
  }, 600_000);
});
