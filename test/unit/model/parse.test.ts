/**
 * model/parse.ts piece by piece: decoding the bytes (size, NUL, UTF-8, byte order mark, empty), where lines
 * start, YAML's own errors and their messages, the document's top level, alias expansion, and the source
 * map from a JSON path back to a line and column. files.test.ts and hostile-files.test.ts run the same code
 * through whole files; these pin each message and each edge.
 */
import { describe, expect, it } from "vitest";
import { decode, expandedSize, firstInvalidUtf8, lineStarts, MAX_DEPTH, MAX_INVENTORY_BYTES, parseYaml } from "../../../model/parse";
import type { Diagnostic } from "../../../model/types";

/** "line:column CODE message | fix: hint" */
const line = (d: Diagnostic): string => `${d.line}:${d.column} ${d.code} ${d.message} | fix: ${d.hint}`;
const decoded = (input: string | Uint8Array): string[] => decode(input, "x.yaml").diagnostics.map(line);
const parsed = (text: string): string[] => parseYaml(text, "x.yaml").diagnostics.map(line);
const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decoding", () => {
  it("text comes back as it is, without a byte order mark, from bytes or a string", () => {
    expect(decode("a: 1\n", "x.yaml")).toEqual({ text: "a: 1\n", diagnostics: [] });
    expect(decode(bytes("\ufeffa: 1\n"), "x.yaml")).toEqual({ text: "a: 1\n", diagnostics: [] });
    expect(decode("\ufeffa: \u010d\n", "x.yaml")).toEqual({ text: "a: \u010d\n", diagnostics: [] });
    // only a leading mark is one
    expect(decode("a: \ufeff\n", "x.yaml").text).toBe("a: \ufeff\n");
  });

  it("more than MAX_INVENTORY_BYTES is refused with the size, a string measured in characters", () => {
    const fix = "check that this is the inventory file; split very large networks into one inventory per site";
    expect(decoded(new Uint8Array(MAX_INVENTORY_BYTES + 1))).toEqual([`1:1 E_FILE_TOO_LARGE file is 64.0 MiB, more than the 64.0 MiB an inventory may have | fix: ${fix}`]);
    expect(decoded(new Uint8Array(MAX_INVENTORY_BYTES + 3 * 1024 * 1024))).toEqual([`1:1 E_FILE_TOO_LARGE file is 67.0 MiB, more than the 64.0 MiB an inventory may have | fix: ${fix}`]);
    // exactly the cap is read (and found binary: it is all NUL bytes)
    expect(decoded(new Uint8Array(MAX_INVENTORY_BYTES)).map((l) => l.split(" ")[1])).toEqual(["E_FILE_BINARY"]);
    expect(decoded(" ".repeat(MAX_INVENTORY_BYTES + 1)).map((l) => l.split(" ")[1])).toEqual(["E_FILE_TOO_LARGE"]);
  });

  it("a NUL byte is binary, placed at its line and column, in bytes and in a string", () => {
    const fix = "pass the YAML inventory file, not an archive or compiled file";
    expect(decoded(bytes("a: 1\nbc", [0], "d"))).toEqual([`2:3 E_FILE_BINARY file looks binary (NUL byte at offset 7) | fix: ${fix}`]);
    expect(decoded("a: 1\r\n\u010dc\0d")).toEqual([`2:3 E_FILE_BINARY file looks binary (NUL byte at offset 8) | fix: ${fix}`]);
    expect(decoded(bytes([0], "a"))).toEqual([`1:1 E_FILE_BINARY file looks binary (NUL byte at offset 0) | fix: ${fix}`]);
  });

  it("a byte that starts no UTF-8 character: its value, offset, the bytes after it (at most three), line and column", () => {
    const fix = "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)";
    expect(decoded(bytes("a: 1\nb: \u010d", [0xe9], "xyzw"))).toEqual([`2:5 E_FILE_ENCODING file is not valid UTF-8: byte E9 at offset 10 (followed by 78 79 7A) does not start a UTF-8 character | fix: ${fix}`]);
    expect(decoded(bytes("ab", [0x80], "c"))).toEqual([`1:3 E_FILE_ENCODING file is not valid UTF-8: byte 80 at offset 2 (followed by 63) does not start a UTF-8 character | fix: ${fix}`]);
    expect(decoded(bytes("a\rb", [0xff]))).toEqual([`2:2 E_FILE_ENCODING file is not valid UTF-8: byte FF at offset 3 does not start a UTF-8 character | fix: ${fix}`]);
    expect(decoded(bytes([0x0a, 0xc3]))).toEqual([`2:1 E_FILE_ENCODING file is not valid UTF-8: byte C3 at offset 1 does not start a UTF-8 character | fix: ${fix}`]);
  });

  it("blank text is empty, from bytes or a string, with or without a byte order mark", () => {
    const empty = "1:1 E_FILE_EMPTY file is empty | fix: start from inventory/lab.yaml or inventory/kragujevac.yaml; an inventory needs at least version, name, tenants, sites and devices";
    for (const input of ["", " \n\t\r\n", "\ufeff", bytes("\ufeff  \n"), new Uint8Array(0)]) expect(decoded(input)).toEqual([empty]);
    expect(decoded("#")).toEqual([]);
  });
});

describe("well-formed UTF-8 (RFC 3629): the first byte that does not start a character", () => {
  /** Each sequence after an "A", before a "B": where the first bad byte is (the length when none). */
  const at = (...seq: number[]): number => firstInvalidUtf8(Uint8Array.from([0x41, ...seq, 0x42]));
  const strict = (...seq: number[]): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from([0x41, ...seq, 0x42]));
      return true;
    } catch {
      return false;
    }
  };

  it("the edges of each form, good and bad, as the strict decoder sees them", () => {
    const good = [[0x7f], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0xa0, 0x80], [0xe1, 0x80, 0x80], [0xec, 0xbf, 0xbf], [0xed, 0x9f, 0xbf], [0xee, 0x80, 0x80], [0xef, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf1, 0x80, 0x80, 0x80], [0xf3, 0xbf, 0xbf, 0xbf], [0xf4, 0x80, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf]];
    for (const g of good) {
      expect(strict(...g), g.map((b) => b.toString(16)).join(" ")).toBe(true);
      expect(at(...g), g.map((b) => b.toString(16)).join(" ")).toBe(g.length + 2);
    }
    const bad = [[0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x7f], [0xc2, 0xc0], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x7f], [0xe0, 0xa0, 0xc0], [0xe1, 0x7f, 0x80], [0xe1, 0xc0, 0x80], [0xed, 0xa0, 0x80], [0xef, 0xbf], [0xf0, 0x8f, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x7f], [0xf0, 0x90, 0x7f, 0x80], [0xf1, 0xc0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8], [0xff]];
    for (const b of bad) {
      expect(strict(...b), b.map((x) => x.toString(16)).join(" ")).toBe(false);
      expect(at(...b), b.map((x) => x.toString(16)).join(" ")).toBe(1);
    }
  });

  it("a sequence cut by the end of the input, and the empty input", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xf0, 0x9f, 0x98]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xc3]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array(0))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xc3, 0xa9, 0xe9]))).toBe(2);
  });
});

describe("lines", () => {
  it("start after LF, after CR LF (one break) and after a CR alone", () => {
    expect(lineStarts("")).toEqual([0]);
    expect(lineStarts("a\nb\r\nc\rd")).toEqual([0, 2, 5, 7]);
    expect(lineStarts("\r\r\n\n")).toEqual([0, 1, 3, 4]);
    expect(lineStarts("ab\r")).toEqual([0, 3]);
  });
});

describe("YAML's errors", () => {
  it("a key given twice: the key, quoted or not, at its second place", () => {
    const fix = "remove or rename one of the two keys (YAML would silently keep only one)";
    expect(parsed("a: 1\nb:\n  c: 2\n  c: 3\n")).toEqual([`4:3 E_YAML_DUPLICATE_KEY key 'c' appears twice in one mapping | fix: ${fix}`]);
    expect(parsed("\"my key\": 1\n\"my key\": 2\n")).toEqual([`2:1 E_YAML_DUPLICATE_KEY key 'my key' appears twice in one mapping | fix: ${fix}`]);
    expect(parsed("x: { a: 1, a: 2 }\n")).toEqual([`1:12 E_YAML_DUPLICATE_KEY key 'a' appears twice in one mapping | fix: ${fix}`]);
  });

  it("nesting deeper than MAX_DEPTH", () => {
    expect(parsed("a: " + "[".repeat(MAX_DEPTH + 2) + "]".repeat(MAX_DEPTH + 2))).toEqual([
      `1:67 E_YAML_TOO_DEEP nesting deeper than ${MAX_DEPTH} levels | fix: the inventory format is at most a few levels deep; check the indentation`,
    ]);
    expect(parsed("a: " + "[".repeat(MAX_DEPTH - 2) + "]".repeat(MAX_DEPTH - 2))).toEqual([]);
  });

  it("a merge key given a scalar", () => {
    expect(parsed("a: 1\n<<: 5\n")).toEqual([
      "2:6 E_YAML_SYNTAX a merge key (<<) must be given a mapping, an alias of one, or a list of those | fix: write `<<: *name` (an anchored mapping) or `<<: { key: value }`, or remove the `<<:` line",
    ]);
  });

  it("a second document: placed at its --- line, a leading --- and comments being part of the first", () => {
    const second = "E_YAML_SYNTAX the file holds more than one YAML document (---) | fix: keep the whole inventory in one document: remove the extra `---` separators";
    expect(parsed("a: 1\n---\nb: 2\n")).toEqual([`2:1 ${second}`]);
    expect(parsed("# head\n---\na: 1\n---\nb: 2\n")).toEqual([`4:1 ${second}`]);
    expect(parsed("---\n# only a comment\n---\na: 1\n---\nb: 2\n").map((l) => l.split(" ")[0])).toEqual(["5:1"]);
    expect(parsed("--- \na: 1\n--- # two\nb: 2\n")).toEqual([`3:1 ${second}`]);
    expect(parsed("---\na: 1\n")).toEqual([]);
  });

  it("any other syntax error: js-yaml's reason at its place", () => {
    expect(parsed("a: [1, 2\nb: 3\n")).toEqual([
      "2:1 E_YAML_SYNTAX YAML syntax error: missed comma between flow collection entries | fix: fix the YAML at this line (indentation, a missing colon, an unclosed quote or bracket)",
    ]);
    expect(parsed("a: 'x\n").map((l) => l.split(" ").slice(1, 2).join(" "))).toEqual(["E_YAML_SYNTAX"]);
  });
});

describe("the document", () => {
  const top = (kind: string, at = "1:1") =>
    `${at} E_TOP_LEVEL the document is ${kind}; an inventory is a mapping with keys version, name, tenants, sites, devices, ... | fix: write the inventory as \`key: value\` lines at the top level (see inventory/lab.yaml)`;

  it("must be a mapping: a list, a string, a number and a boolean are named", () => {
    expect(parsed("- a\n- b\n")).toEqual([top("a list")]);
    expect(parsed("# c\n\n  hello\n")).toEqual([top("a string", "3:3")]);
    expect(parsed("42\n")).toEqual([top("a number")]);
    expect(parsed("true\n")).toEqual([top("a boolean")]);
  });

  it("null, or only comments, is empty", () => {
    const empty = "1:1 E_FILE_EMPTY file has no YAML content (only comments or blank lines) | fix: an inventory needs at least version, name, tenants, sites and devices; start from inventory/lab.yaml";
    for (const text of ["# only\n", "~\n", "null\n", "---\n"]) expect(parsed(text)).toEqual([empty]);
  });

  it("a mapping comes back as data with its source map", () => {
    const r = parseYaml("a: 1\nb: [x]\n", "x.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ a: 1, b: ["x"] });
    expect(r.map!.locate("/b/0")).toEqual({ line: 2, column: 5 });
  });

  it("aliases that expand past MAX_EXPANDED_NODES are refused, small ones are not", () => {
    let text = "l0: &l0 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n";
    for (let i = 1; i <= 7; i++) text += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]\n`;
    expect(parsed(text)).toEqual([
      "1:1 E_YAML_ALIAS_BOMB aliases expand the document to more than 5,000,000 nodes | fix: aliases (*name) may reuse small pieces such as VLAN lists; do not nest aliases of aliases",
    ]);
    expect(parsed(text.split("\n").slice(0, 5).join("\n"))).toEqual([]);
    // the same node written without aliases is not measured: ten keys of one list
    expect(parsed("a: &x [1, 2]\nb: *x\nc: *x\n")).toEqual([]);
  });
});

describe("expanded size", () => {
  it("counts every node once per use, scalars as one", () => {
    expect(expandedSize(5, 10)).toBe(1);
    expect(expandedSize(null, 10)).toBe(1);
    expect(expandedSize([], 10)).toBe(1);
    const shared = [1, 2, 3];
    expect(expandedSize({ a: shared, b: shared, c: [shared] }, 100)).toBe(1 + 4 + 4 + 5);
  });

  it("stops counting past the cap: the first total above it", () => {
    expect(expandedSize([[1, 2, 3, 4]], 3)).toBe(5);
    expect(expandedSize([1, 2, 3, 4, 5, 6], 3)).toBe(4);
    expect(expandedSize([1, 2], 3)).toBe(3);
  });

  it("a cycle and a nesting deeper than MAX_DEPTH count as past the cap", () => {
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    expect(expandedSize(cycle, 50)).toBeGreaterThan(50);
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = [deep];
    expect(expandedSize(deep, 1000)).toBeGreaterThan(1000);
    let fine: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) fine = [fine];
    expect(expandedSize(fine, 1000)).toBe(MAX_DEPTH + 1);
  });
});

describe("source map", () => {
  const map = (text: string) => parseYaml(text, "x.yaml").map!;
  const at = (text: string, path: string, key = false): string => {
    const p = map(text).locate(path, key);
    return `${p.line}:${p.column}`;
  };

  it("a list index past the end, negative or not a number falls back to the list", () => {
    const text = "a:\n  - x\n  - y\n";
    expect(at(text, "/a/1")).toBe("3:5");
    expect(at(text, "/a/2")).toBe("2:3");
    expect(at(text, "/a/-1")).toBe("2:3");
    expect(at(text, "/a/x")).toBe("2:3");
    expect(at(text, "/a/0.5")).toBe("2:3");
    expect(at(text, "/a/0/deeper")).toBe("2:5");
  });

  it("JSON pointer escapes: ~1 is /, ~0 is ~", () => {
    const text = "top: 1\n\"a/b\": 2\n\"c~d\": 3\n";
    expect(at(text, "/a~1b")).toBe("2:8");
    expect(at(text, "/c~0d")).toBe("3:8");
    expect(at(text, "/c~01")).toBe("1:1");
  });

  it("the key only of the last segment when asked", () => {
    const text = "outer:\n  inner: 5\n";
    expect(at(text, "/outer/inner", true)).toBe("2:3");
    expect(at(text, "/outer/inner")).toBe("2:10");
    expect(at(text, "/outer", true)).toBe("1:1");
    expect(at(text, "/outer")).toBe("2:3");
    // a list item has no key: its value
    expect(at("l:\n  - 7\n", "/l/0", true)).toBe("2:5");
  });

  it("keys that YAML reads as numbers or booleans, and a .nan value", () => {
    const text = "top:\n  1: one\n  true: yes\n  n: .nan\n";
    expect(at(text, "/top/1")).toBe("2:6");
    expect(at(text, "/top/true")).toBe("3:9");
    expect(at(text, "/top/n")).toBe("4:6");
  });

  it("a key written after a merge points at its own text, a merged one at the mapping", () => {
    const text = "base: &b { x: 1, y: 2 }\nuse:\n  <<: *b\n  y: 3\n";
    expect(at(text, "/use/y")).toBe("4:6");
    // a key copied by the merge has no text of its own: the mapping it was merged into
    expect(at(text, "/use/x")).toBe("3:3");
  });

  it("a place is the node's first character, past blanks, comments and line breaks; past the end, the last character", () => {
    const m = map("a:   # note\n\n   b\n");
    expect(m.locate("/a")).toEqual({ line: 3, column: 4 });
    expect(m.position(2)).toEqual({ line: 3, column: 4 });
    expect(m.position(0)).toEqual({ line: 1, column: 1 });
    const end = map("a: 1\n# tail\n");
    expect(end.position(5)).toEqual({ line: 2, column: 1 });
    expect(end.position(999)).toEqual({ line: 2, column: 7 });
    const crlf = map("a: 1\r\n\r\nb:   2\r\n");
    expect(crlf.locate("/b")).toEqual({ line: 3, column: 6 });
    expect(crlf.locate("/b", true)).toEqual({ line: 3, column: 1 });
  });
});
