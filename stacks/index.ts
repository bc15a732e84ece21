/**
 * The citydc Pulumi program, run inline through the Automation API (pulumi/stacks.ts). One stack per site
 * group: `primary` (the City Data Center and the city authorities' WAN sites), `dr` (the DR site) and `lab`.
 * Stack config (stacks/Pulumi.<stack>.yaml): the citydc:* keys of stacks/settings.ts, and the secrets
 * citydc:sshPassword / citydc:sshPrivateKey (else the environment's, transport/targets.ts).
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { Diagnostic, Inventory } from "../model/types";
import { buildNetwork } from "../components/network";
import type { DeviceBuild } from "../components/types";
import { InventoryInvalidError, isDrParity, loadNetwork } from "../pipeline/index";
import { diagnosticText } from "../model/diagnostics";
import type { DeviceCredentials, DeviceTargetInput } from "../provider/types";
import { configBoolean, resolveStackConfig, type ProgramSettings, type StackConfig, type StackConfigValues } from "./settings";
import { credentialsFromEnv, loginOf, readHostKeys } from "../transport/targets";
import { drProtectedOutput, parityAgainstApplied } from "./drReference";

export type { ProgramSettings } from "./settings";

type Overrides = Partial<ProgramSettings> & {
  readonly root: string;
  readonly stack: string;
  /** Whether the backend has a stack of this project (undefined: not known); set by pulumi/stacks.ts. */
  readonly stackExists?: (stack: string) => boolean | undefined;
};

/** Stack config (stacks/settings.ts rules) merged under the run's overrides. Call inside a Pulumi program. */
export function resolveSettings(o: Overrides): ProgramSettings & { credentialsInput?: pulumi.Input<DeviceCredentials> } {
  const cfg = new pulumi.Config("citydc");
  const values: StackConfigValues = {
    inventory: o.inventory ?? cfg.get("inventory"),
    sites: o.sites ?? cfg.getObject<string[]>("sites"),
    site: cfg.get("site"),
    hostKeysFile: o.hostKeysFile ?? cfg.get("hostKeysFile"),
    sshKeyFile: cfg.get("sshKeyFile"),
    verify: o.verify ?? configBoolean(cfg.get("verify")),
    dataPlaneChecks: o.dataPlaneChecks ?? configBoolean(cfg.get("dataPlaneChecks")),
    backups: o.backups ?? configBoolean(cfg.get("backups")),
    primaryStack: o.primaryStack ?? cfg.get("primaryStack"),
  };
  let stack: StackConfig;
  try {
    stack = resolveStackConfig(values, o.root, o.stack);
  } catch (err) {
    throw new pulumi.RunError((err as Error).message);
  }
  let credentialsInput: pulumi.Input<DeviceCredentials> | undefined = o.credentials;
  if (!credentialsInput) {
    const pw = cfg.getSecret("sshPassword");
    const key = cfg.getSecret("sshPrivateKey");
    if (pw || key) {
      credentialsInput = pulumi.all([pw, key]).apply(([p, k]) => ({ ...(p ? { password: p } : {}), ...(k ? { privateKey: k } : {}) }));
    } else {
      let found: ReturnType<typeof credentialsFromEnv>;
      try {
        found = credentialsFromEnv(process.env, stack.sshKeyFile);
      } catch (err) {
        throw new pulumi.RunError((err as Error).message);
      }
      for (const note of found.notes) pulumi.log.warn(note);
      if (found.credentials.password || found.credentials.privateKey) credentialsInput = found.credentials;
    }
  }
  return {
    root: o.root,
    stack: o.stack,
    inventory: stack.inventory,
    sites: stack.sites,
    ...(stack.hostKeysFile ? { hostKeysFile: stack.hostKeysFile } : {}),
    ...(o.requireDrParity !== undefined ? { requireDrParity: o.requireDrParity } : {}),
    ...(credentialsInput !== undefined ? { credentialsInput } : {}),
    verify: stack.verify,
    dataPlaneChecks: stack.dataPlaneChecks,
    backups: stack.backups,
    ...(stack.primaryStack ? { primaryStack: stack.primaryStack } : {}),
  };
}

/** A path as the command resources record it: relative to the checkout when inside it (see components/checks.ts). */
function recorded(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** The stack's pinned host keys (transport/targets.ts); a file that does not exist yet pins nothing. */
function stackHostKeys(file: string): Map<string, string> {
  if (!fs.existsSync(file)) {
    pulumi.log.warn(`citydc:hostKeysFile ${file} does not exist (yet): no host key pinned from it`);
    return new Map();
  }
  try {
    return readHostKeys(file);
  } catch (err) {
    throw new pulumi.RunError(`citydc:hostKeysFile: ${(err as Error).message}`);
  }
}

/** The stack reference's name for a stack of this project ("primary" -> organization/citydc/primary on a DIY backend). */
export function stackReferenceName(stack: string): string {
  return stack.includes("/") ? stack : `organization/citydc/${stack}`;
}

/**
 * Reads the primary stack's `drProtected` output and checks this run's DR sites against it. A primary stack
 * that was never applied on this backend (or has no such output yet) is reported and checks nothing.
 */
async function parityWithPrimaryStack(primaryStack: string, inv: Inventory, devices: Iterable<DeviceBuild>, sites: readonly string[]): Promise<string[]> {
  const ref = new pulumi.StackReference(`dr-parity:${primaryStack}`, { name: stackReferenceName(primaryStack) });
  let applied: unknown;
  try {
    applied = (await ref.getOutputDetails("drProtected")).value;
  } catch (err) {
    pulumi.log.warn(`citydc:primaryStack ${primaryStack}: its outputs could not be read (${(err as Error).message.split("\n")[0]}): DR parity is checked against the inventory only`);
    return [];
  }
  if (!applied || typeof applied !== "object") {
    pulumi.log.warn(`citydc:primaryStack ${primaryStack} has applied nothing yet on this backend: DR parity is checked against the inventory only`);
    return [];
  }
  return parityAgainstApplied(inv, devices, sites, primaryStack, applied as Record<string, number[]>);
}

export function program(overrides: Overrides): PulumiFn {
  return async () => {
    const s = resolveSettings(overrides);
    const net = loadNetwork(s.inventory);
    const errors = net.diagnostics.filter((d) => d.severity === "error" && (!isDrParity(d) || !net.inventory));
    if (!net.inventory || errors.length > 0) throw new pulumi.RunError(new InventoryInvalidError(s.inventory, errors).message);
    for (const d of net.diagnostics.filter((x) => x.severity === "warning")) pulumi.log.warn(diagnosticText(d));
    const inv = net.inventory;
    const hostKeys = s.hostKeysFile ? stackHostKeys(s.hostKeysFile) : new Map<string, string>();
    const chosen = new Set(s.sites.length > 0 ? s.sites : inv.sites.map((x) => x.name));

    const devices = new Map<string, DeviceBuild>();
    const unpinned: string[] = [];
    for (const d of inv.devices) {
      const intent = net.intents.get(d.name);
      if (!intent) continue;
      const target: DeviceTargetInput = loginOf(d, hostKeys);
      if (chosen.has(d.site) && !target.hostKey) unpinned.push(d.name);
      devices.set(d.name, { device: d, intent, objects: net.objects.get(d.name) ?? [], target });
    }
    if (unpinned.length > 0) {
      pulumi.log.warn(
        `${unpinned.length} device(s) have no pinned SSH host key (${unpinned.slice(0, 5).join(", ")}${unpinned.length > 5 ? ", ..." : ""}): ` +
          `preview works, but up refuses to log in to them; set management.hostKey in the inventory or citydc:hostKeysFile`,
      );
    }

    // DR parity against what the primary stack last applied (stacks/drReference.ts), read through a stack reference
    if (s.primaryStack && inv.dr.some((d) => chosen.has(d.site)) && s.requireDrParity !== false) {
      const problems =
        overrides.stackExists?.(s.primaryStack) === false
          ? (pulumi.log.warn(`citydc:primaryStack ${s.primaryStack}: no such stack on this backend (never applied here): DR parity is checked against the inventory only`), [])
          : await parityWithPrimaryStack(s.primaryStack, inv, devices.values(), [...chosen]);
      if (problems.length > 0) throw new pulumi.RunError(problems.join("\n"));
    }

    const parity = new Map<string, Diagnostic[]>();
    const drSites = inv.sites.filter((x) => x.role === "dr").map((x) => x.name);
    for (const d of net.diagnostics.filter((x) => isDrParity(x) && x.severity === "error")) {
      // The DR site a parity error concerns: from its path (/dr/<i>, /sites/<i>), else every DR site it names, else all.
      const m = /^\/(dr|sites)\/(\d+)/.exec(d.path);
      const fromPath = m ? (m[1] === "dr" ? inv.dr[Number(m[2])]?.site : inv.sites[Number(m[2])]?.name) : undefined;
      const named = drSites.filter((n) => `${d.object ?? ""} ${d.message}`.includes(n));
      const sites = fromPath ? [fromPath] : named.length > 0 ? named : drSites;
      for (const site of sites) parity.set(site, [...(parity.get(site) ?? []), d]);
    }
    if (s.requireDrParity === false) parity.clear();

    try {
      const checks = {
        backups: s.backups !== false,
        ...(s.verify !== false
          ? {
              verify: {
                stack: s.stack,
                inventory: recorded(s.root, s.inventory),
                ...(s.hostKeysFile ? { hostKeysFile: recorded(s.root, s.hostKeysFile) } : {}),
                dataPlane: s.dataPlaneChecks === true,
              },
            }
          : {}),
      };
      buildNetwork({ network: { inventory: inv, devices, checks, ...(s.credentialsInput !== undefined ? { credentials: s.credentialsInput } : {}) }, sites: [...chosen], parity });
    } catch (err) {
      throw new pulumi.RunError(err instanceof Error ? err.message : String(err));
    }
    const built = [...devices.values()].filter((d) => chosen.has(d.device.site));
    return {
      inventory: path.relative(s.root, s.inventory) || s.inventory,
      sites: [...chosen],
      devices: built.length,
      objects: built.reduce((n, d) => n + d.objects.length, 0),
      // what a DR site's stack checks its parity against (citydc:primaryStack)
      drProtected: drProtectedOutput(inv, built, [...chosen]),
    };
  };
}
