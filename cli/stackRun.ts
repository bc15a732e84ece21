/**
 * What plan, up and destroy share: stack options, the real platforms and change sets, turning setup
 * problems into clear CLI errors.
 */
import type { ConfigObject, DeviceChangeSet, ObjectChange, Platform } from "../platforms/types";
import { KIND_ORDER } from "../platforms/types";
import { CliError, UsageError } from "./errors";
import type { OptionSpec, ParsedArgs } from "./args";
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

export function platformOf(name: string): Platform | undefined {
  return (require("../platforms/index").PLATFORMS as Record<string, Platform>)[name];
}

const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));

/** Fallback when platforms/changeset is absent: adds/changes in kind order, then removals reversed. */
function simpleChangeSet(platform: Platform, olds: readonly ConfigObject[], news: readonly ConfigObject[]): DeviceChangeSet {
  const o = new Map(olds.map((x) => [x.key, x]));
  const n = new Map(news.map((x) => [x.key, x]));
  const same = (a: ConfigObject, b: ConfigObject) => JSON.stringify(a.fields) === JSON.stringify(b.fields) && JSON.stringify(a.apply) === JSON.stringify(b.apply);
  const changes: ObjectChange[] = [];
  for (const x of news) {
    const prev = o.get(x.key);
    if (!prev) changes.push({ action: "add", key: x.key, kind: x.kind, summary: x.summary, commands: x.apply });
    else if (!same(prev, x)) {
      const fields: Record<string, { old: unknown; new: unknown }> = {};
      for (const k of new Set([...Object.keys(prev.fields), ...Object.keys(x.fields)])) {
        if (JSON.stringify(prev.fields[k]) !== JSON.stringify(x.fields[k])) fields[k] = { old: prev.fields[k], new: x.fields[k] };
      }
      changes.push({ action: "change", key: x.key, kind: x.kind, summary: x.summary, fields, commands: platform.change?.(prev, x) ?? x.apply });
    }
  }
  const removed = olds.filter((x) => !n.has(x.key)).sort((a, b) => kindRank.get(b.kind)! - kindRank.get(a.kind)!);
  for (const x of removed) changes.push({ action: "remove", key: x.key, kind: x.kind, summary: x.summary, commands: x.remove });
  return { device: (news[0] ?? olds[0])?.device ?? "", platform: platform.name, changes, script: platform.wrap(changes.flatMap((c) => c.commands)) };
}

export function changeSetOf(platform: Platform, olds: readonly ConfigObject[], news: readonly ConfigObject[], opts: { management: { interface?: string; vlan?: number } }): DeviceChangeSet {
  let mod: { changeSet?: (p: Platform, o: readonly ConfigObject[], n: readonly ConfigObject[], x: unknown) => DeviceChangeSet } | undefined;
  try {
    mod = require("../platforms/changeset");
  } catch {
    mod = undefined;
  }
  return mod?.changeSet ? mod.changeSet(platform, olds, news, opts) : simpleChangeSet(platform, olds, news);
}

/** Setup problems (no CLI, no passphrase) as exit 2 with the fix. */
export function asCliError(err: unknown): never {
  if (err instanceof Error && err.name === "PulumiSetupError") throw new CliError(err.message, 2);
  throw err;
}
