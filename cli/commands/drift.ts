/**
 * `citydc drift --inventory <file> [--device NAME]... [--format text|json|markdown] [--hostkeys FILE]
 *  [--parallel N] [--timeout SECONDS]`: reads every config object back from the devices and compares it
 * with the inventory's intent. Exit 0 in sync, 1 drift found, 2 error or a device not checked (and no drift).
 */
import * as path from "path";
import { parseArgs, oneOf } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { checkDrift, driftExitCode } from "../../audit/drift";
import { driftJson, driftMarkdown, driftText } from "../../audit/drift-format";
import { formatDiagnostics } from "../../model/diagnostics";
import { parseInventory } from "../../model/load";
import { devicesOf } from "../../pipeline/index";
import { platformOf } from "../../platforms/registry";
import { readSource } from "../../audit/revision";
import { FORMATS, paintFor } from "../../audit/style";
import { credentialsFromEnv, readHostKeys, targetBuilder } from "../../transport/targets";
import { readStackConfig } from "../../stacks/settings";
import { currentRepoRoot } from "../../util/repo";

const HELP = `usage: citydc drift (--inventory <file> | --stack NAME) [--device NAME]... [--site NAME]...
                    [--format text|json|markdown] [--hostkeys FILE] [--parallel N] [--timeout SECONDS]

Logs into each device of the inventory (management address, port and user from the inventory; password
or key from CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE; host keys pinned by the inventory or --hostkeys),
reads back every config object citydc manages and reports objects missing, extra and different.

  --inventory FILE   the inventory (a file, or <git-revision>:<path>)
  --stack NAME       take the inventory, its sites, the host-keys file and the key file (citydc:sshKeyFile)
                     from stacks/Pulumi.<NAME>.yaml, as \`up\` does; explicit options win
  --device NAME      only this device (repeatable)
  --site NAME        only the devices of this site (repeatable)
  --hostkeys FILE    pinned host keys, "<device|address:port> <type> <key>" per line (the lab writes one)
  --parallel N       devices checked at once (default 8)
  --timeout SECONDS  per-operation SSH timeout (default 30)
  --format FORMAT    text (default), json (schema citydc.drift/v1) or markdown

exit codes: 0 every device in sync, 1 drift found on at least one device,
            2 error, or a device could not be checked (unreachable, login refused) and no drift was found
`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    inventory: { type: "string" },
    device: { type: "string", multiple: true },
    site: { type: "string", multiple: true },
    stack: { type: "string" },
    format: { type: "string" },
    hostkeys: { type: "string" },
    parallel: { type: "string" },
    timeout: { type: "string" },
    help: { type: "boolean" },
  });
  if (args.options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = oneOf("format", args.options.format, FORMATS, "text");
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n\n${HELP}`);
  const stack = typeof args.options.stack === "string" ? readStackConfig(currentRepoRoot(), args.options.stack) : undefined;
  const file = typeof args.options.inventory === "string" ? args.options.inventory : stack?.inventory;
  if (typeof file !== "string") throw new UsageError(`--inventory <file> or --stack NAME is required\n\n${HELP}`);
  const parallel = args.options.parallel === undefined ? 8 : Number(args.options.parallel);
  if (!Number.isInteger(parallel) || parallel < 1) throw new UsageError("--parallel must be a positive integer");
  const timeout = args.options.timeout === undefined ? undefined : Number(args.options.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError("--timeout must be a positive number of seconds");

  const src = readSource(file);
  const loaded = src.bytes ? parseInventory(src.bytes, src.file) : { diagnostics: src.diagnostics, inventory: undefined };
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (!loaded.inventory || errors.length) {
    process.stderr.write(formatDiagnostics(loaded.diagnostics) + "\n");
    throw new CliError(`${file}: invalid inventory (${errors.length} error(s))`, 2);
  }
  const inv = loaded.inventory;
  const named = (args.options.device as string[] | undefined) ?? [];
  const known = new Set(inv.devices.map((d) => d.name));
  const unknown = named.filter((d) => !known.has(d));
  if (unknown.length) throw new UsageError(`unknown device(s) ${unknown.join(", ")} (not in ${file})`);
  const siteArgs = (args.options.site as string[] | undefined) ?? [];
  const knownSites = new Set(inv.sites.map((s) => s.name));
  const badSites = siteArgs.filter((s) => !knownSites.has(s));
  if (badSites.length) throw new UsageError(`unknown site(s) ${badSites.join(", ")} (not in ${file})`);
  const sites = new Set(siteArgs.length ? siteArgs : stack?.sites ?? []);
  const devices = sites.size
    ? inv.devices.filter((d) => sites.has(d.site) && (named.length === 0 || named.includes(d.name))).map((d) => d.name)
    : named;
  if ((sites.size || named.length) && devices.length === 0) throw new UsageError("no device matches --device/--site");

  let keys: Map<string, string> | undefined;
  let creds;
  const hostKeysFile = typeof args.options.hostkeys === "string" ? args.options.hostkeys : stack?.hostKeysFile;
  try {
    if (hostKeysFile) keys = readHostKeys(hostKeysFile);
    creds = credentialsFromEnv(process.env, stack?.sshKeyFile).credentials;
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
  const { openSession } = await import("../../transport/index");
  const report = await checkDrift(
    inv,
    {
      platform: (name) => platformOf(name),
      devices: (i) => devicesOf(i),
      openSession,
      target: targetBuilder(keys, creds, timeout ? timeout * 1000 : undefined),
    },
    { devices, parallel, inventoryName: stack && args.options.inventory === undefined ? `${path.relative(process.cwd(), src.source) || src.source} (stack ${args.options.stack})` : src.source },
  );
  const code = driftExitCode(report);
  const text =
    format === "json"
      ? JSON.stringify(driftJson(report, code), null, 2) + "\n"
      : format === "markdown"
        ? driftMarkdown(report)
        : driftText(report, paintFor(process.stdout));
  await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  return code;
}
