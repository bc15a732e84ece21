/**
 * The contract of the platforms layer: DeviceIntent (intent/types.ts) --platforms/<name>--> ConfigObject[],
 * the change set between two sets of config objects, and the Platform interface every network OS module
 * implements. Nothing here imports Pulumi or does I/O.
 */
import type { PlatformName } from "../model/types";
import type { DeviceIntent } from "../intent/types";
import type { PlatformCapabilities } from "../model/capabilities";

// ---------------------------------------------------------------- config objects (layer 3)

export type ObjectKind = "system" | "vrf" | "vlan" | "stp" | "mlag" | "lag" | "port" | "management" | "gateway" | "route" | "bgp" | "qos" | "acl" | "security";

/**
 * Apply order of kinds; removal runs in the reverse order. Spanning tree is set before ports join it; the
 * multi-chassis pair (DFS group, vPC domain, MLAG, ICCP) before the LAGs that name it; the in-band
 * management interface after the ports that carry its VLAN; QoS and ACLs after the ports, LAGs and gateways
 * they are bound to (removed before them); security zones last (they name interfaces).
 */
export const KIND_ORDER: readonly ObjectKind[] = ["system", "vrf", "vlan", "stp", "mlag", "lag", "port", "management", "gateway", "route", "bgp", "qos", "acl", "security"];

/** One piece of device configuration with everything needed to apply, remove and verify it. */
export interface ConfigObject {
  readonly device: string;
  readonly kind: ObjectKind;
  /** Stable within the device: "vlan:120", "port:10GE1/0/5", "lag:Eth-Trunk1", "gateway:120", "route:default:0.0.0.0/0", "bgp". */
  readonly key: string;
  /** For people: "VLAN 120 (video)", "port 10GE1/0/5 access VLAN 20". */
  readonly summary: string;
  /** Platform-neutral facts of the object, compared by plan, diff and drift. Values are JSON scalars or arrays of them. */
  readonly fields: Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;
  /** Lines / commands that create or update it, in the platform's syntax (no config-mode enter/leave, no commit). */
  readonly apply: readonly string[];
  /** Lines / commands that remove it. */
  readonly remove: readonly string[];
  /** Command whose output `Platform.parseReadBack` understands. */
  readonly readBack: string;
  /**
   * Set on an object rebuilt from a lean state (provider/types.ts `expandObjects`): the digest of the apply lines
   * it was applied with. A change set compares two objects' digests when both have one, their lines otherwise.
   */
  readonly digest?: string;
}

export interface ObjectChange {
  readonly action: "add" | "change" | "remove";
  readonly key: string;
  readonly kind: ObjectKind;
  readonly summary: string;
  /** For "change": the fields that differ, old and new value. */
  readonly fields?: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
  /** The lines that carry out the change, in platform syntax. */
  readonly commands: readonly string[];
}

export interface DeviceChangeSet {
  readonly device: string;
  readonly platform: PlatformName;
  /** In safe order: adds/changes by KIND_ORDER, then removals in reverse kind order; never the management path. */
  readonly changes: readonly ObjectChange[];
  /** The whole script to send in one session (wrapped in the platform's transaction/commit). */
  readonly script: readonly string[];
}

/** What a read-back of one object found on the device. */
export interface ReadBackResult {
  readonly present: boolean;
  /** The facts found, comparable with ConfigObject.fields. */
  readonly fields?: ConfigObject["fields"];
}


/** How an interactive CLI behaves, for the shell session driver (transport/shell). */
export interface ShellDialect {
  /** Matches the prompt at the end of the output (operational or configuration mode). */
  readonly prompt: RegExp;
  /** Commands sent after login to turn paging off ("screen-length 0 temporary", "terminal length 0"). */
  readonly pagingOff: readonly string[];
  /** Enter configuration mode ("system-view", "configure terminal"). */
  readonly enterConfig: readonly string[];
  /** Make the candidate live where the platform has a commit ("commit"); empty otherwise. */
  readonly commit: readonly string[];
  /** Discard what was sent after an error ("abort", "rollback configuration ..."); run before leaving config mode. */
  readonly abort: readonly string[];
  /** Leave configuration mode ("return", "end"). */
  readonly exitConfig: readonly string[];
  /** Persist the running configuration ("save" + confirmation, "copy running-config startup-config"). */
  readonly save: readonly string[];
  /** Output that means the last command failed ("^Error:", "^% "). */
  readonly errorPatterns: readonly RegExp[];
  /** Questions the CLI may ask and the answer to send ([/Y\/N\]/, "Y"). */
  readonly confirmations: readonly { readonly pattern: RegExp; readonly answer: string }[];
}

/**
 * How a device shows its running configuration, read-only: the configuration backups taken before and after
 * every change (components/backup.ts) and `citydc backup` run it over the device's pinned login.
 */
export interface RunningConfig {
  /** One read-only command: run on an exec channel (transport "exec") or typed at the CLI prompt ("shell"). */
  readonly command: string;
  /**
   * The command's output as configuration text that people read and diff: stable order, no volatile lines.
   * Output it does not understand comes back as it is. Absent: the output, line ends trimmed.
   */
  readonly text?: (output: string) => string;
}

/** One network OS. Every platform module implements all of it (a test checks each one). */
export interface Platform {
  readonly name: PlatformName;
  readonly capabilities: PlatformCapabilities;
  /** The device's config objects, in apply order. */
  objects(intent: DeviceIntent): ConfigObject[];
  /** Full configuration text as an engineer would read it on the device. */
  fullConfig(intent: DeviceIntent, objects: readonly ConfigObject[]): string;
  /**
   * Wraps ordered commands into one atomic session script (transaction / commit / save).
   * exec transport: shell lines run by `sh -e` on the device in ONE exec channel (ovs: a single
   * `ovs-vsctl` transaction; frr: one `vtysh` run). shell transport: the CLI lines as typed, for display;
   * the shell driver uses `shell` to type them.
   */
  wrap(commands: readonly string[]): string[];
  /** For capabilities.transport === "shell": how its CLI behaves. */
  readonly shell?: ShellDialect;
  /**
   * Lines that turn `oldObject` (same key) into `newObject` on a device that holds the old one, where
   * re-sending `newObject.apply` would not do it (additive allowed lists, mode changes, LAG membership).
   * Absent or returning undefined: `newObject.apply` is used.
   */
  change?(oldObject: ConfigObject, newObject: ConfigObject): string[] | undefined;
  /** Parses the output of `object.readBack`. */
  parseReadBack(object: ConfigObject, output: string): ReadBackResult;
  /** How to show the device's running configuration (for the backups before and after a change). */
  readonly runningConfig: RunningConfig;
}
