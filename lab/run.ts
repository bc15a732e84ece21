/**
 * Runs the system tools the lab drives (ip, ovs-vsctl, sshd, FRR daemons) without a shell, with a
 * bounded time, and turns a failure into a LabError that names the step.
 */
import { execFileSync, spawnSync } from "child_process";

export class LabError extends Error {
  constructor(message: string, readonly hint = "") {
    super(message);
    this.name = "LabError";
  }
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Text written to the command's stdin. */
  readonly input?: string;
}

/** Runs a command; throws LabError with its stderr when it fails. Returns stdout. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): string {
  try {
    return execFileSync(cmd, args as string[], {
      env: opts.env ?? process.env,
      timeout: opts.timeoutMs ?? 20_000,
      input: opts.input,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (err) {
    const e = err as { stderr?: string; status?: number | null; signal?: string | null; code?: string };
    if (e.code === "ENOENT") throw new LabError(`${cmd} is not installed`, "run scripts/lab-deps.sh (as root) to install the lab packages");
    const why = e.signal ? `killed by ${e.signal}` : `exit ${e.status}`;
    const stderr = (e.stderr ?? "").toString().trim().split("\n").slice(-3).join(" | ");
    throw new LabError(`${cmd} ${args.join(" ")}: ${why}${stderr ? `: ${stderr}` : ""}`);
  }
}

/** Runs a command and reports only whether it succeeded (for probes). */
export function succeeds(cmd: string, args: readonly string[], opts: RunOptions = {}): boolean {
  const r = spawnSync(cmd, args as string[], { env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 10_000, stdio: "ignore" });
  return r.status === 0;
}

/** Like run, but returns stdout, stderr and the exit status without throwing. */
export function capture(cmd: string, args: readonly string[], opts: RunOptions = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args as string[], {
    env: opts.env ?? process.env,
    timeout: opts.timeoutMs ?? 10_000,
    input: opts.input,
    encoding: "utf8",
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
