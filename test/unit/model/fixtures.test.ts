/**
 * Broken inventories under test/fixtures/broken: each must give exactly the diagnostics expected.ts writes
 * out (place, code, path, object, message and fix; errors and warnings), and must not yield an inventory.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../../model/load";
import { EXPECTED } from "./expected";
import { findingLines } from "./findings";
import { FIXTURES } from "./helpers";

describe("broken inventories", () => {
  const dir = join(FIXTURES, "broken");
  const files = readdirSync(dir).sort();

  it("every fixture file has an expectation and every expectation a file", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file} gives ${EXPECTED[file]?.map((l) => l.split(" ")[1]).join(", ")}`, () => {
      const r = loadInventory(join(dir, file));
      expect(r.inventory).toBeUndefined();
      expect(findingLines(r.diagnostics)).toEqual(EXPECTED[file]);
      for (const d of r.diagnostics) {
        expect(d.file).toBe(join(dir, file));
        expect(d.severity).toBe(d.code.startsWith("E_") ? "error" : "warning");
      }
    });
  }

  it("names the object at fault", () => {
    const r = loadInventory(join(dir, "link-speed.yaml"));
    const speed = r.diagnostics.find((d) => d.code === "E_LINK_SPEED")!;
    expect(speed.object).toBe("link sw1:p2 <-> sw2:p2");
    expect(speed.path).toBe("/links/0/b/interface");
    const v = loadInventory(join(dir, "vlan-reserved.yaml"));
    expect(v.diagnostics[0]!.object).toBe("device sw1 interface Ethernet1/1");
  });

  it("suggests the near miss", () => {
    const r = loadInventory(join(dir, "unknown-device.yaml"));
    expect(r.diagnostics.find((d) => d.code === "E_REF_UNKNOWN")!.message).toContain("'sw2'");
    const k = loadInventory(join(dir, "unknown-key.yaml"));
    expect(k.diagnostics.find((d) => d.code === "E_SCHEMA_UNKNOWN_KEY")!.message).toContain("'platform'");
  });
});
