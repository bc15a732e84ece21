/**
 * The shared state backend on a real PostgreSQL: a throw-away cluster of this file's own (initdb in a temp dir,
 * a loopback port, password login), the Pulumi CLI's built-in postgres:// backend, citydc run as people and CI
 * run it (`citydc up` processes), devices that are a recording sshd (test/e2e/helpers/recordingSshd.ts).
 *
 *   - two stacks (a site each) applied at the same time by two processes, both states in the database;
 *   - `citydc plan --stack a --stack b`: each stack's result and exit status, the run's exit code;
 *   - two runs of one stack at once: the second refused with the lock message naming `citydc cancel`;
 *   - the engine killed mid-apply: the lock stays in the database, `citydc cancel` recovers, `up` converges;
 *   - the DR stack (site-b) checks its parity against what the primary stack (site-a) last applied, read through
 *     a stack reference from the database;
 *   - `citydc destroy` of both stacks at once;
 *   - the URL's password never appears in what citydc prints.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparePulumiHome } from "../../pulumi/env";
import { canRunSshd, startRecordingSshd, type RecordingSshd } from "./helpers/recordingSshd";
import { canRunPostgres, startPostgres, type Postgres } from "./helpers/postgres";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/citydc.js");
const toolchain = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
const bin = toolchain.status === 0 ? toolchain.stdout.trim().split("\n").pop() : undefined;
const why = !bin ? "scripts/toolchain.sh could not find or build the pulumi CLI" : canRunPostgres() ?? canRunSshd();
requirePrerequisite("citydc on a shared PostgreSQL state backend", why);
if (why) console.warn(`SKIPPED test/e2e/postgres-backend.test.ts: ${why}`);

const SLOW = "7.4"; // seconds each apply of a device takes while the slow marker is there

describe.skipIf(!!why)("citydc on a shared PostgreSQL state backend", () => {
  let tmp: string;
  let pg: Postgres;
  let sshd: RecordingSshd;
  let work: string;
  let keyFile: string;
  let base: ReturnType<typeof labDoc>;
  const ports = new Map<string, number>();
  const orphans: number[] = [];

  function labDoc() {
    return yaml.load(fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")) as {
      devices: { name: string; site: string; management: { port: number; user: string }; interfaces: Record<string, unknown>[]; lags?: Record<string, unknown>[] }[];
      vlans: Record<string, unknown>[];
      dr: { site: string; vlans: number[] }[];
    };
  }
  const invFile = () => path.join(tmp, "lab.yaml");
  function writeInventory(edit: (doc: ReturnType<typeof labDoc>) => void = () => undefined): void {
    const doc = structuredClone(base);
    edit(doc);
    fs.writeFileSync(invFile(), yaml.dump(doc));
  }
  const addPort = (device: string, port: string) => (doc: ReturnType<typeof labDoc>) => {
    doc.devices.find((d) => d.name === device)!.interfaces.push({ name: port, mode: "access", vlan: 120, description: `pg-${port}` });
  };

  function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      PULUMI_CONFIG_PASSPHRASE: "pg-e2e-passphrase",
      CITYDC_SSH_KEY_FILE: keyFile,
      CITYDC_PULUMI_HOME: path.join(tmp, "pulumi-home"),
      CITYDC_AUDIT_DIR: path.join(tmp, "audit"),
      CITYDC_BACKEND_URL: pg.url,
      ...extra,
    };
  }
  const citydc = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, "--work-dir", work], { cwd: tmp, env: env(), encoding: "utf8", timeout: 300_000 });
  function background(...args: string[]) {
    const child = spawn(process.execPath, [CLI, ...args, "--work-dir", work], { cwd: tmp, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += String(d)));
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
    return { child, done };
  }
  async function waitForSlowApply(): Promise<void> {
    for (let i = 0; i < 1200; i++) {
      if (spawnSync("pgrep", ["-f", `^sleep ${SLOW}$`]).status === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("no device apply started");
  }
  // the CLI's table: every key starts with the URL's path (the database name), then the layout of a file backend
  const lockRows = (stack: string) => pg.sql(`SELECT count(*) FROM pulumi_state WHERE key LIKE '${pg.database}/.pulumi/locks/organization/citydc/${stack}/%'`);
  const applied = (site: string) => sshd.sessions().filter((s) => s.command === "sh -e" && base.devices.some((d) => d.site === site && ports.get(d.name) === s.port));

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-pg-e2e-"));
    pg = await startPostgres();
    base = labDoc();
    const first = 21000 + Math.floor(Math.random() * 3000);
    base.devices.forEach((d, i) => {
      d.management.port = first + i;
      d.management.user = "root";
      ports.set(d.name, first + i);
    });
    const marker = path.join(tmp, "slow");
    sshd = await startRecordingSshd(path.join(tmp, "sshd"), [...ports.values()], [`if [ -f ${marker} ] && [ "$SSH_ORIGINAL_COMMAND" = "sh -e" ]; then sleep ${SLOW}; fi`]);
    keyFile = path.join(tmp, "sshd", "client_ed25519");
    const hostKeys = path.join(tmp, "known_hosts");
    fs.writeFileSync(hostKeys, [...ports.values()].map((p) => `[127.0.0.1]:${p} ${sshd.hostKey}`).join("\n") + "\n");
    writeInventory();
    // a stack per site, as a team splits a network; their stack files in a work dir of this test's own
    work = path.join(tmp, "work");
    fs.mkdirSync(path.join(work, "stacks"), { recursive: true });
    for (const [stack, site] of [["site-a", "lab-dc1"], ["site-b", "lab-dc2"]] as const) {
      const config = {
        "citydc:inventory": invFile(),
        "citydc:sites": [site],
        "citydc:hostKeysFile": hostKeys,
        "citydc:verify": false,
        "citydc:backups": false,
        // lab-dc2 is the DR site of lab-dc1
        ...(stack === "site-b" ? { "citydc:primaryStack": "site-a" } : {}),
      };
      fs.writeFileSync(path.join(work, "stacks", `Pulumi.${stack}.yaml`), yaml.dump({ config }));
    }
    await preparePulumiHome(path.join(tmp, "pulumi-home"), path.join(bin!, "pulumi"));
  });

  afterAll(async () => {
    for (const pid of orphans) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* gone already */
      }
    }
    await sshd?.stop();
    pg?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("two stacks applied at the same time by two processes: both converge, both states are in the database", async () => {
    const a = background("up", "--stack", "site-a", "--yes");
    // the other one names the backend on its command line instead of CITYDC_BACKEND_URL
    const b = background("up", "--stack", "site-b", "--yes", "--backend", pg.url);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, `${ra.stdout}\n${ra.stderr}`).toBe(0);
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    expect(ra.stdout).toMatch(/^applied: stack site-a: /m);
    expect(rb.stdout).toMatch(/^applied: stack site-b: /m);
    // each device of each site got its configuration, in one session
    for (const site of ["lab-dc1", "lab-dc2"]) {
      const devices = base.devices.filter((d) => d.site === site);
      expect(new Set(applied(site).map((s) => s.port)).size, site).toBe(devices.length);
      expect(applied(site)).toHaveLength(devices.length);
    }
    expect(pg.sql(`SELECT key FROM pulumi_state WHERE key ~ '^${pg.database}/\\.pulumi/stacks/citydc/[^/]+\\.json$' ORDER BY key`).split("\n")).toEqual([
      `${pg.database}/.pulumi/stacks/citydc/site-a.json`,
      `${pg.database}/.pulumi/stacks/citydc/site-b.json`,
    ]);
    expect(fs.existsSync(path.join(ROOT, ".state", ".pulumi", "stacks", "citydc", "site-a.json"))).toBe(false);
    expect(lockRows("site-a")).toBe("0");
    for (const r of [ra, rb]) expect(`${r.stdout}${r.stderr}`).not.toContain(pg.password);
  });

  it("citydc plan of several stacks: each stack's result and exit status, and the run's exit code", () => {
    const ok = citydc("plan", "--stack", "site-a", "--stack", "site-b", "--parallel-stacks", "2");
    expect(ok.status, `${ok.stdout}\n${ok.stderr}`).toBe(0);
    expect(ok.stdout).toMatch(/^\[site-a\] stack site-a: 0 devices to touch/m);
    expect(ok.stdout).toMatch(/^\[site-b\] stack site-b: 0 devices to touch/m);
    expect(ok.stdout).toContain("citydc plan: 2 stacks, all succeeded (at most 2 at a time)");
    expect(ok.stdout).toMatch(/^ {2}ok {10}site-a {2}exit 0 /m);
    // a stack that fails (it has no stack file, so no inventory) fails the run; the other still reports
    const bad = citydc("plan", "--stack", "site-b", "--stack", "nosuch", "--format", "json");
    expect(bad.status).toBe(1);
    const doc = JSON.parse(bad.stdout) as { schema: string; ok: boolean; exitCode: number; stacks: { stack: string; exitCode: number; result: { ok: boolean } | null }[] };
    expect(doc).toMatchObject({ schema: "citydc.stacks/v1", ok: false, exitCode: 1 });
    expect(doc.stacks.map((s) => [s.stack, s.exitCode])).toEqual([["site-b", 0], ["nosuch", 1]]);
    expect(doc.stacks[0]!.result?.ok).toBe(true);
    expect(JSON.stringify(doc.stacks[1]!.result)).toContain("set citydc:inventory"); // its own plan says why
    for (const r of [ok, bad]) expect(`${r.stdout}${r.stderr}`).not.toContain(pg.password);
  });

  it("a backend that refuses the login: one line naming stack and backend, exit 2, the password not shown", () => {
    const wrong = pg.url.replace(encodeURIComponent(pg.password), "not-the-password-42");
    const r = spawnSync(process.execPath, [CLI, "plan", "--stack", "site-a", "--work-dir", work, "--backend", wrong], { cwd: tmp, env: env(), encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^citydc plan: stack site-a: the state backend postgres:\/\/citydc:\*\*\*\*@127\.0\.0\.1:\d+\/citydc_state\?sslmode=disable could not be used: .*password authentication failed/);
    expect(`${r.stdout}${r.stderr}`).not.toContain("not-the-password-42");
  });

  it("two runs of one stack at once: the second is refused with the lock message, the first finishes", async () => {
    const marker = path.join(tmp, "slow");
    fs.writeFileSync(marker, "");
    try {
      writeInventory(addPort("lab-dc1-leaf1", "p20"));
      const first = background("up", "--stack", "site-a", "--yes");
      await waitForSlowApply();
      expect(lockRows("site-a")).toBe("1");
      const second = citydc("up", "--stack", "site-a", "--yes");
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        /citydc up: stack site-a is locked by another run: pulumi pid \d+ of \S+@\S+ since \S+ \(still running\)\. Wait for it to finish; if no run is going on .*`citydc cancel --stack site-a`/,
      );
      // cancel sees the live holder in the database and refuses
      const cancel = citydc("cancel", "--stack", "site-a");
      expect(cancel.status).toBe(1);
      expect(cancel.stderr).toMatch(/citydc cancel: stack site-a is being changed right now by pulumi pid \d+/);
      const r = await first.done;
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(lockRows("site-a")).toBe("0");
      for (const x of [second, cancel]) expect(`${x.stdout}${x.stderr}`).not.toContain(pg.password);
    } finally {
      fs.rmSync(marker, { force: true });
    }
  });

  it("the engine killed mid-apply: the lock stays in the database, citydc cancel recovers, up converges", async () => {
    const marker = path.join(tmp, "slow");
    fs.writeFileSync(marker, "");
    let r: { code: number | null; stdout: string; stderr: string };
    try {
      writeInventory((doc) => {
        addPort("lab-dc1-leaf1", "p20")(doc);
        addPort("lab-dc1-leaf1", "p21")(doc);
      });
      const run = background("up", "--stack", "site-a", "--yes");
      await waitForSlowApply();
      const engine = spawnSync("pgrep", ["-P", String(run.child.pid), "-x", "pulumi"], { encoding: "utf8" }).stdout.trim().split("\n").map(Number).find((p) => p > 0);
      expect(engine).toBeGreaterThan(0);
      orphans.push(...spawnSync("pgrep", ["-P", String(engine)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).map(Number));
      process.kill(engine!, "SIGKILL");
      r = await run.done;
    } finally {
      fs.rmSync(marker, { force: true });
    }
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the engine (pulumi) was killed (SIGKILL)");
    expect(lockRows("site-a")).toBe("1");
    const refused = citydc("up", "--stack", "site-a", "--yes");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/no longer running: a run that was killed\)\. That run is gone: release the lock with `citydc cancel --stack site-a`/);
    const cancel = citydc("cancel", "--stack", "site-a", "--no-refresh");
    expect(cancel.status, `${cancel.stdout}\n${cancel.stderr}`).toBe(0);
    expect(cancel.stdout).toMatch(/^lock: pulumi pid \d+ of \S+ since \S+ \(that run is gone\)/m);
    expect(cancel.stdout).toContain("stack site-a: lock released");
    expect(cancel.stdout).toContain("devices that may be half done: lab-dc1-leaf1");
    expect(lockRows("site-a")).toBe("0");
    const before = applied("lab-dc1").length;
    const up = citydc("up", "--stack", "site-a", "--yes");
    expect(up.status, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(applied("lab-dc1").length).toBe(before + 1); // the half-done device, once
    const plan = citydc("plan", "--stack", "site-a");
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/^stack site-a: 0 devices to touch/);
    for (const x of [refused, cancel, up]) expect(`${x.stdout}${x.stderr}`).not.toContain(pg.password);
  });

  it("the DR stack checks its parity against what the primary stack last applied (a stack reference)", () => {
    const old = path.join(tmp, "lab-old.yaml");
    fs.copyFileSync(invFile(), old);
    // a new VLAN protected for the DR site, at both sites and on every trunk that carries the protected ones
    writeInventory((doc) => {
      addPort("lab-dc1-leaf1", "p20")(doc);
      addPort("lab-dc1-leaf1", "p21")(doc);
      doc.vlans.push({ id: 150, name: "pg-replication", tenant: "city", purpose: "backup", sites: ["lab-dc1", "lab-dc2"], subnet: "10.30.150.0/24" });
      doc.dr[0]!.vlans.push(150);
      for (const d of doc.devices)
        for (const p of [...d.interfaces, ...(d.lags ?? [])]) if (Array.isArray(p.allowed) && (p.allowed as number[]).includes(140)) (p.allowed as number[]).push(150);
      doc.devices.find((d) => d.name === "lab-dc1-leaf1")!.interfaces.push({ name: "p22", mode: "access", vlan: 150, description: "pg-repl1" });
      doc.devices.find((d) => d.name === "lab-dc2-leaf1")!.interfaces.push({ name: "p22", mode: "access", vlan: 150, description: "pg-repl2" });
    });
    const validate = spawnSync(process.execPath, [CLI, "validate", invFile()], { encoding: "utf8" });
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    // the primary applies it; the DR stack, run from the older inventory (consistent in itself), is refused
    const primary = citydc("up", "--stack", "site-a", "--yes");
    expect(primary.status, `${primary.stdout}\n${primary.stderr}`).toBe(0);
    const stale = citydc("plan", "--stack", "site-b", "--inventory", old);
    expect(stale.status).toBe(1);
    expect(`${stale.stdout}${stale.stderr}`).toContain(
      "DR site lab-dc2: stack site-a last applied protected VLAN 150 at lab-dc1, which this run leaves off lab-dc2 (DR parity with what the primary runs)",
    );
    // with the inventory the primary applied, the DR stack plans VLAN 150 at lab-dc2
    const current = citydc("plan", "--stack", "site-b", "--format", "json");
    expect(current.status, current.stderr).toBe(0);
    const plan = JSON.parse(current.stdout) as { sites: { devices: { device: string; changes: { key: string }[] }[] }[] };
    const leaf = plan.sites.flatMap((x) => x.devices).find((d) => d.device === "lab-dc2-leaf1")!;
    expect(leaf.changes.map((c) => c.key)).toContain("vlan:150");
  });

  it("citydc destroy of both stacks at once: each stack's result, every device cleared, exit 0", () => {
    const before = sshd.sessions().length;
    const r = citydc("destroy", "--stack", "site-a", "--stack", "site-b", "--yes");
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^\[site-a\] destroyed: stack site-a: /m);
    expect(r.stdout).toMatch(/^\[site-b\] destroyed: stack site-b: /m);
    expect(r.stdout).toContain("citydc destroy: 2 stacks, all succeeded (at most 4 at a time)");
    // one session per device of both sites
    expect(new Set(sshd.sessions().slice(before).filter((x) => x.command === "sh -e").map((x) => x.port))).toEqual(new Set(ports.values()));
    expect(`${r.stdout}${r.stderr}`).not.toContain(pg.password);
  });
});
