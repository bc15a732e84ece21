/**
 * Who carries a VLAN, for a router platform that reserved VLANs: no such platform exists today (frr, the only
 * platform without L2, reserves nothing), so the rule runs here against capabilities changed for the test (a
 * module mock, this file only). A router carries the VLANs it is a gateway of, not every VLAN of its site.
 */
import { describe, expect, it, vi } from "vitest";
import { minimal, validate } from "./helpers";

vi.mock("../../../model/capabilities", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../model/capabilities")>();
  return {
    ...real,
    CAPABILITIES: { ...real.CAPABILITIES, frr: { ...real.CAPABILITIES.frr, reservedVlans: [4000, 4001] } },
  };
});

const lines = (d: unknown, code: string) =>
  validate(d)
    .diagnostics.filter((x) => x.code === code)
    .map((x) => `${x.path} ${x.message} | fix: ${x.hint}`);

describe("a router platform with reserved VLANs", () => {
  it("is told about a reserved VLAN it routes, not about one that is only at its site", () => {
    const d = minimal();
    d.devices.push({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [] });
    d.vlans.push(
      { id: 4000, name: "at-site", tenant: "city", purpose: "video", sites: ["dc1"] },
      { id: 4001, name: "routed", tenant: "city", purpose: "video", sites: ["dc1"], subnet: "10.40.1.0/24", gateway: "10.40.1.1", gateways: [{ device: "r1" }] },
    );
    expect(lines(d, "E_VLAN_RESERVED")).toEqual([
      "/vlans/2/gateways/0/device VLAN 4001 is reserved on frr (device r1; reserved 4000-4001) | fix: pick a VLAN ID outside 4000-4001 for VLANs that frr devices carry",
    ]);
  });
});
