import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { lineEdits, sameLines, unifiedDiff } from "../../../audit/textDiff";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-textdiff-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Length of the longest common subsequence of two line lists (the reference for a shortest edit script). */
function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 1000) / 1000;
}

describe("line diff", () => {
  it("rebuilds both texts and edits as few lines as the longest common subsequence allows", () => {
    const rnd = random(7);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(rnd() * 12) }, () => "abcd"[Math.floor(rnd() * 4)]!);
      const b = Array.from({ length: Math.floor(rnd() * 12) }, () => "abcd"[Math.floor(rnd() * 4)]!);
      const edits = lineEdits(a.map((l) => `${l}\n`).join(""), b.map((l) => `${l}\n`).join(""));
      expect(edits.filter((e) => e.op !== "+").map((e) => e.line)).toEqual(a);
      expect(edits.filter((e) => e.op !== "-").map((e) => e.line)).toEqual(b);
      expect(edits.filter((e) => e.op === " ").length).toBe(lcs(a, b));
    }
  });

  it("prints what `diff -u` prints for one changed line in a configuration", () => {
    const before = ["vlan 120 video", "vlan 130 voice", "port p1 tag=120", "port p2 tag=130", "port p3 tag=120", "port p4 tag=120", "port p5 tag=130", "port p6 tag=120"].join("\n") + "\n";
    const after = before.replace("port p2 tag=130", "port p2 tag=120");
    const mine = unifiedDiff(before, after, "leaf1 before", "leaf1 after");
    expect(mine).toBe(["--- leaf1 before", "+++ leaf1 after", "@@ -1,7 +1,7 @@", " vlan 120 video", " vlan 130 voice", " port p1 tag=120", "-port p2 tag=130", "+port p2 tag=120", " port p3 tag=120", " port p4 tag=120", " port p5 tag=130", ""].join("\n"));
    const fa = path.join(tmp, "a");
    const fb = path.join(tmp, "b");
    fs.writeFileSync(fa, before);
    fs.writeFileSync(fb, after);
    const r = spawnSync("diff", ["-u", "--label", "leaf1 before", "--label", "leaf1 after", fa, fb], { encoding: "utf8" });
    if (!r.error) expect(mine).toBe(r.stdout);
  });

  it("hunks: separate when far apart, merged when their context overlaps; empty files and additions at the end", () => {
    const a = Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const b = a.replace("line 2\n", "line two\n").replace("line 25\n", "line twenty-five\n");
    const d = unifiedDiff(a, b, "a", "b");
    expect(d.match(/^@@ /gm)).toHaveLength(2);
    const near = a.replace("line 2\n", "line two\n").replace("line 7\n", "line seven\n");
    expect(unifiedDiff(a, near, "a", "b").match(/^@@ /gm)).toHaveLength(1);
    expect(unifiedDiff("", "x\n", "a", "b")).toBe("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    expect(unifiedDiff("x\n", "", "a", "b")).toBe("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
    expect(unifiedDiff(a, a, "a", "b")).toBe("");
    expect(sameLines("a\r\nb\r\n", "a\nb\n")).toBe(true);
  });
});
