/**
 * `citydc up --stack NAME [--yes] [--format text|json]`: previews the stack, prints the plan, then applies it:
 * one SSH session per changed device, each device's change sent atomically. Without a terminal, --yes is
 * required. Exit: 0 every device applied, 1 a device failed (named) or the preview failed, 2 usage/setup.
 */
import * as readline from "readline";
import { UsageError } from "../../util/errors";
import { oneOf, parseArgs } from "../../util/args";
import { asCliError, STACK_OPTIONS, stackName, stackOptions } from "../stackRun";
import { changeSet, findPlatform } from "../../platforms/index";

const USAGE = "usage: citydc up --stack NAME [--yes] [--format text|json] [--inventory FILE] [--backend URL] [--work-dir DIR] [--progress]";

export async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...STACK_OPTIONS, yes: { type: "boolean" }, format: { type: "string" } });
  if (args.options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const stack = stackName(args, USAGE);
  const format = oneOf("format", args.options.format, ["text", "json"] as const, "text");
  const yes = !!args.options.yes;
  if (!yes && !process.stdin.isTTY) throw new UsageError("not a terminal: pass --yes to apply without asking");
  const { previewStack, upStack } = await import("../../pulumi/stacks");
  const { buildPlan, countsLine, formatJson, formatText } = await import("../../pulumi/planReport");
  const opts = stackOptions(args);
  const preview = await previewStack(stack, opts).catch(asCliError);
  const plan = buildPlan(preview, findPlatform, changeSet);
  if (!preview.ok) {
    process.stdout.write(format === "json" ? formatJson(plan) : formatText(plan));
    return 1;
  }
  if (format === "text") process.stdout.write(formatText(plan));
  const touched = plan.counts.devices.create + plan.counts.devices.update + plan.counts.devices.delete + plan.counts.devices.replace;
  if (!yes && touched > 0 && !(await confirm(`apply to ${touched} device(s) of stack ${stack}? [y/N] `))) {
    process.stderr.write("citydc up: cancelled, nothing applied\n");
    return 1;
  }
  const result = await upStack(stack, opts).catch(asCliError);
  // Audit trail: one run record per up (audit/records.ts, `citydc audit list|show`).
  const { recordRun } = await import("../../audit/records");
  const recorded = recordRun({ stack, result, preview, ...(opts.settings?.inventory ? { inventoryFile: opts.settings.inventory } : {}) });
  if (recorded) process.stderr.write(`citydc up: run record ${recorded.record.id} (${recorded.file})\n`);
  const applied = buildPlan(result, findPlatform, changeSet);
  const failed = [...new Set(result.failures.map((f) => f.device).filter((d): d is string => !!d))];
  if (format === "json") {
    process.stdout.write(formatJson(applied));
  } else {
    process.stdout.write(`\n${result.ok ? "applied" : "FAILED"}: stack ${stack}: ${countsLine(applied)}\n`);
    // Device failures first-hand; the engine's generic "update failed" only when no device says more.
    for (const f of result.failures.filter((x) => x.device || failed.length === 0)) {
      const first = f.message.split("\n")[0]!;
      process.stdout.write(`  ${f.device && !first.includes(f.device) ? `device ${f.device}: ` : ""}${first}\n`);
    }
    if (!result.ok && failed.length === 0 && result.error) process.stdout.write(`  ${result.error}\n`);
  }
  if (!result.ok) {
    process.stderr.write(`citydc up: stack ${stack} failed${failed.length ? ` on ${failed.join(", ")}` : ""}; the state keeps what each device last applied, run up again once fixed\n`);
    return 1;
  }
  return 0;
}
