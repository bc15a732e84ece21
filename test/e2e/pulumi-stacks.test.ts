/**
 * The Pulumi side on the real engine: the pulumi CLI from scripts/toolchain.sh, the Automation API, a local
 * file backend in a temp dir, citydc's provider plugin, plain `pulumi preview` on the official Node.js language
 * host, and (for up/destroy) a real sshd that records what each device is sent. Previews need no device.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_PLUGIN_VERSION, preparePulumiHome, pulumiEnv, PULUMI_VERSION } from "../../pulumi/env";
import { buildPlan } from "../../pulumi/planReport";
import { destroyStack, previewStack, refreshStack, upStack, type StackOptions, type StackRunResult } from "../../pulumi/stacks";
import { changeSet, findPlatform, PLATFORMS } from "../../platforms/index";
import { canRunSshd, startRecordingSshd, type RecordingSshd } from "./helpers/recordingSshd";
import { requirePrerequisite } from "../unit/helpers/prerequisites";

const ROOT = path.resolve(__dirname, "../..");

function toolchain(): string | undefined {
  const r = spawnSync("bash", [path.join(ROOT, "scripts/toolchain.sh")], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  return r.stdout.trim().split("\n").pop();
}

const bin = toolchain();
requirePrerequisite("Pulumi stacks on the real engine", bin ? undefined : "scripts/toolchain.sh could not find or build the pulumi CLI");
requirePrerequisite("up, change, no-op and destroy against recording devices", canRunSshd());
if (!bin) console.warn("SKIPPED test/e2e/pulumi-stacks.test.ts: scripts/toolchain.sh could not find or build the pulumi CLI");
else process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-pulumi-e2e-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function opts(name: string, extra: Partial<StackOptions> = {}): StackOptions {
  return { backendUrl: `file://${path.join(tmp, "state")}`, workDir: path.join(tmp, `wd-${name}`), passphrase: "e2e-passphrase", ...extra };
}

// What each stack must hold, written out (not computed by the code under test). The lab's objects from
// inventory/lab.yaml: VLANs only where a port needs them (spine1 has no VLAN of its own beyond the trunks'),
// the DCI bond, the routers' BGP. The city: per device its number of objects and their kinds.
const LAB: Record<string, string[]> = {
  "lab-dc1-border1": ["bgp", "port:eth1", "port:eth2", "port:lo"],
  "lab-dc1-leaf1": ["lag:bond0", "port:p5", "port:p6", "port:p7", "port:p8", "vlan:120", "vlan:130", "vlan:140", "vlan:300"],
  "lab-dc1-leaf2": ["port:p1", "port:p5", "port:p6", "port:p7", "vlan:120", "vlan:130", "vlan:300"],
  "lab-dc1-spine1": ["lag:bond0", "lag:bond1", "port:p3", "port:p5", "vlan:120", "vlan:130", "vlan:140", "vlan:300"],
  "lab-dc2-border1": ["bgp", "port:eth1", "port:eth2", "port:lo"],
  "lab-dc2-leaf1": ["lag:bond1", "port:p2", "port:p5", "port:p6", "vlan:120", "vlan:140"],
};
const objectCount = (m: Record<string, string[]>): number => Object.values(m).reduce((n, keys) => n + keys.length, 0);
/** inventory/kragujevac.yaml, the primary stack's devices: [objects, kinds]. */
const CITY_PRIMARY: Record<string, [number, string]> = {
  // every device has its QoS object (classes, trust and queueing); the spines' ACLs are their VLANs', the border's
  // those of its five branch ports
  // City Hall, the registry and the employment service have a second WAN port, to the DR site (kg-dc2-leaf1);
  // the employment service runs BGP on it
  "kg-cityhall-wan1": [7, "bgp,port,qos,system"],
  "kg-dc1-border1": [38, "acl,bgp,lag,port,qos,route,stp,system,vlan,vrf"], // routed links to the spines, VRF university at the border
  "kg-dc1-leaf1": [12, "lag,port,qos,stp,system,vlan"],
  "kg-dc1-leaf2": [15, "lag,port,qos,stp,system,vlan"],
  "kg-dc1-leaf3": [17, "lag,management,port,qos,route,stp,system,vlan"],
  "kg-dc1-leaf4": [16, "lag,management,port,qos,route,stp,system,vlan"],
  "kg-dc1-spine1": [58, "acl,gateway,lag,mlag,port,qos,route,stp,system,vlan,vrf"], // routed to the border (city and VRF university), routes out
  "kg-dc1-spine2": [56, "acl,gateway,lag,mlag,port,qos,route,stp,system,vlan,vrf"],
  "kg-jkp-wan1": [6, "bgp,port,qos,system"],
  "kg-nsz-wan1": [9, "bgp,port,qos,route,security,system"],
  "kg-registry-wan1": [7, "bgp,port,qos,system"],
  "kg-unikg-wan1": [6, "port,qos,route,system"], // static routing into VRF university, no BGP
};
const CITY_DR = ["kg-dc2-leaf1", "kg-dc2-leaf2"];
const kindsOf = (keys: string[]): string => [...new Set(keys.map((k) => k.split(":")[0]))].sort().join(",");

function devicesBy(result: StackRunResult, op: string): string[] {
  return result.devices.filter((d) => d.op === op).map((d) => d.new?.device ?? d.old?.device ?? d.name).sort();
}

describe.skipIf(!bin)("Pulumi stacks on the real engine", () => {
  it("preview of the primary stack: every device of the City Data Center and the authorities, with its objects", async () => {
    const result = await previewStack("primary", opts("primary"));
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(devicesBy(result, "create")).toEqual(Object.keys(CITY_PRIMARY).sort());
    for (const d of result.devices) {
      const keys = Object.keys(d.new!.objects);
      expect([keys.length, kindsOf(keys)], d.new!.device).toEqual(CITY_PRIMARY[d.new!.device]);
      expect(d.new!.target?.host).toBeTruthy();
    }
    expect(Object.keys(result.devices.find((d) => d.new!.device === "kg-dc1-spine1")!.new!.objects)).toEqual(expect.arrayContaining(["mlag", "gateway:120", "vlan:120", "lag:Eth-Trunk1"]));
    // the DR site belongs to the dr stack
    expect(result.devices.some((d) => d.new!.site === "kg-dc2")).toBe(false);
    const plan = buildPlan(result, findPlatform, changeSet);
    expect(plan.counts.devices.create).toBe(12);
    expect(plan.counts.objects.add).toBe(247); // the sum of the table above
  });

  it("preview of the lab stack: both lab sites, each device with its objects", async () => {
    const result = await previewStack("lab", opts("lab-preview"));
    expect(result.ok).toBe(true);
    expect(devicesBy(result, "create")).toEqual(Object.keys(LAB).sort());
    for (const d of result.devices) expect(Object.keys(d.new!.objects).sort()).toEqual(LAB[d.new!.device]);
  });

  it("plain `pulumi preview --stack lab` from the repo root runs the program on the official Node.js language host", async () => {
    // citydc ships no language host of its own: Pulumi.yaml names none, so the engine takes the standard one.
    const project = yaml.load(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main: string; plugins: Record<string, unknown> };
    expect(Object.keys(project.plugins)).toEqual(["providers"]);
    expect(fs.existsSync(path.join(ROOT, "provider", "language"))).toBe(false);
    expect(fs.existsSync(path.join(ROOT, project.main))).toBe(true);

    // A Pulumi home of this test's own: prepared like every run's, it gets the command plugin.
    const home = path.join(tmp, "home-plain");
    const pulumi = path.join(bin!, "pulumi");
    await preparePulumiHome(home, pulumi);
    const env = { ...process.env, ...pulumiEnv("lab", { root: ROOT, backendUrl: `file://${path.join(tmp, "state-plain")}`, pulumiHome: home }) };
    const plugins = JSON.parse(spawnSync(pulumi, ["plugin", "ls", "--json"], { env, encoding: "utf8" }).stdout) as { name: string; kind: string; version: string }[];
    expect(plugins).toContainEqual(expect.objectContaining({ name: "command", kind: "resource", version: COMMAND_PLUGIN_VERSION }));

    const stackFile = path.join(ROOT, "stacks", "Pulumi.lab.yaml");
    const before = fs.readFileSync(stackFile, "utf8");
    const init = spawnSync(pulumi, ["stack", "init", "lab", "--non-interactive"], { cwd: ROOT, env, encoding: "utf8" });
    expect(init.status, init.stderr).toBe(0);
    const log = path.join(tmp, "plain-preview.log");
    const r = spawnSync(pulumi, ["preview", "--stack", "lab", "--non-interactive", "--color", "never", "-v=6", "--logtostderr"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    fs.writeFileSync(log, r.stderr);
    expect(r.status, `${r.stdout}\n(engine log: ${log})`).toBe(0);
    for (const device of Object.keys(LAB)) {
      expect(r.stdout).toMatch(new RegExp(`\\+\\s+citydc:device:DeviceConfig\\s+${device}\\b`));
    }
    // The engine found the language host next to the pulumi it runs, and it is the official 3.248.0 binary.
    const found = /GetPluginPath\(language, nodejs, [^)]*\): found (?:next to current executable|on \$PATH) ([^\s"]+)/.exec(r.stderr);
    expect(found, "the engine log names the language host it loaded").not.toBeNull();
    expect(found![1]).toBe(path.join(bin!, "pulumi-language-nodejs"));
    expect(spawnSync(found![1], ["-version"], { encoding: "utf8" }).stdout.trim()).toBe(`v${PULUMI_VERSION}`);
    // The repo's stack file is read, never rewritten.
    expect(fs.readFileSync(stackFile, "utf8")).toBe(before);
  });

  it("the dr stack refuses to run when DR parity fails", async () => {
    const inv = yaml.load(fs.readFileSync(path.join(ROOT, "inventory/kragujevac.yaml"), "utf8")) as { vlans: { id: number; sites: string[] }[]; dr: { vlans: number[] }[] };
    // protect a VLAN that exists only at the primary: the DR site cannot take it over
    const primaryOnly = inv.vlans.find((v) => v.sites.length === 1 && v.sites[0] === "kg-dc1")!;
    inv.dr[0]!.vlans.push(primaryOnly.id);
    const file = path.join(tmp, "kragujevac-no-parity.yaml");
    fs.writeFileSync(file, yaml.dump(inv));
    const result = await previewStack("dr", opts("dr-bad", { settings: { inventory: file } }));
    expect(result.ok).toBe(false);
    expect(result.error ?? "").toMatch(/DR site kg-dc2 .*DR parity failed/);
    expect(result.error ?? "").toContain("E_DR_VLAN_MISSING");
    expect(result.devices).toHaveLength(0);
    // the primary's own configuration does not depend on its DR site: its stack still previews
    const primary = await previewStack("primary", opts("primary-dr-bad", { settings: { inventory: file } }));
    expect(primary.ok, primary.error).toBe(true);
  });

  it("the dr stack previews the DR site when parity holds", async () => {
    const result = await previewStack("dr", opts("dr"));
    expect(result.ok).toBe(true);
    expect(devicesBy(result, "create")).toEqual(CITY_DR);
  });

  describe.skipIf(!!canRunSshd())("up, change, no-op and destroy against recording devices", () => {
    let sshd: RecordingSshd;
    let v1: string;
    let hostKeys: string;
    const devicePort = new Map<string, number>();
    const base = 24000 + Math.floor(Math.random() * 4000);

    /** The lab inventory with every device on our sshd (own port each, user root). */
    function writeInventory(name: string, edit: (inv: Record<string, unknown>) => void = () => undefined): string {
      const inv = yaml.load(fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")) as { devices: { name: string; management: { port: number; user: string } }[] };
      inv.devices.forEach((d, i) => {
        d.management.port = base + i;
        d.management.user = "root";
        devicePort.set(d.name, base + i);
      });
      edit(inv as unknown as Record<string, unknown>);
      const file = path.join(tmp, name);
      fs.writeFileSync(file, yaml.dump(inv));
      return file;
    }

    // The recording devices answer every read-back with nothing: the verification resources would (rightly) find
    // every object missing, so these stacks run without them (test/e2e/checks-lab.test.ts verifies on the lab).
    // The config backups run: they are the sessions whose command is the platform's running-config command.
    const settings = (inventory: string) => ({ settings: { inventory, hostKeysFile: hostKeys, credentials: { privateKey: sshd.clientKey }, verify: false } });
    const applied = (port?: number) => sshd.sessions().filter((s) => s.command === "sh -e" && (port === undefined || s.port === port));
    const backups = (from: number, port?: number) => sshd.sessions().slice(from).filter((s) => s.command.startsWith("ovs-vsctl --format=json") || s.command.startsWith("vtysh -c"))
      .filter((s) => port === undefined || s.port === port);

    beforeAll(async () => {
      v1 = writeInventory("lab-v1.yaml");
      sshd = await startRecordingSshd(path.join(tmp, "sshd"), [...devicePort.values()]);
      hostKeys = path.join(tmp, "known_hosts");
      fs.writeFileSync(hostKeys, [...devicePort.values()].map((p) => `[127.0.0.1]:${p} ${sshd.hostKey}`).join("\n") + "\n");
    });
    afterAll(async () => {
      await sshd?.stop();
    });

    it("up configures each device in exactly one session and keeps the key out of the state", async () => {
      const result = await upStack("lab", opts("lab", settings(v1)));
      expect(result.failures).toEqual([]);
      expect(result.ok, result.error).toBe(true);
      expect(result.ok).toBe(true);
      const expected = LAB;
      expect(devicesBy(result, "create")).toEqual(Object.keys(expected).sort());
      for (const [device, port] of devicePort) expect(applied(port), device).toHaveLength(expected[device]!.length > 0 ? 1 : 0);
      // and its running configuration captured once before and once after, over the same pinned login
      for (const [device, port] of devicePort) expect(backups(0, port), device).toHaveLength(2);
      // the checkpoint file itself (the Automation API's exportStack would decrypt: it passes --show-secrets)
      const files = fs.readdirSync(path.join(tmp, "state"), { recursive: true, encoding: "utf8" }).filter((f) => /stacks\/citydc\/lab\.json$/.test(f));
      expect(files).toHaveLength(1);
      const state = fs.readFileSync(path.join(tmp, "state", files[0]!), "utf8");
      // the private half of the key (the first base64 line is a public header shared by all ed25519 keys)
      const keyLines = sshd.clientKey.trim().split("\n").slice(2, -1);
      expect(keyLines.length).toBeGreaterThan(0);
      for (const line of keyLines) expect(state).not.toContain(line);
      expect(state).toContain("ciphertext");
    });

    it("a second up with no inventory change touches no device", async () => {
      const before = sshd.sessions().length;
      const preview = await previewStack("lab", opts("lab", { ...settings(v1), expectNoChanges: true }));
      expect(preview.ok).toBe(true);
      const result = await upStack("lab", opts("lab", settings(v1)));
      expect(result.ok).toBe(true);
      expect(result.devices.every((d) => d.op === "same")).toBe(true);
      expect(sshd.sessions().length).toBe(before);
    });

    it("a changed inventory shows exactly that change, and up sends only it", async () => {
      // a new access port in a VLAN the leaf already carries: one object on one device, nothing else
      const v2 = writeInventory("lab-v2.yaml", (inv) => {
        const leaf = (inv.devices as { name: string; interfaces: Record<string, unknown>[] }[]).find((d) => d.name === "lab-dc1-leaf1")!;
        leaf.interfaces.push({ name: "p9", mode: "access", vlan: 120, description: "lab-video3" });
      });
      const preview = await previewStack("lab", opts("lab", settings(v2)));
      expect(preview.ok, `${preview.error}`).toBe(true);
      expect(devicesBy(preview, "update")).toEqual(["lab-dc1-leaf1"]);
      expect(preview.devices.filter((d) => d.op !== "same" && d.op !== "update")).toEqual([]);
      const plan = buildPlan(preview, findPlatform, changeSet);
      const leaf = plan.sites.flatMap((s) => s.devices).find((d) => d.device === "lab-dc1-leaf1")!;
      expect(leaf.changes.map((c) => [c.action, c.key])).toEqual([["add", "port:p9"]]);
      expect(plan.counts.objects).toEqual({ add: 1, change: 0, remove: 0 });

      const before = sshd.sessions().length;
      const result = await upStack("lab", opts("lab", settings(v2)));
      expect(result.ok, `${result.error} ${JSON.stringify(result.failures)}`).toBe(true);
      const sent = sshd.sessions().slice(before);
      // the change in one session, between the two backups of that device's running configuration, nothing else
      const port = devicePort.get("lab-dc1-leaf1");
      expect(sent.map((s) => [s.port, s.command === "sh -e" ? "apply" : "backup"])).toEqual([[port, "backup"], [port, "apply"], [port, "backup"]]);
      expect(sent[1]!.input).toContain("p9");
      expect(sent[1]!.input).toBe(leaf.script.join("\n") + "\n");
      expect(backups(before).map((s) => s.command)).toEqual([PLATFORMS.ovs.runningConfig.command, PLATFORMS.ovs.runningConfig.command]);
      expect(result.backups?.map((b) => [b.device, b.when])).toEqual([["lab-dc1-leaf1", "before"], ["lab-dc1-leaf1", "after"]]);
    });

    it("moving a port to another VLAN changes exactly the devices and objects the model says", async () => {
      const v3 = writeInventory("lab-v3.yaml", (inv) => {
        const leaf = (inv.devices as { name: string; interfaces: { name: string; mode?: string; vlan?: number; description?: string }[] }[]).find((d) => d.name === "lab-dc1-leaf1")!;
        const p8 = leaf.interfaces.find((i) => i.name === "p8")!;
        leaf.interfaces.push({ name: "p9", mode: "access", vlan: 120, description: "lab-video3" });
        p8.vlan = 120;
        // its server moves with it
        const host = (inv.hosts as { attach: { device: string; interface: string }; address: string; gateway?: string }[]).find((h) => h.attach.device === "lab-dc1-leaf1" && h.attach.interface === "p8")!;
        host.address = "10.30.120.99/24";
        delete host.gateway;
      });
      // p8 leaves VLAN 130 for 120: leaf1 needs 130 no more, so the VLAN goes from leaf1 and from the trunk
      // between leaf1 and spine1 (both ends); no other device changes
      const differing: Record<string, string[]> = { "lab-dc1-leaf1": ["lag:bond0", "port:p8", "vlan:130"], "lab-dc1-spine1": ["lag:bond0"] };
      const preview = await previewStack("lab", opts("lab", settings(v3)));
      expect(preview.ok).toBe(true);
      expect(devicesBy(preview, "update")).toEqual(Object.keys(differing).sort());
      const plan = buildPlan(preview, findPlatform, changeSet);
      for (const d of plan.sites.flatMap((s) => s.devices).filter((x) => x.action === "update")) {
        expect(d.changes.map((c) => c.key).sort(), d.device).toEqual(differing[d.device]);
      }
    });

    it("refresh reads every object back; what a device lost is pushed again by the next up", async () => {
      const v3 = path.join(tmp, "lab-v3.yaml");
      await upStack("lab", opts("lab", settings(v3)));
      // the recording devices answer every read-back with nothing: to refresh, each device holds no object
      const before = sshd.sessions().length;
      const refreshed = await refreshStack("lab", opts("lab", settings(v3)));
      expect(refreshed.ok, refreshed.error).toBe(true);
      const reads = sshd.sessions().slice(before);
      expect(reads.every((s) => s.command !== "sh -e")).toBe(true);
      // v3: the lab with leaf1's new port p9, and p8 moved to VLAN 120, so leaf1 holds no VLAN 130
      const expected: Record<string, string[]> = { ...LAB, "lab-dc1-leaf1": ["lag:bond0", "port:p5", "port:p6", "port:p7", "port:p8", "port:p9", "vlan:120", "vlan:140", "vlan:300"] };
      expect(reads.length).toBe(objectCount(expected));
      for (const d of refreshed.devices) expect(Object.keys(d.new?.objects ?? {}), d.name).toEqual([]);
      const preview = await previewStack("lab", opts("lab", settings(v3)));
      const plan = buildPlan(preview, findPlatform, changeSet);
      expect(plan.counts.objects.add).toBe(objectCount(expected));
      // the next up converges: one session per device re-sends what it lost
      const mark = sshd.sessions().length;
      const converged = await upStack("lab", opts("lab", settings(v3)));
      expect(converged.ok, converged.error).toBe(true);
      const sent = sshd.sessions().slice(mark).filter((s) => s.command === "sh -e");
      expect(sent.map((s) => s.port).sort()).toEqual(Object.entries(expected).filter(([, k]) => k.length > 0).map(([d]) => devicePort.get(d)!).sort());
    });

    it("a device that cannot be reached fails alone, named; the others apply and the next up converges", async () => {
      const unreachable = base + 4000 + 7; // nothing listens there
      const broken = writeInventory("lab-broken.yaml", (inv) => {
        (inv.devices as { name: string; management: { port: number } }[]).find((d) => d.name === "lab-dc1-leaf2")!.management.port = unreachable;
      });
      fs.appendFileSync(hostKeys, `[127.0.0.1]:${unreachable} ${sshd.hostKey}\n`);
      const one = { settings: { ...settings(broken).settings, sites: ["lab-dc1", "lab-dc2"] } };
      const before = sshd.sessions().length;
      const failed = await upStack("failing", opts("failing", one));
      expect(failed.ok).toBe(false);
      expect([...new Set(failed.failures.map((f) => f.device).filter(Boolean))]).toEqual(["lab-dc1-leaf2"]);
      expect(failed.failures.find((f) => f.device === "lab-dc1-leaf2")!.message).toMatch(/lab-dc1-leaf2.*unreachable/s);
      const expected = LAB;
      const others = Object.entries(expected).filter(([d, k]) => d !== "lab-dc1-leaf2" && k.length > 0).map(([d]) => devicePort.get(d)!);
      const sentNow = sshd.sessions().slice(before).filter((s) => s.command === "sh -e").map((s) => s.port);
      expect(sentNow.sort()).toEqual(others.sort());
      // the failed device is not in the state: the next up (device back) creates only it
      const fixed = writeInventory("lab-fixed.yaml");
      const mark = sshd.sessions().length;
      const converged = await upStack("failing", opts("failing", { settings: { ...settings(fixed).settings, sites: ["lab-dc1", "lab-dc2"] } }));
      expect(converged.ok, converged.error).toBe(true);
      expect(devicesBy(converged, "create")).toEqual(["lab-dc1-leaf2"]);
      expect(sshd.sessions().slice(mark).filter((s) => s.command === "sh -e").map((s) => s.port)).toEqual([devicePort.get("lab-dc1-leaf2")]);
      await destroyStack("failing", opts("failing", { settings: { ...settings(fixed).settings, sites: ["lab-dc1", "lab-dc2"] } }));
    });

    it("a backup pinned to a host key that is not the device's is refused: nothing reaches that device", async () => {
      const other = path.join(tmp, "other_host_key");
      spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", other]);
      const [type, blob] = fs.readFileSync(`${other}.pub`, "utf8").trim().split(/\s+/);
      const wrong = path.join(tmp, "known_hosts_wrong");
      const victim = devicePort.get("lab-dc1-leaf1")!;
      fs.writeFileSync(wrong, [...devicePort.values()].map((p) => `[127.0.0.1]:${p} ${p === victim ? `${type} ${blob}` : sshd.hostKey}`).join("\n") + "\n");
      const mark = sshd.sessions().length;
      const r = await upStack("wrongkey", opts("wrongkey", { settings: { ...settings(path.join(tmp, "lab-v3.yaml")).settings, hostKeysFile: wrong, sites: ["lab-dc1", "lab-dc2"] } }));
      expect(r.ok).toBe(false);
      const f = r.failures.find((x) => x.device === "lab-dc1-leaf1");
      expect(f?.message).toMatch(/lab-dc1-leaf1: the config backup before its change failed: hostkey/);
      expect(r.failures.every((x) => x.device === undefined || x.device === "lab-dc1-leaf1")).toBe(true);
      // no session of any kind reached that box (the login is refused before authentication); the others applied
      expect(sshd.sessions().slice(mark).filter((s) => s.port === victim)).toEqual([]);
      expect(sshd.sessions().slice(mark).filter((s) => s.command === "sh -e").length).toBeGreaterThan(0);
    });

    it("renaming a device (same box) configures it under the new name and never clears what that pushed", async () => {
      const v3 = path.join(tmp, "lab-v3.yaml");
      const renamed = path.join(tmp, "lab-renamed.yaml");
      fs.writeFileSync(renamed, fs.readFileSync(v3, "utf8").split("lab-dc1-leaf2").join("lab-dc1-leaf9"));
      const port = devicePort.get("lab-dc1-leaf2")!;
      const mark = sshd.sessions().length;
      const result = await upStack("lab", opts("lab", settings(renamed)));
      expect(result.ok, result.error).toBe(true);
      expect(devicesBy(result, "create")).toEqual(["lab-dc1-leaf9"]);
      expect(devicesBy(result, "delete")).toEqual(["lab-dc1-leaf2"]);
      // one session on that box: the new resource's apply; the old resource's delete sends nothing
      expect(sshd.sessions().slice(mark).filter((s) => s.command === "sh -e" && s.port === port)).toHaveLength(1);
      const back = await upStack("lab", opts("lab", settings(v3)));
      expect(back.ok, back.error).toBe(true);
    });

    it("destroy clears every device in one session each", async () => {
      const before = sshd.sessions().length;
      const result = await destroyStack("lab", opts("lab", settings(path.join(tmp, "lab-v2.yaml"))));
      expect(result.ok).toBe(true);
      const expected = LAB;
      const sent = sshd.sessions().slice(before).filter((s) => s.command === "sh -e");
      expect(sent.map((s) => s.port).sort()).toEqual(Object.entries(expected).filter(([, k]) => k.length > 0).map(([d]) => devicePort.get(d)!).sort());
    });
  });
});
