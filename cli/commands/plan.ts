/**
 * `citydc plan --stack NAME [--format text|json|markdown]`: runs the stack's preview (no device is
 * touched) and prints, per site and device, the config objects to add, change and remove with their lines.
 * Exit: 0 the preview ran, 1 it failed (invalid inventory, DR parity, a refused resource), 2 usage/setup.
 */
import { oneOf, parseArgs } from "../args";
import { asCliError, changeSetOf, platformOf, STACK_OPTIONS, stackName, stackOptions } from "../stackRun";

const USAGE = "usage: citydc plan --stack NAME [--format text|json|markdown] [--no-lines] [--unchanged] [--inventory FILE] [--backend URL] [--work-dir DIR] [--progress]";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...STACK_OPTIONS, format: { type: "string" }, "no-lines": { type: "boolean" }, unchanged: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const stack = stackName(args, USAGE);
  const format = oneOf("format", args.options.format, ["text", "json", "markdown"] as const, "text");
  const { previewStack } = await import("../../pulumi/stacks");
  const { buildPlan, formatJson, formatMarkdown, formatText } = await import("../../pulumi/plan");
  const result = await previewStack(stack, stackOptions(args)).catch(asCliError);
  const plan = buildPlan(result, platformOf, changeSetOf);
  const opts = { lines: !args.options["no-lines"], unchanged: !!args.options.unchanged };
  process.stdout.write(format === "json" ? formatJson(plan) : format === "markdown" ? formatMarkdown(plan, opts) : formatText(plan, opts));
  if (!result.ok && format === "text" && !plan.error) process.stderr.write(`citydc plan: the preview of stack ${stack} failed\n`);
  return result.ok ? 0 : 1;
}
