/**
 * The citydc Pulumi program under Pulumi's mocks (pulumi.runtime.setMocks: no engine, no device), one
 * process per size (bench/mocks-child.ts): resources registered, by type, and registrations per second.
 * This is the program's own cost (components, inputs, serialization) before any engine or SSH.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { generateInventory, countInventory } from "../generate/generator";
import { inventoryToYaml } from "../generate/document";
import { sizeOptions } from "./pure";
import { runOnce } from "./measure";
import { table, fmtMs } from "./report";
import type { Section } from "./report";

interface ChildResult {
  readonly resources: number;
  readonly byType: Record<string, number>;
  readonly loadMs: number;
  readonly programMs: number;
}

export async function benchMocks(o: { root: string; work: string; sizes: readonly number[]; log: (line: string) => void }): Promise<Section> {
  const rows: string[][] = [];
  const notes: string[] = [];
  let mix = "";
  for (const n of o.sizes) {
    const inv = generateInventory(sizeOptions(n));
    const counts = countInventory(inv);
    const dir = join(o.work, `mocks-${n}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "inventory.yaml");
    writeFileSync(file, inventoryToYaml(inv));
    const run = await runOnce(process.execPath, [join(o.root, "dist", "bench", "mocks-child.js"), file], { cwd: o.root, timeoutMs: 600_000 });
    const line = run.stdout.trim().split("\n").pop() ?? "";
    let r: ChildResult | undefined;
    try {
      r = JSON.parse(line) as ChildResult;
    } catch {
      r = undefined;
    }
    if (run.code !== 0 || !r) {
      const why = (run.stderr || run.stdout).trim().split("\n").slice(-2).join(" / ").slice(0, 200);
      notes.push(`- ${counts.devices} devices: exit ${run.code}: ${why}`);
      rows.push([String(counts.devices), String(counts.interfaces), "failed", "", "", "", "", ""]);
      o.log(`mocks: ${counts.devices} devices failed: ${why}`);
      continue;
    }
    const perSecond = r.resources / (r.programMs / 1000);
    o.log(`mocks: ${counts.devices} devices -> ${r.resources} resources in ${fmtMs(r.programMs)} (${perSecond.toFixed(0)}/s), process ${fmtMs(run.wallMs)}, CPU ${fmtMs(run.cpuMs)}, RSS ${run.rssMiB.toFixed(0)} MiB`);
    rows.push([
      String(counts.devices),
      String(counts.interfaces),
      String(r.resources),
      fmtMs(r.programMs),
      `${perSecond.toFixed(0)}/s`,
      fmtMs(run.wallMs),
      Number.isFinite(run.cpuMs) ? fmtMs(run.cpuMs) : "n/a",
      run.rssMiB ? `${run.rssMiB.toFixed(0)} MiB` : "n/a",
    ]);
    mix = Object.entries(r.byType)
      .sort((a, b) => b[1] - a[1])
      .map(([t, c]) => `${t.replace(/^citydc:[a-z]+:/, "")} ${c}`)
      .join(", ");
  }
  return {
    title: "Pulumi program under mocks",
    markdown: [
      "The stack program (inventory load, intent, render, components) run with `pulumi.runtime.setMocks`, one process per",
      "size, same generated inventories as above. \"program\" is from the program's start until the last resource is",
      "registered; \"process\" includes loading @pulumi/pulumi.",
      "",
      table(["devices", "interfaces", "resources", "program", "registrations", "process", "CPU", "peak RSS"], rows),
      "",
      ...(mix ? [`Resources at the largest size: ${mix}.`, ""] : []),
      ...(notes.length ? ["Failures:", "", ...notes, ""] : []),
    ].join("\n"),
  };
}
