/**
 * The twin's rewrite (lab/twin.ts) of the two samples and of a generated inventory: the result is a valid
 * inventory of ovs and frr devices on 127.0.0.1, every vendor name is mapped to a Linux name, a switch's layer 3
 * sits on one FRR router per VRF, a one-member LAG gets an uncabled second member and runs static (as does
 * the LAG at the other end), and the SSH ports of an earlier rewrite are kept.
 */
import { describe, it, expect } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { twinInventory } from "../../../lab/twin";
import { loadInventory } from "../../../model/load";
import { generateInventory } from "../../../generate/generator";
import { toDocument } from "../../../generate/document";

const ROOT = path.resolve(__dirname, "../../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-twin-unit-"));

function rewrite(doc: Record<string, unknown>, ports?: Record<string, number>) {
  const t = twinInventory(doc, { ports });
  const file = path.join(tmp, `${String(doc.name)}-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, yaml.dump(t.doc, { noRefs: true, lineWidth: 200 }));
  const r = loadInventory(file);
  return { ...t, result: r, errors: r.diagnostics.filter((d) => d.severity === "error") };
}

const kgDoc = () => yaml.load(fs.readFileSync(path.join(ROOT, "inventory/kragujevac.yaml"), "utf8")) as Record<string, unknown>;

describe("the twin of inventory/kragujevac.yaml", () => {
  const t = rewrite(kgDoc());
  const inv = t.result.inventory!;
  it("is a valid inventory of ovs and frr devices, each on its own port of 127.0.0.1", () => {
    expect(t.errors).toEqual([]);
    expect(new Set(inv.devices.map((d) => d.platform))).toEqual(new Set(["ovs", "frr"]));
    expect(inv.devices.every((d) => d.management.address === "127.0.0.1")).toBe(true);
    expect(new Set(inv.devices.map((d) => d.management.port)).size).toBe(inv.devices.length);
  });
  it("maps every vendor interface to a Linux name, shown per device", () => {
    const spine = t.map.devices.find((d) => d.device === "kg-dc1-spine1")!;
    expect(spine.kind).toBe("switch");
    expect(spine.interfaces["100GE1/0/1"]).toBe("p1");
    expect(spine.interfaces["Eth-Trunk11"]).toBe("bond11");
    const wan = t.map.devices.find((d) => d.device === "kg-cityhall-wan1")!;
    expect(wan.kind).toBe("router");
    for (const n of Object.values(wan.interfaces)) expect(n).toMatch(/^[a-z][a-z0-9]{0,14}$/);
  });
  it("puts the spines' layer 3 on one FRR router per VRF; every VRRP gateway's router runs the group with its own address", () => {
    expect(t.map.devices.find((d) => d.device === "kg-dc1-spine1")!.routers).toEqual({ "kg-dc1-spine1-rt": "default", "kg-dc1-spine1-university": "university" });
    const uni = inv.devices.find((d) => d.name === "kg-dc1-spine1-university")!;
    // the port that faces VLAN 300 has no mode and no address of its own: the gateway object holds them
    expect(uni.interfaces.find((i) => i.name === "v300")).toMatchObject({ name: "v300" });
    expect(uni.interfaces.find((i) => i.name === "v300")!.mode).toBeUndefined();
    const v300 = inv.vlans.find((v) => v.id === 300)!;
    expect(v300.gateway).toBe("10.30.0.1");
    expect(v300.gateways).toEqual([
      { device: "kg-dc1-spine1-university", address: "10.30.0.2", priority: 110 },
      { device: "kg-dc1-spine2-university", address: "10.30.0.3", priority: 100 },
    ]);
    // the DR leafs' routers are VRRP backups of the protected VLANs, with the inventory's priorities
    expect(inv.vlans.find((v) => v.id === 130)!.gateways.map((g) => [g.device, g.priority])).toEqual([
      ["kg-dc1-spine1-rt", 110], ["kg-dc1-spine2-rt", 100], ["kg-dc2-leaf1-rt", 90], ["kg-dc2-leaf2-rt", 80],
    ]);
  });
  it("gives a one-member LAG an uncabled second member and makes it and its far end static", () => {
    const dr = inv.devices.find((d) => d.name === "kg-dc2-leaf1")!;
    const bond20 = dr.lags.find((l) => l.name === "bond20")!;
    expect(bond20.lacp).toBe("static");
    expect(dr.interfaces.filter((i) => i.lag === "bond20").map((i) => i.name)).toHaveLength(2);
    expect(inv.devices.find((d) => d.name === "kg-dc1-border1")!.lags.find((l) => l.name === "bond20")!.lacp).toBe("static");
    expect(inv.devices.find((d) => d.name === "kg-dc1-leaf1")!.lags.find((l) => l.name === "bond1")!.lacp).toBe("active");
  });
  it("keeps the ports of an earlier rewrite", () => {
    const moved = { ...t.map.ports, "kg-dc1-leaf1": 25000 };
    const again = rewrite(kgDoc(), moved);
    expect(again.map.ports["kg-dc1-leaf1"]).toBe(25000);
    expect(again.map.ports["kg-dc1-spine1"]).toBe(t.map.ports["kg-dc1-spine1"]);
  });
});

describe("the twin of other inventories", () => {
  it("inventory/lab.yaml", () => {
    const t = rewrite(yaml.load(fs.readFileSync(path.join(ROOT, "inventory/lab.yaml"), "utf8")) as Record<string, unknown>);
    expect(t.errors).toEqual([]);
  });
  it("a generated inventory", () => {
    const inv = generateInventory({ sites: 2, racksPerSite: 1, leafsPerRack: 2, spines: 2, branches: 2, vlans: 4, interfacesPerLeaf: 8, hostsPerLeaf: 1, platform: "huawei-vrp", lab: false, seed: 1, portBase: 22000, user: "netops" });
    const doc = JSON.parse(JSON.stringify(toDocument(inv))) as Record<string, unknown>;
    const t = rewrite(doc);
    expect(t.errors).toEqual([]);
  });
});
