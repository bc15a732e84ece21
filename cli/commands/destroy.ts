/**
 * `citydc destroy --stack NAME [--yes]`: removes every config object the stack put on its devices (never the
 * management path), one session per device. Exit: 0 done, 1 a device failed (named) or the stack is locked by
 * another run, 2 usage/setup, 130 interrupted (the engine stopped cleanly).
 */
import { UsageError } from "../../util/errors";
import { parseArgs } from "../../util/args";
import { asCliError, INTERRUPTED, lockedMessage, onInterrupt, MULTI_STACK_OPTIONS, stackNames, stackOptions } from "../stackRun";
import { severalStacks } from "../multiStack";
import { changeSet, findPlatform } from "../../platforms/index";
import { confirm } from "./up";

const USAGE = "usage: citydc destroy --stack NAME [--stack NAME]... [--parallel-stacks N] [--yes] [--backend URL] [--work-dir DIR] [--progress]";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...MULTI_STACK_OPTIONS, yes: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const stacks = stackNames(args, USAGE);
  if (stacks.length > 1) return severalStacks("destroy", args, argv, stacks);
  const stack = stacks[0]!;
  if (!args.options.yes) {
    if (!process.stdin.isTTY) throw new UsageError("not a terminal: pass --yes to destroy without asking");
    if (!(await confirm(`remove everything stack ${stack} configured from its devices? [y/N] `))) return 1;
  }
  const { destroyStack } = await import("../../pulumi/stacks");
  const { buildPlan, countsLine } = await import("../../pulumi/planReport");
  const opts = stackOptions(args);
  const signals = onInterrupt("destroy");
  const result = await destroyStack(stack, opts)
    .catch(asCliError)
    .finally(() => signals.release());
  if (result.locked) {
    process.stderr.write(`citydc destroy: ${lockedMessage(stack, result.locked.holders)}\n`);
    return 1;
  }
  // Audit trail: one run record per destroy (audit/records.ts, `citydc audit list|show`).
  const { recordRun } = await import("../../audit/records");
  const recorded = recordRun({ stack, result, ...(opts.settings?.inventory ? { inventoryFile: opts.settings.inventory } : {}) });
  if (recorded) process.stderr.write(`citydc destroy: run record ${recorded.record.id} (${recorded.file})\n`);
  const plan = buildPlan(result, findPlatform, changeSet);
  process.stdout.write(`${result.ok ? "destroyed" : "FAILED"}: stack ${stack}: ${countsLine(plan)}\n`);
  const failed = result.failures.filter((x) => x.device);
  for (const f of result.failures.filter((x) => x.device || failed.length === 0)) {
    const first = f.message.split("\n")[0]!;
    process.stdout.write(`  ${f.device && !first.includes(f.device) ? `device ${f.device}: ` : ""}${first}\n`);
  }
  if (!result.ok && result.failures.length === 0 && result.error) process.stdout.write(`  ${result.error}\n`);
  if (signals.interrupted || result.interrupted) {
    process.stderr.write(`citydc destroy: interrupted: the engine stopped cleanly; the state is true, \`citydc destroy --stack ${stack}\` clears the rest\n`);
    return INTERRUPTED;
  }
  return result.ok ? 0 : 1;
}
