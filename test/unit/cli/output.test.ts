/**
 * The `citydc` process and its output (issue 12): a write error on stdout or stderr other than EPIPE is
 * one line and exit 2, never a stack trace and exit 1; a usage error prints the usage on stderr; render
 * never lets one file replace another.
 */
import { spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, citydcBounded, ROOT, STACK_TRACE } from "../helpers/bounded";

const tmp = mkdtempSync(join(tmpdir(), "citydc-output-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lab = join(ROOT, "inventory", "lab.yaml");
const broken = join(ROOT, "test", "fixtures", "broken", "link-speed.yaml");

/** Runs citydc with stdout or stderr on /dev/full (every write fails with ENOSPC). */
function toFull(which: "stdout" | "stderr", args: string[]): { status: number | null; stderr: string } {
  const full = openSync("/dev/full", "w");
  const errFile = join(tmp, "stderr.txt");
  const errFd = openSync(errFile, "w");
  try {
    const stdio = which === "stdout" ? ["ignore", full, errFd] : ["ignore", "ignore", full];
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: stdio as never, timeout: 30_000 });
    return { status: r.status, stderr: readFileSync(errFile, "utf8") };
  } finally {
    closeSync(full);
    closeSync(errFd);
  }
}

describe("write errors on standard output and error", () => {
  for (const args of [["validate", lab], ["validate", lab, "--json"], ["validate", broken], ["diff", lab, join(ROOT, "inventory", "kragujevac.yaml")], ["--help"]]) {
    it(`citydc ${args.map((a) => a.replace(ROOT + "/", "")).join(" ")} > /dev/full: exit 2, one line, no stack trace`, () => {
      const r = toFull("stdout", args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^citydc: cannot write to standard output: ENOSPC\n$/);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    });
  }

  it("stderr on /dev/full: exit 2 (the command's own message cannot be shown)", () => {
    expect(toFull("stderr", ["validate", "/no/such/file.yaml"]).status).toBe(2);
    expect(toFull("stderr", ["render", lab])).toMatchObject({ status: 2 });
  });

  it("a reader that leaves early (EPIPE) keeps the command's exit code", () => {
    const b = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" validate "${broken}" | head -c1 >/dev/null; exit \${PIPESTATUS[0]}`], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(b.status).toBe(1);
    expect(b.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("usage", () => {
  it("no command: usage on stderr, nothing on stdout, exit 2", () => {
    const r = citydcBounded([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/usage: citydc <command>/);
  });

  it("--help: usage on stdout, exit 0", () => {
    const r = citydcBounded(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: citydc <command>/);
  });
});

describe("render never writes one file over another", () => {
  const inventory = (names: [string, string]): string => {
    const text = readFileSync(join(ROOT, "test", "fixtures", "valid", "minimal.yaml"), "utf8");
    return text.replace(/\bsw1\b/g, names[0]).replace(/\bsw2\b/g, names[1]);
  };

  it("a device named `index` with --format json: exit 2 before anything is written; text format is fine", () => {
    const file = join(tmp, "index.yaml");
    writeFileSync(file, inventory(["index", "sw2"]));
    const out = join(tmp, "out-json");
    const r = citydcBounded(["render", file, "--out", out, "--format", "json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/device index would be written to index\.json, the file of the index/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const text = citydcBounded(["render", file, "--out", join(tmp, "out-text")]);
    expect(text.status, text.stderr).toBe(0);
    expect(readdirSync(join(tmp, "out-text")).sort()).toEqual(["index.json", "index.sh", "sw2.sh"]);
  });

  it("two device names that differ only in case would share a file on macOS or Windows: exit 2", () => {
    const file = join(tmp, "case.yaml");
    writeFileSync(file, inventory(["SW1", "sw1"]));
    const r = citydcBounded(["render", file, "--out", join(tmp, "out-case")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/device sw1 would be written to sw1\.sh, the file of device SW1/);
  });
});
