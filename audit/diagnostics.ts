/** Prints inventory diagnostics for people: "file:line:column: error CODE: message (object)" + hint. */
import type { Diagnostic } from "../inventory/types";

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const where = `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""}`;
      const obj = d.object ? ` (${d.object})` : d.path ? ` (${d.path})` : "";
      return `${where}: ${d.severity} ${d.code}: ${d.message}${obj}${d.hint ? `\n  hint: ${d.hint}` : ""}`;
    })
    .join("\n");
}
