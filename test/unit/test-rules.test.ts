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

/** A glob of the mutation config (`*` within a folder, `{a,b}` alternatives) as a regular expression. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^$()|[\]\\]/g, "\\$&")
    .replace(/\{([^}]*)\}/g, (_, alts: string) => `(${alts.split(",").join("|")})`)
    .replace(/\*/g, "[^/]*");
  return new RegExp(`^${body}$`);
}

describe("the mutation suite (vitest.mutate.config.ts)", () => {
  it("runs only tests that need nothing of the machine: no process spawned, no prerequisite", async () => {
    const config = (await import("../../vitest.mutate.config")).default as { test: { projects: { test: { include: string[]; exclude?: string[] } }[] } };
    const ROOT = join(TEST, "..");
    const all = testFiles(TEST).map((f) => relative(ROOT, f));
    const chosen = config.test.projects.flatMap(({ test }) =>
      all.filter((f) => test.include.some((g) => globRegExp(g).test(f)) && !(test.exclude ?? []).some((g) => globRegExp(g).test(f))),
    );
    // the glob reading is itself checked: the set holds the core's unit tests and leaves the live ones out
    expect(chosen).toEqual(expect.arrayContaining(["test/unit/model/checks.test.ts", "test/unit/platforms/changeset.test.ts", "test/unit/audit/diff.test.ts"]));
    expect(chosen).not.toContain("test/unit/platforms/ovs-live.test.ts");
    const needy = chosen.filter((f) => /requirePrerequisite\(|from "(node:)?child_process"/.test(readFileSync(join(ROOT, f), "utf8")));
    // such a test also runs code while the tests are collected or in beforeAll, which Stryker cannot
    // credit to a test: every mutant it reaches becomes static and runs the whole suite (TESTING.md)
    expect(needy).toEqual([]);
  });
});

describe("tests aimed at mutants", () => {
  it("no test feeds the code the placeholder text the mutation tool writes in place of a string or list", () => {
    // such an input tells one mutant apart and nothing a user writes: the code is to be written so that the
    // mutant cannot arise, or the mutant listed as equivalent (TESTING.md)
    const ROOT = join(TEST, "..");
    const placeholder = ["Stryker", "was here"].join(" ");
    const using = testFiles(TEST)
      .filter((f) => !f.endsWith("test-rules.test.ts") && readFileSync(f, "utf8").includes(placeholder))
      .map((f) => relative(ROOT, f));
    expect(using).toEqual([]);
  });
});
