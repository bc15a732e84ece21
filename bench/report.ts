/**
 * The benchmark report: a Markdown block for BENCHMARKS.md (between markers, so the hand-written history
 * of improvements below it stays) and the same tables for the terminal.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import type { Machine } from "./machine";
import type { Measured } from "./measure";
import type { PureCase } from "./pure";

/** One section of the benchmark report (a title and its Markdown). */
export interface Section {
  readonly title: string;
  readonly markdown: string;
}

export const BEGIN = "<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->";
export const END = "<!-- bench:end -->";

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function ms(m: Measured | { error: string } | undefined): string {
  if (!m) return "n/a";
  if ("error" in m) return `failed (${/^exit \d+/.exec(m.error)?.[0] ?? "error"})`;
  return m.runs.length > 1 ? `${fmtMs(m.medianMs)} (min ${fmtMs(m.minMs)})` : fmtMs(m.medianMs);
}

export function fmtMs(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
}

export function rss(m: Measured | { error: string } | undefined): string {
  if (!m || "error" in m || !m.rssMiB) return "n/a";
  return `${Math.round(m.rssMiB)} MiB`;
}

export function machineTable(m: Machine): string {
  return table(
    ["CPU", "cores", "memory", "OS", "kernel", "Node.js", "date (UTC)", "load average at start"],
    [[m.cpu, String(m.cores), `${m.memoryGiB} GiB`, m.os, m.kernel, m.node, m.date, String(m.load)]],
  );
}

export function pureTable(cases: readonly PureCase[], target: number): string {
  const rows: string[][] = [];
  for (const c of cases) {
    for (const [name, r] of Object.entries(c.results)) {
      const size = `${c.devices} devices, ${c.interfaces} interfaces (${c.fileMiB.toFixed(1)} MiB)`;
      if ("error" in r) {
        rows.push([size, `\`${name}\``, ms(r), "", "", ""]);
        continue;
      }
      const missed = c.switches >= 1000 && c.switches < 2000 && name !== "diff --impact" && name !== "validate" && name !== "docs" && r.medianMs > target;
      rows.push([
        size,
        `\`${name}\``,
        fmtMs(r.medianMs) + (missed ? " ⚠" : ""),
        r.runs.length > 1 ? fmtMs(r.minMs) : "",
        Number.isFinite(r.cpuMs) ? fmtMs(r.cpuMs) : "n/a",
        rss(r),
      ]);
    }
  }
  return table(["inventory", "command", "wall (median)", "wall (min)", "CPU (user+sys)", "peak RSS"], rows);
}

/** The markers of the pathological-inputs block (bench/hostile.ts), written apart from the main block. */
export const HOSTILE_MARKERS = { begin: "<!-- bench:hostile:begin (written by `npm run bench`; edit outside these markers) -->", end: "<!-- bench:hostile:end -->" } as const;

/** Replaces the block between the markers in BENCHMARKS.md (or creates the file around it). */
export function writeReport(file: string, block: string, intro: string, markers: { readonly begin: string; readonly end: string } = { begin: BEGIN, end: END }): void {
  const BEGIN = markers.begin;
  const END = markers.end;
  const body = `${BEGIN}\n${block.trim()}\n${END}`;
  let text: string;
  if (existsSync(file)) {
    const old = readFileSync(file, "utf8");
    const a = old.indexOf(BEGIN);
    const b = old.indexOf(END);
    text = a >= 0 && b > a ? old.slice(0, a) + body + old.slice(b + END.length) : `${old.trimEnd()}\n\n${body}\n`;
  } else {
    text = `${intro.trim()}\n\n${body}\n`;
  }
  writeFileSync(file, text);
}
