/**
 * `citydc plan|up|destroy --stack a --stack b ... [--parallel-stacks N]`: each stack runs as a citydc process of
 * its own (its own engine, its own lock, its own memory), at most N at a time (default 4). Their output comes
 * line by line, each line prefixed with its stack; then one line per stack with its result and exit status.
 * With `--format json` the output is one document (`citydc.stacks/v1`) holding each stack's own JSON.
 * Exit: 0 every stack exited 0, 1 any stack failed (each one's own exit code is in the report), 2 usage,
 * 130 interrupted (each running stack got the signal once and stopped cleanly; stacks not started were not run).
 */
import { spawn } from "child_process";
import * as path from "path";
import { UsageError } from "../util/errors";
import type { ParsedArgs } from "../util/args";
import { INTERRUPTED } from "./stackRun";

export const DEFAULT_PARALLEL_STACKS = 4;

export interface StackExit {
  readonly stack: string;
  /** The stack's own exit code (null: it did not run). */
  readonly code: number | null;
  readonly durationMs: number;
  readonly stdout: string;
}

/** The argument list without the --stack and --parallel-stacks options (what each stack's own run gets). */
export function withoutStackOptions(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      out.push(...argv.slice(i));
      break;
    }
    if (a === "--stack" || a === "--parallel-stacks") {
      i++;
      continue;
    }
    if (a.startsWith("--stack=") || a.startsWith("--parallel-stacks=")) continue;
    out.push(a);
  }
  return out;
}

/** --parallel-stacks N: a whole number from 1. */
export function parallelStacks(value: unknown): number {
  if (value === undefined) return DEFAULT_PARALLEL_STACKS;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--parallel-stacks must be a whole number from 1, not '${String(value)}'`);
  return n;
}

/** The exit code of a run of several stacks. */
export function combinedExit(exits: readonly StackExit[], interrupted: boolean): number {
  if (interrupted || exits.some((e) => e.code === INTERRUPTED)) return INTERRUPTED;
  return exits.every((e) => e.code === 0) ? 0 : 1;
}

/** One report line per stack. */
export function reportLines(command: string, exits: readonly StackExit[], parallel: number): string[] {
  const failed = exits.filter((e) => e.code !== 0);
  const width = Math.max(...exits.map((e) => e.stack.length));
  return [
    `${command}: ${exits.length} stacks, ${failed.length === 0 ? "all succeeded" : `${failed.length} failed`} (at most ${parallel} at a time)`,
    ...exits.map((e) => {
      const status = e.code === null ? "not run" : e.code === 0 ? "ok" : e.code === INTERRUPTED ? "interrupted" : "FAILED";
      return `  ${status.padEnd(11)} ${e.stack.padEnd(width)}  exit ${e.code ?? "-"}  ${(e.durationMs / 1000).toFixed(1)} s`;
    }),
  ];
}

/** Runs `citydc <command> --stack S <rest>` for each stack, at most `parallel` at a time. */
export async function runStacks(command: "plan" | "up" | "destroy", stacks: readonly string[], rest: readonly string[], parallel: number, json: boolean): Promise<number> {
  const cli = path.resolve(__dirname, "..", "..", "bin", "citydc.js");
  const exits = new Map<string, StackExit>();
  const running = new Map<string, ReturnType<typeof spawn>>();
  let interrupted = false;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupted = true;
    process.stderr.write(`\ncitydc ${command}: ${sig} received: passed to the ${running.size} running stack(s) (${[...running.keys()].join(", ") || "none"}); no further stack starts\n`);
    for (const child of running.values()) child.kill(sig);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const width = Math.max(...stacks.map((s) => s.length));
  const prefixed = (stack: string, stream: NodeJS.WritableStream) => {
    let buf = "";
    return {
      data(chunk: Buffer) {
        buf += chunk.toString("utf8");
        const lines = buf.split("\n");
        buf = lines.pop()!;
        for (const l of lines) stream.write(`[${stack.padEnd(width)}] ${l}\n`);
      },
      end() {
        if (buf) stream.write(`[${stack.padEnd(width)}] ${buf}\n`);
        buf = "";
      },
    };
  };
  const one = (stack: string) =>
    new Promise<void>((resolve) => {
      const started = Date.now();
      // its own process group: a Ctrl-C at the terminal reaches it once, through onSignal, not twice
      const child = spawn(process.execPath, [cli, command, "--stack", stack, ...rest], { stdio: ["ignore", "pipe", "pipe"], detached: true });
      running.set(stack, child);
      let stdout = "";
      const out = prefixed(stack, process.stdout);
      const err = prefixed(stack, process.stderr);
      child.stdout!.on("data", (d: Buffer) => (json ? (stdout += d.toString("utf8")) : out.data(d)));
      child.stderr!.on("data", (d: Buffer) => err.data(d));
      child.on("close", (code, signal) => {
        out.end();
        err.end();
        running.delete(stack);
        exits.set(stack, { stack, code: code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 9) : 1), durationMs: Date.now() - started, stdout });
        resolve();
      });
      child.on("error", (e) => {
        process.stderr.write(`citydc ${command}: stack ${stack} could not start: ${e.message}\n`);
      });
    });
  const queue = [...stacks];
  const workers = Array.from({ length: Math.min(parallel, stacks.length) }, async () => {
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      if (interrupted) {
        exits.set(s, { stack: s, code: null, durationMs: 0, stdout: "" });
        continue;
      }
      await one(s);
    }
  });
  try {
    await Promise.all(workers);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const ordered = stacks.map((s) => exits.get(s)!);
  const code = combinedExit(ordered, interrupted);
  if (json) {
    const doc = {
      schema: "citydc.stacks/v1",
      command,
      ok: code === 0,
      exitCode: code,
      parallelStacks: parallel,
      stacks: ordered.map((e) => {
        let result: unknown = null;
        try {
          result = e.stdout.trim() ? JSON.parse(e.stdout) : null;
        } catch {
          result = null;
        }
        return { stack: e.stack, exitCode: e.code, ok: e.code === 0, durationMs: e.durationMs, result };
      }),
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  } else {
    process.stdout.write(`\n${reportLines(`citydc ${command}`, ordered, parallel).join("\n")}\n`);
  }
  return code;
}

/** plan/up/destroy with several --stack: the checks that hold for all, then runStacks. */
export function severalStacks(command: "plan" | "up" | "destroy", args: ParsedArgs, argv: readonly string[], stacks: readonly string[]): Promise<number> {
  const parallel = parallelStacks(args.options["parallel-stacks"]);
  if (command !== "plan" && !args.options.yes) throw new UsageError(`several stacks run without asking: pass --yes (each stack prints its plan before it applies)`);
  const format = args.options.format;
  if (format === "markdown") throw new UsageError("--format markdown is for one stack; with several use text or json");
  return runStacks(command, stacks, withoutStackOptions(argv), parallel, format === "json");
}
