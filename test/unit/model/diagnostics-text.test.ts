/**
 * The one text and JSON form of a diagnostic (model/diagnostics.ts) and the file checks of the one reader of
 * inventory files (model/read.ts), written out: place, severity, code, object, message, the `fix:` line,
 * control characters shown as \uXXXX, errors before warnings in file order, the "more" lines; a directory, a
 * character device, a missing path, a path through a file, a symbolic-link loop and a file above the cap.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diagnosticJson, diagnosticText, formatDiagnostics, MAX_DIAGNOSTICS, omittedLine, placeOf, printable } from "../../../model/diagnostics";
import { ioDiagnostic, readInventoryFile, tooLarge } from "../../../model/read";
import type { Diagnostic } from "../../../model/types";

const d = (more: Partial<Diagnostic>): Diagnostic => ({ code: "E_X", severity: "error", file: "inv.yaml", line: 12, column: 7, path: "/devices/0", message: "bad", hint: "", ...more });

describe("diagnostic text", () => {
  it("place, severity, code, object and message on one line, then the fix", () => {
    expect(diagnosticText(d({ object: "device sw1", hint: "do this" }))).toBe("inv.yaml:12:7  error E_X  device sw1: bad\n    fix: do this");
    expect(diagnosticText(d({ object: "device sw1" }), { withoutObject: true, indent: "  " })).toBe("  inv.yaml:12:7  error E_X  bad");
    expect(diagnosticText(d({ severity: "warning", hint: "h" }), { indent: "> " })).toBe("> inv.yaml:12:7  warning E_X  bad\n>     fix: h");
  });
  it("only the file when the place is unknown", () => {
    expect(placeOf(d({ line: 0 }))).toBe("inv.yaml");
    expect(placeOf(d({ line: 1, column: 1 }))).toBe("inv.yaml:1:1");
  });
  it("control and format characters as \\uXXXX, never raw", () => {
    expect(printable("a\u001b[31mb\u202ec\n")).toBe("a\\u001b[31mb\\u202ec\\u000a");
    expect(diagnosticText(d({ file: "x\ty", object: "o\u0007", message: "m\r", hint: "h\u2028" }))).toBe("x\\u0009y:12:7  error E_X  o\\u0007: m\\u000d\n    fix: h\\u2028");
  });
  it("errors first, then by line and column; at most `max`, then how many more and where to see them", () => {
    const ds = [d({ severity: "warning", line: 1, code: "W_A" }), d({ line: 9, code: "E_B" }), d({ line: 3, column: 9, code: "E_C" }), d({ line: 3, column: 2, code: "E_D" })];
    expect(formatDiagnostics(ds).split("\n").map((l) => l.split("  ")[1])).toEqual(["error E_D", "error E_C", "error E_B", "warning W_A"]);
    expect(formatDiagnostics(ds, { max: 2 }).split("\n")).toEqual([
      "inv.yaml:3:2  error E_D  bad",
      "inv.yaml:3:9  error E_C  bad",
      "... and 2 more (citydc validate <file> --json lists the first 4)",
    ]);
    expect(formatDiagnostics(ds, { max: 3, omitted: { errors: 1000, warnings: 0 }, indent: "  " }).split("\n").at(-1)).toBe("  ... and 1,001 more (citydc validate <file> --json lists the first 4)");
    expect(formatDiagnostics(ds.slice(0, 1), { omitted: { errors: 2, warnings: 1 } }).split("\n")).toEqual([
      "inv.yaml:1:7  warning W_A  bad",
      "... and 2 more errors and 1 more warning not listed (citydc keeps the first 1,000 problems of a file: fix these and validate again)",
    ]);
    expect(formatDiagnostics([], { omitted: { errors: 0, warnings: 0 } })).toBe("");
  });
  it("the omitted line in singular and plural", () => {
    expect(MAX_DIAGNOSTICS).toBe(1000);
    expect(omittedLine({ errors: 1, warnings: 0 })).toBe("... and 1 more error not listed (citydc keeps the first 1,000 problems of a file: fix these and validate again)");
    expect(omittedLine({ errors: 0, warnings: 1234 }, "  ")).toBe("  ... and 1,234 more warnings not listed (citydc keeps the first 1,000 problems of a file: fix these and validate again)");
  });
  it("JSON: every key present, the object null when unknown", () => {
    expect(diagnosticJson(d({ hint: "h" }))).toEqual({ code: "E_X", severity: "error", file: "inv.yaml", line: 12, column: 7, path: "/devices/0", object: null, message: "bad", hint: "h" });
    expect(diagnosticJson({ ...d({ object: "device sw1" }), extra: 1 } as Diagnostic)).toEqual({ code: "E_X", severity: "error", file: "inv.yaml", line: 12, column: 7, path: "/devices/0", object: "device sw1", message: "bad", hint: "" });
  });
});

describe("reading an inventory file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "citydc-read-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a regular file's bytes, up to the cap", () => {
    writeFileSync(join(dir, "a.yaml"), "version: 1\n");
    expect(readInventoryFile(join(dir, "a.yaml"))).toEqual({ bytes: Buffer.from("version: 1\n"), diagnostics: [] });
    writeFileSync(join(dir, "b.yaml"), "x".repeat(64));
    expect(readInventoryFile(join(dir, "b.yaml"), 64).bytes?.length).toBe(64);
    writeFileSync(join(dir, "e.yaml"), "");
    expect(readInventoryFile(join(dir, "e.yaml"))).toEqual({ bytes: Buffer.alloc(0), diagnostics: [] });
  });
  it("a file above the cap: E_FILE_TOO_LARGE, nothing read", () => {
    writeFileSync(join(dir, "big.yaml"), "x".repeat(3 * 1024 * 1024 + 1));
    expect(readInventoryFile(join(dir, "big.yaml"), 2 * 1024 * 1024)).toEqual({ diagnostics: [tooLarge(join(dir, "big.yaml"), "file is 3.0 MiB", 2 * 1024 * 1024)] });
    expect(tooLarge("f", "file is 3.0 MiB", 2 * 1024 * 1024)).toEqual({
      code: "E_FILE_TOO_LARGE", severity: "error", file: "f", line: 1, column: 1, path: "",
      message: "file is 3.0 MiB, more than the 2 MiB an inventory may have",
      hint: "check that this is the inventory file; split very large networks into one inventory per site",
    });
  });
  it("a directory and a character device are refused as E_IO, with what to pass instead", () => {
    mkdirSync(join(dir, "inv"));
    expect(readInventoryFile(join(dir, "inv")).diagnostics).toEqual([ioDiagnostic(join(dir, "inv"), `${join(dir, "inv")} is a directory, not a regular file`, "pass the inventory YAML file, e.g. inventory/kragujevac.yaml")]);
    expect(readInventoryFile("/dev/null").diagnostics).toEqual([ioDiagnostic("/dev/null", "/dev/null is a character device, not a regular file", "pass the inventory file itself (a pipe or device is not read: save it to a file first)")]);
    expect(ioDiagnostic("f", "m", "h")).toEqual({ code: "E_IO", severity: "error", file: "f", line: 0, column: 0, path: "", message: "m", hint: "h" });
  });
  it("a missing file, a path through a file and a symbolic-link loop say why", () => {
    const missing = join(dir, "nope.yaml");
    expect(readInventoryFile(missing).diagnostics).toEqual([ioDiagnostic(missing, `cannot read ${missing}: no such file`, "check the path (e.g. inventory/kragujevac.yaml)")]);
    writeFileSync(join(dir, "f"), "x");
    const through = join(dir, "f", "x.yaml");
    expect(readInventoryFile(through).diagnostics).toEqual([ioDiagnostic(through, `cannot read ${through}: a part of the path is not a directory`, "check the path (e.g. inventory/kragujevac.yaml)")]);
    symlinkSync(join(dir, "l2"), join(dir, "l1"));
    symlinkSync(join(dir, "l1"), join(dir, "l2"));
    expect(readInventoryFile(join(dir, "l1")).diagnostics).toEqual([ioDiagnostic(join(dir, "l1"), `cannot read ${join(dir, "l1")}: too many symbolic links`, "pass a readable inventory file")]);
  });
});
