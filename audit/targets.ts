/**
 * Login targets for the audit tools, the same way the stacks log in: the inventory's management address,
 * port and user; the host key pinned by the inventory (management.hostKey) or by a host-keys file (the
 * lab writes one; stack config `citydc:hostKeysFile`); the password or key from CITYDC_SSH_PASSWORD /
 * CITYDC_SSH_KEY_FILE. No host key, no login.
 *
 * Host-keys file: one "<name> <key type> <base64 key> [comment]" per line, where <name> is the device
 * name, "address:port", "[address]:port" or the bare address (used only when no other device shares it).
 * Blank lines and lines starting with # are ignored. The lab's JSON files are read too: hostkeys.json
 * ({ "<device>": "ssh-ed25519 AAAA..." }) and lab.json ({ devices: [{ name, hostKey }] }).
 */
import { readFileSync } from "fs";
import type { Device } from "../inventory/types";
import type { DeviceTarget } from "../transport/types";

export type HostKeys = ReadonlyMap<string, string>;

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

export function readHostKeys(file: string): Map<string, string> {
  return parseHostKeys(readFileSync(file, "utf8"));
}

/** The pinned key of a device, or undefined. */
export function hostKeyFor(device: Device, keys: HostKeys | undefined, addressShared: boolean): string | undefined {
  if (device.management.hostKey) return device.management.hostKey;
  if (!keys) return undefined;
  const { address, port } = device.management;
  return (
    keys.get(device.name) ??
    keys.get(`[${address}]:${port}`) ??
    keys.get(`${address}:${port}`) ??
    (addressShared ? undefined : keys.get(address))
  );
}

export interface Credentials {
  readonly password?: string;
  readonly privateKey?: string;
}

/** CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE; never printed. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  const out: { password?: string; privateKey?: string } = {};
  if (env.CITYDC_SSH_PASSWORD) out.password = env.CITYDC_SSH_PASSWORD;
  if (env.CITYDC_SSH_KEY_FILE) {
    try {
      out.privateKey = readFileSync(env.CITYDC_SSH_KEY_FILE, "utf8");
    } catch {
      throw new Error(`CITYDC_SSH_KEY_FILE names a file that cannot be read (${env.CITYDC_SSH_KEY_FILE})`);
    }
  }
  return out;
}

/** A target builder for all devices of an inventory. Returns an error text when the host key is unknown. */
export function targetBuilder(devices: readonly Device[], keys: HostKeys | undefined, creds: Credentials, timeoutMs?: number) {
  const perAddress = new Map<string, number>();
  for (const d of devices) perAddress.set(d.management.address, (perAddress.get(d.management.address) ?? 0) + 1);
  return (device: Device): DeviceTarget | string => {
    const hostKey = hostKeyFor(device, keys, (perAddress.get(device.management.address) ?? 0) > 1);
    if (!hostKey)
      return `no pinned SSH host key for ${device.name} (${device.management.address}:${device.management.port}): set management.hostKey in the inventory or pass --hostkeys FILE`;
    if (!creds.password && !creds.privateKey)
      return "no credentials: set CITYDC_SSH_PASSWORD or CITYDC_SSH_KEY_FILE";
    return {
      device: device.name,
      platform: device.platform,
      host: device.management.address,
      port: device.management.port,
      user: device.management.user,
      hostKey,
      ...(creds.password ? { password: creds.password } : {}),
      ...(creds.privateKey ? { privateKey: creds.privateKey } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    };
  };
}
