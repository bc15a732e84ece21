/**
 * Benchmarks of the pure layers as whole processes, the way people and CI run them:
 * `citydc validate`, `citydc render` (load + validate + intent + render + write files), `citydc diff`
 * and `citydc diff --impact` of two revisions, on generated inventories of growing size.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { generateInventory, countInventory, DEFAULTS, type GenerateOptions } from "../generate/generator";
import { inventoryToYaml } from "../generate/document";
import { reviseForDiff } from "./mutate";
import { measure, type Measured } from "./measure";

export interface PureCase {
  readonly label: string;
  readonly switches: number;
  readonly devices: number;
  readonly interfaces: number;
  readonly fileMiB: number;
  readonly results: Readonly<Record<string, Measured | { readonly error: string }>>;
}

/** Generator options for about `switches` spines + leafs: 4 sites (two DR pairs), 8 leafs per rack, 50 interfaces per leaf. */
export function sizeOptions(switches: number, seed = 1): GenerateOptions {
  const sites = switches >= 40 ? 4 : 2;
  const spines = 2;
  const leafsPerRack = 8;
  const leafsPerSite = Math.max(2, Math.round(switches / sites) - spines);
  return {
    ...DEFAULTS,
    sites,
    spines,
    racksPerSite: Math.max(1, Math.ceil(leafsPerSite / leafsPerRack)),
    leafsPerRack: Math.min(leafsPerRack, leafsPerSite),
    interfacesPerLeaf: 50,
    hostsPerLeaf: 4,
    vlans: 40,
    branches: 10,
    seed,
  };
}

export const COMMANDS = ["validate", "render", "diff", "diff --impact", "docs"] as const;

function failure(m: Measured, expected: readonly number[]): string | undefined {
  if (expected.includes(m.code)) return undefined;
  const last = m.runs[m.runs.length - 1]!;
  const text = (last.stderr || last.stdout).trim().split("\n").slice(0, 3).join(" / ");
  return `exit ${m.code}: ${text.slice(0, 200)}`;
}

export async function benchPure(opts: {
  readonly root: string;
  readonly work: string;
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly log: (line: string) => void;
}): Promise<PureCase[]> {
  const cli = join(opts.root, "bin", "citydc.js");
  const cases: PureCase[] = [];
  for (const switches of opts.sizes) {
    const inv = generateInventory(sizeOptions(switches));
    const rev = reviseForDiff(inv);
    const counts = countInventory(inv);
    const dir = join(opts.work, `pure-${switches}`);
    mkdirSync(dir, { recursive: true });
    const a = join(dir, "a.yaml");
    const b = join(dir, "b.yaml");
    writeFileSync(a, inventoryToYaml(inv));
    writeFileSync(b, inventoryToYaml(rev));
    const out = join(dir, "render");
    const label = `${counts.devices} devices / ${counts.interfaces} interfaces`;
    opts.log(`pure layers: ${label} (${(statSync(a).size / 2 ** 20).toFixed(1)} MiB YAML)`);
    const results: Record<string, Measured | { error: string }> = {};
    const run = async (name: string, args: string[], expected: number[]) => {
      const m = await measure(process.execPath, [cli, ...args], opts.repeat, { cwd: opts.root, timeoutMs: 120_000 });
      const err = failure(m, expected);
      results[name] = err ? { error: err } : m;
      opts.log(`  ${name.padEnd(14)} ${err ? err : `median ${m.medianMs.toFixed(0)} ms, min ${m.minMs.toFixed(0)} ms, peak RSS ${m.rssMiB.toFixed(0)} MiB`}`);
    };
    await run("validate", ["validate", a], [0]);
    rmSync(out, { recursive: true, force: true });
    await run("render", ["render", a, "--out", out], [0]);
    await run("diff", ["diff", a, b], [1]);
    await run("diff --impact", ["diff", "--impact", a, b], [1]);
    rmSync(out, { recursive: true, force: true });
    // the docs site: pages, rack elevations, and a topology per site and of the city laid out by Graphviz dot
    await run("docs", ["docs", a, "--out", out], [0]);
    rmSync(out, { recursive: true, force: true });
    cases.push({ label, switches, devices: counts.devices, interfaces: counts.interfaces, fileMiB: statSync(a).size / 2 ** 20, results });
  }
  return cases;
}

/** Start-up cost for context: a bare `node` and `citydc --help`. */
export async function benchStartup(root: string, repeat: number): Promise<{ node: Measured; help: Measured }> {
  const node = await measure(process.execPath, ["-e", ""], repeat);
  const help = await measure(process.execPath, [join(root, "bin", "citydc.js"), "--help"], repeat, { cwd: root });
  return { node, help };
}
