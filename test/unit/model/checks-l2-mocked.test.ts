/**
 * The MTU rule for a platform without a per-port MTU setting other than FRR: today FRR is the only one, so
 * the rule runs here against capabilities changed for the test (a module mock, this file only): ovs without
 * its MTU limits.
 */
import { describe, expect, it, vi } from "vitest";
import { minimal, validate } from "./helpers";

vi.mock("../../../model/capabilities", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../model/capabilities")>();
  return {
    ...real,
    CAPABILITIES: { ...real.CAPABILITIES, ovs: { ...real.CAPABILITIES.ovs, mtu: undefined } },
  };
});

const lines = (d: unknown, code: string) =>
  validate(d)
    .diagnostics.filter((x) => x.code === code)
    .map((x) => `${x.path} ${x.message} | fix: ${x.hint}`);

describe("an MTU on a platform that cannot set one", () => {
  it("a switch platform without an MTU setting is told to remove it; FRR is told where the MTU is set instead", () => {
    const d = minimal();
    d.devices[0].interfaces[0].mtu = 9000;
    d.devices.push({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [{ name: "eth1", mode: "routed", address: "10.255.0.0/31", mtu: 9000 }] });
    expect(lines(d, "E_PLATFORM_FEATURE")).toEqual([
      "/devices/0/interfaces/0/mtu sw1 (ovs) cannot set an MTU (p1) | fix: remove mtu",
      "/devices/2/interfaces/0/mtu r1 (frr) cannot set an MTU (eth1) | fix: FRR has no MTU command: set the Linux link MTU outside citydc, or remove mtu",
    ]);
  });
});
