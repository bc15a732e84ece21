import { describe, expect, it } from "vitest";
import type { DeviceBuild } from "../../../components/types";
import type { Inventory } from "../../../model/types";
import { drProtectedOutput, parityAgainstApplied, protectedVlans } from "../../../stacks/drReference";
import { stackReferenceName } from "../../../stacks/index";

const inv = {
  dr: [{ site: "dr1", protects: "dc1", vlans: [120], services: ["backup"] }],
  services: [{ name: "backup", tenant: "city", vlans: [140] }],
} as unknown as Inventory;

const dev = (name: string, site: string, vlans: number[]) =>
  ({ device: { name, site }, objects: vlans.map((v) => ({ key: `vlan:${v}` })).concat([{ key: "port:p1" }]) }) as unknown as DeviceBuild;

describe("DR parity against what the primary stack applied", () => {
  it("the protected VLANs of a DR site: its list and its services' VLANs", () => {
    expect(protectedVlans(inv, "dr1")).toEqual(new Map([["dc1", [120, 140]]]));
    expect(protectedVlans(inv, "dc1")).toEqual(new Map());
  });

  it("a primary stack exports, per protected site, the protected VLANs its devices carry", () => {
    expect(drProtectedOutput(inv, [dev("a", "dc1", [120, 130]), dev("b", "dc1", [140])], ["dc1"])).toEqual({ dc1: [120, 140] });
    expect(drProtectedOutput(inv, [dev("a", "dc1", [120])], ["dc1", "branch"])).toEqual({ dc1: [120] });
    expect(drProtectedOutput(inv, [dev("x", "dr1", [120])], ["dr1"])).toEqual({});
  });

  it("the DR site must carry every VLAN the primary last applied protected; a site the primary never applied checks nothing", () => {
    const dr = [dev("l", "dr1", [120])];
    expect(parityAgainstApplied(inv, dr, ["dr1"], "primary", { dc1: [120, 140] })).toEqual([
      "DR site dr1: stack primary last applied protected VLAN 140 at dc1, which this run leaves off dr1 (DR parity with what the primary runs): apply stack primary first, or keep it at dr1",
    ]);
    expect(parityAgainstApplied(inv, [dev("l", "dr1", [120, 140])], ["dr1"], "primary", { dc1: [120, 140] })).toEqual([]);
    expect(parityAgainstApplied(inv, dr, ["dr1"], "primary", {})).toEqual([]);
  });

  it("a stack reference's name: the project's stack on a DIY backend, or as given", () => {
    expect(stackReferenceName("primary")).toBe("organization/citydc/primary");
    expect(stackReferenceName("acme/citydc/primary")).toBe("acme/citydc/primary");
  });
});
