/**
 * `openSession(target)`: one SSH session to a device, with the driver its platform needs
 * (capabilities.transport: "exec" or "shell"; the shell driver follows the platform's ShellDialect).
 * The Pulumi provider calls exactly this.
 */
import type { Client } from "ssh2";
import type { ShellDialect } from "../platforms/types";
import { findPlatform } from "../platforms/registry";
import { TransportError, type DeviceSession, type DeviceTarget } from "./types";
import { connect } from "./connect";
import { ExecSession } from "./exec";
import { ShellSession } from "./shell";

export { TransportError };
export type { DeviceSession, DeviceTarget };
export { ExecSession, ShellSession, connect };

export async function openExecSession(target: DeviceTarget): Promise<DeviceSession> {
  const client = await connect(target);
  return new ExecSession(client, target);
}

export async function openShellSession(target: DeviceTarget, dialect: ShellDialect): Promise<DeviceSession> {
  const client: Client = await connect(target);
  try {
    return await ShellSession.open(client, target, dialect);
  } catch (err) {
    client.end();
    throw err;
  }
}

export async function openSession(target: DeviceTarget): Promise<DeviceSession> {
  const platform = findPlatform(target.platform);
  const transport = platform?.capabilities.transport;
  if (!transport) throw new TransportError(target.device, "command", `unknown platform '${target.platform}'`);
  if (transport === "exec") return openExecSession(target);
  const dialect = platform?.shell;
  if (!dialect) throw new TransportError(target.device, "command", `platform ${target.platform} has no shell dialect for its CLI`);
  return openShellSession(target, dialect);
}
