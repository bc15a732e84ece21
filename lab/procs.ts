/** Processes the lab started, tracked by their pid files: alive checks and stopping. */
import * as fs from "fs";

export function readPid(pidfile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidfile, "utf8").trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when the pid runs (not a zombie) and its command line names `binary`. */
export function pidAlive(pid: number, binary?: string): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return false;
    if (!binary) return true;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes(binary);
  } catch {
    return false;
  }
}

export function alive(pidfile: string, binary?: string): boolean {
  const pid = readPid(pidfile);
  return pid !== undefined && pidAlive(pid, binary);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Waits until `check` holds, polling; false on timeout. */
export function waitFor(check: () => boolean, timeoutMs: number, stepMs = 50): boolean {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() > end) return false;
    sleep(stepMs);
  }
}

/** Stops the process of a pid file (TERM, then KILL after a grace period). True if one was running. */
export function stop(pidfile: string, binary?: string, graceMs = 3000): boolean {
  const pid = readPid(pidfile);
  if (pid === undefined || !pidAlive(pid, binary)) return false;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return false;
  }
  if (!waitFor(() => !pidAlive(pid), graceMs)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    waitFor(() => !pidAlive(pid), 1000);
  }
  return true;
}
