/**
 * A stack's settings, resolved one way for everyone: the Pulumi program reads the `citydc:*` values with
 * pulumi.Config, the audit tools (drift, run records) read them from stacks/Pulumi.<stack>.yaml, and both
 * hand them to `resolveStackConfig`, which applies the same rules (paths relative to the repo root, a list
 * of sites or a single site, the inventory required). Encrypted secrets are read only by the program.
 *
 *   citydc:inventory      inventory file, relative to the repo root (required)
 *   citydc:sites          list of site names this stack configures (or citydc:site for one); none: every site
 *   citydc:hostKeysFile   file of pinned host keys (transport/targets.ts has the formats and the lookup order)
 *   citydc:sshKeyFile     a private key file (the lab's generated key), used when the environment gives none
 *   citydc:auditDir       folder of the run records (default .state/audit/<stack>)
 *   citydc:verify         one verification per site after its devices change (default true; components/checks.ts)
 *   citydc:dataPlaneChecks the verification also runs the lab's data-plane checks (default false: only a stack
 *                         whose hosts are lab namespaces on this machine sets it, the lab stack)
 *   citydc:backups        capture each changed device's running configuration before and after (default true)
 *   citydc:primaryStack   for a stack that holds a DR site: the stack of the site it protects; its DR parity is
 *                         also checked against what that stack last applied (read through a stack reference)
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { CliError } from "../util/errors";

/** What the citydc program needs to know about its stack (from stack config, or overrides of a run). */
export interface ProgramSettings {
  /** Repo root: relative paths in the stack config are resolved against it. */
  readonly root: string;
  readonly stack: string;
  /** Inventory file (config `citydc:inventory`). */
  readonly inventory: string;
  /** Sites this stack configures (config `citydc:sites`, a list; or `citydc:site`). Empty: every site. */
  readonly sites: readonly string[];
  /** File of pinned host keys (config `citydc:hostKeysFile`). */
  readonly hostKeysFile?: string;
  /** Refuse to run when the inventory's DR parity checks fail (default: true for a stack that holds a DR site). */
  readonly requireDrParity?: boolean;
  /** Verify each site after its devices change (config `citydc:verify`, default true). */
  readonly verify?: boolean;
  /** The verification runs the lab's data-plane checks (config `citydc:dataPlaneChecks`, default false). */
  readonly dataPlaneChecks?: boolean;
  /** Running-configuration backups before and after each device change (config `citydc:backups`, default true). */
  readonly backups?: boolean;
  /** The stack of the primary site(s) this stack's DR site protects (config `citydc:primaryStack`). */
  readonly primaryStack?: string;
  /** Login secrets; default config `citydc:sshPassword`/`citydc:sshPrivateKey`, else CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE. */
  readonly credentials?: { readonly password?: string; readonly privateKey?: string };
}

/** The plain `citydc:*` values of a stack config, as written. */
export interface StackConfigValues {
  readonly inventory?: string;
  readonly sites?: readonly string[];
  readonly site?: string;
  readonly hostKeysFile?: string;
  readonly sshKeyFile?: string;
  readonly auditDir?: string;
  readonly verify?: boolean;
  readonly dataPlaneChecks?: boolean;
  readonly backups?: boolean;
  readonly primaryStack?: string;
}

/** The same, resolved: absolute paths, the list of sites. */
export interface StackConfig {
  /** The stack file it came from, when it came from one. */
  readonly file?: string;
  readonly inventory: string;
  /** Sites the stack configures; empty: every site. */
  readonly sites: readonly string[];
  readonly hostKeysFile?: string;
  readonly sshKeyFile?: string;
  readonly auditDir?: string;
  readonly verify: boolean;
  readonly dataPlaneChecks: boolean;
  readonly backups: boolean;
  readonly primaryStack?: string;
}

export const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** The stack file of a stack. */
export function stackFile(root: string, stack: string): string {
  return path.join(root, "stacks", `Pulumi.${stack}.yaml`);
}

/** Applies the rules above. Throws a CliError (exit 2) naming the file when the inventory is not set. */
export function resolveStackConfig(values: StackConfigValues, root: string, stack: string, file: string = stackFile(root, stack)): StackConfig {
  const rel = (p: string): string => (path.isAbsolute(p) ? p : path.join(root, p));
  if (!values.inventory) throw new CliError(`stack ${stack}: set citydc:inventory in ${path.relative(root, file) || file} (the inventory file to build from)`, 2);
  const sites = values.sites ?? (values.site ? [values.site] : []);
  return {
    file,
    inventory: rel(values.inventory),
    sites: sites.map(String),
    ...(values.hostKeysFile ? { hostKeysFile: rel(values.hostKeysFile) } : {}),
    ...(values.sshKeyFile ? { sshKeyFile: rel(values.sshKeyFile) } : {}),
    ...(values.auditDir ? { auditDir: rel(values.auditDir) } : {}),
    verify: values.verify ?? true,
    dataPlaneChecks: values.dataPlaneChecks ?? false,
    backups: values.backups ?? true,
    ...(values.primaryStack ? { primaryStack: values.primaryStack } : {}),
  };
}

/** A config value meant as a boolean: YAML's true/false or the strings `pulumi config set` writes. */
export function configBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === "true";
  return undefined;
}

/** The `citydc:*` values of stacks/Pulumi.<stack>.yaml. Throws a CliError (exit 2) for a missing or unreadable file. */
export function readStackValues(root: string, stack: string): StackConfigValues {
  if (!STACK_NAME.test(stack)) throw new CliError(`--stack: '${stack}' is not a stack name`, 2);
  const file = stackFile(root, stack);
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `no stack '${stack}' (${file} does not exist)` : `${file}: cannot read it (${(err as Error).message})`, 2);
  }
  const config = ((doc as { config?: Record<string, unknown> } | null)?.config ?? {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof config[`citydc:${k}`] === "string" ? (config[`citydc:${k}`] as string) : undefined);
  const list = config["citydc:sites"];
  return {
    inventory: str("inventory"),
    sites: Array.isArray(list) ? list.map(String) : undefined,
    site: str("site"),
    hostKeysFile: str("hostKeysFile"),
    sshKeyFile: str("sshKeyFile"),
    auditDir: str("auditDir"),
    verify: configBoolean(config["citydc:verify"]),
    dataPlaneChecks: configBoolean(config["citydc:dataPlaneChecks"]),
    backups: configBoolean(config["citydc:backups"]),
    primaryStack: str("primaryStack"),
  };
}

/** A stack's config, read from its file and resolved (what `citydc drift --stack` uses). */
export function readStackConfig(root: string, stack: string): StackConfig {
  return resolveStackConfig(readStackValues(root, stack), root, stack);
}
