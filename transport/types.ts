/**
 * How citydc talks to a device. Two drivers behind one interface:
 *  - exec: one SSH exec channel per script (ovs: one `ovs-vsctl` transaction; frr: one `vtysh` run; junos);
 *  - shell: an interactive CLI session (huawei-vrp, cisco-nxos, arista-eos, and FRR's vtysh as a login
 *    shell in the lab): login, prompt detection, paging off, config mode, stop and roll back on error,
 *    commit where the platform has one, save.
 * Host keys are always pinned; credentials never appear in errors or logs.
 */
import type { PlatformName } from "../model/types";

export interface DeviceTarget {
  readonly device: string;
  readonly platform: PlatformName;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Pinned host key, "ssh-ed25519 AAAA..." (the public key line); a mismatch refuses the login. */
  readonly hostKey: string;
  readonly password?: string;
  /** PEM/OpenSSH private key text. */
  readonly privateKey?: string;
  /** Per-operation timeout in ms (default 30 s). */
  readonly timeoutMs?: number;
}

export interface ApplyResult {
  /** Everything the device printed, secrets never included. */
  readonly output: string;
}

export interface DeviceSession {
  /** Sends the already wrapped script (Platform.wrap) in this one session; throws TransportError on failure after rolling back where the platform can. */
  apply(script: readonly string[]): Promise<ApplyResult>;
  /** Runs read-only commands, returns each one's output in order. */
  show(commands: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

export type TransportErrorKind = "unreachable" | "auth" | "hostkey" | "timeout" | "command" | "rollback";

export class TransportError extends Error {
  constructor(
    readonly device: string,
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    super(`${device}: ${message}`);
    this.name = "TransportError";
  }
}
