/**
 * Pages and graphs without Graphviz: text from the inventory cannot break a Markdown table or inject HTML,
 * LAG members become one edge, Mermaid stops at a size GitHub still draws, rack units add up.
 */
import * as path from "path";
import { describe, expect, it } from "vitest";
import { DEFAULTS, generateInventory } from "../../../generate/generator";
import { loadInventory } from "../../../model/load";
import { intentsOf } from "../../../pipeline/index";
import { buildGraph } from "../../../publish/graph";
import { toMermaid } from "../../../publish/mermaid";
import { toHtml, toMarkdown, type Page } from "../../../publish/page";
import { rackContent, unitRanges } from "../../../publish/rack";
import { buildDocs } from "../../../publish/site";

const ROOT = path.resolve(__dirname, "../../..");
const inv = loadInventory(path.join(ROOT, "inventory/kragujevac.yaml")).inventory!;

describe("pages", () => {
  const page: Page = { title: "t", blocks: [{ table: { head: ["a", "b"], rows: [["x | y", "<script>alert(1)</script>"]] } }, { p: [{ text: "dev", href: "devices/a b.html" }] }] };

  it("a cell's | does not split the Markdown row; < and > are escaped", () => {
    const md = toMarkdown(page);
    const row = md.split("\n").find((l) => l.includes("x "))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(4); // | cell | cell |
    expect(md).not.toContain("<script>");
    expect(md).toContain("[dev](devices/a%20b.html)");
  });

  it("HTML holds the text as text", () => {
    const html = toHtml(page);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });
});

describe("graphs", () => {
  it("the leaf's four uplink cables are two edges: one per spine, two members each", () => {
    const g = buildGraph(inv, { sites: ["kg-dc1"] });
    const up = g.edges.filter((e) => [e.a.device, e.b.device].includes("kg-dc1-leaf1"));
    expect(up.map((e) => e.members)).toEqual([2, 2]);
    expect(new Set(up.map((e) => (e.a.device === "kg-dc1-leaf1" ? e.b.device : e.a.device)))).toEqual(new Set(["kg-dc1-spine1", "kg-dc1-spine2"]));
    expect(up.every((e) => e.speed === "100G")).toBe(true);
    // far ends of other sites are in the graph, flagged
    expect(g.nodes.find((n) => n.name === "kg-dc2-leaf1")?.external).toBe(true);
    expect(g.nodes.find((n) => n.name === "kg-dc1-leaf1")?.external).toBe(false);
  });

  it("Mermaid: one node per device, one line per edge, ids Mermaid accepts", () => {
    const g = buildGraph(inv, { sites: ["kg-dc1"] });
    const m = toMermaid(inv, g);
    const ids = [...m.matchAll(/^\s+(d_\w+)\[/gm)].map((x) => x[1]);
    expect(ids.length).toBe(g.nodes.length);
    expect(ids.every((id) => /^[A-Za-z0-9_]+$/.test(id!))).toBe(true);
    expect(m.split("\n").filter((l) => /^\s+d_\w+ (---|-\.-|===)/.test(l)).length).toBe(g.edges.length);
  });

  it("a site too large for Mermaid gets a pointer to its SVG instead", () => {
    const big = generateInventory({ ...DEFAULTS, sites: 2, spines: 2, racksPerSite: 20, leafsPerRack: 8, interfacesPerLeaf: 12, hostsPerLeaf: 0, vlans: 4, branches: 0, seed: 3 });
    const files = buildDocs(big, intentsOf(big), { source: "big.yaml", layout: () => "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" });
    const site = files.find((f) => /^sites\/.*\.md$/.test(f.path) && !/branch/.test(f.path))!;
    expect(site.content).not.toContain("```mermaid");
    expect(site.content).toMatch(/too many for a Mermaid diagram; see \[.*-topology\.svg\]/);
  });
});

describe("racks", () => {
  it("free units and their ranges", () => {
    const r = inv.racks.find((x) => x.name === "kg-dc1-r01")!;
    const c = rackContent(inv, r);
    const used = inv.devices.filter((d) => d.rack === r.name).reduce((n, d) => n + d.height, 0);
    expect(c.free.length).toBe(r.height - used);
    expect(unitRanges([1, 2, 3, 5, 7, 8])).toBe("1-3, 5, 7-8");
  });
});
