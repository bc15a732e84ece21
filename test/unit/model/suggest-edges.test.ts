/**
 * The work the banded edit distance does (model/suggest.ts): its comment promises O(len * (2 max + 1)) per
 * pair, however long and alike the two names are, and giving up as soon as the distance must exceed the
 * bound. The results are checked against the full matrix in suggest.test.ts; here the work is counted, as
 * the characters read (String.prototype.charCodeAt) and the cells reset (Array.prototype.fill), both
 * wrapped only for the one call measured.
 */
import { describe, expect, it } from "vitest";
import { editDistance } from "../../../model/suggest";

/** The distance, with how many characters it read and how many array cells it filled. */
function measured(a: string, b: string, max: number): { distance: number; reads: number; filled: number } {
  const charCodeAt = String.prototype.charCodeAt;
  const fill = Array.prototype.fill;
  let reads = 0;
  let filled = 0;
  String.prototype.charCodeAt = function (this: string, i: number) {
    reads++;
    return charCodeAt.call(this, i);
  };
  Array.prototype.fill = function (this: unknown[], value: unknown, start?: number, end?: number) {
    const n = this.length;
    const at = (x: number | undefined, dflt: number) => (x === undefined ? dflt : x < 0 ? Math.max(0, n + x) : Math.min(x, n));
    filled += Math.max(0, at(end, n) - at(start, 0));
    return fill.call(this, value, start, end);
  } as typeof Array.prototype.fill;
  try {
    return { distance: editDistance(a, b, max), reads, filled };
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    Array.prototype.fill = fill;
  }
}

describe("the edit distance's work stays in the band", () => {
  it("two long equal names: each row compares at most 2 max + 1 characters and resets at most 2 max + 3 cells", () => {
    const n = 3000;
    const max = 2;
    const r = measured("ab".repeat(n / 2), "ab".repeat(n / 2), max);
    expect(r.distance).toBe(0);
    // two characters read per cell compared; the two rows allocated once (n + 1 cells each)
    expect(r.reads).toBeLessThanOrEqual(2 * n * (2 * max + 1));
    expect(r.filled).toBeLessThanOrEqual(2 * (n + 1) + n * (2 * max + 3));
  });

  it("two long names that differ everywhere: it gives up after max + 1 rows", () => {
    const max = 2;
    const r = measured("a".repeat(3000), "b".repeat(3000), max);
    expect(r.distance).toBe(max + 1);
    expect(r.reads).toBeLessThanOrEqual(2 * (max + 1) * (2 * max + 1));
  });

  it("lengths further apart than the bound: the answer without reading a character or allocating a row", () => {
    expect(measured("a", "a".repeat(3000), 2)).toEqual({ distance: 3, reads: 0, filled: 0 });
    expect(measured("a".repeat(3000), "a", 2)).toEqual({ distance: 3, reads: 0, filled: 0 });
  });
});
