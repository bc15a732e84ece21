/**
 * Opens an SSH connection to a device with its host key pinned. Every failure becomes a TransportError
 * whose kind says what went wrong (unreachable, auth, hostkey, timeout); messages never carry a secret.
 */
import { Client, type ConnectConfig, type ServerHostKeyAlgorithm } from "ssh2";
import { TransportError, type DeviceTarget } from "./types";
import { redact as redactSecrets } from "../util/redact";

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The key type and wire blob of a pinned "ssh-ed25519 AAAA... [comment]" line. */
export function parsePinnedKey(line: string): { type: string; blob: Buffer } | undefined {
  const [type, b64] = line.trim().split(/\s+/);
  if (!type || !b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const blob = Buffer.from(b64, "base64");
  // The blob starts with the key type as an SSH string: a pin whose type and blob disagree is refused.
  if (blob.length < 4) return undefined;
  const n = blob.readUInt32BE(0);
  if (blob.subarray(4, 4 + n).toString("latin1") !== type) return undefined;
  return { type, blob };
}

/** Host key algorithms that present a key of this type. */
function hostKeyAlgorithms(type: string): string[] {
  if (type === "ssh-rsa") return ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];
  return [type];
}

/** The target's secrets (every form of them) and anything that looks like a secret, out of a text (util/redact.ts). */
export function redact(text: string, target: DeviceTarget): string {
  return redactSecrets(text, [target.password, target.privateKey]);
}

export function timeoutOf(target: DeviceTarget): number {
  return target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

export function connect(target: DeviceTarget): Promise<Client> {
  const where = `${target.user}@${target.host}:${target.port}`;
  const pin = parsePinnedKey(target.hostKey ?? "");
  if (!pin) {
    return Promise.reject(new TransportError(target.device, "hostkey", `no valid pinned host key for ${where} (expected "ssh-ed25519 AAAA...")`));
  }
  if (!target.password && !target.privateKey) {
    return Promise.reject(new TransportError(target.device, "auth", `no password or private key for ${where}`));
  }
  return new Promise((resolve, reject) => {
    const client = new Client();
    let mismatch = false;
    let settled = false;
    const fail = (err: TransportError) => {
      if (settled) return;
      settled = true;
      client.end();
      reject(err);
    };
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.user,
      readyTimeout: timeoutOf(target),
      keepaliveInterval: 10_000,
      algorithms: { serverHostKey: hostKeyAlgorithms(pin.type) as ServerHostKeyAlgorithm[] },
      hostVerifier: (key: Buffer) => {
        const ok = Buffer.isBuffer(key) && key.equals(pin.blob);
        if (!ok) mismatch = true;
        return ok;
      },
      ...(target.password ? { password: target.password } : {}),
      ...(target.privateKey ? { privateKey: target.privateKey } : {}),
    };
    client.on("ready", () => {
      if (settled) return;
      settled = true;
      resolve(client);
    });
    client.on("error", (err: Error & { level?: string; code?: string }) => {
      if (mismatch) {
        return fail(new TransportError(target.device, "hostkey", `the host key of ${where} does not match the pinned key; refusing to log in (a different device, or its key was regenerated: check, then update the pin)`));
      }
      const level = err.level ?? "";
      if (level === "client-authentication") return fail(new TransportError(target.device, "auth", `authentication as ${target.user} at ${target.host}:${target.port} failed`));
      if (level === "client-timeout") return fail(new TransportError(target.device, "timeout", `no SSH handshake with ${where} within ${timeoutOf(target)} ms`));
      if (level === "handshake" && /no matching host key/i.test(err.message)) {
        return fail(new TransportError(target.device, "hostkey", `${where} offers no host key of the pinned type ${pin.type}`));
      }
      if (level === "client-socket" || level === "client-dns" || err.code) {
        return fail(new TransportError(target.device, "unreachable", `cannot reach ${where}: ${err.code ?? "connection failed"}`));
      }
      fail(new TransportError(target.device, "unreachable", `SSH connection to ${where} failed: ${redact(err.message, target)}`));
    });
    client.on("close", () => fail(new TransportError(target.device, "unreachable", `${where} closed the connection during login`)));
    try {
      client.connect(config);
    } catch (err) {
      // ssh2 throws synchronously for a malformed private key; never echo the key.
      fail(new TransportError(target.device, "auth", `the private key for ${where} cannot be used (${err instanceof Error && /passphrase/i.test(err.message) ? "encrypted" : "malformed"})`));
    }
  });
}
