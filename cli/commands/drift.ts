/**
 * `citydc drift --inventory <file> [--device NAME]... [--format text|json|markdown] [--hostkeys FILE]
 *  [--parallel N] [--timeout SECONDS]`: reads every config object back from the devices and compares it
 * with the inventory's intent. Exit 0 in sync, 1 drift found, 2 error or a device not checked (and no drift).
 */
import { parseArgs, oneOf } from "../args";
import { CliError, UsageError } from "../errors";
import { checkDrift, driftExitCode } from "../../audit/drift";
import { driftJson, driftMarkdown, driftText } from "../../audit/drift-format";
import { formatDiagnostics } from "../../audit/diagnostics";
import { deviceIntents, openSession, parseInventory, platforms } from "../../audit/deps";
import { readSource } from "../../audit/source";
import { FORMATS, paintFor } from "../../audit/style";
import { credentialsFromEnv, readHostKeys, targetBuilder } from "../../audit/targets";

const HELP = `usage: citydc drift --inventory <file> [--device NAME]... [--format text|json|markdown]
                    [--hostkeys FILE] [--parallel N] [--timeout SECONDS]

Logs into each device of the inventory (management address, port and user from the inventory; password
or key from CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE; host keys pinned by the inventory or --hostkeys),
reads back every config object citydc manages and reports objects missing, extra and different.

  --inventory FILE   the inventory (a file, or <git-revision>:<path>)
  --device NAME      only this device (repeatable)
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
  const file = args.options.inventory;
  if (typeof file !== "string") throw new UsageError(`--inventory <file> is required\n\n${HELP}`);
  const parallel = args.options.parallel === undefined ? 8 : Number(args.options.parallel);
  if (!Number.isInteger(parallel) || parallel < 1) throw new UsageError("--parallel must be a positive integer");
  const timeout = args.options.timeout === undefined ? undefined : Number(args.options.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError("--timeout must be a positive number of seconds");

  const src = readSource(file);
  const loaded = parseInventory(src.text, src.file);
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (!loaded.inventory || errors.length) {
    process.stderr.write(formatDiagnostics(loaded.diagnostics) + "\n");
    throw new CliError(`${file}: invalid inventory (${errors.length} error(s))`, 2);
  }
  const inv = loaded.inventory;
  const devices = (args.options.device as string[] | undefined) ?? [];
  const known = new Set(inv.devices.map((d) => d.name));
  const unknown = devices.filter((d) => !known.has(d));
  if (unknown.length) throw new UsageError(`unknown device(s) ${unknown.join(", ")} (not in ${file})`);

  let keys: Map<string, string> | undefined;
  if (typeof args.options.hostkeys === "string") {
    try {
      keys = readHostKeys(args.options.hostkeys);
    } catch {
      throw new CliError(`--hostkeys ${args.options.hostkeys}: cannot read the file`, 2);
    }
  }
  let creds;
  try {
    creds = credentialsFromEnv();
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
  const all = platforms();
  const report = await checkDrift(
    inv,
    {
      platform: (name) => all[name],
      intents: deviceIntents,
      openSession,
      target: targetBuilder(inv.devices, keys, creds, timeout ? timeout * 1000 : undefined),
    },
    { devices, parallel, inventoryName: src.source },
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
