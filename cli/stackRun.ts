/**
 * What plan, up and destroy share: stack options, the real platforms and change sets, turning setup
 * problems into clear CLI errors.
 */
import { CliError, UsageError } from "../util/errors";
import type { OptionSpec, ParsedArgs } from "../util/args";
import type { StackOptions } from "../pulumi/stacks";

export const STACK_OPTIONS: Record<string, OptionSpec> = {
  stack: { type: "string" },
  backend: { type: "string" },
  inventory: { type: "string" },
  "work-dir": { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean" },
};

export function stackName(args: ParsedArgs, usage: string): string {
  const stack = args.options.stack;
  if (typeof stack !== "string" || !stack) throw new UsageError(`--stack NAME is required (primary, dr, lab)\n${usage}`);
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UsageError(`--stack: '${stack}' is not a stack name`);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n${usage}`);
  return stack;
}

export function stackOptions(args: ParsedArgs): StackOptions {
  const o = args.options;
  return {
    ...(typeof o.backend === "string" ? { backendUrl: o.backend } : {}),
    ...(typeof o["work-dir"] === "string" ? { workDir: o["work-dir"] } : {}),
    ...(typeof o.inventory === "string" ? { settings: { inventory: require("path").resolve(o.inventory) } } : {}),
    ...(o.progress ? { onOutput: (t: string) => process.stderr.write(t) } : {}),
  };
}

/** Setup problems (no CLI, no passphrase) as exit 2 with the fix. */
export function asCliError(err: unknown): never {
  if (err instanceof Error && err.name === "PulumiSetupError") throw new CliError(err.message, 2);
  throw err;
}
