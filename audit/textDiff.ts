/**
 * A unified diff of two texts, line by line (`citydc audit diff-config`: a device's running configuration
 * before and after a change). Myers' O(ND) algorithm on what remains after the common head and tail; output
 * as `diff -u` prints it: `---`/`+++` header, `@@ -a,b +c,d @@` hunks with three lines of context.
 */

export type LineEdit = { readonly op: " " | "-" | "+"; readonly line: string };

/** Differences beyond this many edits are shown as the whole middle removed and added (bounded work). */
const MAX_EDITS = 4000;

function lines(text: string): string[] {
  if (text === "") return [];
  const all = text.replace(/\r\n?/g, "\n").split("\n");
  if (all[all.length - 1] === "") all.pop();
  return all;
}

/** The shortest edit script from `a` to `b` (Myers), as kept, removed and added lines in order. */
export function lineEdits(aText: string, bText: string): LineEdit[] {
  const a = lines(aText);
  const b = lines(bText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle = myers(x, y) ?? [...x.map((line) => ({ op: "-" as const, line })), ...y.map((line) => ({ op: "+" as const, line }))];
  return [
    ...a.slice(0, head).map((line) => ({ op: " " as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ op: " " as const, line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): LineEdit[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let xi = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let yi = xi - k;
      while (xi < n && yi < m && a[xi] === b[yi]) {
        xi++;
        yi++;
      }
      next[offset + k] = xi;
      if (xi >= n && yi >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) break;
  }
  if (found < 0) return undefined;
  // Walk back through the saved frontiers.
  const edits: LineEdit[] = [];
  let xi = n;
  let yi = m;
  for (let d = found; d > 0; d--) {
    const pv = trace[d]!;
    const k = xi - yi;
    const prevK = k === -d || (k !== d && pv[offset + k - 1]! < pv[offset + k + 1]!) ? k + 1 : k - 1;
    const px = pv[offset + prevK]!;
    const py = px - prevK;
    while (xi > px && yi > py) {
      xi--;
      yi--;
      edits.push({ op: " ", line: a[xi]! });
    }
    if (xi === px) {
      yi--;
      edits.push({ op: "+", line: b[yi]! });
    } else {
      xi--;
      edits.push({ op: "-", line: a[xi]! });
    }
  }
  while (xi > 0 && yi > 0) {
    xi--;
    yi--;
    edits.push({ op: " ", line: a[xi]! });
  }
  return edits.reverse();
}

/** True when the two texts hold the same lines (line ends aside). */
export function sameLines(a: string, b: string): boolean {
  return lineEdits(a, b).every((e) => e.op === " ");
}

/** `diff -u` output; empty when the texts hold the same lines. */
export function unifiedDiff(aText: string, bText: string, aLabel: string, bLabel: string, context = 3): string {
  const edits = lineEdits(aText, bText);
  if (edits.every((e) => e.op === " ")) return "";
  const out = [`--- ${aLabel}`, `+++ ${bLabel}`];
  // positions (1-based) in a and b of each edit
  const pos: { a: number; b: number }[] = [];
  let ai = 1;
  let bi = 1;
  for (const e of edits) {
    pos.push({ a: ai, b: bi });
    if (e.op !== "+") ai++;
    if (e.op !== "-") bi++;
  }
  const changed = edits.map((e, i) => (e.op !== " " ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let end = Math.min(edits.length - 1, changed[i]! + context);
    while (i + 1 < changed.length && changed[i + 1]! - context <= end + 1) {
      i++;
      end = Math.min(edits.length - 1, changed[i]! + context);
    }
    const hunk = edits.slice(start, end + 1);
    const aCount = hunk.filter((e) => e.op !== "+").length;
    const bCount = hunk.filter((e) => e.op !== "-").length;
    const aStart = aCount === 0 ? pos[start]!.a - 1 : pos[start]!.a;
    const bStart = bCount === 0 ? pos[start]!.b - 1 : pos[start]!.b;
    out.push(`@@ -${aStart}${aCount === 1 ? "" : `,${aCount}`} +${bStart}${bCount === 1 ? "" : `,${bCount}`} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    i++;
  }
  return out.join("\n") + "\n";
}
