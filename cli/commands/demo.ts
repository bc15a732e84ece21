/**
 * `citydc demo` (`npm run demo`): the product's main job on the embedded lab inventory, proven.
 *   1. validate inventory/lab.yaml        4. up the lab stack (one SSH session per device, a config backup
 *   2. start the lab (idempotent)            before and after each, each site verified by its command resource)
 *   3. preview the lab stack              5. read every config object back from its device
 *                                         6. prove it on the data plane (pings between lab hosts)
 * then a short report with figures. Exit 0 when everything is green; 1 when a proof fails, the stack
 * run fails or the inventory is invalid; 2 on a usage or set-up error (not root, no pulumi, unreadable file). Options: --inventory FILE (default inventory/lab.yaml), --down
 * (stop the lab at the end), --json.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "../../util/args";
import { CliError } from "../../util/errors";
import { repoRoot } from "../../util/repo";
import { labUp, labDown, LabError } from "../../lab/index";
import { readBackAll } from "../../lab/verify";
import { expectations, runChecks, type CheckResult } from "../../lab/probe";
import { DEFAULT_LAB_INVENTORY } from "../../lab/inventory";

interface Phase {
  readonly name: string;
  readonly ms: number;
}

export async function run(argv: string[]): Promise<number> {
  const { options } = parseArgs(argv, {
    inventory: { type: "string" },
    down: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  });
  if (options.help) {
    process.stdout.write("usage: citydc demo [--inventory FILE] [--down] [--json]\n");
    return 0;
  }
  const json = options.json === true;
  const say = (line: string) => {
    if (!json) process.stdout.write(line + "\n");
  };
  const root = repoRoot();
  const invFile = path.resolve((options.inventory as string | undefined) ?? path.join(root, DEFAULT_LAB_INVENTORY));
  const custom = options.inventory !== undefined;
  const phases: Phase[] = [];
  const started = Date.now();
  let t = Date.now();
  const phase = (name: string) => {
    phases.push({ name, ms: Date.now() - t });
    t = Date.now();
  };

  // 1. validate
  const { loadNetwork } = await import("../../pipeline/index");
  const { formatDiagnostics } = await import("../../model/diagnostics");
  const net = loadNetwork(invFile);
  const errors = net.diagnostics.filter((d) => d.severity === "error");
  if (!net.inventory || errors.length > 0) {
    const unreadable = errors.some((d) => d.code === "E_IO");
    throw new CliError(`${path.relative(process.cwd(), invFile)} is not valid:\n${formatDiagnostics(errors)}`, unreadable ? 2 : 1);
  }
  const inv = net.inventory;
  const objectCount = [...net.objects.values()].reduce((n, o) => n + o.length, 0);
  say(`1/6 validate  ${path.relative(process.cwd(), invFile)}: ${inv.devices.length} devices, ${inv.vlans.length} VLANs, ${inv.hosts.length} hosts, ${objectCount} config objects`);
  phase("validate");

  // 2. lab
  let lab;
  try {
    lab = labUp(inv); // keys in $CITYDC_LAB_DIR or the repo's .lab
  } catch (err) {
    if (err instanceof LabError) throw new CliError(`lab: ${err.message}${err.hint ? `\n  hint: ${err.hint}` : ""}`, 2);
    throw err;
  }
  say(`2/6 lab       ${lab.plan.devices.length} devices, ${lab.plan.links.length} links, ${lab.plan.hosts.length} hosts (${lab.changed.length ? `${lab.changed.length} things started` : "already running"})`);
  phase("lab up");

  // 3-4. preview and up the lab stack
  const stacks = await import("../../pulumi/stacks");
  // One unreachable device must not keep the others from being configured (pulumi --continue-on-error).
  process.env.PULUMI_CONTINUE_ON_ERROR ??= "true";
  const settings = {
    inventory: invFile,
    hostKeysFile: path.join(lab.info.dir, "hostkeys.json"),
    credentials: { privateKey: fs.readFileSync(lab.info.keyFile, "utf8") },
    ...(custom ? { sites: [] as string[] } : {}),
  };
  // Devices the lab (re)started hold no configuration, whatever the state says: read them back first.
  if (lab.changed.length > 0) {
    const refreshed = await stacks.refreshStack("lab", { root, settings });
    if (!refreshed.ok) return fail(`refresh failed: ${refreshed.error ?? ""}`, refreshed.failures);
    say(`            lab (re)started: state refreshed from the devices`);
  }
  const preview = await stacks.previewStack("lab", { root, settings });
  if (!preview.ok) return fail(`preview failed: ${preview.error ?? ""}`, preview.failures);
  const previewDevices = preview.devices.filter((d) => d.op !== "same").length;
  say(`3/6 preview   ${fmtSummary(preview.summary)}; ${previewDevices} device(s) to change`);
  phase("preview");
  // Devices refreshed empty get their whole configuration again: back them up and verify them as any change.
  const { buildPlan } = await import("../../pulumi/planReport");
  const { changeSet, findPlatform } = await import("../../platforms/index");
  const { forcedChecks } = await import("./up");
  const replace = forcedChecks(preview, buildPlan(preview, findPlatform, changeSet));
  const up = await stacks.upStack("lab", { root, settings, ...(replace.length ? { replace } : {}) });
  const { recordRun } = await import("../../audit/records"); // audit trail: `citydc audit list|show`
  if (!up.ok) {
    recordRun({ stack: "lab", result: up, preview, inventoryFile: invFile, root });
    return fail(`up failed: ${up.error ?? ""}`, up.failures);
  }
  const touched = up.devices.filter((d) => d.op !== "same").map((d) => d.new?.device ?? d.name);
  say(`4/6 up        ${fmtSummary(up.summary)}; devices configured: ${touched.length ? touched.join(", ") : "none (already in sync)"}`);
  // The verification resources as the engine reported them, and what they said.
  const ranChecks = (up.checks ?? []).filter((c) => c.done && /^(create|replace)/.test(c.op));
  const verified = ranChecks.filter((c) => c.role === "verify");
  for (const line of up.stdout.split("\n").filter((l) => /command:local:Command \S+:verify (created|replaced)\b/.test(l))) say(`      pulumi: ${line.trim()}`);
  if (verified.length === 0) say("      verification: no site changed, nothing to verify again");
  for (const c of verified) {
    const head = (c.output ?? "").split("\n")[0] ?? "";
    say(`      verify ${c.site}: ${head.replace(/^verify site \S+ \(stack \S+\): /, "")}: ok`);
  }
  const backedUp = [...new Set(ranChecks.filter((c) => c.role !== "verify" && c.device).map((c) => c.device!))];
  say(`      config backups: ${backedUp.length ? `before and after on ${backedUp.length} device(s), kept in the run record` : "none (no device changed)"}`);
  phase("up");

  // 5. read back
  const labDevices = new Set(lab.plan.devices.map((d) => d.name));
  const expected = new Map([...net.objects].filter(([d]) => labDevices.has(d)));
  const readBack = await readBackAll(lab.info, expected);
  const rbObjects = readBack.reduce((n, r) => n + r.objects, 0);
  const rbOk = readBack.reduce((n, r) => n + r.matching, 0);
  say(`5/6 read-back ${rbOk}/${rbObjects} objects on ${readBack.length} devices as the inventory says`);
  for (const r of readBack) for (const p of r.problems) say(`      ${r.device}: ${p}`);
  phase("read-back");

  // 6. data plane
  const results = runChecks(expectations(inv));
  const good = results.filter((r) => r.ok).length;
  say(`6/6 traffic   ${good}/${results.length} checks: ${countKinds(results)}`);
  for (const r of results) if (!r.ok) say(`      FAILED ${r.kind}: ${r.from.name} (${r.from.ip}, VLAN ${r.from.vlan}) -> ${r.to.name} (${r.to.ip}, VLAN ${r.to.vlan})`);
  phase("data plane");
  const record = recordRun({
    stack: "lab", result: up, preview, inventoryFile: invFile, root,
    postChecks: [
      ...readBack.map((r) => ({ name: `read-back ${r.device}`, ok: r.problems.length === 0 && r.matching === r.objects, ...(r.problems.length ? { detail: r.problems.join("; ") } : {}) })),
      ...results.map((r) => ({ name: `${r.kind} ${r.from.name} -> ${r.to.name}`, ok: r.ok })),
    ],
  });
  if (record && !json) {
    say(`      run record ${record.record.id} (citydc audit show ${record.record.id})`);
    const first = record.record.devices.find((d) => d.config);
    if (first) say(`      config of a device before/after: citydc audit show ${record.record.id} --config ${first.device} [--before]; citydc audit diff-config ${record.record.id} ${first.device}`);
  }

  if (options.down) labDown(inv);
  const green = rbOk === rbObjects && good === results.length;
  const totalMs = Date.now() - started;
  if (json) {
    process.stdout.write(JSON.stringify({
      green, inventory: invFile, devices: lab.plan.devices.length, objects: rbObjects, objectsVerified: rbOk,
      checks: results.map((r) => ({ kind: r.kind, from: r.from.name, to: r.to.name, ok: r.ok })),
      preview: preview.summary, up: up.summary, devicesChanged: touched, phases, totalMs,
      verifications: verified.map((c) => ({ site: c.site, ok: !c.error })),
      backups: record ? record.record.devices.filter((d) => d.config).map((d) => ({ device: d.device, before: d.config!.before !== null, after: d.config!.after !== null })) : [],
      runRecord: record?.record.id ?? null,
    }, null, 2) + "\n");
  } else {
    say("");
    say(`citydc demo: ${green ? "GREEN" : "RED"}: ${lab.plan.devices.length} devices, ${rbObjects} config objects pushed and read back, ` +
      `${results.length} data-plane checks, ${(totalMs / 1000).toFixed(1)} s`);
    say(`  time: ${phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(", ")}`);
  }
  return green ? 0 : 1;

  function fail(message: string, failures: readonly { device?: string; message: string }[]): number {
    process.stderr.write(`citydc demo: ${message}\n`);
    for (const f of failures) process.stderr.write(`  ${f.device ? `${f.device}: ` : ""}${f.message}\n`);
    return 1;
  }
}

function fmtSummary(s: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(s).filter(([, n]) => (n ?? 0) > 0).map(([op, n]) => `${n} ${op}`);
  return parts.length ? parts.join(", ") : "no resources";
}

function countKinds(results: readonly CheckResult[]): string {
  const by = new Map<string, [number, number]>();
  for (const r of results) {
    const c = by.get(r.kind) ?? [0, 0];
    by.set(r.kind, [c[0] + (r.ok ? 1 : 0), c[1] + 1]);
  }
  const label: Record<string, string> = { "same-vlan": "same VLAN reach", routed: "routed reach", isolated: "other VLAN/tenant isolated" };
  return [...by].map(([k, [ok, n]]) => `${label[k] ?? k} ${ok}/${n}`).join(", ");
}
