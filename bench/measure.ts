/**
 * Measuring whole processes: wall time (from spawn to exit) and peak resident memory (GNU time's %M,
 * the child's maximum RSS in KiB; when /usr/bin/time is missing, the child reports its own
 * process.resourceUsage().maxRSS through a tiny preload wrapper).
 */
import { spawn } from "child_process";
import { existsSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";

export interface ProcessRun {
  readonly wallMs: number;
  /** Peak RSS in MiB (0 when unknown). */
  readonly rssMiB: number;
  /** User + system CPU time of the child in ms (NaN when unknown). */
  readonly cpuMs: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Measured {
  readonly runs: readonly ProcessRun[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly rssMiB: number;
  /** Median CPU time (user + system) of the runs, ms. */
  readonly cpuMs: number;
  /** Exit code of the runs (the last one). */
  readonly code: number;
}

const GNU_TIME = "/usr/bin/time";
const MARK = "__CITYDC_BENCH_RSS__";

let preload: string | undefined;
function rssPreload(): string {
  if (preload) return preload;
  preload = join(tmpdir(), `citydc-bench-rss-${process.pid}.js`);
  const file = preload;
  process.on("exit", () => rmSync(file, { force: true }));
  writeFileSync(preload, `process.on("exit", () => { try { const u = process.resourceUsage(); process.stderr.write("\\n${MARK}" + u.maxRSS + " " + u.userCPUTime / 1e6 + " " + u.systemCPUTime / 1e6 + "\\n"); } catch {} });\n`);
  return preload;
}

export function hasGnuTime(): boolean {
  return !process.env.CITYDC_BENCH_NO_GNU_TIME && existsSync(GNU_TIME);
}

/** Runs `node <args>` (or another command) once, measuring it. */
export function runOnce(command: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessRun> {
  const gnu = hasGnuTime();
  let cmd = command;
  let argv = [...args];
  const env = { ...process.env, ...opts.env };
  if (gnu) {
    argv = ["-f", `${MARK}%M %U %S`, command, ...args];
    cmd = GNU_TIME;
  } else if (command === process.execPath || command === "node") {
    argv = ["--require", rssPreload(), ...args];
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : undefined;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let stderr = Buffer.concat(err).toString("utf8");
      let rssKiB = 0;
      let cpuMs = NaN;
      const at = stderr.lastIndexOf(MARK);
      if (at >= 0) {
        const parts = stderr.slice(at + MARK.length).trim().split(/\s+/);
        rssKiB = Number(parts[0]) || 0;
        if (parts.length >= 3) cpuMs = (Number(parts[1]) + Number(parts[2])) * 1000;
        stderr = stderr.slice(0, at).replace(/\n$/, "");
      }
      resolve({ wallMs, rssMiB: rssKiB / 1024, cpuMs, code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString("utf8"), stderr });
    });
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs the command `repeat` times, one after the other. */
export async function measure(command: string, args: readonly string[], repeat: number, opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measured> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await runOnce(command, args, opts));
  const times = runs.map((r) => r.wallMs);
  return {
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    code: runs[runs.length - 1]!.code,
  };
}
