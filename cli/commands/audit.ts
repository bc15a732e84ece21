/**
 * `citydc audit list [--stack NAME] [--dir DIR] [--format text|json|markdown]` and
 * `citydc audit show <id> [--stack NAME] [--dir DIR] [--format ...]`: the records of past runs
 * (audit/records.ts). Exit 0, 1 when `show` finds no such record, 2 on usage errors.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, oneOf } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { auditDir, readRunRecords, type StoredRecord } from "../../audit/records";
import { listJson, listMarkdown, listText, showMarkdown, showText } from "../../audit/records-format";
import { FORMATS, paintFor } from "../../audit/style";
import { currentRepoRoot } from "../../util/repo";

const HELP = `usage: citydc audit list [--stack NAME] [--dir DIR] [--format text|json|markdown]
       citydc audit show <id> [--stack NAME] [--dir DIR] [--format text|json|markdown]

Run records: one JSON document per \`up\`/\`destroy\` through citydc (the demo, the lab, CI), in the folder
the stack config names (citydc:auditDir), default .state/audit/<stack>/.

  list           every run, newest first: id, stack, outcome, devices changed, inventory revision, who
  show <id>      one run in full (an unambiguous prefix of the id is enough)
  --stack NAME   only this stack's folder
  --dir DIR      read this folder instead of the stacks' folders
  --format       text (default), json (the record itself for show) or markdown

exit codes: 0 ok, 1 no such record, 2 usage error
`;

function folders(root: string, stack?: string, dir?: string): string[] {
  if (dir) return [path.resolve(dir)];
  if (stack) return [auditDir(root, stack)];
  const dirs = new Set<string>();
  const base = path.join(root, ".state", "audit");
  try {
    for (const n of fs.readdirSync(base)) dirs.add(path.join(base, n));
  } catch {
    /* no records yet */
  }
  try {
    for (const f of fs.readdirSync(path.join(root, "stacks"))) {
      const m = /^Pulumi\.(.+)\.yaml$/.exec(f);
      if (m) dirs.add(auditDir(root, m[1]!));
    }
  } catch {
    /* no stacks folder */
  }
  return [...dirs].sort();
}


export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { stack: { type: "string" }, dir: { type: "string" }, format: { type: "string" }, help: { type: "boolean" } });
  const [sub, ...rest] = args.positionals;
  if (args.options.help || sub === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  const format = oneOf("format", args.options.format, FORMATS, "text");
  const stack = typeof args.options.stack === "string" ? args.options.stack : undefined;
  const dir = typeof args.options.dir === "string" ? args.options.dir : undefined;
  const root = currentRepoRoot();
  const write = (text: string) => new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  if (sub === "list") {
    if (rest.length) throw new UsageError(`audit list takes no argument ('${rest[0]}')`);
    const { records, problems } = readRunRecords(folders(root, stack, dir));
    for (const p of problems) process.stderr.write(`citydc audit: skipped ${p}\n`);
    const items = stack ? records.filter((r) => r.record.stack === stack) : records;
    await write(format === "json" ? JSON.stringify(listJson(items), null, 2) + "\n" : format === "markdown" ? listMarkdown(items) : listText(items, paintFor(process.stdout)));
    return 0;
  }
  if (sub === "show") {
    if (rest.length !== 1) throw new UsageError(`audit show needs one run id\n\n${HELP}`);
    const id = rest[0]!;
    const { records } = readRunRecords(folders(root, stack, dir));
    const exact = records.filter((r) => r.record.id === id);
    const matches: StoredRecord[] = exact.length ? exact : records.filter((r) => r.record.id.startsWith(id));
    if (matches.length === 0) throw new CliError(`no run record '${id}' (see \`citydc audit list\`)`, 1);
    if (matches.length > 1) throw new CliError(`'${id}' matches ${matches.length} runs: ${matches.slice(0, 5).map((m) => m.record.id).join(", ")}; give more of the id`, 2);
    const r = matches[0]!.record;
    await write(format === "json" ? JSON.stringify(r, null, 2) + "\n" : format === "markdown" ? showMarkdown(r) : showText(r, paintFor(process.stdout)));
    return 0;
  }
  throw new UsageError(sub ? `unknown audit command '${sub}' (list or show)\n\n${HELP}` : `audit needs list or show\n\n${HELP}`);
}
