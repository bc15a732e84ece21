/**
 * The lab's key material, kept in a lab directory (default <repo>/.lab/<inventory name>, or $CITYDC_LAB_DIR/<name>)
 * so the pins stay the same across `lab down` / `lab up`:
 *   hostkeys/<device>      the device's sshd host key (ed25519)
 *   hostkeys.json          device -> "ssh-ed25519 AAAA..." (what the stack pins)
 *   id_ed25519(.pub)       the client key citydc logs in with (CITYDC_SSH_KEY_FILE)
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "./run";
import { makeDirs } from "../util/dirs";

/** The repo's .lab (where stacks/Pulumi.lab.yaml looks for the pins), else ./.lab. */
function defaultBase(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml")) && fs.existsSync(path.join(dir, "package.json"))) return path.join(dir, ".lab");
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(".lab");
    dir = up;
  }
}

export function labDir(inventoryName: string, base?: string): string {
  const root = base ?? process.env.CITYDC_LAB_DIR ?? defaultBase();
  return path.join(path.resolve(root), inventoryName);
}

function keygen(file: string, comment: string): boolean {
  if (fs.existsSync(file) && fs.existsSync(`${file}.pub`)) return false;
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.pub`, { force: true });
  run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file]);
  fs.chmodSync(file, 0o600);
  return true;
}

/** "ssh-ed25519 AAAA..." without the comment. */
export function publicKeyLine(file: string): string {
  const [type, blob] = fs.readFileSync(file, "utf8").trim().split(/\s+/);
  return `${type} ${blob}`;
}

export interface LabKeys {
  readonly dir: string;
  readonly clientKeyFile: string;
  readonly clientPublicKey: string;
  /** device -> host key file (private, for sshd). */
  readonly hostKeyFiles: Readonly<Record<string, string>>;
  /** device -> public host key line. */
  readonly hostKeys: Readonly<Record<string, string>>;
  /** Key files created by this call. */
  readonly created: readonly string[];
}

export function ensureKeys(dir: string, devices: readonly string[]): LabKeys {
  makeDirs(path.join(dir, "hostkeys"), 0o700);
  const created: string[] = [];
  const clientKeyFile = path.join(dir, "id_ed25519");
  if (keygen(clientKeyFile, "citydc-lab-client")) created.push(clientKeyFile);
  const hostKeyFiles: Record<string, string> = {};
  const hostKeys: Record<string, string> = {};
  for (const d of devices) {
    const f = path.join(dir, "hostkeys", d);
    if (keygen(f, `citydc-lab-${d}`)) created.push(f);
    hostKeyFiles[d] = f;
    hostKeys[d] = publicKeyLine(`${f}.pub`);
  }
  const json = JSON.stringify(hostKeys, null, 2) + "\n";
  const jsonFile = path.join(dir, "hostkeys.json");
  if (!fs.existsSync(jsonFile) || fs.readFileSync(jsonFile, "utf8") !== json) fs.writeFileSync(jsonFile, json);
  return { dir, clientKeyFile, clientPublicKey: publicKeyLine(`${clientKeyFile}.pub`), hostKeyFiles, hostKeys, created };
}
