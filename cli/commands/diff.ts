/**
 * `citydc diff <old> <new> [--impact] [--format text|json|markdown]`: compares two inventory revisions by
 * object. Each side is a file path or `<git-revision>:<path>`. Exit 0 equal, 1 different, 2 error.
 */
import { parseArgs, oneOf } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import type { Inventory } from "../../model/types";
import { diffInventories } from "../../audit/diff";
import { diffJson, diffMarkdown, diffText, type DiffReport } from "../../audit/diff-format";
import { computeImpact } from "../../audit/impact";
import { formatDiagnostics, printable } from "../../model/diagnostics";
import { parseInventory } from "../../model/load";
import { inventoryChangeSets } from "../../pipeline/index";
import { readSource, type SourceText } from "../../audit/revision";
import { FORMATS, paintFor } from "../../audit/style";
import { changePicture, marksFromDiff, mergedInventory } from "../../publish/changes";
import type { InventoryDiff } from "../../audit/diff";
import type { Impact } from "../../audit/impact";

const HELP = `usage: citydc diff <old> <new> [--impact] [--format text|json|markdown] [--assets DIR]

Compares two inventory revisions object by object (sites, racks, devices, interfaces, LAGs, VLANs,
links, hosts, tenants, VRFs, services, DR protection). Each side is a file path or
<git-revision>:<path>, e.g. main:inventory/kragujevac.yaml (an existing file always wins).

  --impact           also list, per device, the config objects the change adds, changes and removes,
                     with their commands, and flag risky changes
  --format FORMAT    text (default), json (schema citydc.diff/v1, docs/diff-format.md) or markdown
                     (with --impact: a topology of the change, as Mermaid, with the changed
                     devices and links marked)
  --assets DIR       with --impact --format markdown: also write that picture as DIR/diff-impact.svg
                     (laid out by Graphviz dot) and link it from the Markdown by that path

exit codes: 0 equal, 1 different, 2 error (bad arguments, unreadable or invalid inventory)
`;

function load(src: SourceText): Inventory {
  const result = src.bytes ? parseInventory(src.bytes, src.file) : { diagnostics: src.diagnostics, inventory: undefined, omitted: undefined };
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.inventory || errors.length > 0) {
    process.stderr.write(formatDiagnostics(result.diagnostics, { omitted: result.omitted }) + "\n");
    const count = errors.length + (result.omitted?.errors ?? 0);
    throw new CliError(`${printable(src.source)}: invalid inventory (${count.toLocaleString("en")} error(s)); fix it or compare another revision`, 2);
  }
  return result.inventory;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { impact: { type: "boolean" }, format: { type: "string" }, assets: { type: "string" }, help: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = oneOf("format", args.options.format, FORMATS, "text");
  const assets = args.options.assets as string | undefined;
  if (assets !== undefined && (format !== "markdown" || !args.options.impact)) throw new UsageError("--assets goes with --impact --format markdown (the picture of the change)");
  if (assets === "") throw new UsageError("--assets needs a directory");
  if (args.positionals.length !== 2) throw new UsageError(`needs exactly two inventories, <old> and <new>\n\n${HELP}`);
  const [oldSpec, newSpec] = args.positionals as [string, string];
  const oldSrc = readSource(oldSpec);
  const newSrc = readSource(newSpec);
  const oldInv = load(oldSrc);
  const newInv = load(newSrc);
  const diff = diffInventories(oldInv, newInv);
  let impact;
  if (args.options.impact) {
    const { sets, refused } = diff.equal ? { sets: [], refused: [] } : inventoryChangeSets(oldInv, newInv);
    impact = computeImpact(oldInv, newInv, diff, sets, refused);
  }
  const report: DiffReport = {
    old: { source: oldSrc.source, commit: oldSrc.commit, name: oldInv.name },
    new: { source: newSrc.source, commit: newSrc.commit, name: newInv.name },
    diff,
    impact,
  };
  const text =
    format === "json"
      ? JSON.stringify(diffJson(report), null, 2) + "\n"
      : format === "markdown"
        ? diffMarkdown(report, { picture: impact && !diff.equal ? changeSection(oldInv, newInv, diff, impact, assets) : undefined })
        : diffText(report, paintFor(process.stdout));
  await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  return diff.equal ? 0 : 1;
}

/** The topology of the change (Mermaid; with --assets also an SVG file), or undefined when no device or link is touched. */
function changeSection(oldInv: Inventory, newInv: Inventory, diff: InventoryDiff, impact: Impact, assets: string | undefined): string | undefined {
  const merged = mergedInventory(oldInv, newInv);
  const marks = marksFromDiff(merged, diff, impact);
  return changePicture(merged, marks, { title: "devices and links this change touches", ...(assets !== undefined ? { assets: { dir: assets, name: "diff-impact.svg" } } : {}) })?.markdown;
}
