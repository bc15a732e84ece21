/** The data-center feature checks (dc-cases.ts), run like the cases of checks.test.ts. */
import { describe, expect, it } from "vitest";
import { DC_CASES } from "./dc-cases";
import { minimal, validate } from "./helpers";

describe("semantic checks of the data-center features", () => {
  for (const c of DC_CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const d = minimal();
      c.mutate(d);
      const r = validate(d);
      const hits = r.diagnostics.filter((x) => x.code === c.code);
      expect(hits.length, JSON.stringify(r.diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`), null, 1)).toBeGreaterThan(0);
      if (c.path) expect(hits.map((h) => h.path)).toContain(c.path);
      for (const h of hits) expect(h.line).toBeGreaterThan(0);
      if (c.code.startsWith("E_")) expect(r.inventory).toBeUndefined();
      else expect(r.diagnostics.filter((x) => x.severity === "error").map((x) => `${x.code} ${x.path}`)).toEqual([]);
    });
  }
});
