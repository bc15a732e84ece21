import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { run as diff } from "../../../cli/commands/diff";
import { runCommand } from "../helpers/cli";

const FIXTURES = path.resolve(__dirname, "../../fixtures/revisions");
const fx = (c: string, side: "old" | "new") => path.join(FIXTURES, c, `${side}.yaml`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-diff-"));
const cwd = process.cwd();
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => process.chdir(cwd));

/** Runs `citydc diff ...` in process: exit code (CliError as main maps it), stdout, stderr. */
const citydc = (...argv: string[]) => runCommand(diff, argv);

describe("citydc diff exit codes", () => {
  it("0 when equal (reorder only)", async () => {
    const r = await citydc(fx("reorder-only", "old"), fx("reorder-only", "new"));
    expect(r.code).toBe(0);
  });

  it("1 when different, in every format", async () => {
    for (const format of ["text", "json", "markdown"]) {
      const r = await citydc(fx("move", "old"), fx("move", "new"), "--format", format);
      expect(r.code).toBe(1);
      if (format === "json") expect((JSON.parse(r.out) as { summary: { counts: { total: number } } }).summary.counts.total).toBe(5);
    }
  });

  it("2 for a missing file, an invalid inventory (diagnostics printed), bad options", async () => {
    expect((await citydc(path.join(tmp, "nope.yaml"), fx("move", "new"))).code).toBe(2);
    const bad = path.join(tmp, "bad.yaml");
    fs.writeFileSync(bad, fs.readFileSync(fx("move", "new"), "utf8").replace("vlan: 110, description", "vlan: 4321, description"));
    const r = await citydc(fx("move", "old"), bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+/);
    expect((await citydc(fx("move", "old"))).code).toBe(2);
    expect((await citydc(fx("move", "old"), fx("move", "new"), "--format", "yaml")).code).toBe(2);
    expect((await citydc(fx("move", "old"), fx("move", "new"), "--colour")).code).toBe(2);
  });

  it("reads <revision>:<path> from git; an unknown revision or path is exit 2", async () => {
    const repo = path.join(tmp, "repo");
    fs.mkdirSync(path.join(repo, "inventory"), { recursive: true });
    const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...a], { cwd: repo, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    fs.copyFileSync(fx("remove-host", "old"), path.join(repo, "inventory", "city.yaml"));
    git("add", ".");
    git("commit", "-qm", "one");
    fs.copyFileSync(fx("remove-host", "new"), path.join(repo, "inventory", "city.yaml"));
    git("commit", "-qam", "two");
    process.chdir(repo);
    const r = await citydc("main~1:inventory/city.yaml", "main:inventory/city.yaml", "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { old: { commit: string }; changes: { action: string; type: string; key: string }[] };
    expect(j.old.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(j.changes.map((c) => `${c.action} ${c.type} ${c.key}`).sort()).toEqual(["remove host kg-uni-wlc1", "remove interface kg-dc1-leaf3 10GE1/0/3"]);
    expect((await citydc("main:inventory/city.yaml", "inventory/city.yaml")).code).toBe(0);
    const unknown = await citydc("no-such-branch:inventory/city.yaml", "inventory/city.yaml");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no-such-branch");
    expect((await citydc("main:inventory/other.yaml", "inventory/city.yaml")).code).toBe(2);
    // an existing file whose name contains a colon is a file, not a revision
    fs.copyFileSync(fx("remove-host", "new"), path.join(repo, "v1:city.yaml"));
    expect((await citydc("v1:city.yaml", "inventory/city.yaml")).code).toBe(0);
  });
});

describe("citydc diff --impact", () => {
  type Impact = {
    counts: { devices: number; sites: number; add: number; change: number; remove: number };
    risks: { code: string; object: string }[];
    devices: { device: string; changes: { action: string; key: string; commands: string[] }[] }[];
  };
  const impactOf = async (c: string): Promise<Impact> => {
    const r = await citydc(fx(c, "old"), fx(c, "new"), "--impact", "--format", "json");
    expect(r.code).toBe(1);
    return (JSON.parse(r.out) as { impact: Impact }).impact;
  };

  it("move: the access ports and the trunks that carry the moved VLANs change, with commands", async () => {
    const i = await impactOf("move");
    const leaf1 = i.devices.find((d) => d.device === "kg-dc1-leaf1")!;
    const port = leaf1.changes.find((c) => c.key === "port:10GE1/0/2")!;
    expect(port.action).toBe("change");
    expect(port.commands.join("\n")).toContain("110");
    const leaf4 = i.devices.find((d) => d.device === "kg-dc1-leaf4")!;
    expect(leaf4.changes.find((c) => c.key === "port:10GE1/0/3")?.action).toBe("add");
    expect(i.counts.sites).toBe(1);
    expect(i.counts.devices).toBe(i.devices.length);
    expect(i.risks).toEqual([]);
  });

  it("add-vlan: the new VLAN is added on devices at both sites", async () => {
    const i = await impactOf("add-vlan");
    const withVlan = i.devices.filter((d) => d.changes.some((c) => c.key === "vlan:160" && c.action === "add")).map((d) => d.device);
    expect(withVlan).toContain("kg-dc1-leaf4");
    expect(withVlan).toContain("kg-dc2-leaf1");
    expect(i.counts.sites).toBe(2);
  });

  it("remove-host: the port and its now unused VLAN go from the leaf; the trunks towards it are pruned", async () => {
    const i = await impactOf("remove-host");
    expect(i.devices.map((d) => d.device)).toEqual(["kg-dc1-leaf3", "kg-dc1-spine1", "kg-dc1-spine2"]);
    const leaf = i.devices[0]!;
    expect(leaf.changes.filter((c) => c.action === "remove").map((c) => c.key).sort()).toEqual(["port:10GE1/0/3", "vlan:310"]);
    for (const spine of i.devices.slice(1)) expect(spine.changes.map((c) => `${c.action} ${c.key}`)).toEqual(["change lag:Eth-Trunk13"]);
    expect(i.counts).toMatchObject({ devices: 3, sites: 1, add: 0, change: 4, remove: 2 });
  });

  it("dci-removed: risks are flagged", async () => {
    const i = await impactOf("dci-removed");
    expect(i.risks.map((r) => r.code).sort()).toEqual(["RISK_DCI_REMOVED", "RISK_DR_PARITY"]);
  });

  it("reorder-only: no impact", async () => {
    const r = await citydc(fx("reorder-only", "old"), fx("reorder-only", "new"), "--impact", "--format", "json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { impact: Impact }).impact.counts.devices).toBe(0);
  });
});
