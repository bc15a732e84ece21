/**
 * `citydc render <inventory> --out <dir> [--device NAME]... [--format text|json]`: each device's full
 * configuration in its platform's syntax (text), or its config objects (json), one file per device, plus
 * `index.json` (device, site, platform, file, object counts by kind).
 * Exit 0 written, 1 invalid inventory (diagnostics printed as `validate` does), 2 usage or I/O error.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { loadInventory } from "../../model/load";
import type { PlatformName } from "../../model/types";
import { renderEach, type RenderedDevice } from "../../pipeline/index";
import { formatDiagnostics } from "../../model/diagnostics";
import { oneOf, parseArgs } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { makeDirs } from "../../util/dirs";

const HELP = `usage: citydc render <inventory.yaml> --out <dir> [--device NAME]... [--format text|json]

Writes one file per device with its full configuration in its platform's syntax
(huawei-vrp, cisco-nxos, arista-eos: .cfg; junos: .set; frr: .conf; ovs: .sh),
or with --format json its config objects (.json), and index.json listing them.

  --out DIR        directory to write (created when missing)
  --device NAME    only this device (may be given more than once)
  --format FORMAT  text (default) or json

exit codes: 0 written, 1 invalid inventory, 2 usage or I/O error`;

export const EXTENSION: Readonly<Record<PlatformName, string>> = {
  ovs: "sh",
  frr: "conf",
  "huawei-vrp": "cfg",
  "cisco-nxos": "cfg",
  "arista-eos": "cfg",
  junos: "set",
};

const safeFileName = (device: string): string => device.replace(/[^A-Za-z0-9_.-]/g, "_");

/** The index of what was written; no device file may take its name. */
const INDEX_FILE = "index.json";

export interface IndexEntry {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly file: string;
  readonly objects: number;
  readonly counts: Record<string, number>;
}

export function fileFor(d: Pick<RenderedDevice, "device" | "platform">, format: "text" | "json"): string {
  return `${safeFileName(d.device)}.${format === "json" ? "json" : EXTENSION[d.platform]}`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    out: { type: "string" },
    device: { type: "string", multiple: true },
    format: { type: "string" },
    help: { type: "boolean" },
  });
  if (args.options.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length ? "give exactly one inventory file" : `missing inventory file\n\n${HELP}`);
  const out = args.options.out;
  if (typeof out !== "string" || out === "") throw new UsageError(`--out <dir> is required\n\n${HELP}`);
  const format = oneOf("format", args.options.format, ["text", "json"] as const, "text");
  const wanted = (args.options.device as string[] | undefined) ?? [];

  const file = args.positionals[0]!;
  const result = loadInventory(file);
  const warn = (s: string): void => void process.stderr.write(s);
  if (result.diagnostics.some((d) => d.code === "E_IO")) {
    warn(formatDiagnostics(result.diagnostics) + "\n");
    return 2;
  }
  if (!result.inventory) {
    warn(`${file}: INVALID, nothing rendered\n`);
    warn(formatDiagnostics(result.diagnostics, { omitted: result.omitted }) + "\n");
    return 1;
  }
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length > 0) warn(formatDiagnostics(warnings) + "\n");

  const names = new Set(result.inventory.devices.map((d) => d.name));
  const unknown = wanted.filter((n) => !names.has(n));
  if (unknown.length > 0) throw new UsageError(`no device ${unknown.map((n) => `'${n}'`).join(", ")} in ${file}`);
  const only = new Set(wanted);

  // Every file name first: no two may be the same file (compared without case, as on macOS or Windows),
  // and none may be the index, or one write would silently replace another.
  const taken = new Map<string, string>([[INDEX_FILE.toLowerCase(), "the index"]]);
  for (const d of result.inventory.devices) {
    if (only.size > 0 && !only.has(d.name)) continue;
    const name = fileFor({ device: d.name, platform: d.platform }, format);
    const other = taken.get(name.toLowerCase());
    if (other !== undefined) {
      const fix = other === "the index" ? "rename the device, or render text (--format text), whose files are not .json" : "give the two devices names that differ in more than letter case, or render them with --device into different --out directories";
      throw new CliError(`device ${d.name} would be written to ${name}, the file of ${other}; nothing written (${fix})`, 2);
    }
    taken.set(name.toLowerCase(), `device ${d.name}`);
  }

  const index: IndexEntry[] = [];
  try {
    makeDirs(out);
    for (const d of renderEach(result.inventory, only)) {
      const name = fileFor(d, format);
      const body =
        format === "json"
          ? JSON.stringify({ device: d.device, site: d.site, platform: d.platform, objects: d.objects }, null, 2) + "\n"
          : d.config;
      writeFileSync(join(out, name), body);
      const counts: Record<string, number> = {};
      for (const o of d.objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
      index.push({ device: d.device, site: d.site, platform: d.platform, file: name, objects: d.objects.length, counts });
    }
    writeFileSync(join(out, INDEX_FILE), JSON.stringify({ inventory: file, format, devices: index }, null, 2) + "\n");
  } catch (err) {
    throw new CliError(`cannot write to ${out}: ${(err as Error).message}`, 2);
  }
  process.stdout.write(`${file}: wrote ${index.length} device ${format === "json" ? "object files" : "configurations"} to ${out} (index.json)\n`);
  return 0;
}
