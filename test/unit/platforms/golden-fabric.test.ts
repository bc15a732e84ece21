/**
 * Golden configurations of one small fabric rendered on each vendor platform (the sample city uses
 * Huawei for its fabric and the other vendors only on WAN routers): two spines with a peer LAG, VRRP
 * gateways (one in a VRF), a leaf dual-homed with two LACP LAGs, an access port, a hypervisor trunk with
 * a native VLAN, a spare port, a routed WAN port with a static route and eBGP.
 * Files: test/golden/fabric/<platform>/<device>.<ext>; rewrite with UPDATE_GOLDEN=1 (the run then fails,
 * naming what it changed), review, run again.
 *
 * Checked against: Cisco Nexus 9000 NX-OS Layer 2 Switching, Interfaces and Unicast Routing
 * Configuration Guides; Arista EOS User Manual (VLANs, Port-Channels, VRRP, VRFs, BGP); Junos OS
 * Ethernet Switching User Guide (ELS set commands), Network Interfaces (aggregated Ethernet, IRB),
 * High Availability (VRRP); Huawei CloudEngine 8800/6800 V200R022 Configuration Guide (VLAN, Eth-Trunk,
 * VLANIF, VRRP, VPN instance, static routes, BGP).
 */
import { join } from "path";
import { describe, expect, it } from "vitest";
import type { PlatformName } from "../../../model/types";
import { renderInventory } from "../../../pipeline/index";
import { fileFor } from "../../../cli/commands/render";
import { goldenDir, UPDATE_GOLDEN } from "../helpers/golden";
import { fabric, NAMES } from "./fabric";

// Rendered inside each test, not while the tests are collected (see golden.test.ts).
for (const platform of Object.keys(NAMES) as PlatformName[]) {
  describe(`golden fabric on ${platform}`, () => {
    const render = () => renderInventory(fabric(platform)).filter((d) => d.platform === platform);
    const dir = join(__dirname, "..", "..", "golden", "fabric", platform);
    const golden = goldenDir(dir, UPDATE_GOLDEN ? new Map(render().map((d) => [fileFor(d, "text"), d.config] as const)) : new Map());
    it("has one golden file per device", () => {
      expect(golden.names).toEqual(render().map((d) => fileFor(d, "text")).sort());
    });
    it("renders every device as its golden file", () => {
      const devices = render();
      expect(devices.length).toBeGreaterThan(0);
      for (const d of devices) expect.soft(d.config, d.device).toBe(golden.text(fileFor(d, "text")));
    });
  });
}
