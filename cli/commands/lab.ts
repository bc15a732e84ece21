/**
 * `citydc lab up|down|status [--inventory inventory/lab.yaml] [--dir .lab] [--json]`
 *   up      start the inventory's devices, links and hosts on this machine (idempotent)
 *   down    stop and remove them (`--all`: every citydc lab object on the machine)
 *   status  what runs per device; exit 0 when everything is up, 1 otherwise
 * Exit codes: 0 done / all up; 1 status not (fully) up, or an invalid inventory; 2 usage, unreadable
 * inventory, not root, or a step that failed (the message names it, with a hint).
 */
import * as path from "path";
import { parseArgs } from "../../util/args";
import { repoRoot } from "../../util/repo";
import { UsageError, CliError } from "../../util/errors";
import { labUp, labDown, labDownAll, labStatus, LabError, type LabStatus } from "../../lab/index";
import { loadLabInventory, DEFAULT_LAB_INVENTORY } from "../../lab/inventory";

const USAGE = "usage: citydc lab up|down|status [--inventory FILE] [--dir DIR] [--all] [--json]";

function yes(b: boolean): string {
  return b ? "yes" : "no";
}

export function formatStatus(s: LabStatus): string {
  const rows = [["device", "kind", "namespace", "ovs/frr", "sshd", "reachable", "management"]];
  for (const d of s.devices) rows.push([d.device, d.kind, yes(d.namespace), yes(d.daemons), yes(d.sshd), yes(d.reachable), d.address]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
  const hostsUp = s.hosts.filter((h) => h.namespace).length;
  lines.push("", `hosts: ${hostsUp}/${s.hosts.length} namespaces present`);
  if (s.skipped.length) lines.push(`not emulated (platform cannot run here): ${s.skipped.join(", ")}`);
  lines.push(`lab ${s.name}: ${s.up ? "up" : s.down ? "down" : "partly up"}`);
  return lines.join("\n");
}

export async function run(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, {
    inventory: { type: "string" },
    dir: { type: "string" },
    all: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  });
  if (options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const action = positionals[0];
  if (positionals.length !== 1 || !["up", "down", "status"].includes(action ?? "")) throw new UsageError(USAGE);
  const json = options.json === true;
  const out = (human: string, data: unknown) => process.stdout.write((json ? JSON.stringify(data, null, 2) : human) + "\n");
  try {
    if (action === "down" && options.all) {
      const removed = labDownAll();
      out(`lab: removed ${removed.length ? removed.join(", ") : "nothing (no lab was running)"}`, { removed });
      return 0;
    }
    const inv = loadLabInventory((options.inventory as string | undefined) ?? path.join(repoRoot(), DEFAULT_LAB_INVENTORY));
    if (action === "up") {
      const started = Date.now();
      const r = labUp(inv, { dir: options.dir as string | undefined });
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const summary = `lab ${r.plan.name}: ${r.plan.devices.length} devices, ${r.plan.links.length} links, ${r.plan.hosts.length} hosts; ` +
        (r.changed.length ? `${r.changed.length} things started or created in ${secs} s` : "already up, nothing changed");
      out([...r.changed.map((c) => `  + ${c}`), summary, `keys and pins: ${r.info.dir} (hostkeys.json, id_ed25519, lab.json)`].join("\n"), {
        name: r.plan.name, changed: r.changed, dir: r.info.dir,
      });
      return 0;
    }
    if (action === "down") {
      const removed = labDown(inv);
      out(`lab ${inv.name}: ${removed.length ? `removed ${removed.join(", ")}` : "nothing was running"}`, { removed });
      return 0;
    }
    const s = await labStatus(inv);
    out(formatStatus(s), s);
    return s.up ? 0 : 1;
  } catch (err) {
    if (err instanceof LabError) throw new CliError(`${err.message}${err.hint ? `\n  hint: ${err.hint}` : ""}`, 2);
    throw err;
  }
}
