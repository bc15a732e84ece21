/**
 * Running the Pulumi engine offline: where the repo is, where the CLI is, and the environment every
 * Automation API run gets (local file backend, passphrase secrets, no update check, no plugin download).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeDirs } from "../util/dirs";
import { repoRoot } from "../util/repo";
import { secretTooShort } from "../util/redact";

export const PULUMI_VERSION = "3.248.0";

/** A problem a person can fix (missing CLI, missing passphrase): the CLI prints it, exit 2. */
export class PulumiSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiSetupError";
  }
}

/** The version of the command resource plugin that @pulumi/command (pinned in package.json) asks for. */
export const COMMAND_PLUGIN_VERSION = "1.2.1";

/** The toolchain cache scripts/toolchain.sh fills: CITYDC_CACHE, else $XDG_CACHE_HOME/citydc, else ~/.cache/citydc. */
function toolchainCache(): string {
  const cache = process.env.CITYDC_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "citydc");
  return path.join(cache, "toolchain");
}

/** The cached CLI's bin directory (the official language host is linked next to it). */
export function toolchainBin(): string {
  return path.join(toolchainCache(), `pulumi-v${PULUMI_VERSION}`, "bin");
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

/** Where `pulumi plugin install` puts the command plugin in a Pulumi home. */
export function commandPluginDir(home: string): string {
  return path.join(home, "plugins", `resource-command-v${COMMAND_PLUGIN_VERSION}`);
}

/** The home holds a complete install of the command plugin (Pulumi marks one in progress with `<dir>.partial`). */
export function hasCommandPlugin(home: string): boolean {
  const dir = commandPluginDir(home);
  return isExecutable(path.join(dir, "pulumi-resource-command")) && !fs.existsSync(`${dir}.partial`);
}

/**
 * The command plugin binary to install into a new Pulumi home: the toolchain cache's, else the one installed in
 * the user's own Pulumi home ($PULUMI_HOME, else ~/.pulumi).
 */
export function commandPluginBinary(): string | undefined {
  const candidates = [
    path.join(toolchainCache(), `pulumi-command-v${COMMAND_PLUGIN_VERSION}`, "bin", "pulumi-resource-command"),
    path.join(commandPluginDir(process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi")), "pulumi-resource-command"),
  ];
  return candidates.find(isExecutable);
}

const preparedHomes = new Map<string, Promise<void>>();

/**
 * Makes a Pulumi home ready for the engine: the command plugin is installed in it (from the toolchain cache, with
 * `pulumi plugin install resource command v1.2.1 --file`), the language host needs nothing (the engine finds it
 * next to `pulumi` or on PATH). A home that has the plugin costs one stat; each home is checked once per process.
 */
export function preparePulumiHome(home: string, pulumi: string): Promise<void> {
  const key = path.resolve(home);
  let p = preparedHomes.get(key);
  if (!p) {
    p = installCommandPlugin(key, pulumi);
    p.catch(() => preparedHomes.delete(key));
    preparedHomes.set(key, p);
  }
  return p;
}

async function installCommandPlugin(home: string, pulumi: string): Promise<void> {
  if (hasCommandPlugin(home)) return;
  const binary = commandPluginBinary();
  if (!binary)
    throw new PulumiSetupError(
      `the command plugin v${COMMAND_PLUGIN_VERSION} is not in the toolchain cache: run scripts/toolchain.sh once (it installs or builds it)`,
    );
  makeDirs(home);
  const args = ["plugin", "install", "resource", "command", `v${COMMAND_PLUGIN_VERSION}`, "--exact", "--file", fs.realpathSync(binary)];
  const env = { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" };
  await new Promise<void>((resolve, reject) =>
    execFile(pulumi, args, { env, encoding: "utf8" }, (err, _stdout, stderr) => {
      if (!err && hasCommandPlugin(home)) return resolve();
      const why = (stderr || (err ? err.message : "")).trim().split("\n").pop() || "no plugin afterwards";
      reject(new PulumiSetupError(`installing the command plugin v${COMMAND_PLUGIN_VERSION} into ${home} failed: ${why}`));
    }),
  );
}

/** The lab's passphrase: the lab stack holds no real secret (its keys are generated per run). */
export const LAB_PASSPHRASE = "citydc-lab-not-secret";

export interface EnvOptions {
  /** Repo root (default: found from this file). */
  readonly root?: string;
  /** file:// URL or directory, or postgres:// URL, of the state backend (default CITYDC_BACKEND_URL, else file://<root>/.state). */
  readonly backendUrl?: string;
  /** Secrets passphrase (default PULUMI_CONFIG_PASSPHRASE / _FILE; the lab stack has a fixed default). */
  readonly passphrase?: string;
  /** PULUMI_HOME (default CITYDC_PULUMI_HOME, else <root>/.pulumi-home); runs install the command plugin into it. */
  readonly pulumiHome?: string;
}

/** The state backends citydc runs on: the Pulumi CLI's DIY backends on a directory or on PostgreSQL. */
const BACKEND_SCHEMES = ["file", "postgres"] as const;

/**
 * The backend URL of a run: the option (`--backend`), else CITYDC_BACKEND_URL, else file://<root>/.state. A
 * plain path is a directory (file://). `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...&table=...` is
 * the Pulumi CLI's own PostgreSQL backend (built into 3.248.0: it creates its table, default pulumi_state).
 * Throws PulumiSetupError for any other scheme (the message never shows the URL's password).
 */
export function backendUrl(given: string | undefined, root: string = repoRoot()): string {
  let backend = given ?? process.env.CITYDC_BACKEND_URL ?? `file://${path.join(root, ".state")}`;
  if (backend.trim() === "") throw new PulumiSetupError("the state backend URL is empty: give --backend file://DIR or postgres://USER:PASSWORD@HOST:PORT/DATABASE (or unset CITYDC_BACKEND_URL)");
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(backend)?.[1];
  if (!scheme) return `file://${path.resolve(backend)}`;
  if (scheme.toLowerCase() === "postgresql") backend = `postgres${backend.slice(scheme.length)}`;
  else if (!(BACKEND_SCHEMES as readonly string[]).includes(scheme.toLowerCase()))
    throw new PulumiSetupError(`the state backend ${scheme}:// is not one citydc runs on: use file://DIR (or a directory) or postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  if (backend.toLowerCase().startsWith("postgres://")) {
    let u: URL;
    try {
      u = new URL(backend);
    } catch {
      throw new PulumiSetupError("the postgres:// state backend URL cannot be read: write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|require");
    }
    if (!u.hostname) throw new PulumiSetupError("the postgres:// state backend URL names no host: postgres://USER:PASSWORD@HOST:PORT/DATABASE");
  }
  return backend;
}

/** The password in a backend URL (decoded), if it has one. */
export function backendPassword(url: string): string | undefined {
  if (!/^postgres:\/\//i.test(url)) return undefined;
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}

/** A backend URL fit to print: its password replaced. */
export function displayBackend(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/i, "$1****@");
}

/** Environment for the Pulumi CLI of one stack. Throws PulumiSetupError when a non-lab stack has no passphrase. */
export function pulumiEnv(stack: string, opts: EnvOptions = {}): Record<string, string> {
  const root = opts.root ?? repoRoot();
  const backend = backendUrl(opts.backendUrl, root);
  if (backend.startsWith("file://")) makeDirs(backend.slice("file://".length));
  const backendShort = secretTooShort("the password of the state backend URL", backendPassword(backend));
  if (backendShort) throw new PulumiSetupError(backendShort);
  const home = opts.pulumiHome ?? process.env.CITYDC_PULUMI_HOME ?? path.join(root, ".pulumi-home");
  makeDirs(home);
  const env: Record<string, string> = {
    PULUMI_BACKEND_URL: backend,
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The command resources (components/checks.ts) run `$CITYDC_NODE $CITYDC_ROOT/bin/citydc.js`; the run's
    // own checkout and node, whatever directory the engine starts its plugins in.
    CITYDC_ROOT: root,
    CITYDC_NODE: process.execPath,
    // citydc logs in with the stack's key only: the backups' SSH client must not offer (or fail on) an agent's.
    SSH_AUTH_SOCK: "",
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
  // A passphrase too short to keep out of records and logs is refused here, before any run (util/redact.ts).
  const short = secretTooShort("the stack passphrase", env.PULUMI_CONFIG_PASSPHRASE ?? passphraseFile(env.PULUMI_CONFIG_PASSPHRASE_FILE));
  if (short) throw new PulumiSetupError(short);
  return env;
}

function passphraseFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined; // the Pulumi CLI says what is wrong with the file
  }
}
