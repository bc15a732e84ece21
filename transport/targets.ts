/**
 * Where and as whom citydc logs in to a device: the one resolver that the Pulumi program (stacks/) and
 * the audit tools (drift) share, so `up` and `drift` always pin the same key and use the same login.
 *
 * Address, port and user come from the inventory's `management`. The pinned host key is the first of:
 *   1. `management.hostKey` in the inventory;
 *   2. the host-keys file's entry for the device's name;
 *   3. its entry for "[address]:port" (OpenSSH's form for a port other than 22), or "address:port";
 *   4. its entry for the bare address, only when the port is 22 (OpenSSH's meaning of a bare host name).
 * No key, no login: the target keeps an empty key, a preview works, and every login is refused.
 *
 * Host-keys file: known_hosts lines "<name>[,<name>...] <key type> <base64 key> [comment]", blank lines
 * and lines starting with # ignored; or the lab's JSON, hostkeys.json ({ "<device>": "<type> <base64>" })
 * or lab.json ({ devices: [{ name, hostKey }] }).
 *
 * Credentials (never printed): the stack's secrets when it has them (the program passes those itself),
 * else CITYDC_SSH_PASSWORD and the key in CITYDC_SSH_KEY_FILE, or (without that variable) the key file the
 * stack names (`citydc:sshKeyFile`, the lab's generated key) when it exists.
 */
import { existsSync, readFileSync } from "fs";
import type { Device } from "../model/types";
import type { DeviceTarget } from "./types";
import { CliError } from "../util/errors";
import { secretTooShort } from "../util/redact";

export type HostKeys = ReadonlyMap<string, string>;

/** The parts of a device's login that are not secret (what a DeviceConfig resource records). */
export interface Login {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** "<type> <base64>", or "" when nothing pins it. */
  readonly hostKey: string;
}

export interface Credentials {
  readonly password?: string;
  readonly privateKey?: string;
}

/** A host-keys file's text as a map from name ("leaf1", "[10.0.0.5]:2222", "10.0.0.5") to "<type> <key>". */
export function parseHostKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  if (text.trimStart().startsWith("{")) {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (Array.isArray(data.devices)) {
      for (const d of data.devices as { name?: unknown; hostKey?: unknown }[])
        if (typeof d?.name === "string" && typeof d.hostKey === "string") keys.set(d.name, d.hostKey);
    } else for (const [name, key] of Object.entries(data)) if (typeof key === "string") keys.set(name, key);
    return keys;
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const parts = line.split(/\s+/);
    if (parts.length < 3) continue;
    const key = `${parts[1]} ${parts[2]}`;
    for (const name of parts[0]!.split(",")) keys.set(name, key);
  }
  return keys;
}

/** Reads a host-keys file. Throws with a message that names the file and what is wrong with it. */
export function readHostKeys(file: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`host keys ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? "error"}; the lab writes it: citydc lab up)`);
  }
  try {
    return parseHostKeys(text);
  } catch (err) {
    throw new Error(`host keys ${file}: not a host-keys file (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The pinned key of a device (lookup order above), or undefined. */
export function hostKeyFor(device: Device, keys: HostKeys | undefined): string | undefined {
  const { address, port, hostKey } = device.management;
  if (hostKey) return hostKey;
  if (!keys) return undefined;
  return keys.get(device.name) ?? keys.get(`[${address}]:${port}`) ?? keys.get(`${address}:${port}`) ?? (port === 22 ? keys.get(address) : undefined);
}

/** A device's login without its secrets. */
export function loginOf(device: Device, keys: HostKeys | undefined): Login {
  const m = device.management;
  return { host: m.address, port: m.port, user: m.user, hostKey: hostKeyFor(device, keys) ?? "" };
}

/**
 * Credentials from the environment, else from the stack's key file. `notes` says what was skipped (a
 * key file the stack names that does not exist yet), for the caller to show as a warning.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env, stackKeyFile?: string): { credentials: Credentials; notes: string[] } {
  const notes: string[] = [];
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, "utf8");
    } catch (err) {
      throw new Error(`${what}=${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
  };
  let privateKey: string | undefined;
  if (env.CITYDC_SSH_KEY_FILE) privateKey = read(env.CITYDC_SSH_KEY_FILE, "CITYDC_SSH_KEY_FILE");
  else if (stackKeyFile) {
    if (existsSync(stackKeyFile)) privateKey = read(stackKeyFile, "citydc:sshKeyFile");
    else notes.push(`citydc:sshKeyFile ${stackKeyFile} does not exist (yet): preview works, a login cannot`);
  }
  // A password too short to keep out of records and logs is refused where it enters (util/redact.ts).
  const short = secretTooShort("CITYDC_SSH_PASSWORD", env.CITYDC_SSH_PASSWORD);
  if (short) throw new CliError(short, 2);
  return { credentials: { ...(env.CITYDC_SSH_PASSWORD ? { password: env.CITYDC_SSH_PASSWORD } : {}), ...(privateKey ? { privateKey } : {}) }, notes };
}

/** A full login target for each device of an inventory, or the reason there is none (no key, no credentials). */
export function targetBuilder(keys: HostKeys | undefined, creds: Credentials, timeoutMs?: number) {
  return (device: Device): DeviceTarget | string => {
    const login = loginOf(device, keys);
    if (!login.hostKey)
      return `no pinned SSH host key for ${device.name} (${login.host}:${login.port}): set management.hostKey in the inventory or pass --hostkeys FILE`;
    if (!creds.password && !creds.privateKey) return "no credentials: set CITYDC_SSH_PASSWORD or CITYDC_SSH_KEY_FILE";
    return {
      device: device.name,
      platform: device.platform,
      ...login,
      ...(creds.password ? { password: creds.password } : {}),
      ...(creds.privateKey ? { privateKey: creds.privateKey } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    };
  };
}
