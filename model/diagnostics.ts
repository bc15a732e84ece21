/**
 * Where a diagnostic becomes text: the one format every command prints (validate, render, diff, drift,
 * lab, the Pulumi program's refusal) and the one JSON shape (`validate --json`). For people:
 *
 *   inventory/x.yaml:12:7  error E_REF_UNKNOWN  device kg-dc1-leaf1 interface 10GE1/0/5: VLAN 130 is not defined
 *       fix: define VLAN 130 under vlans, or use one of 120, 140
 */
import type { Diagnostic } from "./types";
import { replaceForbiddenWith } from "./text";

/** Most diagnostics one load keeps (model/load.ts); the rest are only counted. */
export const MAX_DIAGNOSTICS = 1000;

/** "file:line:column", or just the file when the place is unknown (I/O errors). */
export function placeOf(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

export interface TextOptions {
  /** Leave the object out of the line (the caller prints it as a group header). Default false. */
  readonly withoutObject?: boolean;
  /** Indent of every line (default ""). */
  readonly indent?: string;
}

/**
 * Text for a terminal: control and format characters (a file name or value could carry an escape
 * sequence, a bidirectional override or a line break) are shown as \uXXXX, never sent raw.
 */
export function printable(s: string): string {
  return replaceForbiddenWith(s, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}

/** One diagnostic for people: its place, severity, code, object and message on one line, then the fix. */
export function diagnosticText(d: Diagnostic, opts: TextOptions = {}): string {
  const indent = opts.indent ?? "";
  const object = !opts.withoutObject && d.object ? `${printable(d.object)}: ` : "";
  return `${indent}${printable(placeOf(d))}  ${d.severity} ${d.code}  ${object}${printable(d.message)}${d.hint ? `\n${indent}    fix: ${printable(d.hint)}` : ""}`;
}

/**
 * Several diagnostics, errors first, in file order; at most `max` of them (default all), then a line
 * that says how many more there are and where to see them.
 */
export function formatDiagnostics(ds: readonly Diagnostic[], opts: TextOptions & { readonly max?: number; readonly omitted?: { readonly errors: number; readonly warnings: number } } = {}): string {
  const sorted = [...ds].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
  const max = opts.max ?? sorted.length;
  const lines = sorted.slice(0, max).map((d) => diagnosticText(d, opts));
  const left = omittedCount(opts.omitted);
  if (sorted.length > max) lines.push(`${opts.indent ?? ""}... and ${(sorted.length - max + left).toLocaleString("en")} more (citydc validate <file> --json lists the first ${sorted.length.toLocaleString("en")})`);
  else if (left > 0) lines.push(omittedLine(opts.omitted!, opts.indent));
  return lines.join("\n");
}

function omittedCount(o: { readonly errors: number; readonly warnings: number } | undefined): number {
  return o ? o.errors + o.warnings : 0;
}

/** "... and 998,999 more errors not listed (...)" for the problems a load counted but did not keep. */
export function omittedLine(o: { readonly errors: number; readonly warnings: number }, indent = ""): string {
  const parts = [o.errors ? `${o.errors.toLocaleString("en")} more error${o.errors === 1 ? "" : "s"}` : "", o.warnings ? `${o.warnings.toLocaleString("en")} more warning${o.warnings === 1 ? "" : "s"}` : ""].filter(Boolean);
  return `${indent}... and ${parts.join(" and ")} not listed (citydc keeps the first ${MAX_DIAGNOSTICS.toLocaleString("en")} problems of a file: fix these and validate again)`;
}

const rank = (d: Diagnostic): number => (d.severity === "error" ? 0 : 1);

/** The JSON shape of a diagnostic (`citydc validate --json`): every key present, `object` null when unknown. */
export function diagnosticJson(d: Diagnostic): {
  code: string;
  severity: Diagnostic["severity"];
  file: string;
  line: number;
  column: number;
  path: string;
  object: string | null;
  message: string;
  hint: string;
} {
  return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column, path: d.path, object: d.object ?? null, message: d.message, hint: d.hint };
}
