/** Bad files and positions: the loader never throws and always says where. */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { loadInventory, parseInventory } from "../../../model/load";
import { expandedSize, MAX_INVENTORY_BYTES, parseYaml } from "../../../model/parse";
import { codes, FIXTURES, ROOT } from "./helpers";

describe("bad files", () => {
  it("a missing file is E_IO", () => {
    const r = loadInventory(join(tmpdir(), "citydc-no-such-file.yaml"));
    expect(codes(r)).toEqual(["E_IO"]);
  });

  it("a directory is E_IO", () => {
    expect(codes(loadInventory(FIXTURES))).toEqual(["E_IO"]);
  });

  it("a huge file is refused before parsing", () => {
    const big = Buffer.alloc(MAX_INVENTORY_BYTES + 1, 0x20);
    expect(codes(parseInventory(big, "big.yaml"))).toEqual(["E_FILE_TOO_LARGE"]);
    const dir = mkdtempSync(join(tmpdir(), "citydc-"));
    try {
      writeFileSync(join(dir, "big.yaml"), big);
      expect(codes(loadInventory(join(dir, "big.yaml")))).toEqual(["E_FILE_TOO_LARGE"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a UTF-8 byte order mark is fine", () => {
    const text = "\ufeff" + require("fs").readFileSync(join(FIXTURES, "valid", "minimal.yaml"), "utf8");
    // the minimal inventory's one warning (its single DCI cable), nothing about the mark
    expect(codes(parseInventory(Buffer.from(text, "utf8"), "bom.yaml"))).toEqual(["W_DR_SINGLE_PATH"]);
  });

  it("string and bytes give the same result", () => {
    const bytes = require("fs").readFileSync(join(ROOT, "inventory", "lab.yaml"));
    expect(parseInventory(bytes.toString("utf8"), "x").inventory).toEqual(parseInventory(bytes, "x").inventory);
  });

  it("a deeply nested document is refused", () => {
    const deep = "a: " + "[".repeat(200) + "]".repeat(200);
    expect(codes(parseInventory(deep, "deep.yaml"))).toEqual(["E_YAML_TOO_DEEP"]);
  });

  it("aliases within bounds are fine, a bomb is measured without expanding it", () => {
    const a: unknown[] = ["x", "x"];
    let node: unknown = a;
    for (let i = 0; i < 40; i++) node = [node, node];
    expect(expandedSize(node, 1000)).toBeGreaterThan(1000);
    expect(expandedSize({ a: [1, 2], b: [3] }, 1000)).toBe(6);
  });

  it("never throws on garbage", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = "abc: -[]{}&*!|>'\"#%@`,?\n\t 0123456789.\u00e9\ufeff";
    for (let n = 0; n < 300; n++) {
      let s = "";
      const len = Math.floor(rand() * 200);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const r = parseInventory(s, "fuzz.yaml");
      expect(r.inventory === undefined || r.diagnostics.every((d) => d.severity === "warning")).toBe(true);
      for (const d of r.diagnostics) expect(d.code).toMatch(/^[EW]_[A-Z_]+$/);
    }
  });
});

describe("positions", () => {
  const text = [
    "# comment",
    "a: 1",
    "list:",
    "  - name: x   # trailing",
    "    v: [1, 2]",
    "  - &anchor { name: y, v: 3 }",
    "  - *anchor",
    "flow: {d: 3, e: [4, 5]}",
    "",
  ].join("\n");
  const parsed = parseYaml(text, "p.yaml");
  const at = (path: string, key = false) => {
    const p = parsed.map!.locate(path, key);
    return `${p.line}:${p.column}`;
  };

  it("finds values of block and flow mappings and sequences", () => {
    expect(at("/a")).toBe("2:4");
    expect(at("/list/0/name")).toBe("4:11");
    expect(at("/list/0/v/1")).toBe("5:12");
    expect(at("/list/1/v")).toBe("6:27");
    expect(at("/flow/e/0")).toBe("8:18");
  });

  it("finds keys when asked", () => {
    expect(at("/list/0/v", true)).toBe("5:5");
    expect(at("/flow/d", true)).toBe("8:8");
  });

  it("falls back to the nearest existing ancestor", () => {
    expect(at("/list/0/missing")).toBe("4:5");
    // an alias points at its anchored definition
    expect(at("/list/2/name")).toBe("6:21");
    expect(at("")).toBe("2:1");
  });

  it("works with CRLF line endings", () => {
    const p = parseYaml(text.replace(/\n/g, "\r\n"), "crlf.yaml");
    const pos = p.map!.locate("/list/0/v/1");
    expect(`${pos.line}:${pos.column}`).toBe("5:12");
  });
});

describe("positions of every value in the samples", () => {
  /** Every scalar leaf of the document with its JSON path. */
  function leaves(node: unknown, path: string, out: [string, unknown][] = []): [string, unknown][] {
    if (node === null || typeof node !== "object") out.push([path, node]);
    else if (Array.isArray(node)) node.forEach((v, i) => leaves(v, `${path}/${i}`, out));
    else for (const [k, v] of Object.entries(node)) leaves(v, `${path}/${k}`, out);
    return out;
  }
  function check(file: string): { total: number; wrong: string[] } {
    const text = require("fs").readFileSync(join(ROOT, "inventory", file), "utf8") as string;
    const lines = text.split("\n");
    const parsed = parseYaml(text, file);
    const wrong: string[] = [];
    const all = leaves(parsed.data, "");
    for (const [path, value] of all) {
      const pos = parsed.map!.locate(path);
      const at = lines[pos.line - 1]!.slice(pos.column - 1);
      const ok = at.startsWith(String(value)) || at.startsWith(`"${String(value)}`) || at.startsWith(`'${String(value)}`);
      if (!ok) wrong.push(`${path} -> ${pos.line}:${pos.column} ${at.slice(0, 30)}`);
    }
    return { total: all.length, wrong };
  }

  it("lab.yaml: every value is found at its own text", () => {
    const r = check("lab.yaml");
    expect(r.total).toBeGreaterThan(300);
    expect(r.wrong).toEqual([]);
  });

  it("kragujevac.yaml: every value written in place is found (merged keys point at their mapping)", () => {
    const r = check("kragujevac.yaml");
    // Only keys that come from a `<<: *template` merge have no text of their own.
    for (const w of r.wrong) expect(w).toMatch(/\/lags\/\d+\/(lacp|mode|mlag|allowed(\/\d+)?) /);
    expect(r.total - r.wrong.length).toBeGreaterThan(1000);
  });
});
