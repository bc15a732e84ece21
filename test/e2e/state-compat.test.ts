/**
 * State written by an earlier citydc still works: the lab stack is applied by citydc as it was at the last
 * commit before the layers were restructured (built from git history into a temp dir), then the current
 * code previews the same stack on the same backend and must see no change to anything that exists, only the
 * resources added since (the config backups and site verifications) and removed since (the components that only
 * recorded links, LAGs and VLANs), and its `up` sends no device a change.
 * Type tokens and resource names are part of every URN, so this is what keeps existing stacks intact.
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
/** The last commit before the restructuring into one pipeline and one-way layers. */
const BEFORE = "72714a95b114663fd64f4959da6c2824bf864cfe";
/** Resource types that code since BEFORE adds to a stack (created on the first preview, never a change of what exists). */
const NEW_TYPES: readonly string[] = [
  // components/checks.ts: a config backup before and after each device, one verification per site
  "command:remote:Command",
  "command:local:Command",
];
/** Resource types that code since BEFORE no longer registers (their facts are outputs of Site and Switch): deleted, no device touched. */
const GONE_TYPES: readonly string[] = ["citydc:network:Link", "citydc:network:Lag", "citydc:network:Vlan"];

function toolchain(): string | undefined {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}

const hasHistory = spawnSync("git", ["cat-file", "-e", `${BEFORE}^{commit}`], { cwd: ROOT }).status === 0;
const why = canRunSshd() ?? (hasHistory ? undefined : `git history without commit ${BEFORE} (a shallow clone?)`);
const bin = why ? undefined : toolchain();
requirePrerequisite("state of an earlier citydc", canRunSshd() ?? (hasHistory && !bin ? "no pulumi CLI (scripts/toolchain.sh)" : undefined));
if (why || !bin) console.warn(`SKIPPED test/e2e/state-compat.test.ts: ${why ?? "no pulumi CLI (scripts/toolchain.sh)"}`);
else process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-compat-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!!why || !bin)("state of an earlier citydc, previewed by this one", () => {
  let sshd: RecordingSshd;
  const before = path.join(tmp, "before");
  const inventory = path.join(tmp, "lab.yaml");
  const hostKeys = path.join(tmp, "known_hosts");
  const keyFile = path.join(tmp, "client_key");
  const backendUrl = `file://${path.join(tmp, "state")}`;
  const opts = (workDir: string, extra: Partial<NonNullable<StackOptions["settings"]>> = {}): StackOptions => ({
    backendUrl,
    workDir: path.join(tmp, workDir),
    passphrase: "compat-passphrase",
    settings: { inventory, hostKeysFile: hostKeys, credentials: { privateKey: fs.readFileSync(keyFile, "utf8") }, ...extra },
  });

  beforeAll(async () => {
    // the earlier citydc, from git, compiled with its own tsconfig against this checkout's packages
    fs.mkdirSync(before);
    const archive = spawnSync("sh", ["-c", `git archive ${BEFORE} | tar -x -C "${before}"`], { cwd: ROOT, encoding: "utf8" });
    if (archive.status !== 0) throw new Error(`git archive ${BEFORE}: ${archive.stderr}`);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(before, "node_modules"));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(before, "tsconfig.json")], { encoding: "utf8" });
    if (tsc.status !== 0) throw new Error(`building citydc ${BEFORE.slice(0, 7)}: ${tsc.stdout}${tsc.stderr}`);

    // The lab inventory as it was then: the inventory has grown since (keys the earlier citydc does not know),
    // and what is compared is the state of the same inventory, written by the earlier code.
    const inv = yaml.load(fs.readFileSync(path.join(before, "inventory/lab.yaml"), "utf8")) as { devices: { management: { port: number; user: string } }[] };
    const base = 28000 + Math.floor(Math.random() * 2000);
    inv.devices.forEach((d, i) => {
      d.management.port = base + i;
      d.management.user = "root";
    });
    fs.writeFileSync(inventory, yaml.dump(inv));
    const ports = inv.devices.map((d) => d.management.port);
    sshd = await startRecordingSshd(path.join(tmp, "sshd"), ports);
    fs.writeFileSync(hostKeys, ports.map((p) => `[127.0.0.1]:${p} ${sshd.hostKey}`).join("\n") + "\n");
    fs.writeFileSync(keyFile, sshd.clientKey, { mode: 0o600 });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it("the earlier citydc applies the lab stack", () => {
    const script = `
      const { upStack } = require(${JSON.stringify(path.join(before, "dist/pulumi/stacks.js"))});
      const fs = require("fs");
      upStack("lab", {
        backendUrl: ${JSON.stringify(backendUrl)},
        workDir: ${JSON.stringify(path.join(tmp, "wd-before"))},
        passphrase: "compat-passphrase",
        settings: { inventory: ${JSON.stringify(inventory)}, hostKeysFile: ${JSON.stringify(hostKeys)}, credentials: { privateKey: fs.readFileSync(${JSON.stringify(keyFile)}, "utf8") } },
      }).then((r) => { process.stdout.write(JSON.stringify({ ok: r.ok, error: r.error ?? null, summary: r.summary })); process.exit(r.ok ? 0 : 1); },
              (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(2); });`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: before, encoding: "utf8", timeout: 600_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const result = JSON.parse(r.stdout) as { summary: Record<string, number> };
    expect(result.summary.create).toBeGreaterThan(0);
    expect(sshd.sessions().filter((s) => s.command === "sh -e").length).toBe(6);
  });

  it("this citydc previews it: no resource replaced, only the new check resources created and the fact components deleted, no device sent anything", async () => {
    const result = await previewStack("lab", opts("wd-now"));
    expect(result.ok, result.error).toBe(true);
    expect(result.devices.length).toBe(6);
    // URNs and type tokens are unchanged: nothing is replaced, deleted or created but the new kinds of resources
    const moved = result.steps.filter(
      (s) => ["replace", "create-replacement", "delete-replaced"].includes(s.op) || (s.op === "delete" && !GONE_TYPES.includes(s.type)) || (s.op === "create" && !NEW_TYPES.includes(s.type)),
    );
    expect(moved.map((s) => `${s.op} ${s.urn}`)).toEqual([]);
    // 2 backups per device, 1 verification per site
    expect(result.steps.filter((s) => s.op === "create").length).toBe(6 * 2 + 2);
    // Every device is updated: its state is of the earlier shape (each object with its lines), which this citydc
    // writes lean; its plan sends nothing and says why.
    const plan = buildPlan(result, findPlatform, changeSet);
    const devices = plan.sites.flatMap((s) => s.devices);
    expect(devices.length).toBe(6);
    for (const d of devices) {
      expect(d.action, d.device).toBe("update");
      expect(d.changes, d.device).toEqual([]);
      expect(d.script, d.device).toEqual([]);
      expect(d.notes, d.device).toEqual(["state written by an earlier citydc (each object with its lines): kept lean from now on, nothing is sent"]);
    }
    expect(result.steps.filter((s) => s.op === "update" && s.type !== "citydc:device:DeviceConfig").map((s) => s.urn)).toEqual([]);
  });

  it("its first up sends no device a change: only the new backups read the devices; a second up contacts none", async () => {
    // The recording devices answer a read-back with nothing, which the verification would (rightly) call every
    // object missing: this up runs without it (test/e2e/checks-lab.test.ts verifies on the lab).
    const mark = sshd.sessions().length;
    const result = await upStack("lab", opts("wd-now", { verify: false }));
    expect(result.ok, result.error).toBe(true);
    expect(result.devices.every((d) => d.op === "same" || d.op === "update")).toBe(true);
    // The backups are created (they capture each device once); nothing is applied to any device.
    const first = sshd.sessions().slice(mark);
    expect(first.filter((s) => s.command === "sh -e")).toEqual([]);
    expect(first.length).toBe(6 * 2);
    const again = sshd.sessions().length;
    const second = await upStack("lab", opts("wd-now", { verify: false }));
    expect(second.ok, second.error).toBe(true);
    expect(sshd.sessions().length).toBe(again);
  });
});
