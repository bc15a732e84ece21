/**
 * The three renderings of a diff (and its impact): text for a terminal, JSON (schema citydc.diff/v1,
 * documented in docs/diff-format.md) for tools, Markdown for a pull request or an audit report.
 * Large diffs stay readable: counts first, then one section per site group and object type; the
 * interfaces and LAGs of a device that is itself added or removed are folded into that device's line.
 */
import type { DiffCounts, DiffObjectType, FieldChange, FieldValue, InventoryDiff, ObjectDiff } from "./diff";
import { TYPE_ORDER, siteGroup } from "./diff";
import type { Impact } from "./impact";
import { mdCell, NO_PAINT, type Paint, plural, showValue } from "./style";

export const DIFF_SCHEMA = "citydc.diff/v1";

export interface DiffSide {
  /** As given on the command line: "inventory/kragujevac.yaml" or "main:inventory/kragujevac.yaml". */
  readonly source: string;
  /** Git commit the side was read from, when it came from a revision. */
  readonly commit?: string;
  /** Inventory name. */
  readonly name?: string;
}

export interface DiffReport {
  readonly old: DiffSide;
  readonly new: DiffSide;
  readonly diff: InventoryDiff;
  readonly impact?: Impact;
}

const SIGN: Record<ObjectDiff["action"], string> = { add: "+", remove: "-", change: "~", rename: ">" };

function countsLine(c: DiffCounts): string {
  const parts: string[] = [];
  if (c.add) parts.push(`${c.add} added`);
  if (c.remove) parts.push(`${c.remove} removed`);
  if (c.change) parts.push(`${c.change} changed`);
  if (c.rename) parts.push(`${c.rename} renamed`);
  return parts.join(", ");
}

function typeCounts(diff: InventoryDiff): string[] {
  return TYPE_ORDER.filter((t) => diff.byType[t]).map((t) => {
    const c = diff.byType[t]!;
    return `${t} ${c.total} (${countsLine(c)})`;
  });
}

interface Group {
  readonly name: string;
  readonly types: Map<DiffObjectType, ObjectDiff[]>;
}

/** Groups in the diff's own order; entries `within` a listed device are dropped and counted on it. */
function grouped(diff: InventoryDiff): { groups: Group[]; folded: Map<string, { interfaces: number; lags: number }> } {
  const groups: Group[] = [];
  const byName = new Map<string, Group>();
  const folded = new Map<string, { interfaces: number; lags: number }>();
  for (const c of diff.changes) {
    if (c.within) {
      const f = folded.get(c.within) ?? { interfaces: 0, lags: 0 };
      if (c.type === "lag") f.lags++;
      else f.interfaces++;
      folded.set(c.within, f);
      continue;
    }
    const name = siteGroup(c.sites);
    let g = byName.get(name);
    if (!g) {
      g = { name, types: new Map() };
      byName.set(name, g);
      groups.push(g);
    }
    const list = g.types.get(c.type);
    if (list) list.push(c);
    else g.types.set(c.type, [c]);
  }
  return { groups, folded };
}

function foldNote(c: ObjectDiff, folded: Map<string, { interfaces: number; lags: number }>): string {
  if (c.type !== "device") return "";
  const f = folded.get(`device:${c.key}`);
  if (!f) return "";
  const parts = [f.interfaces ? plural(f.interfaces, "interface") : "", f.lags ? plural(f.lags, "LAG") : ""].filter(Boolean);
  return parts.length ? ` with ${parts.join(" and ")}` : "";
}

function headline(c: ObjectDiff, folded: Map<string, { interfaces: number; lags: number }>): string {
  switch (c.action) {
    case "add":
      return `${c.label} added${foldNote(c, folded)}`;
    case "remove":
      return `${c.label} removed${foldNote(c, folded)}`;
    case "change":
      return `${c.label} changed`;
    case "rename":
      return c.type === "vlan" ? `${c.label} renumbered from VLAN ${c.oldKey}` : `${c.label} renamed from ${c.oldKey}`;
  }
}

function fieldLine(f: FieldChange): string {
  if (f.old === undefined) return `${f.field}: ${showValue(f.new)}`;
  if (f.new === undefined && !("new" in f)) return `${f.field}: ${showValue(f.old)}`;
  return `${f.field}: ${showValue(f.old)} -> ${showValue(f.new)}`;
}

/** For two lists: what was added and removed ("+[320] -[310]"), or undefined when only the order differs. */
function listDelta(a: unknown, b: unknown): string | undefined {
  if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
  const before = new Set(a.map(String));
  const after = new Set(b.map(String));
  const added = b.filter((x) => !before.has(String(x)));
  const removed = a.filter((x) => !after.has(String(x)));
  if (added.length === 0 && removed.length === 0) return undefined;
  return [added.length ? `+${showValue(added)}` : "", removed.length ? `-${showValue(removed)}` : ""].filter(Boolean).join(" ");
}

function changeFieldLine(f: FieldChange): string {
  const delta = listDelta(f.old, f.new);
  return delta ? `${f.field}: ${delta}` : `${f.field}: ${showValue(f.old)} -> ${showValue(f.new)}`;
}

function inlineField(f: FieldChange): string {
  const delta = listDelta(f.old, f.new);
  return delta ? `${f.field} ${delta}` : `${f.field} ${showValue(f.old)} -> ${showValue(f.new)}`;
}

// ---------------------------------------------------------------- text

export function diffText(report: DiffReport, paint: Paint = NO_PAINT): string {
  const { diff } = report;
  const out: string[] = [];
  out.push(`old: ${report.old.source}${report.old.commit ? ` (${report.old.commit.slice(0, 12)})` : ""}`);
  out.push(`new: ${report.new.source}${report.new.commit ? ` (${report.new.commit.slice(0, 12)})` : ""}`);
  if (diff.equal) {
    out.push("no differences: the two inventories describe the same network");
  } else {
    out.push(paint.bold(`${plural(diff.counts.total, "change")}: ${countsLine(diff.counts)}`));
    out.push(`  sites: ${diff.sites.length ? diff.sites.join(", ") : "(none)"}`);
    out.push(`  by type: ${typeCounts(diff).join("; ")}`);
    const { groups, folded } = grouped(diff);
    for (const g of groups) {
      out.push("");
      out.push(paint.bold(g.name === "global" ? "global objects" : `site ${g.name}`));
      for (const [type, list] of g.types) {
        out.push(`  ${type} (${list.length})`);
        for (const c of list) {
          const colour = c.action === "add" ? paint.add : c.action === "remove" ? paint.remove : paint.change;
          const changed = c.action === "change" || c.action === "rename" ? c.fields.map(changeFieldLine) : [];
          const inline = c.fields.map(inlineField).join(", ");
          if (changed.length > 0 && inline.length <= 90) {
            // short changes stay on one line, so a diff of hundreds of ports reads as a list
            const head = c.action === "change" ? c.label : headline(c, folded);
            out.push(colour(`    ${SIGN[c.action]} ${head}: ${inline}`));
            continue;
          }
          out.push(colour(`    ${SIGN[c.action]} ${headline(c, folded)}`));
          if (changed.length > 0) for (const line of changed) out.push(`        ${line}`);
          else if (c.type !== "device" && c.type !== "site") {
            const shown = c.fields.map(fieldLine);
            if (shown.length) out.push(paint.dim(`        ${shown.join("; ")}`));
          }
        }
      }
    }
  }
  if (report.impact) out.push("", ...impactText(report.impact, paint));
  return out.join("\n") + "\n";
}

function impactText(impact: Impact, paint: Paint): string[] {
  const out: string[] = [];
  const c = impact.counts;
  out.push(
    paint.bold(
      `impact: ${plural(c.add + c.change + c.remove, "config object")} on ${plural(c.devices, "device")} at ${plural(c.sites, "site")}` +
        ` (${c.add} to add, ${c.change} to change, ${c.remove} to remove)`,
    ),
  );
  if (impact.risks.length) {
    out.push(paint.warn(`risks (${impact.risks.length}):`));
    for (const r of impact.risks) out.push(paint.warn(`  ! ${r.code} [${r.severity}] ${r.message}`));
  } else out.push("risks: none found");
  let site = "";
  for (const d of impact.devices) {
    if (d.site !== site) {
      site = d.site;
      out.push("", paint.bold(`site ${site}`));
    }
    out.push(`  ${d.device} (${d.platform}): ${d.counts.add} to add, ${d.counts.change} to change, ${d.counts.remove} to remove`);
    for (const ch of d.changes) {
      const colour = ch.action === "add" ? paint.add : ch.action === "remove" ? paint.remove : paint.change;
      const sign = ch.action === "add" ? "+" : ch.action === "remove" ? "-" : "~";
      out.push(colour(`    ${sign} ${ch.key}  ${ch.summary}`));
      for (const [name, v] of Object.entries(ch.fields ?? {})) out.push(`        ${changeFieldLine({ field: name, old: v.old as FieldValue, new: v.new as FieldValue })}`);
      for (const line of ch.commands) out.push(paint.dim(`        | ${line}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------- JSON

function jsonCounts(c: DiffCounts): DiffCounts {
  return { total: c.total, add: c.add, remove: c.remove, change: c.change, rename: c.rename };
}

export function diffJson(report: DiffReport): unknown {
  const { diff, impact } = report;
  const byType: Record<string, DiffCounts> = {};
  for (const t of TYPE_ORDER) if (diff.byType[t]) byType[t] = jsonCounts(diff.byType[t]!);
  const side = (s: DiffSide) => ({ source: s.source, commit: s.commit ?? null, name: s.name ?? null });
  return {
    schema: DIFF_SCHEMA,
    old: side(report.old),
    new: side(report.new),
    equal: diff.equal,
    summary: { counts: jsonCounts(diff.counts), byType, sites: diff.sites },
    changes: diff.changes.map((c) => ({
      type: c.type,
      action: c.action,
      key: c.key,
      oldKey: c.oldKey ?? null,
      label: c.label,
      sites: c.sites,
      within: c.within ?? null,
      fields: c.fields.map((f) => ({ field: f.field, old: f.old ?? null, new: f.new ?? null })),
    })),
    impact: impact
      ? {
          counts: impact.counts,
          sites: impact.sites,
          risks: impact.risks,
          devices: impact.devices.map((d) => ({
            device: d.device,
            site: d.site,
            platform: d.platform,
            counts: d.counts,
            changes: d.changes.map((ch) => ({
              action: ch.action,
              kind: ch.kind,
              key: ch.key,
              summary: ch.summary,
              fields: Object.entries(ch.fields ?? {}).map(([field, v]) => ({ field, old: v.old ?? null, new: v.new ?? null })),
              commands: ch.commands,
            })),
          })),
        }
      : null,
  };
}

// ---------------------------------------------------------------- Markdown

/** `picture`: a Markdown section (the topology of the change) placed at the head of the impact. */
export function diffMarkdown(report: DiffReport, opts: { readonly picture?: string } = {}): string {
  const { diff } = report;
  const out: string[] = [];
  out.push("## Inventory diff", "");
  out.push(`- old: \`${report.old.source}\`${report.old.commit ? ` (commit \`${report.old.commit.slice(0, 12)}\`)` : ""}`);
  out.push(`- new: \`${report.new.source}\`${report.new.commit ? ` (commit \`${report.new.commit.slice(0, 12)}\`)` : ""}`);
  out.push("");
  if (diff.equal) out.push("No differences: the two inventories describe the same network.");
  else {
    out.push(`**${plural(diff.counts.total, "change")}**: ${countsLine(diff.counts)}; sites: ${diff.sites.join(", ") || "none"}.`, "");
    out.push("| type | added | removed | changed | renamed |", "| --- | ---: | ---: | ---: | ---: |");
    for (const t of TYPE_ORDER) {
      const c = diff.byType[t];
      if (c) out.push(`| ${t} | ${c.add} | ${c.remove} | ${c.change} | ${c.rename} |`);
    }
    const { groups, folded } = grouped(diff);
    for (const g of groups) {
      out.push("", g.name === "global" ? "### Global objects" : `### Site ${g.name}`);
      for (const [type, list] of g.types) {
        out.push("", `#### ${type} (${list.length})`, "", "| | object | field | old | new |", "| --- | --- | --- | --- | --- |");
        for (const c of list) {
          const head = `| ${SIGN[c.action] === ">" ? "&gt;" : SIGN[c.action]} | ${mdCell(c.action === "change" ? c.label : headline(c, folded))} |`;
          const rows = c.action === "change" || c.action === "rename" ? c.fields : c.type === "device" || c.type === "site" ? [] : c.fields;
          if (rows.length === 0) out.push(`${head} | | |`);
          rows.forEach((f, i) => {
            const prefix = i === 0 ? head : "| | |";
            const [o, n] = mdValues(f);
            out.push(`${prefix} ${mdCell(f.field)} | ${mdCell(o)} | ${mdCell(n)} |`);
          });
        }
      }
    }
  }
  if (report.impact) out.push("", ...impactMarkdown(report.impact, opts.picture));
  return out.join("\n") + "\n";
}

/** Old and new cells; for a changed list only what left it and what joined it. */
function mdValues(f: FieldChange): [string, string] {
  if (Array.isArray(f.old) && Array.isArray(f.new) && listDelta(f.old, f.new)) {
    const after = new Set(f.new.map(String));
    const before = new Set(f.old.map(String));
    const removed = f.old.filter((x) => !after.has(String(x)));
    const added = f.new.filter((x) => !before.has(String(x)));
    return [removed.length ? `−${showValue(removed)}` : "", added.length ? `+${showValue(added)}` : ""];
  }
  return [showValue(f.old), showValue(f.new)];
}

function impactMarkdown(impact: Impact, picture?: string): string[] {
  const c = impact.counts;
  const out: string[] = ["## Impact on the devices", ""];
  out.push(
    `**${plural(c.add + c.change + c.remove, "config object")}** on **${plural(c.devices, "device")}** at **${plural(c.sites, "site")}**: ` +
      `${c.add} to add, ${c.change} to change, ${c.remove} to remove.`,
    "",
  );
  if (picture) out.push(picture.replace(/\n$/, ""), "");
  if (impact.risks.length) {
    out.push("### Risks", "", "| code | severity | object | what |", "| --- | --- | --- | --- |");
    for (const r of impact.risks) out.push(`| ${r.code} | ${r.severity} | ${mdCell(r.object)} | ${mdCell(r.message)} |`);
  } else out.push("No risky change found.");
  let site = "";
  for (const d of impact.devices) {
    if (d.site !== site) {
      site = d.site;
      out.push("", `### Site ${site}`);
    }
    out.push("", `#### ${d.device} (${d.platform}): ${d.counts.add} to add, ${d.counts.change} to change, ${d.counts.remove} to remove`, "");
    for (const ch of d.changes) {
      const fields = Object.entries(ch.fields ?? {}).map(([n, v]) => changeFieldLine({ field: n, old: v.old as FieldValue, new: v.new as FieldValue }));
      out.push(`- **${ch.action}** \`${ch.key}\`: ${mdCell(ch.summary)}${fields.length ? ` (${mdCell(fields.join("; "))})` : ""}`);
    }
    const commands = d.changes.flatMap((ch) => ch.commands);
    if (commands.length) out.push("", "<details><summary>commands</summary>", "", "```", ...commands, "```", "", "</details>");
  }
  return out;
}
