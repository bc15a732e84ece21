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

function value<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

async function build(net = network(), sites: string[] = []) {
  const built = C.buildNetwork({ network: net, sites, parity: new Map() });
  // Wait until every resource got its URN (all registrations done).
  const all: pulumi.Resource[] = [];
  const walk = (r: pulumi.Resource) => all.push(r);
  for (const s of built.sites) {
    const site = s instanceof C.DrSite ? (walk(s), s.site) : s;
    walk(site);
    for (const r of site.racks) walk(r);
    for (const sw of site.devices) {
      walk(sw);
      walk(sw.config);
    }
  }
  const urns = await Promise.all(all.map((r) => value(r.urn)));
  return { built, urns };
}

const typeChain = (urn: string) => urn.split("::")[2]!;

describe("components", () => {
  it("registers one DeviceConfig per device, under Site -> Rack -> NetworkDevice, named by the device", async () => {
    const { built, urns } = await build();
    const configs = registered.filter((r) => r.type === "citydc:device:DeviceConfig").map((r) => r.name).sort();
    expect(configs).toEqual(["a-dc1-leaf1", "a-dc1-spine1", "a-dc1-wan1", "a-dc2-leaf1"]);
    const leaf = urns.find((u) => u.endsWith("DeviceConfig::a-dc1-leaf1"))!;
    // (the mock monitor's URNs carry the immediate parent's type only)
    expect(typeChain(leaf)).toBe("citydc:network:Switch$citydc:device:DeviceConfig");
    const [dc1, dc2] = built.sites as [Components.Site, Components.DrSite];
    expect(dc1).toBeInstanceOf(C.Site);
    expect(dc1.racks.map((r) => [r.devices.map((s) => s.device)])).toEqual([[["a-dc1-spine1"]], [["a-dc1-leaf1"]], [["a-dc1-wan1"]]]);
    // a device without a rack goes into the site's "unracked" rack: same parent chain as every other
    expect(registered.filter((r) => r.type === "citydc:network:Rack").map((r) => r.name)).toContain("a-dc1:unracked");
    expect(typeChain(urns.find((u) => u.endsWith("Rack::a-dc1:unracked"))!)).toBe("citydc:network:Site$citydc:network:Rack");
    // the DR site is wrapped in a DrSite
    expect(dc2).toBeInstanceOf(C.DrSite);
    expect(dc2.site.devices.map((s) => s.device)).toEqual(["a-dc2-leaf1"]);
    expect(typeChain(urns.find((u) => u.endsWith("$citydc:network:Site::a-dc2"))!)).toBe("citydc:network:DrSite$citydc:network:Site");
    // each switch's DeviceConfig is its own child
    for (const sw of [...dc1.devices, ...dc2.site.devices]) {
      expect(await value(sw.config.urn)).toMatch(new RegExp(`Switch\\$citydc:device:DeviceConfig::${sw.device}$`));
    }
  });

  it("records VLANs and links as facts of their site and LAGs as facts of their switch, not as a resource each", async () => {
    const { built } = await build();
    for (const type of ["citydc:network:Vlan", "citydc:network:Link", "citydc:network:Lag"]) expect(registered.filter((r) => r.type === type)).toEqual([]);
    const [dc1, dc2] = built.sites as [Components.Site, Components.DrSite];
    expect(dc1.vlans.map((v) => [v.id, v.name, v.stretched, v.devices])).toEqual([
      [120, "video", true, ["a-dc1-leaf1", "a-dc1-spine1", "a-dc1-wan1"]],
      [130, "voice", false, ["a-dc1-leaf1", "a-dc1-spine1", "a-dc1-wan1"]],
    ]);
    expect(dc2.site.vlans.map((v) => v.id)).toEqual([120]);
    // the DCI link is recorded once, at the site of its first end
    expect(dc1.links.map((l) => [l.key, l.a, l.b])).toEqual([
      ["a-dc1-leaf1:p1--a-dc1-spine1:p1", "a-dc1-spine1:p1", "a-dc1-leaf1:p1"],
      ["a-dc1-spine1:p4--a-dc2-leaf1:p1", "a-dc2-leaf1:p1", "a-dc1-spine1:p4"],
    ]);
    expect(dc2.site.links).toEqual([]);
    const spine = dc1.devices.find((d) => d.device === "a-dc1-spine1")!;
    expect(spine.lags.map((l) => [l.name, l.members])).toEqual([["bond0", ["p2", "p3"]]]);
  });

  it("passes the device's objects, target and pinned host key, and marks the credentials secret", async () => {
    await build(network(inventory(), { password: "lab-password" }));
    const leaf = registered.find((r) => r.type === "citydc:device:DeviceConfig" && r.name === "a-dc1-leaf1")!;
    expect(Object.keys(leaf.inputs.objects as object).sort()).toEqual(["vlan:120", "vlan:130"]);
    expect(leaf.inputs.target).toEqual({ host: "127.0.0.1", port: 2202, user: "citydc", hostKey: "ssh-ed25519 AAAAfixture" });
    const cred = leaf.inputs.credentials as Record<string, unknown>;
    expect(cred[SIG_KEY]).toBe(SECRET_SIG);
    expect(cred.value).toEqual({ password: "lab-password" });
  });

  it("builds only the chosen sites", async () => {
    await build(network(), ["a-dc2"]);
    const configs = registered.filter((r) => r.type === "citydc:device:DeviceConfig").map((r) => r.name);
    expect(configs).toEqual(["a-dc2-leaf1"]);
    expect(registered.filter((r) => r.type === "citydc:network:Site").map((r) => r.name)).toEqual(["a-dc2"]);
  });

  it("gives the same names and inputs when the inventory is reordered", async () => {
    await build();
    const first = registered.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).sort();
    registered = [];
    const inv = inventory();
    const reordered = { ...inv, devices: [...inv.devices].reverse(), racks: [...inv.racks].reverse(), vlans: [...inv.vlans].reverse(), links: [...inv.links].reverse(), sites: [...inv.sites].reverse() };
    await build(network(reordered));
    const second = registered.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`).sort();
    expect(second).toEqual(first);
  });

  it("refuses to build a DR site whose parity checks fail, before registering anything of it", () => {
    const parity = new Map([["a-dc2", [{ code: "E_DR_VLAN_MISSING", severity: "error" as const, file: "inv.yaml", line: 3, column: 1, path: "/dr/0/vlans/0", message: "VLAN 120 missing", hint: "add it" }]]]);
    expect(() => C.buildNetwork({ network: network(), sites: ["a-dc2"], parity })).toThrow(C.DrParityError);
    expect(registered.filter((r) => r.type.startsWith("citydc:")).length).toBe(0);
  });

  it("refuses an unknown site", () => {
    expect(() => C.buildNetwork({ network: network(), sites: ["nowhere"], parity: new Map() })).toThrow(/nowhere/);
  });
});
