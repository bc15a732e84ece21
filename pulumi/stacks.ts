/**
 * The stack operations other parts of citydc call (CLI plan/up/destroy, the demo, e2e tests, audit run
 * records): previewStack, upStack, refreshStack, destroyStack. Each runs the citydc program as an Automation
 * API inline program (no language host needed) on the offline environment of pulumi/env.ts, and returns a
 * structured result: per resource its URN, operation and, for a device, the config objects before and after.
 *
 * Signatures are a contract: add optional fields, never change existing ones.
 */
import * as fs from "fs";
import * as path from "path";
import type { EngineEvent, OpType, Stack } from "@pulumi/pulumi/automation";
import type { PlatformName } from "../model/types";
import type { StoredObject } from "../provider/types";
import type { DeviceIntent } from "../intent/types";
import { DEVICE_CONFIG_TYPE } from "../provider/types";
import type { ProgramSettings } from "../stacks/settings";
import { backendPassword, backendUrl, displayBackend, findPulumiRoot, preparePulumiHome, pulumiEnv, PulumiSetupError, type EnvOptions } from "./env";
import { detached, interruptCount } from "./engine";
import { repoRoot } from "../util/repo";
import { makeDirs } from "../util/dirs";
import { environmentSecrets, REDACTED, redactor, secretForms, secretTooShort } from "../util/redact";

export const PROJECT = "citydc";

export interface StackOptions extends EnvOptions {
  /**
   * Directory the CLI runs in (default: the repo root). Tests and the demo pass a temp dir so the repo's
   * stack files stay untouched: it gets a Pulumi.yaml pointing at the repo's provider and a copy of
   * stacks/Pulumi.<stack>.yaml.
   */
  readonly workDir?: string;
  /** Overrides of the stack config for this run (inventory file, sites, host keys file, credentials). */
  readonly settings?: Partial<ProgramSettings>;
  /** Engine output as it comes (progress lines for people). */
  readonly onOutput?: (text: string) => void;
  /** Raw engine events (for run records). */
  readonly onEvent?: (event: EngineEvent) => void;
  /** Only these resource URNs (pulumi --target). */
  readonly targets?: readonly string[];
  /** Preview only: fail when anything would change (`--expect-no-changes`). */
  readonly expectNoChanges?: boolean;
  /** Parallel resource operations (default: the engine's). */
  readonly parallel?: number;
  /** up/destroy: a failed device does not stop the others (default true; the failures are reported). */
  readonly continueOnError?: boolean;
  /** preview/up: read every device first (`--refresh`), so what changed on a device shows and is put back. */
  readonly refresh?: boolean;
  /** up: resources to replace whatever their inputs say (`--replace`): backups and verifications of repaired devices. */
  readonly replace?: readonly string[];
}

/**
 * A device resource's view: its config objects (credentials are never included). The objects are lean (kind,
 * fields, digest) with the intent their lines are rendered from (provider/types.ts `expandObjects`), or, in
 * state an earlier citydc wrote, kept with their lines and without an intent.
 */
export interface DeviceView {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly management: { readonly interface?: string; readonly vlan?: number };
  readonly target?: { readonly host: string; readonly port: number; readonly user: string; readonly hostKey: string };
  readonly intent?: DeviceIntent;
  readonly objects: Readonly<Record<string, StoredObject>>;
}

export interface ResourceStep {
  readonly urn: string;
  readonly type: string;
  /** The resource's Pulumi name. */
  readonly name: string;
  readonly op: OpType;
  /** Property names that differ (engine's diff). */
  readonly diffs: readonly string[];
  /** For citydc:device:DeviceConfig: the device before (state) and after (inputs, or what refresh read). */
  readonly old?: DeviceView;
  readonly new?: DeviceView;
  /** Set when this resource's operation failed. */
  readonly error?: string;
  /** For a DeviceConfig of a run with refresh: what the state held before the refresh read the device (the last apply). */
  readonly applied?: DeviceView;
  /** The engine finished this resource's operation (false: it was planned, or interrupted before it ran). */
  readonly done?: boolean;
}

export interface StackFailure {
  readonly urn?: string;
  /** The device, when the failure belongs to a DeviceConfig or one of its backups. */
  readonly device?: string;
  /** The site, when the failure is a site's verification. */
  readonly site?: string;
  readonly message: string;
}

/** A command resource of components/checks.ts: a device's backup or a site's verification. */
export interface CheckStep {
  readonly urn: string;
  readonly name: string;
  readonly role: "before" | "after" | "verify";
  /** The device of a backup, the site of a verification. */
  readonly device?: string;
  readonly site?: string;
  readonly op: OpType;
  /** The engine finished its operation (it ran, when op is create or replace). */
  readonly done: boolean;
  readonly error?: string;
  /** A verification's output (what `citydc verify` printed). */
  readonly output?: string;
}

/** A running configuration captured by a backup resource during this run (redacted like the rest of the result). */
export interface CapturedConfig {
  readonly device: string;
  readonly when: "before" | "after";
  readonly urn: string;
  /** The configuration as the platform's runningConfig.text gives it, redacted with the run's secrets. */
  readonly text: string;
}

/** Who holds the stack's lock, from the engine's refusal. */
export interface LockHolder {
  readonly user: string;
  readonly host: string;
  readonly pid: number;
  readonly since: string;
}

export interface StackRunResult {
  readonly stack: string;
  readonly kind: "preview" | "update" | "refresh" | "destroy";
  readonly ok: boolean;
  /** Operation counts, e.g. { create: 3, same: 10 }. */
  readonly summary: Readonly<Partial<Record<OpType, number>>>;
  /** Every resource the engine stepped over, in event order. */
  readonly steps: readonly ResourceStep[];
  /** DeviceConfig steps only (op create/update/delete/replace/refresh/same). */
  readonly devices: readonly ResourceStep[];
  readonly failures: readonly StackFailure[];
  /** The program's stack outputs: inventory, sites (in the stack's order), devices, objects. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** Overall error message when !ok. */
  readonly error?: string;
  readonly durationMs: number;
  readonly stdout: string;
  /** The backups and verifications the engine stepped over. */
  readonly checks?: readonly CheckStep[];
  /** up: the configurations the backups of this run captured (see CapturedConfig). */
  readonly backups?: readonly CapturedConfig[];
  /** The engine refused to start: another run holds the stack's lock (or a killed one left it). */
  readonly locked?: { readonly holders: readonly LockHolder[]; readonly message: string };
  /** The run was interrupted (interruptEngines: Ctrl-C, SIGTERM) and the engine stopped. */
  readonly interrupted?: boolean;
  /** The engine process was killed from outside (its signal): its lock stays and a device may be half done. */
  readonly engineKilled?: string;
  /**
   * The run's secrets (its stack's secret config, the credentials given in `settings`, the environment's),
   * for the redaction of what the run leaves behind (run records, the CLI's output). Not enumerable: it
   * never appears when a result is serialized. Everything above is already redacted with them.
   */
  readonly secrets?: readonly string[];
}

const commands = new Map<string, Promise<import("@pulumi/pulumi/automation").PulumiCommand>>();

/** One `pulumi version` check per CLI root and process. */
function pulumiCommandFor(root: string): Promise<import("@pulumi/pulumi/automation").PulumiCommand> {
  let c = commands.get(root);
  if (!c) {
    // the CLI in a process group of its own: citydc alone forwards interrupts to it (pulumi/engine.ts)
    c = import("@pulumi/pulumi/automation").then(async (auto) => detached(await auto.PulumiCommand.get({ root })));
    c.catch(() => commands.delete(root));
    commands.set(root, c);
  }
  return c;
}

/** Opens (or creates; with `mustExist` only opens) the stack on the offline backend with the citydc program. */
export async function openStack(name: string, opts: StackOptions & { readonly mustExist?: boolean } = {}): Promise<Stack> {
  const auto = await import("@pulumi/pulumi/automation");
  const { program } = await import("../stacks/index");
  const root = opts.root ?? repoRoot();
  const workDir = opts.workDir ? prepareWorkDir(root, opts.workDir, name) : root;
  const envVars = pulumiEnv(name, { ...opts, root });
  const pulumiRoot = findPulumiRoot();
  const [pulumiCommand] = await Promise.all([pulumiCommandFor(pulumiRoot), preparePulumiHome(envVars.PULUMI_HOME!, path.join(pulumiRoot, "bin", "pulumi"))]);
  // A stack reference to a stack the backend does not have fails the whole run: the program is told which exist.
  let existing: ReadonlySet<string> | undefined;
  const settings: Partial<ProgramSettings> & { root: string; stack: string; stackExists: (s: string) => boolean | undefined } = {
    ...opts.settings,
    root,
    stack: name,
    stackExists: (s) => (existing ? existing.has(s) || existing.has(s.split("/").pop()!) : undefined),
  };
  const args = { stackName: name, projectName: PROJECT, program: program(settings) };
  const ws = { workDir, envVars, pulumiCommand, pulumiHome: envVars.PULUMI_HOME };
  const open = () => (opts.mustExist ? auto.LocalWorkspace.selectStack(args, ws) : auto.LocalWorkspace.createOrSelectStack(args, ws));
  const stack = await openRetryingTableRace(open, envVars.PULUMI_BACKEND_URL!).catch((err: unknown) => {
    throw backendFailure(err, name, envVars.PULUMI_BACKEND_URL!);
  });
  if (opts.settings?.primaryStack ?? primaryStackOf(workDir, name)) {
    existing = new Set((await stack.workspace.listStacks()).map((x) => x.name.split("/").pop()!));
  }
  return stack;
}

/**
 * On a fresh PostgreSQL database the CLI creates its table when it opens the backend. Two runs opening it at
 * the same moment (two CI jobs, `--stack a --stack b`) race in PostgreSQL's CREATE TABLE IF NOT EXISTS, and
 * the loser fails with "failed to create table ... duplicate key value ... (23505)"; by then the table exists,
 * so opening again succeeds. Only that error is retried, a few times.
 */
export async function openRetryingTableRace<T>(open: () => Promise<T>, url: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      const race = /^postgres:\/\//i.test(url) && /failed to create table/.test(text) && /\b23505\b|duplicate key value/.test(text);
      if (!race || attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/**
 * The CLI could not open the stack (the backend is unreachable, refuses the login, ...): one line naming the
 * stack and the backend, without the URL's password. A stack that does not exist stays StackNotFoundError.
 */
function backendFailure(err: unknown, stack: string, url: string): unknown {
  if (err instanceof Error && (err.name === "StackNotFoundError" || err.name === "PulumiSetupError")) return err;
  // the password in every form it travels in, and any URL's user part; not the keyword rules of the redactor
  // (they would take "password authentication failed" for a password)
  const password = backendPassword(url);
  const forms = password ? secretForms(password).sort((a, b) => b.length - a.length) : [];
  const clean = (text: string) => displayBackend(forms.reduce((t, f) => t.split(f).join(REDACTED), text)).replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, "$1****@");
  const raw = err instanceof Error ? err.message : String(err);
  const found = raw.split("\n").map((l) => /(?:^|\s)error: (.*)$/.exec(l.trim())?.[1]).find((l) => !!l);
  const line = (found ?? errorText(err).split("\n")[0] ?? "failed").replace(/^unable to open bucket \S+: /, "");
  return new PulumiSetupError(clean(`stack ${stack}: the state backend ${displayBackend(url)} could not be used: ${line}`));
}

/** `citydc:primaryStack` of the stack file the run uses, if any. */
function primaryStackOf(workDir: string, stack: string): string | undefined {
  try {
    const text = fs.readFileSync(path.join(workDir, "stacks", `Pulumi.${stack}.yaml`), "utf8");
    const m = /^\s+citydc:primaryStack:\s*["']?([^"'\s#]+)/m.exec(text);
    return m?.[1];
  } catch {
    return undefined;
  }
}

/** A work dir outside the repo: Pulumi.yaml with the repo's provider path, and the stack's config file. */
function prepareWorkDir(root: string, workDir: string, stack: string): string {
  const dir = path.resolve(workDir);
  makeDirs(path.join(dir, "stacks"));
  const project = [
    `name: ${PROJECT}`,
    "runtime: nodejs",
    "description: citydc (work dir of an Automation API run)",
    `main: ${JSON.stringify(path.join(root, "dist/stacks/main.js"))}`,
    "stackConfigDir: stacks",
    "plugins:",
    "  providers:",
    "    - name: citydc",
    `      path: ${JSON.stringify(path.join(root, "provider"))}`,
    "",
  ].join("\n");
  // Several stacks may share a work dir and start at once (`--stack a --stack b`): write only a changed file,
  // and whole (a rename), so no run reads it half written.
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== project) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, project);
    fs.renameSync(tmp, file);
  }
  const src = path.join(root, "stacks", `Pulumi.${stack}.yaml`);
  const dst = path.join(dir, "stacks", `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(dst) && fs.existsSync(src)) {
    // Another backend, maybe another passphrase: drop the repo's salt unless the file holds encrypted values.
    const text = fs.readFileSync(src, "utf8");
    fs.writeFileSync(dst, /\bsecure:/.test(text) ? text : text.replace(/^(encryptionsalt|encryptedkey|secretsprovider):.*\n?/gm, ""));
  }
  return dir;
}

type Kind = StackRunResult["kind"];

/** The role of a command resource of components/checks.ts, from its type and name (`<device>:config-before`, `<site>:verify`). */
export function checkRole(type: string, name: string): { role: CheckStep["role"]; device?: string; site?: string } | undefined {
  if (type !== "command:remote:Command" && type !== "command:local:Command") return undefined;
  const m = /^(.+):config-(before|after)$/.exec(name);
  if (m) return { role: m[2] as "before" | "after", device: m[1]! };
  const v = /^(.+):verify$/.exec(name);
  if (v && type === "command:local:Command") return { role: "verify", site: v[1]! };
  return undefined;
}

interface StepState {
  urn: string;
  type: string;
  op: OpType;
  diffs: string[];
  old?: DeviceView;
  new?: DeviceView;
  /** A device's state before this run's refresh read it back (the first `old` seen). */
  applied?: DeviceView;
  error?: string;
  done: boolean;
  outputs?: Record<string, unknown>;
}

class Collector {
  readonly steps = new Map<string, StepState>();
  readonly failures: StackFailure[] = [];
  outputs: Record<string, unknown> | undefined;
  stdout = "";

  /** The run's redaction (set once the run's secrets are known, before the engine starts). */
  clean: (text: string) => string = (t) => t;

  constructor(private readonly opts: StackOptions) {}

  onOutput = (raw: string) => {
    const text = this.clean(raw);
    this.stdout += text;
    this.opts.onOutput?.(text);
  };

  onEvent = (e: EngineEvent) => {
    // The SDK's debug lines echo RegisterResource responses, secret values included: never pass them on.
    if (e.diagnosticEvent && (e.diagnosticEvent.severity as string) === "debug") return;
    if (e.diagnosticEvent?.prefix?.startsWith("debug")) return;
    this.opts.onEvent?.(e);
    const pre = e.resourcePreEvent?.metadata ?? e.resOutputsEvent?.metadata;
    if (pre) {
      if (pre.type === "pulumi:pulumi:Stack" && e.resOutputsEvent) this.outputs = pre.new?.outputs ?? this.outputs;
      if (pre.type === "pulumi:pulumi:Stack" || pre.type.startsWith("pulumi:providers:")) return;
      const prev = this.steps.get(pre.urn);
      const isDevice = pre.type === DEVICE_CONFIG_TYPE;
      const oldView = isDevice ? deviceView(pre.old?.outputs ?? pre.old?.inputs) : undefined;
      // After a refresh or an apply, the outputs are what the device holds; before, the new inputs.
      const newView = isDevice ? deviceView(e.resOutputsEvent ? pre.new?.outputs ?? pre.new?.inputs : pre.new?.inputs ?? pre.new?.outputs) : undefined;
      // A refresh step, then the update step: keep the update's op (the refresh's only when nothing else follows).
      let op = prev && pre.op === "refresh" && prev.op !== "refresh" ? prev.op : pre.op;
      // A command resource replaced (create-replacement, replace, then delete-replaced of the old one): a replace.
      if (prev && checkRole(pre.type, urnName(pre.urn)) && [prev.op, op].some((o) => o === "replace" || o === "create-replacement")) op = "replace";
      this.steps.set(pre.urn, {
        urn: pre.urn,
        type: pre.type,
        op,
        diffs: pre.diffs ?? prev?.diffs ?? [],
        old: oldView ?? prev?.old,
        new: newView ?? prev?.new,
        ...(prev?.applied ?? oldView ? { applied: prev?.applied ?? oldView } : {}),
        ...(prev?.error ? { error: prev.error } : {}),
        done: (prev?.done ?? false) || (!!e.resOutputsEvent && pre.op !== "refresh"),
        ...(e.resOutputsEvent && pre.new?.outputs ? { outputs: pre.new.outputs } : prev?.outputs ? { outputs: prev.outputs } : {}),
      });
    }
    const failed = e.resOpFailedEvent?.metadata;
    if (failed) {
      const prev = this.steps.get(failed.urn);
      if (prev) prev.error = prev.error ?? "failed";
    }
    const d = e.diagnosticEvent;
    if (d && d.severity === "error") {
      const check = d.urn ? checkRole(urnType(d.urn), urnName(d.urn)) : undefined;
      const raw = this.clean(d.message.trim());
      const message = check?.device ? backupFailure(check.device, check.role, raw) : raw;
      if (this.failures.some((f) => f.message === message && f.urn === (d.urn || undefined))) return;
      const urn = d.urn || undefined;
      const step = urn ? this.steps.get(urn) : undefined;
      if (step) step.error = message;
      const device = step?.new?.device ?? step?.old?.device ?? check?.device ?? (urn && urn.includes(DEVICE_CONFIG_TYPE) ? urnName(urn) : undefined);
      this.failures.push({ ...(urn ? { urn } : {}), ...(device ? { device } : {}), ...(check?.site ? { site: check.site } : {}), message });
    }
  };

  checks(): CheckStep[] {
    const out: CheckStep[] = [];
    for (const s of this.steps.values()) {
      const name = urnName(s.urn);
      const role = checkRole(s.type, name);
      if (!role) continue;
      const stdout = s.outputs?.stdout;
      out.push({
        urn: s.urn,
        name,
        ...role,
        op: s.op,
        done: s.done,
        ...(s.error ? { error: s.error } : {}),
        ...(role.role === "verify" && typeof stdout === "string" ? { output: this.clean(stdout) } : {}),
      });
    }
    return out;
  }

  result(stack: string, kind: Kind, ok: boolean, started: number, summary: Partial<Record<OpType, number>>, error?: string, extra: Partial<StackRunResult> = {}): StackRunResult {
    const steps: ResourceStep[] = [...this.steps.values()].map(({ outputs: _outputs, ...s }) => ({ ...s, name: urnName(s.urn) }));
    const checks = this.checks();
    return {
      stack,
      kind,
      ok,
      summary,
      steps,
      devices: steps.filter((s) => s.type === DEVICE_CONFIG_TYPE),
      failures: this.failures,
      ...(this.outputs ? { outputs: this.outputs } : {}),
      ...(error !== undefined ? { error } : {}),
      durationMs: Date.now() - started,
      stdout: this.stdout,
      ...(checks.length > 0 ? { checks } : {}),
      ...extra,
    };
  }
}

/**
 * A backup's failure as citydc words a device's: the device, which backup, the transport error kind (the SSH
 * client of the command provider says it in its own words), then its message.
 */
export function backupFailure(device: string, role: string, message: string): string {
  if (message.startsWith(`device ${device}: `)) return message;
  const kind = /host key mismatch|knownhosts|host key/i.test(message)
    ? "hostkey: the device's host key is not the pinned one, login refused"
    : /unable to authenticate|no supported methods remain|permission denied/i.test(message)
      ? "auth"
      : /connection refused|no route to host|i\/o timeout|network is unreachable|dial tcp/i.test(message)
        ? "unreachable"
        : "command";
  return `device ${device}: the config backup ${role} its change failed: ${kind}: ${message.replace(/^error: /, "")}`;
}

/** The type of a URN ("urn:pulumi:stack::project::parent$type::name" -> "type"). */
export function urnType(urn: string): string {
  const i = urn.lastIndexOf("::");
  const head = i >= 0 ? urn.slice(0, i) : urn;
  const t = head.slice(head.lastIndexOf("::") + 2);
  return t.slice(t.lastIndexOf("$") + 1);
}

export function urnName(urn: string): string {
  const i = urn.lastIndexOf("::");
  return i >= 0 ? urn.slice(i + 2) : urn;
}

function deviceView(props: Record<string, unknown> | undefined): DeviceView | undefined {
  if (!props || typeof props.device !== "string") return undefined;
  const t = props.target as DeviceView["target"] | undefined;
  return {
    device: props.device,
    site: String(props.site ?? ""),
    platform: props.platform as PlatformName,
    management: (props.management as DeviceView["management"]) ?? {},
    ...(t && typeof t === "object" ? { target: { host: t.host, port: t.port, user: t.user, hostKey: t.hostKey } } : {}),
    ...(props.intent && typeof props.intent === "object" ? { intent: props.intent as DeviceIntent } : {}),
    objects: (props.objects as DeviceView["objects"]) ?? {},
  };
}

function errorText(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  // The Automation API's CommandError carries the whole CLI output; keep its diagnostic lines.
  const lines = raw.split("\n").map((l) => l.trimEnd());
  const interesting = lines.filter((l) => /error:|^\s*\S+ \(.+\): /.test(l));
  return (interesting.length > 0 ? interesting : lines.slice(0, 8)).join("\n").trim();
}

/** The holders named in the engine's "the stack is currently locked" refusal. */
export function lockHolders(message: string): LockHolder[] | undefined {
  if (!/the stack is currently locked by/.test(message)) return undefined;
  const out: LockHolder[] = [];
  for (const m of message.matchAll(/created by (.+?)@(\S+) \(pid (\d+)\) at (\S+)/g)) out.push({ user: m[1]!, host: m[2]!, pid: Number(m[3]), since: m[4]! });
  return out;
}

/** The stdout of a resource in an exported (decrypted) checkpoint: plain, or a secret's plaintext. */
function stdoutOf(outputs: Record<string, unknown> | undefined): string | undefined {
  const v = outputs?.stdout;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && typeof (v as { plaintext?: unknown }).plaintext === "string") {
    try {
      const inner = JSON.parse((v as { plaintext: string }).plaintext) as unknown;
      return typeof inner === "string" ? inner : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The configurations this run's backups captured: read from the checkpoint (their output is a secret there). */
async function capturedConfigs(stack: Stack, checks: readonly CheckStep[], platforms: ReadonlyMap<string, string>): Promise<CapturedConfig[]> {
  const ran = checks.filter((c) => (c.role === "before" || c.role === "after") && c.done && /^(create|replace|create-replacement)$/.test(c.op));
  if (ran.length === 0) return [];
  const { findPlatform } = await import("../platforms/registry");
  const state = (await stack.exportStack()).deployment as { resources?: { urn: string; outputs?: Record<string, unknown> }[] };
  const byUrn = new Map((state.resources ?? []).map((r) => [r.urn, r]));
  const out: CapturedConfig[] = [];
  for (const c of ran) {
    const raw = stdoutOf(byUrn.get(c.urn)?.outputs);
    if (raw === undefined || !c.device) continue;
    const platform = findPlatform(platforms.get(c.device) ?? "");
    out.push({ device: c.device, when: c.role as "before" | "after", urn: c.urn, text: (platform?.runningConfig.text ?? ((o: string) => o))(raw) });
  }
  return out;
}

async function run(
  kind: Kind,
  name: string,
  opts: StackOptions,
  op: (stack: Stack, c: Collector) => Promise<Partial<Record<OpType, number>> | undefined>,
): Promise<StackRunResult> {
  const started = Date.now();
  // Secrets too short to keep out of records and logs are refused before anything runs (exit 2).
  for (const [what, value] of [["CITYDC_SSH_PASSWORD", process.env.CITYDC_SSH_PASSWORD], ["the login password of this run", opts.settings?.credentials?.password]] as const) {
    const short = secretTooShort(what, value);
    if (short) throw new PulumiSetupError(short);
  }
  const stack = await openStack(name, opts);
  const c = new Collector(opts);
  // The run's secrets: the environment's, the credentials of this run, and (for a run that logs in) the
  // stack's secret config; the engine's output, messages and errors are redacted with them as they come.
  const secrets = [
    ...environmentSecrets(process.env),
    opts.settings?.credentials?.password,
    opts.settings?.credentials?.privateKey,
    opts.passphrase,
    backendPassword(backendUrl(opts.backendUrl, opts.root ?? repoRoot())),
  ].filter((x): x is string => !!x);
  if (kind !== "preview") secrets.push(...(await stackSecrets(stack, name)));
  c.clean = redactor(secrets);
  const withSecrets = (r: StackRunResult): StackRunResult => Object.defineProperty(r, "secrets", { value: secrets, enumerable: false });
  const interrupts = interruptCount();
  let ok = true;
  let summary: Partial<Record<OpType, number>> = {};
  let failure: unknown;
  try {
    summary = (await op(stack, c)) ?? {};
  } catch (err) {
    ok = false;
    failure = err;
    for (const s of c.steps.values()) summary[s.op] = (summary[s.op] ?? 0) + 1;
  }
  const extra: { -readonly [K in keyof StackRunResult]?: StackRunResult[K] } = {};
  if (interruptCount() > interrupts) extra.interrupted = true;
  if (!ok) {
    const raw = failure instanceof Error ? failure.message : String(failure);
    const holders = lockHolders(raw);
    if (holders) extra.locked = { holders, message: raw.split("\n").filter((l) => /locked by|created by/.test(l)).map((l) => l.trim()).join("\n") };
    const killed = /the pulumi CLI ended by signal (\w+)/.exec(raw);
    if (killed && !extra.interrupted) extra.engineKilled = killed[1]!;
  }
  if (kind === "update") {
    const platforms = new Map<string, string>();
    for (const s of c.steps.values()) {
      const v = s.new ?? s.old;
      if (v) platforms.set(v.device, v.platform);
    }
    try {
      // redacted with the run's secrets like everything else of the result (a running configuration may hold keys)
      const captured = (await capturedConfigs(stack, c.checks(), platforms)).map((b) => ({ ...b, text: c.clean(b.text) }));
      if (captured.length > 0) extra.backups = captured;
    } catch (err) {
      c.failures.push({ message: c.clean(`the configuration backups of this run could not be read from the state: ${errorText(err)}`) });
    }
  }
  if (ok) return withSecrets(c.result(name, kind, true, started, summary, undefined, extra));
  const messages = [...new Set(c.failures.map((f) => f.message))];
  return withSecrets(c.result(name, kind, false, started, summary, messages.length > 0 ? messages.join("\n") : c.clean(errorText(failure)), extra));
}

/**
 * The decrypted values of the stack's secret config (`pulumi config set --secret`: citydc:sshPassword,
 * citydc:sshPrivateKey, anything else), so the run can redact them. A secret too short to redact safely
 * is refused here, before the engine runs (exit 2).
 */
async function stackSecrets(stack: Stack, name: string): Promise<string[]> {
  let config: Record<string, { value: string; secret?: boolean }>;
  try {
    config = await stack.getAllConfig();
  } catch {
    return []; // the engine will report what is wrong with the config
  }
  const out: string[] = [];
  for (const [key, v] of Object.entries(config)) {
    if (!v.secret || typeof v.value !== "string" || v.value === "") continue;
    const short = secretTooShort(`the secret config ${key} of stack ${name}`, v.value);
    if (short) throw new PulumiSetupError(short);
    out.push(v.value);
  }
  return out;
}

const common = (opts: StackOptions, c: Collector) => ({
  onOutput: c.onOutput,
  onEvent: c.onEvent,
  color: "never" as const,
  ...(opts.targets ? { target: [...opts.targets] } : {}),
  ...(opts.parallel ? { parallel: opts.parallel } : {}),
});

/** preview and up: `--refresh` and `--replace`. */
const refreshing = (opts: StackOptions) => ({
  ...(opts.refresh ? { refresh: true } : {}),
  ...(opts.replace && opts.replace.length > 0 ? { replace: [...opts.replace] } : {}),
});

/** `pulumi preview`: never touches a device. */
export function previewStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("preview", name, opts, async (stack, c) => {
    const r = await stack.preview({ ...common(opts, c), ...refreshing(opts), diff: false, ...(opts.expectNoChanges ? { expectNoChanges: true } : {}) });
    return r.changeSummary as Partial<Record<OpType, number>>;
  });
}

/** `pulumi up --yes`: one SSH session per changed device; failed devices are named in `failures`. */
export function upStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("update", name, opts, async (stack, c) => {
    const r = await stack.up({ ...common(opts, c), ...refreshing(opts), continueOnError: opts.continueOnError ?? true });
    return r.summary.resourceChanges as Partial<Record<OpType, number>> | undefined;
  });
}

/** `pulumi refresh --yes`: reads every device's objects back; `devices[].new` holds what the device has. */
export function refreshStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("refresh", name, opts, async (stack, c) => {
    const r = await stack.refresh({ ...common(opts, c) });
    return r.summary.resourceChanges as Partial<Record<OpType, number>> | undefined;
  });
}

/** `pulumi destroy --yes`: removes every object the stack configured from its devices. */
export function destroyStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("destroy", name, opts, async (stack, c) => {
    const r = await stack.destroy({ ...common(opts, c), continueOnError: opts.continueOnError ?? true });
    return r.summary.resourceChanges as Partial<Record<OpType, number>> | undefined;
  });
}
