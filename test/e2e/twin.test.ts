/**
 * `citydc twin` as a user runs it (the built CLI, as root), on two inventories: a generated one (`citydc
 * generate`, Huawei CloudEngine spine-leaf with a DR pair and branches) and the city's own sample. Each runs
 * with its own twin directory, SSH ports and state backend. Asserted: up starts and applies everything, a
 * second up configures no device, status shows the interface map, verify reads every object back and its
 * exit code follows its checks (each failed check naming where it breaks), the DR drill reports its timings,
 * bad input is one line with exit 2, and down leaves no namespace or run directory behind (twice).
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { listNamespaces } from "../../lab/net";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "citydc.js");
let tmp: string;
const root = process.getuid?.() === 0;
requirePrerequisite("citydc twin", root ? undefined : "needs root");

function citydc(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: "utf8", timeout: 600_000, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

interface Cell { kind: string; from: string; to: string; ok: boolean; breaks?: string }

function twinNamespaces(devices: readonly string[]): string[] {
  const ns = new Set(listNamespaces());
  return devices.map((d) => `cdtwin-${d}`).filter((n) => ns.has(n));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-twin-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!root)("citydc twin on a generated inventory", () => {
  const env = () => ({ CITYDC_TWIN_DIR: path.join(tmp, "gen"), CITYDC_BACKEND_URL: `file://${path.join(tmp, "gen-state")}`, CITYDC_TWIN_PORT_BASE: "24800" });
  let inv: string;
  beforeAll(() => {
    inv = path.join(tmp, "gen.yaml");
    const g = citydc({}, "generate", "--sites", "2", "--racks-per-site", "2", "--leafs-per-rack", "1", "--branches", "2", "--vlans", "4",
      "--interfaces-per-leaf", "8", "--hosts-per-leaf", "2", "--prefix", "e2t-", "--name", "e2e-twin-gen", "--out", inv);
    expect(g.code, g.err).toBe(0);
    // the generator writes no spanning tree, and its two spines per site and two DCI cables form loops (the twin
    // finds them: broadcast storms, verify fails): RSTP at both data centers
    const doc = yaml.load(fs.readFileSync(inv, "utf8")) as { sites: { role: string; stp?: unknown }[] };
    for (const s of doc.sites) if (s.role !== "branch") s.stp = { mode: "rstp" };
    fs.writeFileSync(inv, yaml.dump(doc, { noRefs: true, lineWidth: 200 }));
    citydc(env(), "twin", "down", "--inventory", inv);
  });
  afterAll(() => {
    citydc(env(), "twin", "down", "--inventory", inv);
  });

  it("up starts every device and applies the stack; a second up configures no device", () => {
    const first = citydc(env(), "twin", "up", "--inventory", inv, "--format", "json");
    expect(first.code, first.err).toBe(0);
    const r1 = JSON.parse(first.out) as { emulated: number; configured: string[]; started: string[] };
    expect(r1.emulated).toBeGreaterThan(0);
    expect(r1.configured.length).toBe(r1.emulated);
    const second = citydc(env(), "twin", "up", "--inventory", inv, "--format", "json");
    expect(second.code, second.err).toBe(0);
    const r2 = JSON.parse(second.out) as { configured: string[]; started: string[] };
    expect(r2.configured).toEqual([]);
    expect(r2.started).toEqual([]);
  });

  it("status is up and shows the interface map", () => {
    const s = citydc(env(), "twin", "status", "--inventory", inv);
    expect(s.code, s.out + s.err).toBe(0);
    expect(s.out).toMatch(/interface map/);
    expect(s.out).toMatch(/100GE1\/0\/1=p\d+/);
  });

  it("verify reads every object back; its exit code follows its checks, and each failure says where it breaks", () => {
    const v = citydc(env(), "twin", "verify", "--inventory", inv, "--format", "json");
    const r = JSON.parse(v.out) as { ok: boolean; cells: Cell[]; objects: number; objectsMatching: number };
    expect(r.objects).toBeGreaterThan(0);
    expect(r.objectsMatching).toBe(r.objects);
    expect(r.cells.filter((c) => c.kind === "management").every((c) => c.ok)).toBe(true);
    expect(r.cells.some((c) => c.kind === "same-vlan")).toBe(true);
    expect(v.code).toBe(r.cells.every((c) => c.ok) ? 0 : 1);
    for (const c of r.cells.filter((x) => !x.ok)) expect(c.breaks, `${c.kind} ${c.from} -> ${c.to}`).toMatch(/\S/);
    expect(r.cells.filter((c) => !c.ok).map((c) => `${c.kind} ${c.from} -> ${c.to}: ${c.breaks}`)).toEqual([]);
    const md = citydc(env(), "twin", "verify", "--inventory", inv, "--format", "markdown");
    expect(md.out).toMatch(/^\| check \| from \| to \| result \| where it breaks \|$/m);
  });

  it("the DR drill cuts the DCI, reports each check with its time, and restores the cables", () => {
    const d = citydc(env(), "twin", "drill", "dr", "--site", "e2t-kg-dr", "--inventory", inv, "--format", "json");
    const r = JSON.parse(d.out) as { ok: boolean; cut: string[]; checks: { phase: string; what: string; ok: boolean; ms: number }[] };
    expect(r.cut.length).toBeGreaterThan(0);
    expect(r.checks.some((c) => c.phase === "cut")).toBe(true);
    expect(d.code).toBe(r.checks.every((c) => c.ok) ? 0 : 1);
    // the primary is back: every DR host reaches the primary's hosts of its VLAN again
    expect(r.checks.filter((c) => c.phase === "restored").length).toBeGreaterThan(0);
    expect(r.checks.filter((c) => c.phase === "restored").every((c) => c.ok)).toBe(true);
    // what the DR site keeps on its own while cut: layer 2 among its protected hosts
    expect(r.checks.filter((c) => c.phase === "cut" && / -> e2t-kg-dr-/.test((c as { what?: string }).what ?? "")).every((c) => c.ok)).toBe(true);
    const again = citydc(env(), "twin", "up", "--inventory", inv, "--format", "json");
    expect((JSON.parse(again.out) as { configured: string[] }).configured).toEqual([]);
  });

  it("drill vrrp on a VLAN of the generated inventory with two gateways and hosts: the backup takes over, the master takes back", () => {
    type Doc = { vlans: { id: number; gateway?: string; gateways?: unknown[] }[]; devices: { name: string; interfaces?: { name: string; mode?: string; vlan?: number }[] }[]; hosts: { attach: { device: string; interface: string } }[] };
    const doc = yaml.load(fs.readFileSync(inv, "utf8")) as Doc;
    const hostVlans = new Set(doc.hosts.map((h) => doc.devices.find((d) => d.name === h.attach.device)?.interfaces?.find((i) => i.name === h.attach.interface)?.vlan));
    const vlan = doc.vlans.find((v) => v.gateway && (v.gateways?.length ?? 0) >= 2 && hostVlans.has(v.id));
    expect(vlan, "the generated inventory has a VRRP VLAN with hosts").toBeDefined();
    const d = citydc(env(), "twin", "drill", "vrrp", "--vlan", String(vlan!.id), "--inventory", inv, "--format", "json");
    const r = JSON.parse(d.out) as { ok: boolean; checks: { phase: string; what: string; ok: boolean; breaks?: string }[] };
    expect(r.checks.filter((c) => !c.ok).map((c) => `${c.phase} ${c.what}: ${c.breaks}`)).toEqual([]);
    expect(d.code).toBe(0);
    expect(r.checks.some((c) => c.phase === "cut" && /a backup takes/.test(c.what))).toBe(true);
    expect(r.checks.some((c) => c.phase === "restored" && /takes .* back \(preemption\)/.test(c.what))).toBe(true);
  });

  it("bad input: one line, exit 2", () => {
    const d = citydc(env(), "twin", "drill", "dr", "--site", "nowhere", "--inventory", inv);
    expect(d.code).toBe(2);
    expect(d.err.trim().split("\n")).toHaveLength(1);
    expect(d.err).toMatch(/not a DR site/);
    const u = citydc(env(), "twin", "sideways");
    expect(u.code).toBe(2);
    expect(u.err).not.toMatch(/at .*\.js:\d+/);
  });

  it("down removes every namespace and run directory; a second down changes nothing", () => {
    const map = JSON.parse(fs.readFileSync(path.join(tmp, "gen", "e2e-twin-gen", "map.json"), "utf8")) as { ports: Record<string, number> };
    const devices = Object.keys(map.ports);
    expect(twinNamespaces(devices).length).toBe(devices.length);
    const d = citydc(env(), "twin", "down", "--inventory", inv);
    expect(d.code, d.err).toBe(0);
    expect(twinNamespaces(devices)).toEqual([]);
    for (const dev of devices) expect(fs.existsSync(`/run/citydc-twin/${dev}`)).toBe(false);
    expect(fs.existsSync(path.join(tmp, "gen", "e2e-twin-gen"))).toBe(false);
    const again = citydc(env(), "twin", "down", "--inventory", inv);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/nothing was running/);
  });
});

describe.skipIf(!root)("citydc twin on inventory/kragujevac.yaml", () => {
  const env = () => ({ CITYDC_TWIN_DIR: path.join(tmp, "kg"), CITYDC_BACKEND_URL: `file://${path.join(tmp, "kg-state")}`, CITYDC_TWIN_PORT_BASE: "24900" });
  const inv = path.join(ROOT, "inventory", "kragujevac.yaml");
  afterAll(() => {
    citydc(env(), "twin", "down", "--inventory", inv);
  });

  it("the city's design passes verify: every object read back, every reachability, isolation, policy and marking check", () => {
    const up = citydc(env(), "twin", "up", "--inventory", inv);
    expect(up.code, up.out + up.err).toBe(0);
    const v = citydc(env(), "twin", "verify", "--inventory", inv, "--format", "json");
    const r = JSON.parse(v.out) as { ok: boolean; cells: Cell[] };
    const failed = r.cells.filter((c) => !c.ok).map((c) => `${c.kind} ${c.from} -> ${c.to}: ${c.breaks}`);
    expect(failed).toEqual([]);
    expect(v.code).toBe(0);
    for (const kind of ["read-back", "same-vlan", "routed", "branch", "dr-gateway", "isolation", "management", "policy", "marking"]) {
      expect(r.cells.some((c) => c.kind === kind), kind).toBe(true);
    }
    // the policy matrix (issue 17): the utility company reaches the eGovernment portal and SIP, nothing else of
    // the city's; the management network only from its VLAN and the jump host
    const cell = (kind: string, from: RegExp, to: RegExp) => r.cells.filter((c) => c.kind === kind && from.test(c.from) && to.test(c.to)).map((c) => `${c.to} ${c.ok}`);
    expect(cell("policy", /^kg-jkp-wan1 /, /./)).toEqual([
      "kg-egov-gw1 tcp 443 (allowed) true",
      "kg-egov-gw1 tcp 22 (denied) true",
      "kg-ucm1 udp 5060 (allowed) true",
      "kg-ucm1 udp 5099 (denied) true",
    ]);
    expect(cell("management", /^kg-ucm1$/, /^kg-nms1/)).toEqual(["kg-nms1 ping (denied) true"]);
    expect(cell("management", /^kg-nms1$/, /^kg-ucm1/)).toEqual(["kg-ucm1 ping (allowed) true"]);
    expect(cell("management", /^kg-cityhall-wan1 /, /^kg-nms1/)).toEqual(["kg-nms1 ping (denied) true"]);
    // the marking matrix: DSCP as it arrives at City Hall, past the fabric and the WAN
    expect(cell("marking", /^kg-ucm1 /, /./)).toEqual(["kg-cityhall-wan1 (kg-cityhall LAN 10.101.0.1): DSCP ef (voice) true", "kg-cityhall-wan1 (kg-cityhall LAN 10.101.0.1): DSCP cs3 (signalling) true"]);
    expect(cell("marking", /^kg-video-mcu1 /, /./)).toEqual(["kg-cityhall-wan1 (kg-cityhall LAN 10.101.0.1): DSCP af41 (video) true"]);
    expect(cell("marking", /^kg-vcenter1 /, /./)).toEqual(["kg-cityhall-wan1 (kg-cityhall LAN 10.101.0.1): DSCP default (unmarked) true"]);
  });

  it("drill vrrp: the master of VLAN 130 loses its port, the second spine takes the address over (keepalived), the hosts get their gateway back, the master takes it back", () => {
    const d = citydc(env(), "twin", "drill", "vrrp", "--vlan", "130", "--inventory", inv, "--format", "json");
    const r = JSON.parse(d.out) as { ok: boolean; cut: string[]; checks: { phase: string; what: string; ok: boolean; ms: number; breaks?: string }[] };
    expect(r.checks.filter((c) => !c.ok).map((c) => `${c.what}: ${c.breaks}`)).toEqual([]);
    expect(d.code).toBe(0);
    expect(r.cut).toEqual(["kg-dc1-spine1-rt v130"]);
    expect(r.checks.map((c) => `${c.phase} ${c.what.replace(/ for \d+ ms$/, "")}`)).toEqual([
      "before kg-dc1-spine1-rt holds 10.10.130.1 (highest priority)",
      "before kg-ucm1 -> its gateway 10.10.130.1",
      "before kg-dr-ucm1 -> its gateway 10.10.130.1",
      "cut a backup takes 10.10.130.1 over (expected kg-dc1-spine2-rt, the next priority)",
      "cut kg-ucm1 -> its gateway 10.10.130.1: without it",
      "cut kg-dr-ucm1 -> its gateway 10.10.130.1: without it",
      "restored kg-dc1-spine1-rt takes 10.10.130.1 back (preemption)",
      "restored kg-ucm1 -> its gateway 10.10.130.1",
      "restored kg-dr-ucm1 -> its gateway 10.10.130.1",
    ]);
    // the hosts did lose the gateway for a while (VRRP's master-down interval), and got it back
    const lost = r.checks.filter((c) => c.phase === "cut" && /without it/.test(c.what)).map((c) => c.ms);
    expect(lost.every((ms) => ms > 500)).toBe(true);
    const bad = citydc(env(), "twin", "drill", "vrrp", "--vlan", "999", "--inventory", inv);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no such VLAN/);
  });

  it("drill dr: with the DCI cut, the DR site's protected hosts keep their gateway (its own VRRP backups) and the branches reach them over the DR site's WAN", () => {
    const d = citydc(env(), "twin", "drill", "dr", "--site", "kg-dc2", "--inventory", inv, "--format", "json");
    const r = JSON.parse(d.out) as { ok: boolean; checks: { phase: string; what: string; ok: boolean; breaks?: string }[] };
    expect(r.checks.filter((c) => !c.ok).map((c) => `${c.phase} ${c.what}: ${c.breaks}`)).toEqual([]);
    expect(d.code).toBe(0);
    // three city branches, each to the four protected hosts at kg-dc2 (video, telephony, backup, storage)
    expect(r.checks.filter((c) => c.phase === "cut" && /^kg-(cityhall|registry|nsz) /.test(c.what)).length).toBe(12);
  });
});
