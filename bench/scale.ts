/**
 * The scale section of `npm run bench -- --scale` (or `--only scale`): what a large network and a team cost.
 *
 *   - the real engine's preview (`citydc plan`) of generated inventories of growing size (the pure section's
 *     inventories: 1,000 switches = 50,000 interfaces), wall time and the peak of the memory of every process
 *     of the run together (citydc, the pulumi engine, the provider and command plugins), sampled from /proc;
 *   - on labs (root): full `up` and no-op `up` as `citydc up` processes, on the local file backend and on a
 *     throw-away PostgreSQL cluster (bench/postgres.ts), then the same switches as two stacks (a site each)
 *     run together with `--stack a --stack b --parallel-stacks 2`.
 */
import { spawn } from "child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { countInventory, generateInventory } from "../generate/generator";
import { inventoryToYaml } from "../generate/document";
import { labSizeOptions } from "./lab";
import { sizeOptions } from "./pure";
import type { Section } from "./report";

export interface ScaleOptions {
  readonly root: string;
  readonly work: string;
  /** Generated inventory sizes (switches) for the preview. */
  readonly previewSizes: readonly number[];
  /** Lab sizes (switches) for up on both backends and for parallel stacks. */
  readonly labSizes: readonly number[];
  readonly postgres: boolean;
  readonly log: (line: string) => void;
}

export interface TreeRun {
  readonly ms: number;
  readonly code: number;
  readonly out: string;
  /** Peak of the summed RSS of the process and all its descendants, MiB. */
  readonly peakTreeMiB: number;
  /** Peak RSS of the largest single process of the tree, MiB. */
  readonly peakOneMiB: number;
  /** The command line (first words) of that largest process. */
  readonly largest: string;
  /** Most processes alive at once in the tree. */
  readonly processes: number;
}

/** Every process's parent, and its RSS in KiB, from /proc. */
function snapshot(): Map<number, { ppid: number; rssKiB: number }> {
  const out = new Map<number, { ppid: number; rssKiB: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rss = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      out.set(Number(name), { ppid, rssKiB: rss });
    } catch {
      /* gone */
    }
  }
  return out;
}

function descendants(root: number, procs: Map<number, { ppid: number; rssKiB: number }>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (!procs.has(pid)) continue;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).map((a) => a.split("/").pop()).join(" ");
  } catch {
    return "?";
  }
}

/** Runs `node bin/citydc.js <args>`, sampling the memory of its whole process tree every 200 ms. */
export function runTree(root: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(root, "bin", "citydc.js"), ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
    let peakTree = 0;
    let peakOne = 0;
    let largest = "";
    let processes = 0;
    const sample = () => {
      const procs = snapshot();
      const tree = descendants(child.pid!, procs);
      processes = Math.max(processes, tree.length);
      let sum = 0;
      for (const pid of tree) {
        const rss = procs.get(pid)!.rssKiB;
        sum += rss;
        if (rss > peakOne) {
          peakOne = rss;
          largest = commandOf(pid);
        }
      }
      peakTree = Math.max(peakTree, sum);
    };
    const timer = setInterval(sample, 200);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code: code ?? 1, out, peakTreeMiB: peakTree / 1024, peakOneMiB: peakOne / 1024, largest, processes });
    });
  });
}

const PASSPHRASE = "citydc-bench-scale-passphrase";

function stackFile(dir: string, stack: string, config: Record<string, unknown>): void {
  mkdirSync(join(dir, "stacks"), { recursive: true });
  const lines = ["config:", ...Object.entries(config).map(([k, v]) => `  citydc:${k}: ${JSON.stringify(v)}`), ""];
  writeFileSync(join(dir, "stacks", `Pulumi.${stack}.yaml`), lines.join("\n"));
}

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "–");
const mib = (m: number) => (m >= 1024 ? `${(m / 1024).toFixed(2)} GiB` : `${m.toFixed(0)} MiB`);

interface PreviewRow {
  readonly switches: number;
  readonly interfaces: number;
  readonly objects?: number;
  readonly run?: TreeRun;
  readonly error?: string;
}

interface UpRow {
  readonly switches: number;
  readonly backend: string;
  readonly what: string;
  readonly run: TreeRun;
  readonly devices: number;
}

async function benchPreview(o: ScaleOptions): Promise<PreviewRow[]> {
  const rows: PreviewRow[] = [];
  for (const n of o.previewSizes) {
    const dir = join(o.work, `scale-preview-${n}`);
    mkdirSync(dir, { recursive: true });
    const inv = generateInventory(sizeOptions(n));
    const counts = countInventory(inv);
    const file = join(dir, "inventory.yaml");
    writeFileSync(file, inventoryToYaml(inv));
    const stack = `scale${n}`;
    stackFile(dir, stack, { inventory: file, verify: false, backups: false });
    o.log(`scale: preview of ${counts.devices} devices (${counts.interfaces} interfaces)`);
    const run = await runTree(o.root, ["plan", "--stack", stack, "--work-dir", dir, "--backend", `file://${join(dir, "state")}`, "--format", "json"], { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, CITYDC_PULUMI_HOME: join(o.work, "pulumi-home") }, dir);
    let objects: number | undefined;
    try {
      const plan = JSON.parse(run.out.slice(run.out.indexOf("{"))) as { counts?: { objects?: { add?: number } } };
      objects = plan.counts?.objects?.add;
    } catch {
      /* the error is in the output */
    }
    o.log(`  ${s(run.ms)}, peak of all processes ${mib(run.peakTreeMiB)} (largest ${mib(run.peakOneMiB)}: ${run.largest}), exit ${run.code}`);
    rows.push({ switches: counts.devices, interfaces: counts.interfaces, ...(objects !== undefined ? { objects } : {}), run, ...(run.code !== 0 ? { error: run.out.trim().split("\n").slice(-2).join(" / ") } : {}) });
  }
  return rows;
}

function cli(root: string, args: readonly string[]): Promise<TreeRun> {
  return runTree(root, args, {}, root);
}

async function benchLabs(o: ScaleOptions): Promise<{ rows: UpRow[]; errors: string[] }> {
  const rows: UpRow[] = [];
  const errors: string[] = [];
  let pg: import("./postgres").Postgres | undefined;
  if (o.postgres) {
    const { canRunPostgres, startPostgres } = await import("./postgres");
    const why = canRunPostgres();
    if (why) errors.push(`PostgreSQL: ${why}`);
    else pg = await startPostgres("citydc-bench-pg-");
  }
  try {
    for (const n of o.labSizes) {
      const dir = join(o.work, `scale-lab-${n}`);
      mkdirSync(dir, { recursive: true });
      const inv = generateInventory({ ...labSizeOptions(n), name: `scale-lab-${n}` });
      const counts = countInventory(inv);
      const file = join(dir, "base.yaml");
      writeFileSync(file, inventoryToYaml(inv));
      const labDir = join(dir, "lab");
      o.log(`scale: lab of ${counts.devices} switches`);
      const up = await cli(o.root, ["lab", "up", "--inventory", file, "--dir", labDir]);
      if (up.code !== 0) {
        errors.push(`lab up of ${n} switches failed: ${up.out.trim().split("\n").pop()}`);
        continue;
      }
      try {
        const info = JSON.parse(readFileSync(join(labDir, inv.name, "lab.json"), "utf8")) as { dir: string; keyFile: string };
        const sites = [...new Set(inv.devices.map((d) => d.site))];
        const config = { inventory: file, hostKeysFile: join(info.dir, "hostkeys.json") };
        const work = join(dir, "work");
        stackFile(work, "one", { ...config, sites });
        sites.forEach((site, i) => stackFile(work, `part${i + 1}`, { ...config, sites: [site] }));
        const env = { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, CITYDC_SSH_KEY_FILE: info.keyFile, CITYDC_PULUMI_HOME: join(o.work, "pulumi-home"), CITYDC_AUDIT_DIR: join(dir, "audit") };
        const backends: [string, string][] = [["file", `file://${join(dir, "state")}`], ...(pg ? ([["PostgreSQL", pg.url]] as [string, string][]) : [])];
        const step = async (backend: string, url: string, what: string, args: string[]) => {
          const r = await runTree(o.root, [...args, "--work-dir", work, "--backend", url], env, dir);
          o.log(`  ${backend.padEnd(10)} ${what.padEnd(34)} ${s(r.ms)}, peak ${mib(r.peakTreeMiB)}, exit ${r.code}`);
          if (r.code !== 0) errors.push(`${n} switches, ${backend}, ${what}: exit ${r.code}: ${r.out.trim().split("\n").slice(-2).join(" / ")}`);
          return r;
        };
        for (const [backend, url] of backends) {
          const full = await step(backend, url, "up, full converge (one stack)", ["up", "--stack", "one", "--yes"]);
          rows.push({ switches: counts.devices, backend, what: "full up, one stack", run: full, devices: counts.devices });
          const noop = await step(backend, url, "up, no-op (one stack)", ["up", "--stack", "one", "--yes"]);
          rows.push({ switches: counts.devices, backend, what: "no-op up, one stack", run: noop, devices: counts.devices });
          await step(backend, url, "destroy (one stack)", ["destroy", "--stack", "one", "--yes"]);
        }
        const parts = sites.flatMap((_, i) => ["--stack", `part${i + 1}`]);
        const [backend, url] = backends[backends.length - 1]!;
        const par = await step(backend, url, `up, full, ${sites.length} stacks in parallel`, ["up", ...parts, "--parallel-stacks", String(sites.length), "--yes"]);
        rows.push({ switches: counts.devices, backend, what: `full up, ${sites.length} stacks (a site each) in parallel`, run: par, devices: counts.devices });
        const parNoop = await step(backend, url, `up, no-op, ${sites.length} stacks in parallel`, ["up", ...parts, "--parallel-stacks", String(sites.length), "--yes"]);
        rows.push({ switches: counts.devices, backend, what: `no-op up, ${sites.length} stacks in parallel`, run: parNoop, devices: counts.devices });
        await step(backend, url, "destroy, stacks in parallel", ["destroy", ...parts, "--yes"]);
      } finally {
        await cli(o.root, ["lab", "down", "--inventory", file, "--dir", labDir]);
      }
    }
  } finally {
    pg?.stop();
  }
  return { rows, errors };
}

export async function benchScale(o: ScaleOptions): Promise<Section[]> {
  const sections: Section[] = [];
  if (o.previewSizes.length > 0) {
    const rows = await benchPreview(o);
    sections.push({
      title: "Scale: the real engine's preview of generated inventories",
      markdown: [
        "`citydc plan --stack ... --format json` as one process on a file backend with no state (everything is a create),",
        "inventories of the pure section (`citydc generate`). Memory: the peak of the summed resident memory of every",
        "process of the run (citydc, the pulumi engine, the citydc provider plugin, the command plugin), sampled",
        "every 200 ms from /proc; the largest single process beside it. Goal: 1,000 devices under 45 s and 1.5 GiB.",
        "",
        "| inventory | config objects | wall | peak, all processes | largest process | processes |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows.map((r) =>
          r.run
            ? `| ${r.switches} devices, ${r.interfaces} interfaces | ${r.objects ?? "–"} | ${s(r.run.ms)} | ${mib(r.run.peakTreeMiB)} | ${mib(r.run.peakOneMiB)} (${r.run.largest}) | ${r.run.processes} |`
            : `| ${r.switches} devices | – | – | – | – | – |`,
        ),
        ...rows.filter((r) => r.error).map((r) => `\n${r.switches} devices failed: ${r.error}`),
      ].join("\n"),
    });
  }
  if (o.labSizes.length > 0) {
    if (typeof process.getuid === "function" && process.getuid() !== 0) {
      sections.push({ title: "Scale: labs on the file and PostgreSQL backends, parallel stacks", markdown: "Skipped: the lab needs root." });
      return sections;
    }
    const { rows, errors } = await benchLabs(o);
    sections.push({
      title: "Scale: labs on the file and PostgreSQL backends, parallel stacks",
      markdown: [
        "Each run is a whole `citydc up` process (with its config backups and site verifications), from spawn to exit;",
        "memory as above. The file backend is a directory; PostgreSQL a throw-away cluster on 127.0.0.1 (bench/postgres.ts).",
        "Between backends the stack is destroyed, so each full up starts from switches without citydc's configuration.",
        "The parallel rows are the same switches as two stacks (a site each) in one `citydc up --stack a --stack b`.",
        "",
        "| lab | backend | run | wall | per switch | peak, all processes |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows.map((r) => `| ${r.switches} switches | ${r.backend} | ${r.what} | ${s(r.run.ms)}${r.run.code !== 0 ? " (failed)" : ""} | ${(r.run.ms / r.devices).toFixed(0)} ms | ${mib(r.run.peakTreeMiB)} |`),
        ...(errors.length ? ["", "Failures:", "", ...errors.map((e) => `- ${e}`)] : []),
      ].join("\n"),
    });
  }
  return sections;
}

export const SCALE_MARKERS = { begin: "<!-- bench:scale:begin (written by `npm run bench -- --scale`; edit outside these markers) -->", end: "<!-- bench:scale:end -->" } as const;
