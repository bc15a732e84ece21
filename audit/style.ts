/** Output helpers shared by the audit formats: colour (only for a TTY without NO_COLOR) and values. */

export type OutputFormat = "text" | "json" | "markdown";
export const FORMATS: readonly OutputFormat[] = ["text", "json", "markdown"];

export interface Paint {
  readonly add: (s: string) => string;
  readonly remove: (s: string) => string;
  readonly change: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly warn: (s: string) => string;
}

const plain = (s: string): string => s;
const sgr = (code: string) => (s: string): string => `\u001b[${code}m${s}\u001b[0m`;

export const NO_PAINT: Paint = { add: plain, remove: plain, change: plain, bold: plain, dim: plain, warn: plain };
export const PAINT: Paint = { add: sgr("32"), remove: sgr("31"), change: sgr("33"), bold: sgr("1"), dim: sgr("2"), warn: sgr("1;31") };

/** Colour when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
export function paintFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Paint {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return stream.isTTY && !noColor ? PAINT : NO_PAINT;
}

export function showValue(v: unknown): string {
  if (v === undefined || v === null) return "(none)";
  if (Array.isArray(v)) return `[${v.map((x) => String(x)).join(", ")}]`;
  if (typeof v === "string") return /^[\w./:@+-]+$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}

/** Markdown table cell: escapes pipes, keeps it on one line. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
