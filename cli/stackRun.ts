/**
 * What plan, up and destroy share: stack options, the real platforms and change sets, turning setup
 * problems into clear CLI errors.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError, UsageError } from "../util/errors";
import type { OptionSpec, ParsedArgs } from "../util/args";
import { repoRoot } from "../util/repo";
import type { StackOptions } from "../pulumi/stacks";
import { interruptEngines } from "../pulumi/engine";
import { backendUrl } from "../pulumi/env";

export const STACK_OPTIONS: Record<string, OptionSpec> = {
  stack: { type: "string" },
  backend: { type: "string" },
  inventory: { type: "string" },
  "work-dir": { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean" },
};

/** plan, up and destroy: `--stack` may be repeated (the stacks run in parallel, cli/multiStack.ts). */
export const MULTI_STACK_OPTIONS: Record<string, OptionSpec> = {
  ...STACK_OPTIONS,
  stack: { type: "string", multiple: true },
  "parallel-stacks": { type: "string" },
};

export function stackName(args: ParsedArgs, usage: string): string {
  const names = stackNames(args, usage);
  if (names.length > 1) throw new UsageError(`one --stack at a time here (got ${names.join(", ")})\n${usage}`);
  return names[0]!;
}

/** The stacks named with --stack (once or more), each checked; at least one. */
export function stackNames(args: ParsedArgs, usage: string): string[] {
  const raw = args.options.stack;
  const names = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  if (names.length === 0 || names.some((n) => !n)) throw new UsageError(`--stack NAME is required (primary, dr, lab)\n${usage}`);
  for (const stack of names) if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UsageError(`--stack: '${stack}' is not a stack name`);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new UsageError(`--stack ${twice} is given twice: a stack runs once per command`);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n${usage}`);
  if (names.length === 1 && args.options["parallel-stacks"] !== undefined) throw new UsageError("--parallel-stacks is for several stacks (--stack a --stack b ...)");
  return names;
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

type LockFile = { file: string; holder?: { pid: number; username: string; hostname: string; timestamp: string } };

function lockHolder(file: string, text: string): LockFile {
  try {
    const raw = JSON.parse(text) as { pid?: number; username?: string; hostname?: string; timestamp?: string };
    return { file, holder: { pid: Number(raw.pid), username: String(raw.username ?? "?"), hostname: String(raw.hostname ?? "?"), timestamp: String(raw.timestamp ?? "?") } };
  } catch {
    return { file };
  }
}

/** psql of the PostgreSQL client (on PATH, else Debian's versioned bin dirs), if installed. */
function findPsql(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
  try {
    dirs.push(...fs.readdirSync("/usr/lib/postgresql").sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    /* no server installed */
  }
  return dirs.map((d) => path.join(d, "psql")).find((f) => fs.existsSync(f));
}

/**
 * The locks of a stack on a postgres:// backend: the Pulumi CLI keeps them as rows of its table (key
 * `<database>/.pulumi/locks/organization/<project>/<stack>/<id>.json`, data `{"data": base64 of the lock file}`), read with
 * psql (the password goes in its environment, never on its command line). undefined: they could not be read.
 */
export function postgresLocks(url: string, stack: string): LockFile[] | undefined {
  const psql = findPsql();
  if (!psql) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const table = u.searchParams.get("table") || "pulumi_state";
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(table)) return undefined;
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PGCONNECT_TIMEOUT: "10" };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const ssl = u.searchParams.get("sslmode");
  if (ssl) env.PGSSLMODE = ssl;
  const args = ["-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || os.userInfo().username), "-d", decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username || os.userInfo().username)];
  // the URL's path (the database name) is also the prefix of every key (the CLI opens the table as a bucket's sub-dir)
  const sub = u.pathname.replace(/^\/+/, "");
  const prefix = `${sub ? `${decodeURIComponent(sub)}${sub.endsWith("/") ? "" : "/"}` : ""}.pulumi/locks/organization/citydc/${stack}/`;
  const sql = `SELECT key, data->>'data' FROM ${table} WHERE starts_with(key, '${prefix.replace(/'/g, "''")}') AND key LIKE '%.json'`;
  const r = spawnSync(psql, [...args, "-c", sql], { env, encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) return /relation .* does not exist/.test(r.stderr) ? [] : undefined;
  return r.stdout
    .split("\n")
    .filter((l) => l.includes("\t"))
    .map((l) => {
      const [key, b64] = l.split("\t") as [string, string];
      return lockHolder(key, Buffer.from(b64, "base64").toString("utf8"));
    });
}

/**
 * The lock files of a stack: on a file:// backend `.pulumi/locks/organization/<project>/<stack>/*.json`, on a
 * postgres:// backend the same keys as rows (postgresLocks; none when psql is not installed).
 */
export function lockFiles(backendUrl: string, stack: string): LockFile[] {
  if (/^postgres:\/\//i.test(backendUrl)) return postgresLocks(backendUrl, stack) ?? [];
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
      return lockHolder(file, fs.readFileSync(file, "utf8"));
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
  try {
    return backendUrl(opts.backendUrl, opts.root ?? repoRoot());
  } catch (err) {
    return asCliError(err);
  }
}
