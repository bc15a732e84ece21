/**
 * Schema problems where the schema node that fails has no description of its own (model/schema/check.ts):
 * list items that only give a type and limits (qos marking ports, jump hosts), the second form of a DSCP, and
 * items that take their meaning from a $ref (a service's VLAN IDs). The fix then says what to write without a
 * description, or with the description of the definition the item refers to. Also a length limit on a
 * described key.
 */
import { describe, expect, it } from "vitest";
import { checkSchema } from "../../../model/schema/check";
import { minimal } from "./helpers";

const lines = (d: unknown): string[] => checkSchema(d).map((p) => `${p.code} ${p.path}${p.atKey ? " (key)" : ""} ${p.message} | ${p.hint}`);

describe("schema problems of nodes without a description", () => {
  it("marking ports: a string, below 1 and above 65535, each fix without a description", () => {
    const d = minimal();
    d.qos = { marking: [{ class: "voice", ports: ["x", 0, 70000] }] };
    expect(lines(d)).toEqual([
      'E_SCHEMA_TYPE /qos/marking/0/ports/0 must be an integer, found string "x" | write an integer',
      "E_SCHEMA_RANGE /qos/marking/0/ports/1 0 is out of range: must be at least 1 | use a value at least 1",
      "E_SCHEMA_RANGE /qos/marking/0/ports/2 70000 is out of range: must be at most 65535 | use a value at most 65535",
    ]);
  });

  it("jump hosts: an empty name is too short, a number is no name", () => {
    const d = minimal();
    d.policies = { management: { jumpHosts: ["", 5] } };
    expect(lines(d)).toEqual([
      'E_SCHEMA_RANGE /policies/management/jumpHosts/0 "" is too short: must have at least 1 character | write at least 1 character',
      "E_SCHEMA_TYPE /policies/management/jumpHosts/1 must be a string, found number 5 | write a string",
    ]);
  });

  it("a DSCP neither a name nor a number: the number's pattern, then the value as a whole", () => {
    const d = minimal();
    d.qos = { classes: [{ name: "x", dscp: "zz" }] };
    expect(lines(d)).toEqual([
      'E_SCHEMA_FORMAT /qos/classes/0/dscp "zz" is not in the expected format | must match ^(6[0-3]|[1-5]?[0-9])$',
      'E_SCHEMA_TYPE /qos/classes/0/dscp "zz" is not valid here | write a valid value: DSCP by name (ef, af11..af43, cs0..cs7, default) or number 0..63.',
    ]);
  });

  it("a service's VLAN IDs: the fix describes a VLAN ID, from the definition the items refer to", () => {
    const d = minimal();
    d.services = [{ name: "s", tenant: "city", vlans: ["x", 5000] }];
    expect(lines(d)).toEqual([
      'E_SCHEMA_TYPE /services/0/vlans/0 must be an integer, found string "x" | write an integer (A VLAN ID (1..4094; platforms may reserve some).)',
      "E_SCHEMA_RANGE /services/0/vlans/1 5000 is out of range: must be at most 4094 | use a value at most 4094 (A VLAN ID (1..4094; platforms may reserve some).)",
    ]);
  });
});

describe("a length limit on a described key", () => {
  it("an empty protects: at least 1 character, with the key's description", () => {
    const d = minimal();
    d.sites[1].protects = "";
    expect(lines(d)).toEqual([
      'E_SCHEMA_RANGE /sites/1/protects "" is too short: must have at least 1 character | write at least 1 character (For role dr: the primary site (by name) this site protects.)',
    ]);
  });
});
