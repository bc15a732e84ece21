/**
 * Every change command of every platform: what an update sends a device when one thing of a port, LAG,
 * VLAN or routed interface changes. The expected lines are written from the vendor references, not
 * taken from the renderer:
 *  - huawei-vrp: CloudEngine 8800/6800 V200R022 Command Reference (`undo port trunk pvid vlan` restores
 *    PVID 1; `clear configuration interface` returns a port to its defaults, leaving an Eth-Trunk with it;
 *    a new primary `ip address` replaces the old one; `undo peer` removes a BGP peer);
 *  - cisco-nxos: Nexus 9000 Layer 2 Switching and Interfaces Configuration Guides (`no switchport trunk
 *    native vlan` restores VLAN 1; `default interface` clears a port, channel-group included), Unicast
 *    Routing (`no neighbor` under `router bgp`);
 *  - arista-eos: EOS User Manual (`no switchport trunk native vlan`, `default interface`, `no neighbor`);
 *  - junos: Junos OS CLI User Guide (a candidate edited with `delete` then `set` replaces the statement
 *    tree in one commit; VLANs are referenced by name, so a rename re-sets what refers to it);
 *  - frr: FRRouting user guide, zebra (`ip address` ADDS an address: re-addressing needs `no ip address`
 *    of the old one) and bgpd (`no neighbor`);
 *  - ovs: ovs-vsctl(8) (`add-bond` fixes a bond's members; changing them means deleting the port and adding
 *    the bond again, in the same transaction).
 */
import { describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import { changeSet, PLATFORMS } from "../../../platforms";
import { renderDevice } from "../../../pipeline/index";
import type { Device, Interface, Inventory, PlatformName } from "../../../model/types";
import type { ObjectChange } from "../../../platforms/types";
import type { DeviceIntent, LagIntent, PortIntent } from "../../../intent/types";
import { fabric, NAMES } from "./fabric";
import { device, iface, inventory, lag, link, vlan } from "../helpers/inventory";
import { deviceIntent } from "../helpers/intent";

function changes(before: Inventory, after: Inventory, name: string): ObjectChange[] {
  const objects = (inv: Inventory) => renderDevice(deriveIntent(inv).get(name)!).objects;
  const intent = deriveIntent(after).get(name)!;
  return changeSet(PLATFORMS[intent.platform], objects(before), objects(after), { management: intent.management }).changes;
}

function edited(inv: Inventory, edit: (copy: Inventory) => void): Inventory {
  const copy = JSON.parse(JSON.stringify(inv)) as Inventory;
  edit(copy);
  return copy;
}
const deviceOf = (inv: Inventory, name: string): Device => inv.devices.find((d) => d.name === name)!;
const portOf = (inv: Inventory, dev: string, port: string): Interface => deviceOf(inv, dev).interfaces.find((i) => i.name === port)!;
const only = (cs: ObjectChange[], key: string): string[] => {
  const c = cs.find((x) => x.key === key);
  expect(c, `a change of ${key}`).toBeDefined();
  return c!.commands;
};

const VENDORS = Object.keys(NAMES) as PlatformName[];
const hyper = (p: PlatformName) => NAMES[p]!.i[5]!; // leaf1's hypervisor trunk, native VLAN 10
const up2 = (p: PlatformName) => NAMES[p]!.i[1]!; // leaf1's second LAG member
const noNative = (p: PlatformName) => edited(fabric(p), (i) => delete (portOf(i, "leaf1", hyper(p)) as { native?: number }).native);

describe("native VLAN removed from a trunk", () => {
  it("huawei-vrp: undo port trunk pvid vlan, inside the interface view", () => {
    const c = only(changes(fabric("huawei-vrp"), noNative("huawei-vrp"), "leaf1"), "port:10GE1/0/2");
    expect(c[0]).toBe("interface 10GE1/0/2");
    expect(c).toContain(" undo port trunk pvid vlan");
    expect(c.some((l) => /^ port trunk pvid vlan \d+$/.test(l))).toBe(false);
    expect(c[c.length - 1]).toBe("quit");
  });
  it("cisco-nxos: no switchport trunk native vlan", () => {
    const c = only(changes(fabric("cisco-nxos"), noNative("cisco-nxos"), "leaf1"), "port:Ethernet1/2");
    expect(c[0]).toBe("interface Ethernet1/2");
    expect(c).toContain("  no switchport trunk native vlan");
    expect(c.some((l) => /switchport trunk native vlan \d+/.test(l))).toBe(false);
  });
  it("arista-eos: no switchport trunk native vlan", () => {
    const c = only(changes(fabric("arista-eos"), noNative("arista-eos"), "leaf1"), "port:Ethernet2");
    expect(c[0]).toBe("interface Ethernet2");
    expect(c).toContain("   no switchport trunk native vlan");
    expect(c.some((l) => /switchport trunk native vlan \d+/.test(l))).toBe(false);
  });
  it("junos: the interface deleted and set again without native-vlan-id", () => {
    const c = only(changes(fabric("junos"), noNative("junos"), "leaf1"), "port:xe-0/0/2");
    expect(c[0]).toBe("delete interfaces xe-0/0/2");
    expect(c.slice(1).every((l) => l.startsWith("set interfaces xe-0/0/2 "))).toBe(true);
    expect(c.some((l) => l.includes("native-vlan-id"))).toBe(false);
    expect(c).toContain("set interfaces xe-0/0/2 unit 0 family ethernet-switching interface-mode trunk");
  });
});

describe("native VLAN set on a trunk", () => {
  const expected: Record<string, [string, string]> = {
    "huawei-vrp": ["port:10GE1/0/2", " port trunk pvid vlan 10"],
    "cisco-nxos": ["port:Ethernet1/2", "  switchport trunk native vlan 10"],
    "arista-eos": ["port:Ethernet2", "   switchport trunk native vlan 10"],
    junos: ["port:xe-0/0/2", "set interfaces xe-0/0/2 native-vlan-id 10"],
  };
  for (const p of VENDORS) {
    it(p, () => {
      const [key, line] = expected[p]!;
      expect(only(changes(noNative(p), fabric(p), "leaf1"), key)).toContain(line);
    });
  }
});

describe("a VLAN renamed", () => {
  const renamed = (p: PlatformName) => edited(fabric(p), (i) => void (i.vlans.find((v) => v.id === 140)!.name = "backup-dr"));
  const expected: Record<string, string[]> = {
    "huawei-vrp": ["vlan 140", " name backup-dr", "quit"],
    "cisco-nxos": ["vlan 140", "  name backup-dr", "exit"],
    "arista-eos": ["vlan 140", "   name backup-dr", "exit"],
    junos: ["delete vlans backup", "set vlans backup-dr vlan-id 140"],
  };
  for (const p of VENDORS) {
    it(`${p}: the VLAN's name changes${p === "junos" ? "; ports that name the VLAN are set again with the new name" : ", nothing else"}`, () => {
      const cs = changes(fabric(p), renamed(p), "leaf1");
      expect(only(cs, "vlan:140")).toEqual(expected[p]);
      if (p === "junos") {
        const port = only(cs, "port:xe-0/0/2");
        expect(port.join("\n")).toContain("backup-dr");
        expect(port.join("\n")).not.toMatch(/\bbackup\b(?!-)/);
      } else {
        expect(cs.map((c) => c.key)).toEqual(["vlan:140"]);
      }
    });
  }
});

describe("a member leaves a LAG", () => {
  const left = (p: PlatformName) =>
    edited(fabric(p), (i) => {
      delete (portOf(i, "leaf1", up2(p)) as { lag?: string }).lag;
      i.links = i.links.filter((l) => !(l.a.device === "leaf1" && l.a.interface === up2(p)));
    });
  const cleared: Record<string, string[]> = {
    "huawei-vrp": ["clear configuration interface 100GE1/0/2", "interface 100GE1/0/2"],
    "cisco-nxos": ["default interface Ethernet1/50", "interface Ethernet1/50"],
    "arista-eos": ["default interface Ethernet50", "interface Ethernet50"],
    junos: ["delete interfaces et-0/0/50"],
  };
  for (const p of VENDORS) {
    it(`${p}: the port is cleared first (its LAG membership with it) and then shut as unused`, () => {
      const c = only(changes(fabric(p), left(p), "leaf1"), `port:${up2(p)}`);
      expect(c.slice(0, cleared[p]!.length)).toEqual(cleared[p]);
      expect(c.join("\n")).not.toMatch(/eth-trunk 1|channel-group|802\.3ad/);
      expect(c.join("\n")).toMatch(p === "junos" ? /set interfaces et-0\/0\/50 disable/ : /^\s+shutdown$/m);
    });
  }
});

describe("a routed WAN port re-addressed (and its BGP neighbour with it)", () => {
  const readdressed = (p: PlatformName) =>
    edited(fabric(p), (i) => {
      deviceOf(i, "spine1").interfaces.find((x) => x.mode === "routed")!.address = "10.254.1.2/31";
      deviceOf(i, "wan1").interfaces[0]!.address = "10.254.1.3/31";
    });
  const port: Record<string, [string, string]> = {
    "huawei-vrp": ["port:10GE1/0/47", " ip address 10.254.1.2 255.255.255.254"],
    "cisco-nxos": ["port:Ethernet1/47", "  ip address 10.254.1.2/31"],
    "arista-eos": ["port:Ethernet47", "   ip address 10.254.1.2/31"],
    junos: ["port:xe-0/0/47", "set interfaces xe-0/0/47 unit 0 family inet address 10.254.1.2/31"],
  };
  const oldPeerGone: Record<string, string> = {
    "huawei-vrp": " undo peer 10.254.1.1",
    "cisco-nxos": "  no neighbor 10.254.1.1",
    "arista-eos": "   no neighbor 10.254.1.1",
    junos: "delete protocols bgp",
  };
  for (const p of VENDORS) {
    it(`${p}: the new address (the old one replaced), the old neighbour removed before the new one is added`, () => {
      const cs = changes(fabric(p), readdressed(p), "spine1");
      const [key, line] = port[p]!;
      const c = only(cs, key);
      expect(c).toContain(line);
      expect(c.join("\n")).not.toContain("10.254.1.0");
      const bgp = only(cs, "bgp");
      const gone = bgp.indexOf(oldPeerGone[p]!);
      const added = bgp.findIndex((l) => l.includes("10.254.1.3"));
      expect(gone).toBeGreaterThanOrEqual(0);
      expect(added).toBeGreaterThan(gone);
    });
  }

  it("frr: `no ip address` of the old address before the new one (zebra adds addresses, it never replaces them)", () => {
    const cs = changes(fabric("huawei-vrp"), readdressed("huawei-vrp"), "wan1");
    const c = only(cs, "port:eth1");
    const gone = c.indexOf(" no ip address 10.254.1.1/31");
    const added = c.indexOf(" ip address 10.254.1.3/31");
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(added).toBeGreaterThan(gone);
    const bgp = only(cs, "bgp");
    expect(bgp.indexOf(" no neighbor 10.254.1.0")).toBeGreaterThanOrEqual(0);
    expect(bgp.indexOf(" no neighbor 10.254.1.0")).toBeLessThan(bgp.findIndex((l) => l.includes("neighbor 10.254.1.2 remote-as 65001")));
  });
});

describe("ovs: a bond's members change", () => {
  const bonded = (members: string[]) =>
    inventory({
      devices: [
        device("sw1", "dc1", { platform: "ovs", interfaces: [iface("p1", { lag: "bond1" }), iface("p2", { lag: members.includes("p2") ? "bond1" : undefined }), iface("p3", { lag: members.includes("p3") ? "bond1" : undefined })], lags: [lag("bond1")] }),
        device("sw2", "dc1", { platform: "ovs", interfaces: [iface("p1", { lag: "bond1" }), iface("p2", { lag: members.includes("p2") ? "bond1" : undefined }), iface("p3", { lag: members.includes("p3") ? "bond1" : undefined })], lags: [lag("bond1")] }),
      ],
      vlans: [vlan(10, "ten", ["dc1"])],
      links: members.map((m) => link(`sw1 ${m}`, `sw2 ${m}`)),
    });

  it("the bond is deleted and added again with its new members, in the one transaction", () => {
    const cs = changes(bonded(["p1", "p2"]), bonded(["p1", "p3"]), "sw1");
    const c = only(cs, "lag:bond1");
    const del = c.findIndex((l) => /del-port br0 bond1\b/.test(l));
    const add = c.findIndex((l) => /add-bond br0 bond1 p1 p3\b/.test(l));
    expect(del).toBeGreaterThanOrEqual(0);
    expect(add).toBeGreaterThan(del);
    const script = PLATFORMS.ovs.wrap(cs.flatMap((x) => x.commands));
    expect(script).toHaveLength(1);
    expect(script[0]).toMatch(/^ovs-vsctl --timeout=10 -- /);
  });
});

/**
 * Settings an update takes away (the new inventory no longer has them): re-sending the new lines would keep
 * them, so each needs its own undo line inside the interface, before the section's exit. Words per vendor:
 *  - huawei-vrp (CloudEngine Command Reference): `undo jumboframe enable` (switch port) and `undo mtu`
 *    (routed), `undo speed`, `undo stp edged-port`, `undo stp loop-protection`, `undo stp root-protection`,
 *    `undo dfs-group`, `undo peer-link`, `undo vrrp vrid N priority`, `undo network ADDR MASK` in
 *    `ipv4-family unicast`;
 *  - cisco-nxos (Nexus 9000 guides): `no mtu`, `no speed`, `no spanning-tree port type`, `no spanning-tree
 *    guard`, `no vpc`, `no vpc peer-link`, `no priority` inside `vrrp N`, `no network` in `address-family`;
 *  - arista-eos (EOS User Manual): `no mtu`, `no speed`, `no spanning-tree portfast`, `no spanning-tree guard`,
 *    `no mlag`, `no switchport trunk group MLAG` (the group citydc gives the peer VLAN), `no vrrp N priority-level`, `no network` under `router bgp`.
 */
describe("settings taken away", () => {
  const base = (platform: PlatformName, more: Partial<DeviceIntent> = {}): DeviceIntent => deviceIntent(platform, { vlans: [{ id: 10, name: "ten" }], ...more });
  const change = (platform: PlatformName, key: string, before: Partial<DeviceIntent>, after: Partial<DeviceIntent>): string[] => {
    const pick = (i: DeviceIntent) => PLATFORMS[platform].objects(i).find((o) => o.key === key)!;
    const cs = changeSet(PLATFORMS[platform], [pick(base(platform, before))], [pick(base(platform, after))]);
    expect(cs.changes, key).toHaveLength(1);
    return [...cs.changes[0]!.commands];
  };
  const port = (name: string, more: Partial<PortIntent>): PortIntent => ({ name, description: "", enabled: true, mode: "access", vlan: 10, ...more });
  /** The undo lines sit just before the section's exit line. */
  const endsWith = (lines: string[], undo: string[], exit: string) => {
    expect(lines.slice(-undo.length - 1)).toEqual([...undo, exit]);
  };

  const EXPECT: Record<"huawei-vrp" | "cisco-nxos" | "arista-eos", { p: string; lag: string; exit: string; access: string[]; routed: string[]; loop: string[]; mlag: string[]; peer: string[]; vrrp: string[] }> = {
    "huawei-vrp": {
      p: "10GE1/0/1", lag: "Eth-Trunk11", exit: "quit",
      access: [" undo jumboframe enable", " undo speed", " undo stp edged-port", " undo stp root-protection"],
      routed: [" undo mtu"],
      loop: [" undo stp loop-protection"],
      mlag: [" undo dfs-group"],
      peer: [" undo peer-link"],
      vrrp: [" undo vrrp vrid 13 priority"],
    },
    "cisco-nxos": {
      p: "Ethernet1/1", lag: "port-channel11", exit: "exit",
      access: ["  no mtu", "  no speed", "  no spanning-tree port type", "  no spanning-tree guard"],
      routed: ["  no mtu"],
      loop: ["  no spanning-tree guard"],
      mlag: ["  no vpc"],
      peer: ["  no vpc peer-link"],
      vrrp: ["  vrrp 13", "    no priority", "    exit"],
    },
    "arista-eos": {
      p: "Ethernet1", lag: "Port-Channel11", exit: "exit",
      access: ["   no mtu", "   no speed", "   no spanning-tree portfast", "   no spanning-tree guard"],
      routed: ["   no mtu"],
      loop: ["   no spanning-tree guard"],
      mlag: ["   no mlag"],
      peer: ["   no switchport trunk group MLAG"],
      vrrp: ["   no vrrp 13 priority-level"],
    },
  };

  for (const [platform, e] of Object.entries(EXPECT) as [keyof typeof EXPECT, (typeof EXPECT)[keyof typeof EXPECT]][]) {
    it(`${platform}: MTU, speed, edge port and guard dropped from an access port; MTU from a routed port; loop guard`, () => {
      endsWith(change(platform, `port:${e.p}`, { ports: [port(e.p, { mtu: 9000, speed: "10G", stp: { edge: true, guard: "root" } })] }, { ports: [port(e.p, {})] }), e.access, e.exit);
      const routed = (more: Partial<PortIntent>) => port(e.p, { mode: "routed", vlan: undefined, address: "10.0.0.0/31", ...more });
      endsWith(change(platform, `port:${e.p}`, { ports: [routed({ mtu: 9000 })] }, { ports: [routed({})] }), e.routed, e.exit);
      endsWith(change(platform, `port:${e.p}`, { ports: [port(e.p, { stp: { guard: "loop" } })] }, { ports: [port(e.p, {})] }), e.loop, e.exit);
    });

    it(`${platform}: a LAG leaves the multi-chassis pair; the peer link is no longer one`, () => {
      const l = (more: Partial<LagIntent>): LagIntent => ({ name: e.lag, lacp: "active", members: [], port: { name: e.lag, description: "", enabled: true, mode: "trunk", allowed: [10] }, ...more });
      const mlag = change(platform, `lag:${e.lag}`, { lags: [l({ mlag: { id: 11 } })] }, { lags: [l({})] });
      for (const u of e.mlag) expect(mlag).toContain(u);
      expect(mlag[mlag.length - 1]).toBe(e.exit);
      const peer = change(platform, `lag:${e.lag}`, { lags: [l({ peerLink: true })] }, { lags: [l({})] });
      for (const u of e.peer) expect(peer).toContain(u);
    });

    it(`${platform}: a VRRP priority back to the default (100, never written) is reset`, () => {
      const g = (priority: number): Partial<DeviceIntent> => ({ gateways: [{ vlan: 10, address: "10.10.0.2/24", vrrp: { vrid: 13, virtualAddress: "10.10.0.1", priority } }] });
      endsWith(change(platform, "gateway:10", g(110), g(100)), e.vrrp, e.exit);
    });
  }

  it("huawei-vrp: a network gone from BGP is undone with its mask inside ipv4-family unicast", () => {
    const b = (networks: string[]): Partial<DeviceIntent> => ({ bgp: { asn: 65001, neighbors: [], networks } });
    expect(change("huawei-vrp", "bgp", b(["10.1.0.0/16", "10.2.0.0/24"]), b(["10.2.0.0/24"])).slice(0, 5)).toEqual(["bgp 65001", " ipv4-family unicast", "  undo network 10.1.0.0 255.255.0.0", " quit", "quit"]);
    expect(change("cisco-nxos", "bgp", b(["10.1.0.0/16", "10.2.0.0/24"]), b(["10.2.0.0/24"])).slice(0, 5)).toEqual(["router bgp 65001", "  address-family ipv4 unicast", "    no network 10.1.0.0/16", "    exit", "exit"]);
    expect(change("arista-eos", "bgp", b(["10.1.0.0/16", "10.2.0.0/24"]), b(["10.2.0.0/24"])).slice(0, 3)).toEqual(["router bgp 65001", "   no network 10.1.0.0/16", "exit"]);
  });
});
