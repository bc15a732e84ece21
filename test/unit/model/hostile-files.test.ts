/**
 * Hostile and careless files (issue 12): special files are refused without blocking, by every command
 * that reads an inventory (one reader, model/read.ts); encoding errors and line breaks are located where
 * they are; YAML's odd values get the right message; pathological sizes cost linear work and bounded
 * memory (the diagnostics are capped where they are made, with a count of the rest). CLI runs happen in
 * child processes under a wall clock and an address-space limit, so a regression fails instead of
 * hanging or exhausting the machine.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { loadInventory, MAX_DIAGNOSTICS, parseInventory } from "../../../model/load";
import { firstInvalidUtf8, MAX_NODES, parseYaml, SourceMap } from "../../../model/parse";
import { MAX_STORED_SCHEMA_ERRORS } from "../../../model/schema/build";
import { schemaProblems } from "../../../model/schema/check";
import { validate as generatedValidate } from "../../../model/schema/validator.generated";
import { editDistance } from "../../../model/suggest";
import { citydcBounded, STACK_TRACE } from "../helpers/bounded";
import { codes, FIXTURES, minimal, ROOT, validate } from "./helpers";

const tmp = mkdtempSync(join(tmpdir(), "citydc-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const minimalText = readFileSync(join(FIXTURES, "valid", "minimal.yaml"), "utf8");
const lab = join(ROOT, "inventory", "lab.yaml");

describe("special files: refused at once, by every command (one bounded reader)", () => {
  const fifo = join(tmp, "fifo.yaml");
  execFileSync("mkfifo", [fifo]);

  for (const [name, file] of [
    ["/dev/zero (a device reporting size 0)", "/dev/zero"],
    ["a FIFO without a writer", fifo],
  ] as const) {
    it(`${name}: validate, render and both sides of diff exit 2 with E_IO`, () => {
      for (const args of [["validate", file], ["render", file, "--out", join(tmp, "out")], ["diff", file, lab], ["diff", lab, file]]) {
        const r = citydcBounded(args, { timeoutMs: 20_000, memoryBytes: 1.5 * 1024 ** 3 });
        expect(r.timedOut, `${args.join(" ")} did not return`).toBe(false);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/not a regular file/);
        expect(r.stderr).not.toMatch(STACK_TRACE);
      }
    });
  }

  it("loadInventory refuses a directory, a FIFO and a device without reading", () => {
    for (const f of [FIXTURES, fifo, "/dev/null"]) {
      const r = loadInventory(f);
      expect(codes(r)).toEqual(["E_IO"]);
      expect(r.diagnostics[0]!.message).toMatch(/not a regular file/);
    }
  });

  it("a huge sparse file is refused before reading, by validate and by diff", () => {
    const big = join(tmp, "sparse.yaml");
    writeFileSync(big, "");
    truncateSync(big, 1536 * 1024 * 1024);
    try {
      const v = citydcBounded(["validate", big], { timeoutMs: 20_000, memoryBytes: 1.5 * 1024 ** 3 });
      expect(v.status).toBe(1);
      expect(v.stdout).toContain("E_FILE_TOO_LARGE");
      const d = citydcBounded(["diff", big, lab], { timeoutMs: 20_000, memoryBytes: 1.5 * 1024 ** 3 });
      expect(d.status, d.stderr).toBe(2);
      expect(d.stderr).toContain("E_FILE_TOO_LARGE");
    } finally {
      rmSync(big, { force: true });
    }
  });

  it("diff reads strictly, as validate does: a Latin-1 byte is E_FILE_ENCODING at the same place, not U+FFFD", () => {
    const bad = join(tmp, "lab-latin1.yaml");
    const text = readFileSync(lab);
    const at0 = text.indexOf('description: "Lab DC1 rack 1"') + 'description: "Lab DC1 rack 1'.length;
    expect(at0).toBeGreaterThan(100);
    writeFileSync(bad, Buffer.concat([text.subarray(0, at0), Buffer.from([0x20, 0xe9]), text.subarray(at0)]));
    const v = citydcBounded(["validate", bad]);
    const at = /lab-latin1\.yaml:(\d+:\d+)\s+error E_FILE_ENCODING/.exec(v.stdout)?.[1];
    expect(at, v.stdout).toBeDefined();
    const d = citydcBounded(["diff", bad, lab]);
    expect(d.status).toBe(2);
    expect(d.stderr).toContain(`lab-latin1.yaml:${at}  error E_FILE_ENCODING`);
    expect(d.stdout).not.toMatch(/changed|different/);
  });

  it("diff of a directory in git says so (not 'the document is a string')", () => {
    const r = citydcBounded(["diff", "HEAD:inventory", "HEAD:inventory/lab.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/'inventory' is a directory in revision 'HEAD'/);
    expect(r.stderr).not.toMatch(/E_TOP_LEVEL/);
  });
});

describe("bad bytes and line breaks are reported where they are", () => {
  const lines = minimalText.split("\n");
  /** The minimal inventory with `bytes` inside the tenant description on line 4. */
  const withBytes = (bytes: number[]): Buffer => {
    const head = Buffer.from(lines.slice(0, 3).join("\n") + '\ntenants: [{ name: city, description: "ab', "utf8");
    const tail = Buffer.from('cd" }, { name: university }]\n' + lines.slice(4).join("\n"), "utf8");
    return Buffer.concat([head, Buffer.from(bytes), tail]);
  };
  const column = 'tenants: [{ name: city, description: "ab'.length + 1;

  for (const [name, bytes] of [
    ["an encoded surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
    ["an overlong '/' (E0 80 AF)", [0xe0, 0x80, 0xaf]],
    ["a code point above U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80]],
    ["an overlong two-byte form (C0 AF)", [0xc0, 0xaf]],
    ["a five-byte lead (F8)", [0xf8, 0x88, 0x80, 0x80, 0x80]],
    ["a lone continuation byte (80)", [0x80]],
    ["a Latin-1 letter (E9)", [0xe9]],
  ] as const) {
    it(`${name}: E_FILE_ENCODING at line 4, column ${column}`, () => {
      const r = parseInventory(withBytes([...bytes]), "x.yaml");
      expect(codes(r)).toEqual(["E_FILE_ENCODING"]);
      expect(`${r.diagnostics[0]!.line}:${r.diagnostics[0]!.column}`).toBe(`4:${column}`);
    });
  }

  it("the column counts characters, not bytes", () => {
    const head = Buffer.from('version: 1\nname: "\u010d\u0107\u017e\u0161', "utf8");
    const r = parseInventory(Buffer.concat([head, Buffer.from([0xff]), Buffer.from('"\n', "utf8")]), "x.yaml");
    expect(`${r.diagnostics[0]!.line}:${r.diagnostics[0]!.column}`).toBe("2:12");
  });

  it("firstInvalidUtf8 agrees with the strict decoder on every short sequence", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const ok = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Every lead byte with a range of continuation bytes.
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (const second of [0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0]) {
        const b = Uint8Array.from([0x41, lead, second, 0x80, 0x80, 0x41]);
        expect(firstInvalidUtf8(b) === b.length, `${lead.toString(16)} ${second.toString(16)}`).toBe(ok(b));
      }
    }
  });

  it("LF, CR LF and a CR alone give the same line and column for every problem", () => {
    const text = readFileSync(join(FIXTURES, "broken", "gateway-outside.yaml"), "utf8").replace(/\r\n/g, "\n");
    const at = (t: string) => parseInventory(t, "x.yaml").diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    const lf = at(text);
    expect(lf.length).toBeGreaterThan(0);
    expect(at(text.replace(/\n/g, "\r\n"))).toEqual(lf);
    expect(at(text.replace(/\n/g, "\r"))).toEqual(lf);
    expect(lf.every((p) => !p.includes("@1:"))).toBe(true);
  });
});

describe("YAML's own values get their own message", () => {
  it("`<<: 5` is a syntax error about merge keys, not an alias bomb", () => {
    const r = parseInventory(minimalText.replace("name: t\n", "name: t\n<<: 5\n"), "x.yaml");
    expect(codes(r)).toEqual(["E_YAML_SYNTAX"]);
    expect(r.diagnostics[0]!.message).toMatch(/merge key/);
    expect(r.diagnostics[0]!.line).toBe(4);
  });

  it("`version: .nan` / `.inf` are named as YAML writes them, not 'null'", () => {
    for (const v of [".nan", ".inf", "-.inf"]) {
      const r = parseInventory(minimalText.replace("version: 1", `version: ${v}`), "x.yaml");
      expect(r.inventory).toBeUndefined();
      const text = r.diagnostics.map((d) => d.message).join(" | ");
      expect(text).toContain(v);
      expect(text).not.toMatch(/null/);
    }
  });
});

describe("pathological sizes: linear work, bounded memory", () => {
  it("every uniqueItems list declares its item type, so ajv checks duplicates with a hash, not pairwise", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "inventory", "schema", "inventory.schema.json"), "utf8"));
    const untyped: string[] = [];
    const walk = (n: any, at: string) => {
      if (n === null || typeof n !== "object") return;
      if (n.uniqueItems === true && !["integer", "number", "string", "boolean"].includes(n.items?.type)) untyped.push(at);
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema, "#");
    expect(untyped).toEqual([]);
    const generated = readFileSync(join(ROOT, "model", "schema", "validator.generated.ts"), "utf8");
    expect(generated).not.toMatch(/outer\d+:/); // ajv's labelled pairwise loop
  });

  it("locating errors at k keys of one mapping reads its children O(k) times, not O(k^2)", () => {
    const k = 4000;
    const text = "m:\n" + Array.from({ length: k }, (_, i) => `  k${i}: ${i}`).join("\n") + "\n";
    const map = parseYaml(text, "x.yaml").map!.get();
    // Count reads of the mapping's child list through a proxy on the map's node table.
    const nodes = (map as unknown as { nodes: WeakMap<object, { offset: number; children: unknown[] }> }).nodes;
    const root = (map as unknown as { root: Record<string, unknown> }).root;
    const info = nodes.get(root.m as object)!;
    let reads = 0;
    const counted = new Proxy(info.children, { get: (t, p, r) => (typeof p === "string" && /^\d+$/.test(p) && reads++, Reflect.get(t, p, r)) });
    nodes.set(root.m as object, { offset: info.offset, children: counted });
    for (let i = 0; i < k; i++) expect(map.locate(`/m/k${i}`, true).line).toBe(i + 2);
    expect(reads).toBeLessThan(20 * k);
    expect(map).toBeInstanceOf(SourceMap);
  });

  it("a list of 10 x MAX_DIAGNOSTICS invalid VLAN IDs: at most MAX_DIAGNOSTICS kept, the rest counted", () => {
    const n = 10 * MAX_DIAGNOSTICS;
    const d = minimal();
    d.devices[0].interfaces[1].allowed = Array.from({ length: n }, (_, i) => 5000 + i);
    const r = validate(d);
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS);
    expect(r.diagnostics.length + (r.omitted?.errors ?? 0)).toBeGreaterThanOrEqual(n);
    // the validator itself stores at most its cap but counts every error
    const s = schemaProblems(d, MAX_DIAGNOSTICS);
    expect(s.problems.length).toBe(MAX_DIAGNOSTICS);
    expect(s.omitted).toBeGreaterThanOrEqual(n - MAX_DIAGNOSTICS);
    expect(MAX_STORED_SCHEMA_ERRORS).toBeLessThan(n);
    // the compiled validator keeps at most its cap of error objects (memory), and counts them all
    const v = generatedValidate as unknown as ((x: unknown) => boolean) & { errors: unknown[]; errorCount: number };
    expect(v(d)).toBe(false);
    expect(v.errors.length).toBeLessThanOrEqual(MAX_STORED_SCHEMA_ERRORS);
    expect(v.errorCount).toBeGreaterThanOrEqual(n);
  });

  it("semantic findings are capped too (thousands of unknown references), and the inventory stays invalid", () => {
    const d = minimal();
    for (let i = 0; i < 3 * MAX_DIAGNOSTICS; i++) d.hosts.push({ name: `x${i}`, tenant: "city", address: `10.1.${i >> 7}.${(i & 127) + 1}/16`, attach: { device: `nope${i}`, interface: "p1" } });
    const r = validate(d);
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics.length).toBe(MAX_DIAGNOSTICS);
    expect(r.omitted!.errors).toBeGreaterThanOrEqual(2 * MAX_DIAGNOSTICS);
  });

  it("validate --json of a file with a million errors prints the first MAX_DIAGNOSTICS and the count of the rest", () => {
    const file = join(tmp, "million.yaml");
    writeFileSync(file, minimalText.replace("allowed: [10] }\n  - name: sw2", `allowed: [${"0,".repeat(1_000_000)}0] }\n  - name: sw2`));
    const r = citydcBounded(["validate", file, "--json"], { timeoutMs: 120_000, memoryBytes: 2 * 1024 ** 3 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.errors.length).toBe(MAX_DIAGNOSTICS);
    expect(report.omitted.errors).toBeGreaterThanOrEqual(1_000_000 - MAX_DIAGNOSTICS);
    expect(r.stdout.length).toBeLessThan(2 * 1024 * 1024);
    const text = citydcBounded(["validate", file], { timeoutMs: 120_000, memoryBytes: 2 * 1024 ** 3 });
    expect(text.stdout).toMatch(/INVALID, 1,00\d,\d{3} errors/);
    expect(text.stdout).toMatch(/more errors not listed/);
  });

  it(`a document of more than MAX_NODES (${MAX_NODES.toLocaleString("en")}) values is refused while it is parsed`, () => {
    const r = parseInventory(`version: 1\nx: [${"0,".repeat(MAX_NODES)}0]\n`, "x.yaml");
    expect(codes(r)).toEqual(["E_FILE_TOO_LARGE"]);
    expect(r.diagnostics[0]!.message).toMatch(/values/);
  });

  it("'did you mean' on long, nearly equal names is bounded (a hang before)", () => {
    // 4,000-character names are refused by the schema's length limits before any suggestion is made...
    const file = join(tmp, "long-names.yaml");
    const a = "a".repeat(4000);
    const ifs = Array.from({ length: 20 }, (_, i) => `      - { name: ${a}${String.fromCharCode(98 + i)}, mode: access, vlan: 10 }`).join("\n");
    const links = Array.from({ length: 40 }, (_, i) => `  - { kind: fabric, a: { device: sw1, interface: ${a}z${i} }, b: { device: sw2, interface: p1 } }`).join("\n");
    writeFileSync(file, minimalText.replace("      - { name: p2, mode: trunk, allowed: [10] }\n  - name: sw2", `      - { name: p2, mode: trunk, allowed: [10] }\n${ifs}\n  - name: sw2`).replace("links:\n", `links:\n${links}\n`));
    const r = citydcBounded(["validate", file], { timeoutMs: 30_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("E_SCHEMA_RANGE");
    // ...and the edit distance itself only computes the band that can matter.
    const b = "b".repeat(63);
    expect(editDistance(b + "x", b + "y", 3)).toBe(1);
    expect(editDistance(b, "c".repeat(63), 3)).toBe(4);
    let seed = 12;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const full = (x: string, y: string): number => {
      const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
      for (let j = 0; j <= y.length; j++) d[0]![j] = j;
      for (let i = 1; i <= x.length; i++) for (let j = 1; j <= y.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      return d[x.length]![y.length]!;
    };
    for (let n = 0; n < 2000; n++) {
      const word = () => Array.from({ length: Math.floor(rand() * 9) }, () => "abc"[Math.floor(rand() * 3)]).join("");
      const [x, y, max] = [word(), word(), Math.floor(rand() * 4)];
      expect(editDistance(x, y, max), `${x} ${y} ${max}`).toBe(Math.min(full(x, y), max + 1));
    }
  });
});
