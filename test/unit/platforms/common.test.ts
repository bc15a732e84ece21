/**
 * What every platform shares (platforms/common.ts): the keys, summaries and neutral fields of the config
 * objects (what plan, diff and drift compare and what an engineer reads in a preview), written out for one
 * hand-made intent with a renderer that answers for every kind; and the small shared helpers, case by case.
 */
import { describe, expect, it } from "vitest";
import type { AclEntryIntent, DeviceIntent, QosIntent } from "../../../intent/types";
import {
  aclEntryText,
  bgpRemoved,
  buildObjects,
  ciscoAclLines,
  defaultShare,
  displayText,
  lagNumber,
  lineReadBack,
  markEntry,
  markName,
  markedDscps,
  markingTargets,
  portMatches,
  portSummary,
  removedVlans,
  roleChanged,
  routeKey,
  vrfName,
  type Renderer,
  type Syntax,
} from "../../../platforms/common";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";

const said = (what: string): Syntax => ({ apply: [what], remove: [`un ${what}`], readBack: `show ${what}` });
/** Answers for every kind, with one line naming it. */
const every: Renderer = {
  system: () => said("system"),
  vrf: (v) => said(`vrf ${v.name}`),
  vlan: (v) => said(`vlan ${v.id}`),
  lag: (l) => said(`lag ${l.name}`),
  port: (p) => said(`port ${p.name}`),
  loopback: (a) => ({ name: "lo0", syntax: said(`loopback ${a}`) }),
  gateway: (g) => said(`gateway ${g.vlan}`),
  route: (r) => said(`route ${r.prefix}`),
  bgp: (b) => said(`bgp ${b.asn}`),
  security: (z) => said(`zone ${z.zone}`),
  qos: () => said("qos"),
  acl: (a) => said(`acl ${a.name}`),
  stp: (t) => said(`stp ${t.mode}`),
  mlag: (m) => said(`mlag ${m.name}`),
  management: (m) => said(`mgmt ${m.vlan}`),
};

const QOS: QosIntent = {
  classes: [
    { name: "voice", dscp: 46, queue: 5, treatment: "priority", share: 10 },
    { name: "video", dscp: 34, queue: 4, treatment: "guaranteed", share: 30 },
    { name: "default", dscp: 0, queue: 0, treatment: "default" },
  ],
  trust: ["Eth-Trunk1", "10GE1/0/9"],
  marking: [
    { vlan: 130, source: "10.10.130.0/24", protocol: "udp", ports: [5060, 5061], class: "signalling", dscp: 24 },
    { interface: "10GE1/0/9", source: "any", ports: [], class: "video", dscp: 34 },
    { vlan: 130, source: "10.10.130.0/24", ports: [], class: "voice", dscp: 46 },
  ],
};

const INTENT: DeviceIntent = {
  device: "sw1",
  site: "dc1",
  platform: "huawei-vrp",
  role: "spine",
  vlans: [{ id: 10, name: "mgmt" }, { id: 130, name: "voice" }],
  ports: [
    { name: "10GE1/0/1", description: "host h1", enabled: true, mode: "access", vlan: 130, speed: "10G", mtu: 9000, stp: { edge: true, guard: "root" } },
    { name: "10GE1/0/2", description: "", enabled: true, mode: "trunk", allowed: [10, 130], native: 10, lag: "Eth-Trunk1", mtu: 9000 },
    { name: "10GE1/0/3", description: "", enabled: true, mode: "trunk", address: "10.9.9.9/24", vrf: "uni" },
    { name: "10GE1/0/9", description: "wan", enabled: true, mode: "routed", address: "10.254.1.0/31", vrf: "city", vlan: 5, allowed: [1] },
    { name: "10GE1/0/10", description: "", enabled: true, mode: "routed", native: 10 },
    { name: "10GE1/0/47", description: "", enabled: false, mode: "unused" },
    { name: "10GE1/0/48", description: "", enabled: true, mode: "unused" },
    { name: "MEth0/0/0", description: "", enabled: true, mode: "routed", address: "192.0.2.1/24" },
  ],
  lags: [
    { name: "Eth-Trunk1", lacp: "active", members: ["10GE1/0/2"], port: { name: "Eth-Trunk1", description: "to leaf", enabled: true, mode: "trunk", allowed: [10, 130], native: 10, mtu: 9000 }, mlag: { id: 11 } },
    { name: "Eth-Trunk0", lacp: "static", members: [], port: { name: "Eth-Trunk0", description: "", enabled: true, mode: "trunk" }, peerLink: true },
  ],
  gateways: [
    { vlan: 130, address: "10.10.130.2/24", vrf: "city", vrrp: { vrid: 13, virtualAddress: "10.10.130.1", priority: 110 } },
    { vlan: 10, address: "10.10.10.1/24" },
  ],
  routes: [{ prefix: "0.0.0.0/0", nextHop: "10.254.1.1", vrf: "city" }, { prefix: "10.101.0.0/24", nextHop: "10.254.1.1" }],
  bgp: { asn: 65001, routerId: "10.254.0.1", networks: ["10.20.0.0/16", "10.10.0.0/16"], neighbors: [{ address: "10.254.1.11", remoteAs: 65011, description: "" }, { address: "10.254.1.1", remoteAs: 65010, description: "" }] },
  loopback: "10.254.0.1",
  vrfs: [{ name: "city", rd: "65001:100" }, { name: "uni" }],
  management: { interface: "MEth0/0/0", vlan: 10, inband: { vlan: 10, address: "10.10.10.5/24" } },
  mlag: { name: "spines", domain: 10, peer: "sw2", role: "primary", peerLink: "Eth-Trunk0", localAddress: "10.255.255.0", peerAddress: "10.255.255.1", peerVlan: 4094, lags: [{ name: "Eth-Trunk1", id: 11 }] },
  stp: { mode: "mstp", priority: 4096, region: "dc1-fabric", revision: 2, instances: [{ id: 1, vlans: [130, 140] }], bpduProtection: true, vlans: [10, 130], edge: [], loopGuard: [], rootGuard: [], mlag: true },
  security: { zone: "trust", interfaces: ["10GE1/0/9"], vlans: [130], loopback: true, services: ["ping"], protocols: ["bgp"] },
  qos: QOS,
  acls: [
    { name: "CITYDC-V130-IN", vlan: 130, entries: [{ action: "deny", protocol: "ip", source: "10.10.130.0/24", destination: "10.20.0.0/16", reason: "tenant-isolation" }, { action: "permit", protocol: "ip", source: "any", destination: "any", reason: "default" }] },
    { name: "CITYDC-KG-JKP-IN", interface: "10GE1/0/9", entries: [] },
    { name: "CITYDC-V140-IN", vlan: 140, interface: "eth4", entries: [] },
  ],
};

describe("buildObjects: keys, summaries and fields of every kind, in kind order", () => {
  const objects = buildObjects(INTENT, every);
  const byKey = new Map(objects.map((o) => [o.key, o] as const));

  it("one object per thing, in KIND_ORDER, the management interface left out", () => {
    expect(objects.map((o) => `${o.kind} ${o.key}`)).toEqual([
      "system system",
      "vrf vrf:city",
      "vrf vrf:uni",
      "vlan vlan:10",
      "vlan vlan:130",
      "stp stp",
      "mlag mlag",
      "lag lag:Eth-Trunk1",
      "lag lag:Eth-Trunk0",
      "port port:10GE1/0/1",
      "port port:10GE1/0/2",
      "port port:10GE1/0/3",
      "port port:10GE1/0/9",
      "port port:10GE1/0/10",
      "port port:10GE1/0/47",
      "port port:10GE1/0/48",
      "port port:lo0",
      "management management",
      "gateway gateway:130",
      "gateway gateway:10",
      "route route:city:0.0.0.0/0:10.254.1.1",
      "route route:default:10.101.0.0/24:10.254.1.1",
      "bgp bgp",
      "qos qos",
      "acl acl:CITYDC-V130-IN",
      "acl acl:CITYDC-KG-JKP-IN",
      "acl acl:CITYDC-V140-IN",
      "security security",
    ]);
    for (const o of objects) {
      expect(o.device).toBe("sw1");
      expect(o.remove).toEqual([`un ${o.apply[0]}`]);
      expect(o.readBack).toBe(`show ${o.apply[0]}`);
    }
  });

  it("summaries, as a preview shows them", () => {
    expect(objects.map((o) => o.summary)).toEqual([
      "system sw1",
      "VRF city",
      "VRF uni",
      "VLAN 10 (mgmt)",
      "VLAN 130 (voice)",
      "spanning tree mstp priority 4096",
      "multi-chassis LAG pair spines with sw2 (primary), peer link Eth-Trunk0",
      "LAG Eth-Trunk1 (active) members 10GE1/0/2; trunk VLANs 10,130 native 10",
      "LAG Eth-Trunk0 (static) members ; trunk VLANs none",
      "port 10GE1/0/1 access VLAN 130",
      "port 10GE1/0/2 member of Eth-Trunk1",
      "port 10GE1/0/3 trunk VLANs none",
      "port 10GE1/0/9 routed 10.254.1.0/31",
      "port 10GE1/0/10 routed",
      "port 10GE1/0/47 unused (shut down)",
      "port 10GE1/0/48 unused",
      "loopback lo0 10.254.0.1/32",
      "in-band management VLAN 10 10.10.10.5/24",
      "gateway VLAN 130 10.10.130.2/24 VRRP 13 10.10.130.1 priority 110",
      "gateway VLAN 10 10.10.10.1/24",
      "route 0.0.0.0/0 via 10.254.1.1 vrf city",
      "route 10.101.0.0/24 via 10.254.1.1",
      "BGP AS 65001 with 2 neighbors",
      "QoS: 3 classes, DSCP trusted on 2 ports, 3 marking rules",
      "ACL CITYDC-V130-IN inbound on VLAN 130, 2 entries",
      "ACL CITYDC-KG-JKP-IN inbound on port 10GE1/0/9, 0 entries",
      "ACL CITYDC-V140-IN inbound on VLAN 140 (eth4), 0 entries",
      "security zone trust (3 interfaces)",
    ]);
  });

  it("the neutral fields of each kind", () => {
    const f = (k: string) => byKey.get(k)!.fields;
    expect(f("system")).toEqual({ hostname: "sw1" });
    expect(f("vrf:city")).toEqual({ name: "city", rd: "65001:100" });
    expect(f("vrf:uni")).toEqual({ name: "uni" });
    expect(f("vlan:130")).toEqual({ id: 130, name: "voice" });
    expect(f("stp")).toEqual({ mode: "mstp", priority: 4096, region: "dc1-fabric", revision: 2, instances: ["1:130,140"], bpduProtection: true });
    expect(f("mlag")).toEqual({ name: "spines", domain: 10, peer: "sw2", role: "primary", peerLink: "Eth-Trunk0", local: "10.255.255.0", remote: "10.255.255.1", lags: ["Eth-Trunk1:11"] });
    expect(f("lag:Eth-Trunk1")).toEqual({ name: "Eth-Trunk1", lacp: "active", members: ["10GE1/0/2"], mode: "trunk", description: "to leaf", allowed: [10, 130], native: 10, mtu: 9000, mlag: 11 });
    expect(f("lag:Eth-Trunk0")).toEqual({ name: "Eth-Trunk0", lacp: "static", members: [], mode: "trunk", description: "", allowed: [], peerLink: true });
    expect(f("port:10GE1/0/1")).toEqual({ name: "10GE1/0/1", mode: "access", enabled: true, description: "host h1", vlan: 130, speed: "10G", mtu: 9000, stpEdge: true, stpGuard: "root" });
    // a LAG member's MTU is its LAG's
    expect(f("port:10GE1/0/2")).toEqual({ name: "10GE1/0/2", mode: "trunk", enabled: true, description: "", allowed: [10, 130], native: 10, lag: "Eth-Trunk1" });
    expect(f("port:10GE1/0/3")).toEqual({ name: "10GE1/0/3", mode: "trunk", enabled: true, description: "", allowed: [] });
    // only what the mode uses: a routed port's stray VLAN and allowed list are not facts of it
    expect(f("port:10GE1/0/9")).toEqual({ name: "10GE1/0/9", mode: "routed", enabled: true, description: "wan", address: "10.254.1.0/31", vrf: "city" });
    expect(f("port:10GE1/0/10")).toEqual({ name: "10GE1/0/10", mode: "routed", enabled: true, description: "" });
    expect(f("port:10GE1/0/47")).toEqual({ name: "10GE1/0/47", mode: "unused", enabled: false, description: "" });
    expect(f("port:lo0")).toEqual({ name: "lo0", mode: "loopback", address: "10.254.0.1/32" });
    expect(f("management")).toEqual({ vlan: 10, address: "10.10.10.5/24" });
    expect(f("gateway:130")).toEqual({ vlan: 130, address: "10.10.130.2/24", vrf: "city", vrid: 13, virtual: "10.10.130.1", priority: 110 });
    expect(f("gateway:10")).toEqual({ vlan: 10, address: "10.10.10.1/24" });
    expect(f("route:city:0.0.0.0/0:10.254.1.1")).toEqual({ prefix: "0.0.0.0/0", nextHop: "10.254.1.1", vrf: "city" });
    expect(f("route:default:10.101.0.0/24:10.254.1.1")).toEqual({ prefix: "10.101.0.0/24", nextHop: "10.254.1.1" });
    // sorted in natural order: devices list them their own way
    expect(f("bgp")).toEqual({ asn: 65001, routerId: "10.254.0.1", neighbors: ["10.254.1.1 65010", "10.254.1.11 65011"], networks: ["10.10.0.0/16", "10.20.0.0/16"] });
    expect(f("qos")).toEqual({
      classes: ["voice dscp 46 queue 5 priority 10%", "video dscp 34 queue 4 guaranteed 30%", "default dscp 0 queue 0 default"],
      trust: ["Eth-Trunk1", "10GE1/0/9"],
      marking: ["vlan 130 10.10.130.0/24 udp 5060,5061 signalling 24", "port 10GE1/0/9 any video 34", "vlan 130 10.10.130.0/24 voice 46"],
    });
    expect(f("acl:CITYDC-V130-IN")).toEqual({ name: "CITYDC-V130-IN", vlan: 130, entries: ["deny ip 10.10.130.0/24 -> 10.20.0.0/16", "permit ip any -> any"] });
    expect(f("acl:CITYDC-KG-JKP-IN")).toEqual({ name: "CITYDC-KG-JKP-IN", interface: "10GE1/0/9", entries: [] });
    expect(f("security")).toEqual({ zone: "trust", interfaces: ["10GE1/0/9"], vlans: [130], loopback: true, services: ["ping"], protocols: ["bgp"] });
  });

  it("a renderer's own fields replace the neutral ones; a kind it does not render has no object", () => {
    const own: Renderer = { port: (p) => (p.mode === "access" ? { ...said(p.name), fields: { only: p.name } } : undefined) };
    const objs = buildObjects(INTENT, own);
    expect(objs.map((o) => [o.key, o.fields])).toEqual([["port:10GE1/0/1", { only: "10GE1/0/1" }]]);
    // a loopback the renderer declines, an RSTP tree without priority, a summary without counts of missing parts
    const lo: Renderer = { port: () => undefined, loopback: () => undefined, stp: (t) => said(t.mode) };
    const { priority: _p, ...noPriority } = INTENT.stp!;
    const rstp = buildObjects({ ...INTENT, stp: { ...noPriority, mode: "rstp", instances: [] } }, lo);
    expect(rstp.map((o) => [o.key, o.summary, o.fields])).toEqual([["stp", "spanning tree rstp", { mode: "rstp", bpduProtection: true }]]);
  });

  it("an intent without optional parts has only its system object", () => {
    const bare = deviceIntent("frr", { device: "r9" });
    expect(buildObjects(bare, every).map((o) => o.key)).toEqual(["system"]);
  });
});

describe("shared helpers", () => {
  it("VRF names and route keys: the default VRF when none", () => {
    expect(vrfName(undefined)).toBe("default");
    expect(vrfName("city")).toBe("city");
    expect(routeKey({ prefix: "10.0.0.0/8", nextHop: "10.1.1.1" })).toBe("route:default:10.0.0.0/8:10.1.1.1");
  });

  it("a port's summary per mode", () => {
    expect(portSummary({ name: "p", description: "", enabled: true, mode: "trunk", allowed: [10, 20] })).toBe("port p trunk VLANs 10,20");
    expect(portSummary({ name: "p", description: "", enabled: true, mode: "access", vlan: 5, lag: "ae1" })).toBe("port p member of ae1");
  });

  it("what a new BGP object no longer has; which VLANs left a trunk; a new role", () => {
    const o = (fields: ConfigObject["fields"]): ConfigObject => ({ device: "d", kind: "bgp", key: "k", summary: "", fields, apply: [], remove: [], readBack: "" });
    expect(bgpRemoved(o({ neighbors: ["10.0.0.1 1", "10.0.0.2 2"], networks: ["a", "b"] }), o({ neighbors: ["10.0.0.2 3"], networks: ["b"] }))).toEqual({ neighbors: ["10.0.0.1"], networks: ["a"] });
    expect(bgpRemoved(o({}), o({ neighbors: ["10.0.0.2 3"] }))).toEqual({ neighbors: [], networks: [] });
    expect(bgpRemoved(o({ neighbors: ["10.0.0.1 1"], networks: ["a"] }), o({}))).toEqual({ neighbors: ["10.0.0.1"], networks: ["a"] });
    expect(removedVlans(o({ allowed: [10, 20, 30] }), o({ allowed: [20] }))).toEqual([10, 30]);
    expect(removedVlans(o({ allowed: [10] }), o({}))).toEqual([10]);
    expect(removedVlans(o({}), o({ allowed: [10] }))).toEqual([]);
    expect(roleChanged(o({ mode: "trunk" }), o({ mode: "trunk" }))).toBe(false);
    expect(roleChanged(o({ mode: "trunk" }), o({ mode: "access" }))).toBe(true);
    expect(roleChanged(o({ mode: "trunk", lag: "a" }), o({ mode: "trunk", lag: "b" }))).toBe(true);
  });

  it("the number at the end of a LAG name", () => {
    expect(lagNumber("Eth-Trunk11")).toBe(11);
    expect(lagNumber("port-channel10")).toBe(10);
    expect(lagNumber("ae0")).toBe(0);
    expect(lagNumber("bond")).toBe(0);
    expect(lagNumber("ae1-2")).toBe(2);
  });

  it("ACL entries in neutral words and their port matches, one pair each", () => {
    const e: AclEntryIntent = { action: "permit", protocol: "tcp", source: "10.1.0.0/24", destination: "any", sourcePorts: [80, 443], destinationPorts: [1024], established: true, reason: "r" };
    expect(aclEntryText(e)).toBe("permit tcp 10.1.0.0/24 sport 80,443 -> any dport 1024 established");
    expect(aclEntryText({ action: "deny", protocol: "icmp", source: "any", destination: "10.2.0.0/16", icmpType: "echo-reply", sourcePorts: [], reason: "r" })).toBe("deny icmp any -> 10.2.0.0/16 echo-reply");
    expect(portMatches(e)).toStrictEqual([{ sport: 80, dport: 1024 }, { sport: 443, dport: 1024 }]);
    expect(portMatches({ ...e, sourcePorts: [], destinationPorts: undefined })).toStrictEqual([{}]);
    expect(portMatches({ ...e, sourcePorts: undefined, destinationPorts: [] })).toStrictEqual([{}]);
    expect(portMatches({ ...e, sourcePorts: undefined, destinationPorts: [1, 2] })).toStrictEqual([{ dport: 1 }, { dport: 2 }]);
    expect(portMatches({ ...e, sourcePorts: [7], destinationPorts: [] })).toStrictEqual([{ sport: 7 }]);
    expect(ciscoAclLines([e, { action: "deny", protocol: "icmp", source: "any", destination: "any", icmpType: "echo-reply", reason: "r" }], "  ")).toEqual([
      "  10 permit tcp 10.1.0.0/24 eq 80 any eq 1024 established",
      "  20 permit tcp 10.1.0.0/24 eq 443 any eq 1024 established",
      "  30 deny icmp any any echo-reply",
    ]);
  });

  it("marking: grouped by where it applies, the DSCPs it uses, the default class's share, names, entries", () => {
    expect(markingTargets(QOS)).toStrictEqual([
      { vlan: 130, rules: [QOS.marking[0], QOS.marking[2]] },
      { interface: "10GE1/0/9", rules: [QOS.marking[1]] },
    ]);
    expect(markedDscps(QOS)).toEqual([24, 34, 46]);
    expect(defaultShare(QOS)).toBe(60);
    expect(defaultShare({ ...QOS, classes: [{ name: "all", dscp: 8, queue: 1, treatment: "limited", share: 100 }] })).toBe(1);
    expect(defaultShare({ ...QOS, classes: [{ name: "x", dscp: 8, queue: 1, treatment: "guaranteed" }] })).toBe(100);
    expect(markName({ vlan: 130 })).toBe("CITYDC-MARK-V130");
    expect(markName({ interface: "xe-0/0/1" }, 1)).toBe("CITYDC-MARK-xe-0-0-1-2");
    expect(markName({ vlan: 130, interface: "eth3" }, 0)).toBe("CITYDC-MARK-V130-1");
    expect(markName({})).toBe("CITYDC-MARK-");
    expect(markName({ interface: "a/-b" })).toBe("CITYDC-MARK-a-b");
    expect(markEntry(QOS.marking[0]!)).toEqual({ action: "permit", protocol: "udp", source: "10.10.130.0/24", destination: "any", destinationPorts: [5060, 5061], reason: "signalling" });
    expect(markEntry(QOS.marking[1]!)).toEqual({ action: "permit", protocol: "ip", source: "any", destination: "any", reason: "video" });
  });
});

describe("lineReadBack and displayText", () => {
  const o: ConfigObject = { device: "d", kind: "port", key: "port:x", summary: "", fields: { name: "x" }, apply: ["interface x", "  description  a  b", " undo shutdown", "quit"], remove: [], readBack: "" };
  const ignore = /^(quit|undo shutdown)$/;

  it("present when the first significant line is shown; intact when every one is; white space does not count", () => {
    expect(lineReadBack(o, "#\ninterface x\r\n description a b\n#\n", ignore)).toEqual({ present: true, fields: { name: "x" } });
    expect(lineReadBack(o, "interface x\n", ignore)).toEqual({ present: true, fields: { name: "x", missing: ["description a b"] } });
    expect(lineReadBack(o, "interface y\n description a b\n", ignore)).toEqual({ present: false });
    expect(lineReadBack({ ...o, apply: ["quit"] }, "quit\n", ignore)).toEqual({ present: false });
    // blank lines of the object are not looked for
    expect(lineReadBack({ ...o, apply: ["interface x", "", "  "] }, "interface x\n", ignore)).toEqual({ present: true, fields: { name: "x" } });
  });

  it("lines are folded the platform's way on both sides; owned lines shown but not held are drift", () => {
    const fold = (ls: readonly string[]) => ls.map((l) => l.replace(/ b$/, " B"));
    expect(lineReadBack(o, "interface x\n description a b\n", ignore, fold)).toEqual({ present: true, fields: { name: "x" } });
    const owned = /^vrrp /;
    expect(lineReadBack(o, "interface x\n description a b\n vrrp 1 priority 120\n", ignore, undefined, owned)).toEqual({ present: true, fields: { name: "x", unexpected: ["vrrp 1 priority 120"] } });
    expect(lineReadBack({ ...o, apply: [...o.apply, " vrrp 1 priority 120"] }, "interface x\n description a b\n vrrp 1 priority 120\n", ignore, undefined, owned)).toEqual({
      present: true,
      fields: { name: "x" },
    });
  });

  it("the displayed text: objects' lines without navigation, each followed by the separator, empty objects left out", () => {
    const a = { ...o, apply: ["interface x", " description a", "quit"] };
    const empty = { ...o, apply: ["quit"] };
    expect(displayText([a, empty, { ...o, apply: ["vlan 10"] }], /^quit$/, "#")).toEqual(["interface x", " description a", "#", "vlan 10", "#"]);
  });
});
