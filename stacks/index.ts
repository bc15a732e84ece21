/**
 * The citydc Pulumi program, run inline through the Automation API (pulumi/stacks.ts). One stack per site
 * group: `primary` (the City Data Center and the city authorities' WAN sites), `dr` (the DR site) and `lab`.
 * Stack config (stacks/Pulumi.<stack>.yaml):
 *   citydc:inventory      inventory file, relative to the repo root
 *   citydc:sites          list of site names this stack configures (or citydc:site for one)
 *   citydc:hostKeysFile   optional file of pinned host keys (known_hosts lines: device name or [addr]:port)
 *   citydc:sshPassword / citydc:sshPrivateKey   secrets; else CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE,
 *   else citydc:sshKeyFile (a key file path; the lab's generated key)
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { Device, Diagnostic } from "../inventory/types";
import { buildNetwork } from "../components/network";
import type { DeviceBuild } from "../components/types";
import { InventoryInvalidError, isDrParity, loadNetwork } from "../pulumi/model";
import type { DeviceCredentials, DeviceTargetInput } from "../provider/types";
import type { ProgramSettings } from "./settings";
import { parseHostKeys } from "../audit/targets";

export type { ProgramSettings } from "./settings";

type Overrides = Partial<ProgramSettings> & { readonly root: string; readonly stack: string };

/** Stack config merged under the run's overrides. Call inside a Pulumi program. */
export function resolveSettings(o: Overrides): ProgramSettings & { credentialsInput?: pulumi.Input<DeviceCredentials> } {
  const cfg = new pulumi.Config("citydc");
  const rel = (p: string) => (path.isAbsolute(p) ? p : path.join(o.root, p));
  const inventory = o.inventory ?? cfg.get("inventory");
  if (!inventory) throw new pulumi.RunError(`stack ${o.stack}: set citydc:inventory in stacks/Pulumi.${o.stack}.yaml (the inventory file to build from)`);
  const one = cfg.get("site");
  const sites = o.sites ?? cfg.getObject<string[]>("sites") ?? (one ? [one] : []);
  const hostKeysFile = o.hostKeysFile ?? cfg.get("hostKeysFile");
  let credentialsInput: pulumi.Input<DeviceCredentials> | undefined = o.credentials;
  if (!credentialsInput) {
    const pw = cfg.getSecret("sshPassword");
    const key = cfg.getSecret("sshPrivateKey");
    if (pw || key) {
      credentialsInput = pulumi.all([pw, key]).apply(([p, k]) => ({ ...(p ? { password: p } : {}), ...(k ? { privateKey: k } : {}) }));
    } else {
      const envPw = process.env.CITYDC_SSH_PASSWORD;
      const envKey = process.env.CITYDC_SSH_KEY_FILE;
      const cfgKey = cfg.get("sshKeyFile");
      let privateKey: string | undefined;
      if (envKey) privateKey = readFileOrFail(envKey, "CITYDC_SSH_KEY_FILE");
      else if (cfgKey && fs.existsSync(rel(cfgKey))) privateKey = readFileOrFail(rel(cfgKey), "citydc:sshKeyFile");
      else if (cfgKey) pulumi.log.warn(`citydc:sshKeyFile ${rel(cfgKey)} does not exist (yet): preview works, up cannot log in`);
      if (envPw || privateKey) credentialsInput = { ...(envPw ? { password: envPw } : {}), ...(privateKey ? { privateKey } : {}) };
    }
  }
  return {
    root: o.root,
    stack: o.stack,
    inventory: rel(inventory),
    sites,
    ...(hostKeysFile ? { hostKeysFile: rel(hostKeysFile) } : {}),
    ...(o.requireDrParity !== undefined ? { requireDrParity: o.requireDrParity } : {}),
    ...(credentialsInput !== undefined ? { credentialsInput } : {}),
  };
}

function readFileOrFail(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new pulumi.RunError(`${what}=${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Pinned host keys from a file: known_hosts-style lines "<device | [addr]:port | addr> <type> <key>", or the
 * lab's JSON (hostkeys.json / lab.json); the same format the audit tools read (audit/targets.ts).
 */
export function readHostKeys(file: string): Map<string, string> {
  if (!fs.existsSync(file)) {
    pulumi.log.warn(`citydc:hostKeysFile ${file} does not exist (yet): no host key pinned from it`);
    return new Map();
  }
  try {
    return parseHostKeys(readFileOrFail(file, "citydc:hostKeysFile"));
  } catch (err) {
    if (err instanceof pulumi.RunError) throw err;
    throw new pulumi.RunError(`citydc:hostKeysFile ${file}: not a host-keys file (${err instanceof Error ? err.message : String(err)})`);
  }
}

export function targetOf(d: Device, hostKeys: ReadonlyMap<string, string>): DeviceTargetInput {
  const m = d.management;
  const hostKey =
    m.hostKey ?? hostKeys.get(d.name) ?? hostKeys.get(`[${m.address}]:${m.port}`) ?? (m.port === 22 ? hostKeys.get(m.address) : undefined) ?? "";
  return { host: m.address, port: m.port, user: m.user, hostKey };
}

export function program(overrides: Overrides): PulumiFn {
  return async () => {
    const s = resolveSettings(overrides);
    const net = loadNetwork(s.inventory);
    const errors = net.diagnostics.filter((d) => d.severity === "error" && (!isDrParity(d) || !net.inventory));
    if (!net.inventory || errors.length > 0) throw new pulumi.RunError(new InventoryInvalidError(s.inventory, errors).message);
    for (const d of net.diagnostics.filter((x) => x.severity === "warning")) pulumi.log.warn(`${d.file}:${d.line}: ${d.code} ${d.object ?? d.path}: ${d.message}`);
    const inv = net.inventory;
    const hostKeys = s.hostKeysFile ? readHostKeys(s.hostKeysFile) : new Map<string, string>();
    const chosen = new Set(s.sites.length > 0 ? s.sites : inv.sites.map((x) => x.name));

    const devices = new Map<string, DeviceBuild>();
    const unpinned: string[] = [];
    for (const d of inv.devices) {
      const intent = net.intents.get(d.name);
      if (!intent) continue;
      const target = targetOf(d, hostKeys);
      if (chosen.has(d.site) && !target.hostKey) unpinned.push(d.name);
      devices.set(d.name, { device: d, intent, objects: net.objects.get(d.name) ?? [], target });
    }
    if (unpinned.length > 0) {
      pulumi.log.warn(
        `${unpinned.length} device(s) have no pinned SSH host key (${unpinned.slice(0, 5).join(", ")}${unpinned.length > 5 ? ", ..." : ""}): ` +
          `preview works, but up refuses to log in to them; set management.hostKey in the inventory or citydc:hostKeysFile`,
      );
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
      buildNetwork({ network: { inventory: inv, devices, ...(s.credentialsInput !== undefined ? { credentials: s.credentialsInput } : {}) }, sites: [...chosen], parity });
    } catch (err) {
      throw new pulumi.RunError(err instanceof Error ? err.message : String(err));
    }
    const built = [...devices.values()].filter((d) => chosen.has(d.device.site));
    return {
      inventory: path.relative(s.root, s.inventory) || s.inventory,
      sites: [...chosen],
      devices: built.length,
      objects: built.reduce((n, d) => n + d.objects.length, 0),
    };
  };
}
