/**
 * What the JSON Schema check says, for each kind of problem ajv reports (model/schema/check.ts): the code, the
 * JSON path (the key itself for an unknown key), the message with the value as the author wrote it, and a fix
 * taken from the schema's own description. Each case is the minimal inventory with one change, checked as
 * data (the loader then places each problem at its line; fixtures.test.ts checks those places).
 */
import { describe, expect, it } from "vitest";
import { MAX_STORED_SCHEMA_ERRORS } from "../../../model/schema/build";
import { checkSchema, schemaProblems, show } from "../../../model/schema/check";
import { minimal } from "./helpers";

interface Case {
  readonly name: string;
  readonly change: (d: any) => void;
  /** "CODE path [(key)] message | hint" for each problem, in ajv's order. */
  readonly expect: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "unknown key with / and ~",
    change: (d) => { d.sites[0]["a/b~c"] = 1; },
    expect: [
      "E_SCHEMA_UNKNOWN_KEY /sites/0/a~1b~0c (key) unknown key 'a/b~c' | remove it or use one of: name, role, description, protects, authority, tenant, asn, stp (keys are camelCase)",
    ],
  },
  {
    name: "unknown key of 101 characters",
    change: (d) => { d.sites[0]["platfor" + "m".repeat(94)] = 1; },
    expect: [
      "E_SCHEMA_UNKNOWN_KEY /sites/0/platformmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm (key) unknown key 'platformmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm...' | remove it or use one of: name, role, description, protects, authority, tenant, asn, stp (keys are camelCase)",
    ],
  },
  {
    name: "unknown key with a control character",
    change: (d) => { d.sites[0]["rol\u202ee"] = 1; },
    expect: [
      "E_SCHEMA_UNKNOWN_KEY /sites/0/rol‮e (key) unknown key 'rol\\u202ee' (did you mean 'role'?) | remove it or use one of: name, role, description, protects, authority, tenant, asn, stp (keys are camelCase)",
    ],
  },
  {
    name: "enum: a number where a role is",
    change: (d) => { d.devices[0].role = 5; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/role must be a string, found number 5 | write a string (Role in the design.)",
      "E_SCHEMA_ENUM /devices/0/role 5 is not allowed | use one of: core, spine, leaf, access, border, wan (Role in the design.)",
    ],
  },
  {
    name: "enum: a far-off role",
    change: (d) => { d.devices[0].role = "zzzzzzzz"; },
    expect: [
      "E_SCHEMA_ENUM /devices/0/role \"zzzzzzzz\" is not allowed | use one of: core, spine, leaf, access, border, wan (Role in the design.)",
    ],
  },
  {
    name: "version 2",
    change: (d) => { d.version = 2; },
    expect: [
      "E_SCHEMA_VERSION /version unsupported inventory version 2 | this citydc reads inventory version 1: write `version: 1`",
    ],
  },
  {
    name: "policy endpoint management: false",
    change: (d) => { d.policies = { rules: [{ name: "r", from: { management: false }, to: { any: true }, action: "allow" }] }; },
    expect: [
      "E_SCHEMA_ENUM /policies/rules/0/from/management must be true | The management network.",
    ],
  },
  {
    name: "type: a list",
    change: (d) => { d.name = [1]; },
    expect: [
      "E_SCHEMA_TYPE /name must be a string, found a list | write a string (Name of the inventory (the city or the lab), used in reports and stack names.)",
    ],
  },
  {
    name: "type: null",
    change: (d) => { d.name = null; },
    expect: [
      "E_SCHEMA_TYPE /name must be a string, found empty (null) | write a string (Name of the inventory (the city or the lab), used in reports and stack names.)",
    ],
  },
  {
    name: "type: a date",
    change: (d) => { d.name = new Date("2024-01-02"); },
    expect: [
      "E_SCHEMA_TYPE /name must be a string, found a date (quote it to keep it text) | write a string (Name of the inventory (the city or the lab), used in reports and stack names.)",
    ],
  },
  {
    name: "type: a mapping",
    change: (d) => { d.name = { a: 1 }; },
    expect: [
      "E_SCHEMA_TYPE /name must be a string, found a mapping | write a string (Name of the inventory (the city or the lab), used in reports and stack names.)",
    ],
  },
  {
    name: "type: infinity",
    change: (d) => { d.devices[0].position = Infinity; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/position must be an integer, found the YAML float .inf | write an integer (Lowest rack unit the device occupies (1 = bottom).)",
    ],
  },
  {
    name: "type: -infinity",
    change: (d) => { d.devices[0].position = -Infinity; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/position must be an integer, found the YAML float -.inf | write an integer (Lowest rack unit the device occupies (1 = bottom).)",
    ],
  },
  {
    name: "type: boolean",
    change: (d) => { d.devices[0].position = true; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/position must be an integer, found boolean true | write an integer (Lowest rack unit the device occupies (1 = bottom).)",
    ],
  },
  {
    name: "type: number where a string is",
    change: (d) => { d.name = 12; },
    expect: [
      "E_SCHEMA_TYPE /name must be a string, found number 12 | write a string (Name of the inventory (the city or the lab), used in reports and stack names.)",
    ],
  },
  {
    name: "type: string where a list is",
    change: (d) => { d.devices = "x"; },
    expect: [
      "E_SCHEMA_TYPE /devices must be a list, found string \"x\" | write a list (Switches and routers, with their interfaces, LAGs, routes and BGP.)",
    ],
  },
  {
    name: "type: a string where a mapping is",
    change: (d) => { d.devices[0].management = "x"; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/management must be a mapping (key: value), found string \"x\" | write a mapping (key: value) (How citydc reaches the device over SSH. Passwords and keys are never in the inventory (stack secrets or environment).)",
    ],
  },
  {
    name: "type: a number where a boolean",
    change: (d) => { d.sites[0].name = false; },
    expect: [
      "E_SCHEMA_TYPE /sites/0/name must be a string, found boolean false | write a string (Unique site name, e.g. kg-dc1.)",
    ],
  },
  {
    name: "anyOf: allowed: none",
    change: (d) => { d.devices[0].interfaces[1].allowed = "none"; },
    expect: [
      "E_SCHEMA_TYPE /devices/0/interfaces/1/allowed \"none\" is not valid here | write a valid value: Trunk mode: allowed VLANs, or all (default).",
    ],
  },
  {
    name: "anyOf: allowed: [0]",
    change: (d) => { d.devices[0].interfaces[1].allowed = [0, 10]; },
    expect: [
      "E_SCHEMA_RANGE /devices/0/interfaces/1/allowed/0 0 is out of range: must be at least 1 | use a value at least 1 (A VLAN ID (1..4094; platforms may reserve some).)",
    ],
  },
  {
    name: "anyOf: keepalive",
    change: (d) => { d.mlag = [{ name: "p", devices: ["sw1", "sw2"], keepalive: ["x", "10.0.0.1"] }]; },
    expect: [
      "E_SCHEMA_REQUIRED /mlag/0 missing required key 'peerLink' | add 'peerLink:' (The LAG (same name on both switches) that joins them: it carries every VLAN of the pair's multi-chassis LAGs.)",
      "E_SCHEMA_FORMAT /mlag/0/keepalive/0 \"x\" is not in the expected format | write it as expected: An IPv4 address without prefix length, e.g. 10.10.120.1.",
      "E_SCHEMA_TYPE /mlag/0/keepalive/0 \"x\" is not valid here | write a valid value",
    ],
  },
  {
    name: "pattern: name",
    change: (d) => { d.name = "-x"; },
    expect: [
      "E_SCHEMA_FORMAT /name \"-x\" is not in the expected format | write it as expected: Name of the inventory (the city or the lab), used in reports and stack names.",
    ],
  },
  {
    name: "pattern: long name",
    change: (d) => { d.name = "-" + "x".repeat(70); },
    expect: [
      "E_SCHEMA_RANGE /name \"-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"... is too long: must have at most 63 characters | shorten it to at most 63 characters (Name of the inventory (the city or the lab), used in reports and stack names.)",
      "E_SCHEMA_FORMAT /name \"-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"... is not in the expected format | write it as expected: Name of the inventory (the city or the lab), used in reports and stack names.",
    ],
  },
  {
    name: "minimum: position 0",
    change: (d) => { d.devices[0].position = 0; },
    expect: [
      "E_SCHEMA_RANGE /devices/0/position 0 is out of range: must be at least 1 | use a value at least 1 (Lowest rack unit the device occupies (1 = bottom).)",
    ],
  },
  {
    name: "maximum: vlan 5000",
    change: (d) => { d.devices[0].interfaces[0].vlan = 5000; },
    expect: [
      "E_SCHEMA_RANGE /devices/0/interfaces/0/vlan 5000 is out of range: must be at most 4094 | use a value at most 4094 (A VLAN ID (1..4094; platforms may reserve some).)",
    ],
  },
  {
    name: "minLength: empty name",
    change: (d) => { d.tenants[0].name = ""; },
    expect: [
      "E_SCHEMA_FORMAT /tenants/0/name \"\" is not in the expected format | write it as expected: Unique tenant name, e.g. city, university.",
    ],
  },
  {
    name: "minItems: sites []",
    change: (d) => { d.vlans[0].sites = []; },
    expect: [
      "E_SCHEMA_RANGE /vlans/0/sites [] has too few items: must have at least 1 item | list at least 1 item (Sites (by name) where the VLAN exists.)",
    ],
  },
  {
    name: "maxItems: mlag 3 devices",
    change: (d) => { d.mlag = [{ name: "p", devices: ["sw1", "sw2", "sw3"], keepalive: ["10.0.0.1", "10.0.0.2"] }]; },
    expect: [
      "E_SCHEMA_REQUIRED /mlag/0 missing required key 'peerLink' | add 'peerLink:' (The LAG (same name on both switches) that joins them: it carries every VLAN of the pair's multi-chassis LAGs.)",
      "E_SCHEMA_RANGE /mlag/0/devices a list of 3 has too many items: must have at most 2 items | list at most 2 items (The two switches; the first is the primary (it wins the role election).)",
    ],
  },
  {
    name: "uniqueItems: sites twice",
    change: (d) => { d.vlans[0].sites = ["dc1", "dc2", "dc1"]; },
    expect: [
      "E_SCHEMA_DUPLICATE_ITEM /vlans/0/sites/2 items 1 and 3 are the same (\"dc1\") | list each value once",
    ],
  },
  {
    name: "minProperties: empty endpoint",
    change: (d) => { d.policies = { rules: [{ name: "r", from: {}, to: { any: true }, action: "allow" }] }; },
    expect: [
      "E_SCHEMA /policies/rules/0/from must NOT have fewer than 1 properties | What one side of a rule names: exactly one of these keys.",
    ],
  },
];

const lines = (d: unknown): string[] => checkSchema(d).map((p) => `${p.code} ${p.path}${p.atKey ? " (key)" : ""} ${p.message} | ${p.hint}`);

describe("schema problems, one kind at a time", () => {
  it("the minimal inventory has none", () => {
    expect(checkSchema(minimal())).toEqual([]);
    expect(schemaProblems(minimal())).toEqual({ problems: [], omitted: 0 });
  });

  for (const c of CASES) {
    it(c.name, () => {
      const d = minimal();
      c.change(d);
      expect(lines(d)).toEqual(c.expect);
    });
  }
});

describe("a value in a message, as the author wrote it in YAML", () => {
  it("numbers, YAML's special floats, null, dates, lists and mappings", () => {
    expect([NaN, Infinity, -Infinity, 3, -0.5, null, undefined, true].map((v) => show(v))).toEqual([".nan", ".inf", "-.inf", "3", "-0.5", "null", "null", "true"]);
    expect(show(new Date("2024-01-02"))).toBe("2024-01-02");
    expect(show(new Date("2024-01-02T03:04:05Z"))).toBe("2024-01-02T03:04:05.000Z");
    expect(show(new Date("not a date"))).toBe("an invalid date");
    expect([[], [1, 2], {}, { a: 1 }].map((v) => show(v))).toEqual(["[]", "a list of 2", "a mapping", "a mapping"]);
  });

  it("strings quoted, cut after `max` characters with ...", () => {
    expect(show("ab")).toBe('"ab"');
    expect(show("x".repeat(60))).toBe(`"${"x".repeat(60)}"`);
    expect(show("x".repeat(61))).toBe(`"${"x".repeat(60)}"...`);
    expect(show("abcdef", 3)).toBe('"abc"...');
    expect(show("abc", 3)).toBe('"abc"');
  });

  it("control, format and invisible characters as \\uXXXX, the characters next to them as they are", () => {
    const escaped = ["\u0001", "\u007f", "\u0085", "\u009f", "\u00ad", "\u061c", "\u180e", "\u200b", "\u200f", "\u2028", "\u202e", "\u2060", "\u206f", "\ufeff", "\ufff9", "\ufffb"];
    for (const c of escaped) expect(show(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe(`"a\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}b"`);
    const kept = ["~", "\u00a0", "\u00ac", "\u00ae", "\u061b", "\u061d", "\u180d", "\u180f", "\u200a", "\u2027", "\u202f", "\u205f", "\u2070", "\ufefe", "\ufff8", "\ufffc", "\u010d"];
    for (const c of kept) expect(show(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe(`"a${c}b"`);
  });
});

describe("how many problems are returned", () => {
  /** The minimal inventory with three problems: two unknown keys and a VLAN out of range. */
  const three = (): any => {
    const d = minimal();
    d.sites[0].colour = "red";
    d.sites[1].colour = "blue";
    d.devices[0].interfaces[0].vlan = 5000;
    return d;
  };

  it("all of them by default, none omitted", () => {
    const r = schemaProblems(three());
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(["E_SCHEMA_UNKNOWN_KEY /sites/0/colour", "E_SCHEMA_UNKNOWN_KEY /sites/1/colour", "E_SCHEMA_RANGE /devices/0/interfaces/0/vlan"]);
    expect(r.omitted).toBe(0);
  });

  it("at most `max`, the rest counted as omitted", () => {
    expect(schemaProblems(three(), 1)).toMatchObject({ problems: [{ path: "/sites/0/colour" }], omitted: 2 });
    expect(schemaProblems(three(), 0)).toEqual({ problems: [], omitted: 3 });
    expect(schemaProblems(three(), 3).omitted).toBe(0);
  });

  it("the errors past what the validator stores (MAX_STORED_SCHEMA_ERRORS) are counted as omitted", () => {
    const d = minimal();
    d.hosts = Array.from({ length: MAX_STORED_SCHEMA_ERRORS + 7 }, (_, i) => ({ name: `h${i}`, tenant: "city", address: "10.0.10.11/24", attach: { device: "sw1", interface: "p1" }, colour: "red" }));
    const r = schemaProblems(d);
    expect(r.problems).toHaveLength(MAX_STORED_SCHEMA_ERRORS);
    expect(r.omitted).toBe(7);
    expect(schemaProblems(d, 10)).toMatchObject({ omitted: MAX_STORED_SCHEMA_ERRORS + 7 - 10 });
  });

  it("one problem of a value checked twice (by its item schema and by a $ref) is reported once", () => {
    const d = minimal();
    d.devices[0].interfaces[1].allowed = [5000];
    expect(lines(d)).toEqual(["E_SCHEMA_RANGE /devices/0/interfaces/1/allowed/0 5000 is out of range: must be at most 4094 | use a value at most 4094 (A VLAN ID (1..4094; platforms may reserve some).)"]);
  });
});
