/**
 * Free text that reaches a device (issue 12): validation refuses control and format characters with a
 * located E_TEXT_CONTROL, and every platform renders descriptions so that no value can end a quote, a
 * line or a command, even when validation is bypassed (the renderers get hostile text directly here).
 * The random version of this is in test/unit/property/.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { parseInventory } from "../../../model/load";
import type { Inventory, PlatformName } from "../../../model/types";
import { findPlatform } from "../../../platforms/registry";
import { deviceText } from "../../../platforms/util";
import { renderInventory } from "../../../pipeline/index";
import { fabric } from "./fabric";
import { descriptionOf, syntaxProblems } from "./oracle";

const ROOT = join(__dirname, "..", "..", "..");

/** Text a careless copy-paste or a hostile editor could put in a description. */
export const HOSTILE = [
  "x \\",
  'say "hi" \\" end',
  "line1\nline2",
  "cr\rhere",
  "tab\there",
  "nel\u0085next",
  "csi\u009b31m red",
  "bidi \u202eevil\u202c",
  "zero\u200bwidth\u2060joiner\ufeff",
  "sep\u2028line\u2029para",
  "\u001b[2J clear",
  "$(touch /tmp/citydc-pwned) `id` $HOME",
  "help? please",
  "semi; feature telnet | include x",
  "   padded   ",
  "a".repeat(2000),
  "\u00e9\u010d\u0107 \ud83d\ude00 ok",
  "\ud83d\ude00".repeat(500),
  "\\",
  '"',
  "",
];

/** The fabric of `platform` with `text` as every interface, LAG and BGP neighbor description. */
function hostileFabric(platform: PlatformName, text: string): Inventory {
  const inv = fabric(platform) as any;
  for (const d of inv.devices) {
    d.interfaces = d.interfaces.map((i: any) => ({ ...i, description: text }));
    d.lags = d.lags.map((l: any) => ({ ...l, description: text }));
    if (d.bgp) d.bgp = { ...d.bgp, neighbors: [{ address: "10.254.9.9", remoteAs: 65099, description: text }] };
  }
  inv.devices[0].bgp = { asn: 65001, networks: [], neighbors: [{ address: "10.254.9.8", remoteAs: 65098, description: text }] };
  return inv;
}

describe("rendering cannot be broken by free text", () => {
  for (const platform of ["huawei-vrp", "cisco-nxos", "arista-eos", "junos"] as const) {
    it(`${platform}: every hostile description renders as one clean line`, () => {
      for (const text of HOSTILE) {
        for (const d of renderInventory(hostileFabric(platform, text))) {
          const lines = d.objects.flatMap((o) => [...o.apply, ...o.remove]);
          expect(syntaxProblems(d.platform, lines), `${JSON.stringify(text)} on ${d.device}`).toEqual([]);
          expect(d.config.split("\n").every((l) => syntaxProblems(d.platform, [l]).length === 0)).toBe(true);
          const plat = findPlatform(d.platform)!;
          expect(syntaxProblems(d.platform, plat.wrap(d.objects.flatMap((o) => o.apply)), "script")).toEqual([]);
        }
      }
    });
  }

  it("frr: descriptions in the vtysh lines and in the sh script that carries them", () => {
    const lab = parseInventory(readFileSync(join(ROOT, "inventory", "lab.yaml")), "lab.yaml").inventory as any;
    for (const text of HOSTILE) {
      const inv = { ...lab, devices: lab.devices.map((d: any) => ({ ...d, interfaces: d.interfaces.map((i: any) => ({ ...i, description: text })), ...(d.bgp ? { bgp: { ...d.bgp, neighbors: [{ address: "10.254.9.9", remoteAs: 65099, description: text }] } } : {}) })) };
      for (const d of renderInventory(inv)) {
        const lines = d.objects.flatMap((o) => o.apply);
        expect(syntaxProblems(d.platform, lines), `${JSON.stringify(text)} on ${d.device}`).toEqual([]);
        expect(syntaxProblems(d.platform, findPlatform(d.platform)!.wrap(lines), "script")).toEqual([]);
      }
    }
  });

  it("junos: a description ending in a backslash keeps its closing quote; quotes and backslashes survive escaped", () => {
    expect(deviceText("junos", "x \\")).toBe('"x \\\\"');
    const line = findPlatform("junos")!.objects({ device: "r", site: "s", platform: "junos", role: "wan", vlans: [], ports: [{ name: "xe-0/0/1", description: 'say "hi" \\', enabled: true, mode: "unused" }], lags: [], gateways: [], routes: [], vrfs: [], management: {} } as any)[1]!.apply[0]!;
    expect(line).toBe('set interfaces xe-0/0/1 description "say \\"hi\\" \\\\"');
    expect(descriptionOf("junos", line)).toBe('say "hi" \\');
  });

  it("C1 controls, bidi overrides, zero-width characters and separators never reach a device", () => {
    for (const p of ["huawei-vrp", "cisco-nxos", "arista-eos", "junos", "frr", "ovs"] as const) {
      const t = deviceText(p, "a\u0085b\u009bc\u202ed\u200be\u2028f\u2066g");
      expect(t, p).not.toMatch(/[\u0080-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/);
    }
    expect(deviceText("huawei-vrp", "a\u0085b\u009bc\u202ed\u200be")).toBe("a b c d e");
  });

  it("line CLIs: no leading or trailing space, no help or quote character, bounded length", () => {
    expect(deviceText("arista-eos", "   padded   ")).toBe("padded");
    expect(deviceText("huawei-vrp", "help? \"q\"")).toBe("help q");
    expect(deviceText("cisco-nxos", "a; feature telnet | b")).toBe("a feature telnet b");
    expect(deviceText("huawei-vrp", "x".repeat(500)).length).toBe(242);
    expect(deviceText("frr", "\ud83d\ude00".repeat(100)).length).toBeLessThanOrEqual(80);
    expect(deviceText("frr", "\ud83d\ude00".repeat(100))).not.toMatch(/[\ud800-\udbff]$/);
  });
});

describe("validation refuses control and format characters (E_TEXT_CONTROL)", () => {
  const minimal = readFileSync(join(ROOT, "test", "fixtures", "valid", "minimal.yaml"), "utf8");

  it("in any string, at its place, naming the character", () => {
    const text = minimal.replace("{ name: p1, mode: access, vlan: 10 }\n      - { name: p2, mode: trunk, allowed: [10] }\n  - name: sw2", '{ name: p1, mode: access, vlan: 10, description: "video \\u202Eroom" }\n      - { name: p2, mode: trunk, allowed: [10] }\n  - name: sw2');
    const r = parseInventory(text, "x.yaml");
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["E_TEXT_CONTROL@19:58"]);
    expect(r.diagnostics[0]!.message).toMatch(/U\+202E RIGHT-TO-LEFT OVERRIDE at character 7/);
    expect(r.diagnostics[0]!.object).toBe("device sw1 interface p1");
  });

  it("C0, C1, DEL, bidi, zero-width and separators alike; ordinary letters of any script are fine", () => {
    for (const c of ["\\t", "\\x1b", "\\x7f", "\\x85", "\\x9b", "\\u200b", "\\u2028", "\\u2029", "\\u2066", "\\ufeff", "\\u00ad"]) {
      const r = parseInventory(minimal.replace("tenants: [{ name: city }", `tenants: [{ name: city, description: "a${c}b" }`), "x.yaml");
      expect(r.diagnostics.map((d) => d.code), c).toEqual(["E_TEXT_CONTROL"]);
    }
    const ok = parseInventory(minimal.replace("tenants: [{ name: city }", 'tenants: [{ name: city, description: "Grad Kragujevac \u2013 \u010ca\u010dak, \u0160abac \ud83d\ude00" }'), "x.yaml");
    // the minimal inventory's one warning (its single DCI cable) is all there is
    expect(ok.diagnostics.map((d) => d.code)).toEqual(["W_DR_SINGLE_PATH"]);
  });

  it("in a mapping key too, reported once with the schema problem it also is", () => {
    const r = parseInventory(minimal.replace("name: t\n", 'name: t\n"bad\\u0007key": 1\n'), "x.yaml");
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(["E_SCHEMA_UNKNOWN_KEY", "E_TEXT_CONTROL"]);
    for (const d of r.diagnostics) expect(d.message).not.toMatch(/\u0007/);
  });
});
