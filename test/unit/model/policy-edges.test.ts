/**
 * Edges of what policy endpoints and prefixes mean (model/policy.ts): a tenant names the loopbacks and
 * networks of its branch sites only (a data center it serves is named by its VLANs' subnets), and a prefix
 * covers another only when it is at least as long and holds the other's network, so a shorter prefix that
 * starts at the same address is not covered by a longer one.
 */
import { describe, expect, it } from "vitest";
import { normalize } from "../../../model/normalize";
import { endpointPrefixes, prefixesCover, prefixesOverlap } from "../../../model/policy";
import type { Inventory } from "../../../model/types";

describe("a tenant's prefixes", () => {
  it("the routers of a data center the tenant serves add no loopback or network; those of its branch do", () => {
    const inv = normalize({
      version: 1,
      name: "t",
      tenants: [{ name: "city" }],
      sites: [
        { name: "dc1", role: "primary", tenant: "city" },
        { name: "dc2", role: "dr", protects: "dc1", tenant: "city" },
        { name: "hall", role: "branch", tenant: "city" },
      ],
      devices: [
        { name: "dc1-r1", site: "dc1", role: "border", platform: "frr", loopback: "10.255.0.1", management: { address: "127.0.0.1", user: "u" }, bgp: { asn: 65001, networks: ["10.70.0.0/16"] } },
        { name: "dc2-r1", site: "dc2", role: "border", platform: "frr", loopback: "10.255.0.2", management: { address: "127.0.0.2", user: "u" } },
        { name: "hall-r1", site: "hall", role: "wan", platform: "frr", loopback: "10.255.9.1", management: { address: "127.0.0.3", user: "u" }, bgp: { asn: 65009, networks: ["10.60.0.0/24"] } },
      ],
      vlans: [{ id: 120, name: "video", tenant: "city", purpose: "video", sites: ["dc1", "dc2"], subnet: "10.30.120.0/24" }],
    }) as Inventory;
    expect(endpointPrefixes(inv, { tenant: "city" } as never)).toEqual(["10.30.120.0/24", "10.255.9.1/32", "10.60.0.0/24"]);
    expect(endpointPrefixes(inv, { site: "dc1" } as never)).toEqual(["10.30.120.0/24"]);
  });
});

describe("cover at the same network address", () => {
  it("a longer prefix at the same start does not cover the shorter one; the shorter covers the longer", () => {
    expect(prefixesCover(["10.1.0.0/24"], ["10.1.0.0/16"])).toBe(false);
    expect(prefixesCover(["10.0.0.0/9"], ["10.0.0.0/8"])).toBe(false);
    expect(prefixesCover(["10.1.0.0/16"], ["10.1.0.0/24"])).toBe(true);
    expect(prefixesCover(["10.1.0.0/24"], ["10.1.0.0/24"])).toBe(true);
  });

  it("they overlap either way round", () => {
    expect(prefixesOverlap(["10.1.0.0/24"], ["10.1.0.0/16"])).toBe(true);
    expect(prefixesOverlap(["10.1.0.0/16"], ["10.1.0.0/24"])).toBe(true);
  });
});
