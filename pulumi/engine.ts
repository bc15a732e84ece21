/**
 * The engine process of every Automation API run, started in a process group of its own, and the way to stop
 * it cleanly.
 *
 * The Pulumi CLI cancels an update on its first SIGINT or SIGTERM (it lets the operations in flight finish, writes
 * the state and exits) and terminates on the second, which can leave a device half done. Started in citydc's own
 * process group, a Ctrl-C at the terminal would reach it directly AND through citydc, which forwards interrupts:
 * that is two signals, a termination. So the engine gets a group of its own (the resource plugins already have
 * theirs), and citydc alone decides what it receives: `interruptEngines()` sends one SIGINT to each running
 * engine per call, so one Ctrl-C cancels cleanly and a second one terminates, as with plain `pulumi`.
 *
 * Implementation: the Automation API runs the CLI through `PulumiCommand.run` (@pulumi/pulumi 3.248.0, pinned
 * exactly); `detached(command)` is the same command whose `run` spawns the CLI the same way (`--non-interactive`,
 * the CLI's own directory first on PATH, PULUMI_AUTOMATION_API) but in a new process group.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";

const running = new Set<ChildProcess>();
let interrupts = 0;
/** An interrupt came while no engine ran: the next engine to start is interrupted at once (it writes no change). */
let pending = false;

/** How many times interruptEngines() has been called in this process (a run compares it before and after). */
export function interruptCount(): number {
  return interrupts;
}

/** Engine processes of this process that are running now (their pids). */
export function runningEngines(): number[] {
  return [...running].map((p) => p.pid).filter((p): p is number => typeof p === "number");
}

/**
 * Sends SIGINT to every running engine: the first call cancels cleanly, a second one terminates. Returns how
 * many. With none running, the next engine that starts in this process is interrupted as soon as it starts.
 */
export function interruptEngines(): number {
  interrupts++;
  if (running.size === 0) pending = true;
  let n = 0;
  for (const p of running) {
    if (p.exitCode === null && p.signalCode === null && p.pid !== undefined) {
      try {
        process.kill(p.pid, "SIGINT");
        n++;
      } catch {
        /* already gone */
      }
    }
  }
  return n;
}

type RunFn = (
  args: string[],
  cwd: string,
  additionalEnv: Record<string, string>,
  onOutput?: (data: string) => void,
  onError?: (data: string) => void,
  signal?: AbortSignal,
) => Promise<unknown>;

/** The same PulumiCommand, its CLI started in a process group of its own (see the header). */
export function detached(cmd: PulumiCommand): PulumiCommand {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const auto = require("@pulumi/pulumi/automation/cmd") as { CommandResult: new (stdout: string, stderr: string, code: number, err?: Error) => unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCommandError } = require("@pulumi/pulumi/automation/errors") as { createCommandError: (r: unknown) => Error };
  const run: RunFn = (args, cwd, additionalEnv, onOutput, onError, signal) => {
    if (!args.includes("--non-interactive")) args.push("--non-interactive");
    const env: Record<string, string | undefined> = { ...process.env, ...additionalEnv, PULUMI_AUTOMATION_API: "true" };
    if (path.isAbsolute(cmd.command)) env.PATH = `${path.dirname(cmd.command)}${path.delimiter}${additionalEnv.PATH ?? process.env.PATH ?? ""}`;
    return new Promise((resolve, reject) => {
      const child = spawn(cmd.command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      running.add(child);
      if (pending && child.pid !== undefined) {
        pending = false;
        process.kill(child.pid, "SIGINT");
      }
      let stdout = "";
      let stderr = "";
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
        onOutput?.(d);
      });
      child.stderr!.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
        onError?.(d);
      });
      const abort = () => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGINT");
      };
      signal?.addEventListener("abort", abort, { once: true });
      child.on("error", (err) => {
        running.delete(child);
        reject(createCommandError(new auto.CommandResult("", err.message, -2, err)));
      });
      child.on("close", (code, sig) => {
        running.delete(child);
        signal?.removeEventListener("abort", abort);
        const exit = code ?? (sig ? -1 : -2);
        const result = new auto.CommandResult(stdout, sig ? `${stderr}\n(the pulumi CLI ended by signal ${sig})` : stderr, exit);
        if (exit !== 0) reject(createCommandError(result));
        else resolve(result);
      });
    });
  };
  return Object.assign(Object.create(cmd) as PulumiCommand, { run });
}
