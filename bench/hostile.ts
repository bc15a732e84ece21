/**
 * Pathological inventories (issue 12), each at sizes that double, validated by the real CLI as a whole
 * process: a trunk `allowed` list of N VLAN IDs (duplicate checks), a device with N unknown keys (every
 * error located in one mapping), a file with N errors (diagnostics kept and printed). The growth column
 * is the CPU time of a size over the one before it: about 2 when the work is linear, about 4 when it is
 * quadratic. A run that does not end within the time limit is reported as such, not waited for.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { measure, type Measured } from "./measure";
import { fmtMs, rss, table } from "./report";

/** The minimal inventory the shapes are built into (test/fixtures/valid/minimal.yaml, inlined). */
const BASE = (body: { allowed?: string; deviceKeys?: string }) => `version: 1
name: bench
tenants: [{ name: city }]
sites: [{ name: dc1, role: primary }]
vlans: [{ id: 10, name: video, tenant: city, purpose: video, sites: [dc1] }]
devices:
  - name: sw1
    site: dc1
    role: leaf
    platform: ovs
    management: { address: 10.0.0.1, user: citydc }
    interfaces:
      - { name: p1, mode: trunk, allowed: [${body.allowed ?? "10"}] }
${body.deviceKeys ?? ""}`;

export interface HostileShape {
  readonly name: string;
  readonly what: string;
  readonly sizes: readonly number[];
  readonly text: (n: number) => string;
}

export function shapes(quick: boolean): HostileShape[] {
  const scale = (full: number[]) => (quick ? full.slice(0, 3).map((n) => n / 4) : full);
  return [
    {
      name: "allowed list",
      what: "one trunk with N distinct out-of-range VLAN IDs (N range errors, the duplicate check over N items)",
      sizes: scale([25_000, 50_000, 100_000, 200_000]),
      text: (n) => BASE({ allowed: Array.from({ length: n }, (_, i) => 5000 + i).join(",") }),
    },
    {
      name: "unknown keys",
      what: "one device with N unknown keys (N errors located in one mapping)",
      sizes: scale([12_500, 25_000, 50_000, 100_000]),
      text: (n) => BASE({ deviceKeys: Array.from({ length: n }, (_, i) => `    k${i}: ${i}`).join("\n") + "\n" }),
    },
    {
      name: "errors",
      what: "N VLAN IDs of 0 (N + 1 errors: N out of range, one duplicate)",
      sizes: scale([125_000, 250_000, 500_000, 1_000_000]),
      text: (n) => BASE({ allowed: new Array<string>(n).fill("0").join(",") }),
    },
  ];
}

export interface HostileRow {
  readonly shape: string;
  readonly n: number;
  readonly fileMiB: number;
  readonly result: Measured | { readonly error: string };
}

export async function benchHostile(opts: {
  readonly root: string;
  readonly work: string;
  readonly quick: boolean;
  readonly repeat: number;
  readonly timeoutMs?: number;
  readonly log: (line: string) => void;
}): Promise<HostileRow[]> {
  const cli = join(opts.root, "bin", "citydc.js");
  const dir = join(opts.work, "hostile");
  mkdirSync(dir, { recursive: true });
  const rows: HostileRow[] = [];
  const timeoutMs = opts.timeoutMs ?? 120_000;
  for (const shape of shapes(opts.quick)) {
    for (const n of shape.sizes) {
      const file = join(dir, `${shape.name.replace(/\W+/g, "-")}-${n}.yaml`);
      writeFileSync(file, shape.text(n));
      const fileMiB = statSync(file).size / 2 ** 20;
      const m = await measure(process.execPath, [cli, "validate", file], opts.repeat, { cwd: opts.root, timeoutMs });
      const last = m.runs[m.runs.length - 1]!;
      const result = m.code === 1 ? m : { error: last.wallMs >= timeoutMs - 100 ? `did not end within ${fmtMs(timeoutMs)}` : `exit ${m.code}: ${(last.stderr || last.stdout).trim().split("\n")[0]?.slice(0, 120) ?? ""}` };
      rows.push({ shape: shape.name, n, fileMiB, result });
      opts.log(`  ${shape.name} ${n}: ${"error" in result ? result.error : `median ${fmtMs(m.medianMs)}, CPU ${fmtMs(m.cpuMs)}, peak RSS ${rss(m)}`}`);
      rmSync(file, { force: true });
      if ("error" in result) break; // the next size would take longer still
    }
  }
  return rows;
}

export function hostileTable(rows: readonly HostileRow[]): string {
  const out: string[][] = [];
  let prev: HostileRow | undefined;
  for (const r of rows) {
    const same = prev?.shape === r.shape ? prev : undefined;
    const growth = same && !("error" in same.result) && !("error" in r.result) && Number.isFinite(r.result.cpuMs) && same.result.cpuMs > 0 ? `${(r.result.cpuMs / same.result.cpuMs).toFixed(1)}x` : "";
    if ("error" in r.result) out.push([r.shape, r.n.toLocaleString("en"), `${r.fileMiB.toFixed(1)} MiB`, r.result.error, "", "", ""]);
    else out.push([r.shape, r.n.toLocaleString("en"), `${r.fileMiB.toFixed(1)} MiB`, fmtMs(r.result.medianMs), Number.isFinite(r.result.cpuMs) ? fmtMs(r.result.cpuMs) : "n/a", rss(r.result), growth]);
    prev = r;
  }
  return table(["shape", "N", "file", "wall (median)", "CPU (user+sys)", "peak RSS", "CPU growth (N / N/2)"], out);
}

export function hostileSection(rows: readonly HostileRow[], repeat: number, quick: boolean): string {
  return [
    `\`citydc validate\` of each file as a whole process, ${repeat > 1 ? `median of ${repeat} runs` : "one run"}; every file is invalid (exit 1). The shapes:`,
    "",
    ...shapes(quick).map((s) => `- **${s.name}**: ${s.what};`),
    "",
    "Growth is the CPU time of N over that of N/2: about 2x means linear, about 4x quadratic. At most 1,000 problems",
    "are kept and printed (the rest are counted), so output and memory stay bounded whatever N is.",
    "",
    hostileTable(rows),
  ].join("\n");
}
