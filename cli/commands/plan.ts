/**
 * `citydc plan --stack NAME [--refresh] [--format text|json|markdown]`: runs the stack's preview (no device is
 * changed) and prints, per site and device, the config objects to add, change and remove with their lines.
 * `--refresh` reads every device first (read-only), so what was changed on a device shows as a repair.
 * Exit: 0 the preview ran, 1 it failed (invalid inventory, DR parity, a refused resource), 2 usage/setup,
 * 130 interrupted (Ctrl-C, SIGTERM: nothing is ever applied by a plan).
 */
import { oneOf, parseArgs } from "../../util/args";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { asCliError, INTERRUPTED, onInterrupt, MULTI_STACK_OPTIONS, stackNames, stackOptions } from "../stackRun";
import { severalStacks } from "../multiStack";
import { changeSet, findPlatform } from "../../platforms/index";
import type { StackOptions } from "../../pulumi/stacks";
import type { Plan } from "../../pulumi/planReport";
import { UsageError } from "../../util/errors";
import { loadInventory } from "../../model/load";
import { readStackConfig } from "../../stacks/settings";
import { repoRoot } from "../../util/repo";
import { changePicture, marksFromPlan } from "../../publish/changes";

const USAGE = "usage: citydc plan --stack NAME [--stack NAME]... [--parallel-stacks N] [--refresh] [--format text|json|markdown] [--assets DIR] [--no-lines] [--unchanged] [--inventory FILE] [--backend URL] [--work-dir DIR] [--progress]";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...MULTI_STACK_OPTIONS, refresh: { type: "boolean" }, format: { type: "string" }, assets: { type: "string" }, "no-lines": { type: "boolean" }, unchanged: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const stacks = stackNames(args, USAGE);
  if (stacks.length > 1) return severalStacks("plan", args, argv, stacks);
  const stack = stacks[0]!;
  const format = oneOf("format", args.options.format, ["text", "json", "markdown"] as const, "text");
  const assets = args.options.assets as string | undefined;
  if (assets !== undefined && format !== "markdown") throw new UsageError("--assets goes with --format markdown (the picture of the change)");
  if (assets === "") throw new UsageError("--assets needs a directory");
  const { previewStack } = await import("../../pulumi/stacks");
  const { buildPlan, formatJson, formatMarkdown, formatText } = await import("../../pulumi/planReport");
  const options = { ...firstPlanOptions(stack, stackOptions(args)), ...(args.options.refresh ? { refresh: true } : {}) };
  const signals = onInterrupt("plan");
  const result = await previewStack(stack, options)
    .catch(asCliError)
    .finally(() => signals.release());
  if (signals.interrupted || result.interrupted) {
    process.stderr.write(`citydc plan: interrupted: the preview of stack ${stack} stopped; a plan changes no device, nothing was applied\n`);
    return INTERRUPTED;
  }
  const plan = buildPlan(result, findPlatform, changeSet);
  const picture = format === "markdown" ? planPicture(stack, plan, args.options.inventory as string | undefined, assets) : undefined;
  const opts = { lines: !args.options["no-lines"], unchanged: !!args.options.unchanged, ...(picture ? { picture } : {}) };
  process.stdout.write(format === "json" ? formatJson(plan) : format === "markdown" ? formatMarkdown(plan, opts) : formatText(plan, opts));
  if (!result.ok && format === "text" && !plan.error) process.stderr.write(`citydc plan: the preview of stack ${stack} failed\n`);
  return result.ok ? 0 : 1;
}

/**
 * A stack that has never been applied has no state and no secret to decrypt, so its plan (the full
 * build-out) needs no passphrase: without one, it runs against a throw-away backend and work dir with a
 * random passphrase, and says so. Once the stack has state, its passphrase is required as usual.
 */
function firstPlanOptions(stack: string, options: StackOptions): StackOptions {
  const env = process.env;
  if (stack === "lab" || env.PULUMI_CONFIG_PASSPHRASE !== undefined || env.PULUMI_CONFIG_PASSPHRASE_FILE) return options;
  if (options.workDir !== undefined || options.passphrase !== undefined) return options;
  const backend = options.backendUrl ?? env.CITYDC_BACKEND_URL ?? `file://${path.resolve(__dirname, "..", "..", "..", ".state")}`;
  const dir = /^file:\/\//.test(backend) ? backend.slice("file://".length) : /^[a-z0-9+]+:\/\//i.test(backend) ? undefined : path.resolve(backend);
  if (dir === undefined || fs.existsSync(path.join(dir, ".pulumi", "stacks", "citydc", `${stack}.json`))) return options;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `citydc-plan-${stack}-`));
  process.on("exit", () => fs.rmSync(scratch, { recursive: true, force: true }));
  process.stderr.write(`citydc plan: stack ${stack} has no state yet: planning its full build-out (no passphrase needed until the first up)\n`);
  return {
    ...options,
    backendUrl: `file://${path.join(scratch, "state")}`,
    workDir: path.join(scratch, "work"),
    passphrase: crypto.randomBytes(24).toString("base64"),
  };
}

/**
 * The topology of the plan's change: the stack's inventory (or --inventory) with the devices the plan changes
 * and the links on their changed ports marked; undefined when nothing changes or the inventory does not load
 * (the plan itself says why).
 */
function planPicture(stack: string, plan: Plan, inventory: string | undefined, assets: string | undefined): string | undefined {
  if (!plan.sites.some((s) => s.devices.some((d) => d.action !== "same"))) return undefined;
  const root = repoRoot();
  let file = inventory;
  if (file === undefined) {
    try {
      file = path.resolve(root, readStackConfig(root, stack).inventory);
    } catch {
      return undefined;
    }
  }
  const inv = loadInventory(file).inventory;
  if (!inv) return undefined;
  return changePicture(inv, marksFromPlan(inv, plan), { title: `stack ${stack}: devices and links the plan changes`, ...(assets !== undefined ? { assets: { dir: assets, name: `plan-${stack}.svg` } } : {}) })?.markdown;
}
