/** Renderings of run records for `citydc audit list|show`: text, JSON, Markdown. */
import type { RunRecord, StoredRecord } from "./records";
import { mdCell, NO_PAINT, type Paint, plural } from "./style";

function rev(r: RunRecord): string {
  const c = r.inventory.commit ? r.inventory.commit.slice(0, 12) : "no-git";
  return `${r.inventory.file}@${c}${r.inventory.dirty ? "+dirty" : ""}`;
}

function who(r: RunRecord): string {
  return r.actor.ci ? `${r.actor.ci.system}${r.actor.ci.runId ? ` run ${r.actor.ci.runId}` : ""} (${r.actor.user}@${r.actor.host})` : `${r.actor.user}@${r.actor.host}`;
}

function changedDevices(r: RunRecord): number {
  return r.devices.filter((d) => d.outcome === "applied" || d.outcome === "failed").length;
}

export function listText(items: readonly StoredRecord[], paint: Paint = NO_PAINT): string {
  if (items.length === 0) return "no run records\n";
  const rows = items.map(({ record: r }) => [r.id, r.stack, r.kind, r.startedAt, r.outcome, `${changedDevices(r)}/${r.devices.length}`, rev(r), who(r)]);
  const head = ["id", "stack", "kind", "started", "outcome", "devices", "inventory", "by"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  return [paint.bold(line(head)), ...rows.map((row) => (row[4] === "failed" ? paint.warn(line(row)) : line(row)))].join("\n") + "\n";
}

export function listJson(items: readonly StoredRecord[]): unknown {
  return {
    schema: "citydc.run-list/v1",
    runs: items.map(({ file, record: r }) => ({
      id: r.id, stack: r.stack, kind: r.kind, startedAt: r.startedAt, finishedAt: r.finishedAt, outcome: r.outcome,
      devices: r.devices.length, devicesChanged: changedDevices(r), inventory: r.inventory, actor: r.actor, file,
    })),
  };
}

export function listMarkdown(items: readonly StoredRecord[]): string {
  const out = ["## citydc runs", "", "| id | stack | kind | started | outcome | devices changed | inventory | by |", "| --- | --- | --- | --- | --- | ---: | --- | --- |"];
  for (const { record: r } of items)
    out.push(`| ${r.id} | ${r.stack} | ${r.kind} | ${r.startedAt} | ${r.outcome} | ${changedDevices(r)}/${r.devices.length} | \`${mdCell(rev(r))}\` | ${mdCell(who(r))} |`);
  return out.join("\n") + "\n";
}

function counts(s: Readonly<Record<string, number>>): string {
  const parts = Object.entries(s).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(", ") : "nothing";
}

export function showText(r: RunRecord, paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  out.push(paint.bold(`run ${r.id}`));
  out.push(`stack:     ${r.stack} (${r.kind})`);
  out.push(`when:      ${r.startedAt} .. ${r.finishedAt} (${(r.durationMs / 1000).toFixed(1)} s)`);
  out.push(`by:        ${who(r)}`);
  out.push(`inventory: ${r.inventory.file} commit ${r.inventory.commit ?? "(not in git)"}${r.inventory.branch ? ` on ${r.inventory.branch}` : ""}${r.inventory.dirty ? " WITH UNCOMMITTED CHANGES" : ""}`);
  out.push(`           sha256 ${r.inventory.sha256}`);
  if (r.preview) out.push(`preview:   ${counts(r.preview.summary)}; devices to change: ${r.preview.devices.join(", ") || "none"}`);
  out.push(`result:    ${counts(r.summary)}`);
  out.push((r.outcome === "failed" ? paint.warn : paint.add)(`outcome:   ${r.outcome}${r.interrupted ? " (interrupted)" : ""}${r.error ? `: ${r.error}` : ""}`));
  for (const f of r.failures) out.push(paint.warn(`  failure${f.device ? ` on ${f.device}` : ""}: ${f.message}`));
  out.push("", paint.bold(`devices (${r.devices.length})`));
  for (const d of r.devices) {
    const o = d.objects;
    out.push(`  ${d.device} (${d.platform}, ${d.site}): ${d.op}, ${d.outcome}; objects +${o.add.length} ~${o.change.length} -${o.remove.length}${d.error ? `; error: ${d.error}` : ""}`);
    for (const k of o.add) out.push(paint.add(`    + ${k}`));
    for (const k of o.change) out.push(paint.change(`    ~ ${k}`));
    for (const k of o.remove) out.push(paint.remove(`    - ${k}`));
    if (d.sent.length) {
      out.push(paint.dim(`    sent (${plural(d.sent.length, "line")}):`));
      for (const l of d.sent) out.push(paint.dim(`      | ${l}`));
    }
    if (d.config) out.push(`    config backups: ${backupLine(d.config)} (citydc audit diff-config ${r.id} ${d.device})`);
  }
  out.push("", paint.bold(`post-checks (${r.postChecks.length})`));
  for (const c of r.postChecks) out.push((c.ok ? paint.add : paint.warn)(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}${c.detail ? `: ${c.detail}` : ""}`));
  return out.join("\n") + "\n";
}

function backupLine(c: NonNullable<RunRecord["devices"][number]["config"]>): string {
  const n = (t: string | null) => (t === null ? "not taken" : plural(t.split("\n").filter((l) => l !== "").length, "line"));
  return `before ${n(c.before)}, after ${n(c.after)}`;
}

export function showMarkdown(r: RunRecord): string {
  const out: string[] = [`## Run \`${r.id}\``, ""];
  out.push(`- stack: **${r.stack}** (${r.kind}), outcome **${r.outcome}**${r.error ? `: ${mdCell(r.error)}` : ""}`);
  out.push(`- when: ${r.startedAt} to ${r.finishedAt}`);
  out.push(`- by: ${mdCell(who(r))}`);
  out.push(`- inventory: \`${r.inventory.file}\` at \`${r.inventory.commit ?? "not in git"}\`${r.inventory.dirty ? " **with uncommitted changes**" : ""}, sha256 \`${r.inventory.sha256}\``);
  if (r.preview) out.push(`- preview: ${counts(r.preview.summary)}`);
  out.push(`- result: ${counts(r.summary)}`, "");
  out.push("| device | site | platform | op | outcome | added | changed | removed |", "| --- | --- | --- | --- | --- | ---: | ---: | ---: |");
  for (const d of r.devices)
    out.push(`| ${d.device} | ${d.site} | ${d.platform} | ${d.op} | ${d.outcome}${d.error ? `: ${mdCell(d.error)}` : ""} | ${d.objects.add.length} | ${d.objects.change.length} | ${d.objects.remove.length} |`);
  for (const d of r.devices.filter((x) => x.sent.length)) out.push("", `<details><summary>${d.device}: sent</summary>`, "", "```", ...d.sent, "```", "", "</details>");
  for (const d of r.devices.filter((x) => x.config)) out.push("", `- ${d.device}: config backups ${backupLine(d.config!)} (\`citydc audit diff-config ${r.id} ${d.device}\`)`);
  out.push("", "### Post-checks", "");
  if (r.postChecks.length === 0) out.push("None recorded.");
  for (const c of r.postChecks) out.push(`- ${c.ok ? "ok" : "**FAILED**"}: ${mdCell(c.name)}${c.detail ? ` (${mdCell(c.detail)})` : ""}`);
  return out.join("\n") + "\n";
}
