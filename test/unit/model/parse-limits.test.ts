/**
 * The cap on YAML nodes counted while a document is parsed (MAX_NODES), at its exact edge. Slow: each
 * document is a list of about four million scalars (8 MB of text), some seconds to parse.
 */
import { describe, expect, it } from "vitest";
import { MAX_NODES, parseYaml } from "../../../model/parse";
import type { Diagnostic } from "../../../model/types";

/** "line:column CODE message | fix: hint" */
const line = (d: Diagnostic): string => `${d.line}:${d.column} ${d.code} ${d.message} | fix: ${d.hint}`;
/** `x: [0, 0, ...]` with `n` scalars: the mapping, the key x, the list and the scalars make n + 3 nodes. */
const list = (n: number, closed = true): string => `x: [${"0,".repeat(n - 1)}0${closed ? "]\n" : ""}`;
const tooLarge = "1:1 E_FILE_TOO_LARGE the document has more than 4,000,000 values (keys, items and scalars) | fix: check that this is the inventory file; split very large networks into one inventory per site";

describe("MAX_NODES", () => {
  it("a document of exactly MAX_NODES nodes is read", { timeout: 180_000 }, () => {
    const r = parseYaml(list(MAX_NODES - 3), "x.yaml");
    expect(r.diagnostics).toEqual([]);
    expect((r.data as { x: unknown[] }).x.length).toBe(MAX_NODES - 3);
  });

  it("one node more is refused, with the count in the message", { timeout: 180_000 }, () => {
    expect(parseYaml(list(MAX_NODES - 2), "x.yaml").diagnostics.map(line)).toEqual([tooLarge]);
  });

  it("nodes are counted as they open: a list cut off past the cap is too large, not a syntax error", { timeout: 180_000 }, () => {
    expect(parseYaml(list(MAX_NODES - 2, false), "x.yaml").diagnostics.map(line)).toEqual([tooLarge]);
  });
});
