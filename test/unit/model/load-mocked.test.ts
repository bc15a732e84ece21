/**
 * A semantic check that throws (model/load.ts): the load gives one E_INTERNAL diagnostic written out in full
 * (no place in the file, since no finding was made), the summary, and neither the inventory nor the
 * normalized model. The checks are replaced for this file only, and throw only for the inventories named
 * below; every other inventory goes to the real checks.
 */
import { describe, expect, it, vi } from "vitest";
import { minimal, validate } from "./helpers";

vi.mock("../../../model/checks", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../model/checks")>();
  return {
    ...real,
    runChecksLimited: (...args: Parameters<typeof real.runChecksLimited>) => {
      const name = (args[0] as { name?: string }).name;
      if (name === "throws-error") throw new RangeError("Maximum call stack size exceeded");
      if (name === "throws-text") throw "a check gave up";
      return real.runChecksLimited(...args);
    },
  };
});

const internal = (message: string) => ({
  code: "E_INTERNAL",
  severity: "error",
  file: "test.yaml",
  line: 0,
  column: 0,
  path: "",
  message,
  hint: "please report this with the inventory file; the schema check passed",
});

describe("a semantic check that throws", () => {
  it("an Error: its message, at no place in the file, with the summary and nothing else", () => {
    const d = minimal();
    d.name = "throws-error";
    expect(validate(d)).toEqual({
      file: "test.yaml",
      summary: { sites: 2, racks: 1, devices: 2, interfaces: 4, lags: 0, vlans: 1, links: 1, hosts: 1, tenants: 2, vrfs: 0 },
      diagnostics: [internal("internal error in the semantic checks: Maximum call stack size exceeded")],
    });
  });

  it("a thrown value that is not an Error: the value as text", () => {
    const d = minimal();
    d.name = "throws-text";
    expect(validate(d).diagnostics).toEqual([internal("internal error in the semantic checks: a check gave up")]);
  });

  it("any other inventory reaches the real checks", () => {
    expect(validate(minimal()).diagnostics.map((x) => x.code)).toEqual(["W_DR_SINGLE_PATH"]);
  });
});
