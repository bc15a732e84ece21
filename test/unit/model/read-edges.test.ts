/**
 * The edges of the one reader of inventory files (model/read.ts) that real files reach on Linux: a file whose
 * read fails (/proc/self/mem at offset 0, an address nothing is mapped at), an open that fails for a reason
 * without its own words (a name too long), /proc files that report size 0 but hold more or less than the cap,
 * and every descriptor closed again, whatever the outcome.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ioDiagnostic, readInventoryFile, tooLarge } from "../../../model/read";

describe("reading an inventory file: the edges real files reach", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "citydc-read-edges-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a regular file whose read fails is E_IO with the system's words, not a read that would block", () => {
    expect(readInventoryFile("/proc/self/mem")).toEqual({ diagnostics: [ioDiagnostic("/proc/self/mem", "cannot read /proc/self/mem: EIO: i/o error, read", "pass a readable inventory file")] });
  });

  it("an open that fails for another reason (a name too long) gives the system's words", () => {
    const long = join(dir, `${"x".repeat(300)}.yaml`);
    expect(readInventoryFile(long)).toEqual({ diagnostics: [ioDiagnostic(long, `cannot read ${long}: ENAMETOOLONG: name too long, open '${long}'`, "pass a readable inventory file")] });
  });

  it("a file that reports size 0 but holds more than the cap: E_FILE_TOO_LARGE once the cap is passed", () => {
    expect(readFileSync("/proc/self/status").length).toBeGreaterThan(200);
    expect(readInventoryFile("/proc/self/status", 100)).toEqual({ diagnostics: [tooLarge("/proc/self/status", "file is larger than 0 MiB", 100)] });
  });

  it("a file that reports size 0 and holds less than the cap is read whole", () => {
    const r = readInventoryFile("/proc/version");
    expect(r.diagnostics).toEqual([]);
    expect(r.bytes?.toString("utf8")).toBe(readFileSync("/proc/version", "utf8"));
    expect(r.bytes!.length).toBeGreaterThan(0);
  });

  it("every descriptor it opens is closed again: after a file read, a directory, a failing read and a file above the cap", () => {
    writeFileSync(join(dir, "a.yaml"), "version: 1\n");
    writeFileSync(join(dir, "big.yaml"), "x".repeat(200));
    mkdirSync(join(dir, "inv"));
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    for (let i = 0; i < 5; i++) {
      expect(readInventoryFile(join(dir, "a.yaml")).bytes?.toString()).toBe("version: 1\n");
      expect(readInventoryFile(join(dir, "inv")).diagnostics.map((d) => d.code)).toEqual(["E_IO"]);
      expect(readInventoryFile("/proc/self/mem").diagnostics.map((d) => d.code)).toEqual(["E_IO"]);
      expect(readInventoryFile(join(dir, "big.yaml"), 100).diagnostics.map((d) => d.code)).toEqual(["E_FILE_TOO_LARGE"]);
      expect(readInventoryFile("/proc/self/status", 100).diagnostics.map((d) => d.code)).toEqual(["E_FILE_TOO_LARGE"]);
    }
    expect(open()).toBe(before);
  });
});
