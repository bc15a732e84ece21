/**
 * Golden files: what a renderer wrote once, reviewed, and compared byte for byte ever after. The tests
 * compare against the files as they were when the run started. `UPDATE_GOLDEN=1` rewrites the directory
 * with today's output and then FAILS the run, naming every file it changed, so that no run passes by
 * rewriting what it compares against: review the diff (`git diff test/golden`), then run again without it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { it } from "vitest";

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";

export interface GoldenDir {
  /** File names in the directory when the run started, sorted. */
  readonly names: readonly string[];
  /** A file's text when the run started (undefined when it did not exist). */
  text(name: string): string | undefined;
}

/** Reads `dir` as it is; with UPDATE_GOLDEN=1 then rewrites it to hold exactly `files` and adds a failing test if that changed anything. */
export function goldenDir(dir: string, files: ReadonlyMap<string, string>): GoldenDir {
  const before = new Map<string, string>();
  if (existsSync(dir)) for (const f of readdirSync(dir)) before.set(f, readFileSync(join(dir, f), "utf8"));
  if (UPDATE_GOLDEN) {
    const changed = [...files].filter(([n, t]) => before.get(n) !== t).map(([n]) => (before.has(n) ? `changed ${n}` : `added ${n}`));
    for (const n of before.keys()) if (!files.has(n)) changed.push(`removed ${n}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [n, t] of files) writeFileSync(join(dir, n), t);
    it(`UPDATE_GOLDEN=1 rewrote ${dir}`, () => {
      if (changed.length > 0) {
        throw new Error(`updated ${changed.length} golden file(s) under ${dir} (${changed.join(", ")}): review the diff (git diff test/golden) and run again without UPDATE_GOLDEN`);
      }
    });
  }
  return { names: [...before.keys()].sort(), text: (n) => before.get(n) };
}
