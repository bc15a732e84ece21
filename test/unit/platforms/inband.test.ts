/**
 * In-band management: the management address on the management VLAN's interface (VRP `interface Vlanif N`,
 * NX-OS and EOS `interface Vlan N`, Junos `irb.N` with the VLAN's `l3-interface`; the same commands as a
 * VLAN gateway, from the guides named in each platform file), a default route towards the management
 * gateway, and the management-path rule: the interface is never changed or removed by a change set.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RenderedDevice } from "../../../pipeline/index";
import type { Inventory, PlatformName } from "../../../model/types";
import { inventoryChangeSets, renderInventory } from "../../../pipeline/index";
import { changeSet, ManagementPathError, PLATFORMS } from "../../../platforms";
import { deriveIntent } from "../../../intent";
import { fabric } from "./fabric";

/** The fabric's leaf managed in band in VLAN 10 (10.10.10.0/24) through 10.10.10.1, spine1 its gateway. */
function inband(platform: PlatformName, address = "10.10.10.21"): Inventory {
  const inv = fabric(platform);
  return {
    ...inv,
    vlans: inv.vlans.map((v) => (v.id === 10 ? { ...v, subnet: "10.10.10.0/24", gateway: "10.10.10.1", gateways: [{ device: "spine1" }] } : v)),
    devices: inv.devices.map((d) => (d.name === "leaf1" ? { ...d, management: { ...d.management, address, vlan: 10, inband: { prefixLength: 24, gateway: "10.10.10.1" } } } : d)),
  };
}

const EXPECTED: Record<string, string[]> = {
  "huawei-vrp": ["interface Vlanif10", " ip address 10.10.10.21 255.255.255.0", "quit"],
  "cisco-nxos": ["interface Vlan10", "  no shutdown", "  ip address 10.10.10.21/24", "exit"],
  "arista-eos": ["interface Vlan10", "   ip address 10.10.10.21/24", "exit"],
  junos: ["set interfaces irb unit 10 family inet address 10.10.10.21/24", "set vlans management l3-interface irb.10"],
};
const ROUTE: Record<string, string> = {
  "huawei-vrp": "ip route-static 0.0.0.0 0.0.0.0 10.10.10.1",
  "cisco-nxos": "ip route 0.0.0.0/0 10.10.10.1",
  "arista-eos": "ip route 0.0.0.0/0 10.10.10.1",
  junos: "set routing-options static route 0.0.0.0/0 next-hop 10.10.10.1",
};

for (const platform of Object.keys(EXPECTED) as PlatformName[]) {
  describe(`in-band management on ${platform}`, () => {
    let leaf: RenderedDevice;
    beforeEach(() => {
      leaf = renderInventory(inband(platform)).find((d) => d.device === "leaf1")!;
    });
    it("the management VLAN's interface carries the address; a default route points at the gateway", () => {
      const m = leaf.objects.find((o) => o.key === "management")!;
      expect(m.kind).toBe("management");
      expect(m.apply).toEqual(EXPECTED[platform]);
      expect(leaf.objects.flatMap((o) => o.apply)).toContain(ROUTE[platform]);
      // the VLAN is known to the leaf and its uplink carries it to the gateways
      expect(leaf.intent.vlans.map((v) => v.id)).toContain(10);
      expect(leaf.intent.lags[0]!.port.allowed).toContain(10);
    });
    it("is refused when a change would move it, and kept when the device goes", () => {
      const before = renderInventory(inband(platform)).find((d) => d.device === "leaf1")!;
      const after = renderInventory(inband(platform, "10.10.10.22")).find((d) => d.device === "leaf1")!;
      expect(() => changeSet(PLATFORMS[platform], before.objects, after.objects, { management: before.intent.management })).toThrow(ManagementPathError);
      const gone = inband(platform);
      const { sets, refused } = inventoryChangeSets(gone, { ...gone, devices: gone.devices.filter((d) => d.name !== "leaf1") });
      expect(refused).toEqual([]);
      expect(sets.find((s) => s.device === "leaf1")!.changes.map((c) => c.key)).not.toContain("management");
    });
  });
}

describe("junos SRX", () => {
  it("the management VLAN interface is in the zone and answers SSH", () => {
    const inv = inband("junos");
    const srx = { ...inv, devices: inv.devices.map((d) => (d.name === "leaf1" ? { ...d, model: "SRX380" } : d)) };
    const z = deriveIntent(srx).get("leaf1")!.security!;
    expect(z.vlans).toEqual([10]);
    expect(z.services).toContain("ssh");
  });
});
