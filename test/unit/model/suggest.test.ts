/**
 * "Did you mean" (model/suggest.ts): the banded edit distance agrees with the plain Levenshtein distance
 * wherever that is within the bound, the closest candidate is a typo's distance away at most (one edit for
 * short names, up to three for long ones), case does not count, and the work per reference is bounded.
 */
import { describe, expect, it } from "vitest";
import { closest, didYouMean, didYouMeanWithin, editDistance } from "../../../model/suggest";

/** The textbook dynamic programme, the whole matrix. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe("edit distance within a bound", () => {
  it("known pairs", () => {
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("", "", 2)).toBe(0);
    expect(editDistance("", "ab", 2)).toBe(2);
    expect(editDistance("ab", "", 2)).toBe(2);
    expect(editDistance("abc", "abc", 0)).toBe(0);
    expect(editDistance("abc", "abd", 0)).toBe(1);
    expect(editDistance("abc", "acb", 3)).toBe(2);
    expect(editDistance("spine", "spline", 1)).toBe(1);
    expect(editDistance("sw1", "sw22", 1)).toBe(2);
  });

  it("past the bound: bound + 1, also when the lengths alone say so", () => {
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 3)).toBe(4);
    expect(editDistance("abcdef", "a", 4)).toBe(5);
    expect(editDistance("aaaa", "bbbb", 1)).toBe(2);
    expect(editDistance("xabc", "abcx", 1)).toBe(2);
  });

  it("agrees with the full matrix on 3,000 random pairs and bounds", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const word = () => Array.from({ length: rand(9) }, () => "abc"[rand(3)]).join("");
    for (let n = 0; n < 3000; n++) {
      const a = word();
      const b = word();
      const max = rand(5);
      const want = Math.min(levenshtein(a, b), max + 1);
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(want);
    }
  });
});

describe("the closest candidate", () => {
  it("one edit away for names of up to five characters, two up to eight, three from nine", () => {
    expect(closest("sw2", ["sw1"])).toBe("sw1");
    expect(closest("sw", ["swxy"])).toBeUndefined();
    expect(closest("leaf1", ["leaf12"])).toBe("leaf12");
    expect(closest("leaf1", ["lef12"])).toBeUndefined();
    expect(closest("spine12", ["spin1"])).toBe("spin1");
    expect(closest("spine12", ["sin1"])).toBeUndefined();
    expect(closest("border-one", ["bordr-on"])).toBe("bordr-on");
    expect(closest("border-one", ["brdr-on"])).toBe("brdr-on");
    expect(closest("border-one", ["brd-on"])).toBeUndefined();
    expect(closest("a-very-long-device-name", ["a-vry-lng-dvice-name"])).toBe("a-vry-lng-dvice-name");
    expect(closest("a-very-long-device-name", ["a-vry-lng-dvce-name"])).toBeUndefined();
  });

  it("case does not count, the candidate comes back as written", () => {
    expect(closest("SPINE", ["spine", "leaf"])).toBe("spine");
    expect(closest("Platfrom", ["platform"])).toBe("platform");
  });

  it("the nearest wins, the first of equals; an exact match ends the search", () => {
    expect(closest("sw12", ["sw1", "sw12x", "sw12"])).toBe("sw12");
    expect(closest("abcdefgh", ["abcdefXY", "abcdefgX"])).toBe("abcdefgX");
    expect(closest("sw3", ["sw1", "sw2"])).toBe("sw1");
    expect(closest("x", [])).toBeUndefined();
  });

  it("at most `limit` candidates are looked at", () => {
    const many = [...Array.from({ length: 50 }, (_, i) => `zzzzzz${i}`), "spine"];
    expect(closest("spin", many)).toBe("spine");
    expect(closest("spin", many, 50)).toBeUndefined();
    expect(closest("spin", many, 51)).toBe("spine");
  });

  it("the text of a suggestion, and the budget a caller gives", () => {
    expect(didYouMean("sw22", ["sw2", "sw3"])).toBe(" (did you mean 'sw2'?)");
    expect(didYouMean("qqqq", ["sw2"])).toBe("");
    expect(didYouMeanWithin("sw22", ["a", "b", "sw2", "c"], 10)).toEqual({ text: " (did you mean 'sw2'?)", examined: 4 });
    expect(didYouMeanWithin("sw2", ["a", "sw2", "c"], 10)).toEqual({ text: " (did you mean 'sw2'?)", examined: 2 });
    expect(didYouMeanWithin("sw22", ["a", "b", "sw2"], 2)).toEqual({ text: "", examined: 2 });
    expect(didYouMeanWithin("sw22", [], 5)).toEqual({ text: "", examined: 0 });
  });
});
