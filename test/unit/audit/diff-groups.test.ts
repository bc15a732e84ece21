/** The diff knows a VLAN in a group by group and ID: the same ID elsewhere is another object. */
import { describe, expect, it } from "vitest";
import { diffInventories } from "../../../audit/diff";
import { minimal, validate } from "../model/helpers";
import { validGroups } from "../model/dc-cases";

describe("diff of VLANs in groups", () => {
  it("a subnet change of one site-local VLAN 20 is that VLAN's change only", () => {
    const a = minimal();
    validGroups(a);
    const b = minimal();
    validGroups(b);
    b.vlans[2].subnet = "10.2.21.0/24";
    const d = diffInventories(validate(a).inventory!, validate(b).inventory!);
    expect(d.changes.map((c) => [c.type, c.action, c.key, c.label])).toEqual([["vlan", "change", "dc2-local/20", "VLAN 20 (dc2-servers) in group dc2-local"]]);
    expect(d.changes[0]!.fields).toEqual([{ field: "subnet", old: "10.2.20.0/24", new: "10.2.21.0/24" }]);
  });
});
