/**
 * The lab: emulated devices of an inventory on this machine (see plan.ts for what is started).
 *   labUp     starts what is missing (idempotent: a second run changes nothing) and returns what changed;
 *   labDown   stops and removes everything of the inventory (or every citydc lab object with `all`);
 *   labStatus tells per device what runs and whether its sshd answers.
 * Needs root and the packages of scripts/lab-deps.sh.
 */
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import type { Inventory } from "../model/types";
import { planLab, hostNamespace, HOST_IFNAME, PREFIX, RUN_ROOT, CLI_USER, type LabPlan, type LabDevice, type LabOptions } from "./topology";
import { ensureKeys, labDir } from "./keys";
import { ensureNamespace, ensureLink, ensureHost, deleteNamespace, listNamespaces, namespaceExists, unpairMisCabled } from "./net";
import {
  ensureOvs, ensureFrr, ensureSshd, ensureAccount, ensureCliAccount, removeAccounts,
  stopOvs, stopFrr, stopSshd, ovsRunning, frrRunning, sshdRunning, frrRunDir, frrConfDir,
} from "./devices";
import { LabError } from "./run";
import { stop } from "./procs";

export { planLab, LabError, labDir };
export type { LabPlan, LabDevice, LabOptions };

/** What the lab writes for its users (the demo, the tests, the stack config): `<labDir>/lab.json`. */
export interface LabInfo {
  readonly name: string;
  readonly dir: string;
  /** The client key citydc logs in with (CITYDC_SSH_KEY_FILE). */
  readonly keyFile: string;
  readonly devices: readonly {
    readonly name: string;
    readonly kind: "switch" | "router";
    readonly namespace: string;
    readonly host: string;
    readonly port: number;
    readonly user: string;
    readonly hostKey: string;
  }[];
  readonly hosts: readonly { readonly name: string; readonly namespace: string; readonly tenant: string; readonly address: string; readonly gateway?: string }[];
  /** Login whose shell is vtysh on every router (interactive shell driver). */
  readonly cliUser: string;
}

export interface LabUpResult {
  readonly plan: LabPlan;
  readonly info: LabInfo;
  /** What this run created or started (empty when everything already ran). */
  readonly changed: readonly string[];
}

/** What a lab has ever started, across inventory changes (so `down` also removes what the inventory no longer names). */
interface LabRecord {
  devices: string[];
  hosts: string[];
}

function recordFile(name: string, root = RUN_ROOT): string {
  return path.join(root, "labs", `${name}.json`);
}

function readRecord(name: string, root = RUN_ROOT): LabRecord {
  try {
    const r = JSON.parse(fs.readFileSync(recordFile(name, root), "utf8")) as Partial<LabRecord>;
    return { devices: r.devices ?? [], hosts: r.hosts ?? [] };
  } catch {
    return { devices: [], hosts: [] };
  }
}

function remember(plan: LabPlan): void {
  const r = readRecord(plan.name, plan.runRoot);
  const devices = [...new Set([...r.devices, ...plan.devices.map((d) => d.name)])].sort();
  const hosts = [...new Set([...r.hosts, ...plan.hosts.map((h) => h.name)])].sort();
  if (devices.length === r.devices.length && hosts.length === r.hosts.length) return;
  fs.mkdirSync(path.join(plan.runRoot, "labs"), { recursive: true });
  fs.writeFileSync(recordFile(plan.name, plan.runRoot), JSON.stringify({ devices, hosts }) + "\n");
}

function requireRoot(): void {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new LabError("the lab needs root (network namespaces, Open vSwitch, FRR, sshd)", "run it as root, e.g. in the CI container");
  }
}

export function labUp(inv: Inventory, opts: { dir?: string; cliAccount?: boolean } & LabOptions = {}): LabUpResult {
  requireRoot();
  const plan = planLab(inv, opts);
  const dir = labDir(plan.name, opts.dir);
  const keys = ensureKeys(dir, plan.devices.map((d) => d.name));
  const changed: string[] = keys.created.map((f) => `key ${path.basename(f)}`);
  fs.mkdirSync(plan.runRoot, { recursive: true, mode: 0o755 });

  remember(plan);
  for (const user of new Set(plan.devices.map((d) => d.user))) changed.push(...ensureAccount(user, "/bin/sh", plan.runRoot));
  if (opts.cliAccount !== false && plan.devices.some((d) => d.kind === "router")) changed.push(...ensureCliAccount());

  for (const d of plan.devices) {
    if (ensureNamespace(d.namespace, plan.prefix)) changed.push(`namespace ${d.namespace}`);
    fs.mkdirSync(d.runDir, { recursive: true, mode: 0o755 });
  }
  // Interfaces first, so the daemons see them from the start; ends cabled otherwise by an earlier run first go.
  const recabled = unpairMisCabled([...plan.links.map((l) => [l.a, l.b] as const), ...plan.hosts.map((h) => [{ node: h.name, namespace: h.namespace, ifname: HOST_IFNAME }, h.attach] as const)]);
  changed.push(...recabled.removed);
  // a userspace-datapath switch does not take a port back whose device was made again: its vswitchd restarts
  for (const d of plan.devices) if (d.kind === "switch" && recabled.namespaces.has(d.namespace)) stop(`${d.runDir}/ovs-vswitchd.pid`, "ovs-vswitchd");
  for (const l of plan.links) if (ensureLink(l)) changed.push(`veth ${l.a.node}:${l.a.ifname} - ${l.b.node}:${l.b.ifname}`);
  for (const h of plan.hosts) changed.push(...ensureHost(h, plan.prefix));
  for (const d of plan.devices) {
    changed.push(...(d.kind === "switch" ? ensureOvs(d) : ensureFrr(d)));
    changed.push(...ensureSshd(d, keys.hostKeyFiles[d.name]!, keys.clientPublicKey));
  }

  const info: LabInfo = {
    name: plan.name,
    dir,
    keyFile: keys.clientKeyFile,
    devices: plan.devices.map((d) => ({
      name: d.name, kind: d.kind, namespace: d.namespace, host: d.address, port: d.port, user: d.user, hostKey: keys.hostKeys[d.name]!,
    })),
    hosts: plan.hosts.map((h) => ({ name: h.name, namespace: h.namespace, tenant: h.tenant, address: h.address, gateway: h.gateway })),
    cliUser: CLI_USER,
  };
  const infoFile = path.join(dir, "lab.json");
  const text = JSON.stringify(info, null, 2) + "\n";
  if (!fs.existsSync(infoFile) || fs.readFileSync(infoFile, "utf8") !== text) fs.writeFileSync(infoFile, text);
  return { plan, info, changed };
}

function removeDevice(name: string, runDir: string, pathspace: string, prefix = PREFIX): void {
  stopSshd(runDir);
  stopOvs(runDir);
  stopFrr(pathspace);
  deleteNamespace(`${prefix}-${name}`, prefix);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(frrRunDir(pathspace), { recursive: true, force: true });
  fs.rmSync(frrConfDir(pathspace), { recursive: true, force: true });
}

function finishRoot(root = RUN_ROOT): void {
  const left = fs.existsSync(root)
    ? fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "bin" && e.name !== "labs")
    : [];
  if (left.length === 0) {
    removeAccounts(root);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Stops and removes the inventory's lab. Returns what it removed. */
export function labDown(inv: Inventory, opts: LabOptions = {}): string[] {
  requireRoot();
  const plan = planLab(inv, opts);
  const { prefix, runRoot } = plan;
  const removed: string[] = [];
  for (const d of plan.devices) {
    const present = namespaceExists(d.namespace) || fs.existsSync(d.runDir) || fs.existsSync(frrRunDir(d.pathspace));
    removeDevice(d.name, d.runDir, d.pathspace, prefix);
    if (present) removed.push(d.name);
  }
  for (const h of plan.hosts) if (deleteNamespace(h.namespace, prefix)) removed.push(h.name);
  // What earlier versions of the inventory started and this one no longer names.
  const rec = readRecord(plan.name, runRoot);
  const named = new Set([...plan.devices.map((d) => d.name), ...plan.hosts.map((h) => h.name)]);
  for (const d of rec.devices.filter((x) => !named.has(x))) {
    const runDir = `${runRoot}/${d}`;
    const present = namespaceExists(`${prefix}-${d}`) || fs.existsSync(runDir);
    removeDevice(d, runDir, `${prefix}-${d}`, prefix);
    if (present) removed.push(d);
  }
  for (const h of rec.hosts.filter((x) => !named.has(x))) if (deleteNamespace(hostNamespace(h, prefix), prefix)) removed.push(h);
  fs.rmSync(recordFile(plan.name, runRoot), { force: true });
  finishRoot(runRoot);
  return removed;
}

/** Removes every citydc lab object on the machine, whatever inventory made it. */
export function labDownAll(): string[] {
  requireRoot();
  const removed: string[] = [];
  if (fs.existsSync(RUN_ROOT)) {
    for (const e of fs.readdirSync(RUN_ROOT, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === "bin" || e.name === "labs") continue;
      removeDevice(e.name, path.join(RUN_ROOT, e.name), `${PREFIX}-${e.name}`);
      removed.push(e.name);
    }
  }
  if (fs.existsSync("/var/run/frr")) {
    for (const e of fs.readdirSync("/var/run/frr")) if (e.startsWith(`${PREFIX}-`)) { stopFrr(e); fs.rmSync(frrRunDir(e), { recursive: true, force: true }); }
  }
  if (fs.existsSync("/etc/frr")) for (const e of fs.readdirSync("/etc/frr")) if (e.startsWith(`${PREFIX}-`)) fs.rmSync(frrConfDir(e), { recursive: true, force: true });
  for (const ns of listNamespaces()) if (ns.startsWith(`${PREFIX}-`) && deleteNamespace(ns)) removed.push(ns);
  removeAccounts();
  fs.rmSync(RUN_ROOT, { recursive: true, force: true });
  return removed;
}

/** True when an SSH server answers with its banner on host:port within the time. */
export function sshAnswers(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    let data = "";
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on("data", (b) => {
      data += b.toString("latin1");
      if (data.includes("\n")) done(data.startsWith("SSH-2.0-"));
    });
    sock.on("error", () => done(false));
    sock.on("close", () => done(data.startsWith("SSH-2.0-")));
  });
}

export interface DeviceStatus {
  readonly device: string;
  readonly kind: "switch" | "router";
  readonly namespace: boolean;
  /** ovs (switch: ovsdb-server + ovs-vswitchd) or frr (router: zebra, staticd, bgpd). */
  readonly daemons: boolean;
  readonly sshd: boolean;
  readonly reachable: boolean;
  readonly address: string;
}

export interface LabStatus {
  readonly name: string;
  readonly devices: readonly DeviceStatus[];
  readonly hosts: readonly { readonly host: string; readonly namespace: boolean }[];
  readonly skipped: readonly string[];
  /** Everything the inventory names is running and answering. */
  readonly up: boolean;
  /** Nothing of the inventory's lab is running. */
  readonly down: boolean;
}

export async function labStatus(inv: Inventory, opts: LabOptions = {}): Promise<LabStatus> {
  const plan = planLab(inv, opts);
  const nss = new Set(listNamespaces());
  const devices: DeviceStatus[] = [];
  for (const d of plan.devices) {
    devices.push({
      device: d.name,
      kind: d.kind,
      namespace: nss.has(d.namespace),
      daemons: d.kind === "switch" ? ovsRunning(d) : frrRunning(d),
      sshd: sshdRunning(d),
      reachable: await sshAnswers(d.address, d.port),
      address: `${d.address}:${d.port}`,
    });
  }
  const hosts = plan.hosts.map((h) => ({ host: h.name, namespace: nss.has(h.namespace) }));
  const up = devices.every((d) => d.namespace && d.daemons && d.sshd && d.reachable) && hosts.every((h) => h.namespace);
  const down = devices.every((d) => !d.namespace && !d.daemons && !d.sshd) && hosts.every((h) => !h.namespace);
  return { name: plan.name, devices, hosts, skipped: plan.skipped, up, down };
}

/** Stops one device's sshd (the device stays up but cannot be logged in to): for failure tests. */
export function labStopSshd(inv: Inventory, device: string): boolean {
  const d = planLab(inv).devices.find((x) => x.name === device);
  if (!d) throw new LabError(`device ${device} is not a lab device of ${inv.name}`);
  const was = sshdRunning(d);
  stopSshd(d.runDir);
  return was;
}

/** How many logins a device's sshd accepted so far (from its log): proves whether a run touched it. */
export function labLogins(inv: Inventory, device: string): number {
  const d = planLab(inv).devices.find((x) => x.name === device);
  if (!d) return 0;
  try {
    return (fs.readFileSync(`${d.runDir}/sshd.log`, "utf8").match(/^Accepted \S+ for /gm) ?? []).length;
  } catch {
    return 0;
  }
}

/** Reads `<labDir>/lab.json` written by labUp. */
export function readLabInfo(inventoryName: string, dir?: string): LabInfo {
  const file = path.join(labDir(inventoryName, dir), "lab.json");
  if (!fs.existsSync(file)) throw new LabError(`no lab information at ${file}`, "run `citydc lab up` first");
  return JSON.parse(fs.readFileSync(file, "utf8")) as LabInfo;
}
