/**
 * What plan, up and destroy share: stack options, the real platforms and change sets, turning setup
 * problems into clear CLI errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError, UsageError } from "../util/errors";
import type { OptionSpec, ParsedArgs } from "../util/args";
import { repoRoot } from "../util/repo";
import type { StackOptions } from "../pulumi/stacks";
import { interruptEngines } from "../pulumi/engine";

export const STACK_OPTIONS: Record<string, OptionSpec> = {
  stack: { type: "string" },
  backend: { type: "string" },
  inventory: { type: "string" },
  "work-dir": { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean" },
};

export function stackName(args: ParsedArgs, usage: string): string {
  const stack = args.options.stack;
  if (typeof stack !== "string" || !stack) throw new UsageError(`--stack NAME is required (primary, dr, lab)\n${usage}`);
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UsageError(`--stack: '${stack}' is not a stack name`);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n${usage}`);
  return stack;
}

export function stackOptions(args: ParsedArgs): StackOptions {
  const o = args.options;
  return {
    ...(typeof o.backend === "string" ? { backendUrl: o.backend } : {}),
    ...(typeof o["work-dir"] === "string" ? { workDir: o["work-dir"] } : {}),
    ...(typeof o.inventory === "string" ? { settings: { inventory: require("path").resolve(o.inventory) } } : {}),
    ...(o.progress ? { onOutput: (t: string) => process.stderr.write(t) } : {}),
  };
}

/** Setup problems (no CLI, no passphrase) as exit 2 with the fix. */
export function asCliError(err: unknown): never {
  if (err instanceof Error && err.name === "PulumiSetupError") throw new CliError(err.message, 2);
  throw err;
}

/**
 * Ctrl-C and SIGTERM while a stack runs: each one is forwarded to the engine once (pulumi/engine.ts). The first
 * makes it finish the device operations in flight, write the state and stop; a second one stops it at once.
 * `release()` restores the default handlers; `interrupted` says whether a signal came.
 */
export function onInterrupt(command: string): { readonly interrupted: boolean; release(): void } {
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    interruptEngines();
    process.stderr.write(
      count === 1
        ? command === "plan"
          ? `\ncitydc plan: ${sig} received: stopping the preview (a plan changes no device)\n`
          : `\ncitydc ${command}: ${sig} received: stopping the engine cleanly (the device changes in flight finish, the state is written); ${sig === "SIGINT" ? "press Ctrl-C" : "send SIGTERM"} again to stop at once\n`
        : `\ncitydc ${command}: ${sig} again: stopping the engine at once (a device in flight may be half done: run \`citydc cancel\` if the stack stays locked, then \`citydc up --refresh\`)\n`,
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    get interrupted() {
      return count > 0;
    },
    release() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}

/** Exit code of a run stopped by an interrupt (128 + SIGINT, as shells report it). */
export const INTERRUPTED = 130;

/** The lock files of a stack on a file:// backend (`.pulumi/locks/organization/<project>/<stack>/*.json`). */
export function lockFiles(backendUrl: string, stack: string): { file: string; holder?: { pid: number; username: string; hostname: string; timestamp: string } }[] {
  if (!backendUrl.startsWith("file://")) return [];
  const dir = path.join(backendUrl.slice("file://".length), ".pulumi", "locks", "organization", "citydc", stack);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  return names.map((n) => {
    const file = path.join(dir, n);
    try {
      const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number; username?: string; hostname?: string; timestamp?: string };
      return { file, holder: { pid: Number(raw.pid), username: String(raw.username ?? "?"), hostname: String(raw.hostname ?? "?"), timestamp: String(raw.timestamp ?? "?") } };
    } catch {
      return { file };
    }
  });
}

/** Whether a lock holder still runs: true/false on this host, undefined for another host (cannot tell). */
export function holderAlive(holder: { pid: number; hostname: string }): boolean | undefined {
  if (holder.hostname !== os.hostname() || !Number.isInteger(holder.pid) || holder.pid <= 0) return undefined;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What `plan`/`up`/`destroy` print when the engine refuses a locked stack: who holds it, and the one command that frees it. */
export function lockedMessage(stack: string, holders: readonly { user: string; host: string; pid: number; since: string }[]): string {
  const who = holders.map((h) => {
    const alive = holderAlive({ pid: h.pid, hostname: h.host });
    const state = alive === true ? "still running" : alive === false ? "no longer running: a run that was killed" : "on another machine";
    return `pulumi pid ${h.pid} of ${h.user}@${h.host} since ${h.since} (${state})`;
  });
  const stale = holders.length > 0 && holders.every((h) => holderAlive({ pid: h.pid, hostname: h.host }) === false);
  return (
    `stack ${stack} is locked by another run${who.length ? `: ${who.join("; ")}` : ""}. ` +
    (stale
      ? `That run is gone: release the lock with \`citydc cancel --stack ${stack}\`, then run up again.`
      : `Wait for it to finish; if no run is going on (it was killed, its machine lost), release the lock with \`citydc cancel --stack ${stack}\`.`)
  );
}

/** The backend URL a run uses (the same rule as pulumi/env.ts). */
export function backendOf(opts: StackOptions): string {
  let backend = opts.backendUrl ?? process.env.CITYDC_BACKEND_URL ?? `file://${path.join(opts.root ?? repoRoot(), ".state")}`;
  if (!/^[a-z0-9+]+:\/\//i.test(backend)) backend = `file://${path.resolve(backend)}`;
  return backend;
}
