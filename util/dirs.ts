import * as fs from "fs";
import * as path from "path";

/**
 * Creates `dir` and its missing parents, one level at a time. Node 20's `mkdirSync(dir, {recursive: true})`
 * never returns for a path under /proc (it retries the kernel's ENOENT forever), so a user's mistyped
 * `--out /proc/...` would hang; this fails with the system's error instead.
 */
export function makeDirs(dir: string, mode?: number): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (!fs.existsSync(d)) {
    missing.unshift(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) fs.mkdirSync(m, mode === undefined ? undefined : { mode });
}
