import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ResourceStep, StackRunResult } from "../../../pulumi/stacks";
import {
  buildRunRecord, currentActor, inventoryRevision, readRunRecords, redact, RUN_SCHEMA, writeRunRecord, auditDir,
} from "../../../audit/records";
import { run as audit } from "../../../cli/commands/audit";
import { CliError } from "../../../util/errors";
import { PLATFORMS } from "../../../platforms/index";
import { toFull, toLean } from "../../../provider/types";
import type { DeviceIntent } from "../../../intent/types";

const main = async (argv: string[]): Promise<number> => {
  try {
    return await audit(argv.slice(1));
  } catch (e) {
    if (e instanceof CliError) return e.exitCode;
    throw e;
  }
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-records-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const obj = (summary: string, apply: string[], remove: string[], fields: Record<string, string | number> = {}) => ({
  kind: "vlan" as const, summary, fields, apply, remove, readBack: "show",
});

function step(device: string, op: ResourceStep["op"], olds: Record<string, ReturnType<typeof obj>> | undefined, news: Record<string, ReturnType<typeof obj>> | undefined, error?: string): ResourceStep {
  const view = (objects: Record<string, ReturnType<typeof obj>>) => ({ device, site: "lab-dc1", platform: "ovs" as const, management: {}, objects });
  return {
    urn: `urn:pulumi:lab::citydc::citydc:device:DeviceConfig::${device}`, type: "citydc:device:DeviceConfig", name: device, op, diffs: [],
    ...(olds ? { old: view(olds) } : {}), ...(news ? { new: view(news) } : {}), ...(error ? { error } : {}),
  };
}

function result(kind: StackRunResult["kind"], devices: ResourceStep[], ok = true): StackRunResult {
  return {
    stack: "lab", kind, ok, summary: { update: devices.length }, steps: devices, devices,
    failures: ok ? [] : [{ device: "sw2", message: "device sw2: apply failed: auth: password hunter22 refused" }],
    ...(ok ? {} : { error: "update failed" }), durationMs: 1500, stdout: "",
  };
}

const v10 = obj("VLAN 10", ["add-br-vlan 10"], ["del-vlan 10"], { id: 10 });
const v20 = obj("VLAN 20", ["add-vlan 20"], ["del-vlan 20"], { id: 20 });
const v20b = obj("VLAN 20 (video)", ["add-vlan 20 video"], ["del-vlan 20"], { id: 20, name: "video" });
const user = obj("local user", ["local-user admin password irreversible-cipher Secr3tValue"], ["undo local-user admin"]);

describe("redaction", () => {
  it("removes known secrets, secret-looking arguments and private keys", () => {
    expect(redact("login with hunter22 now", ["hunter22"])).not.toContain("hunter22");
    expect(redact("username admin password 7 0822455D0A16")).not.toContain("0822455D0A16");
    expect(redact("local-user a password irreversible-cipher abc123")).not.toContain("abc123");
    expect(redact("x -----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY----- y")).toBe("x [secret] y");
    expect(redact("vlan 120 name video")).toBe("vlan 120 name video");
  });
});

describe("run records", () => {
  const preview = result("preview", [step("sw1", "update", { "vlan:10": v10 }, { "vlan:10": v10, "vlan:20": v20 })]);
  const up = result("update", [
    step("sw1", "update", { "vlan:10": v10, "vlan:20": v20 }, { "vlan:20": v20b, "vlan:30": user }),
    step("sw2", "create", undefined, { "vlan:10": v10 }, "device sw2: apply failed: auth: password hunter22 refused"),
    step("sw3", "same", { "vlan:10": v10 }, { "vlan:10": v10 }),
  ], false);

  it("records revision, actor, preview, per-device objects and lines sent, outcome, post-checks; secrets redacted", () => {
    const r = buildRunRecord({
      stack: "lab", result: up, preview, inventoryFile: "inventory/lab.yaml", root: path.resolve(__dirname, "../../.."),
      postChecks: [{ name: "ping lab-video1 -> lab-video3", ok: true }],
      env: { CITYDC_SSH_PASSWORD: "hunter22", CITYDC_ACTOR: "auditor" },
    });
    expect(r.schema).toBe(RUN_SCHEMA);
    expect(r.stack).toBe("lab");
    expect(r.kind).toBe("update");
    expect(r.actor.user).toBe("auditor");
    expect(r.actor.ci).toBeNull();
    expect(r.inventory.file).toBe("inventory/lab.yaml");
    expect(r.inventory.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.inventory.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.preview?.devices).toEqual(["sw1"]);
    const sw1 = r.devices.find((d) => d.device === "sw1")!;
    expect(sw1.objects).toEqual({ add: ["vlan:30"], change: ["vlan:20"], remove: ["vlan:10"] });
    expect(sw1.outcome).toBe("applied");
    // what the provider sends: the ovs platform's one-transaction change set
    expect(sw1.sent.length).toBe(1);
    expect(sw1.sent[0]).toMatch(/^ovs-vsctl /);
    expect(sw1.sent[0]).toContain("add-vlan 20 video");
    expect(sw1.sent[0]).toContain("del-vlan 10");
    expect(sw1.sent.join("\n")).not.toContain("Secr3tValue");
    const sw2 = r.devices.find((d) => d.device === "sw2")!;
    expect(sw2.outcome).toBe("failed");
    expect(r.devices.find((d) => d.device === "sw3")!.outcome).toBe("unchanged");
    expect(r.outcome).toBe("failed");
    expect(JSON.stringify(r)).not.toContain("hunter22");
  });

  it("lean state: the lines sent are rendered from the intents; state of the earlier shape with the same objects sent nothing", () => {
    const intent = (vlan: number): DeviceIntent => ({
      device: "sw1", site: "lab-dc1", platform: "ovs", role: "leaf", vlans: [{ id: 120, name: "video" }, { id: 130, name: "voice" }],
      ports: [{ name: "p5", description: "host a", enabled: true, mode: "access", vlan }], lags: [], gateways: [], routes: [], vrfs: [], management: {},
    });
    const lean = (i: DeviceIntent) => ({ device: "sw1", site: "lab-dc1", platform: "ovs" as const, management: {}, intent: i, objects: Object.fromEntries(PLATFORMS.ovs.objects(i).map((o) => [o.key, toLean(o)])) });
    const full = (i: DeviceIntent) => ({ device: "sw1", site: "lab-dc1", platform: "ovs" as const, management: {}, objects: Object.fromEntries(PLATFORMS.ovs.objects(i).map((o) => [o.key, toFull(o)])) });
    const at = (op: ResourceStep["op"], old: ResourceStep["old"], now: ResourceStep["new"]): ResourceStep => ({ urn: "urn:pulumi:lab::citydc::citydc:device:DeviceConfig::sw1", type: "citydc:device:DeviceConfig", name: "sw1", op, diffs: [], old, new: now });
    const changed = buildRunRecord({ stack: "lab", result: result("update", [at("update", lean(intent(120)), lean(intent(130)))]), inventoryFile: "nowhere.yaml", root: tmp, env: {} });
    expect(changed.devices[0]!.objects).toEqual({ add: [], change: ["port:p5"], remove: [] });
    expect(changed.devices[0]!.sent).toEqual(["ovs-vsctl --timeout=10 -- set port p5 vlan_mode=access tag=130 external_ids:citydc=managed -- clear port p5 trunks"]);
    const migrated = buildRunRecord({ stack: "lab", result: result("update", [at("update", full(intent(120)), lean(intent(120)))]), inventoryFile: "nowhere.yaml", root: tmp, env: {} });
    expect(migrated.devices[0]!.objects).toEqual({ add: [], change: [], remove: [] });
    expect(migrated.devices[0]!.sent).toEqual([]);
    expect(migrated.devices[0]!.outcome).toBe("unchanged");
  });

  it("a failed post-check fails the run; an exact script can be supplied", () => {
    const ok = result("update", [step("sw1", "update", { "vlan:10": v10 }, { "vlan:20": v20 })]);
    const r = buildRunRecord({
      stack: "lab", result: ok, inventoryFile: "nowhere.yaml", root: tmp, env: {},
      postChecks: [{ name: "isolation", ok: false, detail: "lab-uni1 reached lab-video1" }],
      scriptOf: () => ["BEGIN", "x", "COMMIT"],
    });
    expect(r.outcome).toBe("failed");
    expect(r.devices[0]!.sent).toEqual(["BEGIN", "x", "COMMIT"]);
    expect(r.inventory).toMatchObject({ sha256: "", commit: null, dirty: false });
  });

  it("detects CI runs and dirty inventories", () => {
    expect(currentActor({ GITHUB_ACTIONS: "true", GITHUB_RUN_ID: "42", GITHUB_ACTOR: "ci-bot" }).ci).toMatchObject({ system: "github-actions", runId: "42", actor: "ci-bot" });
    expect(currentActor({ GITLAB_CI: "true", CI_PIPELINE_ID: "7" }).ci).toMatchObject({ system: "gitlab-ci", runId: "7" });
    const repo = path.join(tmp, "repo");
    fs.mkdirSync(repo);
    const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...a], { cwd: repo, stdio: "ignore" });
    git("init", "-q");
    fs.writeFileSync(path.join(repo, "inv.yaml"), "version: 1\n");
    git("add", "inv.yaml");
    git("commit", "-qm", "one");
    expect(inventoryRevision("inv.yaml", repo)).toMatchObject({ file: "inv.yaml", dirty: false });
    fs.appendFileSync(path.join(repo, "inv.yaml"), "name: x\n");
    expect(inventoryRevision("inv.yaml", repo).dirty).toBe(true);
  });

  it("writes one file per run, lists newest first; audit list/show read them", async () => {
    const dir = path.join(tmp, "audit", "lab");
    const a = buildRunRecord({ stack: "lab", result: up, inventoryFile: "x.yaml", root: tmp, env: {}, startedAt: new Date("2026-01-01T10:00:00Z"), finishedAt: new Date("2026-01-01T10:01:00Z") });
    const b = buildRunRecord({ stack: "lab", result: result("update", []), inventoryFile: "x.yaml", root: tmp, env: {}, startedAt: new Date("2026-01-02T10:00:00Z"), finishedAt: new Date("2026-01-02T10:01:00Z") });
    const fa = writeRunRecord(a, dir);
    writeRunRecord(b, dir);
    expect(path.basename(fa)).toBe(`${a.id}.json`);
    expect(a.id < b.id).toBe(true);
    const { records } = readRunRecords([dir]);
    expect(records.map((r) => r.record.id)).toEqual([b.id, a.id]);
    expect(auditDir("/r", "lab", "audit-out")).toBe(path.resolve("/r", "audit-out"));
    expect(auditDir("/r", "lab")).toBe(path.join("/r", ".state", "audit", "lab"));

    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array, cb?: unknown) => {
      out.push(String(s));
      if (typeof cb === "function") cb();
      return true;
    });
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["audit", "list", "--dir", dir, "--format", "json"])).toBe(0);
      const list = JSON.parse(out.join("")) as { runs: { id: string; outcome: string }[] };
      expect(list.runs.map((r) => [r.id, r.outcome])).toEqual([[b.id, "succeeded"], [a.id, "failed"]]);
      out.length = 0;
      expect(await main(["audit", "show", a.id.slice(0, 22), "--dir", dir, "--format", "json"])).toBe(0);
      expect((JSON.parse(out.join("")) as { id: string }).id).toBe(a.id);
      out.length = 0;
      expect(await main(["audit", "show", a.id, "--dir", dir])).toBe(0);
      expect(out.join("")).toContain(a.id);
      expect(await main(["audit", "show", "nope", "--dir", dir])).toBe(1);
      expect(await main(["audit", "frobnicate"])).toBe(2);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  });
});

describe("config backups and verifications in run records", () => {
  const ovsBefore = "bridge br0 datapath_type=netdev\nvlan 120 video (bridge br0)\nport p5 vlan_mode=access tag=120 external_ids:citydc=managed\nport p8 vlan_mode=access tag=130 external_ids:citydc=managed\n";
  const ovsAfter = ovsBefore.replace("port p8 vlan_mode=access tag=130", "port p8 vlan_mode=access tag=120");
  const changed = step("sw1", "update", { "vlan:10": v10 }, { "vlan:10": v10, "vlan:20": v20 });
  const same = step("sw3", "same", { "vlan:10": v10 }, { "vlan:10": v10 });
  const verify = (site: string, ok: boolean) => ({
    urn: `urn:pulumi:lab::citydc::citydc:network:Site$command:local:Command::${site}:verify`, name: `${site}:verify`, role: "verify" as const, site, op: "replace" as const, done: ok,
    ...(ok
      ? { output: `verify site ${site} (stack lab): 1 device(s)\nverified: site ${site} does what the inventory says` }
      : { error: `exit status 1: running "citydc verify --site ${site}":\nverify site ${site}\nFAILED: site ${site}: 1 problem(s): sw1 port:p5 (port p5): tag found 999, intended 120` }),
  });
  const withChecks = (ok: boolean): StackRunResult => ({
    ...result("update", [changed, same], ok),
    ...(ok ? {} : { failures: [{ site: "lab-dc1", message: "verification failed" }] }),
    checks: [verify("lab-dc1", ok), { urn: "u", name: "sw3:config-before", role: "before", device: "sw3", op: "same", done: true }],
    backups: [
      { device: "sw1", when: "before", urn: "u1", text: ovsBefore + "local-user admin password irreversible-cipher Secr3tValue\n" },
      { device: "sw1", when: "after", urn: "u2", text: ovsAfter },
    ],
  });

  it("keeps each changed device's configuration before and after, redacted; unchanged devices have none", () => {
    const r = buildRunRecord({ stack: "lab", result: withChecks(true), inventoryFile: "x.yaml", root: tmp, env: {} });
    const sw1 = r.devices.find((d) => d.device === "sw1")!;
    expect(sw1.config!.after).toBe(ovsAfter);
    expect(sw1.config!.before).toContain("port p8 vlan_mode=access tag=130");
    expect(sw1.config!.before).not.toContain("Secr3tValue");
    expect(r.devices.find((d) => d.device === "sw3")!.config).toBeUndefined();
    expect(r.postChecks).toEqual([{ name: "verify lab-dc1", ok: true, detail: "verified: site lab-dc1 does what the inventory says" }]);
    expect(r.outcome).toBe("succeeded");
  });

  it("a failed verification is a failed post-check naming device and object, and fails the run", () => {
    const r = buildRunRecord({ stack: "lab", result: withChecks(false), inventoryFile: "x.yaml", root: tmp, env: {} });
    expect(r.postChecks[0]).toMatchObject({ name: "verify lab-dc1", ok: false });
    expect(r.postChecks[0]!.detail).toBe("FAILED: site lab-dc1: 1 problem(s): sw1 port:p5 (port p5): tag found 999, intended 120");
    expect(r.outcome).toBe("failed");
  });

  it("audit show --config prints a backup, diff-config their diff; exit codes as documented", async () => {
    const dir = path.join(tmp, "audit-config", "lab");
    const rec = buildRunRecord({ stack: "lab", result: withChecks(true), inventoryFile: "x.yaml", root: tmp, env: {} });
    writeRunRecord(rec, dir);
    const out: string[] = [];
    const errs: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array, cb?: unknown) => {
      out.push(String(s));
      if (typeof cb === "function") cb();
      return true;
    });
    const err = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (errs.push(String(s)), true));
    const run = async (...argv: string[]) => {
      out.length = 0;
      return main(["audit", ...argv, "--dir", dir]);
    };
    try {
      expect(await run("show", rec.id, "--config", "sw1")).toBe(0);
      expect(out.join("")).toBe(ovsAfter);
      expect(await run("show", rec.id, "--config", "sw1", "--before")).toBe(0);
      expect(out.join("")).toContain("tag=130");
      expect(out.join("")).toContain("[secret]");
      expect(await run("show", rec.id, "--config", "sw3")).toBe(1);
      expect(await run("show", rec.id, "--config", "nope")).toBe(1);
      expect(await run("show", rec.id, "--before")).toBe(2);
      expect(await run("diff-config", rec.id, "sw1")).toBe(1);
      const diff = out.join("");
      expect(diff).toContain(`--- sw1 before (run ${rec.id})`);
      expect(diff.split("\n").filter((l) => /^[-+][^-+]/.test(l))).toEqual([
        "-port p8 vlan_mode=access tag=130 external_ids:citydc=managed",
        "-local-user admin password irreversible-cipher [secret]",
        "+port p8 vlan_mode=access tag=120 external_ids:citydc=managed",
      ]);
      expect(await run("diff-config", rec.id, "sw3")).toBe(2);
      expect(await run("diff-config", "nope", "sw1")).toBe(2);
      expect(await run("diff-config", rec.id)).toBe(2);
      // the text report points at the backups
      expect(await run("show", rec.id)).toBe(0);
      expect(out.join("")).toContain(`config backups: before 5 lines, after 4 lines (citydc audit diff-config ${rec.id} sw1)`);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  });

  it("two identical backups: diff-config prints nothing and exits 0", async () => {
    const dir = path.join(tmp, "audit-same", "lab");
    const res = { ...withChecks(true), backups: [{ device: "sw1", when: "before" as const, urn: "a", text: ovsAfter }, { device: "sw1", when: "after" as const, urn: "b", text: ovsAfter }] };
    const rec = buildRunRecord({ stack: "lab", result: res, inventoryFile: "x.yaml", root: tmp, env: {} });
    writeRunRecord(rec, dir);
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((_s: string | Uint8Array, cb?: unknown) => {
      if (typeof cb === "function") cb();
      return true;
    });
    try {
      expect(await main(["audit", "diff-config", rec.id, "sw1", "--dir", dir])).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});
