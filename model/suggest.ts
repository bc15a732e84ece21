/** "Did you mean": the closest candidate by edit distance, for near misses in references. */

/**
 * Levenshtein distance, giving up (returning max + 1) once the distance must exceed `max`. Only the
 * diagonal band |i - j| <= max can hold a distance within `max`, so only that band is computed:
 * O(len * (2 max + 1)) per pair, not O(len^2), however long and alike the two names are.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const far = max + 1;
  let prev = new Array<number>(b.length + 1).fill(far);
  let cur = new Array<number>(b.length + 1).fill(far);
  for (let j = 0; j <= Math.min(b.length, max); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    cur.fill(far, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    cur[0] = i <= max ? i : far;
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v > far ? far : v;
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, far);
}

/** The candidate closest to `name` (case-insensitive), if it is close enough to be a typo; looks at most at `limit` candidates. */
export function closest(name: string, candidates: Iterable<string>, limit = 20_000): string | undefined {
  return search(name, candidates, limit).best;
}

function search(name: string, candidates: Iterable<string>, limit: number): { best?: string; examined: number } {
  const lower = name.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  let examined = 0;
  for (const c of candidates) {
    if (examined >= limit) break; // bounded work per reference, even for huge inventories
    examined++;
    const d = editDistance(lower, c.toLowerCase(), Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best === undefined ? { examined } : { best, examined };
}

/** " (did you mean 'x'?)" or "". */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c === undefined ? "" : ` (did you mean '${c}'?)`;
}

/** The same within a budget of candidates to look at; returns the text and how many candidates it looked at. */
export function didYouMeanWithin(name: string, candidates: Iterable<string>, budget: number): { text: string; examined: number } {
  const r = search(name, candidates, Math.min(20_000, budget));
  return { text: r.best === undefined ? "" : ` (did you mean '${r.best}'?)`, examined: r.examined };
}
