/**
 * Natural ordering for names engineers read: "10GE1/0/5" before "10GE1/0/10", "leaf2" before "leaf10".
 * Digit runs compare as numbers, everything else as text. Deterministic, no locale.
 */
const chunk = /(\d+)|(\D+)/g;

function chunks(s: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of s.matchAll(chunk)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = chunks(a);
  const y = chunks(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === "number" && typeof q === "number") return p - q;
    const ps = String(p);
    const qs = String(q);
    if (ps !== qs) return ps < qs ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : 1;
}
