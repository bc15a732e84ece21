/**
 * The edges of the loader's cap on kept diagnostics (model/load.ts): text and schema problems share one budget
 * of MAX_DIAGNOSTICS; a file whose kept findings are all warnings is still invalid when errors were counted
 * past the cap; and the text of such a load (model/diagnostics.ts) counts the left-out errors and warnings
 * in its "more" line.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../../model/diagnostics";
import { MAX_DIAGNOSTICS } from "../../../model/load";
import { minimal, validate } from "./helpers";

/** The minimal inventory with `n` more devices in rack r1 without a position (one W_RACK_POSITION each). */
function unplaced(n: number): any {
  const d = minimal();
  for (let i = 0; i < n; i++) d.devices.push({ name: `w${i}`, site: "dc1", rack: "r1", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", port: 3000 + i, user: "citydc" } });
  return d;
}

/** A second host on sw1 p2, the trunk that carries the DCI link: two errors, found after the rack warnings. */
const onTheTrunk = (d: any) => d.hosts.push({ name: "h2", tenant: "city", address: "10.0.10.12/24", attach: { device: "sw1", interface: "p2" } });

describe("the cap on kept diagnostics", () => {
  it("text and schema problems share the budget: the text problems first, the schema problems up to the cap, the rest counted", () => {
    expect(MAX_DIAGNOSTICS).toBe(1000);
    const d = minimal();
    d.devices[0].interfaces[0].description = "a\u0007b";
    d.devices[0].interfaces[1].description = "c\u0007d";
    d.devices[1].interfaces[0].description = "e\u0007f";
    for (let i = 0; i < MAX_DIAGNOSTICS + 5; i++) d.hosts.push({ name: `h${i + 2}`, tenant: "city", address: "10.0.10.12/24", attach: { device: "sw1", interface: "p1" }, colour: "red" });
    const r = validate(d);
    expect(r.diagnostics).toHaveLength(1000);
    expect(r.diagnostics.slice(0, 4).map((x) => `${x.code} ${x.path}`)).toEqual([
      "E_TEXT_CONTROL /devices/0/interfaces/0/description",
      "E_TEXT_CONTROL /devices/0/interfaces/1/description",
      "E_TEXT_CONTROL /devices/1/interfaces/0/description",
      "E_SCHEMA_UNKNOWN_KEY /hosts/1/colour",
    ]);
    expect(r.diagnostics.at(-1)!.path).toBe("/hosts/997/colour");
    expect(r.diagnostics.filter((x) => x.code === "E_SCHEMA_UNKNOWN_KEY")).toHaveLength(997);
    expect(r.omitted).toEqual({ errors: 8, warnings: 0 });
    expect(r.normalized).toBeUndefined();
  });

  it("a thousand warnings kept and errors only counted past them: not valid, no inventory", () => {
    const d = unplaced(1001);
    onTheTrunk(d);
    const r = validate(d);
    expect(r.diagnostics).toHaveLength(1000);
    expect(new Set(r.diagnostics.map((x) => `${x.severity} ${x.code}`))).toEqual(new Set(["warning W_RACK_POSITION"]));
    expect(r.omitted).toEqual({ errors: 2, warnings: 2 });
    expect(r.inventory).toBeUndefined();
    expect(r.normalized?.devices).toHaveLength(1003);
  });

  it("a thousand warnings kept and only warnings past them: valid, with the inventory", () => {
    const r = validate(unplaced(1001));
    expect(r.diagnostics).toHaveLength(1000);
    expect(r.omitted).toEqual({ errors: 0, warnings: 2 });
    expect(r.inventory).toBeDefined();
    expect(r.inventory).toBe(r.normalized);
  });

  it("the text of such a load counts the left-out errors and warnings with those past `max`", () => {
    const d = unplaced(1001);
    onTheTrunk(d);
    const r = validate(d);
    // each added device takes nine lines of the dumped document; its rack's value starts in column 11
    const shown = formatDiagnostics(r.diagnostics, { max: 2, omitted: r.omitted }).split("\n");
    expect(shown).toEqual([
      "test.yaml:53:11  warning W_RACK_POSITION  device w0: device w0 is in rack r1 but has no position\n    fix: add `position:` (the lowest rack unit it occupies) so overlaps can be checked".split("\n"),
      "test.yaml:62:11  warning W_RACK_POSITION  device w1: device w1 is in rack r1 but has no position\n    fix: add `position:` (the lowest rack unit it occupies) so overlaps can be checked".split("\n"),
      ["... and 1,002 more (citydc validate <file> --json lists the first 1,000)"],
    ].flat());
    expect(formatDiagnostics(r.diagnostics, { omitted: r.omitted }).split("\n").at(-1)).toBe(
      "... and 2 more errors and 2 more warnings not listed (citydc keeps the first 1,000 problems of a file: fix these and validate again)",
    );
  });
});
