import { describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { DEFAULTS, LAB_DEFAULTS, GenerateError, generateInventory, countInventory, type GenerateOptions } from "../../../generate/generator";
import { inventoryToYaml, toDocument } from "../../../generate/document";
import { CAPABILITIES } from "../../../model/capabilities";
import type { Inventory } from "../../../model/types";

const opts = (o: Partial<GenerateOptions>): GenerateOptions => ({ ...DEFAULTS, ...o });
const labOpts = (o: Partial<GenerateOptions>): GenerateOptions => ({ ...DEFAULTS, ...LAB_DEFAULTS, lab: true, ...o });

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}
function inSubnet(address: string, subnet: string): boolean {
  const [net, len] = subnet.split("/");
  const mask = Number(len) === 0 ? 0 : 2 ** 32 - 2 ** (32 - Number(len));
  const a = ipToInt(address.split("/")[0]!);
  const n = ipToInt(net!);
  return Math.floor(a / 2 ** (32 - Number(len))) === Math.floor(n / 2 ** (32 - Number(len))) && mask >= 0;
}

/** The structural rules the real validator checks, re-stated independently of it. */
function structuralProblems(inv: Inventory): string[] {
  const problems: string[] = [];
  const unique = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`duplicate ${what} ${k}`);
      seen.add(k);
    }
  };
  unique("site", inv.sites.map((s) => s.name));
  unique("rack", inv.racks.map((r) => r.name));
  unique("device", inv.devices.map((d) => d.name));
  unique("vlan", inv.vlans.map((v) => String(v.id)));
  unique("host", inv.hosts.map((h) => h.name));
  unique("service", inv.services.map((s) => s.name));
  const sites = new Map(inv.sites.map((s) => [s.name, s]));
  const racks = new Map(inv.racks.map((r) => [r.name, r]));
  const devices = new Map(inv.devices.map((d) => [d.name, d]));
  const vlans = new Map(inv.vlans.map((v) => [v.id, v]));
  const tenants = new Set(inv.tenants.map((t) => t.name));
  const occupied = new Map<string, string>();
  const ends = new Set<string>();
  for (const d of inv.devices) {
    if (!sites.has(d.site)) problems.push(`device ${d.name}: unknown site ${d.site}`);
    const caps = CAPABILITIES[d.platform];
    unique(`interface of ${d.name}`, d.interfaces.map((i) => i.name));
    unique(`lag of ${d.name}`, d.lags.map((l) => l.name));
    const lagNames = new Set(d.lags.map((l) => l.name));
    for (const i of d.interfaces) {
      if (!caps.interfacePattern.test(i.name)) problems.push(`${d.name} ${i.name}: bad name for ${d.platform}`);
      if (i.lag && !lagNames.has(i.lag)) problems.push(`${d.name} ${i.name}: unknown lag`);
      if (i.lag && i.mode) problems.push(`${d.name} ${i.name}: lag member with a mode`);
      if (i.mode === "access" && !vlans.get(i.vlan!)?.sites.includes(d.site)) problems.push(`${d.name} ${i.name}: VLAN ${i.vlan} not at ${d.site}`);
      const allowed = i.allowed;
      if (Array.isArray(allowed)) for (const id of allowed) if (!vlans.get(id)?.sites.includes(d.site)) problems.push(`${d.name} ${i.name}: allows VLAN ${id} not at ${d.site}`);
      ends.add(`${d.name}|${i.name}`);
    }
    for (const l of d.lags) {
      if (!caps.lagPattern.test(l.name)) problems.push(`${d.name} ${l.name}: bad LAG name for ${d.platform}`);
      if (!d.interfaces.some((i) => i.lag === l.name)) problems.push(`${d.name} ${l.name}: LAG without members`);
      if (Array.isArray(l.allowed)) for (const id of l.allowed) if (!vlans.get(id)?.sites.includes(d.site)) problems.push(`${d.name} ${l.name}: allows VLAN ${id} not at ${d.site}`);
      ends.add(`${d.name}|${l.name}`);
    }
    if (d.rack) {
      const rack = racks.get(d.rack);
      if (!rack || rack.site !== d.site) problems.push(`${d.name}: rack ${d.rack} not at ${d.site}`);
      else {
        if (d.position! < 1 || d.position! + d.height - 1 > rack.height) problems.push(`${d.name}: overflows rack`);
        for (let u = d.position!; u < d.position! + d.height; u++) {
          const k = `${d.rack}|${u}`;
          if (occupied.has(k)) problems.push(`${d.name}: U${u} of ${d.rack} taken by ${occupied.get(k)}`);
          occupied.set(k, d.name);
        }
      }
    }
  }
  for (const v of inv.vlans) {
    if (!tenants.has(v.tenant)) problems.push(`VLAN ${v.id}: unknown tenant`);
    const platforms = new Set(inv.devices.filter((d) => v.sites.includes(d.site)).map((d) => d.platform));
    for (const p of platforms) if (CAPABILITIES[p].reservedVlans.includes(v.id) || v.id > CAPABILITIES[p].maxVlan) problems.push(`VLAN ${v.id} reserved on ${p}`);
    for (const s of v.sites) if (!sites.has(s)) problems.push(`VLAN ${v.id}: unknown site ${s}`);
    if (v.gateway && !inSubnet(v.gateway, v.subnet!)) problems.push(`VLAN ${v.id}: gateway outside subnet`);
    for (const g of v.gateways) {
      const d = devices.get(g.device);
      if (!d || !v.sites.includes(d.site)) problems.push(`VLAN ${v.id}: gateway device ${g.device} not at its sites`);
      if (g.address && !inSubnet(g.address, v.subnet!)) problems.push(`VLAN ${v.id}: gateway address outside subnet`);
      if (d && !CAPABILITIES[d.platform].features.includes("gateway")) problems.push(`VLAN ${v.id}: ${d.name} cannot route`);
    }
  }
  // Subnets: no two equal or overlapping (all /24 and /31 from disjoint pools, so equality of network is enough).
  const nets = [
    ...inv.vlans.filter((v) => v.subnet).map((v) => v.subnet!),
    ...inv.devices.flatMap((d) => d.interfaces.filter((i) => i.address).map((i) => i.address!)),
  ];
  unique("address", nets);
  const used = new Map<string, string>();
  const useEnd = (device: string, itf: string, by: string) => {
    const k = `${device}|${itf}`;
    if (!ends.has(k)) problems.push(`${by}: unknown end ${k}`);
    if (used.has(k)) problems.push(`${by}: ${k} already used by ${used.get(k)}`);
    used.set(k, by);
  };
  for (const l of inv.links) {
    const by = `link ${l.a.device}:${l.a.interface}-${l.b.device}:${l.b.interface}`;
    useEnd(l.a.device, l.a.interface, by);
    useEnd(l.b.device, l.b.interface, by);
    const ia = devices.get(l.a.device)?.interfaces.find((i) => i.name === l.a.interface);
    const ib = devices.get(l.b.device)?.interfaces.find((i) => i.name === l.b.interface);
    if (ia && ib) {
      if (ia.mode !== ib.mode || JSON.stringify(ia.allowed) !== JSON.stringify(ib.allowed) || ia.speed !== ib.speed) problems.push(`${by}: ends disagree`);
      if (Boolean(ia.lag) !== Boolean(ib.lag)) problems.push(`${by}: one end in a LAG`);
    }
    if (l.bgp) for (const e of [l.a, l.b]) if (!devices.get(e.device)?.bgp) problems.push(`${by}: BGP without bgp on ${e.device}`);
  }
  for (const h of inv.hosts) {
    useEnd(h.attach.device, h.attach.interface, `host ${h.name}`);
    const itf = devices.get(h.attach.device)?.interfaces.find((i) => i.name === h.attach.interface);
    const v = itf?.vlan === undefined ? undefined : vlans.get(itf.vlan);
    if (!itf || itf.mode !== "access" || !v) problems.push(`host ${h.name}: not on an access port`);
    else {
      if (!inSubnet(h.address, v.subnet!)) problems.push(`host ${h.name}: address outside VLAN ${v.id}`);
      if (v.tenant !== h.tenant) problems.push(`host ${h.name}: tenant differs from VLAN`);
    }
  }
  unique("host address", inv.hosts.map((h) => h.address));
  for (const p of inv.dr) {
    const dcis = inv.links.filter((l) => l.kind === "dci" && [l.a, l.b].some((e) => devices.get(e.device)?.site === p.site) && [l.a, l.b].some((e) => devices.get(e.device)?.site === p.protects));
    const protectedIds = [...p.vlans, ...p.services.flatMap((s) => inv.services.find((x) => x.name === s)?.vlans ?? [-1])];
    for (const id of protectedIds) {
      const v = vlans.get(id);
      if (!v || !v.sites.includes(p.site) || !v.sites.includes(p.protects)) problems.push(`DR ${p.site}: VLAN ${id} not at both sites`);
      const carried = dcis.some((l) => {
        const i = devices.get(l.a.device)!.interfaces.find((x) => x.name === l.a.interface)!;
        return i.allowed === "all" || (Array.isArray(i.allowed) && i.allowed.includes(id));
      });
      if (!carried) problems.push(`DR ${p.site}: VLAN ${id} not carried by a DCI link`);
    }
  }
  return problems;
}

describe("generateInventory", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = inventoryToYaml(generateInventory(opts({ seed: 7 })));
    const b = inventoryToYaml(generateInventory(opts({ seed: 7 })));
    const c = inventoryToYaml(generateInventory(opts({ seed: 8 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("has the requested shape", () => {
    const inv = generateInventory(opts({ sites: 4, racksPerSite: 3, leafsPerRack: 4, spines: 2, branches: 7, interfacesPerLeaf: 20, vlans: 10 }));
    const roles = (r: string) => inv.devices.filter((d) => d.role === r).length;
    expect(roles("spine")).toBe(8);
    expect(roles("leaf")).toBe(48);
    expect(roles("wan")).toBe(7);
    expect(roles("border")).toBe(2);
    expect(inv.sites.filter((s) => s.role === "primary").length).toBe(2);
    expect(inv.sites.filter((s) => s.role === "dr").map((s) => s.protects)).toEqual(["kg-dc", "bg-dc"]);
    expect(inv.sites.filter((s) => s.role === "branch").length).toBe(7);
    for (const leaf of inv.devices.filter((d) => d.role === "leaf")) expect(leaf.interfaces.length).toBe(20);
    expect(inv.dr.length).toBe(2);
    // Stretched VLANs exist at both sites of a pair; local ones at one site.
    const stretched = inv.vlans.filter((v) => v.sites.length === 2);
    expect(stretched.length).toBe(2 * 4);
    expect(inv.links.filter((l) => l.kind === "dci").length).toBe(4);
    expect(inv.links.filter((l) => l.kind === "wan" && l.bgp).length).toBe(7);
    // Leaf pairs have peer LAGs, servers have bonds.
    expect(inv.links.filter((l) => l.kind === "peer").length).toBe(4 * 3 * 2 * 2);
    expect(inv.devices.some((d) => d.lags.some((l) => Array.isArray(l.allowed)))).toBe(true);
  });

  it.each([
    ["default", opts({})],
    ["single site, odd leafs", opts({ sites: 1, leafsPerRack: 3, branches: 2 })],
    ["three sites, one spine", opts({ sites: 3, spines: 1, vlans: 30 })],
    ["nxos", opts({ platform: "cisco-nxos", vlans: 40 })],
    ["eos", opts({ platform: "arista-eos" })],
    ["junos", opts({ platform: "junos", hostsPerLeaf: 10 })],
    ["ovs", opts({ platform: "ovs", branches: 1 })],
    ["lab", labOpts({ sites: 2, racksPerSite: 2, leafsPerRack: 3, hostsPerLeaf: 2 })],
    ["lab with branches", labOpts({ sites: 1, branches: 2 })],
  ])("satisfies the structural rules: %s", (_name, o) => {
    expect(structuralProblems(generateInventory(o))).toEqual([]);
  });

  it("reaches 1,000 switches and 50,000 interfaces with valid structure", () => {
    const inv = generateInventory(opts({ sites: 4, racksPerSite: 31, leafsPerRack: 8, interfacesPerLeaf: 50 }));
    const c = countInventory(inv);
    expect(c.devices).toBeGreaterThanOrEqual(1000);
    expect(c.interfaces).toBeGreaterThanOrEqual(50000);
    expect(structuralProblems(inv)).toEqual([]);
  });

  it("lab: ovs switches on 127.0.0.1 with one distinct SSH port each, a loop-free tree", () => {
    const inv = generateInventory(labOpts({ sites: 2, racksPerSite: 3, leafsPerRack: 2, portBase: 30000 }));
    expect(new Set(inv.devices.map((d) => d.platform))).toEqual(new Set(["ovs"]));
    expect(inv.devices.every((d) => d.management.address === "127.0.0.1")).toBe(true);
    const ports = inv.devices.map((d) => d.management.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.min(...ports)).toBe(30000);
    // Tree: switches joined by LAGs count once; edges = nodes - 1 per connected fabric.
    const edges = new Set<string>();
    for (const l of inv.links) edges.add([l.a.device, l.b.device].sort().join("|"));
    expect(edges.size).toBe(inv.devices.length - 1);
  });

  it("prefixes every site, rack, device and host name with --prefix", () => {
    const inv = generateInventory(opts({ prefix: "bench-", branches: 2 }));
    for (const list of [inv.sites, inv.racks, inv.devices, inv.hosts]) for (const x of list) expect(x.name.startsWith("bench-")).toBe(true);
    expect(inv.dr[0]).toMatchObject({ site: "bench-kg-dr", protects: "bench-kg-dc" });
    expect(inv.services.map((s) => s.name)).toContain("videoconferencing-kg");
    expect(structuralProblems(inv)).toEqual([]);
    expect(() => generateInventory(opts({ prefix: "Bad Prefix" }))).toThrow(GenerateError);
  });

  it("refuses options that cannot make a valid inventory", () => {
    expect(() => generateInventory(opts({ sites: 0 }))).toThrow(GenerateError);
    expect(() => generateInventory(opts({ leafsPerRack: 41 }))).toThrow(GenerateError);
    expect(() => generateInventory(opts({ interfacesPerLeaf: 2, spines: 2, leafsPerRack: 2 }))).toThrow(GenerateError);
    expect(() => generateInventory(opts({ sites: 40, vlans: 200 }))).toThrow(/VLAN/);
    expect(() => generateInventory(opts({ lab: true, platform: "huawei-vrp" }))).toThrow(GenerateError);
    expect(() => generateInventory(opts({ hostsPerLeaf: 100 }))).toThrow(GenerateError);
  });

  it("writes YAML that reads back to the same data, defaults left out", () => {
    const inv = generateInventory(opts({ branches: 2 }));
    const text = inventoryToYaml(inv, { header: ["x"] });
    expect(text.startsWith("# x\n")).toBe(true);
    const back = load(text) as Record<string, unknown>;
    expect(back).toEqual(toDocument(inv));
    expect(text).not.toMatch(/enabled: true/);
    expect(text).not.toMatch(/^\s+port: 22$/m);
  });
});
