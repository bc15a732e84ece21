/**
 * Rules the suite holds itself to: a test that needs something of the machine says so, and fails under CI
 * when it is missing instead of skipping (test/unit/helpers/prerequisites.ts).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { describe, expect, it } from "vitest";
import { requirePrerequisite, underCi } from "./helpers/prerequisites";

const TEST = join(__dirname, "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("prerequisites", () => {
  it("CI is any value of CI but empty, 0 and false", () => {
    expect(underCi({ CI: "true" })).toBe(true);
    expect(underCi({ CI: "1" })).toBe(true);
    expect(underCi({ CI: "false" })).toBe(false);
    expect(underCi({ CI: "0" })).toBe(false);
    expect(underCi({})).toBe(false);
  });

  it("a missing prerequisite fails under CI, with the reason, and skips elsewhere", () => {
    expect(() => requirePrerequisite("the lab", "needs root", { CI: "true" })).toThrow(/the lab: needs root\. Under CI/);
    expect(() => requirePrerequisite("the lab", "needs root", {})).not.toThrow();
    expect(() => requirePrerequisite("the lab", undefined, { CI: "true" })).not.toThrow();
  });

  it("every test file that can skip for the machine's sake calls requirePrerequisite", () => {
    const missing = testFiles(TEST)
      .filter((f) => /describe\.skipIf\(/.test(readFileSync(f, "utf8")))
      .filter((f) => !/requirePrerequisite\(/.test(readFileSync(f, "utf8")))
      .map((f) => relative(TEST, f));
    expect(missing).toEqual([]);
  });
});
