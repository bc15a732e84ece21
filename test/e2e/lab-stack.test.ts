/**
 * The product's main job end to end: the real Pulumi engine (Automation API, local file backend) pushes
 * the lab inventory to real lab devices (OVS switches, FRR routers, one sshd each), then every step is
 * proven by reading the objects back from the devices and by traffic between the lab's hosts.
 *
 * The file runs its own copy of inventory/lab.yaml (devices renamed e2a-*, ports 24xx, inventory name
 * e2e-lab) with its own lab, state backend and work dir, and removes them at the end.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { labUp, labDown, labStopSshd, labLogins, type LabInfo } from "../../lab/index";
import { readBackAll } from "../../lab/verify";
import { expectations, runChecks, hostFacts, reaches, isolated } from "../../lab/probe";
import { loadNetwork } from "../../pipeline/index";
import { previewStack, upStack, refreshStack, destroyStack, type StackOptions } from "../../pulumi/stacks";
import type { Inventory } from "../../model/types";
import { loadInventory } from "../../model/load";

const ROOT = path.resolve(__dirname, "../..");

// A device that fails must not stop the others: the engine continues to completion (the CLI reads this
// variable as the default of --continue-on-error for up and destroy).
process.env.PULUMI_CONTINUE_ON_ERROR = "true";
const STACK = "lab";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

let tmp: string;
let base: Doc;
let current: Doc;
let invFile: string;
let info: LabInfo;
let opts: StackOptions;

function baseDoc(): Doc {
  const text = fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")
    .replace(/\blab-/g, "e2a-")
    .replace(/^name: lab$/m, "name: e2e-lab")
    .replace(/port: 22(\d\d)/g, "port: 24$1");
  return yaml.load(text);
}

/** Writes the inventory document, starts what the lab lacks for it, and returns the loaded inventory. */
function use(doc: Doc): Inventory {
  current = doc;
  fs.writeFileSync(invFile, yaml.dump(doc, { lineWidth: 200 }));
  const r = loadInventory(invFile);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
  info = labUp(r.inventory!, { dir: path.join(tmp, "lab") }).info;
  return r.inventory!;
}

function clone(doc: Doc): Doc {
  return JSON.parse(JSON.stringify(doc));
}

function device(doc: Doc, name: string): Doc {
  return doc.devices.find((d: Doc) => d.name === name);
}

function iface(doc: Doc, dev: string, name: string): Doc {
  return device(doc, dev).interfaces.find((i: Doc) => i.name === name);
}

function allow(x: Doc, vlan: number): void {
  x.allowed = [...x.allowed, vlan].sort((a: number, b: number) => a - b);
}

function disallow(x: Doc, vlan: number): void {
  x.allowed = x.allowed.filter((v: number) => v !== vlan);
}

/** Every object of the inventory is on its device with the inventory's facts. */
async function expectReadBack(): Promise<void> {
  const net = loadNetwork(invFile);
  const rb = await readBackAll(info, net.objects);
  const problems = rb.flatMap((r) => r.problems.map((p) => `${r.device}: ${p}`));
  expect(problems).toEqual([]);
  expect(rb.reduce((n, r) => n + r.matching, 0)).toBe([...net.objects.values()].reduce((n, o) => n + o.length, 0));
}

/** Every expectation of the inventory holds on the wire. */
function expectTraffic(inv: Inventory): void {
  const failed = runChecks(expectations(inv)).filter((r) => !r.ok).map((r) => `${r.kind} ${r.from.name} -> ${r.to.name}`);
  expect(failed).toEqual([]);
}

function hostOf(inv: Inventory, name: string) {
  return hostFacts(inv).find((h) => h.name === name)!;
}

function changedDevices(r: { devices: readonly { op: string; name: string; new?: { device: string }; old?: { device: string } }[] }): string[] {
  return r.devices.filter((d) => d.op !== "same").map((d) => d.new?.device ?? d.old?.device ?? d.name).sort();
}

function logins(inv: Inventory): Record<string, number> {
  return Object.fromEntries(inv.devices.map((d) => [d.name, labLogins(inv, d.name)]));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-lab-"));
  invFile = path.join(tmp, "inventory.yaml");
  base = baseDoc();
  fs.writeFileSync(invFile, yaml.dump(base, { lineWidth: 200 }));
  const stale = loadInventory(invFile).inventory;
  if (stale) labDown(stale); // a clean slate, whatever an interrupted run left
  use(base);
  opts = {
    root: ROOT,
    workDir: path.join(tmp, "work"),
    backendUrl: `file://${path.join(tmp, "state")}`,
    settings: {
      inventory: invFile,
      sites: [],
      hostKeysFile: path.join(info.dir, "hostkeys.json"),
      credentials: { privateKey: fs.readFileSync(info.keyFile, "utf8") },
    },
  };
});

afterAll(() => {
  if (current) {
    const r = loadInventory(invFile);
    if (r.inventory) labDown(r.inventory);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("lab stack end to end", () => {
  let inv: Inventory;

  it("up configures every device as the inventory says, and traffic proves it", async () => {
    inv = use(base);
    const preview = await previewStack(STACK, opts);
    expect(preview.ok, preview.error).toBe(true);
    const up = await upStack(STACK, opts);
    expect(up.ok, `${up.error} ${JSON.stringify(up.failures)}`).toBe(true);
    expect(changedDevices(up)).toEqual(inv.devices.map((d) => d.name).sort());
    await expectReadBack();
    expectTraffic(inv);
  });

  it("a second up with no changes changes nothing and logs in to no device", async () => {
    const before = logins(inv);
    const up = await upStack(STACK, opts);
    expect(up.ok, up.error).toBe(true);
    expect(changedDevices(up)).toEqual([]);
    expect(up.summary.create ?? 0).toBe(0);
    expect(up.summary.update ?? 0).toBe(0);
    expect(up.summary.delete ?? 0).toBe(0);
    expect(logins(inv)).toEqual(before);
  });

  it("adds a VLAN across two racks: only the devices that carry it change", async () => {
    const doc = clone(base);
    doc.vlans.push({ id: 150, name: "e2e-new", tenant: "city", purpose: "server", sites: ["e2a-dc1"], subnet: "10.30.150.0/24" });
    device(doc, "e2a-dc1-leaf1").interfaces.push({ name: "p9", mode: "access", vlan: 150, description: "e2a-new1" });
    device(doc, "e2a-dc1-leaf2").interfaces.push({ name: "p8", mode: "access", vlan: 150, description: "e2a-new2" });
    device(doc, "e2a-dc1-leaf2").interfaces.push({ name: "p9", mode: "access", vlan: 150, description: "e2a-new3" });
    allow(device(doc, "e2a-dc1-leaf1").lags[0], 150);
    allow(device(doc, "e2a-dc1-spine1").lags[0], 150);
    allow(iface(doc, "e2a-dc1-spine1", "p3"), 150);
    allow(iface(doc, "e2a-dc1-leaf2", "p1"), 150);
    doc.hosts.push({ name: "e2a-new1", tenant: "city", address: "10.30.150.11/24", attach: { device: "e2a-dc1-leaf1", interface: "p9" } });
    doc.hosts.push({ name: "e2a-new2", tenant: "city", address: "10.30.150.12/24", attach: { device: "e2a-dc1-leaf2", interface: "p8" } });
    doc.hosts.push({ name: "e2a-new3", tenant: "city", address: "10.30.150.13/24", attach: { device: "e2a-dc1-leaf2", interface: "p9" } });
    inv = use(doc);
    const up = await upStack(STACK, opts);
    expect(up.ok, up.error).toBe(true);
    expect(changedDevices(up)).toEqual(["e2a-dc1-leaf1", "e2a-dc1-leaf2", "e2a-dc1-spine1"]);
    await expectReadBack();
    expect(reaches(hostOf(inv, "e2a-new1"), hostOf(inv, "e2a-new2"))).toBe(true);
    expectTraffic(inv);
  });

  it("moves a port to another VLAN: only its switch changes", async () => {
    const doc = clone(current);
    const p8 = iface(doc, "e2a-dc1-leaf2", "p8");
    p8.vlan = 120;
    p8.description = "e2a-new2 (moved to VLAN 120)";
    doc.hosts.find((h: Doc) => h.name === "e2a-new2").address = "10.30.120.22/24";
    inv = use(doc);
    const up = await upStack(STACK, opts);
    expect(up.ok, up.error).toBe(true);
    expect(changedDevices(up)).toEqual(["e2a-dc1-leaf2"]);
    await expectReadBack();
    expect(reaches(hostOf(inv, "e2a-new2"), hostOf(inv, "e2a-video1"))).toBe(true);
    expect(isolated(hostOf(inv, "e2a-new2"), hostOf(inv, "e2a-new1"))).toBe(true);
    expect(reaches(hostOf(inv, "e2a-new3"), hostOf(inv, "e2a-new1"))).toBe(true);
    expectTraffic(inv);
  });

  it("removes a VLAN: its objects leave the devices and its port carries nothing", async () => {
    const removed = loadNetwork(invFile).objects;
    const doc = clone(current);
    doc.vlans = doc.vlans.filter((v: Doc) => v.id !== 150);
    device(doc, "e2a-dc1-leaf1").interfaces = device(doc, "e2a-dc1-leaf1").interfaces.filter((i: Doc) => i.name !== "p9");
    device(doc, "e2a-dc1-leaf2").interfaces = device(doc, "e2a-dc1-leaf2").interfaces.filter((i: Doc) => i.name !== "p9");
    doc.hosts = doc.hosts.filter((h: Doc) => h.name !== "e2a-new1" && h.name !== "e2a-new3");
    for (const x of [device(doc, "e2a-dc1-leaf1").lags[0], device(doc, "e2a-dc1-spine1").lags[0], iface(doc, "e2a-dc1-spine1", "p3"), iface(doc, "e2a-dc1-leaf2", "p1")]) disallow(x, 150);
    const oldInv = inv;
    inv = use(doc);
    const up = await upStack(STACK, opts);
    expect(up.ok, up.error).toBe(true);
    await expectReadBack();
    // The VLAN's own objects and the access port p9 are gone from the devices.
    const gone = new Map(
      [...removed].map(([d, objs]) => [d, objs.filter((o) => o.key === "vlan:150" || (d.startsWith("e2a-dc1-leaf") && o.key === "port:p9"))] as const).filter(([, o]) => o.length > 0),
    );
    expect(gone.size).toBeGreaterThan(0);
    const rb = await readBackAll(info, gone, "absent");
    expect(rb.flatMap((r) => r.problems)).toEqual([]);
    // The former VLAN 150 host is cut off even inside its own subnet.
    expect(isolated(hostOf(oldInv, "e2a-new1"), hostOf(inv, "e2a-new2"))).toBe(true);
    expectTraffic(inv);
  });

  it("a device that fails mid-apply leaves the others applied and the state true; the next up converges", async () => {
    const doc = clone(current);
    doc.vlans.push({ id: 160, name: "e2e-dr", tenant: "city", purpose: "server", sites: ["e2a-dc1", "e2a-dc2"], subnet: "10.30.160.0/24" });
    doc.dr[0].vlans.push(160);
    const dci = (name: string) => device(doc, name).lags.find((l: Doc) => l.name === "bond1");
    for (const x of [device(doc, "e2a-dc1-spine1").lags[0], dci("e2a-dc1-spine1"), dci("e2a-dc2-leaf1"), device(doc, "e2a-dc1-leaf1").lags[0]]) allow(x, 160);
    device(doc, "e2a-dc1-leaf1").interfaces.push({ name: "p10", mode: "access", vlan: 160, description: "e2a-dr1" });
    device(doc, "e2a-dc2-leaf1").interfaces.push({ name: "p7", mode: "access", vlan: 160, description: "e2a-dr2" });
    doc.hosts.push({ name: "e2a-dr1", tenant: "city", address: "10.30.160.11/24", attach: { device: "e2a-dc1-leaf1", interface: "p10" } });
    doc.hosts.push({ name: "e2a-dr2", tenant: "city", address: "10.30.160.12/24", attach: { device: "e2a-dc2-leaf1", interface: "p7" } });
    inv = use(doc);
    expect(labStopSshd(inv, "e2a-dc2-leaf1")).toBe(true);
    let up;
    try {
      up = await upStack(STACK, opts);
    } finally {
      use(doc); // its sshd back whatever happens (preview and read-back of the others do not need it)
    }
    expect(up!.ok).toBe(false);
    expect(up!.failures.some((f) => f.device === "e2a-dc2-leaf1")).toBe(true);
    expect(up!.failures.every((f) => f.device === undefined || f.device === "e2a-dc2-leaf1")).toBe(true);
    // The others hold the change already.
    const net = loadNetwork(invFile);
    const others = new Map([...net.objects].filter(([d]) => d !== "e2a-dc2-leaf1"));
    const rb = await readBackAll(info, others);
    expect(rb.flatMap((r) => r.problems)).toEqual([]);
    // The state is true: only the failed device still has changes pending.
    const pending = await previewStack(STACK, opts);
    expect(pending.ok, pending.error).toBe(true);
    expect(changedDevices(pending)).toEqual(["e2a-dc2-leaf1"]);
    // Its sshd back, the next up converges.
    const again = await upStack(STACK, opts);
    expect(again.ok, again.error).toBe(true);
    expect(changedDevices(again)).toEqual(["e2a-dc2-leaf1"]);
    await expectReadBack();
    expect(reaches(hostOf(inv, "e2a-dr1"), hostOf(inv, "e2a-dr2"))).toBe(true);
    expectTraffic(inv);
  });

  it("refresh reads the devices back: in sync it changes nothing; a drifted port is found and the next up repairs it", async () => {
    const r1 = await refreshStack(STACK, opts);
    expect(r1.ok, r1.error).toBe(true);
    const clean = await previewStack(STACK, { ...opts, expectNoChanges: true });
    expect(clean.ok, clean.error).toBe(true);
    // Somebody changes a port by hand on the device.
    const leaf2 = info.devices.find((d) => d.name === "e2a-dc1-leaf2")!;
    const { execFileSync } = await import("child_process");
    execFileSync("ovs-vsctl", ["set", "port", "p5", "tag=999"], { env: { ...process.env, OVS_RUNDIR: `/run/citydc-lab/${leaf2.name}` } });
    const r2 = await refreshStack(STACK, opts);
    expect(r2.ok, r2.error).toBe(true);
    const drift = await previewStack(STACK, opts);
    expect(changedDevices(drift)).toEqual(["e2a-dc1-leaf2"]);
    const up = await upStack(STACK, opts);
    expect(up.ok, up.error).toBe(true);
    await expectReadBack();
    expectTraffic(inv);
  });

  it("destroy removes everything the stack configured: the devices are back to empty", async () => {
    const objects = loadNetwork(invFile).objects;
    const d = await destroyStack(STACK, opts);
    expect(d.ok, d.error).toBe(true);
    const rb = await readBackAll(info, objects, "absent");
    expect(rb.flatMap((r) => r.problems)).toEqual([]);
    const { execFileSync } = await import("child_process");
    for (const dev of info.devices.filter((x) => x.kind === "switch")) {
      const ports = execFileSync("ovs-vsctl", ["list-ports", "br0"], { env: { ...process.env, OVS_RUNDIR: `/run/citydc-lab/${dev.name}` }, encoding: "utf8" });
      expect(ports.trim()).toBe("");
    }
    // No host reaches another any more.
    const facts = hostFacts(inv);
    expect(isolated(facts[0]!, facts[1]!)).toBe(true);
  });
});
