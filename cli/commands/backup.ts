/**
 * `citydc backup --device NAME [--stack NAME | --inventory FILE --hostkeys FILE]`: prints a device's running
 * configuration, read over its pinned login with the platform's own read-only command (Platform.runningConfig),
 * secrets redacted. The backup resources of CLI-only platforms (VRP, NX-OS, EOS: no exec channel) run it before
 * and after each change, their device's login in CITYDC_BACKUP_TARGET and the secrets CITYDC_LOGIN_KEY /
 * CITYDC_LOGIN_PASSWORD. Exit 0 printed, 1 the device could not be read (named, with the transport error), 2 usage.
 */
import { parseArgs } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { currentRepoRoot } from "../../util/repo";
import { readStackConfig } from "../../stacks/settings";
import type { DeviceTarget } from "../../transport/types";
import { jsonFromEnv, loginCredentials } from "../deviceLogin";

const HELP = `usage: citydc backup --device NAME [--stack NAME | --inventory FILE [--hostkeys FILE]] [--timeout SECONDS]

Logs in to the device as \`citydc up\` does (its pinned host key, the stack's login) and prints its running
configuration, as the platform shows it (ovs: ovs-vsctl; frr: show running-config; junos: show configuration |
display set; VRP: display current-configuration; NX-OS, EOS: show running-config), secrets redacted.

exit codes: 0 printed, 1 the device could not be read, 2 usage or set-up error
`;

/** The login the backup resource passes in CITYDC_BACKUP_TARGET: a DeviceTarget without its credentials. */
type BackupTarget = Pick<DeviceTarget, "device" | "platform" | "host" | "port" | "user" | "hostKey">;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { device: { type: "string" }, stack: { type: "string" }, inventory: { type: "string" }, hostkeys: { type: "string" }, timeout: { type: "string" }, help: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'\n\n${HELP}`);
  const name = args.options.device;
  if (typeof name !== "string" || !name) throw new UsageError(`--device NAME is required\n\n${HELP}`);
  const timeout = args.options.timeout === undefined ? undefined : Number(args.options.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError("--timeout must be a positive number of seconds");
  const stack = typeof args.options.stack === "string" ? readStackConfig(currentRepoRoot(), args.options.stack) : undefined;

  let login = jsonFromEnv<BackupTarget>(process.env, "CITYDC_BACKUP_TARGET");
  if (login && login.device !== name) throw new UsageError(`--device ${name} but CITYDC_BACKUP_TARGET names ${login.device}`);
  if (!login) {
    const file = typeof args.options.inventory === "string" ? args.options.inventory : stack?.inventory;
    if (!file) throw new UsageError(`--stack NAME or --inventory FILE is required\n\n${HELP}`);
    const { loadInventory } = await import("../../model/load");
    const loaded = loadInventory(file);
    const device = loaded.inventory?.devices.find((d) => d.name === name);
    if (!loaded.inventory) throw new CliError(`${file}: invalid inventory`, 2);
    if (!device) throw new UsageError(`unknown device ${name} (not in ${file})`);
    const { loginOf, readHostKeys } = await import("../../transport/targets");
    const keysFile = typeof args.options.hostkeys === "string" ? args.options.hostkeys : stack?.hostKeysFile;
    let keys: Map<string, string> | undefined;
    try {
      if (keysFile) keys = readHostKeys(keysFile);
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
    login = { device: name, platform: device.platform, ...loginOf(device, keys) };
  }
  const { findPlatform } = await import("../../platforms/registry");
  const platform = findPlatform(login.platform);
  if (!platform) throw new CliError(`device ${name}: unknown platform '${login.platform}'`, 2);
  if (!login.hostKey) throw new CliError(`device ${name}: no pinned SSH host key (management.hostKey or the stack's citydc:hostKeysFile): no login without one`, 1);
  const creds = loginCredentials(process.env, stack?.sshKeyFile);
  const target: DeviceTarget = { ...login, ...creds, ...(timeout ? { timeoutMs: timeout * 1000 } : {}) };

  const { openSession } = await import("../../transport/index");
  const { environmentSecrets, redactor } = await import("../../util/redact");
  const clean = redactor([...environmentSecrets(process.env), creds.password, creds.privateKey]);
  let text: string;
  try {
    const session = await openSession(target);
    try {
      const [output = ""] = await session.show([platform.runningConfig.command]);
      text = (platform.runningConfig.text ?? ((o: string) => o))(output);
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch (err) {
    const kind = typeof (err as { kind?: unknown }).kind === "string" ? (err as { kind: string }).kind : "error";
    const message = err instanceof Error ? err.message : String(err);
    throw new CliError(clean(`device ${name} (${login.platform} at ${login.user}@${login.host}:${login.port}): backup failed: ${kind}: ${message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message}`), 1);
  }
  await new Promise<void>((resolve) => process.stdout.write(clean(text), () => resolve()));
  return 0;
}
