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
import { DEVICE_CONFIG_TYPE } from "../provider/types";
import type { ProgramSettings } from "../stacks/settings";
import { findPulumiRoot, preparePulumiHome, pulumiEnv, PulumiSetupError, type EnvOptions } from "./env";
import { repoRoot } from "../util/repo";
import { makeDirs } from "../util/dirs";
import { environmentSecrets, redactor, secretTooShort } from "../util/redact";

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
}

/** A device resource's view: its config objects (credentials are never included). */
export interface DeviceView {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly management: { readonly interface?: string; readonly vlan?: number };
  readonly target?: { readonly host: string; readonly port: number; readonly user: string; readonly hostKey: string };
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
}

export interface StackFailure {
  readonly urn?: string;
  /** The device, when the failure belongs to a DeviceConfig. */
  readonly device?: string;
  readonly message: string;
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
    c = import("@pulumi/pulumi/automation").then((auto) => auto.PulumiCommand.get({ root }));
    c.catch(() => commands.delete(root));
    commands.set(root, c);
  }
  return c;
}

/** Opens (or creates) the stack on the offline backend with the citydc program. */
export async function openStack(name: string, opts: StackOptions = {}): Promise<Stack> {
  const auto = await import("@pulumi/pulumi/automation");
  const { program } = await import("../stacks/index");
  const root = opts.root ?? repoRoot();
  const workDir = opts.workDir ? prepareWorkDir(root, opts.workDir, name) : root;
  const envVars = pulumiEnv(name, { ...opts, root });
  const pulumiRoot = findPulumiRoot();
  const [pulumiCommand] = await Promise.all([pulumiCommandFor(pulumiRoot), preparePulumiHome(envVars.PULUMI_HOME!, path.join(pulumiRoot, "bin", "pulumi"))]);
  const settings: Partial<ProgramSettings> & { root: string; stack: string } = { ...opts.settings, root, stack: name };
  return auto.LocalWorkspace.createOrSelectStack(
    { stackName: name, projectName: PROJECT, program: program(settings) },
    { workDir, envVars, pulumiCommand, pulumiHome: envVars.PULUMI_HOME },
  );
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
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
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

class Collector {
  readonly steps = new Map<string, { urn: string; type: string; op: OpType; diffs: string[]; old?: DeviceView; new?: DeviceView; error?: string }>();
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
      this.steps.set(pre.urn, {
        urn: pre.urn,
        type: pre.type,
        op: pre.op,
        diffs: pre.diffs ?? prev?.diffs ?? [],
        old: oldView ?? prev?.old,
        new: newView ?? prev?.new,
        error: prev?.error,
      });
    }
    const failed = e.resOpFailedEvent?.metadata;
    if (failed) {
      const prev = this.steps.get(failed.urn);
      if (prev) prev.error = prev.error ?? "failed";
    }
    const d = e.diagnosticEvent;
    if (d && d.severity === "error") {
      const message = this.clean(d.message.trim());
      if (this.failures.some((f) => f.message === message && f.urn === (d.urn || undefined))) return;
      const urn = d.urn || undefined;
      const step = urn ? this.steps.get(urn) : undefined;
      if (step) step.error = message;
      const device = step?.new?.device ?? step?.old?.device ?? (urn && urn.includes(DEVICE_CONFIG_TYPE) ? urnName(urn) : undefined);
      this.failures.push({ ...(urn ? { urn } : {}), ...(device ? { device } : {}), message });
    }
  };

  result(stack: string, kind: Kind, ok: boolean, started: number, summary: Partial<Record<OpType, number>>, error?: string): StackRunResult {
    const steps: ResourceStep[] = [...this.steps.values()].map((s) => ({ ...s, name: urnName(s.urn) }));
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
    };
  }
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
  const secrets = [...environmentSecrets(process.env), opts.settings?.credentials?.password, opts.settings?.credentials?.privateKey, opts.passphrase].filter((x): x is string => !!x);
  if (kind !== "preview") secrets.push(...(await stackSecrets(stack, name)));
  c.clean = redactor(secrets);
  const withSecrets = (r: StackRunResult): StackRunResult => Object.defineProperty(r, "secrets", { value: secrets, enumerable: false });
  try {
    const summary = (await op(stack, c)) ?? {};
    return withSecrets(c.result(name, kind, true, started, summary));
  } catch (err) {
    const summary: Partial<Record<OpType, number>> = {};
    for (const s of c.steps.values()) summary[s.op] = (summary[s.op] ?? 0) + 1;
    const messages = [...new Set(c.failures.map((f) => f.message))];
    return withSecrets(c.result(name, kind, false, started, summary, messages.length > 0 ? messages.join("\n") : c.clean(errorText(err))));
  }
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

/** `pulumi preview`: never touches a device. */
export function previewStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("preview", name, opts, async (stack, c) => {
    const r = await stack.preview({ ...common(opts, c), diff: false, ...(opts.expectNoChanges ? { expectNoChanges: true } : {}) });
    return r.changeSummary as Partial<Record<OpType, number>>;
  });
}

/** `pulumi up --yes`: one SSH session per changed device; failed devices are named in `failures`. */
export function upStack(name: string, opts: StackOptions = {}): Promise<StackRunResult> {
  return run("update", name, opts, async (stack, c) => {
    const r = await stack.up({ ...common(opts, c), continueOnError: opts.continueOnError ?? true });
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
