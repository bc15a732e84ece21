/**
 * Running the Pulumi engine offline: where the repo is, where the CLI is, and the environment every
 * Automation API run gets (local file backend, passphrase secrets, no update check, no plugin download).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeDirs } from "../util/dirs";
import { repoRoot } from "../util/repo";

export const PULUMI_VERSION = "3.248.0";

/** A problem a person can fix (missing CLI, missing passphrase): the CLI prints it, exit 2. */
export class PulumiSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiSetupError";
  }
}

/** The toolchain cache scripts/toolchain.sh builds into. */
export function toolchainBin(): string {
  const cache = process.env.CITYDC_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "citydc");
  return path.join(cache, "toolchain", `pulumi-v${PULUMI_VERSION}`, "bin");
}

/**
 * The installation root for `PulumiCommand.get({ root })` (it runs `<root>/bin/pulumi`): CITYDC_PULUMI_ROOT,
 * else a `pulumi` on PATH, else the toolchain cache. Never downloads.
 */
export function findPulumiRoot(): string {
  const explicit = process.env.CITYDC_PULUMI_ROOT;
  if (explicit) {
    if (!isExecutable(path.join(explicit, "bin", "pulumi"))) throw new PulumiSetupError(`CITYDC_PULUMI_ROOT=${explicit} has no bin/pulumi`);
    return explicit;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "pulumi");
    if (isExecutable(candidate)) {
      const real = fs.realpathSync(candidate);
      if (path.basename(path.dirname(real)) === "bin") return path.dirname(path.dirname(real));
    }
  }
  const cached = toolchainBin();
  if (isExecutable(path.join(cached, "pulumi"))) return path.dirname(cached);
  throw new PulumiSetupError(
    `the pulumi CLI was not found on PATH nor in ${cached}: run scripts/toolchain.sh once (it builds pulumi v${PULUMI_VERSION} offline, or uses an installed one)`,
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The lab's passphrase: the lab stack holds no real secret (its keys are generated per run). */
export const LAB_PASSPHRASE = "citydc-lab-not-secret";

export interface EnvOptions {
  /** Repo root (default: found from this file). */
  readonly root?: string;
  /** file:// URL or directory of the state backend (default CITYDC_BACKEND_URL, else file://<root>/.state). */
  readonly backendUrl?: string;
  /** Secrets passphrase (default PULUMI_CONFIG_PASSPHRASE / _FILE; the lab stack has a fixed default). */
  readonly passphrase?: string;
  /** PULUMI_HOME (default <root>/.pulumi-home). */
  readonly pulumiHome?: string;
}

/** Environment for the Pulumi CLI of one stack. Throws PulumiSetupError when a non-lab stack has no passphrase. */
export function pulumiEnv(stack: string, opts: EnvOptions = {}): Record<string, string> {
  const root = opts.root ?? repoRoot();
  let backend = opts.backendUrl ?? process.env.CITYDC_BACKEND_URL ?? `file://${path.join(root, ".state")}`;
  if (!/^[a-z0-9+]+:\/\//i.test(backend)) backend = `file://${path.resolve(backend)}`;
  if (backend.startsWith("file://")) makeDirs(backend.slice("file://".length));
  const home = opts.pulumiHome ?? process.env.CITYDC_PULUMI_HOME ?? path.join(root, ".pulumi-home");
  makeDirs(home);
  const env: Record<string, string> = {
    PULUMI_BACKEND_URL: backend,
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  if (opts.passphrase !== undefined) env.PULUMI_CONFIG_PASSPHRASE = opts.passphrase;
  // The lab stack holds nothing secret of value: it always uses the lab passphrase (its salt is committed).
  else if (stack === "lab") env.PULUMI_CONFIG_PASSPHRASE = process.env.CITYDC_LAB_PASSPHRASE ?? LAB_PASSPHRASE;
  else if (process.env.PULUMI_CONFIG_PASSPHRASE !== undefined) env.PULUMI_CONFIG_PASSPHRASE = process.env.PULUMI_CONFIG_PASSPHRASE;
  else if (process.env.PULUMI_CONFIG_PASSPHRASE_FILE) env.PULUMI_CONFIG_PASSPHRASE_FILE = process.env.PULUMI_CONFIG_PASSPHRASE_FILE;
  else
    throw new PulumiSetupError(
      `stack ${stack} keeps its secrets encrypted with a passphrase: set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) in the environment`,
    );
  return env;
}
