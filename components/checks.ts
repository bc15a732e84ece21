/**
 * The command resources (`@pulumi/command` 1.2.1) around citydc's own DeviceConfig:
 *
 *   <device>:config-before   captures the device's running configuration; its DeviceConfig depends on it;
 *   <device>:config-after    captures it again once the DeviceConfig is applied;
 *   <site>:verify            after the site's DeviceConfigs: `citydc verify`, which reads every config object of
 *                            the site back from its devices (and, where the stack says so, runs the lab's
 *                            data-plane checks) and fails the `pulumi up`, naming device and object, when the
 *                            network does not do what the inventory says.
 *
 * Each carries the digest of what it covers (device names, platforms, logins and config objects) as its
 * `triggers`: a change of that digest replaces it (a command runs only on create), any other run leaves it
 * alone, so an `up` that changes nothing contacts no device. Commands never run during a preview and have
 * no read: refresh leaves them as they are (drift has its own tool, `citydc drift`).
 *
 * Backups use the device's pinned login. Exec-channel platforms (ovs, frr) get a `command:remote:Command`
 * with `connection.hostKey` pinned (a host key that differs refuses the login) and no SSH agent; interactive-CLI
 * platforms (huawei-vrp, cisco-nxos, arista-eos, junos) a `command:local:Command` running `citydc backup`, which
 * drives the device's CLI with citydc's shell driver. Their output is a secret in the state (a running
 * configuration can hold keys); logging is off. Credentials reach every command as secrets, never on a
 * command line. A device without a pinned host key gets no backup (its DeviceConfig refuses to log in anyway).
 *
 * The commands run citydc from `$CITYDC_ROOT` (citydc's runs set it, and CITYDC_NODE) or, for plain `pulumi`,
 * the checkout above the directory the engine starts the command plugin in (the program's, dist/stacks): no
 * absolute path lands in the state, so a checkout in another place (another CI runner) does not re-run them.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as command from "@pulumi/command";
import type { PlatformName } from "../model/types";
import { findPlatform } from "../platforms/registry";
import type { DeviceCredentials, DeviceTargetInput, FullObject } from "../provider/types";
import { canonicalJson } from "../util/canonical";

/** What the backups and the verification of a stack do (stack config citydc:backups, citydc:verify, citydc:dataPlaneChecks). */
export interface CheckSettings {
  /** Capture each changed device's running configuration before and after its change (default true). */
  readonly backups: boolean;
  /** One verification per site after its devices (default true); undefined: none. */
  readonly verify?: VerifySpecBase;
}

/** The stack-wide part of a site's verification spec (what `citydc verify` gets in CITYDC_VERIFY). */
export interface VerifySpecBase {
  readonly stack: string;
  /** The inventory, relative to the checkout when inside it. */
  readonly inventory: string;
  readonly hostKeysFile?: string;
  /** Run the lab's data-plane checks (config citydc:dataPlaneChecks: only where the lab's host namespaces exist). */
  readonly dataPlane: boolean;
}

/** What `citydc verify` is told (JSON in CITYDC_VERIFY). */
export interface VerifySpec extends VerifySpecBase {
  readonly site: string;
  /** Sites of the stack verified before this one: data-plane checks between this site and them are this site's. */
  readonly peers: readonly string[];
}

/** The part of a device a digest covers: a change of any of it is a change of the device. */
export interface DigestInput {
  readonly device: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  /** With their lines (the digest is the same as before the DeviceConfig's state became lean). */
  readonly objects: Readonly<Record<string, FullObject>>;
}

/** sha256 over the canonical JSON of devices (sorted by name): the same devices, objects and logins give the same digest. */
export function configDigest(devices: readonly DigestInput[], extra?: unknown): string {
  const sorted = [...devices].sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
  const body = sorted.map((d) => ({ device: d.device, platform: d.platform, target: d.target, objects: d.objects }));
  return createHash("sha256").update(canonicalJson({ devices: body, ...(extra !== undefined ? { extra } : {}) })).digest("hex");
}

/** A single-quoted word for /bin/sh. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command line that runs citydc itself from a command resource (no absolute path: see the header). */
export function citydcCommand(args: readonly string[]): string {
  const find = 'r="${CITYDC_ROOT:-$PWD}"; while [ ! -f "$r/bin/citydc.js" ] && [ "$r" != / ]; do r=$(dirname "$r"); done';
  return `${find}; "\${CITYDC_NODE:-node}" "$r/bin/citydc.js" ${args.map(shellWord).join(" ")}`;
}

/** The login secrets as command environment, always both keys ("" when absent), as Pulumi secrets. */
function loginEnvironment(credentials: pulumi.Input<DeviceCredentials> | undefined): Record<string, pulumi.Output<string>> {
  const c = pulumi.output(credentials ?? {});
  return {
    CITYDC_LOGIN_KEY: pulumi.secret(c.apply((x) => x?.privateKey ?? "")),
    CITYDC_LOGIN_PASSWORD: pulumi.secret(c.apply((x) => x?.password ?? "")),
  };
}

export interface BackupArgs {
  readonly device: string;
  readonly platform: PlatformName;
  readonly target: DeviceTargetInput;
  readonly credentials?: pulumi.Input<DeviceCredentials>;
  /** configDigest of the device: the triggers. */
  readonly digest: string;
}

export type BackupWhen = "before" | "after";

/** Resource name of a device's backup. */
export function backupName(device: string, when: BackupWhen): string {
  return `${device}:config-${when}`;
}

/** Resource name of a site's verification. */
export function verifyName(site: string): string {
  return `${site}:verify`;
}

/**
 * One backup of a device's running configuration. Undefined when the device has no pinned host key (no login
 * may happen without one) or its platform is unknown.
 */
export function configBackup(when: BackupWhen, args: BackupArgs, opts: pulumi.CustomResourceOptions): pulumi.CustomResource | undefined {
  const platform = findPlatform(args.platform);
  if (!platform || !args.target.hostKey) return undefined;
  const name = backupName(args.device, when);
  const options: pulumi.CustomResourceOptions = { ...opts, additionalSecretOutputs: ["stdout", "stderr"] };
  if (platform.capabilities.transport === "exec") {
    const t = args.target;
    const connection = pulumi.secret(
      pulumi.output(args.credentials ?? {}).apply((c) => ({
        host: t.host,
        port: t.port,
        user: t.user,
        hostKey: t.hostKey,
        // a few attempts for a device that is busy; a refused host key fails every one of them
        dialErrorLimit: 3,
        perDialTimeout: 15,
        ...(c?.privateKey ? { privateKey: c.privateKey } : {}),
        ...(c?.password ? { password: c.password } : {}),
      })),
    );
    return new command.remote.Command(
      name,
      { connection, create: platform.runningConfig.command, triggers: [args.digest], logging: "none", addPreviousOutputInEnv: false },
      options,
    );
  }
  const login = { device: args.device, platform: args.platform, host: args.target.host, port: args.target.port, user: args.target.user, hostKey: args.target.hostKey };
  return new command.local.Command(
    name,
    {
      create: citydcCommand(["backup", "--device", args.device]),
      environment: { CITYDC_BACKUP_TARGET: JSON.stringify(login), ...loginEnvironment(args.credentials) },
      triggers: [args.digest],
      logging: "none",
      addPreviousOutputInEnv: false,
    },
    options,
  );
}

/** A site's verification: `citydc verify --site S` after the site's devices (and after the previous site's verification). */
export function siteVerification(
  spec: VerifySpec,
  digest: string,
  credentials: pulumi.Input<DeviceCredentials> | undefined,
  opts: pulumi.CustomResourceOptions,
): command.local.Command {
  return new command.local.Command(
    verifyName(spec.site),
    {
      create: citydcCommand(["verify", "--site", spec.site]),
      environment: { CITYDC_VERIFY: canonicalJson(spec), ...loginEnvironment(credentials) },
      triggers: [digest],
      // citydc verify prints only names, keys and facts, never a credential
      logging: "stdout",
      addPreviousOutputInEnv: false,
    },
    opts,
  );
}
