/**
 * Golden configurations of the sample inventories: every device's full configuration, rendered and
 * compared byte for byte with test/golden/<inventory>/<device>.<ext>. After an intended change, rewrite
 * them with `UPDATE_GOLDEN=1 npx vitest run test/unit/platforms/golden.test.ts` (which then fails, naming the
 * files it changed), review the diff, and run again without it.
 *
 * The syntax of each platform's golden files was checked against:
 *  - huawei-vrp (.cfg): Huawei CloudEngine 8800/6800 V200R022 Configuration Guide - Ethernet Switching
 *    (VLAN, Eth-Trunk `mode lacp-static`), IP Services (VLANIF), Reliability (VRRP), IP Routing (static,
 *    BGP, VPN instance) and the matching Command Reference entries;
 *  - cisco-nxos (.cfg): Cisco Nexus 9000 Series NX-OS Layer 2 Switching Configuration Guide, Interfaces
 *    Configuration Guide (port channels, SVIs), Unicast Routing Configuration Guide (VRRP, static, BGP);
 *  - arista-eos (.cfg): Arista EOS User Manual - VLANs, Port-Channels (LACP), VRRP, IPv4 routing, BGP;
 *  - junos (.set): Junos OS Ethernet Switching User Guide (set commands, ELS), Network Interfaces
 *    (aggregated Ethernet, IRB), High Availability (VRRP), Routing Policies and BGP;
 *  - frr (.conf): FRRouting 8.4 user guide (zebra interface commands, static routes, BGP) and this
 *    machine's vtysh, which accepted these lines (test/unit/platforms/fixtures/frr);
 *  - ovs (.sh): ovs-vsctl(8) / ovs-vswitchd.conf.db(5) of Open vSwitch 3.1 and this machine's ovs-vsctl.
 */
import { join } from "path";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../../model/load";
import { renderInventory } from "../../../pipeline/index";
import { fileFor } from "../../../cli/commands/render";
import { goldenDir, UPDATE_GOLDEN } from "../helpers/golden";

const ROOT = join(__dirname, "..", "..", "..");

// The inventory is loaded and rendered inside each test, never while the tests are collected, so that
// mutation testing (TESTING.md) sees which test runs which code; only UPDATE_GOLDEN=1 renders up front.
for (const name of ["kragujevac", "lab"]) {
  describe(`golden configurations of inventory/${name}.yaml`, () => {
    const load = () => loadInventory(join(ROOT, "inventory", `${name}.yaml`));
    const render = () => renderInventory(load().inventory!);
    const dir = join(ROOT, "test", "golden", name);
    const files = () => new Map(render().map((d) => [fileFor(d, "text"), d.config] as const));
    const golden = goldenDir(dir, UPDATE_GOLDEN ? files() : new Map());

    it("loads", () => {
      expect(load().diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });

    it("has one golden file per device and no stale ones", () => {
      expect(golden.names).toEqual(render().map((d) => fileFor(d, "text")).sort());
    });

    it("renders every device as its golden file", () => {
      const devices = render();
      expect(devices.length).toBeGreaterThan(0);
      for (const d of devices) expect.soft(d.config, `${d.device} (${d.platform})`).toBe(golden.text(fileFor(d, "text")));
    });
  });
}
