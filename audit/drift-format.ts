/** Renderings of a drift report: text, JSON (schema citydc.drift/v1, docs/diff-format.md), Markdown. */
import type { DeviceDrift, DriftReport, ObjectDrift } from "./drift";
import { mdCell, NO_PAINT, type Paint, plural, showValue } from "./style";

export const DRIFT_SCHEMA = "citydc.drift/v1";

const SIGN: Record<ObjectDrift["status"], string> = { missing: "-", extra: "+", different: "~" };

function summaryLine(r: DriftReport): string {
  const c = r.counts;
  return (
    `${plural(c.devices, "device")} checked: ${c.inSync} in sync, ${c.drift} drifted, ${c.unreachable} not checked` +
    (c.drift ? ` (objects: ${c.missing} missing, ${c.different} different, ${c.extra} extra)` : "")
  );
}

function deviceHead(d: DeviceDrift): string {
  switch (d.status) {
    case "in-sync":
      return `${d.device} (${d.platform} at ${d.address}): in sync (${plural(d.checked, "object")})`;
    case "drift":
      return `${d.device} (${d.platform} at ${d.address}): DRIFT, ${plural(d.drift.length, "object")} of ${d.checked}`;
    case "unreachable":
      return `${d.device} (${d.platform} at ${d.address}): UNREACHABLE (${d.errorKind}): ${d.error}`;
    case "error":
      return `${d.device} (${d.platform} at ${d.address}): NOT CHECKED (${d.errorKind}): ${d.error}`;
  }
}

function objectLine(o: ObjectDrift): string {
  const what = o.status === "missing" ? "missing on the device" : o.status === "extra" ? "extra on the device" : "differs";
  return `${SIGN[o.status]} ${o.key}  ${o.summary}: ${what}`;
}

export function driftText(r: DriftReport, paint: Paint = NO_PAINT): string {
  const out: string[] = [paint.bold(`drift of ${r.inventory} at ${r.checkedAt}`), summaryLine(r)];
  let site = "";
  for (const d of r.devices) {
    if (d.site !== site) {
      site = d.site;
      out.push("", paint.bold(`site ${site}`));
    }
    const colour = d.status === "in-sync" ? paint.add : d.status === "drift" ? paint.change : paint.warn;
    out.push(colour(`  ${deviceHead(d)}`));
    for (const o of d.drift) {
      const c = o.status === "missing" ? paint.remove : o.status === "extra" ? paint.add : paint.change;
      out.push(c(`    ${objectLine(o)}`));
      for (const f of o.fields) out.push(`        ${f.field}: intended ${showValue(f.intended)}, found ${showValue(f.found)}`);
    }
  }
  return out.join("\n") + "\n";
}

export function driftJson(r: DriftReport, exitCode: number): unknown {
  return {
    schema: DRIFT_SCHEMA,
    inventory: r.inventory,
    checkedAt: r.checkedAt,
    inSync: r.counts.drift === 0 && r.counts.unreachable === 0,
    exitCode,
    counts: r.counts,
    devices: r.devices.map((d) => ({
      device: d.device,
      site: d.site,
      platform: d.platform,
      address: d.address,
      status: d.status,
      checked: d.checked,
      error: d.error ?? null,
      errorKind: d.errorKind ?? null,
      drift: d.drift.map((o) => ({
        status: o.status,
        key: o.key,
        kind: o.kind,
        summary: o.summary,
        fields: o.fields.map((f) => ({ field: f.field, intended: f.intended ?? null, found: f.found ?? null })),
      })),
    })),
  };
}

export function driftMarkdown(r: DriftReport): string {
  const out: string[] = [`## Drift of \`${r.inventory}\``, "", `Checked at ${r.checkedAt}. ${summaryLine(r)}.`, ""];
  out.push("| site | device | platform | status | objects | drifted |", "| --- | --- | --- | --- | ---: | ---: |");
  for (const d of r.devices)
    out.push(`| ${d.site} | ${d.device} | ${d.platform} | ${d.status}${d.error ? `: ${mdCell(d.error)}` : ""} | ${d.checked} | ${d.drift.length} |`);
  for (const d of r.devices.filter((x) => x.drift.length > 0)) {
    out.push("", `### ${d.device}`, "", "| | object | field | intended | found |", "| --- | --- | --- | --- | --- |");
    for (const o of d.drift) {
      const head = `| ${o.status} | \`${mdCell(o.key)}\` ${mdCell(o.summary)} |`;
      if (o.fields.length === 0) out.push(`${head} | | |`);
      o.fields.forEach((f, i) => out.push(`${i === 0 ? head : "| | |"} ${mdCell(f.field)} | ${mdCell(showValue(f.intended))} | ${mdCell(showValue(f.found))} |`));
    }
  }
  return out.join("\n") + "\n";
}
