/** The data-center feature checks (dc-cases.ts), run like the cases of checks.test.ts. */
import { FINDINGS, findingLines } from "./findings";
import { describe, expect, it } from "vitest";
import { DC_CASES, validGroups, validInband, validPair } from "./dc-cases";
import { deriveIntent } from "../../../intent";
import { minimal, validate as validateAll } from "./helpers";

/** Validation without the minimal inventory's own warning (its single DCI cable, W_DR_SINGLE_PATH). */
const validate = (d: unknown, keep = false) => {
  const r = validateAll(d);
  return { ...r, diagnostics: r.diagnostics.filter((x) => keep || x.code !== "W_DR_SINGLE_PATH") };
};

describe("semantic checks of the data-center features", () => {
  for (const platform of ["cisco-nxos", "arista-eos"]) {
    it(`a ${platform} multi-chassis pair is clean`, () => {
      const d = minimal();
      validPair(d, platform);
      expect(validate(d).diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`)).toEqual([]);
    });
  }

  it("VLAN groups: one ID, two site-local VLANs, each with its own subnet; the DCI carries neither", () => {
    const d = minimal();
    validGroups(d);
    const r = validate(d);
    expect(r.diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`)).toEqual([]);
    const intents = deriveIntent(r.inventory!);
    expect(intents.get("sw1")!.vlans).toEqual([{ id: 10, name: "video" }, { id: 20, name: "dc1-servers" }]);
    expect(intents.get("sw2")!.vlans).toEqual([{ id: 10, name: "video" }, { id: 20, name: "dc2-servers" }]);
    expect(intents.get("sw1")!.ports.find((p) => p.name === "p2")!.allowed).toEqual([10]);
  });

  it("in-band management on NX-OS is clean", () => {
    const d = minimal();
    validInband(d);
    expect(validate(d).diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`)).toEqual([]);
  });

  it("a switch dual-homed to the pair with one LAG is clean (the two halves are one LAG end)", () => {
    const d = minimal();
    validPair(d);
    const half = { name: "port-channel21", mode: "trunk", allowed: [10], mlag: true };
    for (const sw of [d.devices[0], d.devices[2]]) {
      sw.lags.push({ ...half });
      sw.interfaces.push({ name: "Ethernet1/5", lag: "port-channel21" });
    }
    d.devices.push({ name: "sw4", site: "dc1", role: "access", platform: "cisco-nxos", management: { address: "127.0.0.4", port: 22, user: "citydc" }, interfaces: [{ name: "Ethernet1/1", lag: "port-channel1" }, { name: "Ethernet1/2", lag: "port-channel1" }], lags: [{ name: "port-channel1", mode: "trunk", allowed: [10] }] });
    d.links.push({ kind: "uplink", a: { device: "sw4", interface: "Ethernet1/1" }, b: { device: "sw1", interface: "Ethernet1/5" } }, { kind: "uplink", a: { device: "sw4", interface: "Ethernet1/2" }, b: { device: "sw3", interface: "Ethernet1/5" } });
    expect(validate(d).diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`)).toEqual([]);
    // without the pair, the same cabling is two LAG ends
    d.mlag = [];
    expect(validate(d).diagnostics.map((x) => x.code)).toContain("E_LINK_LAG");
  });

  for (const c of DC_CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const d = minimal();
      c.mutate(d);
      const r = validate(d, c.code === "W_DR_SINGLE_PATH");
      expect(findingLines(r.diagnostics), "every finding of the case, written out in findings.ts").toEqual(FINDINGS[`${c.code}: ${c.name}`]);
      const hits = r.diagnostics.filter((x) => x.code === c.code);
      expect(hits.length, JSON.stringify(r.diagnostics.map((x) => `${x.code} ${x.path} ${x.message}`), null, 1)).toBeGreaterThan(0);
      if (c.path) expect(hits.map((h) => h.path)).toContain(c.path);
      for (const h of hits) expect(h.line).toBeGreaterThan(0);
      if (c.code.startsWith("E_")) expect(r.inventory).toBeUndefined();
      else expect(r.diagnostics.filter((x) => x.severity === "error").map((x) => `${x.code} ${x.path}`)).toEqual([]);
    });
  }
});
