import { describe, expect, it } from "vitest";
import { parseInventory } from "../../../model/load";
import { DEFAULTS, LAB_DEFAULTS, generateInventory, type GenerateOptions } from "../../../generate/generator";
import { inventoryToYaml } from "../../../generate/document";
import { addVlanOnLeafs, reviseForDiff } from "../../../bench/mutate";
import type { Inventory } from "../../../model/types";

const opts = (o: Partial<GenerateOptions>): GenerateOptions => ({ ...DEFAULTS, ...o });
const lab = (o: Partial<GenerateOptions>): GenerateOptions => ({ ...DEFAULTS, ...LAB_DEFAULTS, lab: true, ...o });

/** Runs the real loader (schema + semantic checks) on the YAML text, as `citydc validate` does. */
function problems(inv: Inventory): string[] {
  const r = parseInventory(inventoryToYaml(inv), "generated.yaml");
  return r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path} ${d.message}`);
}

describe("generated inventories pass the real validator", () => {
  it.each([
    ["default (huawei-vrp)", opts({})],
    ["one site, odd leafs per rack", opts({ sites: 1, leafsPerRack: 3, branches: 2 })],
    ["three sites, one spine, many VLANs", opts({ sites: 3, spines: 1, vlans: 60 })],
    ["four spines, hosts", opts({ spines: 4, hostsPerLeaf: 12 })],
    ["cisco-nxos", opts({ platform: "cisco-nxos", branches: 3 })],
    ["arista-eos", opts({ platform: "arista-eos", branches: 3 })],
    ["junos", opts({ platform: "junos", branches: 3 })],
    ["ovs with frr routers", opts({ platform: "ovs", sites: 3, branches: 3 })],
    ["lab", lab({ sites: 2, racksPerSite: 2, leafsPerRack: 3, hostsPerLeaf: 2 })],
    ["lab with frr branches", lab({ sites: 2, branches: 2 })],
    ["another seed", opts({ seed: 424242, hostsPerLeaf: 6 })],
  ])("%s", (_name, o) => {
    expect(problems(generateInventory(o))).toEqual([]);
  });

  it("at 1,000 switches and 50,000 interfaces", () => {
    const inv = generateInventory(opts({ sites: 4, racksPerSite: 31, leafsPerRack: 8, interfacesPerLeaf: 50 }));
    expect(inv.devices.length).toBeGreaterThanOrEqual(1000);
    expect(problems(inv)).toEqual([]);
  });

  it("the benchmark's revisions stay valid", () => {
    const inv = generateInventory(opts({ sites: 4, hostsPerLeaf: 4 }));
    expect(problems(reviseForDiff(inv))).toEqual([]);
    expect(problems(addVlanOnLeafs(inv, 3).inventory)).toEqual([]);
    const labInv = generateInventory(lab({ sites: 2, racksPerSite: 3, leafsPerRack: 2 }));
    const change = addVlanOnLeafs(labInv, 2);
    expect(change.devices.length).toBe(2);
    expect(problems(change.inventory)).toEqual([]);
  });
});
