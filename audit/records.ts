/**
 * Run records: one JSON document (schema citydc.run/v1, docs/diff-format.md) per `pulumi up` (or destroy,
 * refresh) through citydc: the inventory revision (git commit, file hash, dirty flag), who ran it (user,
 * host, CI), the preview summary, what was sent to each device (secrets redacted), the outcome and the
 * post-checks. Written to the folder the stack config names (`citydc:auditDir`), default
 * `.state/audit/<stack>/` under the repo root; file name `<id>.json`, ids sort by start time.
 *
 * Callers: pulumi/ `upStack` users (CLI `up`/`destroy`, the demo, CI) build a record with
 * `buildRunRecord(...)` from the preview and update results and store it with `writeRunRecord(...)`.
 * Nothing here imports Pulumi (only its types).
 */
import { execFileSync } from "child_process";
import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ConfigObject } from "../platforms/types";
import { changeSet, findPlatform } from "../platforms/index";
import { expandObjects, leanOf } from "../provider/types";
import type { DeviceView, ResourceStep, StackRunResult } from "../pulumi/stacks";
import { naturalCompare } from "../util/natural";
import { makeDirs } from "../util/dirs";
import { repoRoot } from "../util/repo";
import { readStackValues } from "../stacks/settings";
import { canonicalJson } from "../util/canonical";
import { environmentSecrets, redact as redactText, redactor } from "../util/redact";

export const RUN_SCHEMA = "citydc.run/v1";

export interface InventoryRevision {
  /** As configured (relative to the repo root when inside it). */
  readonly file: string;
  /** sha256 of the file's bytes at run time ("" when unreadable). */
  readonly sha256: string;
  /** Git commit of the repository holding the file (HEAD), null outside git. */
  readonly commit: string | null;
  readonly branch: string | null;
  /** The file differs from HEAD (modified, staged or untracked). */
  readonly dirty: boolean;
}

export interface Actor {
  readonly user: string;
  readonly host: string;
  /** CI system and its run identifiers, null for a person's run. */
  readonly ci: {
    readonly system: string;
    readonly runId: string | null;
    readonly job: string | null;
    readonly ref: string | null;
    readonly commit: string | null;
    readonly actor: string | null;
    readonly url: string | null;
  } | null;
}

export interface DeviceRecord {
  readonly device: string;
  readonly site: string;
  readonly platform: string;
  /** The engine's operation on the device's resource (create, update, delete, replace, same). */
  readonly op: string;
  readonly objects: { readonly add: readonly string[]; readonly change: readonly string[]; readonly remove: readonly string[] };
  /** The lines sent to the device in its one session, secrets redacted. Empty when nothing was sent. */
  readonly sent: readonly string[];
  readonly outcome: "applied" | "failed" | "unchanged" | "skipped";
  readonly error: string | null;
  /**
   * The device's running configuration captured by its backup resources in this run, secrets redacted:
   * `before` the change, `after` it (null: that backup did not run). Absent when neither ran (no change).
   */
  readonly config?: { readonly before: string | null; readonly after: string | null };
}

export interface PostCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface RunRecord {
  readonly schema: typeof RUN_SCHEMA;
  readonly id: string;
  readonly stack: string;
  readonly kind: "update" | "destroy" | "refresh" | "preview";
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly inventory: InventoryRevision;
  readonly actor: Actor;
  /** The preview's operation counts and the devices it said would change; null when no preview ran. */
  readonly preview: { readonly summary: Readonly<Record<string, number>>; readonly devices: readonly string[] } | null;
  readonly summary: Readonly<Record<string, number>>;
  readonly devices: readonly DeviceRecord[];
  readonly outcome: "succeeded" | "failed";
  readonly error: string | null;
  readonly failures: readonly { readonly device: string | null; readonly message: string }[];
  readonly postChecks: readonly PostCheck[];
  /** The run was interrupted (Ctrl-C, SIGTERM): the engine stopped cleanly; absent otherwise. */
  readonly interrupted?: boolean;
}

// ---------------------------------------------------------------- redaction

/** Replaces known secret values and secret-looking config arguments with "[secret]" (util/redact.ts). */
export function redact(text: string, secrets: readonly string[] = []): string {
  return redactText(text, secrets);
}

/**
 * The secrets citydc knows from the environment (login password and key, the stack passphrase), to
 * redact wherever they appear. The stack's own secret config comes with the run's result.
 */
export function knownSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return environmentSecrets(env);
}

// ---------------------------------------------------------------- who and what

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function inventoryRevision(file: string, root: string = process.cwd()): InventoryRevision {
  const abs = path.resolve(root, file);
  let sha256 = "";
  try {
    sha256 = createHash("sha256").update(fs.readFileSync(abs)).digest("hex");
  } catch {
    /* unreadable: recorded as "" */
  }
  const dir = path.dirname(abs);
  const top = fs.existsSync(dir) ? git(["rev-parse", "--show-toplevel"], dir) : null;
  if (!top) return { file, sha256, commit: null, branch: null, dirty: false };
  const commit = git(["rev-parse", "--verify", "--quiet", "HEAD"], top);
  const branch = git(["rev-parse", "--abbrev-ref", "HEAD"], top);
  const rel = path.relative(top, fs.existsSync(abs) ? fs.realpathSync(abs) : abs);
  const status = git(["status", "--porcelain", "--", rel], top);
  return {
    file: rel.startsWith("..") ? file : rel,
    sha256,
    commit,
    branch: branch && branch !== "HEAD" ? branch : null,
    dirty: status === null ? false : status.length > 0,
  };
}

export function currentActor(env: NodeJS.ProcessEnv = process.env): Actor {
  let user = env.CITYDC_ACTOR ?? "";
  if (!user) {
    try {
      user = os.userInfo().username;
    } catch {
      user = env.USER ?? env.LOGNAME ?? "unknown";
    }
  }
  const v = (x: string | undefined): string | null => (x === undefined || x === "" ? null : x);
  let ci: Actor["ci"] = null;
  if (env.GITHUB_ACTIONS === "true")
    ci = {
      system: "github-actions", runId: v(env.GITHUB_RUN_ID), job: v(env.GITHUB_WORKFLOW), ref: v(env.GITHUB_REF),
      commit: v(env.GITHUB_SHA), actor: v(env.GITHUB_ACTOR),
      url: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null,
    };
  else if (env.GITLAB_CI === "true")
    ci = {
      system: "gitlab-ci", runId: v(env.CI_PIPELINE_ID), job: v(env.CI_JOB_NAME), ref: v(env.CI_COMMIT_REF_NAME),
      commit: v(env.CI_COMMIT_SHA), actor: v(env.GITLAB_USER_LOGIN), url: v(env.CI_JOB_URL),
    };
  else if (env.JENKINS_URL)
    ci = {
      system: "jenkins", runId: v(env.BUILD_ID), job: v(env.JOB_NAME), ref: v(env.GIT_BRANCH), commit: v(env.GIT_COMMIT),
      actor: v(env.BUILD_USER_ID), url: v(env.BUILD_URL),
    };
  else if (env.CI && env.CI !== "false" && env.CI !== "0")
    ci = { system: env.CI_NAME ?? "ci", runId: v(env.CI_RUN_ID ?? env.BUILD_ID), job: v(env.CI_JOB), ref: null, commit: null, actor: null, url: null };
  return { user, host: os.hostname(), ci };
}

// ---------------------------------------------------------------- per device

type ObjectsOf = DeviceView["objects"];

/** A view's objects with their lines (rendered from its intent, or as an earlier state kept them), in apply order. */
function toObjects(view: DeviceView | undefined): ConfigObject[] {
  return view ? expandObjects(view, findPlatform(view.platform)) : [];
}


function objectDelta(oldObjs: ObjectsOf, newObjs: ObjectsOf) {
  const add: string[] = [];
  const change: string[] = [];
  const remove: string[] = [];
  for (const [k, o] of Object.entries(newObjs)) {
    const before = oldObjs[k];
    if (!before) add.push(k);
    else if (canonicalJson(leanOf(before)) !== canonicalJson(leanOf(o))) change.push(k);
  }
  for (const k of Object.keys(oldObjs)) if (!(k in newObjs)) remove.push(k);
  return { add: add.sort(naturalCompare), change: change.sort(naturalCompare), remove: remove.sort(naturalCompare) };
}

/**
 * The script a device received: computed by `script(step)` when given (the provider's own change set),
 * else the apply lines of added/changed objects and the remove lines of removed ones.
 */
export type ScriptOf = (step: ResourceStep, oldObjects: ConfigObject[], newObjects: ConfigObject[]) => readonly string[] | undefined;

/**
 * The provider's own computation of what it sends (provider/deviceConfig.ts): a new device gets the
 * wrapped apply lines of all its objects; an update or a delete gets the platform's change set.
 */
export const providerScript: ScriptOf = (step) => {
  const view = step.new ?? step.old;
  const platform = view ? findPlatform(view.platform) : undefined;
  if (!platform || !view) return undefined;
  const ordered = (v: DeviceView | undefined): ConfigObject[] => (v ? expandObjects(v, findPlatform(v.platform) ?? platform) : []);
  if (step.op === "create") return platform.wrap(ordered(step.new).flatMap((o) => o.apply));
  const moved = step.old?.target && step.new?.target && (step.old.target.host !== step.new.target.host || step.old.target.port !== step.new.target.port);
  const olds = moved ? [] : ordered(step.old);
  const news = step.op === "delete" ? [] : ordered(step.new);
  try {
    return changeSet(platform, olds, news, { management: { ...view.management } }).script;
  } catch {
    return undefined; // e.g. a refused management-path change: the record lists the objects' own lines
  }
};

/** The post-checks of the verifications the engine ran in this run (components/checks.ts `<site>:verify`). */
export function verificationChecks(result: StackRunResult): PostCheck[] {
  const ran = (result.checks ?? []).filter((c) => c.role === "verify" && (c.error || (c.done && /^(create|replace|create-replacement)$/.test(c.op))));
  return ran.map((c) => {
    const text = c.error ?? c.output ?? "";
    // citydc verify ends with a verdict line: "FAILED: site X: N problem(s): ..." or "verified: ..."
    const verdict = text.split("\n").map((l) => l.trim()).reverse().find((l) => /^(FAILED|verified):/.test(l));
    return { name: `verify ${c.site ?? c.name}`, ok: !c.error, ...(c.error ? { detail: verdict ?? text.split("\n").slice(0, 3).join(" ") } : verdict ? { detail: verdict } : {}) };
  });
}

function deviceRecord(step: ResourceStep, kind: RunRecord["kind"], clean: (text: string) => string, scriptOf: ScriptOf = providerScript): DeviceRecord {
  const view = step.new ?? step.old;
  const oldObjs = kind === "refresh" ? {} : step.old?.objects ?? {};
  const newObjs = step.op === "delete" ? {} : step.new?.objects ?? {};
  const delta = kind === "refresh" ? { add: [], change: [], remove: [] } : objectDelta(oldObjs, newObjs);
  const touched = delta.add.length + delta.change.length + delta.remove.length > 0;
  let sent: readonly string[] = [];
  if (touched && (kind === "update" || kind === "destroy")) {
    const olds = step.op === "create" ? [] : toObjects(step.old);
    const news = step.op === "delete" ? [] : toObjects(step.new);
    sent =
      scriptOf?.(step, olds, news) ??
      [
        ...news.filter((o) => delta.add.includes(o.key) || delta.change.includes(o.key)).flatMap((o) => o.apply),
        ...olds.filter((o) => delta.remove.includes(o.key)).flatMap((o) => o.remove),
      ];
  }
  const outcome: DeviceRecord["outcome"] = step.error
    ? "failed"
    : kind === "preview" || kind === "refresh"
      ? "skipped"
      : touched
        ? "applied"
        : "unchanged";
  return {
    device: view?.device ?? step.name,
    site: view?.site ?? "",
    platform: view?.platform ?? "",
    op: step.op,
    objects: delta,
    sent: sent.map(clean),
    outcome,
    error: step.error ? clean(step.error) : null,
  };
}

// ---------------------------------------------------------------- the record

export interface RunRecordInput {
  readonly stack: string;
  /** The result of upStack / destroyStack / refreshStack. */
  readonly result: StackRunResult;
  /** The preview that ran before it, if any. */
  readonly preview?: StackRunResult;
  /** The inventory file (relative to `root` or absolute); default: `citydc:inventory` of the stack config. */
  readonly inventoryFile?: string;
  /** Repo root (default: the current directory). */
  readonly root?: string;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  readonly postChecks?: readonly PostCheck[];
  /**
   * Extra secret values to redact; the environment's and the run's own (its stack secret config and
   * credentials, `result.secrets` / `preview.secrets`) are always added.
   */
  readonly secrets?: readonly string[];
  /** The script per device; default: the provider's own computation (providerScript). */
  readonly scriptOf?: ScriptOf;
  readonly env?: NodeJS.ProcessEnv;
}

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

export function newRunId(stack: string, kind: string, at: Date = new Date()): string {
  const safe = stack.replace(/[^A-Za-z0-9_.-]/g, "_");
  return `${compactTime(at)}-${safe}-${kind}-${randomBytes(3).toString("hex")}`;
}

export function buildRunRecord(input: RunRecordInput): RunRecord {
  const env = input.env ?? process.env;
  const clean = redactor([...knownSecrets(env), ...(input.secrets ?? []), ...(input.result.secrets ?? []), ...(input.preview?.secrets ?? [])]);
  const finished = input.finishedAt ?? new Date();
  const started = input.startedAt ?? new Date(finished.getTime() - (input.result.durationMs + (input.preview?.durationMs ?? 0)));
  const kind = input.result.kind;
  const captured = new Map<string, { before: string | null; after: string | null }>();
  for (const b of input.result.backups ?? []) {
    const c = captured.get(b.device) ?? { before: null, after: null };
    c[b.when] = clean(b.text);
    captured.set(b.device, c);
  }
  const devices = input.result.devices
    .map((s) => deviceRecord(s, kind, clean, input.scriptOf))
    .map((d) => (captured.has(d.device) ? { ...d, config: captured.get(d.device)! } : d))
    .sort((a, b) => naturalCompare(a.site, b.site) || naturalCompare(a.device, b.device));
  const postChecks = [...verificationChecks(input.result), ...(input.postChecks ?? [])];
  const previewDevices = (input.preview?.devices ?? [])
    .filter((s) => s.op !== "same")
    .map((s) => s.new?.device ?? s.old?.device ?? s.name)
    .sort(naturalCompare);
  const failed = !input.result.ok || postChecks.some((c) => !c.ok);
  // Every string of the record passes the redaction once more: nothing of a run's inputs gets through,
  // whichever field it ended up in.
  return cleanStrings(clean, {
    schema: RUN_SCHEMA,
    id: newRunId(input.stack, kind, started),
    stack: input.stack,
    kind,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    inventory: inventoryRevision(
      input.inventoryFile ?? stackConfigValue(input.root ?? process.cwd(), input.stack, "inventory") ?? "(unknown)",
      input.root ?? process.cwd(),
    ),
    actor: currentActor(env),
    preview: input.preview ? { summary: { ...input.preview.summary } as Record<string, number>, devices: previewDevices } : null,
    summary: { ...input.result.summary } as Record<string, number>,
    devices,
    outcome: failed ? "failed" : "succeeded",
    error: input.result.error ? clean(input.result.error) : null,
    failures: input.result.failures.map((f) => ({ device: f.device ?? null, message: clean(f.message) })),
    postChecks: postChecks.map((c) => ({ ...c, name: clean(c.name), ...(c.detail !== undefined ? { detail: clean(c.detail) } : {}) })),
    ...(input.result.interrupted ? { interrupted: true } : {}),
  } satisfies RunRecord);
}

/** `value` with `clean` applied to every string in it. */
function cleanStrings<T>(clean: (text: string) => string, value: T): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(clean, v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanStrings(clean, v);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------- storage

/** The audit folder of a stack: `citydc:auditDir` of stacks/Pulumi.<stack>.yaml, else .state/audit/<stack>. */
export function auditDir(root: string, stack: string, configured?: string): string {
  const dir = configured ?? stackConfigValue(root, stack, "auditDir");
  return dir ? path.resolve(root, dir) : path.join(root, ".state", "audit", stack);
}

/** A `citydc:<key>` of stacks/Pulumi.<stack>.yaml as written, or undefined (no such stack file or key). */
function stackConfigValue(root: string, stack: string, key: "inventory" | "auditDir"): string | undefined {
  try {
    return readStackValues(root, stack)[key];
  } catch {
    return undefined;
  }
}

/** Writes the record as `<dir>/<id>.json` (atomically) and returns the path. Default dir: auditDir(root, stack). */
export function writeRunRecord(record: RunRecord, dir?: string, root: string = process.cwd()): string {
  const target = dir ?? auditDir(root, record.stack);
  makeDirs(target);
  const file = path.join(target, `${record.id}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(record, null, 2) + "\n", { mode: 0o640 });
  fs.renameSync(tmp, file);
  return file;
}

export interface StoredRecord {
  readonly file: string;
  readonly record: RunRecord;
}

/** Every readable record under the given folders (each a stack's folder), newest first. Unreadable files are reported. */
export function readRunRecords(dirs: readonly string[]): { records: StoredRecord[]; problems: string[] } {
  const records: StoredRecord[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
    } catch {
      continue;
    }
    for (const n of names) {
      const file = path.join(dir, n);
      try {
        const record = JSON.parse(fs.readFileSync(file, "utf8")) as RunRecord;
        if (record?.schema !== RUN_SCHEMA || typeof record.id !== "string") {
          problems.push(`${file}: not a ${RUN_SCHEMA} record`);
          continue;
        }
        records.push({ file, record });
      } catch (err) {
        problems.push(`${file}: unreadable (${(err as Error).message})`);
      }
    }
  }
  records.sort((a, b) => (a.record.startedAt < b.record.startedAt ? 1 : a.record.startedAt > b.record.startedAt ? -1 : naturalCompare(b.record.id, a.record.id)));
  return { records, problems };
}

/**
 * Builds and writes the record of one run; never throws (a run must not fail because its record could
 * not be written: the problem is reported on stderr). Returns the file written, or undefined.
 * Root default: the repo root; folder: `input.auditDir`, else CITYDC_AUDIT_DIR, else the stack config's
 * `citydc:auditDir`, else .state/audit/<stack>.
 */
export function recordRun(input: RunRecordInput & { readonly auditDir?: string }): { file: string; record: RunRecord } | undefined {
  try {
    let root = input.root;
    if (!root) {
      root = repoRoot();
    }
    const record = buildRunRecord({ ...input, root });
    const dir = input.auditDir ?? process.env.CITYDC_AUDIT_DIR;
    const file = writeRunRecord(record, dir ? path.resolve(root, dir) : auditDir(root, input.stack), root);
    return { file, record };
  } catch (err) {
    process.stderr.write(`citydc: could not write the run record of stack ${input.stack}: ${(err as Error).message}\n`);
    return undefined;
  }
}
