/**
 * The lab itself: `up` starts exactly what the inventory names and is idempotent, `status` tells what
 * runs, `down` leaves nothing behind (namespaces, processes, run directories, FRR pathspaces, accounts
 * it created), and a LAG between two lab switches negotiates LACP once configured.
 */
import { describe, it, expect, afterAll } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { labUp, labDown, labStatus } from "../../lab/index";
import { listNamespaces } from "../../lab/net";
import type { Inventory, Device } from "../../model/types";

const dev = (name: string, platform: "ovs" | "frr", port: number, extra: Partial<Device> = {}): Device => ({
  name, site: "s", height: 1, role: platform === "ovs" ? "leaf" : "border", platform,
  management: { address: "127.0.0.1", port, user: "citydc" }, interfaces: [], lags: [], routes: [], ...extra,
});
const bondIfs = [{ name: "p1", lag: "bond0", enabled: true }, { name: "p2", lag: "bond0", enabled: true }];
const bond = [{ name: "bond0", lacp: "active" as const, mode: "trunk" as const }];

const inventory: Inventory = {
  version: 1, name: "e2e-lifecycle", tenants: [], vrfs: [], sites: [], racks: [], vlans: [], services: [], dr: [],
  devices: [
    dev("cdl-sw1", "ovs", 2321, { interfaces: bondIfs, lags: bond }),
    dev("cdl-sw2", "ovs", 2322, { interfaces: bondIfs, lags: bond }),
    dev("cdl-r1", "frr", 2323),
    dev("cdl-ce1", "huawei-vrp", 2324),
  ],
  links: [
    { a: { device: "cdl-sw1", interface: "bond0" }, b: { device: "cdl-sw2", interface: "bond0" }, kind: "fabric", bgp: false },
    { a: { device: "cdl-r1", interface: "eth1" }, b: { device: "cdl-sw1", interface: "p3" }, kind: "uplink", bgp: false },
  ],
  hosts: [
    { name: "cdl-h1", tenant: "t", address: "10.88.0.1/24", attach: { device: "cdl-sw1", interface: "p5" } },
    { name: "cdl-h2", tenant: "t", address: "10.88.0.2/24", attach: { device: "cdl-sw2", interface: "p5" } },
  ],
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-lifecycle-"));
const ovs = (device: string, ...args: string[]) =>
  execFileSync("ovs-vsctl", ["--timeout=10", ...args], { env: { ...process.env, OVS_RUNDIR: `/run/citydc-lab/${device}` }, encoding: "utf8" });
const appctl = (device: string, ...args: string[]) =>
  execFileSync("ovs-appctl", ["--timeout=10", ...args], { env: { ...process.env, OVS_RUNDIR: `/run/citydc-lab/${device}` }, encoding: "utf8" });
const ping = (ns: string, ip: string) => {
  try {
    execFileSync("ip", ["netns", "exec", ns, "ping", "-n", "-q", "-c", "1", "-W", "1", ip], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  labDown(inventory);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("lab lifecycle", () => {
  it("up starts what the inventory names (and skips what cannot run here); a second up changes nothing", async () => {
    labDown(inventory); // a clean slate, whatever an interrupted run left
    const first = labUp(inventory, { dir });
    expect(first.plan.skipped).toEqual(["cdl-ce1"]);
    expect(first.changed.length).toBeGreaterThan(0);
    const ns = listNamespaces();
    for (const n of ["citydc-cdl-sw1", "citydc-cdl-sw2", "citydc-cdl-r1", "citydc-host-cdl-h1", "citydc-host-cdl-h2"]) expect(ns).toContain(n);
    expect(ns).not.toContain("citydc-cdl-ce1");
    const second = labUp(inventory, { dir });
    expect(second.changed).toEqual([]);
    const status = await labStatus(inventory);
    expect(status.up).toBe(true);
    expect(status.devices.map((d) => [d.device, d.namespace, d.daemons, d.sshd, d.reachable])).toEqual([
      ["cdl-sw1", true, true, true, true],
      ["cdl-sw2", true, true, true, true],
      ["cdl-r1", true, true, true, true],
    ]);
    const hostkeys = JSON.parse(fs.readFileSync(path.join(first.info.dir, "hostkeys.json"), "utf8"));
    expect(Object.keys(hostkeys).sort()).toEqual(["cdl-r1", "cdl-sw1", "cdl-sw2"]);
    expect(hostkeys["cdl-sw1"]).toMatch(/^ssh-ed25519 AAAA\S+$/);
  });

  it("each switch is its own OVS (br0, netdev datapath); a bond between two switches negotiates LACP", () => {
    expect(ovs("cdl-sw1", "get", "bridge", "br0", "datapath_type").trim()).toBe("netdev");
    expect(ovs("cdl-sw1", "list-ports", "br0").trim()).toBe("");
    for (const sw of ["cdl-sw1", "cdl-sw2"]) {
      ovs(sw, "--may-exist", "add-bond", "br0", "bond0", "p1", "p2", "lacp=active", "trunks=88", "--", "--may-exist", "add-port", "br0", "p5", "tag=88");
    }
    let ok = false;
    for (let i = 0; i < 40 && !ok; i++) ok = ping("citydc-host-cdl-h1", "10.88.0.2");
    expect(ok).toBe(true);
    expect(appctl("cdl-sw1", "lacp/show", "bond0")).toMatch(/status: active negotiated/);
  });

  it("down leaves nothing behind (also what an earlier version of the inventory started), and status says so", async () => {
    const extra = { name: "cdl-h3", tenant: "t", address: "10.88.0.3/24", attach: { device: "cdl-sw2", interface: "p6" } };
    labUp({ ...inventory, hosts: [...inventory.hosts, extra] }, { dir });
    expect(listNamespaces()).toContain("citydc-host-cdl-h3");
    const removed = labDown(inventory);
    expect(removed.sort()).toEqual(["cdl-h1", "cdl-h2", "cdl-h3", "cdl-r1", "cdl-sw1", "cdl-sw2"]);
    const ns = listNamespaces();
    expect(ns.filter((n) => n.startsWith("citydc-cdl-") || n.startsWith("citydc-host-cdl-"))).toEqual([]);
    for (const d of ["cdl-sw1", "cdl-sw2", "cdl-r1"]) expect(fs.existsSync(`/run/citydc-lab/${d}`)).toBe(false);
    expect(fs.existsSync("/var/run/frr/citydc-cdl-r1")).toBe(false);
    expect(fs.existsSync("/etc/frr/citydc-cdl-r1")).toBe(false);
    const procs = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).split("\n").filter((l) => l.includes("citydc-lab/cdl-") || l.includes("citydc-cdl-"));
    expect(procs).toEqual([]);
    const status = await labStatus(inventory);
    expect(status.down).toBe(true);
    expect(labDown(inventory)).toEqual([]);
  });
});
