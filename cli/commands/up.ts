/**
 * `citydc up --stack NAME [--yes] [--refresh] [--format text|json]`: previews the stack, prints the plan, then
 * applies it: one SSH session per changed device, each device's change sent atomically, a backup of its running
 * configuration before and after, and each changed site verified against the inventory afterwards. `--refresh`
 * reads every device first: what was changed on a device by hand is shown as a repair and put back. Without a
 * terminal, --yes is required.
 * Exit: 0 every device applied and verified, 1 a device, a verification or the preview failed (named), or the
 * stack is locked by another run, 2 usage/setup, 130 interrupted (the engine stopped cleanly; the state is true).
 */
import * as readline from "readline";
import { UsageError } from "../../util/errors";
import { oneOf, parseArgs } from "../../util/args";
import {
  asCliError, backendOf, INTERRUPTED, lockedMessage, lockFiles, onInterrupt, MULTI_STACK_OPTIONS, stackNames, stackOptions,
} from "../stackRun";
import { severalStacks } from "../multiStack";
import { changeSet, findPlatform } from "../../platforms/index";
import type { Plan } from "../../pulumi/planReport";
import type { StackFailure, StackRunResult } from "../../pulumi/stacks";

const USAGE = "usage: citydc up --stack NAME [--stack NAME]... [--parallel-stacks N] [--yes] [--refresh] [--format text|json] [--inventory FILE] [--backend URL] [--work-dir DIR] [--progress]";

export async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

/**
 * Backups and verifications to run although their triggers did not change: those of a device that gets a change
 * its digest does not show (a repair after a refresh), so each change to a device is captured and verified.
 */
export function forcedChecks(preview: StackRunResult, plan: Plan): string[] {
  const changed = plan.sites.flatMap((s) => s.devices).filter((d) => d.changes.length > 0);
  const devices = new Set(changed.map((d) => d.device));
  const sites = new Set(changed.map((d) => d.site));
  return (preview.checks ?? [])
    .filter((c) => c.op === "same" && ((c.role !== "verify" && c.device && devices.has(c.device)) || (c.role === "verify" && c.site && sites.has(c.site))))
    .map((c) => c.urn);
}

/** One line for a failure: a verification's verdict, else the failure's first line (naming its device). */
export function failureLine(f: StackFailure): string {
  const lines = f.message.split("\n").map((l) => l.trim()).filter(Boolean);
  if (f.site) {
    const verdict = lines.find((l) => /^FAILED: /.test(l));
    return `verification of site ${f.site} failed: ${verdict ? verdict.slice("FAILED: ".length) : lines[0] ?? ""}`;
  }
  const first = lines[0] ?? "";
  return `${f.device && !first.includes(f.device) ? `device ${f.device}: ` : ""}${first}`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...MULTI_STACK_OPTIONS, yes: { type: "boolean" }, refresh: { type: "boolean" }, format: { type: "string" } });
  if (args.options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const stacks = stackNames(args, USAGE);
  if (stacks.length > 1) return severalStacks("up", args, argv, stacks);
  const stack = stacks[0]!;
  const format = oneOf("format", args.options.format, ["text", "json"] as const, "text");
  const yes = !!args.options.yes;
  if (!yes && !process.stdin.isTTY) throw new UsageError("not a terminal: pass --yes to apply without asking");
  const opts = { ...stackOptions(args), ...(args.options.refresh ? { refresh: true } : {}) };

  // A lock on a file backend is seen before the preview; on any backend the engine refuses a locked stack itself.
  const locks = lockFiles(backendOf(opts), stack);
  if (locks.length > 0) {
    const holders = locks.map((l) => ({ user: l.holder?.username ?? "?", host: l.holder?.hostname ?? "?", pid: l.holder?.pid ?? 0, since: l.holder?.timestamp ?? "?" }));
    process.stderr.write(`citydc up: ${lockedMessage(stack, holders)}\n`);
    return 1;
  }

  const { previewStack, upStack } = await import("../../pulumi/stacks");
  const { buildPlan, checksLine, countsLine, formatJson, formatText } = await import("../../pulumi/planReport");
  const signals = onInterrupt("up");
  try {
    const preview = await previewStack(stack, opts).catch(asCliError);
    const plan = buildPlan(preview, findPlatform, changeSet);
    if (signals.interrupted || preview.interrupted) {
      process.stderr.write(`citydc up: interrupted during the preview of stack ${stack}: nothing was applied\n`);
      return INTERRUPTED;
    }
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
    if (signals.interrupted) {
      process.stderr.write(`citydc up: interrupted before the apply of stack ${stack}: nothing was applied\n`);
      return INTERRUPTED;
    }
    const replace = forcedChecks(preview, plan);
    const result = await upStack(stack, { ...opts, ...(replace.length ? { replace } : {}) }).catch(asCliError);
    if (result.locked) {
      process.stderr.write(`citydc up: ${lockedMessage(stack, result.locked.holders)}\n`);
      return 1;
    }
    // Audit trail: one run record per up (audit/records.ts, `citydc audit list|show`).
    const { recordRun } = await import("../../audit/records");
    const recorded = recordRun({ stack, result, preview, ...(opts.settings?.inventory ? { inventoryFile: opts.settings.inventory } : {}) });
    if (recorded) process.stderr.write(`citydc up: run record ${recorded.record.id} (${recorded.file})\n`);
    const applied = buildPlan(result, findPlatform, changeSet);
    const failed = [...new Set(result.failures.map((f) => f.device).filter((d): d is string => !!d))];
    const interrupted = signals.interrupted || result.interrupted === true;
    if (format === "json") {
      process.stdout.write(formatJson(applied));
    } else {
      process.stdout.write(`\n${result.ok ? "applied" : interrupted ? "INTERRUPTED" : "FAILED"}: stack ${stack}: ${countsLine(applied)}\n`);
      const ran = (result.checks ?? []).filter((c) => c.done && !c.error && /^(create|replace)/.test(c.op));
      const checks = checksLine({ ...applied, checks: { backups: [...new Set(ran.filter((c) => c.device).map((c) => c.device!))].sort(), verify: ran.filter((c) => c.site).map((c) => c.site!) } });
      if (ran.length > 0 && checks) process.stdout.write(`  ${checks.replace(/^checks: /, "done: ").replace("before and after on", "on")}\n`);
      for (const c of (result.checks ?? []).filter((x) => x.role === "verify" && x.output && /^(create|replace)/.test(x.op))) {
        const verdict = c.output!.split("\n").reverse().find((l) => /^verified: /.test(l));
        if (verdict) process.stdout.write(`  ${verdict}\n`);
      }
      if (recorded?.record.devices.some((d) => d.config)) {
        process.stdout.write(`  config backups in run record ${recorded.record.id}: citydc audit diff-config ${recorded.record.id} DEVICE\n`);
      }
      // Device failures first-hand; the engine's generic "update failed" only when no device or site says more.
      const specific = result.failures.some((x) => x.device || x.site);
      for (const f of result.failures.filter((x) => x.device || x.site || !specific)) process.stdout.write(`  ${failureLine(f)}\n`);
      if (!result.ok && !interrupted && !result.engineKilled && result.failures.length === 0 && result.error) process.stdout.write(`  ${result.error}\n`);
    }
    if (interrupted) {
      process.stderr.write(interruptReport(stack, plan, result));
      return INTERRUPTED;
    }
    if (result.engineKilled) {
      process.stderr.write(
        `citydc up: the engine (pulumi) was killed (${result.engineKilled}) during the apply of stack ${stack}: its lock stays and a device in flight may be half done; ` +
          `recover with \`citydc cancel --stack ${stack}\`, then \`citydc up --stack ${stack}\`\n`,
      );
      return 1;
    }
    if (!result.ok) {
      const sites = [...new Set(result.failures.map((f) => f.site).filter((s): s is string => !!s))];
      const what = [...(failed.length ? [`on ${failed.join(", ")}`] : []), ...(sites.length ? [`in the verification of ${sites.join(", ")}`] : [])].join(" and ");
      const hint = failed.length === 0 && sites.length > 0
        ? `the devices hold their change, but the network is not what the inventory says: \`citydc up --stack ${stack} --refresh\` puts back what was changed on a device (a failed verification runs again with the next up)`
        : "the state keeps what each device last applied, run up again once fixed";
      process.stderr.write(`citydc up: stack ${stack} failed${what ? ` ${what}` : ""}; ${hint}\n`);
      return 1;
    }
    return 0;
  } finally {
    signals.release();
  }
}

/** After an interrupt: which devices of the plan were applied, which failed, which were not touched. */
export function interruptReport(stack: string, plan: Plan, result: StackRunResult): string {
  const planned = plan.sites.flatMap((s) => s.devices).filter((d) => d.action !== "same").map((d) => d.device);
  const done = new Set(result.devices.filter((d) => d.done && d.op !== "same" && !d.error).map((d) => d.new?.device ?? d.old?.device ?? d.name));
  const failed = new Set(result.devices.filter((d) => d.error).map((d) => d.new?.device ?? d.old?.device ?? d.name));
  const not = planned.filter((d) => !done.has(d) && !failed.has(d));
  const list = (xs: Iterable<string>) => [...xs].join(", ") || "none";
  return (
    `citydc up: interrupted: the engine stopped stack ${stack} cleanly and wrote its state.\n` +
    `  applied:     ${list(done)}\n` +
    (failed.size ? `  failed:      ${list(failed)}\n` : "") +
    `  not applied: ${list(not)}\n` +
    `  The state is true for every device; \`citydc up --stack ${stack}\` applies the rest.\n`
  );
}
