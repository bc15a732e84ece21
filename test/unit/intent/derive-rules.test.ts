/**
 * Rules of the intent one at a time (intent/derive.ts), each on the smallest fabric that shows it:
 * access ports between switches, DR protection over DCI links only, VLAN IDs no VLAN defines, the
 * spanning-tree root priorities, guards on mixed tiers, a router's gateway behind a trunk's native VLAN.
 */
import { describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import type { DeviceIntent, PortIntent } from "../../../intent/types";
import type { Inventory, SiteStp } from "../../../model/types";
import { device, iface, inventory, lag, link, vlan } from "../helpers/inventory";

const of = (inv: Inventory, name: string): DeviceIntent => deriveIntent(inv).get(name)!;
function port(d: DeviceIntent, name: string): PortIntent {
  const p = d.ports.find((x) => x.name === name) ?? d.lags.find((l) => l.name === name)?.port;
  if (!p) throw new Error(`no port ${name} on ${d.device}`);
  return p;
}
const RSTP: SiteStp = { mode: "rstp", revision: 0, instances: [] };
const withStp = (inv: Inventory, stp: SiteStp = RSTP): Inventory => ({ ...inv, sites: inv.sites.map((s) => (s.name === "dc1" ? { ...s, stp } : s)) });

describe("what an edge between two switches carries", () => {
  it("two switches joined by access ports of VLAN 10 carry VLAN 10 only: VLAN 20 on both sides is not joined there", () => {
    const inv = inventory({
      devices: [
        device("a", "dc1", { interfaces: [iface("10GE1/0/1", { mode: "access", vlan: 10 }), iface("10GE1/0/2", { mode: "access", vlan: 10 }), iface("10GE1/0/3", { mode: "access", vlan: 20 })] }),
        device("b", "dc1", { interfaces: [iface("10GE1/0/1", { mode: "access", vlan: 10 }), iface("10GE1/0/2", { mode: "access", vlan: 10 }), iface("10GE1/0/3", { mode: "access", vlan: 20 }), iface("10GE1/0/9", { mode: "trunk" })] }),
        device("c", "dc1", { interfaces: [iface("10GE1/0/9", { mode: "trunk" }), iface("10GE1/0/3", { mode: "access", vlan: 20 })] }),
      ],
      vlans: [vlan(10, "ten", ["dc1"]), vlan(20, "twenty", ["dc1"])],
      links: [link("a 10GE1/0/1", "b 10GE1/0/1"), link("b 10GE1/0/9", "c 10GE1/0/9")],
    });
    // b joins VLAN 20 to c over the trunk; a's VLAN 20 has no path (the access link carries 10)
    expect(port(of(inv, "b"), "10GE1/0/9").allowed).toEqual([20]);
    expect(of(inv, "a").vlans.map((v) => v.id)).toEqual([10, 20]);
  });

  it("a link from a device to itself is no edge; LAG members towards one LAG are one edge", () => {
    const inv = inventory({
      devices: [
        device("a", "dc1", {
          interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk1" }), iface("10GE1/0/2", { lag: "Eth-Trunk1" }), iface("10GE1/0/7", { mode: "trunk" }), iface("10GE1/0/8", { mode: "trunk" }), iface("10GE1/0/5", { mode: "access", vlan: 10 })],
          lags: [lag("Eth-Trunk1")],
        }),
        device("b", "dc1", {
          interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk1" }), iface("10GE1/0/2", { lag: "Eth-Trunk1" }), iface("10GE1/0/5", { mode: "access", vlan: 10 })],
          lags: [lag("Eth-Trunk1")],
        }),
      ],
      vlans: [vlan(10, "ten", ["dc1"])],
      links: [link("a 10GE1/0/1", "b 10GE1/0/1"), link("a 10GE1/0/2", "b 10GE1/0/2"), link("a 10GE1/0/7", "a 10GE1/0/8")],
    });
    const a = of(inv, "a");
    expect(port(a, "Eth-Trunk1").allowed).toEqual([10]);
    // the looped cable is not an edge: the trunk faces nothing, so it carries every VLAN a knows
    expect(port(a, "10GE1/0/7").allowed).toEqual([10]);
    expect(port(a, "Eth-Trunk1").description).toBe("to b Eth-Trunk1");
  });
});

describe("DR protection", () => {
  const dr = (kind: "dci" | "uplink"): Inventory =>
    inventory({
      devices: [
        device("p", "dc1", { role: "border", interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "access", vlan: 10 })] }),
        device("d", "dc2", { role: "border", interfaces: [iface("10GE1/0/1", { mode: "trunk", allowed: [10, 30] }), iface("10GE1/0/9", { mode: "trunk" })] }),
        device("e", "dc2", { role: "leaf", interfaces: [iface("10GE1/0/9", { mode: "trunk" })] }),
      ],
      vlans: [vlan(10, "ten", ["dc1", "dc2"]), vlan(20, "twenty", ["dc1", "dc2"]), vlan(30, "thirty", ["dc1", "dc2"])],
      links: [link("p 10GE1/0/1", "d 10GE1/0/1", { kind }), link("d 10GE1/0/9", "e 10GE1/0/9")],
      services: [{ name: "backup", tenant: "city", vlans: [30] }],
      dr: [{ site: "dc2", protects: "dc1", vlans: [10, 20], services: ["backup"] }],
    });

  it("the DR end of a DCI link needs every protected VLAN its port allows (20 is not allowed there), a service's VLANs too", () => {
    const d = of(dr("dci"), "d");
    expect(d.vlans.map((v) => v.id)).toEqual([10, 30]);
    expect(port(d, "10GE1/0/1").allowed).toEqual([10]);
  });

  it("over a link that is not a DCI link the DR site needs nothing", () => {
    expect(of(dr("uplink"), "d").vlans).toEqual([]);
  });
});

describe("VLAN IDs", () => {
  it("an ID no VLAN defines at the site is carried once and named VLAN<id>; an ID defined at another site takes that VLAN's name", () => {
    const inv = inventory({
      devices: [
        device("a", "dc1", { interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "access", vlan: 77 }), iface("10GE1/0/3", { mode: "access", vlan: 50 })] }),
        device("b", "dc1", { interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "access", vlan: 77 }), iface("10GE1/0/3", { mode: "access", vlan: 50 })] }),
      ],
      vlans: [vlan(50, "far-away", ["dc2"])],
      links: [link("a 10GE1/0/1", "b 10GE1/0/1")],
    });
    const a = of(inv, "a");
    expect(a.vlans).toEqual([{ id: 50, name: "far-away" }, { id: 77, name: "VLAN77" }]);
    expect(port(a, "10GE1/0/1").allowed).toEqual([50, 77]);
  });

  it("two VLANs of one ID at one site: the first listed names it", () => {
    const inv = inventory({
      devices: [device("a", "dc1", { interfaces: [iface("10GE1/0/2", { mode: "access", vlan: 40 })] })],
      vlans: [vlan(40, "first", ["dc1"]), vlan(40, "second", ["dc1"])],
    });
    expect(of(inv, "a").vlans).toEqual([{ id: 40, name: "first" }]);
  });
});

describe("spanning-tree priorities", () => {
  const cores = (n: number, more: (i: number) => object = () => ({})): Inventory =>
    withStp(inventory({ devices: Array.from({ length: n }, (_, i) => device(`c${i + 1}`, "dc1", { role: i % 2 === 0 ? "core" : "spine", ...more(i) })) }));

  it("the site's cores and spines in inventory order: 4096, 8192, 12288, ... up to 61440; leafs get none", () => {
    const intents = deriveIntent(cores(17));
    expect([...intents.values()].map((d) => d.stp?.priority)).toEqual([4096, 8192, 12288, 16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440, 61440, 61440]);
    const withLeaf = withStp(inventory({ devices: [device("l1", "dc1", { role: "leaf" }), device("c1", "dc1", { role: "core" })] }));
    expect([...deriveIntent(withLeaf).values()].map((d) => [d.device, d.stp?.priority])).toEqual([["l1", undefined], ["c1", 4096]]);
  });

  it("a core with spanning tree off, or one that is not a switch, takes no rank; a priority in the inventory wins", () => {
    const inv = cores(3, (i) => (i === 0 ? { stp: { enabled: false } } : i === 2 ? { stp: { enabled: true, priority: 0 } } : {}));
    const intents = deriveIntent(inv);
    expect([...intents.values()].map((d) => d.stp?.priority)).toEqual([undefined, 4096, 0]);
    expect(intents.get("c1")!.stp).toBeUndefined();
    const router = withStp(inventory({ devices: [device("r", "dc1", { role: "core", platform: "frr" }), device("c", "dc1", { role: "core" })] }));
    expect(deriveIntent(router).get("c")!.stp?.priority).toBe(4096);
    expect(deriveIntent(router).get("r")!.stp).toBeUndefined();
  });

  it("a site without spanning tree: no device takes part", () => {
    const intents = deriveIntent(inventory({ devices: [device("c1", "dc1", { role: "core" })] }));
    expect(intents.get("c1")!.stp).toBeUndefined();
  });

  it("a site's own region, and MSTP instances sorted by id with sorted VLANs; RSTP has no instances", () => {
    const mstp: SiteStp = { mode: "mstp", region: "city", revision: 1, instances: [{ id: 3, vlans: [30, 10] }, { id: 1, vlans: [20] }] };
    const d = of(withStp(inventory({ devices: [device("c1", "dc1", { role: "core" })] }), mstp), "c1");
    expect(d.stp).toMatchObject({ mode: "mstp", region: "city", revision: 1, instances: [{ id: 1, vlans: [20] }, { id: 3, vlans: [10, 30] }] });
    const r = of(withStp(inventory({ devices: [device("c1", "dc1", { role: "core" })] }), { ...mstp, mode: "rstp" }), "c1");
    expect(r.stp).toMatchObject({ mode: "rstp", region: "city", instances: [] });
  });

  it("a port towards a lower and a higher tier at once gets no guard; an own guard of none takes the derived one away", () => {
    const inv = withStp(
      inventory({
        devices: [
          device("leaf", "dc1", {
            role: "leaf",
            interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk1" }), iface("10GE1/0/2", { lag: "Eth-Trunk1" }), iface("10GE1/0/3", { mode: "trunk", stp: { guard: "none" } })],
            lags: [lag("Eth-Trunk1")],
          }),
          device("core", "dc1", { role: "core", interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/3", { mode: "trunk" })] }),
          device("acc", "dc1", { role: "access", interfaces: [iface("10GE1/0/1", { mode: "trunk" })] }),
        ],
        links: [link("leaf 10GE1/0/1", "core 10GE1/0/1"), link("leaf 10GE1/0/2", "acc 10GE1/0/1"), link("leaf 10GE1/0/3", "core 10GE1/0/3")],
      }),
    );
    const leaf = of(inv, "leaf");
    expect(port(leaf, "Eth-Trunk1").stp).toBeUndefined();
    expect(port(leaf, "10GE1/0/3").stp).toBeUndefined();
    expect(port(of(inv, "acc"), "10GE1/0/1").stp).toEqual({ guard: "loop" });
    expect(leaf.stp).toMatchObject({ edge: [], loopGuard: [], rootGuard: [], bpduProtection: false });
  });
});

describe("gateways", () => {
  it("a router is the gateway of the VLAN that a trunk's native VLAN brings to its port; gateways sort by VLAN", () => {
    const inv = inventory({
      devices: [
        device("sw", "dc1", { interfaces: [iface("10GE1/0/1", { mode: "trunk", allowed: [30], native: 30 }), iface("10GE1/0/2", { mode: "access", vlan: 10 })] }),
        device("r", "dc1", { platform: "frr", role: "border", interfaces: [iface("eth1"), iface("eth2"), iface("eth3")] }),
      ],
      vlans: [
        vlan(30, "thirty", ["dc1"], { subnet: "10.30.0.0/24", gateways: [{ device: "r", address: "10.30.0.1" }] }),
        vlan(10, "ten", ["dc1"], { subnet: "10.10.0.0/24", gateways: [{ device: "r", address: "10.10.0.1/24" }] }),
        vlan(20, "twenty", ["dc1"], { subnet: "10.20.0.0/24", gateways: [{ device: "r", address: "10.20.0.1" }] }),
      ],
      links: [link("sw 10GE1/0/1", "r eth1"), link("sw 10GE1/0/2", "r eth2")],
    });
    const r = of(inv, "r");
    // VLAN 20 reaches no port of the router: no gateway for it
    expect(r.gateways).toEqual([
      { vlan: 10, interface: "eth2", address: "10.10.0.1/24" },
      { vlan: 30, interface: "eth1", address: "10.30.0.1/24" },
    ]);
    expect(r.ports.map((p) => [p.name, p.mode, p.enabled])).toEqual([["eth1", "routed", true], ["eth2", "routed", true], ["eth3", "unused", false]]);
  });

  it("no gateway without a subnet or an address; VRRP needs two gateways and a virtual address; the second gets 100", () => {
    const sw = (n: string) => device(n, "dc1", { role: "core", interfaces: [iface("10GE1/0/1", { mode: "access", vlan: 10 })] });
    const inv = inventory({
      devices: [sw("a"), sw("b")],
      vlans: [
        vlan(10, "ten", ["dc1"], { subnet: "10.10.0.0/24", gateway: "10.10.0.1", gateways: [{ device: "a", address: "10.10.0.2" }, { device: "b", address: "10.10.0.3" }], vrid: 7 }),
        vlan(11, "eleven", ["dc1"], { gateway: "10.11.0.1", gateways: [{ device: "a", address: "10.11.0.2" }] }),
        vlan(12, "twelve", ["dc1"], { subnet: "10.12.0.0/24", gateways: [{ device: "a", address: "10.12.0.2" }, { device: "b", address: "10.12.0.3" }] }),
        vlan(13, "thirteen", ["dc1"], { subnet: "10.13.0.0/24", gateway: "10.13.0.1", gateways: [{ device: "a" }, { device: "b", address: "10.13.0.3" }] }),
        vlan(510, "wrap", ["dc1"], { subnet: "10.51.0.0/24", gateway: "10.51.0.1", gateways: [{ device: "a", address: "10.51.0.2" }, { device: "b", address: "10.51.0.3" }] }),
      ],
    });
    expect(of(inv, "a").gateways).toEqual([
      { vlan: 10, address: "10.10.0.2/24", vrrp: { vrid: 7, virtualAddress: "10.10.0.1", priority: 110 } },
      { vlan: 12, address: "10.12.0.2/24" },
      { vlan: 510, address: "10.51.0.2/24", vrrp: { vrid: 255, virtualAddress: "10.51.0.1", priority: 110 } },
    ]);
    expect(of(inv, "b").gateways.map((g) => [g.vlan, g.vrrp?.priority])).toEqual([[10, 100], [12, undefined], [13, 100], [510, 100]]);
  });
});

describe("LAGs", () => {
  it("an access LAG, a routed LAG without an address, and LAG members that reach two switches with different LAG names", () => {
    const inv = inventory({
      devices: [
        device("a", "dc1", {
          interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk1" }), iface("10GE1/0/2", { lag: "Eth-Trunk1" }), iface("10GE1/0/3", { lag: "Eth-Trunk2" }), iface("10GE1/0/4", { lag: "Eth-Trunk3" })],
          lags: [lag("Eth-Trunk3", { mode: "routed", vrf: "blue" }), lag("Eth-Trunk1", { mode: "access", vlan: 10 }), lag("Eth-Trunk2", { mode: "access", description: "own words" })],
        }),
        device("b", "dc1", { interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk5" })], lags: [lag("Eth-Trunk5", { mode: "access", vlan: 10 })] }),
        device("c", "dc1", { interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk6" })], lags: [lag("Eth-Trunk6", { mode: "access", vlan: 10 })] }),
      ],
      vlans: [vlan(10, "ten", ["dc1"])],
      vrfs: [{ name: "blue", tenant: "city" }],
      links: [link("a 10GE1/0/1", "b 10GE1/0/1"), link("a 10GE1/0/2", "c 10GE1/0/1")],
    });
    const a = of(inv, "a");
    expect(a.lags.map((l) => [l.name, l.members, l.port])).toEqual([
      ["Eth-Trunk1", ["10GE1/0/1", "10GE1/0/2"], { name: "Eth-Trunk1", description: "to b and c", enabled: true, mode: "access", vlan: 10 }],
      ["Eth-Trunk2", ["10GE1/0/3"], { name: "Eth-Trunk2", description: "own words", enabled: true, mode: "access" }],
      ["Eth-Trunk3", ["10GE1/0/4"], { name: "Eth-Trunk3", description: "", enabled: true, mode: "routed", vrf: "blue" }],
    ]);
    expect(a.vrfs).toEqual([{ name: "blue" }]);
  });
});
