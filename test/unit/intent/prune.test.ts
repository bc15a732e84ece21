/**
 * VlanPruner on small graphs, one rule at a time: the capable part of the fabric, dead ends, edge devices
 * that do not hold the users together, components with a single user, and reuse across VLANs.
 * Devices are numbers; edge k joins edges[k][0] and edges[k][1].
 */
import { describe, expect, it } from "vitest";
import { VlanPruner } from "../../../intent/prune";

interface Graph {
  readonly edges: readonly (readonly [number, number])[];
  /** Devices with the edge role (leaf, access, border, wan); the others are spines or cores. */
  readonly edgeRole?: readonly number[];
  /** Devices whose site lacks the VLAN (it may not pass through them). */
  readonly siteLacks?: readonly number[];
  /** Edges whose ends do not both allow the VLAN. */
  readonly blocked?: readonly number[];
}

function pruner(g: Graph): VlanPruner {
  const devices = 1 + Math.max(...g.edges.flat());
  const devEdges: number[][] = Array.from({ length: devices }, () => []);
  g.edges.forEach(([a, b], k) => {
    devEdges[a]!.push(k);
    devEdges[b]!.push(k);
  });
  const role = new Uint8Array(devices);
  for (const d of g.edgeRole ?? []) role[d] = 1;
  return new VlanPruner({
    devices,
    devEdges,
    edgeA: Int32Array.from(g.edges.map((e) => e[0])),
    edgeB: Int32Array.from(g.edges.map((e) => e[1])),
    permits: (k) => !(g.blocked ?? []).includes(k),
    siteHas: (d) => !(g.siteLacks ?? []).includes(d),
    edgeRole: role,
  });
}

const carriers = (g: Graph, terminals: number[]): number[] => pruner(g).carriers(10, terminals).sort((a, b) => a - b);

describe("VlanPruner", () => {
  it("a path through a spine carries the VLAN end to end; a single user carries nothing", () => {
    const path: Graph = { edges: [[0, 1], [1, 2]] };
    expect(carriers(path, [0, 2])).toEqual([0, 1]);
    expect(carriers(path, [0])).toEqual([]);
    expect(carriers(path, [])).toEqual([]);
  });

  it("dead ends that no user needs are cut back, however long", () => {
    // 0 - 1 - 2 with a tail 1 - 3 - 4 - 5 of spines
    const g: Graph = { edges: [[0, 1], [1, 2], [1, 3], [3, 4], [4, 5]] };
    expect(carriers(g, [0, 2])).toEqual([0, 1]);
    // a user at the tail's end needs all of it
    expect(carriers(g, [0, 5])).toEqual([0, 2, 3, 4]);
  });

  it("a device whose site lacks the VLAN does not pass it on; a user there still gets it", () => {
    const path: Graph = { edges: [[0, 1], [1, 2]], siteLacks: [1] };
    expect(carriers(path, [0, 2])).toEqual([]);
    expect(carriers(path, [0, 1, 2])).toEqual([0, 1]);
    expect(carriers({ edges: [[0, 1], [1, 2]], siteLacks: [0, 2] }, [0, 2])).toEqual([0, 1]);
    expect(carriers({ edges: [[0, 1], [1, 2]], siteLacks: [0] }, [1, 2])).toEqual([1]);
  });

  it("the site rule holds whichever end of an edge the device is", () => {
    // device 1 lacks the VLAN; it is the first end of both edges, then the second end of both
    expect(carriers({ edges: [[1, 0], [1, 2]], siteLacks: [1] }, [0, 2])).toEqual([]);
    expect(carriers({ edges: [[0, 1], [2, 1]], siteLacks: [1] }, [0, 2])).toEqual([]);
  });

  it("parallel edges count once: a spine joined twice to one neighbour is still a dead end", () => {
    // 0 - 1 - 2, and spine 3 hangs off 1 by two edges (two cables)
    expect(carriers({ edges: [[0, 1], [1, 2], [1, 3], [1, 3]] }, [0, 2])).toEqual([0, 1]);
    // two cables between the users both carry it
    expect(carriers({ edges: [[0, 1], [0, 1]] }, [0, 1])).toEqual([0, 1]);
  });

  it("an edge that does not allow the VLAN carries nothing, and nothing beyond it is reached through it", () => {
    const g: Graph = { edges: [[0, 1], [1, 2]], blocked: [1] };
    expect(carriers(g, [0, 2])).toEqual([]);
    expect(carriers({ edges: [[0, 1], [1, 2], [0, 2]], blocked: [2] }, [0, 2])).toEqual([0, 1]);
  });

  it("an edge device that is not the only way between users is spared; two that are together the only way both carry", () => {
    // a square: users 0 and 2, between them 1 and 3
    const square: Graph["edges"] = [[0, 1], [1, 2], [2, 3], [3, 0]];
    expect(carriers({ edges: square }, [0, 2])).toEqual([0, 1, 2, 3]);
    expect(carriers({ edges: square, edgeRole: [3] }, [0, 2])).toEqual([0, 1]);
    expect(carriers({ edges: square, edgeRole: [1] }, [0, 2])).toEqual([2, 3]);
    expect(carriers({ edges: square, edgeRole: [1, 3] }, [0, 2])).toEqual([0, 1, 2, 3]);
    // an edge device that alone joins the users is a cut vertex: kept
    expect(carriers({ edges: [[0, 1], [1, 2]], edgeRole: [1] }, [0, 2])).toEqual([0, 1]);
    // a user with the edge role is never spared
    expect(carriers({ edges: square, edgeRole: [0, 2, 3] }, [0, 2])).toEqual([0, 1]);
  });

  it("an edge device deep in a ring is spared only when the ring stays whole without it", () => {
    // users 0 and 4; a ring 0-1-2-4-3-0 with a chord 1-3; 2 is a leaf (spared), 1 and 3 are spines
    const g: Graph = { edges: [[0, 1], [1, 2], [2, 4], [4, 3], [3, 0], [1, 3]], edgeRole: [2] };
    expect(carriers(g, [0, 4])).toEqual([0, 3, 4, 5]);
    // the chord's ends as leafs too: sparing 1, 2 and 3 together would cut the users apart, so all stay
    expect(carriers({ ...g, edgeRole: [1, 2, 3] }, [0, 4])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("a dead end hanging off an edge device does not make it hold the users together", () => {
    // the square 0-1-2-3-0 with users 0 and 2 and leaf 1, and spine 4 a dead end off 1: 4 is cut back,
    // and 1 is still spared (3 joins the users), so only 2-3 and 3-0 carry
    const g: Graph = { edges: [[0, 1], [1, 2], [2, 3], [3, 0], [1, 4]], edgeRole: [1] };
    expect(carriers(g, [0, 2])).toEqual([2, 3]);
    // a longer dead end, of two spines
    expect(carriers({ edges: [...g.edges, [4, 5]], edgeRole: [1] }, [0, 2])).toEqual([2, 3]);
  });

  it("an edge device whose ring closes on itself is the only way to the ring, and kept; the ring's spare leaf is spared", () => {
    // user 0 - leaf 1, and the ring 1-2-3-1 with user 5 off 3: every way from 0 to 5 goes through 1 (the ring
    // comes back to 1 and no higher), so 1 carries; leaf 2 is not needed (1-3 closes the ring)
    const g: Graph = { edges: [[0, 1], [1, 2], [2, 3], [3, 1], [3, 5]], edgeRole: [1, 2] };
    expect(carriers(g, [0, 5])).toEqual([0, 3, 4]);
  });

  it("users in two parts that do not meet carry the VLAN only inside a part with two of them", () => {
    // part A: 0 - 1 - 2, part B: 3 - 4 (one user in B)
    const g: Graph = { edges: [[0, 1], [1, 2], [3, 4]] };
    expect(carriers(g, [0, 2, 3])).toEqual([0, 1]);
    expect(carriers(g, [0, 2, 3, 4])).toEqual([0, 1, 2]);
  });

  it("one pruner answers VLAN after VLAN with the same results as fresh ones, and a user listed twice counts once", () => {
    const g: Graph = { edges: [[0, 1], [1, 2], [2, 3], [3, 0], [1, 4]], edgeRole: [3] };
    const p = pruner(g);
    const asked: [number, number[]][] = [
      [10, [0, 2]],
      [20, [0, 4]],
      [30, [2]],
      [40, [0, 2, 4]],
      [50, [0, 2]],
    ];
    for (const [v, t] of asked) expect(p.carriers(v, t).sort((a, b) => a - b), `VLAN ${v}`).toEqual(carriers(g, t));
    expect(p.carriers(60, [0, 0, 2]).sort((a, b) => a - b)).toEqual(carriers(g, [0, 2]));
    expect(carriers(g, [0, 4])).toEqual([0, 4]);
  });
});
