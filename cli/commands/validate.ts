/**
 * `citydc validate <file> [--json]`: schema and semantic checks of an inventory.
 * Exit 0 valid (warnings allowed), 1 invalid inventory (including unreadable content: binary, not
 * UTF-8, YAML errors), 2 usage or I/O error (missing file, permission).
 */
import { parseArgs } from "../../util/args";
import { UsageError } from "../../util/errors";
import { loadInventory, type LoadResult } from "../../model/load";
import type { Diagnostic } from "../../model/types";
import { diagnosticJson, diagnosticText, formatDiagnostics, omittedLine, printable } from "../../model/diagnostics";

const HELP = `usage: citydc validate <inventory.yaml> [--json]

Checks an inventory against the JSON Schema and the semantic rules (references, duplicates,
VLAN ranges, rack space, port use, link ends, LAGs, subnets, interface names, DR parity).

  --json   print {"valid", "errors", "warnings", "summary", "omitted"} as JSON
           (at most 1,000 problems are listed; "omitted" counts the rest)

exit codes: 0 valid, 1 invalid inventory, 2 usage or I/O error`;

/** Human output stops after this many problems (all of them are in --json). */
const MAX_PRINTED = 200;

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

function humanSummary(summary: Record<string, number> | undefined): string {
  if (!summary) return "";
  return Object.entries(summary)
    .map(([k, v]) => `${v} ${v === 1 ? k.replace(/s$/, "") : k}`)
    .join(", ");
}

function human(file: string, valid: boolean, diagnostics: Diagnostic[], summary?: Record<string, number>, omitted: LoadResult["omitted"] = undefined): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  const nErrors = errors.length + (omitted?.errors ?? 0);
  const nWarnings = warnings.length + (omitted?.warnings ?? 0);
  const lines: string[] = [];
  const counts = humanSummary(summary);
  const name = printable(file);
  if (valid) lines.push(`${name}: valid${counts ? ` (${counts})` : ""}${nWarnings ? `, ${plural(nWarnings, "warning")}` : ""}`);
  else lines.push(`${name}: INVALID, ${plural(nErrors, "error")}${nWarnings ? `, ${plural(nWarnings, "warning")}` : ""}${counts ? ` (${counts})` : ""}`);
  // Group by object, in order of first appearance in the file; errors before warnings within a group.
  const groups = new Map<string, Diagnostic[]>();
  for (const d of [...errors, ...warnings].sort((a, b) => a.line - b.line || a.column - b.column)) {
    const key = d.object ?? "(file)";
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  let printed = 0;
  for (const [object, list] of groups) {
    if (printed >= MAX_PRINTED) break;
    lines.push("", printable(object));
    for (const d of list) {
      if (printed++ >= MAX_PRINTED) break;
      lines.push(diagnosticText(d, { withoutObject: true, indent: "  " }));
    }
  }
  const total = errors.length + warnings.length;
  if (total > MAX_PRINTED) lines.push("", `... and ${(total - MAX_PRINTED).toLocaleString("en")} more (--json lists ${omitted ? `the first ${total.toLocaleString("en")}` : "them all"})`);
  if (omitted) lines.push("", omittedLine(omitted));
  return lines.join("\n") + "\n";
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: { type: "boolean" }, help: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length ? "give exactly one inventory file" : `missing inventory file\n\n${HELP}`);
  const file = args.positionals[0]!;
  const result = loadInventory(file);
  const ioError = result.diagnostics.some((d) => d.code === "E_IO");
  const valid = result.inventory !== undefined;
  if (args.options.json) {
    const out = {
      valid,
      file,
      errors: result.diagnostics.filter((d) => d.severity === "error").map(diagnosticJson),
      warnings: result.diagnostics.filter((d) => d.severity === "warning").map(diagnosticJson),
      summary: result.summary ?? {},
      // Problems found but not listed (the loader keeps the first MAX_DIAGNOSTICS).
      omitted: result.omitted ?? { errors: 0, warnings: 0 },
    };
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else if (ioError) {
    process.stderr.write(formatDiagnostics(result.diagnostics) + "\n");
  } else {
    process.stdout.write(human(file, valid, result.diagnostics, result.summary, result.omitted));
  }
  return ioError ? 2 : valid ? 0 : 1;
}
