/**
 * Codes that only an odd inventory or a bug produces: a list item given twice (E_SCHEMA_DUPLICATE_ITEM),
 * a number out of its range (E_SCHEMA_RANGE), and a semantic check that throws (E_INTERNAL: the user gets
 * one diagnostic that says what happened, not a stack trace).
 */
import { describe, expect, it, vi } from "vitest";
import { minimal, validate } from "./helpers";

vi.mock("../../../model/checks", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../model/checks")>();
  return {
    ...real,
    runChecksLimited: (...args: Parameters<typeof real.runChecksLimited>) => {
      if ((args[0] as { name?: string }).name === "explodes") throw new TypeError("Cannot read properties of undefined (reading 'vlan')");
      return real.runChecksLimited(...args);
    },
  };
});

describe("rare codes", () => {
  it("E_SCHEMA_DUPLICATE_ITEM: a VLAN allowed twice on a trunk, at the second one", () => {
    const d = minimal();
    d.devices[0].interfaces[1].allowed = [10, 10];
    const r = validate(d);
    const hit = r.diagnostics.find((x) => x.code === "E_SCHEMA_DUPLICATE_ITEM");
    expect(hit?.path).toBe("/devices/0/interfaces/1/allowed/1");
    expect(hit?.message).toBe("items 1 and 2 are the same (10)");
    expect(r.inventory).toBeUndefined();
  });

  it("E_SCHEMA_RANGE: a rack position of 0", () => {
    const d = minimal();
    d.devices[0].position = 0;
    const r = validate(d);
    expect(r.diagnostics.map((x) => `${x.code} ${x.path}`)).toContain("E_SCHEMA_RANGE /devices/0/position");
  });

  it("E_INTERNAL: a check that throws gives one diagnostic with the error's text, and no inventory", () => {
    const d = minimal();
    d.name = "explodes";
    const r = validate(d);
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "E_INTERNAL", severity: "error", file: "test.yaml" });
    expect(r.diagnostics[0]!.message).toBe("internal error in the semantic checks: Cannot read properties of undefined (reading 'vlan')");
    expect(r.diagnostics[0]!.hint).toMatch(/report this/);
  });
});
