/**
 * The QoS and ACL intents of one small site (intent/policy.ts withPolicy), written out: a gateway switch
 * with a voice VLAN of one tenant and a server VLAN of another, a rule from the first to the second, a jump
 * host, tenant isolation, explicit and purpose marking, a routed port that marks what enters it.
 */
import { describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import type { Inventory } from "../../../model/types";
import { device, host, iface, inventory, link, vlan } from "../helpers/inventory";

function site(): Inventory {
  return inventory({
    tenants: [{ name: "city" }, { name: "uni" }],
    devices: [
      device("sw1", "dc1", { role: "core", interfaces: [iface("10GE1/0/1", { mode: "access", vlan: 10 }), iface("10GE1/0/8", { mode: "routed", address: "10.30.0.1/24" }), iface("10GE1/0/9", { mode: "trunk" })] }),
      device("sw2", "dc1", { interfaces: [iface("10GE1/0/9", { mode: "trunk" })] }),
    ],
    vlans: [
      vlan(10, "voice", ["dc1"], { purpose: "voice", subnet: "10.10.0.0/24", gateways: [{ device: "sw1", address: "10.10.0.1" }] }),
      vlan(20, "servers", ["dc1"], { tenant: "uni", subnet: "10.20.0.0/24", gateways: [{ device: "sw1", address: "10.20.0.1" }] }),
      vlan(99, "mgmt", ["dc1"], { purpose: "management", subnet: "192.0.2.0/24" }),
    ],
    links: [link("sw1 10GE1/0/9", "sw2 10GE1/0/9")],
    hosts: [host("jump", "sw1 10GE1/0/1", "10.10.0.5/24")],
    qos: {
      classes: [],
      marking: [
        { class: "signalling", vlan: 10, protocol: "udp", ports: [5060] },
        { class: "video", device: "sw1", interface: "10GE1/0/8", subnet: "10.30.0.7/24", ports: [] },
        { class: "no-such-class", vlan: 10, ports: [] },
      ],
      markByPurpose: true,
    },
    policies: {
      tenantIsolation: true,
      management: { vlan: 99, jumpHosts: ["jump"] },
      rules: [{ name: "web", action: "allow", from: { vlan: 10 }, to: { vlan: 20 }, protocol: "tcp", ports: [443] }],
    },
  });
}

const CLASSES = [
  { name: "voice", dscp: 46, queue: 5, treatment: "priority", share: 10 },
  { name: "video", dscp: 34, queue: 4, treatment: "guaranteed", share: 30 },
  { name: "signalling", dscp: 24, queue: 3, treatment: "guaranteed", share: 5 },
  { name: "network-control", dscp: 48, queue: 6, treatment: "guaranteed", share: 5 },
  { name: "scavenger", dscp: 8, queue: 1, treatment: "limited", share: 5 },
  { name: "best-effort", dscp: 0, queue: 0, treatment: "default" },
];

const mgmtEntries = (src: string) => [
  { action: "permit", protocol: "tcp", source: src, destination: "192.0.2.0/24", established: true, reason: "management: replies" },
  { action: "permit", protocol: "icmp", source: src, destination: "192.0.2.0/24", icmpType: "echo-reply", reason: "management: replies" },
  { action: "deny", protocol: "ip", source: src, destination: "192.0.2.0/24", reason: "management" },
];

describe("QoS and ACL intents of a gateway switch", () => {
  it("QoS: the default classes with their queues, trust on the port towards a switch, marking at the gateway then on the routed port", () => {
    const sw1 = deriveIntent(site()).get("sw1")!;
    expect(sw1.qos).toStrictEqual({
      classes: CLASSES,
      trust: ["10GE1/0/9"],
      marking: [
        { vlan: 10, source: "10.10.0.0/24", protocol: "udp", ports: [5060], class: "signalling", dscp: 24 },
        { vlan: 10, source: "10.10.0.0/24", ports: [], class: "voice", dscp: 46 },
        { interface: "10GE1/0/8", source: "10.30.0.0/24", ports: [], class: "video", dscp: 34 },
      ],
    });
    // the other switch: the same classes, its trunk trusted, nothing to mark, no ACL
    const sw2 = deriveIntent(site()).get("sw2")!;
    expect(sw2.qos).toStrictEqual({ classes: CLASSES, trust: ["10GE1/0/9"], marking: [] });
    expect(sw2.acls).toBeUndefined();
  });

  it("ACLs: the rule, its replies, the jump host, the management rule, tenant isolation and the final permit, in that order", () => {
    const sw1 = deriveIntent(site()).get("sw1")!;
    expect(sw1.acls).toStrictEqual([
      {
        name: "CITYDC-V10-IN", vlan: 10,
        entries: [
          { action: "permit", protocol: "tcp", source: "10.10.0.0/24", destination: "10.20.0.0/24", destinationPorts: [443], reason: "web" },
          { action: "permit", protocol: "ip", source: "10.10.0.5/32", destination: "192.0.2.0/24", reason: "management: jump host jump" },
          ...mgmtEntries("10.10.0.0/24"),
          { action: "deny", protocol: "ip", source: "10.10.0.0/24", destination: "10.20.0.0/24", reason: "tenant-isolation: uni" },
          { action: "permit", protocol: "ip", source: "10.10.0.0/24", destination: "any", reason: "default" },
        ],
      },
      {
        name: "CITYDC-V20-IN", vlan: 20,
        entries: [
          { action: "permit", protocol: "tcp", source: "10.20.0.0/24", destination: "10.10.0.0/24", sourcePorts: [443], reason: "reply to web" },
          ...mgmtEntries("10.20.0.0/24"),
          // the city's management subnet is left to the management rule above
          { action: "deny", protocol: "ip", source: "10.20.0.0/24", destination: "10.10.0.0/24", reason: "tenant-isolation: city" },
          { action: "permit", protocol: "ip", source: "10.20.0.0/24", destination: "any", reason: "default" },
        ],
      },
    ]);
  });

  it("without tenant isolation, or without a jump host, those entries go; without qos and policies the intent has neither", () => {
    const inv = site();
    const open: Inventory = { ...inv, policies: { ...inv.policies!, tenantIsolation: false, management: { vlan: 99, jumpHosts: [] } } };
    const entries = deriveIntent(open).get("sw1")!.acls![0]!.entries.map((e) => e.reason);
    expect(entries).toEqual(["web", "management: replies", "management: replies", "management", "default"]);
    const bare: Inventory = { ...inv, qos: undefined, policies: undefined };
    const sw1 = deriveIntent(bare).get("sw1")!;
    expect("qos" in sw1 || "acls" in sw1).toBe(false);
  });

  it("an ICMP rule's reply is an echo reply; a deny rule has no reply", () => {
    const inv = site();
    const icmp: Inventory = {
      ...inv,
      policies: { ...inv.policies!, rules: [{ name: "ping", action: "allow", from: { vlan: 10 }, to: { vlan: 20 }, protocol: "icmp", ports: [] }, { name: "no", action: "deny", from: { vlan: 10 }, to: { vlan: 20 }, protocol: "udp", ports: [] }] },
    };
    const v20 = deriveIntent(icmp).get("sw1")!.acls![1]!.entries;
    expect(v20[0]).toStrictEqual({ action: "permit", protocol: "icmp", source: "10.20.0.0/24", destination: "10.10.0.0/24", icmpType: "echo-reply", reason: "reply to ping" });
    expect(v20.map((e) => e.reason)).not.toContain("reply to no");
    const v10 = deriveIntent(icmp).get("sw1")!.acls![0]!.entries;
    expect(v10.slice(0, 2)).toStrictEqual([
      { action: "permit", protocol: "icmp", source: "10.10.0.0/24", destination: "10.20.0.0/24", reason: "ping" },
      { action: "deny", protocol: "udp", source: "10.10.0.0/24", destination: "10.20.0.0/24", reason: "no" },
    ]);
  });
});

describe("ACLs on the ports that face a branch site", () => {
  function withBranch(): Inventory {
    const inv = site();
    return {
      ...inv,
      sites: [...inv.sites, { name: "br1", role: "branch", tenant: "uni" }],
      devices: [
        {
          ...inv.devices[0]!,
          interfaces: [...inv.devices[0]!.interfaces, iface("10GE1/0/6", { mode: "routed", address: "10.97.0.0/31", vrf: "blue" }), iface("10GE1/0/7", { mode: "routed", address: "10.97.0.2/31" })],
        },
        inv.devices[1]!,
        device("rbr", "br1", { platform: "frr", role: "wan", loopback: "10.99.0.1", bgp: { asn: 65100, networks: ["10.98.0.0/24"], neighbors: [] }, interfaces: [iface("eth0", { address: "10.97.0.1/31" }), iface("eth1", { address: "10.97.0.3/31" })] }),
      ],
      links: [...inv.links, link("sw1 10GE1/0/6", "rbr eth0", { kind: "wan" }), link("sw1 10GE1/0/7", "rbr eth1", { kind: "wan" })],
      policies: { ...inv.policies!, rules: [...inv.policies!.rules, { name: "br-in", action: "allow", from: { site: "br1" }, to: { vlan: 20 }, protocol: "tcp", ports: [22] }] },
    };
  }

  it("one ACL per port, named after the site (-2 for the second), with the port's VRF; what arrives there is the branch's", () => {
    const intents = deriveIntent(withBranch());
    const sw1 = intents.get("sw1")!;
    const entries = [
      { action: "permit", protocol: "tcp", source: "any", destination: "10.20.0.0/24", destinationPorts: [22], reason: "br-in" },
      ...mgmtEntries("any"),
      { action: "deny", protocol: "ip", source: "any", destination: "10.10.0.0/24", reason: "tenant-isolation: city" },
      { action: "permit", protocol: "ip", source: "any", destination: "any", reason: "default" },
    ];
    expect(sw1.acls!.filter((a) => a.vlan === undefined)).toStrictEqual([
      { name: "CITYDC-BR1-IN", interface: "10GE1/0/6", vrf: "blue", entries },
      { name: "CITYDC-BR1-2-IN", interface: "10GE1/0/7", entries },
    ]);
    // the replies towards the branch's prefixes leave from the server VLAN
    expect(sw1.acls!.find((a) => a.vlan === 20)!.entries.filter((e) => e.reason === "reply to br-in")).toStrictEqual([
      { action: "permit", protocol: "tcp", source: "10.20.0.0/24", destination: "10.99.0.1/32", sourcePorts: [22], reason: "reply to br-in" },
      { action: "permit", protocol: "tcp", source: "10.20.0.0/24", destination: "10.98.0.0/24", sourcePorts: [22], reason: "reply to br-in" },
    ]);
    // a branch router guards nothing of its own
    expect(intents.get("rbr")!.acls).toBeUndefined();
  });
});
