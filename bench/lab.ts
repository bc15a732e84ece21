/**
 * Lab benchmarks: generated lab inventories of growing size started with `citydc lab up`, then
 *   - the real Pulumi engine (Automation API, local file backend): preview, full up, no-op up, a one-VLAN
 *     change, and changes on K leafs (cost per changed device), then destroy;
 *   - Ansible on a freshly started lab of the same inventory: full converge, no-op `--check`, the same
 *     one-VLAN change;
 * and the ratios between them. Everything goes to 127.0.0.1 and into the lab's own namespaces.
 */
import { spawn } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Inventory } from "../model/types";
import { generateInventory, countInventory, DEFAULTS, LAB_DEFAULTS, type GenerateOptions } from "../generate/generator";
import { inventoryToYaml } from "../generate/document";
import { addVlanOnLeafs } from "./mutate";
import { table, fmtMs } from "./report";
import type { Section } from "./report";
import { writeAnsibleFiles, writeInventory, runPlaybook, closeConnections, type LabDeviceLogin, type PlaybookRun } from "./ansible";

export interface LabBenchOptions {
  readonly root: string;
  readonly work: string;
  readonly sizes: readonly number[];
  readonly pulumi: boolean;
  readonly ansible: boolean;
  /** Ansible runs only on labs up to this many switches. */
  readonly ansibleMax?: number;
  /** The stacks carry their config backups and site verifications (default true; false: --no-checks). */
  readonly checks?: boolean;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

export const LAB_PORT_BASE = 24000;

/** Lab generator options for `switches` ovs switches: two sites (primary and DR), one spine each, leafs on two-member LACP uplinks. */
export function labSizeOptions(switches: number): GenerateOptions {
  const leafs = Math.max(1, Math.floor(switches / 2) - 1);
  let perRack = 1;
  for (let d = Math.min(8, leafs); d >= 1; d--) {
    if (leafs % d === 0) {
      perRack = d;
      break;
    }
  }
  return {
    ...DEFAULTS,
    ...LAB_DEFAULTS,
    lab: true,
    sites: 2,
    spines: 1,
    racksPerSite: leafs / perRack,
    leafsPerRack: perRack,
    interfacesPerLeaf: 6,
    vlans: 6,
    hostsPerLeaf: 0,
    branches: 0,
    portBase: LAB_PORT_BASE,
    name: `bench-lab-${switches}`,
    prefix: "bench-",
  };
}

interface CliRun {
  readonly ms: number;
  readonly code: number;
  readonly out: string;
}

function cli(root: string, args: readonly string[]): Promise<CliRun> {
  return cliEnv(root, args, {});
}

function cliEnv(root: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(root, "bin", "citydc.js"), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code: code ?? 1, out }));
  });
}

function memAvailableKiB(): number {
  const m = /MemAvailable:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"));
  return m ? Number(m[1]) : 0;
}

/** RSS and PSS (shared pages divided among their users) of the process in a pid file, KiB. */
function memOfPidFile(file: string): { rss: number; pss: number } {
  try {
    const pid = readFileSync(file, "utf8").trim();
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const rss = /^Rss:\s+(\d+)/m.exec(text);
    const pss = /^Pss:\s+(\d+)/m.exec(text);
    return { rss: rss ? Number(rss[1]) : 0, pss: pss ? Number(pss[1]) : 0 };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** Memory of one lab switch's processes (ovsdb-server, ovs-vswitchd, its sshd listener), KiB. */
function switchMemKiB(device: string): { rss: number; pss: number } {
  const dir = `/run/citydc-lab/${device}`;
  return ["ovsdb-server.pid", "ovs-vswitchd.pid", "sshd.pid"].reduce(
    (sum, f) => {
      const m = memOfPidFile(join(dir, f));
      return { rss: sum.rss + m.rss, pss: sum.pss + m.pss };
    },
    { rss: 0, pss: 0 },
  );
}

interface LabInfoFile {
  readonly keyFile: string;
  readonly dir: string;
  readonly devices: readonly (LabDeviceLogin & { readonly kind: string })[];
}

interface PulumiFigures {
  preview?: number;
  up?: number;
  upDevices?: number;
  noop?: number;
  noopChanged?: number;
  change?: number;
  changeDevices?: number;
  destroy?: number;
  errors: string[];
  /** K changed leafs -> [ms, devices updated]. */
  linear: { k: number; ms: number; devices: number }[];
}

interface AnsibleFigures {
  converge?: PlaybookRun;
  check?: PlaybookRun;
  change?: PlaybookRun;
  /** `citydc drift` after Ansible's converge / change: did Ansible leave what citydc would (exit 0 = in sync)? */
  driftAfterConverge?: string;
  driftAfterChange?: string;
  errors: string[];
}

/** `citydc drift` of the lab against an inventory: "in sync", or what differs. */
async function drift(o: LabBenchOptions, file: string, info: LabInfoFile): Promise<string> {
  const r = await cliEnv(o.root, ["drift", "--inventory", file, "--hostkeys", join(info.dir, "hostkeys.json"), "--format", "json"], { CITYDC_SSH_KEY_FILE: info.keyFile });
  if (r.code === 0) return "in sync";
  try {
    const doc = JSON.parse(r.out.slice(r.out.indexOf("{"))) as {
      counts?: Record<string, number>;
      devices?: { device: string; drift?: { status: string; key?: string }[] }[];
    };
    const c = doc.counts ?? {};
    const keys = [...new Set((doc.devices ?? []).flatMap((d) => (d.drift ?? []).map((x) => `${x.status} ${x.key ?? "?"}`)))].slice(0, 4);
    return `${c.drift ?? "?"} of ${c.devices ?? "?"} devices differ (${c.missing ?? 0} missing, ${c.different ?? 0} different, ${c.extra ?? 0} extra objects: ${keys.join(", ")})`;
  } catch {
    return `exit ${r.code}: ${r.out.trim().split("\n").slice(-2).join(" / ").slice(0, 160)}`;
  }
}

interface LabCase {
  readonly switches: number;
  readonly interfaces: number;
  readonly labUpMs: number;
  readonly memPerSwitchMiB: number;
  readonly rssPerSwitchMiB: number;
  readonly pulumi?: PulumiFigures;
  readonly ansible?: AnsibleFigures;
  readonly error?: string;
}

async function labUp(o: LabBenchOptions, file: string, labDir: string): Promise<CliRun> {
  let r = await cli(o.root, ["lab", "up", "--inventory", file, "--dir", labDir]);
  if (r.code !== 0) {
    // Other labs on the machine share /run/citydc-lab; one that stops at the same moment can remove it
    // under us. The lab is idempotent: a second run starts what is missing.
    o.log(`  lab up failed once (${r.out.trim().split("\n").pop()}); retrying`);
    await new Promise((res) => setTimeout(res, 2000));
    const again = await cli(o.root, ["lab", "up", "--inventory", file, "--dir", labDir]);
    r = { ...again, ms: r.ms + again.ms };
  }
  if (r.code !== 0) throw new Error(`citydc lab up failed (exit ${r.code}): ${r.out.trim().split("\n").slice(-3).join(" / ")}`);
  return r;
}

async function labDown(o: LabBenchOptions, file: string, labDir: string): Promise<void> {
  const r = await cli(o.root, ["lab", "down", "--inventory", file, "--dir", labDir]);
  if (r.code !== 0) o.log(`  lab down failed (exit ${r.code}): ${r.out.trim()}`);
}

function stepCount(r: { devices: readonly { op: string }[] }, ops: readonly string[]): number {
  return r.devices.filter((d) => ops.includes(d.op)).length;
}

async function benchPulumi(o: LabBenchOptions, n: number, dir: string, files: { base: string; change: string; linear: { k: number; file: string }[] }, info: LabInfoFile): Promise<PulumiFigures> {
  const stacks = await import("../pulumi/stacks");
  const env = await import("../pulumi/env");
  const figures: PulumiFigures = { errors: [], linear: [] };
  const stack = `bench${n}`;
  const base = {
    workDir: join(dir, "pulumi"),
    backendUrl: `file://${join(dir, "state")}`,
    passphrase: env.LAB_PASSPHRASE,
    pulumiHome: join(o.work, "pulumi-home"),
  };
  const privateKey = readFileSync(info.keyFile, "utf8");
  const hostKeysFile = join(info.dir, "hostkeys.json");
  const checks = o.checks === false ? { verify: false, backups: false } : {};
  const settings = (inventory: string) => ({ inventory, sites: [] as string[], hostKeysFile, credentials: { privateKey }, ...checks });
  const timed = async <T extends { ok: boolean; error?: string }>(what: string, f: () => Promise<T>): Promise<[number, T]> => {
    const t0 = process.hrtime.bigint();
    const r = await f();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!r.ok) figures.errors.push(`${what}: ${(r.error ?? "failed").split("\n")[0]}`);
    o.log(`  pulumi ${what.padEnd(22)} ${fmtMs(ms)}${r.ok ? "" : " FAILED: " + (r.error ?? "").split("\n")[0]}`);
    return [ms, r];
  };
  const [previewMs, preview] = await timed("preview", () => stacks.previewStack(stack, { ...base, settings: settings(files.base) }));
  if (preview.ok) figures.preview = previewMs;
  const [upMs, up] = await timed("up (full converge)", () => stacks.upStack(stack, { ...base, settings: settings(files.base) }));
  if (!up.ok) return figures;
  figures.up = upMs;
  figures.upDevices = stepCount(up, ["create", "update", "replace"]);
  const [noopMs, noop] = await timed("up (no-op)", () => stacks.upStack(stack, { ...base, settings: settings(files.base) }));
  if (noop.ok) {
    figures.noop = noopMs;
    figures.noopChanged = stepCount(noop, ["create", "update", "replace", "delete"]);
  }
  const [changeMs, change] = await timed("up (one-VLAN change)", () => stacks.upStack(stack, { ...base, settings: settings(files.change) }));
  if (change.ok) {
    figures.change = changeMs;
    figures.changeDevices = stepCount(change, ["create", "update", "replace"]);
  }
  for (const l of files.linear) {
    await timed(`up (back to base)`, () => stacks.upStack(stack, { ...base, settings: settings(files.base) }));
    const [ms, r] = await timed(`up (VLAN on ${l.k} leafs)`, () => stacks.upStack(stack, { ...base, settings: settings(l.file) }));
    if (r.ok) figures.linear.push({ k: l.k, ms, devices: stepCount(r, ["create", "update", "replace"]) });
  }
  const [destroyMs, destroy] = await timed("destroy", () => stacks.destroyStack(stack, { ...base, settings: settings(files.base) }));
  if (destroy.ok) figures.destroy = destroyMs;
  return figures;
}

async function benchAnsible(o: LabBenchOptions, n: number, dir: string, inv: Inventory, changed: Inventory, info: LabInfoFile, yamls: { base: string; change: string }): Promise<AnsibleFigures> {
  const { intentsOf } = await import("../pipeline/index");
  const figures: AnsibleFigures = { errors: [] };
  const logins = info.devices.filter((d) => d.kind === "switch");
  const files = writeAnsibleFiles(join(dir, "ansible"), logins, info.keyFile, Math.max(5, n));
  const baseInv = writeInventory(join(files.dir, "hosts.yml"), inv, intentsOf(inv), logins);
  const changeInv = writeInventory(join(files.dir, "hosts-change.yml"), changed, intentsOf(changed), logins);
  const step = async (what: string, inventory: string, check: boolean): Promise<PlaybookRun | undefined> => {
    const r = await runPlaybook(files, inventory, check);
    const bad = r.code !== 0 || r.failed > 0 || r.unreachable > 0;
    o.log(`  ansible ${what.padEnd(21)} ${fmtMs(r.wallMs)} (changed tasks ${r.changed}${bad ? `, FAILED exit ${r.code}` : ""})`);
    if (bad) {
      figures.errors.push(`${what}: exit ${r.code}, failed ${r.failed}, unreachable ${r.unreachable}: ${r.tail.split("\n").slice(-4).join(" / ")}`);
      return undefined;
    }
    return r;
  };
  try {
    figures.converge = await step("full converge", baseInv, false);
    if (!figures.converge) return figures;
    figures.driftAfterConverge = await drift(o, yamls.base, info);
    o.log(`  citydc drift after ansible converge: ${figures.driftAfterConverge}`);
    figures.check = await step("--check (no-op)", baseInv, true);
    figures.change = await step("one-VLAN change", changeInv, false);
    if (figures.change) {
      figures.driftAfterChange = await drift(o, yamls.change, info);
      o.log(`  citydc drift after ansible change: ${figures.driftAfterChange}`);
    }
    return figures;
  } finally {
    closeConnections(files, logins);
  }
}

export async function benchLab(o: LabBenchOptions): Promise<Section[]> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    return [{ title: "Lab: real engine and Ansible", markdown: "Skipped: the lab needs root." }];
  }
  const cases: LabCase[] = [];
  const largest = Math.max(...o.sizes);
  for (const n of o.sizes) {
    const dir = join(o.work, `lab-${n}`);
    mkdirSync(dir, { recursive: true });
    const inv = generateInventory(labSizeOptions(n));
    const counts = countInventory(inv);
    const change = addVlanOnLeafs(inv, 1);
    const files = { base: join(dir, "base.yaml"), change: join(dir, "change.yaml"), linear: [] as { k: number; file: string }[] };
    writeFileSync(files.base, inventoryToYaml(inv));
    writeFileSync(files.change, inventoryToYaml(change.inventory));
    if (n === largest && !o.quick) {
      const leafsAtSite = inv.devices.filter((d) => d.role === "leaf" && d.site === inv.devices[0]!.site).length;
      for (const k of [2, 4, 8, 16].filter((k) => k <= leafsAtSite)) {
        const f = join(dir, `change-${k}.yaml`);
        writeFileSync(f, inventoryToYaml(addVlanOnLeafs(inv, k).inventory));
        files.linear.push({ k, file: f });
      }
    }
    const labDir = join(dir, "lab");
    o.log(`lab: ${counts.devices} switches, ${counts.interfaces} interfaces`);
    let labCase: LabCase;
    try {
      const up = await labUp(o, files.base, labDir);
      await new Promise((r) => setTimeout(r, 1000));
      const mem = inv.devices.reduce(
        (s, d) => {
          const m = switchMemKiB(d.name);
          return { rss: s.rss + m.rss, pss: s.pss + m.pss };
        },
        { rss: 0, pss: 0 },
      );
      const pss = mem.pss / 1024 / counts.devices;
      const rssPer = mem.rss / 1024 / counts.devices;
      o.log(`  lab up ${fmtMs(up.ms)}; per switch PSS ${pss.toFixed(1)} MiB, RSS ${rssPer.toFixed(1)} MiB; ${(memAvailableKiB() / 1024).toFixed(0)} MiB still available`);
      const info = JSON.parse(readFileSync(join(labDir, inv.name, "lab.json"), "utf8")) as LabInfoFile;
      let pulumi: PulumiFigures | undefined;
      let ansible: AnsibleFigures | undefined;
      try {
        if (o.pulumi) pulumi = await benchPulumi(o, n, dir, files, info);
      } catch (err) {
        pulumi = { errors: [`${(err as Error).message.split("\n")[0]}`], linear: [] };
        o.log(`  pulumi failed: ${(err as Error).message.split("\n")[0]}`);
      }
      if (o.ansible && n <= (o.ansibleMax ?? Infinity)) {
        // A fresh lab, so both tools start from the same empty switches.
        await labDown(o, files.base, labDir);
        await labUp(o, files.base, labDir);
        const info2 = JSON.parse(readFileSync(join(labDir, inv.name, "lab.json"), "utf8")) as LabInfoFile;
        try {
          ansible = await benchAnsible(o, n, dir, inv, change.inventory, info2, files);
        } catch (err) {
          ansible = { errors: [(err as Error).message.split("\n")[0]!] };
          o.log(`  ansible failed: ${(err as Error).message.split("\n")[0]}`);
        }
      }
      labCase = {
        switches: counts.devices,
        interfaces: counts.interfaces,
        labUpMs: up.ms,
        memPerSwitchMiB: pss,
        rssPerSwitchMiB: rssPer,
        ...(pulumi ? { pulumi } : {}),
        ...(ansible ? { ansible } : {}),
      };
    } catch (err) {
      labCase = { switches: counts.devices, interfaces: counts.interfaces, labUpMs: NaN, memPerSwitchMiB: NaN, rssPerSwitchMiB: NaN, error: (err as Error).message };
      o.log(`  ${labCase.error}`);
    } finally {
      if (existsSync(files.base)) await labDown(o, files.base, labDir);
    }
    cases.push(labCase);
  }
  return [{ title: "Lab: real Pulumi engine and Ansible on the same switches", markdown: labSection(cases, o) }];
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !a) return "n/a";
  return `${(b / a).toFixed(1)}x`;
}

function labSection(cases: readonly LabCase[], o: LabBenchOptions): string {
  const opt = (v: number | undefined, extra = "") => (v === undefined ? "n/a" : fmtMs(v) + extra);
  const lines: string[] = [
    "Generated lab inventories (`citydc generate --lab`): two sites, one spine each, leafs on two-member LACP bonds,",
    "6 ports per leaf; every switch is an Open vSwitch (userspace datapath) in its own namespace with its own sshd on",
    "127.0.0.1. Pulumi: the real engine through the Automation API on a local file backend (times include the CLI's",
    "start-up, as a user pays it). Ansible: `ansible-playbook` with the openvswitch.openvswitch modules on a freshly",
    "started lab, pipelining, ControlPersist, one fork per switch. Ratio = Ansible time / citydc time (higher is better",
    "for citydc). Targets: no-op up at least 5x faster than `--check`; full converge at least as fast.",
    "",
    table(
      ["switches", "lab up", "memory per switch", "citydc preview", "citydc up (full)", "citydc up (no-op)", "citydc one-VLAN change", "ansible converge", "ansible --check", "ansible one-VLAN change", "converge ratio", "no-op ratio", "change ratio"],
      cases.map((c) => [
        String(c.switches),
        c.error ? `failed` : fmtMs(c.labUpMs),
        Number.isFinite(c.memPerSwitchMiB) ? `PSS ${c.memPerSwitchMiB.toFixed(1)} MiB (RSS ${c.rssPerSwitchMiB.toFixed(1)})` : "n/a",
        opt(c.pulumi?.preview),
        opt(c.pulumi?.up, c.pulumi?.upDevices !== undefined ? ` (${c.pulumi.upDevices} dev)` : ""),
        opt(c.pulumi?.noop, c.pulumi?.noopChanged !== undefined ? ` (${c.pulumi.noopChanged} changed)` : ""),
        opt(c.pulumi?.change, c.pulumi?.changeDevices !== undefined ? ` (${c.pulumi.changeDevices} dev)` : ""),
        opt(c.ansible?.converge?.wallMs),
        opt(c.ansible?.check?.wallMs, c.ansible?.check ? ` (${c.ansible.check.changed} changed)` : ""),
        opt(c.ansible?.change?.wallMs),
        ratio(c.pulumi?.up, c.ansible?.converge?.wallMs),
        ratio(c.pulumi?.noop, c.ansible?.check?.wallMs),
        ratio(c.pulumi?.change, c.ansible?.change?.wallMs),
      ]),
    ),
    "",
  ];
  const linear = cases.flatMap((c) => (c.pulumi?.linear.length ? [{ c, rows: c.pulumi.linear }] : []));
  for (const { c, rows } of linear) {
    lines.push(
      `Cost per changed device (${c.switches} switches; one new VLAN on K leafs, each run from the base state; the`,
      "no-op up is the fixed cost of an up, so the time above it is what the changed devices cost):",
      "",
      table(
        ["leafs changed (K)", "devices updated", "citydc up", "above the no-op up", "per updated device"],
        [
          ...(c.pulumi?.noop !== undefined ? [["0 (no-op)", "0", fmtMs(c.pulumi.noop), "-", "-"]] : []),
          ...[
            ...(c.pulumi?.change !== undefined ? [{ k: 1, devices: c.pulumi.changeDevices ?? 0, ms: c.pulumi.change }] : []),
            ...rows,
          ].map((r) => {
            const extra = c.pulumi?.noop !== undefined ? r.ms - c.pulumi.noop : undefined;
            return [String(r.k), String(r.devices), fmtMs(r.ms), extra !== undefined ? fmtMs(extra) : "n/a", extra !== undefined && r.devices ? fmtMs(extra / r.devices) : "-"];
          }),
        ],
      ),
      "",
    );
  }
  const errors = cases.flatMap((c) => [
    ...(c.error ? [`- ${c.switches} switches: ${c.error}`] : []),
    ...(c.pulumi?.errors ?? []).map((e) => `- ${c.switches} switches, pulumi ${e}`),
    ...(c.ansible?.errors ?? []).map((e) => `- ${c.switches} switches, ansible ${e}`),
  ]);
  const drifts = cases.filter((c) => c.ansible?.driftAfterConverge !== undefined);
  if (drifts.length) {
    lines.push(
      "Same work, checked: after Ansible's converge and after its one-VLAN change, `citydc drift` read every config object",
      "back from the switches and compared it with citydc's intent (converge / change): " +
        drifts.map((c) => `${c.switches} switches: ${c.ansible!.driftAfterConverge} / ${c.ansible!.driftAfterChange ?? "n/a"}`).join("; ") + ".",
      ...(drifts.some((c) => c.ansible!.driftAfterChange !== undefined && c.ansible!.driftAfterChange !== "in sync")
        ? [
            "An additive playbook (the usual kind) leaves behind what the change made unnecessary (the VLAN the moved port",
            "left, on the switches where nothing else needs it); citydc removes it in the same run. Ansible would need",
            "explicit removal tasks (state: absent per item, more module runs) to match.",
          ]
        : []),
      "",
    );
  }
  if (errors.length) lines.push("Failures:", "", ...errors, "");
  if (!o.pulumi) lines.push("Pulumi runs skipped (--skip-pulumi).");
  if (!o.ansible) lines.push("Ansible runs skipped (--skip-ansible).");
  else if (cases.some((c) => c.switches > (o.ansibleMax ?? Infinity))) lines.push(`Ansible runs only up to ${o.ansibleMax} switches (--ansible-max), where one playbook run already takes about a minute.`);
  return lines.join("\n");
}
