/**
 * The small topology picture of a change, for `citydc plan --format markdown` and `citydc diff --impact
 * --format markdown`: the devices the change touches and their neighbours, the touched ones marked (added,
 * changed, removed), and the links marked whose cables or end ports change. Written as Mermaid (inline in
 * the Markdown, drawn by GitHub and GitLab) and, with `--assets DIR`, as an SVG laid out by Graphviz dot,
 * which the Markdown links to.
 */
import * as fs from "fs";
import * as path from "path";
import type { Impact } from "../audit/impact";
import type { InventoryDiff } from "../audit/diff";
import type { Inventory, Link } from "../model/types";
import type { Plan } from "../pulumi/planReport";
import { CliError } from "../util/errors";
import { makeDirs } from "../util/dirs";
import { renderSvg, toDot } from "./dot";
import { buildGraph, linkKeyOf, type Mark } from "./graph";
import { toMermaid } from "./mermaid";

/** Beyond this many devices the change is not drawn as Mermaid (the SVG has it). */
export const MERMAID_MAX = 120;

export interface ChangeMarks {
  readonly devices: Map<string, Mark>;
  readonly links: Map<string, Mark>;
}

/**
 * Marks the links that end on a port or LAG the change adds, changes or removes (a LAG: the links of its
 * members); a link already marked (by the diff of the links themselves) keeps its mark.
 */
function markPorts(inv: Inventory, device: string, changes: readonly { readonly key: string; readonly action: string }[], links: Map<string, Mark>): void {
  const dev = inv.devices.find((d) => d.name === device);
  const names = new Map<string, Mark>();
  for (const c of changes) {
    const m = /^(port|lag):(.+)$/.exec(c.key);
    if (!m) continue;
    const mark: Mark = c.action === "add" ? "added" : c.action === "remove" ? "removed" : "changed";
    names.set(m[2]!, mark);
    if (m[1] === "lag") for (const i of dev?.interfaces ?? []) if (i.lag === m[2] && !names.has(i.name)) names.set(i.name, mark);
  }
  for (const l of inv.links) {
    const mark = (l.a.device === device ? names.get(l.a.interface) : undefined) ?? (l.b.device === device ? names.get(l.b.interface) : undefined);
    if (mark && !links.has(linkKeyOf(l))) links.set(linkKeyOf(l), mark);
  }
}

/** One inventory holding both revisions' devices and links (what was removed stays, to be drawn as removed). */
export function mergedInventory(oldInv: Inventory, newInv: Inventory): Inventory {
  const devices = new Set(newInv.devices.map((d) => d.name));
  const sites = new Set(newInv.sites.map((s) => s.name));
  const links = new Set(newInv.links.map(linkKeyOf));
  return {
    ...newInv,
    sites: [...newInv.sites, ...oldInv.sites.filter((s) => !sites.has(s.name))],
    devices: [...newInv.devices, ...oldInv.devices.filter((d) => !devices.has(d.name))],
    links: [...newInv.links, ...oldInv.links.filter((l: Link) => !links.has(linkKeyOf(l)))],
  };
}

export function marksFromDiff(merged: Inventory, diff: InventoryDiff, impact: Impact | undefined): ChangeMarks {
  const devices = new Map<string, Mark>();
  const links = new Map<string, Mark>();
  const mark = (a: string): Mark => (a === "add" ? "added" : a === "remove" ? "removed" : "changed");
  for (const c of diff.changes) {
    if (c.type === "device") devices.set(c.key, mark(c.action));
    if (c.type === "link") links.set(c.key, mark(c.action));
  }
  for (const d of impact?.devices ?? []) {
    if (!devices.has(d.device)) devices.set(d.device, "changed");
    markPorts(merged, d.device, d.changes, links);
  }
  return { devices, links };
}

export function marksFromPlan(inv: Inventory, plan: Plan): ChangeMarks {
  const devices = new Map<string, Mark>();
  const links = new Map<string, Mark>();
  for (const s of plan.sites)
    for (const d of s.devices) {
      if (d.action === "same") continue;
      devices.set(d.device, d.action === "create" ? "added" : d.action === "delete" ? "removed" : "changed");
      markPorts(inv, d.device, d.changes, links);
    }
  return { devices, links };
}

export interface ChangePicture {
  readonly mermaid: string;
  readonly svg: string | undefined;
  /** The Markdown section: the SVG's link (with assets) and the Mermaid block. */
  readonly markdown: string;
}

/**
 * The picture of the marked devices, their neighbours and the links between them; undefined when nothing
 * is marked. With `assets`, the SVG is written to `<assets.dir>/<assets.name>` and linked by that path.
 */
export function changePicture(inv: Inventory, marks: ChangeMarks, opts: { title: string; assets?: { dir: string; name: string } }): ChangePicture | undefined {
  const marked = new Set(marks.devices.keys());
  for (const l of inv.links) {
    if (!marks.links.has(linkKeyOf(l))) continue;
    marked.add(l.a.device);
    marked.add(l.b.device);
  }
  if (marked.size === 0) return undefined;
  const shown = new Set(marked);
  for (const l of inv.links) {
    if (marked.has(l.a.device)) shown.add(l.b.device);
    if (marked.has(l.b.device)) shown.add(l.a.device);
  }
  const graph = buildGraph(inv, { devices: shown, marks });
  const mermaid = toMermaid(inv, graph, { labels: false });
  let svg: string | undefined;
  const out: string[] = ["### Topology of the change", ""];
  if (opts.assets) {
    svg = renderSvg(toDot(inv, graph, { title: opts.title, labels: false }));
    const file = path.join(opts.assets.dir, opts.assets.name);
    try {
      makeDirs(opts.assets.dir);
      fs.writeFileSync(file, svg);
    } catch (err) {
      throw new CliError(`cannot write the picture to ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; choose another --assets directory`, 2);
    }
    out.push(`![${opts.title}](${encodeURI(file.split(path.sep).join("/"))})`, "");
  }
  const counts = (["added", "changed", "removed"] as Mark[]).map((m) => [m, [...marks.devices.values()].filter((x) => x === m).length] as const).filter(([, n]) => n > 0);
  out.push(`Marked: ${counts.map(([m, n]) => `${n} device${n === 1 ? "" : "s"} ${m}`).join(", ") || "no device"}; ${marks.links.size} link${marks.links.size === 1 ? "" : "s"} touched; their neighbours are shown unmarked.`, "");
  // GitHub draws no big diagram (and a thousand devices are no picture to read in a comment)
  if (graph.nodes.length <= MERMAID_MAX) out.push("```mermaid", mermaid.replace(/\n$/, ""), "```");
  else out.push(`${graph.nodes.length} devices: too many for a Mermaid diagram${opts.assets ? "; see the SVG" : "; --assets DIR writes the picture as SVG"}.`);
  return { mermaid, svg, markdown: out.join("\n") + "\n" };
}
