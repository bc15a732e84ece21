/**
 * Where the time of validate + render goes, stage by stage, inside one process (min of N runs, so
 * other load on the machine disturbs it less than whole-process wall times): YAML parse, schema check,
 * defaults, semantic checks, intent, config objects, configuration text. Stages are loaded lazily so
 * this module costs nothing when the section is skipped.
 */
import { readFileSync } from "fs";
import { table, fmtMs } from "./report";

export interface StageFigures {
  readonly file: string;
  readonly devices: number;
  readonly stages: readonly { readonly name: string; readonly minMs: number; readonly medianMs: number }[];
}

/** CPU time (user + system) of this process spent in f, ms: other load on the machine does not count. */
function time<T>(f: () => T): [T, number] {
  const t0 = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(t0);
  return [r, (d.user + d.system) / 1000];
}

export async function benchStages(file: string, repeat: number): Promise<StageFigures> {
  const { parseYaml } = await import("../model/parse");
  const { checkSchema } = await import("../model/schema/check");
  const { normalize } = await import("../model/normalize");
  const { runChecks } = await import("../model/checks");
  const { intentsOf, objectsOf } = await import("../pipeline/index");
  const { platformOf } = await import("../platforms/registry");
  const samples = new Map<string, number[]>();
  const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
  let devices = 0;
  for (let i = 0; i < repeat; i++) {
    const [text, tRead] = time(() => readFileSync(file, "utf8"));
    add("read file", tRead);
    const [parsed, tYaml] = time(() => parseYaml(text, file));
    add("YAML parse (with positions)", tYaml);
    const data = parsed.data as Record<string, unknown>;
    const [problems, tSchema] = time(() => checkSchema(data));
    add("JSON Schema check", tSchema);
    if (problems.length) throw new Error(`${file}: schema problems in a generated inventory: ${problems[0]!.message}`);
    const [inv, tNorm] = time(() => normalize(data));
    add("defaults (normalize)", tNorm);
    const [, tChecks] = time(() => runChecks(inv));
    add("semantic checks", tChecks);
    const [intents, tIntent] = time(() => intentsOf(inv));
    add("intent (all devices)", tIntent);
    devices = intents.size;
    const objects: { intent: Parameters<typeof objectsOf>[0]; objects: ReturnType<typeof objectsOf> }[] = [];
    const [, tObjects] = time(() => {
      for (const intent of intents.values()) objects.push({ intent, objects: objectsOf(intent) });
    });
    add("config objects (all devices)", tObjects);
    const [, tText] = time(() => {
      for (const o of objects) platformOf(o.intent.platform).fullConfig(o.intent, o.objects);
    });
    add("configuration text (all devices)", tText);
  }
  const stages = [...samples].map(([name, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { name, minMs: sorted[0]!, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  });
  return { file, devices, stages };
}

export function stagesTable(f: StageFigures): string {
  const total = f.stages.reduce((s, x) => s + x.minMs, 0);
  return table(
    ["stage", "CPU (min)", "CPU (median)", "share"],
    [
      ...f.stages.map((s) => [s.name, fmtMs(s.minMs), fmtMs(s.medianMs), `${Math.round((100 * s.minMs) / total)}%`]),
      ["**total**", `**${fmtMs(total)}**`, "", ""],
    ],
  );
}
