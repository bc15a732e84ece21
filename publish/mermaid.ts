/**
 * A network graph as Mermaid flowchart text, for Markdown that GitHub and GitLab draw in place (pull request
 * comments, the README of the docs). The same nodes and edges as the SVG: a box per site, a line style per
 * kind of link, marked devices and links in their own colour.
 */
import type { Inventory, LinkKind } from "../model/types";
import type { Mark, NetworkGraph } from "./graph";

const ARROW: Readonly<Record<LinkKind, string>> = { fabric: "---", uplink: "---", dci: "-.-", wan: "-.-", peer: "===" };
const MARK_CLASS: Readonly<Record<Mark, string>> = {
  changed: "fill:#ffc078,stroke:#c92a2a,stroke-width:3px",
  added: "fill:#b2f2bb,stroke:#2b8a3e,stroke-width:3px",
  removed: "fill:#ffc9c9,stroke:#c92a2a,stroke-width:3px,stroke-dasharray:5 3",
};
const MARK_LINK: Readonly<Record<Mark, string>> = { changed: "stroke:#c92a2a,stroke-width:4px", added: "stroke:#2b8a3e,stroke-width:4px", removed: "stroke:#c92a2a,stroke-width:4px,stroke-dasharray:5 3" };

/** A Mermaid identifier for a name (Mermaid ids are letters, digits and underscores). */
export function mermaidId(prefix: string, name: string): string {
  return prefix + name.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

/** Text inside a Mermaid label in double quotes: no quote, no bracket Mermaid would read. */
function label(s: string): string {
  return s.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}

export function toMermaid(inv: Inventory, graph: NetworkGraph, opts: { labels?: boolean } = {}): string {
  const labels = opts.labels ?? true;
  const out: string[] = ["flowchart TB"];
  const siteOf = new Map(inv.sites.map((s) => [s.name, s] as const));
  const sites = [...new Set(graph.nodes.map((n) => n.site))];
  for (const site of sites) {
    const s = siteOf.get(site);
    out.push(`  subgraph ${mermaidId("s_", site)}["${label(`${site} (${s?.role ?? "site"})`)}"]`);
    for (const n of graph.nodes.filter((x) => x.site === site)) {
      out.push(`    ${mermaidId("d_", n.name)}["${label(n.name)}<br/>${label(n.role)}${n.mark ? ` [${n.mark}]` : ""}"]`);
    }
    out.push("  end");
  }
  const styled: string[] = [];
  graph.edges.forEach((e, i) => {
    const text = labels || e.mark ? `|"${label(`${e.kind === "fabric" ? "" : `${e.kind}: `}${e.label}${e.mark ? ` [${e.mark}]` : ""}`)}"|` : "";
    out.push(`  ${mermaidId("d_", e.a.device)} ${ARROW[e.kind]}${text} ${mermaidId("d_", e.b.device)}`);
    if (e.mark) styled.push(`  linkStyle ${i} ${MARK_LINK[e.mark]}`);
  });
  const used = (["changed", "added", "removed"] as Mark[]).filter((m) => graph.nodes.some((n) => n.mark === m));
  for (const m of used) {
    out.push(`  classDef ${m} ${MARK_CLASS[m]}`);
    out.push(`  class ${graph.nodes.filter((n) => n.mark === m).map((n) => mermaidId("d_", n.name)).join(",")} ${m}`);
  }
  out.push(...styled);
  return out.join("\n") + "\n";
}
