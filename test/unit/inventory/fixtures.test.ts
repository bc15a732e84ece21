/**
 * Broken inventories under test/fixtures/broken: each must give exactly these diagnostics
 * (code@line; errors and warnings), and must not yield an inventory.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../../inventory/load";
import { FIXTURES } from "./helpers";

export const EXPECTED: Record<string, string[]> = {
  "alias-bomb.yaml": ["E_YAML_ALIAS_BOMB@1"],
  "bad-address.yaml": ["E_SCHEMA_FORMAT@34"],
  "bad-enum.yaml": ["E_SCHEMA_ENUM@15"],
  "bad-version.yaml": ["E_SCHEMA_VERSION@2"],
  "binary.yaml": ["E_FILE_BINARY@2"],
  "comments-only.yaml": ["E_FILE_EMPTY@1"],
  "dr-no-dci.yaml": ["E_DR_NO_DCI@36"],
  "dr-vlan-missing.yaml": ["E_DR_VLAN_MISSING@36"],
  "duplicate-interface.yaml": ["E_DUPLICATE@21"],
  "duplicate-key.yaml": ["E_YAML_DUPLICATE_KEY@13"],
  "duplicate-management.yaml": ["E_DUPLICATE_MANAGEMENT@25"],
  "duplicate-vlan.yaml": ["E_DUPLICATE@31"],
  "empty.yaml": ["E_FILE_EMPTY@1"],
  "gateway-outside.yaml": ["E_GATEWAY_OUTSIDE@30", "E_HOST_SUBNET@34"],
  "host-and-link.yaml": ["E_HOST_PORT@34", "E_PORT_HOST_LINK@34"],
  "host-on-trunk.yaml": ["E_HOST_PORT@34"],
  "interface-name.yaml": ["E_IFNAME_INVALID@27"],
  "lag-member-mode.yaml": ["E_LAG_MEMBER_MISMATCH@21", "E_LAG_MEMBER_MODE@20", "E_LINK_LAG@35"],
  "latin1.yaml": ["E_FILE_ENCODING@4"],
  "link-allowed.yaml": ["E_LINK_VLANS@32"],
  "link-lag.yaml": ["E_LINK_LAG@33"],
  "link-mode.yaml": ["E_DR_NO_DCI@36", "E_LINK_MODE@32"],
  "link-native.yaml": ["E_LINK_NATIVE@32"],
  "link-speed.yaml": ["E_LINK_SPEED@32"],
  "missing-key.yaml": ["E_SCHEMA_REQUIRED@11"],
  "multi-document.yaml": ["E_YAML_SYNTAX@37"],
  "platform-feature.yaml": ["E_PLATFORM_FEATURE@30"],
  "port-reuse.yaml": ["E_PORT_REUSE@33", "E_PORT_REUSE@33"],
  "rack-overflow.yaml": ["E_RACK_OVERFLOW@14"],
  "rack-overlap-2.yaml": ["E_RACK_OVERLAP@14"],
  "rack-overlap.yaml": ["E_RACK_OVERLAP@32"],
  "rack-site.yaml": ["E_RACK_SITE@13"],
  "subnet-overlap.yaml": ["E_SUBNET_OVERLAP@30"],
  "top-level-list.yaml": ["E_TOP_LEVEL@2"],
  "top-level-scalar.yaml": ["E_TOP_LEVEL@2"],
  "unknown-device.yaml": ["E_DR_NO_DCI@36", "E_REF_UNKNOWN@32"],
  "unknown-interface.yaml": ["E_DR_NO_DCI@36", "E_REF_UNKNOWN@32"],
  "unknown-key.yaml": ["E_SCHEMA_REQUIRED@11", "E_SCHEMA_UNKNOWN_KEY@16"],
  "unknown-tenant.yaml": ["E_REF_UNKNOWN@30"],
  "unknown-vlan.yaml": ["E_REF_UNKNOWN@19"],
  "vlan-reserved.yaml": ["E_VLAN_RESERVED@19"],
  "wrong-type.yaml": ["E_SCHEMA_TYPE@19"],
  "yaml-syntax.yaml": ["E_YAML_SYNTAX@20"],
};

describe("broken inventories", () => {
  const dir = join(FIXTURES, "broken");
  const files = readdirSync(dir).sort();

  it("every fixture file has an expectation and every expectation a file", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file} gives ${EXPECTED[file]?.join(", ")}`, () => {
      const r = loadInventory(join(dir, file));
      expect(r.inventory).toBeUndefined();
      const got = r.diagnostics.map((d) => `${d.code}@${d.line}`).sort();
      expect(got).toEqual([...(EXPECTED[file] ?? [])].sort());
      for (const d of r.diagnostics) {
        expect(d.file).toBe(join(dir, file));
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.hint.length).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
    });
  }

  it("names the object at fault", () => {
    const r = loadInventory(join(dir, "link-speed.yaml"));
    expect(r.diagnostics[0]!.object).toBe("link sw1:p2 <-> sw2:p2");
    expect(r.diagnostics[0]!.path).toBe("/links/0/b/interface");
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
