/**
 * `citydc generate`: writes a synthetic inventory of any size (for benchmarks and the lab).
 *
 *   citydc generate --sites N --racks-per-site R --leafs-per-rack L [--spines S] [--branches B]
 *                   [--vlans V] [--interfaces-per-leaf I] [--hosts-per-leaf H] [--platform P]
 *                   [--lab [--port-base P]] [--user NAME] [--name NAME] [--seed N] [--out FILE]
 *
 * Exit codes: 0 written, 2 usage or I/O error.
 */
import { writeFileSync } from "fs";
import { makeDirs } from "../../util/dirs";
import { dirname, relative, resolve } from "path";
import { parseArgs, oneOf } from "../../util/args";
import { UsageError, CliError } from "../../util/errors";
import type { PlatformName } from "../../model/types";
import { CAPABILITIES, PLATFORM_NAMES } from "../../model/capabilities";
import { DEFAULTS, LAB_DEFAULTS, GenerateError, generateInventory, countInventory, type GenerateOptions } from "../../generate/generator";
import { inventoryToYaml } from "../../generate/document";

/** Platforms that can be the switches of a generated fabric: those with L2 (model/capabilities.ts). */
const PLATFORMS: readonly PlatformName[] = PLATFORM_NAMES.filter((p) => CAPABILITIES[p].features.includes("l2"));

export const HELP = `usage: citydc generate [options]

Writes a synthetic inventory: data-center sites in primary/DR pairs (spine-leaf), leaf pairs with peer
LAGs, server bonds, VLANs stretched across each pair and local to a site, hosts on access ports, and
branch sites on routed WAN links with BGP. Same options and seed, same file.

options:
  --sites N                data-center sites, paired primary/DR (default ${DEFAULTS.sites})
  --racks-per-site R       server racks per site (default ${DEFAULTS.racksPerSite})
  --leafs-per-rack L       leaf switches per rack (default ${DEFAULTS.leafsPerRack})
  --spines S               spines per site (default ${DEFAULTS.spines}; lab ${LAB_DEFAULTS.spines})
  --branches B             branch sites on WAN links (default ${DEFAULTS.branches}; lab ${LAB_DEFAULTS.branches})
  --vlans V                VLANs per data-center site, ~40% stretched (default ${DEFAULTS.vlans}; lab ${LAB_DEFAULTS.vlans})
  --interfaces-per-leaf I  physical interfaces per leaf (default ${DEFAULTS.interfacesPerLeaf}; lab ${LAB_DEFAULTS.interfacesPerLeaf})
  --hosts-per-leaf H       hosts on access ports per leaf (default ${DEFAULTS.hostsPerLeaf}; lab ${LAB_DEFAULTS.hostsPerLeaf})
  --platform P             ${PLATFORMS.join(", ")} (default ${DEFAULTS.platform})
  --lab                    Open vSwitch/FRR devices managed at 127.0.0.1, one SSH port each, for \`citydc lab up\`
  --port-base P            lab: SSH port of the first device (default ${DEFAULTS.portBase})
  --user NAME              management login user (default ${DEFAULTS.user}; lab ${LAB_DEFAULTS.user})
  --name NAME              inventory name
  --prefix P-              prefix of every site (and so device) name, e.g. bench- (keeps several labs apart)
  --seed N                 random seed (default ${DEFAULTS.seed})
  --out FILE               write to FILE instead of standard output
  --summary                print the counts (devices, interfaces, ...) to standard error

exit codes: 0 written, 2 usage or I/O error`;

const SPEC = {
  sites: { type: "string" },
  "racks-per-site": { type: "string" },
  "leafs-per-rack": { type: "string" },
  spines: { type: "string" },
  branches: { type: "string" },
  vlans: { type: "string" },
  "interfaces-per-leaf": { type: "string" },
  "hosts-per-leaf": { type: "string" },
  platform: { type: "string" },
  lab: { type: "boolean" },
  "port-base": { type: "string" },
  user: { type: "string" },
  name: { type: "string" },
  prefix: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  summary: { type: "boolean" },
  help: { type: "boolean" },
} as const;

function int(options: Record<string, unknown>, name: string, fallback: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number (got '${String(raw)}')`);
  return Number(raw);
}

/** Options from the command line (exported for tests). */
export function optionsFromArgv(argv: readonly string[]): { options: GenerateOptions; out?: string; summary: boolean; help: boolean } {
  const { positionals, options } = parseArgs(argv, SPEC);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (options only; see --help)`);
  const lab = options.lab === true;
  const base: GenerateOptions = lab ? { ...DEFAULTS, ...LAB_DEFAULTS } : DEFAULTS;
  const user = options.user;
  if (user !== undefined && (typeof user !== "string" || !/^[a-z_][a-z0-9_-]{0,31}$/.test(user))) {
    throw new UsageError("--user must be a login name (lower case letters, digits, _ and -)");
  }
  const name = options.name;
  const generate: GenerateOptions = {
    sites: int(options, "sites", base.sites),
    racksPerSite: int(options, "racks-per-site", base.racksPerSite),
    leafsPerRack: int(options, "leafs-per-rack", base.leafsPerRack),
    spines: int(options, "spines", base.spines),
    branches: int(options, "branches", base.branches),
    vlans: int(options, "vlans", base.vlans),
    interfacesPerLeaf: int(options, "interfaces-per-leaf", base.interfacesPerLeaf),
    hostsPerLeaf: int(options, "hosts-per-leaf", base.hostsPerLeaf),
    platform: oneOf("platform", options.platform, PLATFORMS, base.platform),
    lab,
    seed: int(options, "seed", base.seed),
    portBase: int(options, "port-base", base.portBase),
    user: typeof user === "string" ? user : base.user,
    ...(typeof name === "string" ? { name } : {}),
    ...(typeof options.prefix === "string" ? { prefix: options.prefix } : {}),
  };
  return {
    options: generate,
    ...(typeof options.out === "string" ? { out: options.out } : {}),
    summary: options.summary === true,
    help: options.help === true,
  };
}

export async function run(argv: string[]): Promise<number> {
  const parsed = optionsFromArgv(argv);
  if (parsed.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  let inventory;
  try {
    inventory = generateInventory(parsed.options);
  } catch (err) {
    if (err instanceof GenerateError) throw new UsageError(err.message);
    throw err;
  }
  const o = parsed.options;
  const counts = countInventory(inventory);
  // The editor hint points at the repository's schema when the file is written inside the repository.
  const repo = resolve(__dirname, "../../..");
  const inRepo = parsed.out !== undefined && !relative(repo, resolve(parsed.out)).startsWith("..");
  const schemaPath = inRepo ? relative(dirname(resolve(parsed.out!)), resolve(repo, "inventory/schema/inventory.schema.json")) : undefined;
  const flags = [
    `--sites ${o.sites}`,
    `--racks-per-site ${o.racksPerSite}`,
    `--leafs-per-rack ${o.leafsPerRack}`,
    `--spines ${o.spines}`,
    `--branches ${o.branches}`,
    `--vlans ${o.vlans}`,
    `--interfaces-per-leaf ${o.interfacesPerLeaf}`,
    `--hosts-per-leaf ${o.hostsPerLeaf}`,
    ...(o.lab ? [`--lab`, `--port-base ${o.portBase}`] : [`--platform ${o.platform}`]),
    `--seed ${o.seed}`,
    ...(o.prefix ? [`--prefix ${o.prefix}`] : []),
  ];
  const text = inventoryToYaml(inventory, {
    ...(schemaPath ? { schema: schemaPath } : {}),
    header: [
      `Generated by: citydc generate ${flags.join(" ")}`,
      `${counts.devices} devices, ${counts.interfaces} interfaces, ${counts.vlans} VLANs, ${counts.links} links, ${counts.hosts} hosts`,
    ],
  });
  if (parsed.out) {
    try {
      makeDirs(dirname(resolve(parsed.out)));
      writeFileSync(parsed.out, text);
    } catch (err) {
      throw new CliError(`cannot write ${parsed.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
    }
  } else {
    process.stdout.write(text);
  }
  if (parsed.summary || parsed.out) {
    process.stderr.write(
      `${parsed.out ?? "inventory"}: ${counts.sites} sites, ${counts.racks} racks, ${counts.devices} devices, ` +
        `${counts.interfaces} interfaces, ${counts.lags} LAGs, ${counts.vlans} VLANs, ${counts.links} links, ${counts.hosts} hosts\n`,
    );
  }
  return 0;
}
