/**
 * `citydc twin up|status|verify|down [--inventory FILE] [--format text|json|markdown]`: the inventory's own
 * network emulated on this machine (lab/twin.ts says how each device is emulated), applied through the stack
 * `twin`, and proven.
 *   up      rewrite the inventory for the twin, start every device, link and host (idempotent), then apply
 *           the stack `twin` (a second run changes nothing)
 *   status  what runs per device, and the interface map; exit 0 when everything is up
 *   verify  read every config object back, then the reachability matrix (lab/twinVerify.ts); exit 0 all pass
 *   down    stop and remove everything the twin made, and forget the stack's state (idempotent)
 * Exit: 0 done / all up / all pass; 1 not up, a check failed, a stack run failed or an invalid inventory;
 * 2 usage, an unreadable inventory, not root, or a step that failed (named, with a hint).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, oneOf } from "../../util/args";
import { repoRoot } from "../../util/repo";
import { UsageError, CliError } from "../../util/errors";
import { LabError } from "../../lab/index";
import { prepareTwin, twinLabUp, twinLabStatus, twinLabDown, twinMemory, type TwinPrepared } from "../../lab/twinLab";
import { formatStatus } from "./lab";

export const DEFAULT_TWIN_INVENTORY = "inventory/kragujevac.yaml";
export const TWIN_STACK = "twin";
/** The twin stack holds no secret of value (its login key is generated per twin): a fixed default passphrase. */
const TWIN_PASSPHRASE = "citydc-twin-not-secret";
export function twinStackOptions() {
  return { root: repoRoot(), passphrase: process.env.CITYDC_TWIN_PASSPHRASE ?? TWIN_PASSPHRASE };
}
const USAGE = "usage: citydc twin up|status|verify|down|demo [--inventory FILE] [--format text|json|markdown]\n" +
  "       citydc twin drill vrrp --vlan ID | drill dr --site NAME [--inventory FILE] [--format text|json|markdown]";

function requireRoot(): void {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new CliError("citydc twin needs root (network namespaces, Open vSwitch, FRR, sshd): run it as root", 2);
  }
}

/** The stack settings of the twin: its inventory, pins and login key; no backups or site verifications (twin verify proves it). */
export function twinSettings(p: TwinPrepared, keyFile: string) {
  return {
    inventory: p.files.inventoryFile,
    sites: [] as string[],
    hostKeysFile: path.join(p.files.dir, "hostkeys.json"),
    credentials: { privateKey: fs.readFileSync(keyFile, "utf8") },
    verify: false,
    backups: false,
  };
}

export interface TwinUpReport {
  readonly inventory: string;
  readonly devices: number;
  readonly emulated: number;
  readonly links: number;
  readonly hosts: number;
  readonly started: readonly string[];
  readonly summary: Readonly<Record<string, number | undefined>>;
  readonly configured: readonly string[];
  readonly labMs: number;
  readonly stackMs: number;
}

/** twin up: the lab, then the stack (refreshed first when devices were (re)started: they hold nothing). */
export async function twinUp(p: TwinPrepared, say: (line: string) => void = () => {}): Promise<TwinUpReport> {
  const t0 = Date.now();
  const lab = twinLabUp(p);
  const labMs = Date.now() - t0;
  say(`twin ${p.source.name}: ${p.source.devices.length} devices emulated as ${lab.plan.devices.length} (ovs ${lab.plan.devices.filter((d) => d.kind === "switch").length}, frr ${lab.plan.devices.filter((d) => d.kind === "router").length}), ` +
    `${lab.plan.links.length} links, ${lab.plan.hosts.length} hosts; ${lab.changed.length ? `${lab.changed.length} things started or created` : "already running"} in ${(labMs / 1000).toFixed(1)} s`);
  const stacks = await import("../../pulumi/stacks");
  const settings = twinSettings(p, lab.info.keyFile);
  const opts = { ...twinStackOptions(), settings };
  const t1 = Date.now();
  if (lab.changed.length > 0) {
    const refreshed = await stacks.refreshStack(TWIN_STACK, opts);
    if (!refreshed.ok) throw stackFailure("refresh", refreshed);
  }
  const up = await stacks.upStack(TWIN_STACK, opts);
  if (!up.ok) throw stackFailure("up", up);
  const stackMs = Date.now() - t1;
  const configured = up.devices.filter((d) => d.op !== "same").map((d) => d.new?.device ?? d.name);
  const parts = Object.entries(up.summary).filter(([, n]) => (n ?? 0) > 0).map(([op, n]) => `${n} ${op}`);
  say(`stack ${TWIN_STACK}: ${parts.join(", ") || "no resources"}; devices configured: ${configured.length ? configured.length : "none (already in sync)"} in ${(stackMs / 1000).toFixed(1)} s`);
  return {
    inventory: p.source.name, devices: p.source.devices.length, emulated: lab.plan.devices.length, links: lab.plan.links.length, hosts: lab.plan.hosts.length,
    started: lab.changed, summary: up.summary, configured, labMs, stackMs,
  };
}

function stackFailure(what: string, r: { error?: string; failures: readonly { device?: string; message: string }[] }): CliError {
  const lines = [`stack ${TWIN_STACK}: ${what} failed: ${r.error ?? ""}`.trim()];
  for (const f of r.failures) lines.push(`  ${f.device ? `${f.device}: ` : ""}${f.message}`);
  return new CliError(lines.join("\n"), 1);
}

/** twin down's stack part: forget the state of the stack (its devices are gone with the twin). */
async function forgetStack(): Promise<boolean> {
  const stacks = await import("../../pulumi/stacks");
  try {
    const stack = await stacks.openStack(TWIN_STACK, { ...twinStackOptions(), mustExist: true });
    await stack.workspace.removeStack(TWIN_STACK, { force: true });
    return true;
  } catch {
    return false; // no such stack: nothing to forget
  }
}

export function formatMap(p: TwinPrepared): string {
  const lines = ["interface map (inventory name -> twin name; router:interface for layer 3):"];
  for (const d of p.map.devices) {
    const routers = Object.entries(d.routers).map(([r, vrf]) => `${r} (${vrf})`);
    lines.push(`  ${d.device} (${d.platform} -> ${d.kind === "switch" ? "ovs" : "frr"})${routers.length ? `, layer 3 on ${routers.join(", ")}` : ""}`);
    const pairs = Object.entries(d.interfaces).map(([a, b]) => `${a}=${b}`);
    for (let i = 0; i < pairs.length; i += 6) lines.push(`    ${pairs.slice(i, i + 6).join("  ")}`);
  }
  return lines.join("\n");
}

export async function run(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, {
    inventory: { type: "string" },
    format: { type: "string" },
    vlan: { type: "string" },
    site: { type: "string" },
    help: { type: "boolean" },
  });
  if (options.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const action = positionals[0] ?? "";
  const actions = ["up", "status", "verify", "down", "drill", "demo"];
  if (!actions.includes(action) || (action !== "drill" && positionals.length !== 1)) throw new UsageError(USAGE);
  const format = oneOf("format", options.format, ["text", "json", "markdown"] as const, "text");
  requireRoot();
  const file = (options.inventory as string | undefined) ?? path.join(repoRoot(), DEFAULT_TWIN_INVENTORY);
  const json = format === "json";
  const say = (line: string) => {
    if (!json) process.stdout.write(line + "\n");
  };
  try {
    const p = prepareTwin(file);
    if (action === "up") {
      const r = await twinUp(p, say);
      if (json) process.stdout.write(JSON.stringify(r, null, 2) + "\n");
      else say(`twin files: ${p.files.dir} (twin.yaml, map.json, hostkeys.json); \`citydc twin status\` shows the interface map`);
      return 0;
    }
    if (action === "status") {
      const s = await twinLabStatus(p);
      if (json) process.stdout.write(JSON.stringify({ ...s, map: p.map }, null, 2) + "\n");
      else say(`${formatStatus(s).replace(/^lab /m, "twin ")}\n\n${formatMap(p)}`);
      return s.up ? 0 : 1;
    }
    if (action === "down") {
      const removed = twinLabDown(p);
      const forgot = await forgetStack();
      const msg = `twin ${p.source.name}: ${removed.length ? `removed ${removed.length} devices and hosts` : "nothing was running"}` +
        `${forgot ? `; state of stack ${TWIN_STACK} removed` : ""}`;
      if (json) process.stdout.write(JSON.stringify({ removed, stackRemoved: forgot }, null, 2) + "\n");
      else say(msg);
      return 0;
    }
    if (action === "verify") {
      const { twinVerify, formatVerify } = await import("../../lab/twinVerify");
      const report = await twinVerify(p);
      process.stdout.write(formatVerify(report, format) + "\n");
      return report.ok ? 0 : 1;
    }
    if (action === "demo") return await demo(p, format);
    // drills
    const kind = positionals[1];
    if (kind === "dr" && positionals.length === 2) {
      if (typeof options.site !== "string") throw new UsageError("twin drill dr: --site NAME is required (the DR site)");
      const { drillDr, formatDrill } = await import("../../lab/twinDrill");
      const r = await drillDr(p, options.site);
      process.stdout.write(formatDrill(r, format) + "\n");
      return r.ok ? 0 : 1;
    }
    if (kind === "vrrp" && positionals.length === 2) {
      const vid = Number(options.vlan);
      if (typeof options.vlan !== "string" || !Number.isInteger(vid) || vid < 1 || vid > 4094) throw new UsageError("twin drill vrrp: --vlan ID is required (a VLAN with VRRP gateways, 1-4094)");
      const { drillVrrp, formatDrill } = await import("../../lab/twinDrill");
      const r = await drillVrrp(p, vid);
      process.stdout.write(formatDrill(r, format) + "\n");
      return r.ok ? 0 : 1;
    }
    throw new UsageError(USAGE);
  } catch (err) {
    if (err instanceof LabError) throw new CliError(`${err.message}${err.hint ? `\n  hint: ${err.hint}` : ""}`, 2);
    throw err;
  }
}

/**
 * `citydc twin demo` (`npm run demo`): validate, twin up, preview and apply the stack, verify, one DR drill
 * (the first DR site), and a report with the memory of the emulated devices. Exit 0 when all of it is green.
 */
async function demo(p: TwinPrepared, format: string): Promise<number> {
  const json = format === "json";
  const say = (line: string) => {
    if (!json) process.stdout.write(line + "\n");
  };
  const phases: { name: string; ms: number }[] = [];
  let t = Date.now();
  const started = t;
  const phase = (name: string) => {
    phases.push({ name, ms: Date.now() - t });
    t = Date.now();
  };
  const { loadNetwork } = await import("../../pipeline/index");
  const net = loadNetwork(p.files.inventoryFile);
  const objects = [...net.objects.values()].reduce((n, o) => n + o.length, 0);
  say(`1/6 validate  ${p.source.name}: ${p.source.devices.length} devices, ${p.source.vlans.length} VLANs, ${p.source.hosts.length} hosts, ${p.source.links.length} links; twin: ${p.twin.devices.length} emulated devices, ${objects} config objects`);
  phase("validate");
  const lab = twinLabUp(p);
  say(`2/6 twin up   ${lab.plan.devices.length} devices, ${lab.plan.links.length} links, ${lab.plan.hosts.length} hosts (${lab.changed.length ? `${lab.changed.length} things started or created` : "already running"})`);
  phase("twin up");
  const stacks = await import("../../pulumi/stacks");
  const opts = { ...twinStackOptions(), settings: twinSettings(p, lab.info.keyFile) };
  if (lab.changed.length > 0) {
    const refreshed = await stacks.refreshStack(TWIN_STACK, opts);
    if (!refreshed.ok) throw stackFailure("refresh", refreshed);
  }
  const preview = await stacks.previewStack(TWIN_STACK, opts);
  if (!preview.ok) throw stackFailure("preview", preview);
  const fmt = (sm: Readonly<Record<string, number | undefined>>) => Object.entries(sm).filter(([, n]) => (n ?? 0) > 0).map(([op, n]) => `${n} ${op}`).join(", ") || "no resources";
  say(`3/6 preview   ${fmt(preview.summary)}; ${preview.devices.filter((d) => d.op !== "same").length} device(s) to change`);
  phase("preview");
  const up = await stacks.upStack(TWIN_STACK, opts);
  if (!up.ok) throw stackFailure("up", up);
  const touched = up.devices.filter((d) => d.op !== "same").map((d) => d.new?.device ?? d.name);
  say(`4/6 apply     ${fmt(up.summary)}; devices configured: ${touched.length ? touched.length : "none (already in sync)"}`);
  phase("apply");
  const { twinVerify, formatVerify } = await import("../../lab/twinVerify");
  const verify = await twinVerify(p);
  for (const line of formatVerify(verify, "text").split("\n")) say(`5/6 ${line}`);
  phase("verify");
  const { drillDr, formatDrill } = await import("../../lab/twinDrill");
  const drSite = p.source.dr[0]?.site;
  const drill = drSite ? await drillDr(p, drSite) : undefined;
  if (drill) for (const line of formatDrill(drill, "text").split("\n").filter((l) => !l.startsWith("ok "))) say(`6/6 ${line}`);
  else say("6/6 drill     no DR site in the inventory: no DR drill");
  phase("drill");
  const mem = twinMemory(p);
  const totalKiB = mem.reduce((n, m) => n + m.pssKiB, 0);
  const avg = (k: "switch" | "router") => {
    const xs = mem.filter((m) => m.kind === k);
    return xs.length ? xs.reduce((n, m) => n + m.pssKiB, 0) / xs.length / 1024 : 0;
  };
  const green = verify.ok && (drill?.ok ?? true);
  const totalMs = Date.now() - started;
  if (json) {
    process.stdout.write(JSON.stringify({
      green, inventory: p.source.name, devices: p.source.devices.length, emulated: p.twin.devices.length, objects,
      preview: preview.summary, up: up.summary, devicesChanged: touched,
      verify: { ok: verify.ok, checks: verify.cells.length, failed: verify.cells.filter((c) => !c.ok) },
      drill: drill ?? null, memory: { totalKiB, devices: mem }, phases, totalMs,
    }, null, 2) + "\n");
  } else {
    say("");
    say(`citydc twin demo: ${green ? "GREEN" : "RED"}: ${p.source.name}, ${p.source.devices.length} devices as ${p.twin.devices.length} emulated, ${verify.objectsMatching}/${verify.objects} objects read back, ` +
      `${verify.cells.filter((c) => c.ok).length}/${verify.cells.length} checks${drill ? `, DR drill ${drill.ok ? "pass" : "FAIL"}` : ""}, ${(totalMs / 1000).toFixed(1)} s`);
    say(`  memory: ${(totalKiB / 1024).toFixed(0)} MiB for the twin's devices (PSS; switch ~${avg("switch").toFixed(1)} MiB, router ~${avg("router").toFixed(1)} MiB)`);
    say(`  time: ${phases.map((x) => `${x.name} ${(x.ms / 1000).toFixed(1)} s`).join(", ")}`);
  }
  return green ? 0 : 1;
}
