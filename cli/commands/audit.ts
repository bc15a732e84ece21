/**
 * `citydc audit list [--stack NAME] [--dir DIR] [--format text|json|markdown]`,
 * `citydc audit show <id> [--stack NAME] [--dir DIR] [--format ...] [--config DEVICE [--before|--after]]` and
 * `citydc audit diff-config <id> <device>`: the records of past runs (audit/records.ts) and the device
 * configurations their backups captured. Exit: list/show 0, 1 when `show` finds no such record (or no backup
 * of the device in it), 2 on usage errors; diff-config as `diff`: 0 the same, 1 different, 2 no such record,
 * device or backup, or a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, oneOf } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { auditDir, readRunRecords, type RunRecord, type StoredRecord } from "../../audit/records";
import { unifiedDiff } from "../../audit/textDiff";
import { listJson, listMarkdown, listText, showMarkdown, showText } from "../../audit/records-format";
import { FORMATS, paintFor } from "../../audit/style";
import { currentRepoRoot } from "../../util/repo";

const HELP = `usage: citydc audit list [--stack NAME] [--dir DIR] [--format text|json|markdown]
       citydc audit show <id> [--stack NAME] [--dir DIR] [--format text|json|markdown]
       citydc audit show <id> --config DEVICE [--before | --after]
       citydc audit diff-config <id> DEVICE

Run records: one JSON document per \`up\`/\`destroy\` through citydc (the demo, the lab, CI), in CITYDC_AUDIT_DIR
when it is set, else the folder the stack config names (citydc:auditDir), default .state/audit/<stack>/.

  list           every run, newest first: id, stack, outcome, devices changed, inventory revision, who
  show <id>      one run in full (an unambiguous prefix of the id is enough)
  --config DEVICE  the device's running configuration as the run's backups captured it (secrets
                 redacted): --after (default) once its change was applied, --before just before it
  diff-config <id> DEVICE
                 the unified diff of the device's own configuration across the change (before -> after)
  --stack NAME   only this stack's folder
  --dir DIR      read this folder instead of the stacks' folders
  --format       text (default), json (the record itself for show) or markdown

exit codes: list, show: 0 ok, 1 no such record (or no backup of the device in it), 2 usage error
            diff-config: 0 no difference, 1 the configuration changed, 2 no such record, device or backup, or usage
`;

function folders(root: string, stack?: string, dir?: string): string[] {
  if (dir) return [path.resolve(dir)];
  // where up/destroy/demo write when it is set (audit/records.ts recordRun)
  if (process.env.CITYDC_AUDIT_DIR) return [path.resolve(root, process.env.CITYDC_AUDIT_DIR)];
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
  const args = parseArgs(argv, {
    stack: { type: "string" },
    dir: { type: "string" },
    format: { type: "string" },
    config: { type: "string" },
    before: { type: "boolean" },
    after: { type: "boolean" },
    help: { type: "boolean" },
  });
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
  const find = (id: string, missing: number): RunRecord => {
    const { records } = readRunRecords(folders(root, stack, dir));
    const exact = records.filter((r) => r.record.id === id);
    const matches: StoredRecord[] = exact.length ? exact : records.filter((r) => r.record.id.startsWith(id));
    if (matches.length === 0) throw new CliError(`no run record '${id}' (see \`citydc audit list\`)`, missing);
    if (matches.length > 1) throw new CliError(`'${id}' matches ${matches.length} runs: ${matches.slice(0, 5).map((m) => m.record.id).join(", ")}; give more of the id`, 2);
    return matches[0]!.record;
  };
  if (sub === "show") {
    if (rest.length !== 1) throw new UsageError(`audit show needs one run id\n\n${HELP}`);
    const r = find(rest[0]!, 1);
    if (typeof args.options.config === "string") {
      if (args.options.before && args.options.after) throw new UsageError("--before and --after exclude each other");
      const when = args.options.before ? "before" : "after";
      const text = backupOf(r, args.options.config, when, 1);
      await write(text);
      return 0;
    }
    if (args.options.before || args.options.after) throw new UsageError("--before and --after go with --config DEVICE");
    await write(format === "json" ? JSON.stringify(r, null, 2) + "\n" : format === "markdown" ? showMarkdown(r) : showText(r, paintFor(process.stdout)));
    return 0;
  }
  if (sub === "diff-config") {
    if (rest.length !== 2) throw new UsageError(`audit diff-config needs a run id and a device\n\n${HELP}`);
    const r = find(rest[0]!, 2);
    const device = rest[1]!;
    const before = backupOf(r, device, "before", 2);
    const after = backupOf(r, device, "after", 2);
    const diff = unifiedDiff(before, after, `${device} before (run ${r.id})`, `${device} after (run ${r.id})`);
    await write(diff);
    return diff === "" ? 0 : 1;
  }
  throw new UsageError(sub ? `unknown audit command '${sub}' (list, show or diff-config)\n\n${HELP}` : `audit needs list, show or diff-config\n\n${HELP}`);
}

/** A device's configuration captured before or after its change in a run; a CliError with `code` when there is none. */
function backupOf(r: RunRecord, device: string, when: "before" | "after", code: number): string {
  const d = r.devices.find((x) => x.device === device);
  if (!d) throw new CliError(`run ${r.id} has no device ${device} (devices: ${r.devices.map((x) => x.device).join(", ") || "none"})`, code);
  const withBackups = r.devices.filter((x) => x.config).map((x) => x.device);
  if (!d.config) {
    throw new CliError(
      `run ${r.id} took no backup of ${device} (${d.outcome}: backups are taken only of devices a run changes` +
        `${withBackups.length ? `; this one has backups of ${withBackups.join(", ")}` : ""})`,
      code,
    );
  }
  const text = d.config[when];
  if (text === null) throw new CliError(`run ${r.id}: the backup of ${device} ${when} its change did not run${d.error ? ` (${d.error.split("\n")[0]})` : ""}`, code);
  return text;
}
