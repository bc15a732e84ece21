/**
 * What `citydc drift --stack NAME` takes from stacks/Pulumi.<stack>.yaml, resolved as the stack program
 * resolves it (stacks/index.ts): citydc:inventory, citydc:sites (or citydc:site), citydc:hostKeysFile and
 * citydc:sshKeyFile, paths relative to the repo root. Encrypted secrets (citydc:sshPassword,
 * citydc:sshPrivateKey) are not read here: the auditor gives CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { CliError } from "../cli/errors";

export interface StackAuditConfig {
  readonly file: string;
  readonly inventory: string;
  /** Sites the stack configures; empty: every site. */
  readonly sites: readonly string[];
  readonly hostKeysFile?: string;
  readonly sshKeyFile?: string;
}

export function readStackConfig(root: string, stack: string): StackAuditConfig {
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new CliError(`--stack: '${stack}' is not a stack name`, 2);
  const file = path.join(root, "stacks", `Pulumi.${stack}.yaml`);
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `no stack '${stack}' (${file} does not exist)` : `${file}: cannot read it (${(err as Error).message})`, 2);
  }
  const config = ((doc as { config?: Record<string, unknown> } | null)?.config ?? {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof config[`citydc:${k}`] === "string" ? (config[`citydc:${k}`] as string) : undefined);
  const rel = (p: string): string => (path.isAbsolute(p) ? p : path.join(root, p));
  const inventory = str("inventory");
  if (!inventory) throw new CliError(`${file}: citydc:inventory is not set`, 2);
  const list = config["citydc:sites"];
  const one = str("site");
  const sites = Array.isArray(list) ? list.map(String) : one ? [one] : [];
  const hostKeysFile = str("hostKeysFile");
  const sshKeyFile = str("sshKeyFile");
  return {
    file,
    inventory: rel(inventory),
    sites,
    ...(hostKeysFile ? { hostKeysFile: rel(hostKeysFile) } : {}),
    ...(sshKeyFile ? { sshKeyFile: rel(sshKeyFile) } : {}),
  };
}
