/**
 * Properties of the loader on generated and damaged inventories (in process, the real loader): it never
 * throws, every problem is located (line and column, a stable code, a message and a fix), a valid result
 * has no error, at most MAX_DIAGNOSTICS are kept; bad bytes are reported where they are, whatever the
 * line ends.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readSource } from "../../../audit/revision";
import * as yaml from "js-yaml";
import { loadInventory, MAX_DIAGNOSTICS, parseInventory, type LoadResult } from "../../../model/load";
import { plainSource, textProblems } from "../../../model/text";
import { byteDamage, damage, fromSchema, invalidUtf8, mutate, mutation, params, toYaml, VALID_TEXTS, validDoc } from "./arbitraries";

/** The invariants every load result keeps. */
function wellFormed(r: LoadResult): void {
  expect(r.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS);
  for (const d of r.diagnostics) {
    expect(d.code).toMatch(/^[EW]_[A-Z0-9_]+$/);
    expect(d.code, d.message).not.toBe("E_INTERNAL");
    expect(d.line, `${d.code} ${d.message}`).toBeGreaterThan(0);
    expect(d.column, `${d.code} ${d.message}`).toBeGreaterThan(0);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.hint.length).toBeGreaterThan(0);
  }
  if (r.inventory) expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  else expect(r.diagnostics.some((d) => d.severity === "error") || (r.omitted?.errors ?? 0) > 0).toBe(true);
}

describe("loader properties", () => {
  it("documents generated from the JSON Schema", () => {
    fc.assert(
      fc.property(fromSchema(), (doc) => {
        wellFormed(parseInventory(toYaml(doc), "schema.yaml"));
      }),
      params(150),
    );
  });

  it("valid inventories with up to four mutations (replace, delete, duplicate, unknown key, wrap, swap)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
        const text = toYaml(mutate(validDoc(which), ms));
        wellFormed(parseInventory(text, "mutated.yaml"));
        // the loader's shortcut: a plain source cannot hold a forbidden character in any string
        if (plainSource(text)) expect(textProblems(yaml.load(text)).problems).toEqual([]);
      }),
      params(250),
    );
  });

  it("valid inventories with damaged bytes (NUL, invalid UTF-8, BOM, CR, truncation)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(byteDamage, { minLength: 1, maxLength: 3 }), (which, ds) => {
        wellFormed(parseInventory(damage(VALID_TEXTS[which % VALID_TEXTS.length]!.text, ds), "damaged.yaml"));
      }),
      params(150),
    );
  });

  it("diff reads a file exactly as validate does (same file checks, same diagnostics)", () => {
    const dir = mkdtempSync(join(tmpdir(), "citydc-prop-diff-"));
    try {
      let n = 0;
      fc.assert(
        fc.property(fc.nat(), fc.array(byteDamage, { minLength: 0, maxLength: 3 }), (which, ds) => {
          const file = join(dir, `f${n++}.yaml`);
          writeFileSync(file, damage(VALID_TEXTS[which % VALID_TEXTS.length]!.text, ds));
          const asValidate = loadInventory(file).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
          const src = readSource(file);
          const asDiff = (src.bytes ? parseInventory(src.bytes, src.file).diagnostics : src.diagnostics).map((d) => `${d.code}@${d.line}:${d.column}`);
          expect(asDiff).toEqual(asValidate);
        }),
        params(80),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an invalid UTF-8 sequence is reported at the line and column where it was inserted", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), invalidUtf8, (which, where, bytes) => {
        const text = VALID_TEXTS[which % VALID_TEXTS.length]!.text;
        // insert at a character boundary, counted in characters
        const chars = [...text];
        const at = where % (chars.length + 1);
        const before = chars.slice(0, at).join("");
        const b = Buffer.concat([Buffer.from(before, "utf8"), Buffer.from(bytes), Buffer.from(chars.slice(at).join(""), "utf8")]);
        const r = parseInventory(b, "utf8.yaml");
        // a truncated sequence right before an ASCII byte can join with nothing: always refused
        expect(r.diagnostics.map((d) => d.code)).toEqual(["E_FILE_ENCODING"]);
        const lines = before.split(/\r\n|\r|\n/);
        expect(`${r.diagnostics[0]!.line}:${r.diagnostics[0]!.column}`).toBe(`${lines.length}:${lines[lines.length - 1]!.length + 1}`);
      }),
      params(150),
    );
  });

  it("LF, CR LF and CR alone locate every problem of a mutated inventory at the same line and column", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, ms) => {
        const text = toYaml(mutate(validDoc(which), ms));
        const at = (t: string) => parseInventory(t, "x.yaml").diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
        const lf = at(text);
        expect(at(text.replace(/\n/g, "\r\n"))).toEqual(lf);
        // a CR alone is a line break only outside quoted scalars the dumper may have written across lines
        if (!/\r/.test(text)) expect(at(text.replace(/\n/g, "\r"))).toEqual(lf);
      }),
      params(60),
    );
  });
});
