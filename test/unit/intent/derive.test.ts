import { beforeEach, describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import type { DeviceIntent, PortIntent } from "../../../intent/types";
import { device, host, iface, inventory, lag, link, vlan } from "../helpers/inventory";
import type { Inventory } from "../../../model/types";

function port(d: DeviceIntent, name: string): PortIntent {
  const p = d.ports.find((x) => x.name === name) ?? d.lags.find((l) => l.name === name)?.port;
  if (!p) throw new Error(`no port ${name} on ${d.device}`);
  return p;
}
const get = (m: Map<string, DeviceIntent>, n: string): DeviceIntent => m.get(n)!;

/** Two spines (peer link), three leafs dual-homed; VLAN 10 in rack A (leaf-a), 20 in rack B (leaf-b), 30 on leaf-a and leaf-c. */
function spineLeaf(): Inventory {
  const spine = (n: string) =>
    device(n, "dc1", {
      role: "spine",
      interfaces: [
        iface("10GE1/0/1", { mode: "trunk" }),
        iface("10GE1/0/2", { mode: "trunk" }),
        iface("10GE1/0/3", { mode: "trunk" }),
        iface("10GE1/0/9", { mode: "trunk" }),
      ],
    });
  const leaf = (n: string, access: number[]) =>
    device(n, "dc1", {
      role: "leaf",
      interfaces: [
        iface("10GE1/0/49", { mode: "trunk" }),
        iface("10GE1/0/50", { mode: "trunk" }),
        ...access.map((v, i) => iface(`10GE1/0/${i + 1}`, { mode: "access", vlan: v })),
      ],
    });
  return inventory({
    devices: [spine("s1"), spine("s2"), leaf("leaf-a", [10, 30]), leaf("leaf-b", [20]), leaf("leaf-c", [30])],
    vlans: [vlan(10, "ten", ["dc1"]), vlan(20, "twenty", ["dc1"]), vlan(30, "thirty", ["dc1"])],
    links: [
      link("s1 10GE1/0/9", "s2 10GE1/0/9", { kind: "peer" }),
      link("leaf-a 10GE1/0/49", "s1 10GE1/0/1"),
      link("leaf-a 10GE1/0/50", "s2 10GE1/0/1"),
      link("leaf-b 10GE1/0/49", "s1 10GE1/0/2"),
      link("leaf-b 10GE1/0/50", "s2 10GE1/0/2"),
      link("leaf-c 10GE1/0/49", "s1 10GE1/0/3"),
      link("leaf-c 10GE1/0/50", "s2 10GE1/0/3"),
    ],
  });
}

describe("trunk pruning", () => {
  it("a VLAN used only behind one leaf rides no trunk; a VLAN on two leafs rides only their uplinks", () => {
    const m = deriveIntent(spineLeaf());
    // 10 only on leaf-a, 20 only on leaf-b: nothing to connect, no trunk carries them
    expect(port(get(m, "leaf-a"), "10GE1/0/49").allowed).toEqual([30]);
    expect(port(get(m, "leaf-b"), "10GE1/0/49").allowed).toEqual([]);
    expect(port(get(m, "s1"), "10GE1/0/1").allowed).toEqual([30]); // to leaf-a
    expect(port(get(m, "s1"), "10GE1/0/2").allowed).toEqual([]); // to leaf-b: 30 does not go there
    expect(port(get(m, "s1"), "10GE1/0/3").allowed).toEqual([30]); // to leaf-c
    expect(get(m, "leaf-b").vlans.map((v) => v.id)).toEqual([20]);
  });

  it("a VLAN whose users sit in two fabrics that do not meet rides no trunk in either", () => {
    const inv = spineLeaf();
    // leaf-d uses VLAN 10 too, but hangs off s3, which is not cabled to the rest
    inv.devices.push(
      device("s3", "dc1", { role: "spine", interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "trunk" })] }),
      device("leaf-d", "dc1", { interfaces: [iface("10GE1/0/49", { mode: "trunk" }), iface("10GE1/0/1", { mode: "access", vlan: 10 })] }),
    );
    inv.links.push(link("leaf-d 10GE1/0/49", "s3 10GE1/0/1"));
    const m = deriveIntent(inv);
    expect(port(get(m, "leaf-a"), "10GE1/0/49").allowed).toEqual([30]);
    expect(port(get(m, "leaf-a"), "10GE1/0/50").allowed).toEqual([30]);
    expect(port(get(m, "s1"), "10GE1/0/9").allowed).toEqual([30]);
    expect(port(get(m, "leaf-d"), "10GE1/0/49").allowed).toEqual([]);
  });

  it("leafs that are together the only way between two users carry the VLAN, though each alone could be spared", () => {
    // a ring a - x - b - y - a of leafs: x and y are each not needed (the other closes the ring), but without both a and b part
    const ringLeaf = (n: string, access?: number) =>
      device(n, "dc1", { interfaces: [iface("10GE1/0/49", { mode: "trunk" }), iface("10GE1/0/50", { mode: "trunk" }), ...(access ? [iface("10GE1/0/1", { mode: "access", vlan: access })] : [])] });
    const inv = inventory({
      devices: [ringLeaf("a", 10), ringLeaf("x"), ringLeaf("b", 10), ringLeaf("y")],
      vlans: [vlan(10, "ten", ["dc1"])],
      links: [link("a 10GE1/0/49", "x 10GE1/0/49"), link("x 10GE1/0/50", "b 10GE1/0/49"), link("b 10GE1/0/50", "y 10GE1/0/49"), link("y 10GE1/0/50", "a 10GE1/0/50")],
    });
    const m = deriveIntent(inv);
    for (const d of ["a", "x", "b", "y"]) for (const p of ["10GE1/0/49", "10GE1/0/50"]) expect(port(get(m, d), p).allowed, `${d} ${p}`).toEqual([10]);
  });

  it("both ends of a link agree, and a configured allowed list bounds the result", () => {
    const inv = spineLeaf();
    const s1 = inv.devices[0]!;
    const limited = { ...s1, interfaces: s1.interfaces.map((i) => (i.name === "10GE1/0/3" ? { ...i, allowed: [10, 20] } : i)) };
    const m = deriveIntent({ ...inv, devices: [limited, ...inv.devices.slice(1)] });
    expect(port(get(m, "s1"), "10GE1/0/3").allowed).toEqual([]);
    expect(port(get(m, "leaf-c"), "10GE1/0/49").allowed).toEqual([]);
    // 30 still reaches leaf-c through s2
    expect(port(get(m, "leaf-c"), "10GE1/0/50").allowed).toEqual([30]);
    expect(port(get(m, "s2"), "10GE1/0/3").allowed).toEqual([30]);
  });

  it("gateways on both spines make the spines need the VLAN: it rides the peer link and the uplinks of the leafs that use it", () => {
    const inv = spineLeaf();
    const withGw = {
      ...inv,
      vlans: inv.vlans.map((v) =>
        v.id === 20 ? { ...v, subnet: "10.20.0.0/24", gateway: "10.20.0.1", gateways: [{ device: "s1", address: "10.20.0.2" }, { device: "s2", address: "10.20.0.3" }] } : v,
      ),
    };
    const m = deriveIntent(withGw);
    expect(port(get(m, "s1"), "10GE1/0/9").allowed).toEqual([20, 30]); // peer link: 30 also (s1/s2 connect leaf-a and leaf-c through either)
    expect(port(get(m, "s1"), "10GE1/0/2").allowed).toEqual([20]);
    expect(port(get(m, "s1"), "10GE1/0/1").allowed).toEqual([30]); // leaf-a does not get 20
  });

  it("a leaf that is the only way to another device passes the VLAN on (DR peer leaf)", () => {
    const inv = inventory({
      devices: [
        device("core", "dc1", { role: "core", interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "access", vlan: 40 })] }),
        device("dr-leaf1", "dc2", { interfaces: [iface("10GE1/0/1", { mode: "trunk" }), iface("10GE1/0/2", { mode: "trunk" })] }),
        device("dr-leaf2", "dc2", { interfaces: [iface("10GE1/0/2", { mode: "trunk" }), iface("10GE1/0/3", { mode: "access", vlan: 40 })] }),
      ],
      vlans: [vlan(40, "backup", ["dc1", "dc2"])],
      links: [link("core 10GE1/0/1", "dr-leaf1 10GE1/0/1", { kind: "dci" }), link("dr-leaf1 10GE1/0/2", "dr-leaf2 10GE1/0/2", { kind: "peer" })],
    });
    const m = deriveIntent(inv);
    expect(port(get(m, "dr-leaf1"), "10GE1/0/1").allowed).toEqual([40]);
    expect(port(get(m, "dr-leaf1"), "10GE1/0/2").allowed).toEqual([40]);
    expect(get(m, "dr-leaf1").vlans.map((v) => v.id)).toEqual([40]);
  });

  it("a VLAN does not ride into a site where it does not exist", () => {
    const inv = inventory({
      devices: [
        device("a", "dc1", { role: "core", interfaces: [iface("p1", { mode: "trunk" }), iface("p2", { mode: "access", vlan: 50 })] }),
        device("b", "dc2", { role: "core", interfaces: [iface("p1", { mode: "trunk" }), iface("p2", { mode: "trunk" })] }),
        device("c", "dc1", { role: "core", interfaces: [iface("p2", { mode: "trunk" }), iface("p3", { mode: "access", vlan: 50 })] }),
      ],
      vlans: [vlan(50, "local", ["dc1"])],
      links: [link("a p1", "b p1"), link("b p2", "c p2")],
    });
    const m = deriveIntent(inv);
    expect(port(get(m, "a"), "p1").allowed).toEqual([]);
    expect(get(m, "b").vlans).toEqual([]);
  });
});

describe("DR stretching", () => {
  it("the DCI trunk carries the protected VLANs even before the DR site uses them", () => {
    const inv = inventory({
      devices: [
        device("border", "dc1", { role: "border", interfaces: [iface("p1", { lag: "Eth-Trunk20" }), iface("p2", { lag: "Eth-Trunk20" }), iface("p5", { mode: "access", vlan: 120 }), iface("p6", { mode: "access", vlan: 130 })], lags: [lag("Eth-Trunk20", { allowed: [120, 130] })] }),
        device("dr", "dc2", { interfaces: [iface("p1", { lag: "Eth-Trunk20" }), iface("p2", { lag: "Eth-Trunk20" })], lags: [lag("Eth-Trunk20")] }),
      ],
      vlans: [vlan(120, "video", ["dc1", "dc2"]), vlan(130, "voice", ["dc1"])],
      links: [link("border p1", "dr p1", { kind: "dci" }), link("border p2", "dr p2", { kind: "dci" })],
      services: [{ name: "video", tenant: "city", vlans: [120] }],
      dr: [{ site: "dc2", protects: "dc1", vlans: [], services: ["video"] }],
    });
    const m = deriveIntent(inv);
    expect(port(get(m, "border"), "Eth-Trunk20").allowed).toEqual([120]);
    expect(port(get(m, "dr"), "Eth-Trunk20").allowed).toEqual([120]);
    expect(get(m, "dr").vlans.map((v) => v.id)).toEqual([120]);
  });
});

describe("ports, LAGs, native VLANs", () => {
  const inv = inventory({
    devices: [
      device("sw1", "dc1", {
        management: { address: "192.0.2.1", port: 22, user: "u", interface: "MEth0/0/0" },
        interfaces: [
          iface("MEth0/0/0"),
          iface("10GE1/0/1", { lag: "Eth-Trunk1" }),
          iface("10GE1/0/2", { lag: "Eth-Trunk1" }),
          iface("10GE1/0/3", { mode: "trunk", allowed: [100, 110], native: 100 }),
          iface("10GE1/0/4", { mode: "access", vlan: 110 }),
          iface("10GE1/0/10"),
          iface("10GE1/0/9", { mode: "access", vlan: 110, enabled: false, description: "parked" }),
        ],
        lags: [lag("Eth-Trunk1", { lacp: "passive" })],
      }),
      device("sw2", "dc1", {
        interfaces: [iface("10GE1/0/1", { lag: "Eth-Trunk7" }), iface("10GE1/0/2", { lag: "Eth-Trunk7" }), iface("10GE1/0/5", { mode: "access", vlan: 110 })],
        lags: [lag("Eth-Trunk7", { native: 100 })],
      }),
    ],
    vlans: [vlan(100, "virt", ["dc1"]), vlan(110, "vmotion", ["dc1"])],
    links: [link("sw1 10GE1/0/1", "sw2 10GE1/0/1"), link("sw1 10GE1/0/2", "sw2 10GE1/0/2")],
    hosts: [host("esx1", "sw1 10GE1/0/4")],
  });
  let m: Map<string, DeviceIntent>;
  let sw1: DeviceIntent;
  beforeEach(() => {
    m = deriveIntent(inv);
    sw1 = get(m, "sw1");
  });

  it("an edge trunk keeps its list and native VLAN; the native VLAN is part of the allowed list", () => {
    expect(port(sw1, "10GE1/0/3")).toMatchObject({ mode: "trunk", allowed: [100, 110], native: 100 });
    // a native VLAN always stays on its trunk
    expect(port(get(m, "sw2"), "Eth-Trunk7")).toMatchObject({ allowed: [100, 110], native: 100 });
  });

  it("a LAG has its members in natural order, LACP mode, and a description from the far end", () => {
    const l = sw1.lags[0]!;
    expect(l).toMatchObject({ name: "Eth-Trunk1", lacp: "passive", members: ["10GE1/0/1", "10GE1/0/2"] });
    expect(l.port.description).toBe("to sw2 Eth-Trunk7");
    expect(port(sw1, "10GE1/0/1")).toMatchObject({ lag: "Eth-Trunk1", description: "to sw2 10GE1/0/1" });
    // 110 is needed on both sides; 100 is only sw2's native VLAN (sw2 needs nothing in it), so sw1 prunes it
    expect(l.port.allowed).toEqual([110]);
  });

  it("ports are in natural order, unused ones are shut, the management interface is left up, hosts name their port", () => {
    expect(sw1.ports.map((p) => p.name)).toEqual(["10GE1/0/1", "10GE1/0/2", "10GE1/0/3", "10GE1/0/4", "10GE1/0/9", "10GE1/0/10", "MEth0/0/0"]);
    expect(port(sw1, "10GE1/0/10")).toMatchObject({ mode: "unused", enabled: false });
    expect(port(sw1, "MEth0/0/0")).toMatchObject({ mode: "unused", enabled: true });
    expect(port(sw1, "10GE1/0/4").description).toBe("host esx1");
    expect(port(sw1, "10GE1/0/9")).toMatchObject({ mode: "access", enabled: false, description: "parked" });
    expect(sw1.management).toEqual({ interface: "MEth0/0/0" });
  });
});

describe("gateways, VRRP, BGP", () => {
  const inv = inventory({
    sites: [
      { name: "dc1", role: "primary", asn: 65001 },
      { name: "br1", role: "branch", asn: 65011 },
    ],
    vrfs: [{ name: "city", tenant: "city", rd: "65001:100" }],
    devices: [
      device("s1", "dc1", { role: "spine", loopback: "10.254.0.2", interfaces: [iface("p1", { mode: "trunk" }), iface("p9", { mode: "routed", address: "10.254.1.0/31" })] }),
      device("s2", "dc1", { role: "spine", interfaces: [iface("p1", { mode: "trunk" })] }),
      device("wan", "br1", { role: "wan", platform: "junos", interfaces: [iface("xe-0/0/0", { mode: "routed", address: "10.254.1.1/31" })], bgp: { asn: 65011, networks: ["10.101.0.0/24"], neighbors: [] } }),
    ],
    vlans: [
      vlan(120, "video", ["dc1"], { vrf: "city", subnet: "10.10.120.0/24", gateway: "10.10.120.1", gateways: [{ device: "s1", address: "10.10.120.2" }, { device: "s2", address: "10.10.120.3", priority: 90 }] }),
      vlan(510, "single", ["dc1"], { subnet: "10.51.0.0/24", gateway: "10.51.0.1", gateways: [{ device: "s2" }] }),
    ],
    links: [link("s1 p1", "s2 p1", { kind: "peer" }), link("s1 p9", "wan xe-0/0/0", { kind: "wan", bgp: true })],
  });
  let m: Map<string, DeviceIntent>;
  beforeEach(() => {
    m = deriveIntent(inv);
  });

  it("two gateways: VRRP with vrid = id mod 255, the virtual address, 110 for the first and the given priority", () => {
    expect(get(m, "s1").gateways).toEqual([{ vlan: 120, vrf: "city", address: "10.10.120.2/24", vrrp: { vrid: 120, virtualAddress: "10.10.120.1", priority: 110 } }]);
    expect(get(m, "s2").gateways[0]).toEqual({ vlan: 120, vrf: "city", address: "10.10.120.3/24", vrrp: { vrid: 120, virtualAddress: "10.10.120.1", priority: 90 } });
    expect(get(m, "s1").vrfs).toEqual([{ name: "city", rd: "65001:100" }]);
  });

  it("one gateway: the VLAN's gateway address, no VRRP", () => {
    expect(get(m, "s2").gateways[1]).toEqual({ vlan: 510, address: "10.51.0.1/24" });
  });

  it("a bgp link makes a session each way: far end address, far AS (device bgp, else site)", () => {
    expect(get(m, "s1").bgp).toEqual({ asn: 65001, routerId: "10.254.0.2", networks: [], neighbors: [{ address: "10.254.1.1", remoteAs: 65011, description: "to wan xe-0/0/0" }] });
    expect(get(m, "wan").bgp?.neighbors).toEqual([{ address: "10.254.1.0", remoteAs: 65001, description: "to s1 p9" }]);
    expect(get(m, "s2").bgp).toBeUndefined();
  });
});

describe("a router as a VLAN gateway (frr: no VLAN interfaces)", () => {
  const inv = inventory({
    devices: [
      device("sw", "dc1", { platform: "ovs", interfaces: [iface("p1", { mode: "access", vlan: 130 }), iface("p5", { mode: "access", vlan: 130 })] }),
      device("r1", "dc1", { platform: "frr", role: "border", interfaces: [iface("eth2"), iface("eth9")] }),
    ],
    vlans: [vlan(130, "voice", ["dc1"], { subnet: "10.30.130.0/24", gateway: "10.30.130.1", gateways: [{ device: "r1" }] })],
    links: [link("r1 eth2", "sw p5", { kind: "uplink" })],
  });
  let m: Map<string, DeviceIntent>;
  beforeEach(() => {
    m = deriveIntent(inv);
  });

  it("puts the gateway address on the routed port that faces the VLAN, and knows no VLAN itself", () => {
    const r1 = get(m, "r1");
    expect(r1.gateways).toEqual([{ vlan: 130, interface: "eth2", address: "10.30.130.1/24" }]);
    expect(port(r1, "eth2")).toMatchObject({ mode: "routed", enabled: true, description: "to sw p5" });
    expect(port(r1, "eth9")).toMatchObject({ mode: "unused", enabled: false });
    expect(r1.vlans).toEqual([]);
  });
});
