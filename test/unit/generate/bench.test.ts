import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { afterAll } from "vitest";
import { tmpdir } from "os";
import { join } from "path";
import { load } from "js-yaml";
import { generateInventory, countInventory } from "../../../generate/generator";
import { addVlanOnLeafs, freeVlanId, reviseForDiff } from "../../../bench/mutate";
import { hostVars, writeAnsibleFiles, writeInventory } from "../../../bench/ansible";
import { labSizeOptions } from "../../../bench/lab";
import { sizeOptions } from "../../../bench/pure";
import { benchOptions } from "../../../bench/run";
import { BEGIN, END, HOSTILE_MARKERS, writeReport, table } from "../../../bench/report";
import { hostileTable, shapes } from "../../../bench/hostile";
import { parseInventory } from "../../../model/load";
import { median } from "../../../bench/measure";
import { UsageError } from "../../../util/errors";
import type { DeviceIntent } from "../../../intent/types";

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("bench sizes", () => {
  it.each([4, 8, 16, 32, 64])("a lab of %i switches has exactly that many ovs switches", (n) => {
    const inv = generateInventory(labSizeOptions(n));
    expect(inv.devices.length).toBe(n);
    expect(inv.devices.every((d) => d.platform === "ovs" && d.name.startsWith("bench-"))).toBe(true);
  });

  it("the 1,000-switch size has at least 1,000 switches and 50,000 interfaces", () => {
    const c = countInventory(generateInventory(sizeOptions(1000)));
    const switches = generateInventory(sizeOptions(1000)).devices.filter((d) => d.role === "spine" || d.role === "leaf").length;
    expect(switches).toBeGreaterThanOrEqual(1000);
    expect(c.interfaces).toBeGreaterThanOrEqual(50000);
  });
});

describe("revisions", () => {
  const inv = generateInventory(labSizeOptions(16));

  it("adds one free VLAN and moves one access port on each of K leafs of one site", () => {
    const id = freeVlanId(inv);
    expect(inv.vlans.some((v) => v.id === id)).toBe(false);
    const change = addVlanOnLeafs(inv, 3);
    expect(change.vlan).toBe(id);
    expect(change.devices).toHaveLength(3);
    const site = inv.devices.find((d) => d.name === change.devices[0])!.site;
    for (const name of change.devices) {
      const before = inv.devices.find((d) => d.name === name)!;
      const after = change.inventory.devices.find((d) => d.name === name)!;
      expect(after.site).toBe(site);
      const moved = after.interfaces.filter((i, k) => i.vlan !== before.interfaces[k]!.vlan);
      expect(moved.map((i) => i.vlan)).toEqual([id]);
    }
    const untouched = change.inventory.devices.filter((d) => !change.devices.includes(d.name));
    for (const d of untouched) expect(d).toBe(inv.devices.find((x) => x.name === d.name));
    expect(inv.vlans.some((v) => v.id === id)).toBe(false); // input left as is
  });

  it("the diff revision differs from the original and keeps the DR protection carrying the new VLAN", () => {
    const big = generateInventory(sizeOptions(100));
    const rev = reviseForDiff(big);
    const id = freeVlanId(big);
    expect(rev.vlans.find((v) => v.id === id)?.sites).toEqual([big.dr[0]!.protects, big.dr[0]!.site]);
    expect(rev.dr[0]!.vlans).toContain(id);
    expect(rev.hosts.length).toBe(big.hosts.length - 1);
    const moved = rev.devices.flatMap((d, i) => d.interfaces.filter((itf, k) => itf.vlan !== big.devices[i]!.interfaces[k]!.vlan));
    expect(moved.length).toBeGreaterThan(0);
  });
});

function intent(): DeviceIntent {
  return {
    device: "sw1",
    site: "s",
    platform: "ovs",
    role: "leaf",
    vlans: [
      { id: 10, name: "ten" },
      { id: 20, name: "twenty" },
    ],
    ports: [
      { name: "p1", description: "", enabled: true, mode: "access", vlan: 10 },
      { name: "p2", description: "", enabled: true, mode: "trunk", allowed: [10, 20] },
      { name: "p3", description: "", enabled: true, mode: "trunk", allowed: [] },
      { name: "p4", description: "", enabled: true, mode: "trunk", allowed: [10, 20], native: 10 },
      { name: "p5", description: "", enabled: false, mode: "access", vlan: 10 },
      { name: "p6", description: "", enabled: true, mode: "unused" },
      { name: "f1", description: "", enabled: true, mode: "trunk", lag: "bond1" },
      { name: "f2", description: "", enabled: true, mode: "trunk", lag: "bond1" },
    ],
    lags: [{ name: "bond1", lacp: "active", members: ["f1", "f2"], port: { name: "bond1", description: "", enabled: true, mode: "trunk", allowed: [20] } }],
    gateways: [],
    routes: [],
    management: {},
  };
}

describe("the Ansible side", () => {
  const login = { name: "sw1", host: "127.0.0.1", port: 24001, user: "citydc", hostKey: "ssh-ed25519 AAAAkey" };

  it("turns a device's intent into the same OVS state citydc pushes", () => {
    const v = hostVars(intent(), login);
    expect(v.vlans).toEqual({ "citydc-vlan-10": "ten", "citydc-vlan-20": "twenty" });
    expect(v.ports).toEqual([{ name: "p1", tag: 10 }, { name: "p2" }, { name: "p3" }, { name: "p4" }]);
    expect(v.bonds).toEqual([{ name: "bond1", interfaces: ["f1", "f2"], lacp: "active" }]);
    expect(v.modes).toEqual([
      { name: "p1", value: "access" },
      { name: "p2", value: "trunk" },
      { name: "p3", value: "trunk" },
      { name: "p4", value: "native-untagged" },
      { name: "bond1", value: "trunk" },
    ]);
    // ovs-vsctl's own spelling of a set, so the compare-then-set task is idempotent; an empty trunk is VLAN 4095.
    expect(v.trunks).toEqual([
      { name: "p2", value: "[10, 20]" },
      { name: "p3", value: "[4095]" },
      { name: "p4", value: "[10, 20]" },
      { name: "bond1", value: "[20]" },
    ]);
    expect(v.tags).toEqual([{ name: "p4", value: 10 }]);
  });

  it("writes an inventory, a playbook and pinned host keys that Ansible can read", () => {
    const dir = tempDir("citydc-ansible-");
    const files = writeAnsibleFiles(dir, [login], "/keys/id_ed25519", 8);
    expect(readFileSync(files.knownHosts, "utf8")).toBe("[127.0.0.1]:24001 ssh-ed25519 AAAAkey\n");
    const cfg = readFileSync(files.config, "utf8");
    expect(cfg).toMatch(/StrictHostKeyChecking=yes/);
    expect(cfg).toMatch(new RegExp(`UserKnownHostsFile=${files.knownHosts}`));
    expect(cfg).toMatch(/pipelining = True/);
    const play = load(readFileSync(files.playbook, "utf8")) as { hosts: string; tasks: Record<string, unknown>[] }[];
    expect(play[0]!.hosts).toBe("switches");
    expect(play[0]!.tasks.map((t) => t.name)).toContain("trunk VLAN lists");
    const inv = generateInventory(labSizeOptions(4));
    const sw = inv.devices[0]!;
    const hosts = writeInventory(join(dir, "hosts.yml"), inv, new Map([[sw.name, { ...intent(), device: sw.name }]]), [{ ...login, name: sw.name }]);
    const doc = load(readFileSync(hosts, "utf8")) as { switches: { hosts: Record<string, { ansible_port: number }> } };
    expect(Object.keys(doc.switches.hosts)).toEqual([sw.name]);
    expect(doc.switches.hosts[sw.name]!.ansible_port).toBe(24001);
  });
});

describe("the runner and its report", () => {
  it("has a default and a quick mode, and refuses bad flags", () => {
    const def = benchOptions([], "/repo");
    expect(def).toMatchObject({ quick: false, repeat: 3, write: true, lab: true, ansible: true, ansibleMax: 32, out: "/repo/BENCHMARKS.md" });
    expect(benchOptions(["--ansible-max", "16"], "/repo")).toMatchObject({ ansibleMax: 16 });
    expect(def !== "help" && Math.max(...def.sizes)).toBeGreaterThanOrEqual(1000);
    const quick = benchOptions(["--quick"], "/repo");
    expect(quick).toMatchObject({ quick: true, repeat: 1, write: false, labSizes: [4] });
    expect(benchOptions(["--quick", "--write", "--skip-lab", "--sizes", "10,20"], "/repo")).toMatchObject({ write: true, lab: false, sizes: [10, 20] });
    expect(benchOptions(["--help"], "/repo")).toBe("help");
    expect(() => benchOptions(["--sizes", "ten"], "/repo")).toThrow(UsageError);
    expect(() => benchOptions(["--repeat", "0"], "/repo")).toThrow(UsageError);
    expect(() => benchOptions(["--fast"], "/repo")).toThrow(UsageError);
  });

  it("rewrites only the block between the markers of BENCHMARKS.md", () => {
    const dir = tempDir("citydc-report-");
    const file = join(dir, "BENCHMARKS.md");
    writeFileSync(file, `# head\n\n${BEGIN}\nold figures\n${END}\n\n## history\nkept\n`);
    writeReport(file, "new figures", "# intro");
    expect(readFileSync(file, "utf8")).toBe(`# head\n\n${BEGIN}\nnew figures\n${END}\n\n## history\nkept\n`);
    const fresh = join(dir, "NEW.md");
    writeReport(fresh, "figures", "# intro");
    expect(readFileSync(fresh, "utf8")).toBe(`# intro\n\n${BEGIN}\nfigures\n${END}\n`);
  });

  it("the pathological inputs: on by default, their own block, every shape invalid as it says, growth per doubling", () => {
    expect(benchOptions([], "/repo")).toMatchObject({ hostile: true });
    expect(benchOptions(["--skip-hostile"], "/repo")).toMatchObject({ hostile: false });
    const dir = tempDir("citydc-report-");
    const file = join(dir, "BENCHMARKS.md");
    writeFileSync(file, `${BEGIN}\nmain\n${END}\n\n${HOSTILE_MARKERS.begin}\nold\n${HOSTILE_MARKERS.end}\n`);
    writeReport(file, "hostile figures", "# intro", HOSTILE_MARKERS);
    expect(readFileSync(file, "utf8")).toBe(`${BEGIN}\nmain\n${END}\n\n${HOSTILE_MARKERS.begin}\nhostile figures\n${HOSTILE_MARKERS.end}\n`);
    for (const shape of shapes(true)) {
      const r = parseInventory(shape.text(shape.sizes[0]!), "x.yaml");
      expect(r.inventory, shape.name).toBeUndefined();
      expect(r.diagnostics.length + (r.omitted?.errors ?? 0), shape.name).toBeGreaterThanOrEqual(shape.sizes[0]!);
    }
    const m = (cpuMs: number) => ({ runs: [], medianMs: cpuMs, minMs: cpuMs, rssMiB: 100, cpuMs, code: 1 });
    const t = hostileTable([{ shape: "s", n: 10, fileMiB: 1, result: m(100) }, { shape: "s", n: 20, fileMiB: 2, result: m(210) }, { shape: "s", n: 40, fileMiB: 4, result: { error: "did not end within 120.0 s" } }]);
    expect(t).toContain("| s | 20 | 2.0 MiB | 210 ms | 210 ms | 100 MiB | 2.1x |");
    expect(t).toContain("did not end");
  });

  it("formats tables and medians", () => {
    expect(table(["a", "b"], [["1", "2"]])).toBe("| a | b |\n| --- | --- |\n| 1 | 2 |");
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
