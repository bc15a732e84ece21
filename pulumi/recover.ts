/**
 * Recovery of a stack whose run was killed (engine killed, CI runner lost): `citydc cancel --stack NAME`.
 *
 *   1. The lock: the run's lock file stays behind, and every later run is refused. `pulumi cancel` removes it
 *      (on a DIY backend it deletes every lock of the stack, whoever holds it: the caller checks first that
 *      no live run on this machine holds it).
 *   2. Pending operations: the checkpoint lists the resource operations the killed engine had started and not
 *      finished (`pending_operations`: creating, updating, deleting). The engine 3.248.0 warns about them on every
 *      later `up` and keeps them until a refresh clears them (pending creates only interactively). They are
 *      reported (a DeviceConfig among them is a device whose change may be half done), then dropped from the
 *      checkpoint (export, edit, import; secrets stay encrypted): a pending create is created again by the next
 *      up (citydc's commands are idempotent), a pending update keeps the state of the last finished apply.
 *   3. The half-done devices are read back (a refresh of just their DeviceConfigs), so the state says what they
 *      really hold and the next `citydc up` sends exactly what is missing. Unreachable ones stay as they were
 *      last applied; `citydc up --refresh` reads them once they answer.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEVICE_CONFIG_TYPE } from "../provider/types";
import { findPulumiRoot, pulumiEnv } from "./env";
import { checkRole, openStack, refreshStack, urnName, urnType, type StackOptions, type StackRunResult } from "./stacks";

export interface PendingOperation {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** creating, updating, deleting, reading, importing */
  readonly operation: string;
  /** A DeviceConfig's device, or a backup's device. */
  readonly device?: string;
  /** A verification's site. */
  readonly site?: string;
}

export interface RecoverResult {
  /** `pulumi cancel` ran (it removes every lock of the stack). */
  readonly released: boolean;
  readonly pending: readonly PendingOperation[];
  /** The pending operations were dropped from the checkpoint. */
  readonly cleared: boolean;
  /** Devices whose change may be half done (a DeviceConfig was being created, updated or deleted). */
  readonly halfDone: readonly string[];
  /** The refresh of the half-done devices that are still in the state (absent when there was none or refresh was off). */
  readonly refreshed?: StackRunResult;
}

interface Checkpoint {
  readonly version: number;
  readonly deployment: { pending_operations?: { resource: { urn: string; type: string }; type: string }[]; resources?: { urn: string; type: string }[] } & Record<string, unknown>;
}

function cli(args: string[], cwd: string, env: Record<string, string>, input?: string): Promise<string> {
  const pulumi = path.join(findPulumiRoot(), "bin", "pulumi");
  return new Promise((resolve, reject) => {
    const child = execFile(pulumi, [...args, "--non-interactive"], { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`pulumi ${args.slice(0, 2).join(" ")} failed: ${(stderr || err.message).trim().split("\n").slice(-3).join(" ")}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The pending operations of an exported checkpoint, each with what it concerns. */
export function pendingOperations(checkpoint: Checkpoint): PendingOperation[] {
  return (checkpoint.deployment.pending_operations ?? []).map((p) => {
    const urn = p.resource.urn;
    const type = p.resource.type ?? urnType(urn);
    const name = urnName(urn);
    const role = checkRole(type, name);
    const device = type === DEVICE_CONFIG_TYPE ? name : role?.device;
    return { urn, type, name, operation: p.type, ...(device ? { device } : {}), ...(role?.site ? { site: role.site } : {}) };
  });
}

/** Releases the lock, reports and clears pending operations, reads the half-done devices back. */
export async function recoverStack(name: string, opts: StackOptions & { readonly refresh?: boolean } = {}): Promise<RecoverResult> {
  const stack = await openStack(name, { ...opts, mustExist: true });
  await stack.cancel();
  const env = pulumiEnv(name, { ...opts, ...(opts.root ? { root: opts.root } : {}) });
  const cwd = stack.workspace.workDir;
  // The checkpoint as stored: secrets stay ciphertext (no --show-secrets).
  const checkpoint = JSON.parse(await cli(["stack", "export", "--stack", name], cwd, env)) as Checkpoint;
  const pending = pendingOperations(checkpoint);
  let cleared = false;
  if (pending.length > 0) {
    const edited: Checkpoint = { ...checkpoint, deployment: { ...checkpoint.deployment, pending_operations: [] } };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "citydc-cancel-")), "checkpoint.json");
    try {
      fs.writeFileSync(file, JSON.stringify(edited), { mode: 0o600 });
      await cli(["stack", "import", "--stack", name, "--file", file], cwd, env);
      cleared = true;
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }
  const halfDone = [...new Set(pending.filter((p) => p.type === DEVICE_CONFIG_TYPE && p.device).map((p) => p.device!))].sort();
  const inState = new Set((checkpoint.deployment.resources ?? []).map((r) => r.urn));
  const targets = pending.filter((p) => p.type === DEVICE_CONFIG_TYPE && inState.has(p.urn)).map((p) => p.urn);
  let refreshed: StackRunResult | undefined;
  if (opts.refresh !== false && targets.length > 0) refreshed = await refreshStack(name, { ...opts, targets });
  return { released: true, pending, cleared, halfDone, ...(refreshed ? { refreshed } : {}) };
}
