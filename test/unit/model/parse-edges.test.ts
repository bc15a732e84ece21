/**
 * model/parse.ts at its edges, next to parse.test.ts: NUL bytes counted in bytes or in characters, stray
 * continuation bytes, the places of the second document, the key named in a duplicate, merge sequences
 * that are too long, errors that are not YAML's, exact alias counts at the cap, and the source map on
 * mappings whose children do not alternate key and value (flow entries without a value, such as `{x, y: 1}`,
 * give no value node, so the keys after them sit one child further on).
 */
import { describe, expect, it } from "vitest";
import { decode, expandedSize, firstInvalidUtf8, MAX_DEPTH, parseYaml } from "../../../model/parse";
import type { Diagnostic } from "../../../model/types";

/** "line:column CODE message | fix: hint" */
const line = (d: Diagnostic): string => `${d.line}:${d.column} ${d.code} ${d.message} | fix: ${d.hint}`;
const decoded = (input: string | Uint8Array): string[] => decode(input, "x.yaml").diagnostics.map(line);
const parsed = (text: string): string[] => parseYaml(text, "x.yaml").diagnostics.map(line);
const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const at = (text: string, path: string, key = false): string => {
  const r = parseYaml(text, "x.yaml");
  expect(r.diagnostics).toEqual([]);
  const p = r.map!.locate(path, key);
  return `${p.line}:${p.column}`;
};
/** `n` copies of `item`, comma-separated. */
const times = (n: number, item: string): string => Array(n).fill(item).join(", ");

describe("decoding, NUL bytes and stray bytes", () => {
  const binary = (offset: number, place: string) => `${place} E_FILE_BINARY file looks binary (NUL byte at offset ${offset}) | fix: pass the YAML inventory file, not an archive or compiled file`;

  it("a NUL byte in bytes is placed at its byte offset, before any decoding", () => {
    // "č" is two bytes: the NUL is byte 2 but character 1
    expect(decoded(bytes("\u010d", [0], "x"))).toEqual([binary(2, "1:2")]);
    // a NUL first, then a byte that is not UTF-8: binary, not an encoding error
    expect(decoded(bytes([0, 0xe9]))).toEqual([binary(0, "1:1")]);
  });

  it("a NUL as the first character of a string is binary too", () => {
    expect(decoded("\0a: 1\n")).toEqual([binary(0, "1:1")]);
    expect(decoded("\ufeff\0a: 1\n")).toEqual([binary(0, "1:1")]);
  });

  it("continuation bytes with no lead byte start no character, however many follow", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x80, 0x80, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc1, 0x80, 0x80, 0x80]))).toBe(1);
  });
});

describe("the document", () => {
  it("an empty text given to the parser directly has no content", () => {
    expect(parsed("")).toEqual(["1:1 E_FILE_EMPTY file has no YAML content (only comments or blank lines) | fix: an inventory needs at least version, name, tenants, sites and devices; start from inventory/lab.yaml"]);
  });

  it("a second document: a --- inside a line is no separator, one at the very end is", () => {
    const second = "E_YAML_SYNTAX the file holds more than one YAML document (---) | fix: keep the whole inventory in one document: remove the extra `---` separators";
    expect(parsed("a: 1 ---\n---\nb: 2\n")).toEqual([`2:1 ${second}`]);
    expect(parsed("a: 1\n---")).toEqual([`2:1 ${second}`]);
  });

  it("a second document: an indented comment is no content, an indented first line is", () => {
    const second = "E_YAML_SYNTAX the file holds more than one YAML document (---) | fix: keep the whole inventory in one document: remove the extra `---` separators";
    expect(parsed("  # indented\n---\na: 1\n---\nb: 2\n")).toEqual([`4:1 ${second}`]);
    expect(parsed("  a: 1\n---\nb: 2\n")).toEqual([`2:1 ${second}`]);
  });

  it("a key given twice: spaces before its colon are not part of it, an empty key is not named", () => {
    const fix = "remove or rename one of the two keys (YAML would silently keep only one)";
    expect(parsed("a : 1\na : 2\n")).toEqual([`2:1 E_YAML_DUPLICATE_KEY key 'a' appears twice in one mapping | fix: ${fix}`]);
    expect(parsed('"": 1\n"": 2\n')).toEqual([`2:1 E_YAML_DUPLICATE_KEY a key appears twice in one mapping | fix: ${fix}`]);
  });

  it("a merge key given more than 100 mappings, or merges copying more than MAX_MERGE_KEYS keys, is an alias bomb", () => {
    const fix = "aliases (*name) and merge keys (<<) may reuse small pieces only";
    // 101 aliases: js-yaml stops at the end of the list, just past its closing bracket (column 411)
    expect(parsed(`b: &b {x: 1}\nu:\n  <<: [${times(101, "*b")}]\n`)).toEqual([`3:411 E_YAML_ALIAS_BOMB YAML merge keys (<<) copy too much: abnormal merge sequence size | fix: ${fix}`]);
    expect(parsed(`b: &b {x: 1}\nu:\n  <<: [${times(100, "*b")}]\n`)).toEqual([]);
    // a mapping of 1,000 keys merged 100 times costs 100,100: the 20th such mapping (line 21) passes 2,000,000
    const keys = Array.from({ length: 1000 }, (_, i) => `k${i}: 0`).join(", ");
    const uses = Array.from({ length: 20 }, (_, i) => `u${i}: {<<: [${times(100, "*b")}]}`).join("\n");
    const r = parseYaml(`b: &b {${keys}}\n${uses}\n`, "x.yaml").diagnostics;
    expect(r.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual(["21 E_YAML_ALIAS_BOMB YAML merge keys (<<) copy too much: merge keys exceeded maxTotalMergeKeys (2000000)"]);
  });

  it("an error that is not YAML's: its message, without a place", () => {
    // a key made of 600 aliases of a 1 MiB string: joining them passes the longest string JavaScript has
    const text = `a: &s ${"x".repeat(1 << 20)}\n? [${times(600, "*s")}]\n: 1\n`;
    expect(parsed(text)).toEqual(["0:0 E_YAML_SYNTAX cannot read YAML: Invalid string length | fix: check that the file is a YAML inventory"]);
  });
});

describe("aliases: exact sizes at the cap", () => {
  const bomb = "1:1 E_YAML_ALIAS_BOMB aliases expand the document to more than 5,000,000 nodes | fix: aliases (*name) may reuse small pieces such as VLAN lists; do not nest aliases of aliases";

  it("exactly MAX_EXPANDED_NODES is accepted, one node more is refused", () => {
    // root 1 + x (1 + 999) + big (1 + 4,998 x 1,000) + pad (1 + n)
    const doc = (n: number) => `x: &x [${times(999, "0")}]\nbig: [${times(4998, "*x")}]\npad: [${times(n, "0")}]\n`;
    expect(parsed(doc(997))).toEqual([]);
    expect(parsed(doc(998))).toEqual([bomb]);
  });

  it("aliases after spaces only are found as well", () => {
    let text = "l0: &l0 [ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 ]\n";
    for (let i = 1; i <= 7; i++) text += `l${i}: &l${i} [ ${Array(10).fill(`*l${i - 1}`).join(" , ")} ]\n`;
    expect(parsed(text)).toEqual([bomb]);
  });

  it("a cycle counts as the cap plus one where it closes", () => {
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    // the list 1, its scalar 1, and the cycle's cap + 1
    expect(expandedSize(cycle, 50)).toBe(53);
  });

  it("a list nested deeper than MAX_DEPTH counts as the cap plus one, and each list around it as one more", () => {
    const nest = (lists: number): unknown => {
      let x: unknown = 1;
      for (let i = 0; i < lists; i++) x = [x];
      return x;
    };
    // the innermost list sits at depth MAX_DEPTH: still counted, with its scalar
    expect(expandedSize(nest(MAX_DEPTH + 1), 1000)).toBe(MAX_DEPTH + 2);
    // one list more: that one is at depth MAX_DEPTH + 1, 1,001, and MAX_DEPTH + 1 lists around it
    expect(expandedSize(nest(MAX_DEPTH + 2), 1000)).toBe(1001 + MAX_DEPTH + 1);
  });
});

describe("source map: paths", () => {
  it("the root path, empty or /, is the document even when it has a key named '' or anything else", () => {
    const text = 'a: 1\n"": 2\n';
    expect(at(text, "/")).toBe("1:1");
    expect(at(text, "")).toBe("1:1");
    expect(at(text, "/")).toBe(at(text, ""));
  });

  it("asked for a key whose last segment is missing: the value of the nearest ancestor, not its key", () => {
    expect(at("outer:\n  inner: 5\n", "/outer/missing", true)).toBe("2:3");
  });

  it("the map's own locate gives the value unless asked for the key", () => {
    const map = parseYaml("outer:\n  inner: 5\n", "x.yaml").map!.get();
    expect(map.locate("/outer/inner")).toEqual({ line: 2, column: 10 });
    expect(map.locate("/outer/inner", true)).toEqual({ line: 2, column: 3 });
  });

  it("an empty list and an empty mapping have no children to point at", () => {
    expect(at("a: []\n", "/a/0")).toBe("1:4");
    expect(at("a: {}\n", "/a/x")).toBe("1:4");
    expect(at("a: {}\n", "/a/undefined")).toBe("1:4");
  });
});

describe("source map: blanks and comments before a node", () => {
  it("a tab, a CR LF and a CR alone are skipped", () => {
    expect(at("a:\t1\n", "/a")).toBe("1:4");
    expect(at("a:\r\n  b: 1\r\n", "/a")).toBe("2:3");
    // a comment ends at a CR alone
    expect(at("a: # c\r  x\r", "/a")).toBe("2:3");
  });

  it("a comment that runs to the end of the text without a line break", () => {
    const map = parseYaml("a: 1 # c", "x.yaml").map!;
    expect(map.position(4)).toEqual({ line: 1, column: 5 });
  });
});

describe("source map: keys among children that do not alternate", () => {
  it("a key found paired with its value, even when a value before it has the key's text", () => {
    // the value b followed by the key c would pass for b: c when every child is taken as a key
    expect(at("a: b\nc: x\nb: c\n", "/b")).toBe("3:4");
    expect(at("{1: x, x: x}", "/x")).toBe("1:11");
  });

  it("after an entry without a value, a key is found one child further on", () => {
    expect(at("a: {x, y: 1}\n", "/a/y")).toBe("1:11");
    expect(at("{x, 1: 5, 5: .nan}", "/5")).toBe("1:14");
  });

  it("the first pairing found wins over a later look-alike", () => {
    // children x, k, v, y, r, k, v: k pairs with v at the second child, and the value k of r is followed by the key v
    expect(at("{x, k: v, y, r: k, v}", "/k")).toBe("1:8");
  });

  it("a key without a value: its own place, the first time it is written as a key", () => {
    expect(at("a: {x}\n", "/a/x")).toBe("1:5");
    expect(at("a: {x, y: 1}\n", "/a/x")).toBe("1:5");
    expect(at("{b, x: b}", "/b")).toBe("1:2");
    // x is the value of p, then a key without value: the key
    expect(at("{p: x, x}", "/x")).toBe("1:8");
  });

  it("a key YAML reads as null is found; a list whose text matches a missing key is not", () => {
    expect(at("a: 1\nnull: 2\n", "/null")).toBe("2:7");
    expect(at("a: 1\n~: 2\n", "/null")).toBe("2:4");
    expect(at("x: [a]\n", "/a")).toBe("1:1");
  });

  it("past the last child there is nothing, not a key named undefined", () => {
    expect(at("a:\n  b: 1\n", "/a/undefined")).toBe("2:3");
    expect(at("{b}", "/undefined")).toBe("1:1");
  });

  it("a name that is no key of the mapping but is one of its values: the first such value", () => {
    // the map cannot tell a value from a key without value (`{x}`), so it takes the first child with the name
    expect(at("{a: z, b: z}", "/z")).toBe("1:5");
  });
});
