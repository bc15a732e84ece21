/**
 * Where a diagnostic becomes text: the one format every command prints (validate, render, diff, drift,
 * lab, the Pulumi program's refusal) and the one JSON shape (`validate --json`). For people:
 *
 *   inventory/x.yaml:12:7  error E_REF_UNKNOWN  device kg-dc1-leaf1 interface 10GE1/0/5: VLAN 130 is not defined
 *       fix: define VLAN 130 under vlans, or use one of 120, 140
 */
import type { Diagnostic } from "./types";

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

/** One diagnostic for people: its place, severity, code, object and message on one line, then the fix. */
export function diagnosticText(d: Diagnostic, opts: TextOptions = {}): string {
  const indent = opts.indent ?? "";
  const object = !opts.withoutObject && d.object ? `${d.object}: ` : "";
  return `${indent}${placeOf(d)}  ${d.severity} ${d.code}  ${object}${d.message}${d.hint ? `\n${indent}    fix: ${d.hint}` : ""}`;
}

/**
 * Several diagnostics, errors first, in file order; at most `max` of them (default all), then a line
 * that says how many more there are and where to see them.
 */
export function formatDiagnostics(ds: readonly Diagnostic[], opts: TextOptions & { readonly max?: number } = {}): string {
  const sorted = [...ds].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
  const max = opts.max ?? sorted.length;
  const lines = sorted.slice(0, max).map((d) => diagnosticText(d, opts));
  if (sorted.length > max) lines.push(`${opts.indent ?? ""}... and ${sorted.length - max} more (citydc validate <file> --json lists them all)`);
  return lines.join("\n");
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
