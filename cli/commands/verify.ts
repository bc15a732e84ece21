/**
 * `citydc verify (--stack NAME | --inventory FILE --hostkeys FILE) [--site NAME]... [--data-plane | --no-data-plane]
 *  [--format text|json] [--timeout SECONDS]`: does the running network do what the inventory says? Per site, every
 * config object read back from its devices (as `citydc drift`), and where the stack runs on the lab the site's
 * data-plane checks. The `<site>:verify` command resource of every stack runs it after the site's devices change
 * (its spec in CITYDC_VERIFY, the login as secrets), so a plain `pulumi up` fails when the network is wrong.
 * Exit 0 every site verified, 1 a problem found (each named: device and object, or the two hosts), 2 usage or set-up.
 */
import * as path from "path";
import { oneOf, parseArgs } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { currentRepoRoot } from "../../util/repo";
import { readStackConfig } from "../../stacks/settings";
import type { VerifySpec } from "../../components/checks";
import { jsonFromEnv, loginCredentials } from "../deviceLogin";

const HELP = `usage: citydc verify (--stack NAME | --inventory FILE [--hostkeys FILE]) [--site NAME]...
                     [--data-plane | --no-data-plane] [--format text|json] [--timeout SECONDS]

Reads every config object of each site back from its devices (pinned host keys, the stack's login) and
compares it with the inventory, field by field; with the data-plane checks (the lab stack's
citydc:dataPlaneChecks), also pings between the site's hosts: same VLAN and routed pairs must reach each other,
other VLANs and tenants must not. Each problem names the device and the object, or the two hosts.

  --stack NAME      the inventory, sites, host keys, key file and data-plane setting of stacks/Pulumi.<NAME>.yaml
  --inventory FILE  another inventory (with --stack: instead of the stack's)
  --hostkeys FILE   pinned host keys (default: the stack's citydc:hostKeysFile)
  --site NAME       only this site (repeatable; default: every site of the stack, in its order)
  --data-plane      run the data-plane checks / --no-data-plane: do not (default: the stack's setting)
  --timeout SECONDS per-operation SSH timeout (default 30)
  --format          text (default) or json

The stack's verification resources run it with CITYDC_VERIFY (the site's spec) and the login as the secrets
CITYDC_LOGIN_KEY / CITYDC_LOGIN_PASSWORD; by hand it logs in as \`citydc drift\` does.

exit codes: 0 every site does what the inventory says, 1 a problem was found, 2 usage or set-up error
`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    stack: { type: "string" },
    inventory: { type: "string" },
    hostkeys: { type: "string" },
    site: { type: "string", multiple: true },
    "data-plane": { type: "boolean" },
    "no-data-plane": { type: "boolean" },
    format: { type: "string" },
    timeout: { type: "string" },
    help: { type: "boolean" },
  });
  if (args.options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n\n${HELP}`);
  const format = oneOf("format", args.options.format, ["text", "json"] as const, "text");
  const timeout = args.options.timeout === undefined ? undefined : Number(args.options.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError("--timeout must be a positive number of seconds");
  if (args.options["data-plane"] && args.options["no-data-plane"]) throw new UsageError("--data-plane and --no-data-plane exclude each other");
  const root = currentRepoRoot();

  // What to verify: the spec a verification resource passes, else the stack's config and the options.
  const fromResource = jsonFromEnv<VerifySpec>(process.env, "CITYDC_VERIFY");
  const stack = typeof args.options.stack === "string" ? readStackConfig(root, args.options.stack) : undefined;
  const at = (p: string) => (path.isAbsolute(p) ? p : path.join(root, p));
  const inventory = typeof args.options.inventory === "string" ? path.resolve(args.options.inventory) : fromResource ? at(fromResource.inventory) : stack?.inventory;
  if (!inventory) throw new UsageError(`--stack NAME or --inventory FILE is required\n\n${HELP}`);
  const hostKeysFile = typeof args.options.hostkeys === "string" ? args.options.hostkeys : fromResource?.hostKeysFile ? at(fromResource.hostKeysFile) : stack?.hostKeysFile;
  const dataPlane = args.options["data-plane"] ? true : args.options["no-data-plane"] ? false : fromResource ? fromResource.dataPlane : (stack?.dataPlaneChecks ?? false);

  const { loadNetwork, devicesOf, InventoryInvalidError } = await import("../../pipeline/index");
  const net = loadNetwork(inventory);
  const errors = net.diagnostics.filter((d) => d.severity === "error");
  if (!net.inventory || errors.length > 0) throw new CliError(new InventoryInvalidError(inventory, errors).message, 2);
  const inv = net.inventory;
  const known = inv.sites.map((s) => s.name);
  const named = (args.options.site as string[] | undefined) ?? [];
  const unknown = named.filter((s) => !known.includes(s));
  if (unknown.length) throw new UsageError(`unknown site(s) ${unknown.join(", ")} (not in ${inventory})`);
  // Sites in the stack's order; a site's data-plane checks include those with the sites verified before it.
  const order = fromResource ? [...fromResource.peers, fromResource.site] : stack && stack.sites.length > 0 ? [...stack.sites] : known;
  const sites = named.length > 0 ? order.filter((s) => named.includes(s)).concat(named.filter((s) => !order.includes(s))) : fromResource ? [fromResource.site] : order;

  const { readHostKeys, targetBuilder } = await import("../../transport/targets");
  let keys: Map<string, string> | undefined;
  try {
    if (hostKeysFile) keys = readHostKeys(hostKeysFile);
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
  const creds = loginCredentials(process.env, stack?.sshKeyFile);
  const { environmentSecrets, redactor } = await import("../../util/redact");
  const clean = redactor([...environmentSecrets(process.env), creds.password, creds.privateKey]);
  const write = (text: string) => new Promise<void>((resolve) => process.stdout.write(clean(text), () => resolve()));
  const { openSession } = await import("../../transport/index");
  const { platformOf } = await import("../../platforms/registry");
  const { verifySite, verificationText } = await import("../../lab/verification");
  const deps = {
    platform: (name: string) => platformOf(name),
    devices: (i: typeof inv) => devicesOf(i),
    openSession,
    target: targetBuilder(keys, creds, timeout ? timeout * 1000 : undefined),
  };
  const reports = [];
  for (const site of sites) {
    const peers = fromResource ? fromResource.peers : order.slice(0, Math.max(0, order.indexOf(site)));
    const report = await verifySite(inv, deps, { site, peers, dataPlane });
    reports.push(report);
    if (format === "text") await write(verificationText(report, fromResource?.stack ?? (args.options.stack as string | undefined)));
  }
  if (format === "json") await write(JSON.stringify({ schema: "citydc.verify/v1", ok: reports.every((r) => r.ok), sites: reports }, null, 2) + "\n");
  return reports.every((r) => r.ok) ? 0 : 1;
}
