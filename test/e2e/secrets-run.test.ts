/**
 * Secrets planted in a run's inputs never reach its outputs (issue 12): a real `citydc up --stack lab`
 * (the built CLI, the real engine and provider, SSH to a recording sshd on 127.0.0.1) with a login
 * password, a login key, a stack passphrase and a secret stack config value planted, and one device
 * that fails while printing all of them back (raw, URL-encoded, JSON-escaped, as a crypt hash line).
 * Nothing of them may appear in stdout, stderr (with --progress: the engine's own output), the run
 * record or the state directory. Needs root (sshd) and the pulumi CLI (scripts/toolchain.sh).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretForms } from "../../util/redact";
import { canRunSshd, startRecordingSshd, type RecordingSshd } from "./helpers/recordingSshd";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");

function toolchain(): string | undefined {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}
const bin = toolchain();
const why = !bin ? "no pulumi CLI (scripts/toolchain.sh)" : canRunSshd();
requirePrerequisite("secrets of a real citydc up", why);
if (why) console.warn(`SKIPPED test/e2e/secrets-run.test.ts: ${why}`);

const PASSWORD = 'planted-PW/1 "x" \u00e9';
const PASSPHRASE = "Orchard-lantern 77 & \u00fc";
const TOKEN = "planted-stack-config-token-42";
const HASH = "$6$plantedsalt$0123456789abcdefABCDEF";

describe.skipIf(!!why)("secrets of a real `citydc up` stay out of its outputs", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-secrets-e2e-"));
  const base = 28000 + Math.floor(Math.random() * 1000);
  const ports = new Map<string, number>();
  let sshd: RecordingSshd;
  let failing: number;
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    CITYDC_SSH_PASSWORD: PASSWORD,
    CITYDC_SSH_KEY_FILE: path.join(tmp, "sshd", "client_ed25519"),
    CITYDC_LAB_PASSPHRASE: PASSPHRASE,
    CITYDC_AUDIT_DIR: path.join(tmp, "audit"),
    CITYDC_PULUMI_HOME: path.join(tmp, "pulumi-home"),
    NO_COLOR: "1",
  });
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin", "citydc.js"), ...args], { cwd: ROOT, env: env(), encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  const upArgs = (inventory: string) => ["up", "--stack", "lab", "--yes", "--progress", "--inventory", inventory, "--backend", `file://${path.join(tmp, "state")}`, "--work-dir", path.join(tmp, "wd")];

  /** The lab inventory on the recording sshd: one port per device, user root, the sshd's host key pinned. */
  function inventory(name: string, edit: (inv: any) => void = () => undefined): string {
    const inv = yaml.load(fs.readFileSync(path.join(ROOT, "inventory", "lab.yaml"), "utf8")) as any;
    inv.devices.forEach((d: any, i: number) => {
      d.management = { ...d.management, port: base + i, user: "root", hostKey: sshd?.hostKey ?? "ssh-ed25519 AAAA" };
      ports.set(d.name, base + i);
    });
    edit(inv);
    const file = path.join(tmp, name);
    fs.writeFileSync(file, yaml.dump(inv));
    return file;
  }

  beforeAll(async () => {
    // The recording devices answer every read-back with nothing, which the site verifications would (rightly)
    // call every object missing: this stack runs without them (its work dir's copy of the lab stack file says so).
    fs.mkdirSync(path.join(tmp, "wd", "stacks"), { recursive: true });
    const stackFile = fs.readFileSync(path.join(ROOT, "stacks", "Pulumi.lab.yaml"), "utf8").replace(/^(encryptionsalt|encryptedkey|secretsprovider):.*\n?/gm, "");
    fs.writeFileSync(path.join(tmp, "wd", "stacks", "Pulumi.lab.yaml"), stackFile.replace(/^config:\n/m, "config:\n  citydc:verify: false\n"));
    inventory("ports.yaml");
    failing = ports.get("lab-dc1-leaf1")!;
    // That device refuses the change and prints every planted secret, in the forms a real one might.
    const echo = [PASSWORD, encodeURIComponent(PASSWORD), JSON.stringify(PASSPHRASE), TOKEN, `secret 5 ${HASH}`].map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(" ");
    sshd = await startRecordingSshd(path.join(tmp, "sshd"), [...ports.values()], [`if [ "$port" = "${failing}" ] && grep -q p9 "$f.in"; then printf 'refused: %s\\n' ${echo} >&2; exit 1; fi`]);
  }, 60_000);
  afterAll(async () => {
    await sshd?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Every planted secret, in every form the redaction knows, is absent from `text`; no part of one either. */
  function absent(where: string, text: string): void {
    for (const part of ["planted-PW", "Orchard-lantern", "stack-config-token", "plantedsalt"]) expect(text.includes(part), `${where} holds ${part}`).toBe(false);
    for (const secret of [PASSWORD, PASSPHRASE, TOKEN, HASH, ...fs.readFileSync(path.join(tmp, "sshd", "client_ed25519"), "utf8").trim().split("\n").slice(1, -1)]) {
      for (const form of secretForms(secret)) expect(text.includes(form), `${where} holds ${JSON.stringify(form)}`).toBe(false);
    }
  }

  function records(): string[] {
    const dir = path.join(tmp, "audit");
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")) : [];
  }

  it("a first up that applies everything: nothing of the password, key or passphrase in its outputs", () => {
    const r = run(upArgs(inventory("lab-v1.yaml")));
    expect(r.status, r.stdout + r.stderr).toBe(0);
    absent("stdout", r.stdout);
    absent("stderr", r.stderr);
    expect(records()).toHaveLength(1);
    for (const rec of records()) absent("the run record", rec);
  });

  it("a failing device that prints them all back, with a secret in the stack config: still nothing", () => {
    const env0 = env();
    const pulumiEnv = { ...env0, PULUMI_BACKEND_URL: `file://${path.join(tmp, "state")}`, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, PULUMI_HOME: path.join(tmp, "pulumi-home"), PULUMI_SKIP_UPDATE_CHECK: "true" };
    const set = spawnSync(path.join(bin!, "pulumi"), ["config", "set", "--secret", "citydc:apiToken", TOKEN, "--stack", "lab", "--non-interactive"], { cwd: path.join(tmp, "wd"), env: pulumiEnv, encoding: "utf8" });
    expect(set.status, set.stderr).toBe(0);
    const v2 = inventory("lab-v2.yaml", (inv) => inv.devices.find((d: any) => d.name === "lab-dc1-leaf1").interfaces.push({ name: "p9", mode: "access", vlan: 120 }));
    const r = run(upArgs(v2));
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/lab-dc1-leaf1/);
    expect(r.stdout + r.stderr).toContain("[secret]");
    absent("stdout", r.stdout);
    absent("stderr", r.stderr);
    const recs = records();
    expect(recs).toHaveLength(2);
    for (const rec of recs) absent("a run record", rec);
    expect(recs.some((rec) => /"outcome": "failed"/.test(rec) && rec.includes("[secret]"))).toBe(true);
    // the state directory: values only as Pulumi's ciphertext
    const stateFiles = fs.readdirSync(path.join(tmp, "state"), { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(tmp, "state", f)).isFile());
    for (const f of stateFiles) absent(`state file ${f}`, fs.readFileSync(path.join(tmp, "state", f), "utf8"));
  });
});
