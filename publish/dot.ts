/**
 * A network graph as Graphviz DOT text, laid out by Graphviz's `dot` (Debian package graphviz) into SVG.
 * Devices sit in layers by role (core, spine, border and leaf, access, WAN), each site in its own box; the
 * city authorities' WAN routers share one box and a DR site has its own, so DCI and WAN are drawn apart.
 * Each kind of link has its own line (see LINK_STYLE and the legend under the picture). The DOT text is
 * built in a fixed order and `dot` is deterministic, so the same graph gives the same SVG bytes.
 */
import { spawnSync } from "child_process";
import type { DeviceRole, Inventory, LinkKind } from "../model/types";
import { CliError } from "../util/errors";
import { bundleText, ROLE_LAYER, ROLE_ORDER, type GraphNode, type Mark, type NetworkGraph } from "./graph";

export const LINK_STYLE: Readonly<Record<LinkKind, { readonly color: string; readonly style: string; readonly name: string }>> = {
  fabric: { color: "#1c4f9c", style: "solid", name: "fabric" },
  uplink: { color: "#2b8a3e", style: "solid", name: "uplink" },
  dci: { color: "#862e9c", style: "dashed", name: "DCI" },
  wan: { color: "#d9480f", style: "dotted", name: "WAN" },
  peer: { color: "#495057", style: "bold", name: "peer link" },
};

export const ROLE_FILL: Readonly<Record<DeviceRole, string>> = {
  core: "#e5dbff",
  spine: "#dbe4ff",
  border: "#fff3bf",
  leaf: "#e6fcf5",
  access: "#f1f3f5",
  wan: "#ffe8cc",
};

const MARK_STYLE: Readonly<Record<Mark, { readonly fill: string; readonly color: string; readonly style: string }>> = {
  changed: { fill: "#ffc078", color: "#c92a2a", style: "filled,rounded" },
  added: { fill: "#b2f2bb", color: "#2b8a3e", style: "filled,rounded" },
  removed: { fill: "#ffc9c9", color: "#c92a2a", style: "filled,rounded,dashed" },
};

const FONT = "DejaVu Sans";

export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function htmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface DotOptions {
  /** Title above the picture. */
  readonly title: string;
  /** Draw the edge labels (ports and speeds); default true. */
  readonly labels?: boolean;
}

/** The DOT text of a graph. */
export function toDot(inv: Inventory, graph: NetworkGraph, opts: DotOptions): string {
  const labels = opts.labels ?? true;
  const siteRole = new Map(inv.sites.map((s) => [s.name, s.role] as const));
  const siteOf = new Map(inv.sites.map((s) => [s.name, s] as const));
  const out: string[] = [];
  out.push(`digraph ${quote("topology")} {`);
  out.push(`  graph [newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.8, fontname=${quote(FONT)}, fontsize=16, labelloc=t, label=${quote(opts.title)}, compound=true];`);
  out.push(`  node [shape=box, style="filled,rounded", fontname=${quote(FONT)}, fontsize=11, color="#343a40", penwidth=1.2];`);
  out.push(`  edge [dir=none, fontname=${quote(FONT)}, fontsize=9, arrowhead=none];`);

  const bySite = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) bySite.set(n.site, [...(bySite.get(n.site) ?? []), n]);
  const siteCluster = (site: string, nodes: GraphNode[], indent: string, id: number): void => {
    const s = siteOf.get(site);
    const what = s?.role === "dr" ? `DR site${s.protects ? ` of ${s.protects}` : ""}` : s?.role === "branch" ? (s.authority ?? "branch") : (s?.role ?? "");
    const far = nodes.every((n) => n.external) ? " (far end)" : "";
    out.push(`${indent}subgraph ${quote(`cluster_site_${id}`)} {`);
    out.push(`${indent}  label=${quote(`${site}${far}\n${what}`)}; fontsize=12; style="rounded"; color="#868e96";`);
    for (const n of nodes) {
      const m = n.mark ? MARK_STYLE[n.mark] : undefined;
      const label = `${n.name}\n${n.role} · ${n.platform}${n.mark ? `\n[${n.mark}]` : ""}`;
      const attrs = [`label=${quote(label)}`, `fillcolor=${quote(m?.fill ?? ROLE_FILL[n.role])}`];
      if (m) attrs.push(`color=${quote(m.color)}`, `penwidth=3`, `style=${quote(m.style)}`);
      out.push(`${indent}  ${quote(n.name)} [${attrs.join(", ")}];`);
    }
    for (const role of ROLE_ORDER) {
      const same = nodes.filter((n) => n.role === role);
      if (same.length > 1) out.push(`${indent}  { rank=same; ${same.map((n) => quote(n.name)).join("; ")}; }`);
    }
    out.push(`${indent}}`);
  };
  const sites = [...bySite.keys()];
  const branches = sites.filter((s) => siteRole.get(s) === "branch");
  let id = 0;
  for (const s of sites) if (siteRole.get(s) !== "branch") siteCluster(s, bySite.get(s)!, "  ", id++);
  if (branches.length > 0) {
    out.push(`  subgraph ${quote("cluster_wan")} {`);
    out.push(`    label=${quote("WAN: city authorities")}; fontsize=13; style="rounded,dashed"; color=${quote(LINK_STYLE.wan.color)};`);
    for (const s of branches) siteCluster(s, bySite.get(s)!, "    ", id++);
    out.push("  }");
  }

  const layer = new Map(graph.nodes.map((n) => [n.name, ROLE_LAYER[n.role]] as const));
  for (const e of graph.edges) {
    const st = LINK_STYLE[e.kind];
    // the upper device is the tail, so the layers run top to bottom
    const [t, h] = (layer.get(e.a.device) ?? 0) <= (layer.get(e.b.device) ?? 0) ? [e.a, e.b] : [e.b, e.a];
    const attrs = [`color=${quote(e.mark ? MARK_STYLE[e.mark].color : st.color)}`, `style=${quote(e.mark === "removed" ? "dashed" : st.style)}`];
    attrs.push(`penwidth=${e.mark ? 3.5 : e.members > 1 ? 1.2 + Math.min(e.members, 4) * 0.5 : 1.2}`);
    // short labels (the ports are in the tooltip and the site's table of links): kind and bundle size
    const what = bundleText(e.members, e.speed);
    const text = `${e.kind === "fabric" || e.kind === "uplink" ? "" : `${st.name} `}${what}${e.mark ? ` [${e.mark}]` : ""}`.trim();
    if ((labels || e.mark) && text) attrs.push(`label=${quote(text)}`, `fontcolor=${quote(e.mark ? MARK_STYLE[e.mark].color : st.color)}`);
    attrs.push(`tooltip=${quote(`${st.name}: ${t.device} ${t.ports.join(", ")} - ${h.device} ${h.ports.join(", ")}`)}`);
    if (e.kind === "peer" || layer.get(t.device) === layer.get(h.device)) attrs.push("constraint=false");
    out.push(`  ${quote(t.device)} -> ${quote(h.device)} [${attrs.join(", ")}];`);
  }
  const kinds = (Object.keys(LINK_STYLE) as LinkKind[]).filter((k) => graph.edges.some((e) => e.kind === k));
  if (kinds.length > 0 || graph.nodes.some((n) => n.mark)) {
    // the legend: one row per kind of link in the picture, then the marks
    const rows = kinds.map((k) => `<tr><td align="left"><font color="${LINK_STYLE[k].color}">${htmlText(lineGlyph(LINK_STYLE[k].style))}</font></td><td align="left">${htmlText(LINK_STYLE[k].name)}</td></tr>`);
    const marks = (["changed", "added", "removed"] as Mark[]).filter((m) => graph.nodes.some((n) => n.mark === m) || graph.edges.some((e) => e.mark === m));
    for (const m of marks) rows.push(`<tr><td bgcolor="${MARK_STYLE[m].fill}"> </td><td align="left">${m}</td></tr>`);
    out.push(`  ${quote("legend")} [shape=plain, style="", label=<<table border="0" cellborder="0" cellspacing="2"><tr><td colspan="2" align="left"><b>legend</b></td></tr>${rows.join("")}</table>>];`);
  }
  out.push("}");
  return out.join("\n") + "\n";
}

function lineGlyph(style: string): string {
  return style === "dashed" ? "— — —" : style === "dotted" ? "· · · · ·" : style === "bold" ? "━━━━" : "————";
}

/** Where `dot` is missing: the one line to act on. */
export const DOT_MISSING = "Graphviz `dot` is not installed: install the Debian package graphviz (apt-get install graphviz, or run scripts/setup.sh)";

/** Lays DOT text out with Graphviz `dot` and returns the SVG. */
export function renderSvg(dot: string, program = "dot"): string {
  const r = spawnSync(program, ["-Tsvg"], { input: dot, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(DOT_MISSING, 2);
    throw new CliError(`Graphviz dot failed: ${r.error.message}`, 2);
  }
  if (r.status !== 0) throw new CliError(`Graphviz dot failed (exit ${r.status}): ${(r.stderr || "").trim().split("\n")[0] ?? ""}`, 2);
  return r.stdout;
}
