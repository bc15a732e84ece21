/**
 * The command resources around the DeviceConfigs (components/checks.ts), under Pulumi mocks: per device a
 * backup before (its DeviceConfig depends on it) and after (it depends on the DeviceConfig), per site one
 * verification after the site's devices; names from natural keys, triggers from a digest of what they cover,
 * credentials only as secrets, never on a command line.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import type * as Components from "../../../components";
import { SECRET_SIG, SIG_KEY } from "../../../provider/secrets";
import { inventory, network } from "./fixture";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

let registered: Registered[] = [];
let C: typeof Components;

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "citydc",
    "test",
    true,
  );
  C = await import("../../../components");
});

beforeEach(() => {
  registered = [];
});

const VERIFY = { stack: "test", inventory: "inventory/fixture.yaml", hostKeysFile: ".lab/fixture/hostkeys.json", dataPlane: true };

/** The inputs with every secret left out: what would be readable in the state. */
function plainParts(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainParts);
  if (v && typeof v === "object") {
    if ((v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) return "[secret]";
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainParts(x)]));
  }
  return v;
}

/** The inputs with secret wrappers removed (to read them). */
function unwrapped(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapped);
  if (v && typeof v === "object") {
    if ((v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) return unwrapped((v as { value: unknown }).value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapped(x)]));
  }
  return v;
}

function value<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

async function build(net: Components.NetworkBuild, sites: string[] = []) {
  const built = C.buildNetwork({ network: net, sites, parity: new Map() });
  const all: pulumi.Resource[] = [...built.verifications.values()];
  for (const s of built.sites) {
    const site = s instanceof C.DrSite ? s.site : s;
    for (const d of site.devices) all.push(d.config, ...Object.values(d.backups).filter((b): b is pulumi.CustomResource => !!b));
  }
  await Promise.all(all.map((r) => value(r.urn)));
  return built;
}

const named = (name: string) => registered.find((r) => r.name === name)!;
const withChecks = (net = network(inventory(), { password: "lab-password" })): Components.NetworkBuild => ({ ...net, checks: { backups: true, verify: VERIFY } });

describe("backups and verification", () => {
  it("without checks: no command resource at all", async () => {
    await build(network());
    expect(registered.filter((r) => r.type.startsWith("command:"))).toEqual([]);
  });

  it("per device a backup before and after, per site one verification, named by device and site", async () => {
    const built = await build(withChecks());
    const names = (type: string) => registered.filter((r) => r.type === type).map((r) => r.name).sort();
    expect(names("command:remote:Command")).toEqual(
      ["a-dc1-leaf1", "a-dc1-spine1", "a-dc1-wan1", "a-dc2-leaf1"].flatMap((d) => [`${d}:config-after`, `${d}:config-before`]).sort(),
    );
    expect(names("command:local:Command")).toEqual(["a-dc1:verify", "a-dc2:verify"]);
    expect([...built.verifications.keys()]).toEqual(["a-dc1", "a-dc2"]);
  });

  it("an ovs backup is the platform's read-only command over the pinned login, its output a secret, logging off", async () => {
    await build(withChecks());
    const b = named("a-dc1-leaf1:config-before");
    expect(b.inputs.create).toMatch(/^ovs-vsctl --format=json .* list bridge/);
    expect(b.inputs.logging).toBe("none");
    expect(b.inputs.addPreviousOutputInEnv).toBe(false);
    const conn = b.inputs.connection as Record<string, unknown>;
    expect(conn[SIG_KEY]).toBe(SECRET_SIG);
    expect(conn.value).toMatchObject({ host: "127.0.0.1", port: 2202, user: "citydc", hostKey: "ssh-ed25519 AAAAfixture", password: "lab-password" });
    // the password is nowhere but in the secret connection
    expect(JSON.stringify(plainParts(b.inputs))).not.toContain("lab-password");
  });

  it("backups and verification are triggered by a digest of what they cover: another object changes them, nothing else does", async () => {
    await build(withChecks());
    const trig = (n: string) => JSON.stringify(named(n).inputs.triggers);
    const before = { leaf: trig("a-dc1-leaf1:config-before"), spine: trig("a-dc1-spine1:config-before"), dc1: trig("a-dc1:verify"), dc2: trig("a-dc2:verify") };
    expect(trig("a-dc1-leaf1:config-after")).toBe(before.leaf);
    registered = [];
    const net = withChecks();
    const leaf = net.devices.get("a-dc1-leaf1")!;
    const changed = new Map(net.devices);
    changed.set("a-dc1-leaf1", { ...leaf, objects: [...leaf.objects, { ...leaf.objects[0]!, key: "vlan:140", fields: { id: 140 } }] });
    await build({ ...net, devices: changed });
    expect(trig("a-dc1-leaf1:config-before")).not.toBe(before.leaf);
    expect(trig("a-dc1-spine1:config-before")).toBe(before.spine);
    expect(trig("a-dc1:verify")).not.toBe(before.dc1);
    // dc2's verification covers the data-plane checks between its hosts and dc1's: it re-runs too
    expect(trig("a-dc2:verify")).not.toBe(before.dc2);
  });

  it("each device holds its two backups; a site's verification names the sites verified before it", async () => {
    const built = await build(withChecks());
    const dc1 = built.sites[0] as Components.Site;
    const leaf = dc1.devices.find((d) => d.device === "a-dc1-leaf1")!;
    expect(leaf.backups.before).toBeDefined();
    expect(leaf.backups.after).toBeDefined();
    // (the order of the backups around the apply is proven on the real engine: test/e2e/checks-lab.test.ts)
    const spec = JSON.parse((unwrapped(named("a-dc2:verify").inputs.environment) as Record<string, string>).CITYDC_VERIFY) as Record<string, unknown>;
    expect(spec).toEqual({ ...VERIFY, site: "a-dc2", peers: ["a-dc1"] });
  });

  it("the verification runs citydc from the run's checkout, its login only as secret environment", async () => {
    await build(withChecks());
    const v = named("a-dc1:verify");
    expect(v.inputs.create).toBe(C.citydcCommand(["verify", "--site", "a-dc1"]));
    expect(v.inputs.create).toMatch(/"\$\{CITYDC_NODE:-node\}" "\$r\/bin\/citydc\.js" verify --site a-dc1$/);
    expect(v.inputs.create).not.toMatch(/\/work\/|\/tmp\//);
    const env = unwrapped(v.inputs.environment) as Record<string, string>;
    expect(env.CITYDC_LOGIN_PASSWORD).toBe("lab-password");
    expect(env.CITYDC_LOGIN_KEY).toBe("");
    // (the mocks report the whole environment as one secret; the engine keeps each login value a secret of its own)
    expect(JSON.stringify(plainParts(v.inputs))).not.toContain("lab-password");
    expect(v.inputs.logging).toBe("stdout");
  });

  it("a device without a pinned host key gets no backup (no login without one)", async () => {
    const net = withChecks();
    const devices = new Map(net.devices);
    const leaf = devices.get("a-dc1-leaf1")!;
    devices.set("a-dc1-leaf1", { ...leaf, target: { ...leaf.target, hostKey: "" } });
    await build({ ...net, devices });
    expect(registered.filter((r) => r.name.startsWith("a-dc1-leaf1:config-"))).toEqual([]);
    expect(registered.filter((r) => r.name.startsWith("a-dc1-spine1:config-"))).toHaveLength(2);
  });

  it("a CLI-only platform's backup runs `citydc backup` through the shell driver, its login as secret environment", async () => {
    const inv = inventory();
    const vrp = { ...inv, devices: inv.devices.map((d) => (d.name === "a-dc1-leaf1" ? { ...d, platform: "huawei-vrp" as const } : d)) };
    await build(withChecks(network(vrp, { password: "lab-password" })));
    const b = named("a-dc1-leaf1:config-before");
    expect(b.type).toBe("command:local:Command");
    expect(b.inputs.create).toBe(C.citydcCommand(["backup", "--device", "a-dc1-leaf1"]));
    const env = unwrapped(b.inputs.environment) as Record<string, string>;
    expect(JSON.parse(env.CITYDC_BACKUP_TARGET!)).toEqual({ device: "a-dc1-leaf1", platform: "huawei-vrp", host: "127.0.0.1", port: 2202, user: "citydc", hostKey: "ssh-ed25519 AAAAfixture" });
    expect(env.CITYDC_LOGIN_PASSWORD).toBe("lab-password");
    expect(JSON.stringify(plainParts(b.inputs))).not.toContain("lab-password");
    expect(b.inputs.logging).toBe("none");
  });

  it("a site with no device gets no verification; the others still chain", async () => {
    const inv = inventory();
    const empty = { ...inv, sites: [...inv.sites, { name: "a-dc3", role: "primary" as const }] };
    const built = await build(withChecks(network(empty)), ["a-dc1", "a-dc3", "a-dc2"]);
    expect([...built.verifications.keys()]).toEqual(["a-dc1", "a-dc2"]);
  });

  it("the same resources and inputs when the inventory is reordered", async () => {
    await build(withChecks());
    const first = registered.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).sort();
    registered = [];
    const inv = inventory();
    const reordered = { ...inv, devices: [...inv.devices].reverse(), sites: [...inv.sites].reverse(), racks: [...inv.racks].reverse() };
    await build(withChecks(network(reordered, { password: "lab-password" })));
    expect(registered.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).sort()).toEqual(first);
  });
});

describe("configDigest and the command line", () => {
  it("the same devices in any order give the same digest; a field that differs gives another", () => {
    const a = { device: "a", platform: "ovs" as const, target: { host: "h", port: 22, user: "u", hostKey: "k" }, objects: {} };
    const b = { ...a, device: "b" };
    expect(C.configDigest([a, b])).toBe(C.configDigest([b, a]));
    expect(C.configDigest([a, b])).not.toBe(C.configDigest([a, { ...b, target: { ...b.target, port: 2222 } }]));
    expect(C.configDigest([a])).toMatch(/^[0-9a-f]{64}$/);
  });

  it("quotes what the shell would read otherwise", () => {
    expect(C.citydcCommand(["verify", "--site", "dc 1's"]).endsWith(` verify --site 'dc 1'\\''s'`)).toBe(true);
  });

  it("finds the checkout from CITYDC_ROOT, else above the directory it runs in", () => {
    const { spawnSync } = require("child_process") as typeof import("child_process");
    const root = require("path").resolve(__dirname, "../../..") as string;
    const line = C.citydcCommand(["--help"]).replace('"${CITYDC_NODE:-node}"', "echo");
    const run = (cwd: string, env: Record<string, string>) => spawnSync("/bin/sh", ["-c", line], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8" }).stdout.trim();
    expect(run(require("path").join(root, "dist", "stacks"), {})).toBe(`${root}/bin/citydc.js --help`);
    expect(run("/", { CITYDC_ROOT: root })).toBe(`${root}/bin/citydc.js --help`);
  });
});
