/**
 * Runs the real `citydc` (bin/citydc.js, the compiled dist/) in a child process under a generous wall
 * clock limit and an address-space limit. The limits are a hang and blow-up detector, not a timing
 * assertion: a run that takes a few seconds passes as well as one that takes milliseconds; only a run
 * that never ends, or grows without bound, fails (`timedOut` or `killed`).
 */
import { spawnSync, type SpawnSyncOptions } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..", "..");
export const BIN = join(ROOT, "bin", "citydc.js");

export interface BoundedRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The wall clock limit ended it. */
  readonly timedOut: boolean;
  /** Ended by a signal (the limit, or running out of address space). */
  readonly killed: boolean;
}

export interface Limits {
  /** Wall clock limit, default 30 s. */
  readonly timeoutMs?: number;
  /** Address-space limit, default 2 GiB (node reserves much more virtual memory than it uses). */
  readonly memoryBytes?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly stdio?: SpawnSyncOptions["stdio"];
  readonly input?: string;
}

const PRLIMIT = ["/usr/bin/prlimit", "/bin/prlimit"].find((p) => existsSync(p));

/** `citydc ...args` under the limits. */
export function citydcBounded(args: readonly string[], limits: Limits = {}): BoundedRun {
  const memory = limits.memoryBytes ?? 2 * 1024 ** 3;
  const argv = [BIN, ...args];
  const [cmd, cmdArgs] = PRLIMIT ? [PRLIMIT, [`--as=${memory}`, "--", process.execPath, ...argv]] : [process.execPath, argv];
  const r = spawnSync(cmd, cmdArgs, {
    cwd: limits.cwd ?? ROOT,
    encoding: "utf8",
    timeout: limits.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...(limits.env ?? {}) },
    ...(limits.stdio ? { stdio: limits.stdio } : {}),
    ...(limits.input !== undefined ? { input: limits.input } : {}),
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", timedOut, killed: r.signal !== null };
}

/** A stack trace in output: "    at fn (file.js:1:2)". */
export const STACK_TRACE = /\n\s+at .+[:(]\d+/;
