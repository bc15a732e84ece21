/**
 * The layer-2 rules beyond checks-edges.test.ts: MTU limits per kind of port and the speeds a port can run
 * (ethernet), the two halves of a multi-chassis LAG compared setting by setting and the pair's site and peer
 * link (mlag), which site's switches count as a root of a spanning tree and the port rules (stp), and the QoS
 * and policy rules at their edges (policy). Each case is the minimal inventory with a change; findings are
 * written out as "code path message | fix: hint", filtered to the codes the case is about.
 */
import { describe, expect, it } from "vitest";
import { pair } from "./dc-cases";
import { minimal, validate } from "./helpers";

const found = (d: unknown, ...codes: string[]): string[] =>
  validate(d)
    .diagnostics.filter((x) => codes.includes(x.code))
    .map((x) => `${x.code} ${x.path} ${x.message} | fix: ${x.hint}`);

type Case = [string, (d: any) => void, string[]];

const device = (name: string, platform: string, port: number, interfaces: any[], extra: any = {}) => ({ name, site: "dc1", role: "leaf", platform, management: { address: "127.0.0.1", port, user: "c" }, interfaces, ...extra });

describe("MTU limits and port speeds (ethernet check)", () => {
  const CODES = ["E_PLATFORM_FEATURE", "E_MTU_RANGE", "E_LAG_MTU", "W_SPEED_NOT_SET", "E_SPEED_UNSUPPORTED", "E_LINK_MTU", "W_LINK_MTU"];
  const CASES: Case[] = [
    ["Junos access ports and members of an access LAG take the switch limit (9198), not the routed one", (d) => { d.devices.push(device("j1", "junos", 2301, [{ name: "ge-0/0/1", mode: "access", vlan: 10, mtu: 9198 }, { name: "ge-0/0/2", mode: "access", vlan: 10, mtu: 9199 }, { name: "ge-0/0/3", lag: "ae0", mtu: 9199 }], { lags: [{ name: "ae0", mode: "access", vlan: 10 }] })); }, [
      "E_MTU_RANGE /devices/2/interfaces/1/mtu MTU 9199 on j1 ge-0/0/2 is above what junos carries on a switch port (9198) | fix: use an IP MTU of at most 9198 (9000 is the usual jumbo value)",
      "E_MTU_RANGE /devices/2/interfaces/2/mtu MTU 9199 on j1 ge-0/0/3 is above what junos carries on a switch port (9198) | fix: use an IP MTU of at most 9198 (9000 is the usual jumbo value)",
    ]],
    ["a Junos ge- port at 10G: the port's speeds listed, the Junos hint", (d) => { d.devices.push(device("j1", "junos", 2301, [{ name: "ge-0/0/1", speed: "10G" }, { name: "ge-0/0/2", speed: "100M" }, { name: "mge-0/0/3", speed: "25G" }])); }, [
      "E_SPEED_UNSUPPORTED /devices/2/interfaces/0/speed j1 ge-0/0/1 cannot run at 10G on junos (this port: 1G, 100M) | fix: Junos names a port after its optic's speed: use the name the device gives it (ge-, xe-, et-)",
      "E_SPEED_UNSUPPORTED /devices/2/interfaces/2/speed j1 mge-0/0/3 cannot run at 25G on junos (this port: 100M, 1G, 2.5G, 5G, 10G) | fix: Junos names a port after its optic's speed: use the name the device gives it (ge-, xe-, et-)",
    ]],
    ["a CloudEngine 10GE port at 25G: the speeds it can run, in the message and the fix", (d) => { d.devices.push(device("h1", "huawei-vrp", 2301, [{ name: "10GE1/0/1", speed: "25G" }, { name: "10GE1/0/2", speed: "1G" }, { name: "100GE1/0/1:1", speed: "40G" }])); }, [
      "E_SPEED_UNSUPPORTED /devices/2/interfaces/0/speed h1 10GE1/0/1 cannot run at 25G on huawei-vrp (this port: 10G, 1G) | fix: use one of 10G, 1G, or a port of that speed",
      "E_SPEED_UNSUPPORTED /devices/2/interfaces/2/speed h1 100GE1/0/1:1 cannot run at 40G on huawei-vrp (this port: 10G, 25G, 50G, 100G) | fix: use one of 10G, 25G, 50G, 100G, or a port of that speed",
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("multi-chassis pairs: the halves, the site, the peer link (mlag check)", () => {
  const CODES = ["E_MLAG_PAIR", "E_MLAG_PEER_LINK", "E_MLAG_KEEPALIVE", "E_MLAG_LAG", "E_MLAG_PEER_VLAN", "E_PLATFORM_FEATURE", "E_INTERNAL"];
  /** A downstream multi-chassis LAG port-channel11 on both switches of the NX-OS pair, with the given settings each (VLANs 20 and 30 at dc1). */
  const halves = (d: any, a: any, b: any) => {
    pair(d);
    d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "video", sites: ["dc1"] }, { id: 30, name: "v30", tenant: "city", purpose: "video", sites: ["dc1"] });
    d.devices[0].lags.push({ name: "port-channel11", mlag: true, ...a });
    d.devices[2].lags.push({ name: "port-channel11", mlag: true, ...b });
  };
  const differ = [
    "E_MLAG_LAG /devices/0/lags/1/mlag sw1 port-channel11 and sw3 port-channel11 (one multi-chassis LAG) differ in mode, VLANs or LACP | fix: give both halves the same mode, VLANs and LACP mode",
    "E_MLAG_LAG /devices/2/lags/1/mlag sw3 port-channel11 and sw1 port-channel11 (one multi-chassis LAG) differ in mode, VLANs or LACP | fix: give both halves the same mode, VLANs and LACP mode",
  ];
  const CASES: Case[] = [
    ["halves alike: trunks of the same VLANs in another order, both of every VLAN, access halves of one VLAN", (d) => {
      halves(d, { mode: "trunk", allowed: [10, 20], native: 30, lacp: "passive" }, { mode: "trunk", allowed: [20, 10], native: 30, lacp: "passive" });
      d.devices[0].lags.push({ name: "port-channel12", mode: "trunk", mlag: true }, { name: "port-channel13", mode: "access", vlan: 20, mlag: true });
      d.devices[2].lags.push({ name: "port-channel12", mode: "trunk", allowed: "all", mlag: true }, { name: "port-channel13", mode: "access", vlan: 20, mlag: true });
    }, []],
    ["halves that differ in mode only (neither names a VLAN)", (d) => halves(d, { mode: "access" }, { mode: "trunk" }), differ],
    ["halves that differ in the access VLAN only", (d) => halves(d, { mode: "access", vlan: 20 }, { mode: "access", vlan: 30 }), differ],
    ["halves that differ in the native VLAN only", (d) => halves(d, { mode: "trunk", allowed: [10, 20, 30], native: 20 }, { mode: "trunk", allowed: [10, 20, 30], native: 30 }), differ],
    ["halves that differ in the LACP mode only", (d) => halves(d, { mode: "trunk", allowed: [10], lacp: "active" }, { mode: "trunk", allowed: [10], lacp: "passive" }), differ],
    ["halves that differ in the allowed VLANs: every VLAN against a list", (d) => halves(d, { mode: "trunk" }, { mode: "trunk", allowed: [10] }), differ],
    ["halves that differ in the allowed VLANs: a list against every VLAN", (d) => halves(d, { mode: "trunk", allowed: [10, 20, 30] }, { mode: "trunk", allowed: "all" }), differ],
    ["halves that differ in the allowed VLANs: lists of one length sharing a VLAN", (d) => halves(d, { mode: "trunk", allowed: [10, 20] }, { mode: "trunk", allowed: [10, 30] }), differ],
    ["halves that differ in the allowed VLANs: one list holds the other and more", (d) => halves(d, { mode: "trunk", allowed: [10] }, { mode: "trunk", allowed: [10, 20] }), differ],
    ["a link between two ports outside any LAG does not cable the peer link", (d) => {
      pair(d);
      const odd = "Port-Channel9";
      for (const x of [d.devices[0], d.devices[2]]) {
        x.lags[0].name = odd;
        for (const i of x.interfaces) if (i.lag) i.lag = odd;
        x.interfaces.push({ name: "Ethernet1/5", mode: "trunk", allowed: [10] });
      }
      d.mlag[0].peerLink = odd;
      d.links = d.links.filter((l: any) => l.kind !== "peer");
      d.links.push({ kind: "peer", a: { device: "sw1", interface: "Ethernet1/5" }, b: { device: "sw3", interface: "Ethernet1/5" } });
    }, [
      "E_MLAG_PEER_LINK /mlag/0/peerLink mlag pair p1: no link joins sw1 Port-Channel9 and sw3 Port-Channel9 | fix: add the peer link's cables to links: (kind: peer)",
    ]],
    ["a CloudEngine pair at a site that does not exist: no site's spanning tree is taken for its own", (d) => { pair(d, "huawei-vrp"); d.devices[0].site = "dc9"; d.devices[2].site = "dc9"; d.sites[1].stp = { mode: "mstp" }; d.devices[1].stp = { enabled: false }; }, [
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("which switches root a site's spanning tree, and through which links (stp check)", () => {
  const CODES = ["W_STP_NO_ROOT", "W_STP_UNUSED", "W_STP_BOND", "E_PLATFORM_FEATURE", "E_STP_PORT", "E_INTERNAL"];
  const rstp = { mode: "rstp" };
  const noRoot = (si: number, site: string) =>
    `W_STP_NO_ROOT /sites/${si}/stp site ${site} runs spanning tree but no switch is meant to be its root (no core or spine, no priority) | fix: set stp.priority (e.g. 4096) on the switch that should be the root`;
  const CASES: Case[] = [
    ["a core switch alone is the root of its site", (d) => { d.sites[1].stp = rstp; d.devices[1].role = "core"; }, []],
    ["a link other than a DCI does not join a site to its neighbour's tree", (d) => { d.sites[0].stp = rstp; d.sites[1].stp = rstp; d.devices[0].role = "spine"; d.links[0].kind = "fabric"; }, [noRoot(1, "dc2")]],
    ["the site at the a end of a DCI is part of the tree rooted at the b end", (d) => { d.sites[0].stp = rstp; d.sites[1].stp = rstp; d.devices[1].role = "spine"; }, []],
    ["a DCI between two other sites joins neither of them to a third site", (d) => {
      d.sites.push({ name: "dc3", role: "branch", stp: rstp });
      d.devices.push({ name: "sw3", site: "dc3", role: "leaf", platform: "ovs", management: { address: "127.0.0.3", user: "c" } });
      d.sites[0].stp = rstp;
      d.devices[0].role = "spine";
    }, [noRoot(2, "dc3")]],
    ["a neighbour with a core or spine but no tree of its own roots nothing", (d) => { d.sites[0].stp = rstp; d.devices[1].role = "spine"; }, [noRoot(0, "dc1")]],
    ["a DCI to a device at a site that does not exist joins no tree", (d) => { d.sites[0].stp = rstp; d.sites[1].stp = rstp; d.devices[1].site = "dc9"; d.devices[1].role = "spine"; }, [noRoot(0, "dc1")]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("port spanning-tree settings where none runs, each with its reason (stp check)", () => {
  const CODES = ["W_STP_UNUSED", "E_STP_PORT"];
  const router = (extra: any = {}) => ({ name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [{ name: "eth1", mode: "access", vlan: 10, stp: { edge: true } }], ...extra });
  const CASES: Case[] = [
    ["a switch told to stay out of a tree at a site that has none: the site is the reason", (d) => { d.devices[0].stp = { enabled: false }; d.devices[0].interfaces[0].stp = { edge: true }; }, [
      "W_STP_UNUSED /devices/0/interfaces/0/stp sw1 p1 has stp settings, but sw1 runs no spanning tree | fix: add stp to site dc1, or remove the port's stp",
      "W_STP_UNUSED /devices/0/stp sw1 has stp settings, but its site dc1 runs no spanning tree | fix: add stp: { mode: ... } to site dc1, or remove the device's stp",
    ]],
    ["a platform without spanning tree at a site that runs one: the platform is the reason", (d) => { d.sites[0].stp = { mode: "rstp" }; d.devices.push(router()); }, [
      "W_STP_UNUSED /devices/2/interfaces/0/stp r1 eth1 has stp settings, but r1 runs no spanning tree | fix: remove the port's stp (frr runs no spanning tree)",
    ]],
    ["a platform without spanning tree at a site without one: adding a tree to the site would not help", (d) => { d.devices.push(router()); }, [
      "W_STP_UNUSED /devices/2/interfaces/0/stp r1 eth1 has stp settings, but r1 runs no spanning tree | fix: remove the port's stp (frr runs no spanning tree)",
    ]],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});

describe("traffic policies: ports, empty sides and the management path (policy check)", () => {
  const CODES = ["E_REF_UNKNOWN", "E_POLICY_PORTS", "E_POLICY_EMPTY", "W_POLICY_SHADOWED", "E_POLICY_CONTRADICTS", "E_POLICY_CUTS_MANAGEMENT"];
  /** A management VLAN 99 (10.0.99.0/24) at dc1, VLAN 20 without a subnet, a jump host h9 in VLAN 10; the rules as given, jump hosts h9 and more as given. */
  const withRules = (d: any, rules: any[], jumpHosts: string[] = []) => {
    d.vlans.push({ id: 99, name: "mgmt", tenant: "city", purpose: "management", sites: ["dc1"], subnet: "10.0.99.0/24" }, { id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1"] });
    d.devices[0].interfaces.push({ name: "p3", mode: "access", vlan: 10 });
    d.hosts.push({ name: "h9", tenant: "city", address: "10.0.10.50/24", attach: { device: "sw1", interface: "p3" } });
    d.policies = { management: { jumpHosts }, rules };
  };
  const rule = (name: string, action: string, from: any, to: any, extra: any = {}) => ({ name, action, from, to, ...extra });
  const cut = (i: number, name: string, who: string) =>
    `E_POLICY_CUTS_MANAGEMENT /policies/rules/${i} rule ${name} denies ${who} the management network (10.0.99.0/24): it would cut the management path | fix: narrow the rule's from: so that it leaves out ${who}, or allow it first`;
  const CASES: Case[] = [
    ["ports on an ICMP rule", (d) => withRules(d, [rule("ping", "allow", { vlan: 10 }, { any: true }, { protocol: "icmp", ports: [7] })]), [
      "E_POLICY_PORTS /policies/rules/0/ports rule ping: ports need protocol tcp or udp (it is icmp) | fix: set protocol: tcp or udp, or remove ports",
    ]],
    ["a rule from a side without addresses is only empty, never taken as covered by an earlier rule", (d) => withRules(d, [rule("wide", "allow", { vlan: 10 }, { any: true }), rule("hollow", "deny", { vlan: 20 }, { vlan: 10 })]), [
      "E_POLICY_EMPTY /policies/rules/1/from rule hollow: VLAN 20 holds no address (no subnet) | fix: name something with a subnet or address, or give the VLANs subnets",
    ]],
    ["a rule to a side without addresses is only empty, never taken as covered by an earlier rule", (d) => withRules(d, [rule("wide", "allow", { any: true }, { vlan: 10 }), rule("hollow", "deny", { vlan: 10 }, { vlan: 20 })]), [
      "E_POLICY_EMPTY /policies/rules/1/to rule hollow: VLAN 20 holds no address (no subnet) | fix: name something with a subnet or address, or give the VLANs subnets",
    ]],
    ["a deny from a jump host to management cuts it off, named as the jump host", (d) => withRules(d, [rule("lock", "deny", { host: "h9" }, { management: true })], ["h9"]), [
      cut(0, "lock", "jump host h9"),
    ]],
    ["a deny of SSH from the management VLAN after a deny of other traffic still cuts the path", (d) => withRules(d, [rule("other", "deny", { vlan: 10 }, { vlan: 10 }), rule("lock", "deny", { vlan: 99 }, { management: true }, { protocol: "tcp", ports: [22] })]), [
      cut(1, "lock", "management VLAN 99"),
    ]],
    ["an earlier deny to management from elsewhere does not keep the path open", (d) => withRules(d, [rule("first", "deny", { vlan: 10 }, { management: true }), rule("lock", "deny", { vlan: 99 }, { management: true }, { protocol: "tcp", ports: [22] })], ["h9"]), [
      cut(0, "first", "jump host h9"),
      cut(1, "lock", "management VLAN 99"),
    ]],
    ["an earlier deny of the same path does not keep it open either", (d) => withRules(d, [rule("first", "deny", { vlan: 99 }, { management: true }), rule("lock", "deny", { vlan: 99 }, { management: true }, { protocol: "tcp", ports: [22] })]), [
      cut(0, "first", "management VLAN 99"),
      cut(1, "lock", "management VLAN 99"),
      "W_POLICY_SHADOWED /policies/rules/1 rule lock never matches: rule first before it already denies all of its traffic | fix: remove rule lock, or move it before first",
    ]],
    ["a deny of HTTPS only to management leaves SSH, the management path, open", (d) => withRules(d, [rule("web", "deny", { vlan: 99 }, { management: true }, { protocol: "tcp", ports: [443] })]), []],
  ];
  for (const [name, change, want] of CASES) {
    it(name, () => {
      const d = minimal();
      change(d);
      expect(found(d, ...CODES)).toEqual(want);
    });
  }
});
