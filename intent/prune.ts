/**
 * Which L2 edges must carry a VLAN: the part of the fabric that connects the devices that need it
 * (see intent/derive.ts for the rules). Linear per VLAN in the size of the part of the fabric that can
 * carry it; the work arrays are allocated once and reused for every VLAN (stamped by an epoch), so a
 * thousand-switch fabric with hundreds of VLANs prunes in milliseconds.
 */

export interface PruneInput {
  /** Number of devices. */
  readonly devices: number;
  /** Edge indices touching each device. */
  readonly devEdges: readonly (readonly number[])[];
  /** The two devices of each edge. */
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  /** Both ends of edge k allow VLAN v. */
  permits(k: number, v: number): boolean;
  /** VLAN v exists at the site of device d (may pass through d when d does not need it). */
  siteHas(d: number, v: number): boolean;
  /** 1 when the device is an edge device (leaf, access, border, wan): it passes a VLAN on only when nothing else connects its users. */
  readonly edgeRole: Uint8Array;
}

export class VlanPruner {
  private readonly seen: Int32Array;
  private readonly term: Int32Array;
  private readonly lid: Int32Array;
  private readonly edgeSeen: Int32Array;
  private readonly mark: Int32Array;
  private readonly off: Int32Array;
  private readonly len: Int32Array;
  private readonly adj: Int32Array;
  private epoch = 0;
  private token = 0;

  constructor(private readonly g: PruneInput) {
    this.seen = new Int32Array(g.devices);
    this.term = new Int32Array(g.devices);
    this.lid = new Int32Array(g.devices);
    this.edgeSeen = new Int32Array(g.edgeA.length);
    this.mark = new Int32Array(g.devices);
    this.off = new Int32Array(g.devices + 1);
    this.len = new Int32Array(g.devices);
    this.adj = new Int32Array(2 * g.edgeA.length);
  }

  /** Indices of the edges that must carry VLAN `v` between `terminals` (the devices that need it). */
  carriers(v: number, terminals: readonly number[]): number[] {
    const g = this.g;
    const epoch = ++this.epoch;
    for (const t of terminals) this.term[t] = epoch;
    const isTerm = (d: number): boolean => this.term[d] === epoch;

    // 1. the capable subgraph reachable from the terminals
    const verts: number[] = [];
    const capEdges: number[] = [];
    const queue: number[] = [];
    for (const t of terminals) {
      if (this.seen[t] === epoch) continue;
      this.seen[t] = epoch;
      this.lid[t] = verts.length;
      verts.push(t);
      queue.push(t);
    }
    while (queue.length > 0) {
      const d = queue.pop()!;
      for (const k of g.devEdges[d]!) {
        if (this.edgeSeen[k] === epoch) continue;
        this.edgeSeen[k] = epoch;
        const a = g.edgeA[k]!;
        const b = g.edgeB[k]!;
        if (!g.permits(k, v)) continue;
        if ((!isTerm(a) && !g.siteHas(a, v)) || (!isTerm(b) && !g.siteHas(b, v))) continue;
        capEdges.push(k);
        const far = a === d ? b : a;
        if (this.seen[far] !== epoch) {
          this.seen[far] = epoch;
          this.lid[far] = verts.length;
          verts.push(far);
          queue.push(far);
        }
      }
    }
    const n = verts.length;
    if (capEdges.length === 0) return [];

    // distinct neighbours by local id, in compressed rows (off/len/adj reused across VLANs)
    const off = this.off;
    const len = this.len;
    const adj = this.adj;
    off.fill(0, 0, n + 1);
    for (const k of capEdges) {
      off[this.lid[g.edgeA[k]!]! + 1]!++;
      off[this.lid[g.edgeB[k]!]! + 1]!++;
    }
    for (let x = 0; x < n; x++) off[x + 1]! += off[x]!;
    len.fill(0, 0, n);
    for (const k of capEdges) {
      const a = this.lid[g.edgeA[k]!]!;
      const b = this.lid[g.edgeB[k]!]!;
      adj[off[a]! + len[a]!++] = b;
      adj[off[b]! + len[b]!++] = a;
    }
    for (let x = 0; x < n; x++) {
      const tok = ++this.token;
      let w = off[x]!;
      const end = off[x]! + len[x]!;
      for (let j = off[x]!; j < end; j++) {
        const y = adj[j]!;
        if (this.mark[y] === tok) continue;
        this.mark[y] = tok;
        adj[w++] = y;
      }
      len[x] = w - off[x]!;
    }
    const nbrs: Rows = { off, len, adj };
    const terminal = new Uint8Array(n);
    for (let x = 0; x < n; x++) terminal[x] = isTerm(verts[x]!) ? 1 : 0;
    const alive = new Uint8Array(n).fill(1);
    const deg = new Int32Array(n);
    const recount = (): void => {
      for (let x = 0; x < n; x++) {
        if (!alive[x]) continue;
        let c = 0;
        for (let j = off[x]!, e = off[x]! + len[x]!; j < e; j++) if (alive[adj[j]!]) c++;
        deg[x] = c;
      }
    };
    const strip = (): void => {
      const q: number[] = [];
      for (let x = 0; x < n; x++) if (alive[x] && !terminal[x] && deg[x]! <= 1) q.push(x);
      while (q.length > 0) {
        const x = q.pop()!;
        if (!alive[x]) continue;
        alive[x] = 0;
        for (let j = off[x]!, e = off[x]! + len[x]!; j < e; j++) {
          const y = adj[j]!;
          if (!alive[y]) continue;
          deg[y]!--;
          if (!terminal[y] && deg[y]! <= 1) q.push(y);
        }
      }
    };
    recount();
    strip(); // 2a. dead ends

    // 2b. edge devices that do not need v and do not hold the fabric together for it
    const cut = articulationPoints(n, nbrs, alive);
    const drop: number[] = [];
    for (let x = 0; x < n; x++) if (alive[x] && !terminal[x] && !cut[x] && g.edgeRole[verts[x]!]) drop.push(x);
    if (drop.length > 0) {
      const before = components(n, nbrs, alive);
      for (const x of drop) alive[x] = 0;
      const after = components(n, nbrs, alive);
      const joined = new Map<number, number>();
      let separated = false;
      for (let x = 0; x < n && !separated; x++) {
        if (!terminal[x] || before[x]! < 0) continue;
        const prev = joined.get(before[x]!);
        if (prev === undefined) joined.set(before[x]!, after[x]!);
        else if (prev !== after[x]) separated = true;
      }
      if (separated) for (const x of drop) alive[x] = 1;
      recount();
      strip();
    }

    // 3. components with fewer than two terminals carry nothing
    const comp = components(n, nbrs, alive);
    const count = new Map<number, number>();
    for (let x = 0; x < n; x++) if (terminal[x] && comp[x]! >= 0) count.set(comp[x]!, (count.get(comp[x]!) ?? 0) + 1);
    const out: number[] = [];
    for (const k of capEdges) {
      const a = this.lid[g.edgeA[k]!]!;
      const b = this.lid[g.edgeB[k]!]!;
      if (!alive[a] || !alive[b]) continue;
      if ((count.get(comp[a]!) ?? 0) < 2) continue;
      out.push(k);
    }
    return out;
  }
}

/** Component id per local vertex (-1 when not alive). */
/** Adjacency in compressed rows: the neighbours of x are adj[off[x] .. off[x] + len[x]). */
interface Rows {
  readonly off: Int32Array;
  readonly len: Int32Array;
  readonly adj: Int32Array;
}

function components(n: number, nbrs: Rows, alive: Uint8Array): Int32Array {
  const comp = new Int32Array(n).fill(-1);
  let id = 0;
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!alive[s] || comp[s]! >= 0) continue;
    comp[s] = id;
    stack.push(s);
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let j = nbrs.off[x]!, e = nbrs.off[x]! + nbrs.len[x]!; j < e; j++) {
        const y = nbrs.adj[j]!;
        if (alive[y] && comp[y]! < 0) {
          comp[y] = id;
          stack.push(y);
        }
      }
    }
    id++;
  }
  return comp;
}

/** Articulation points among alive local vertices (iterative Tarjan). */
function articulationPoints(n: number, nbrs: Rows, alive: Uint8Array): Uint8Array {
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const cut = new Uint8Array(n);
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < n; root++) {
    if (!alive[root] || disc[root]! >= 0) continue;
    disc[root] = low[root] = time++;
    let rootChildren = 0;
    stack.push(root);
    while (stack.length > 0) {
      const x = stack[stack.length - 1]!;
      if (next[x]! < nbrs.len[x]!) {
        const y = nbrs.adj[nbrs.off[x]! + next[x]!++]!;
        if (!alive[y] || y === parent[x]) continue;
        if (disc[y]! >= 0) low[x] = Math.min(low[x]!, disc[y]!);
        else {
          parent[y] = x;
          disc[y] = low[y] = time++;
          if (x === root) rootChildren++;
          stack.push(y);
        }
        continue;
      }
      stack.pop();
      const p = parent[x]!;
      if (p >= 0) {
        low[p] = Math.min(low[p]!, low[x]!);
        if (p !== root && low[x]! >= disc[p]!) cut[p] = 1;
      }
    }
    if (rootChildren > 1) cut[root] = 1;
  }
  return cut;
}
