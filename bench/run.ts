/**
 * `npm run bench`: measures citydc at growing sizes and writes BENCHMARKS.md.
 *
 *   node dist/bench/run.js [--quick] [--sizes 100,500,1000,2000] [--repeat N]
 *                          [--lab-sizes 4,8,16,32,64] [--ansible-max 32] [--skip-lab] [--skip-ansible] [--skip-pulumi]
 *                          [--skip-pure] [--skip-hostile] [--out BENCHMARKS.md] [--no-write] [--write] [--keep]
 *                          [--scale] [--only pure,hostile,mocks,lab,scale] [--scale-sizes LIST] [--scale-lab-sizes LIST] [--no-postgres]
 *
 * Sections: the pure layers as whole processes (validate, render, diff), pathological inputs (validate of
 * long lists, many unknown keys, a million errors, at doubling sizes), the Pulumi program under mocks,
 * and on the lab (needs root, the packages of the lab and the Pulumi toolchain) the real engine's preview
 * and up against the same work done by Ansible. Everything it sends goes to loopback or into the lab's
 * namespaces. Exit codes: 0 done, 2 usage error or a section that could not run at all.
 */
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join, resolve } from "path";
import { parseArgs } from "../util/args";
import { UsageError } from "../util/errors";
import { machine, type Machine } from "./machine";
import { benchPure, benchStartup, type PureCase } from "./pure";
import { HOSTILE_MARKERS, machineTable, pureTable, writeReport, ms, rss, table, type Section } from "./report";
import type { Measured } from "./measure";

const SPEC = {
  quick: { type: "boolean" },
  sizes: { type: "string" },
  repeat: { type: "string" },
  "lab-sizes": { type: "string" },
  "skip-lab": { type: "boolean" },
  "skip-ansible": { type: "boolean" },
  "ansible-max": { type: "string" },
  "skip-pulumi": { type: "boolean" },
  "skip-pure": { type: "boolean" },
  "no-checks": { type: "boolean" },
  "skip-hostile": { type: "boolean" },
  out: { type: "string" },
  write: { type: "boolean" },
  "no-write": { type: "boolean" },
  keep: { type: "boolean" },
  scale: { type: "boolean" },
  only: { type: "string" },
  "scale-sizes": { type: "string" },
  "scale-lab-sizes": { type: "string" },
  "no-postgres": { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** The sections `--only` can name. */
export const SECTIONS = ["pure", "hostile", "mocks", "lab", "scale"] as const;

export const HELP = `usage: npm run bench -- [options]   (or: node dist/bench/run.js [options])

  --quick            small sizes, one repetition, smallest lab only (about 1 minute); prints, does not
                     write BENCHMARKS.md unless --write
  --sizes LIST       pure-layer sizes in switches (default 100,500,1000,2000; quick 100,1000)
  --repeat N         runs per pure-layer measurement (default 3; quick 1); the table shows median and min
  --lab-sizes LIST   lab sizes in switches (default 4,8,16,32,64; quick 4)
  --ansible-max N    run Ansible only on labs up to N switches (default 32: it needs ~1 min per run there)
  --skip-pure        no validate/render/diff measurements
  --skip-hostile     no pathological inputs (long lists, many unknown keys, a million errors); they have
                     a block of their own in BENCHMARKS.md, written only when they ran
  --skip-pulumi      no Pulumi measurements (mocks and lab)
  --skip-lab         no lab (real engine, Ansible)
  --skip-ansible     lab without the Ansible comparison
  --no-checks        lab stacks without the config backups and site verifications (to measure what they cost)
  --out FILE         report file (default BENCHMARKS.md in the repository)
  --no-write         print only
  --keep             keep the work directory (generated inventories, playbooks, state)
  --scale            also the scale section: the real engine's preview of large generated inventories
                     (time, peak memory of all processes together), full and no-op up on labs on the file
                     and PostgreSQL backends, two stacks in parallel against one; its own block in BENCHMARKS.md
  --only LIST        only these sections (${SECTIONS.join(",")}), e.g. --only scale
  --scale-sizes LIST preview sizes in switches (default 100,1000)
  --scale-lab-sizes LIST lab sizes of the scale section (default 64; an empty list: none)
  --no-postgres      the scale section without the PostgreSQL backend`;

export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly labSizes: readonly number[];
  readonly pure: boolean;
  readonly hostile: boolean;
  readonly pulumi: boolean;
  readonly lab: boolean;
  readonly ansible: boolean;
  readonly ansibleMax: number;
  /** Lab stacks with their config backups and site verifications (default true). */
  readonly checks: boolean;
  readonly out: string;
  readonly write: boolean;
  readonly keep: boolean;
  readonly mocks: boolean;
  readonly scale: boolean;
  readonly scaleSizes: readonly number[];
  readonly scaleLabSizes: readonly number[];
  readonly postgres: boolean;
}

function list(name: string, raw: unknown, fallback: readonly number[]): number[] {
  if (raw === undefined) return [...fallback];
  const items = String(raw).split(",").map((s) => s.trim());
  if (items.some((s) => !/^\d+$/.test(s) || Number(s) < 2)) throw new UsageError(`--${name} takes a comma-separated list of whole numbers >= 2`);
  return items.map(Number);
}

export function benchOptions(argv: readonly string[], root: string): BenchOptions | "help" {
  const { positionals, options } = parseArgs(argv, SPEC);
  if (options.help) return "help";
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const quick = options.quick === true;
  const repeatRaw = options.repeat;
  if (repeatRaw !== undefined && (typeof repeatRaw !== "string" || !/^[1-9]\d*$/.test(repeatRaw))) throw new UsageError("--repeat takes a whole number >= 1");
  let only: Set<string> | undefined;
  if (options.only !== undefined) {
    const names = String(options.only).split(",").map((x) => x.trim()).filter(Boolean);
    const bad = names.find((n) => !(SECTIONS as readonly string[]).includes(n));
    if (bad || names.length === 0) throw new UsageError(`--only takes a comma-separated list of ${SECTIONS.join(", ")}${bad ? ` (not '${bad}')` : ""}`);
    only = new Set(names);
  }
  const on = (name: string, flag: boolean) => (only ? only.has(name) : flag);
  const optionalList = (name: string, raw: unknown, fallback: readonly number[]) => (raw === "" ? [] : list(name, raw, fallback));
  return {
    quick,
    mocks: on("mocks", options["skip-pulumi"] !== true),
    scale: on("scale", options.scale === true),
    scaleSizes: optionalList("scale-sizes", options["scale-sizes"], quick ? [100] : [100, 1000]),
    scaleLabSizes: optionalList("scale-lab-sizes", options["scale-lab-sizes"], quick ? [4] : [64]),
    postgres: options["no-postgres"] !== true,
    sizes: list("sizes", options.sizes, quick ? [100, 1000] : [100, 500, 1000, 2000]),
    repeat: repeatRaw ? Number(repeatRaw) : quick ? 1 : 3,
    labSizes: list("lab-sizes", options["lab-sizes"], quick ? [4] : [4, 8, 16, 32, 64]),
    pure: on("pure", options["skip-pure"] !== true),
    hostile: on("hostile", options["skip-hostile"] !== true),
    pulumi: options["skip-pulumi"] !== true,
    lab: on("lab", options["skip-lab"] !== true),
    ansible: options["skip-ansible"] !== true,
    ansibleMax: options["ansible-max"] === undefined ? 32 : list("ansible-max", options["ansible-max"], [])[0]!,
    checks: options["no-checks"] !== true,
    out: resolve(typeof options.out === "string" ? options.out : join(root, "BENCHMARKS.md")),
    write: options["no-write"] === true ? false : options.write === true || !quick,
    keep: options.keep === true,
  };
}

const INTRO = `# citydc benchmarks

Figures from \`npm run bench\` (the block below is rewritten by each run; the history of improvements
after it is written by hand). How to run it, what each figure means and the targets are in the README.`;

function log(line: string): void {
  process.stderr.write(line + "\n");
}

export async function main(argv: string[]): Promise<number> {
  const root = resolve(__dirname, "..", "..");
  let o: BenchOptions | "help";
  try {
    o = benchOptions(argv, root);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message}\n\n${HELP}\n`);
      return 2;
    }
    throw err;
  }
  if (o === "help") {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), "citydc-bench-"));
  const started = Date.now();
  const m: Machine = machine();
  log(`citydc bench (${o.quick ? "quick" : "default"} mode) on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; work dir ${work}`);
  const sections: Section[] = [];
  let hostile: Section | undefined;
  let scale: Section[] = [];
  try {
    if (o.pure) {
      mkdirSync(work, { recursive: true });
      const startup = await benchStartup(root, o.repeat);
      const cases: PureCase[] = await benchPure({ root, work, sizes: o.sizes, repeat: o.repeat, log });
      sections.push({ title: "Pure layers, whole processes", markdown: pureSection(cases, startup, o.repeat) });
      const stageSize = o.sizes.includes(1000) ? 1000 : Math.max(...o.sizes);
      try {
        const { benchStages, stagesTable } = await import("./stages");
        const f = await benchStages(join(work, `pure-${stageSize}`, "a.yaml"), o.quick ? 3 : 7);
        log(`stages at ${f.devices} devices: ${f.stages.map((s) => `${s.name} ${s.minMs.toFixed(0)} ms`).join(", ")}`);
        sections.push({
          title: `Where validate + render spends its time (${f.devices} devices, in one process)`,
          markdown: [
            `CPU time (user + system) of each stage inside one process, ${o.quick ? 3 : 7} runs (min and median), so other load on the machine counts little.`,
            "Process start-up and module loading come on top (see the start-up line above).",
            "",
            stagesTable(f),
          ].join("\n"),
        });
      } catch (err) {
        log(`stages: ${(err as Error).message}`);
      }
    }
    if (o.hostile) {
      const { benchHostile, hostileSection } = await import("./hostile");
      log("pathological inputs:");
      const rows = await benchHostile({ root, work, quick: o.quick, repeat: o.quick ? 1 : Math.min(o.repeat, 3), log });
      hostile = { title: "Pathological inputs: validate stays linear", markdown: hostileSection(rows, o.quick ? 1 : Math.min(o.repeat, 3), o.quick) };
    }
    if (o.mocks) {
      const { benchMocks } = await import("./mocks");
      sections.push(await benchMocks({ root, work, sizes: o.quick ? [100] : [100, 500], log }));
    }
    if (o.lab) {
      const { benchLab } = await import("./lab");
      sections.push(...(await benchLab({ root, work, sizes: o.labSizes, pulumi: o.pulumi, ansible: o.ansible, ansibleMax: o.ansibleMax, checks: o.checks, quick: o.quick, log })));
    }
    if (o.scale) {
      const { benchScale } = await import("./scale");
      scale = await benchScale({ root, work, previewSizes: o.scaleSizes, labSizes: o.scaleLabSizes, postgres: o.postgres, log });
    }
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
  const took = (Date.now() - started) / 1000;
  const block = [
    `## Latest run: ${m.date} (${o.quick ? "quick" : "default"} mode, ${took.toFixed(0)} s; load average ${m.load} at the start, ${(Math.round(loadavg()[0]! * 100) / 100)} at the end)`,
    "",
    machineTable(m),
    "",
    ...sections.flatMap((s) => [`### ${s.title}`, "", s.markdown.trim(), ""]),
  ].join("\n");
  const hostileBlock = hostile ? [`## ${hostile.title}: ${m.date} (${o.quick ? "quick" : "default"} mode; load average ${m.load} at the start)`, "", hostile.markdown.trim(), ""].join("\n") : undefined;
  const scaleBlock = scale.length
    ? [`## Scale: ${m.date} (${o.quick ? "quick" : "default"} mode; load average ${m.load} at the start)`, "", ...scale.flatMap((x) => [`### ${x.title}`, "", x.markdown.trim(), ""])].join("\n")
    : undefined;
  if (sections.length) process.stdout.write("\n" + block + "\n");
  if (scaleBlock) process.stdout.write("\n" + scaleBlock + "\n");
  if (hostileBlock) process.stdout.write("\n" + hostileBlock + "\n");
  if (o.write) {
    // Each block only when its sections ran: a run of the pathological inputs alone keeps the main block.
    if (sections.length) writeReport(o.out, block, INTRO);
    if (hostileBlock) writeReport(o.out, hostileBlock, INTRO, HOSTILE_MARKERS);
    if (scaleBlock) writeReport(o.out, scaleBlock, INTRO, (await import("./scale")).SCALE_MARKERS);
    log(`wrote ${o.out}`);
  }
  return 0;
}

function pureSection(cases: readonly PureCase[], startup: { node: Measured; help: Measured }, repeat: number): string {
  return [
    `Each figure is one whole process (\`node bin/citydc.js ...\`) from spawn to exit, ${repeat > 1 ? `median of ${repeat} runs (min in brackets)` : "one run"};`,
    "RSS is the process's peak resident memory. Inventories from `citydc generate` (4 sites in two DR pairs, 2 spines",
    "per site, 8 leafs per rack, 50 interfaces per leaf, 40 VLANs per site, 10 branches); the diff compares it with a",
    "revision (one stretched VLAN added, 2% of access ports moved, descriptions, a host removed). Target: validate +",
    "render of 1,000 switches / 50,000 interfaces under 2 s, diff of two 1,000-switch revisions under 2 s (⚠ = missed).",
    "",
    pureTable(cases, 2000),
    "",
    ...failures(cases),
    `Start-up for context: \`node -e ""\` ${ms(startup.node)} (${rss(startup.node)}), \`citydc --help\` ${ms(startup.help)} (${rss(startup.help)}).`,
  ].join("\n");
}

function failures(cases: readonly PureCase[]): string[] {
  const seen = new Set<string>();
  for (const c of cases) for (const [name, r] of Object.entries(c.results)) if ("error" in r) seen.add(`- \`${name}\`: ${r.error}`);
  return seen.size ? ["Failures:", "", ...seen, ""] : [];
}

export { table };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      if (process.env.CITYDC_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + "\n");
      process.exitCode = 2;
    },
  );
}
