/**
 * One target resolver (transport/targets.ts): the lookup order of pinned host keys, and the proof that
 * the Pulumi program (stacks/index.ts, under mocks) and drift (the functions `citydc drift` calls) pin
 * the same key for every device with every form of a host-keys file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../../model/load";
import type { Device } from "../../../model/types";
import { loginOf, readHostKeys, targetBuilder } from "../../../transport/targets";
import type { DeviceTarget } from "../../../transport/types";

const ROOT = path.resolve(__dirname, "../../..");

function device(over: Partial<Device["management"]> = {}): Device {
  return {
    name: "leaf1",
    site: "dc1",
    height: 1,
    role: "leaf",
    platform: "ovs",
    management: { address: "10.0.0.5", port: 22, user: "netops", ...over },
    interfaces: [],
    lags: [],
    routes: [],
  };
}

describe("login targets", () => {
  const keys = new Map([
    ["leaf1", "ssh-ed25519 BYNAME"],
    ["[10.0.0.5]:2222", "ssh-ed25519 BYPORT"],
    ["10.0.0.5", "ssh-ed25519 BYADDR"],
  ]);

  it("pins the inventory's host key first", () => {
    expect(loginOf(device({ hostKey: "ssh-ed25519 INVENTORY" }), keys)).toEqual({ host: "10.0.0.5", port: 22, user: "netops", hostKey: "ssh-ed25519 INVENTORY" });
  });

  it("then the host-keys file by device name, by [address]:port, and by bare address on port 22 only", () => {
    expect(loginOf(device(), keys).hostKey).toBe("ssh-ed25519 BYNAME");
    const byPort = new Map([...keys].filter(([k]) => k !== "leaf1"));
    expect(loginOf(device({ port: 2222 }), byPort).hostKey).toBe("ssh-ed25519 BYPORT");
    expect(loginOf(device(), byPort).hostKey).toBe("ssh-ed25519 BYADDR");
    expect(loginOf(device({ port: 2200 }), new Map([["10.0.0.5", "ssh-ed25519 BYADDR"]])).hostKey).toBe("");
  });

  it("leaves the key empty when nothing pins it (preview works, every login is refused)", () => {
    expect(loginOf(device(), new Map()).hostKey).toBe("");
  });
});

// ------------------------------------------------------------------ program and drift agree

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-targets-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The lab inventory with lab-dc2-border1 on port 22 of its own address, so the bare-address form applies to it. */
const inventoryFile = path.join(tmp, "lab.yaml");
fs.writeFileSync(
  inventoryFile,
  fs.readFileSync(path.join(ROOT, "inventory", "lab.yaml"), "utf8").replace("{ address: 127.0.0.1, port: 2206, user: citydc }", "{ address: 127.0.0.9, port: 22, user: citydc }"),
);
const inv = loadInventory(inventoryFile).inventory!;
const key = (n: number) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${String(n).padStart(3, "0")}`;

/** Every form a host-keys file can take, each pinning some of the devices. */
const FORMS: Record<string, string> = {
  "known_hosts by device name": "# by name\nlab-dc1-spine1 " + key(1) + " comment\n\nlab-dc1-leaf1 " + key(2) + "\n",
  "known_hosts by [address]:port": `[127.0.0.1]:2201 ${key(3)}\n[127.0.0.1]:2203 ${key(4)}\n`,
  "known_hosts by address:port": `127.0.0.1:2202 ${key(5)}\n`,
  "known_hosts by bare address (port 22 only)": `127.0.0.1 ${key(6)}\n127.0.0.9 ${key(7)}\n`,
  "known_hosts with several names on a line": `lab-dc2-leaf1,[127.0.0.1]:2205 ${key(8)}\n`,
  "name wins over address": `[127.0.0.1]:2204 ${key(9)}\nlab-dc2-leaf1 ${key(10)}\n`,
  "lab hostkeys.json": JSON.stringify({ "lab-dc1-spine1": key(11), "lab-dc2-border1": key(12) }),
  "lab lab.json": JSON.stringify({ devices: [{ name: "lab-dc1-leaf2", hostKey: key(13) }, { name: "nope" }] }),
};

let program: typeof import("../../../stacks/index").program;
let registered: { type: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, inputs: args.inputs });
        return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "citydc",
    "targets",
    false,
  );
  ({ program } = await import("../../../stacks/index"));
});

/** The host key the program puts into each DeviceConfig, by device. */
async function programKeys(hostKeysFile: string): Promise<Map<string, string>> {
  registered = [];
  const { runInPulumiStack } = await import("@pulumi/pulumi/runtime/stack");
  await runInPulumiStack(program({ root: ROOT, stack: "targets", inventory: inventoryFile, sites: [], hostKeysFile, credentials: { password: "not-a-secret" } }));
  for (let seen = -1; seen !== registered.length; ) {
    seen = registered.length;
    await new Promise((r) => setTimeout(r, 100));
  }
  const out = new Map<string, string>();
  for (const r of registered.filter((x) => x.type === "citydc:device:DeviceConfig")) {
    out.set(String(r.inputs.device), String((r.inputs.target as { hostKey: string }).hostKey));
  }
  return out;
}

/** The host key `citydc drift --hostkeys FILE` logs in with, by device ("" when it refuses to log in). */
function driftKeys(hostKeysFile: string): Map<string, string> {
  const build = targetBuilder(readHostKeys(hostKeysFile), { password: "not-a-secret" });
  return new Map(inv.devices.map((d) => {
    const t = build(d);
    return [d.name, typeof t === "string" ? "" : (t as DeviceTarget).hostKey] as const;
  }));
}

describe("the program and drift pin the same host key", () => {
  for (const [form, text] of Object.entries(FORMS)) {
    it(form, async () => {
      const file = path.join(tmp, `${form.replace(/\W+/g, "-")}${text.startsWith("{") ? ".json" : ""}`);
      fs.writeFileSync(file, text);
      const fromProgram = await programKeys(file);
      const fromDrift = driftKeys(file);
      expect(fromProgram.size).toBe(inv.devices.length);
      expect(Object.fromEntries(fromProgram)).toEqual(Object.fromEntries(fromDrift));
      // the form pinned something, and what it pinned comes from the file
      const pinned = [...fromDrift.values()].filter((k) => k !== "");
      expect(pinned.length).toBeGreaterThan(0);
      for (const k of pinned) expect(text).toContain(k.split(" ")[1]);
    });
  }

  it("the bare address applies on port 22 only, and a device name beats its address", async () => {
    const bare = driftKeys(path.join(tmp, "known_hosts-by-bare-address-port-22-only-"));
    expect(bare.get("lab-dc2-border1")).toBe(key(7));
    expect(bare.get("lab-dc1-spine1")).toBe("");
    const both = driftKeys(path.join(tmp, "name-wins-over-address"));
    expect(both.get("lab-dc2-leaf1")).toBe(key(10));
  });
});
