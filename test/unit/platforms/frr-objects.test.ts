/**
 * FRR's objects written out from hand-made intents, line by line: vtysh's words from the FRR 8.4 user guide
 * (docs.frrouting.org, "Zebra: interface commands", "Static routing", "BGP"), keepalived's groups as the
 * lab's `citydc-vrrp` front end takes them, and the nftables rules in the words `nft list chain` prints them
 * back (nft(8), nftables 1.0: `iifname`, `ip saddr`/`ip daddr`, `tcp|udp sport|dport`, `icmp type`,
 * `ip protocol`, `tcp flags`, `ip dscp set`, `accept`/`drop`). Their read-back is fed output in the shape
 * FRR 8.4.4's `show running-config` and nft 1.0.6's `nft list chain` print it on this machine. Every rule in
 * ACL_RULES and MARK_RULES was added with nft 1.0.6 in a scratch namespace and listed back unchanged (that is
 * how a DSCP without a name turned out to list in hex); frr-nft.test.ts runs nft on the twin's chains (root),
 * these expectations hold without it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import type { AclIntent, DeviceIntent, QosIntent } from "../../../intent/types";
import { frr, nftAclRules, nftMarkRules, VTYSH_DIALECT } from "../../../platforms/frr";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";

const base = (more: Partial<DeviceIntent> = {}): DeviceIntent => deviceIntent("frr", { device: "r1", role: "border", ...more });
const fixture = (p: string): string => readFileSync(join(__dirname, "fixtures", p), "utf8");
const objects = (i: DeviceIntent): ConfigObject[] => frr.objects(i);
const objectOf = (i: DeviceIntent, key: string): ConfigObject => {
  const o = objects(i).find((x) => x.key === key);
  if (!o) throw new Error(`no object ${key}`);
  return o;
};

const ACL: AclIntent = {
  name: "CITYDC-V130-IN",
  vlan: 130,
  interface: "eth3",
  entries: [
    { action: "permit", protocol: "tcp", source: "10.10.130.0/24", destination: "10.10.200.0/24", destinationPorts: [443], reason: "web" },
    { action: "permit", protocol: "tcp", source: "10.10.130.0/24", destination: "any", sourcePorts: [80, 443], established: true, reason: "reply to portal" },
    { action: "permit", protocol: "tcp", source: "any", destination: "10.10.130.0/24", established: true, reason: "reply" },
    { action: "permit", protocol: "tcp", source: "any", destination: "any", sourcePorts: [5060], destinationPorts: [5061], reason: "both ports" },
    { action: "permit", protocol: "udp", source: "any", destination: "10.254.0.12/32", destinationPorts: [5060, 5061], reason: "sip" },
    { action: "permit", protocol: "udp", source: "10.254.0.53/32", destination: "any", sourcePorts: [53], reason: "reply to dns" },
    { action: "permit", protocol: "icmp", source: "any", destination: "any", icmpType: "echo-reply", reason: "reply to ping" },
    { action: "deny", protocol: "icmp", source: "10.10.130.0/24", destination: "any", reason: "no ping" },
    { action: "deny", protocol: "tcp", source: "any", destination: "any", reason: "no tcp" },
    { action: "deny", protocol: "udp", source: "10.10.130.5/32", destination: "any", reason: "no udp" },
    { action: "deny", protocol: "ip", source: "10.10.130.0/24", destination: "10.10.0.0/16", reason: "tenant-isolation" },
    { action: "permit", protocol: "ip", source: "any", destination: "any", reason: "default" },
  ],
};

const ACL_RULES = [
  'iifname != "eth3" accept',
  "ip saddr 10.10.130.0/24 ip daddr 10.10.200.0/24 tcp dport 443 accept",
  "ip saddr 10.10.130.0/24 tcp sport 80 tcp flags rst,ack accept",
  "ip saddr 10.10.130.0/24 tcp sport 443 tcp flags rst,ack accept",
  "ip daddr 10.10.130.0/24 tcp flags rst,ack accept",
  "tcp sport 5060 tcp dport 5061 accept",
  "ip daddr 10.254.0.12 udp dport 5060 accept",
  "ip daddr 10.254.0.12 udp dport 5061 accept",
  "ip saddr 10.254.0.53 udp sport 53 accept",
  "icmp type echo-reply accept",
  "ip saddr 10.10.130.0/24 ip protocol icmp drop",
  "ip protocol tcp drop",
  "ip saddr 10.10.130.5 ip protocol udp drop",
  "ip saddr 10.10.130.0/24 ip daddr 10.10.0.0/16 drop",
  "accept",
];

const QOS: QosIntent = {
  classes: [
    { name: "voice", dscp: 46, queue: 5, treatment: "priority", share: 10 },
    { name: "default", dscp: 0, queue: 0, treatment: "default" },
  ],
  trust: ["eth1"],
  marking: [
    { vlan: 130, interface: "eth3", source: "10.10.130.0/24", protocol: "udp", ports: [5060, 5061], class: "signalling", dscp: 24 },
    { vlan: 130, interface: "eth3", source: "10.10.130.0/24", ports: [], class: "voice", dscp: 46 },
    { interface: "eth4", source: "any", ports: [], class: "default", dscp: 0 },
    { interface: "eth4", source: "10.20.0.0/16", protocol: "tcp", ports: [], class: "video", dscp: 34 },
    { interface: "eth4", source: "10.20.0.0/16", ports: [], class: "odd", dscp: 7 },
    { interface: "eth4", source: "10.30.0.0/16", ports: [], class: "odd", dscp: 45 },
    // a gateway without a routed port of its own has nowhere to mark on a Linux router
    { vlan: 140, source: "10.10.140.0/24", ports: [], class: "voice", dscp: 46 },
  ],
};

const MARK_RULES = [
  'iifname "eth3" ip saddr 10.10.130.0/24 udp dport 5060 ip dscp set cs3 accept',
  'iifname "eth3" ip saddr 10.10.130.0/24 udp dport 5061 ip dscp set cs3 accept',
  'iifname "eth3" ip saddr 10.10.130.0/24 ip dscp set ef accept',
  'iifname "eth4" ip dscp set cs0 accept',
  'iifname "eth4" ip saddr 10.20.0.0/16 ip protocol tcp ip dscp set af41 accept',
  // a DSCP without a name: nft lists it in hex
  'iifname "eth4" ip saddr 10.20.0.0/16 ip dscp set 0x07 accept',
  'iifname "eth4" ip saddr 10.30.0.0/16 ip dscp set 0x2d accept',
];

/** `nft list chain ip citydc NAME` as nft 1.0.6 prints it. */
const listed = (name: string, hook: string, rules: readonly string[]): string =>
  ["table ip citydc {", `\tchain ${name} {`, `\t\ttype filter hook ${hook} policy accept;`, ...rules.map((r) => `\t\t${r}`), "\t}", "}", ""].join("\n");

describe("frr: nftables rules of an ACL and of the marking, as nft lists them", () => {
  it("an ACL lets through what enters elsewhere, then one rule per entry and port pair, first match wins", () => {
    expect(nftAclRules(ACL, "eth3")).toEqual(ACL_RULES);
  });

  it("the marking rules of the ports that have one, per destination port, DSCP by name (default as cs0)", () => {
    expect(nftMarkRules(QOS)).toEqual(MARK_RULES);
  });

  it("the ACL object: a forward chain created if missing, emptied and filled; removed by flush and delete", () => {
    const o = objectOf(base({ acls: [ACL] }), "acl:CITYDC-V130-IN");
    expect(o.apply).toEqual([
      "nft: add table ip citydc",
      "nft: add chain ip citydc CITYDC-V130-IN { type filter hook forward priority 0; policy accept; }",
      "nft: flush chain ip citydc CITYDC-V130-IN",
      ...ACL_RULES.map((r) => `nft: add rule ip citydc CITYDC-V130-IN ${r}`),
    ]);
    expect(o.remove).toEqual(["nft: flush chain ip citydc CITYDC-V130-IN", "nft: delete chain ip citydc CITYDC-V130-IN"]);
    expect(o.readBack).toBe("nft list chain ip citydc CITYDC-V130-IN");
    expect(o.fields.entries).toHaveLength(ACL.entries.length);
  });

  it("an ACL without an interface has no object; QoS without a port to mark has none either", () => {
    const { interface: _i, ...noPort } = ACL;
    expect(objects(base({ acls: [noPort] })).filter((o) => o.kind === "acl")).toEqual([]);
    expect(objects(base({ qos: { ...QOS, marking: QOS.marking.filter((m) => m.interface === undefined) } })).filter((o) => o.kind === "qos")).toEqual([]);
  });

  it("the QoS object is one prerouting chain at mangle priority", () => {
    const o = objectOf(base({ qos: QOS }), "qos");
    expect(o.apply).toEqual([
      "nft: add table ip citydc",
      "nft: add chain ip citydc CITYDC-QOS { type filter hook prerouting priority -150; policy accept; }",
      "nft: flush chain ip citydc CITYDC-QOS",
      ...MARK_RULES.map((r) => `nft: add rule ip citydc CITYDC-QOS ${r}`),
    ]);
    expect(o.remove).toEqual(["nft: flush chain ip citydc CITYDC-QOS", "nft: delete chain ip citydc CITYDC-QOS"]);
    expect(o.readBack).toBe("nft list chain ip citydc CITYDC-QOS");
  });

  it("read-back: the chain as listed is the object's fields; a missing rule and a rule added by hand are drift", () => {
    const o = objectOf(base({ acls: [ACL] }), "acl:CITYDC-V130-IN");
    const hook = "forward priority filter;";
    expect(frr.parseReadBack(o, listed("CITYDC-V130-IN", hook, ACL_RULES))).toEqual({ present: true, fields: o.fields });
    const drifted = [...ACL_RULES.filter((r) => r !== "ip protocol tcp drop"), "ip saddr 192.0.2.1 drop"];
    expect(frr.parseReadBack(o, listed("CITYDC-V130-IN", hook, drifted))).toEqual({
      present: true,
      fields: { ...o.fields, missing: ["ip protocol tcp drop"], unexpected: ["ip saddr 192.0.2.1 drop"] },
    });
    // nft's error when the chain does not exist
    expect(frr.parseReadBack(o, "Error: No such file or directory\nlist chain ip citydc CITYDC-V130-IN\n")).toEqual({ present: false });
    const q = objectOf(base({ qos: QOS }), "qos");
    expect(frr.parseReadBack(q, listed("CITYDC-QOS", "prerouting priority mangle;", MARK_RULES))).toEqual({ present: true, fields: q.fields });
    expect(frr.parseReadBack(q, listed("CITYDC-QOS", "prerouting priority mangle;", MARK_RULES.slice(1))).fields?.missing).toEqual([MARK_RULES[0]]);
  });
});

describe("frr: vtysh objects", () => {
  it("a routed port: description, address and state; removed without its address and description", () => {
    const i = base({
      ports: [
        { name: "eth1", description: "to isp", enabled: true, mode: "routed", address: "10.254.1.0/31" },
        { name: "eth2", description: "", enabled: false, mode: "routed" },
        { name: "eth3", description: "member", enabled: true, mode: "routed", lag: "bond0" },
        { name: "eth4", description: "", enabled: true, mode: "access", vlan: 10 },
      ],
    });
    const eth1 = objectOf(i, "port:eth1");
    expect(eth1.apply).toEqual(["interface eth1", " description to isp", " ip address 10.254.1.0/31", " no shutdown", "exit"]);
    expect(eth1.remove).toEqual(["interface eth1", " no description", " no ip address 10.254.1.0/31", "exit"]);
    expect(eth1.readBack).toBe("vtysh -c 'show running-config'");
    expect(eth1.fields).toEqual({ name: "eth1", mode: "routed", enabled: true, description: "to isp", address: "10.254.1.0/31" });
    const eth2 = objectOf(i, "port:eth2");
    expect(eth2.apply).toEqual(["interface eth2", " no description", " shutdown", "exit"]);
    expect(eth2.remove).toEqual(["interface eth2", " no description", "exit"]);
    expect(eth2.fields).toEqual({ name: "eth2", mode: "routed", enabled: false, description: "" });
    // a LAG member and a switch port are not FRR's
    expect(objects(i).map((o) => o.key)).toEqual(["port:eth1", "port:eth2"]);
  });

  it("the loopback is `interface lo` with a /32", () => {
    const lo = objectOf(base({ loopback: "10.254.0.9" }), "port:lo");
    expect(lo.apply).toEqual(["interface lo", " ip address 10.254.0.9/32", "exit"]);
    expect(lo.remove).toEqual(["interface lo", " no ip address 10.254.0.9/32", "exit"]);
    expect(lo.fields).toEqual({ name: "lo", mode: "loopback", address: "10.254.0.9/32" });
  });

  it("a gateway is the address on the port facing the VLAN; with VRRP a keepalived group of the port's prefix length", () => {
    const i = base({
      gateways: [
        { vlan: 120, interface: "eth5", address: "10.10.120.2/24", vrrp: { vrid: 12, virtualAddress: "10.10.120.1", priority: 110 } },
        { vlan: 130, interface: "eth6", address: "10.10.130.1/24" },
        { vlan: 140, address: "10.10.140.1/24" },
      ],
    });
    const g = objectOf(i, "gateway:120");
    expect(g.apply).toEqual(["interface eth5", " ip address 10.10.120.2/24", "exit", "keepalived: vrrp 12 interface eth5 address 10.10.120.1/24 priority 110"]);
    expect(g.remove).toEqual(["keepalived: no vrrp 12", "interface eth5", " no ip address 10.10.120.2/24", "exit"]);
    expect(g.readBack).toBe("vtysh -c 'show running-config'; citydc-vrrp show");
    expect(g.fields).toEqual({ vlan: 120, interface: "eth5", address: "10.10.120.2/24", vrid: 12, virtual: "10.10.120.1", priority: 110 });
    const plain = objectOf(i, "gateway:130");
    expect(plain.apply).toEqual(["interface eth6", " ip address 10.10.130.1/24", "exit"]);
    expect(plain.remove).toEqual(["interface eth6", " no ip address 10.10.130.1/24", "exit"]);
    expect(plain.readBack).toBe("vtysh -c 'show running-config'");
    expect(plain.fields).toEqual({ vlan: 130, interface: "eth6", address: "10.10.130.1/24" });
    expect(objects(i).some((o) => o.key === "gateway:140")).toBe(false);
  });

  it("a static route, in a VRF or not; BGP with its router id, neighbours, their descriptions and networks", () => {
    const i = base({
      routes: [
        { prefix: "10.101.0.0/24", nextHop: "10.254.1.1" },
        { prefix: "10.102.0.0/24", nextHop: "10.254.1.3", vrf: "city" },
      ],
      bgp: { asn: 65001, routerId: "10.254.0.9", neighbors: [{ address: "10.254.1.1", remoteAs: 65011, description: "branch one" }, { address: "10.254.1.3", remoteAs: 65012, description: "" }], networks: ["10.10.0.0/16"] },
    });
    const [r1, r2] = objects(i).filter((o) => o.kind === "route");
    expect(r1!.apply).toEqual(["ip route 10.101.0.0/24 10.254.1.1"]);
    expect(r1!.remove).toEqual(["no ip route 10.101.0.0/24 10.254.1.1"]);
    expect(r2!.apply).toEqual(["ip route 10.102.0.0/24 10.254.1.3 vrf city"]);
    const b = objectOf(i, "bgp");
    expect(b.apply).toEqual([
      "router bgp 65001",
      " bgp router-id 10.254.0.9",
      " no bgp ebgp-requires-policy",
      " neighbor 10.254.1.1 remote-as 65011",
      " neighbor 10.254.1.1 description branch one",
      " neighbor 10.254.1.3 remote-as 65012",
      " address-family ipv4 unicast",
      "  network 10.10.0.0/16",
      " exit-address-family",
      "exit",
    ]);
    expect(b.remove).toEqual(["no router bgp 65001"]);
    const noId = objectOf(base({ bgp: { asn: 65002, neighbors: [], networks: [] } }), "bgp");
    expect(noId.apply).toEqual(["router bgp 65002", " no bgp ebgp-requires-policy", " address-family ipv4 unicast", " exit-address-family", "exit"]);
  });

  it("the full configuration is what vtysh displays: no exit lines, no keepalived or nft lines", () => {
    const i = base({
      ports: [{ name: "eth1", description: "", enabled: true, mode: "routed", address: "10.254.1.0/31" }],
      gateways: [{ vlan: 120, interface: "eth5", address: "10.10.120.2/24", vrrp: { vrid: 12, virtualAddress: "10.10.120.1", priority: 110 } }],
      acls: [ACL],
    });
    expect(frr.fullConfig(i, objects(i))).toBe(
      ["frr defaults traditional", "hostname r1", "!", "interface eth1", " no description", " ip address 10.254.1.0/31", " no shutdown", "!", "interface eth5", " ip address 10.10.120.2/24", "!", "!", ""].join("\n"),
    );
  });
});

describe("frr: the session script", () => {
  it("nothing to do is no script", () => {
    expect(frr.wrap([])).toEqual([]);
  });

  it("vtysh's lines only: checked with -C, applied, saved; no nft step", () => {
    expect(frr.wrap(["interface eth1", " shutdown", "exit"])).toEqual([
      `f=$(mktemp) && n=$(mktemp) && printf '%s\\n' 'interface eth1' ' shutdown' 'exit' > "$f" && vtysh -C -f "$f" && vtysh -f "$f" && vtysh -c 'write memory'; rc=$?; rm -f "$f" "$n"; exit $rc`,
    ]);
  });

  it("keepalived's lines only: handed to citydc-vrrp, quoted", () => {
    expect(frr.wrap(["keepalived: no vrrp 12", "keepalived: vrrp 13 interface it's address 10.0.0.1/24 priority 100"])).toEqual([
      `citydc-vrrp 'no vrrp 12' 'vrrp 13 interface it'\\''s address 10.0.0.1/24 priority 100'`,
    ]);
  });

  it("nft's lines only: checked with nft -c, then applied as one transaction", () => {
    expect(frr.wrap(["nft: flush chain ip citydc X", "nft: delete chain ip citydc X"])).toEqual([
      `f=$(mktemp) && n=$(mktemp) && printf '%s\\n' 'flush chain ip citydc X' 'delete chain ip citydc X' > "$n" && nft -c -f "$n" && nft -f "$n"; rc=$?; rm -f "$f" "$n"; exit $rc`,
    ]);
  });

  it("all three: both checks first, then vtysh, keepalived, nft", () => {
    expect(frr.wrap(["nft: add table ip citydc", "interface eth5", "exit", "keepalived: vrrp 12 interface eth5 address 10.0.0.1/24 priority 110"])).toEqual([
      `f=$(mktemp) && n=$(mktemp) && printf '%s\\n' 'interface eth5' 'exit' > "$f" && vtysh -C -f "$f" && printf '%s\\n' 'add table ip citydc' > "$n" && nft -c -f "$n" && vtysh -f "$f" && vtysh -c 'write memory' && citydc-vrrp 'vrrp 12 interface eth5 address 10.0.0.1/24 priority 110' && nft -f "$n"; rc=$?; rm -f "$f" "$n"; exit $rc`,
    ]);
  });
});

describe("frr: change commands", () => {
  const gw = (vrid: number, address: string): DeviceIntent => base({ gateways: [{ vlan: 120, interface: "eth5", address, vrrp: { vrid, virtualAddress: "10.10.120.1", priority: 110 } }] });

  it("another VRRP group id: the old group goes first; the old address too when it changes", () => {
    const oldG = objectOf(gw(12, "10.10.120.2/24"), "gateway:120");
    const sameAddress = objectOf(gw(13, "10.10.120.2/24"), "gateway:120");
    expect(frr.change!(oldG, sameAddress)).toEqual(["keepalived: no vrrp 12", ...sameAddress.apply]);
    const moved = objectOf(gw(13, "10.10.120.3/24"), "gateway:120");
    expect(frr.change!(oldG, moved)).toEqual(["keepalived: no vrrp 12", "interface eth5", " no ip address 10.10.120.2/24", "exit", ...moved.apply]);
  });

  it("the same group at a new address: the old address goes (zebra adds addresses); nothing else changed: no patch", () => {
    const oldG = objectOf(gw(12, "10.10.120.2/24"), "gateway:120");
    const moved = objectOf(gw(12, "10.10.120.3/24"), "gateway:120");
    expect(frr.change!(oldG, moved)).toEqual(["interface eth5", " no ip address 10.10.120.2/24", "exit", ...moved.apply]);
    expect(frr.change!(oldG, objectOf(gw(12, "10.10.120.2/24"), "gateway:120"))).toBeUndefined();
    // a first group on a plain gateway: the new lines add it
    const plain = objectOf(base({ gateways: [{ vlan: 120, interface: "eth5", address: "10.10.120.2/24" }] }), "gateway:120");
    expect(frr.change!(plain, oldG)).toBeUndefined();
  });

  it("BGP: a gone neighbour and network are taken away inside the process and its address family", () => {
    const b = (neighbors: { address: string; remoteAs: number; description: string }[], networks: string[]) => objectOf(base({ bgp: { asn: 65001, neighbors, networks } }), "bgp");
    const old = b([{ address: "10.0.0.1", remoteAs: 65002, description: "" }, { address: "10.0.0.3", remoteAs: 65003, description: "" }], ["10.1.0.0/16", "10.2.0.0/16"]);
    const next = b([{ address: "10.0.0.3", remoteAs: 65003, description: "" }], ["10.2.0.0/16"]);
    expect(frr.change!(old, next)).toEqual(["router bgp 65001", " no neighbor 10.0.0.1", " address-family ipv4 unicast", "  no network 10.1.0.0/16", " exit-address-family", "exit", ...next.apply]);
    // another AS: the process is replaced
    const other = objectOf(base({ bgp: { asn: 65009, neighbors: [], networks: [] } }), "bgp");
    expect(frr.change!(old, other)).toEqual(["no router bgp 65001", ...other.apply]);
  });

  it("a port that loses its description: the new lines already say `no description`", () => {
    const port = (description: string) => objectOf(base({ ports: [{ name: "eth1", description, enabled: true, mode: "routed" }] }), "port:eth1");
    expect(frr.change!(port("old"), port(""))).toBeUndefined();
  });

  it("a port re-addressed loses the old address; a port that gains its first address needs no patch", () => {
    const port = (address?: string): ConfigObject => objectOf(base({ ports: [{ name: "eth1", description: "", enabled: true, mode: "routed", ...(address ? { address } : {}) }] }), "port:eth1");
    const next = port("10.254.1.2/31");
    expect(frr.change!(port("10.254.1.0/31"), next)).toEqual(["interface eth1", " no ip address 10.254.1.0/31", "exit", ...next.apply]);
    expect(frr.change!(port(), next)).toBeUndefined();
  });
});

describe("frr: read-back of vtysh objects", () => {
  const running = [
    "Building configuration...",
    "",
    "Current configuration:",
    "!",
    "frr version 8.4.4",
    "frr defaults traditional",
    "hostname r1",
    "!",
    "ip route 10.101.0.0/24 10.254.1.1",
    "!",
    "interface eth1",
    " description to isp",
    " ip address 10.254.1.0/31",
    "exit",
    "!",
    "interface eth2",
    " shutdown",
    "exit",
    "!",
    "interface eth5 vrf city",
    " ip address 10.10.120.2/24",
    "exit",
    "!",
    "interface lo",
    " ip address 10.254.0.9/32",
    "exit",
    "!",
    "router bgp 65001",
    " bgp router-id 10.254.0.9",
    " no bgp ebgp-requires-policy",
    " neighbor 10.254.1.3 remote-as 65012",
    " neighbor 10.254.1.1 remote-as 65011",
    " !",
    " address-family ipv4 unicast",
    "  network 10.20.0.0/16",
    "  network 10.10.0.0/16",
    " exit-address-family",
    "exit",
    "!",
    "end",
  ].join("\n");
  const i = base({
    ports: [
      { name: "eth1", description: "to isp", enabled: true, mode: "routed", address: "10.254.1.0/31" },
      { name: "eth2", description: "", enabled: false, mode: "routed" },
      { name: "eth7", description: "", enabled: true, mode: "routed" },
    ],
    loopback: "10.254.0.9",
    gateways: [{ vlan: 120, interface: "eth5", address: "10.10.120.2/24", vrf: "city", vrrp: { vrid: 12, virtualAddress: "10.10.120.1", priority: 110 } }],
    routes: [{ prefix: "10.101.0.0/24", nextHop: "10.254.1.1" }, { prefix: "10.102.0.0/24", nextHop: "10.254.1.1" }],
    bgp: { asn: 65001, routerId: "10.254.0.9", neighbors: [{ address: "10.254.1.1", remoteAs: 65011, description: "" }, { address: "10.254.1.3", remoteAs: 65012, description: "" }], networks: ["10.10.0.0/16", "10.20.0.0/16"] },
  });
  const rb = (key: string, out = running) => frr.parseReadBack(objectOf(i, key), out);

  it("ports: description, address and state as displayed; a port not there is absent", () => {
    expect(rb("port:eth1")).toEqual({ present: true, fields: { name: "eth1", mode: "routed", enabled: true, description: "to isp", address: "10.254.1.0/31" } });
    expect(rb("port:eth2")).toEqual({ present: true, fields: { name: "eth2", mode: "routed", enabled: false, description: "" } });
    expect(rb("port:eth7")).toEqual({ present: false });
    // re-addressed by hand and shut down
    const changed = running.replace(" ip address 10.254.1.0/31", " ip address 10.254.1.8/31\n shutdown").replace(" description to isp\n", "");
    expect(rb("port:eth1", changed)).toEqual({ present: true, fields: { name: "eth1", mode: "routed", enabled: false, description: "", address: "10.254.1.8/31" } });
  });

  it("the loopback is present only with its address", () => {
    expect(rb("port:lo")).toEqual({ present: true, fields: { name: "lo", mode: "loopback", address: "10.254.0.9/32" } });
    expect(rb("port:lo", running.replace("10.254.0.9/32", "10.254.0.10/32"))).toEqual({ present: false });
    // among other addresses and lines of the loopback
    expect(rb("port:lo", running.replace(" ip address 10.254.0.9/32", " description router id\n ip address 10.254.0.77/32\n ip address 10.254.0.9/32")).present).toBe(true);
  });

  it("a gateway: its address on the port (in a VRF), and its keepalived group from `citydc-vrrp show`", () => {
    // one group a line, read whatever their indentation
    const groups = "vrrp 11 interface eth9 address 10.10.9.1/24 priority 100\n  vrrp 12 interface eth5 address 10.10.120.1/24 priority 90  \n";
    expect(rb("gateway:120", `${running}\n${groups}`)).toEqual({ present: true, fields: { vlan: 120, interface: "eth5", address: "10.10.120.2/24", vrid: 12, virtual: "10.10.120.1", priority: 90 } });
    // keepalived has no such group: the address is there, the group is not
    expect(rb("gateway:120", `${running}\nvrrp 11 interface eth9 address 10.10.9.1/24 priority 100\n`)).toEqual({ present: true, fields: { vlan: 120, interface: "eth5", address: "10.10.120.2/24" } });
    expect(rb("gateway:120", running.replace(" ip address 10.10.120.2/24", " ip address 10.10.120.3/24"))).toEqual({ present: false });
    const plain = base({ gateways: [{ vlan: 130, interface: "eth1", address: "10.254.1.0/31" }] });
    expect(frr.parseReadBack(objectOf(plain, "gateway:130"), running)).toEqual({ present: true, fields: { vlan: 130, interface: "eth1", address: "10.254.1.0/31" } });
  });

  it("a route is present when its line is displayed", () => {
    const [r1, r2] = objects(i).filter((o) => o.kind === "route");
    expect(frr.parseReadBack(r1!, running)).toEqual({ present: true, fields: r1!.fields });
    expect(frr.parseReadBack(r2!, running)).toEqual({ present: false });
  });

  it("a VRF's route is displayed inside its vrf block (recorded with FRR 8.4.4), the default VRF's at the top level", () => {
    const shown = fixture("frr/show-running-config-vrf-route.txt");
    const routes = objects(base({ routes: [{ prefix: "10.102.0.0/24", nextHop: "10.254.1.3", vrf: "city" }, { prefix: "10.101.0.0/24", nextHop: "10.254.1.1" }, { prefix: "10.102.0.0/24", nextHop: "10.254.1.3" }, { prefix: "10.101.0.0/24", nextHop: "10.254.1.1", vrf: "city" }, { prefix: "10.102.0.0/24", nextHop: "10.254.1.3", vrf: "uni" }] })).filter((o) => o.kind === "route");
    expect(routes.map((o) => frr.parseReadBack(o, shown).present)).toEqual([true, true, false, false, false]);
    // what is sent names the VRF on the one line (the configuration mode takes it at the top level)
    expect(routes[0]!.apply).toEqual(["ip route 10.102.0.0/24 10.254.1.3 vrf city"]);
    expect(routes[0]!.remove).toEqual(["no ip route 10.102.0.0/24 10.254.1.3 vrf city"]);
  });

  it("BGP: router id, neighbours and networks sorted as citydc compares them; another AS is absent", () => {
    expect(rb("bgp")).toEqual({ present: true, fields: { asn: 65001, routerId: "10.254.0.9", neighbors: ["10.254.1.1 65011", "10.254.1.3 65012"], networks: ["10.10.0.0/16", "10.20.0.0/16"] } });
    const noId = running.replace(" bgp router-id 10.254.0.9\n", "").replace("  network 10.20.0.0/16\n", "");
    expect(rb("bgp", noId)).toEqual({ present: true, fields: { asn: 65001, neighbors: ["10.254.1.1 65011", "10.254.1.3 65012"], networks: ["10.10.0.0/16"] } });
    expect(rb("bgp", running.replace("router bgp 65001", "router bgp 65002"))).toEqual({ present: false });
  });

  it("an object kind FRR does not render reads back absent", () => {
    expect(frr.parseReadBack({ device: "r1", kind: "vlan", key: "vlan:10", summary: "", fields: { id: 10 }, apply: [], remove: [], readBack: "" }, running)).toEqual({ present: false });
  });

  it("the running configuration kept for backups drops vtysh's banner lines, only those", () => {
    expect(frr.runningConfig.command).toBe("vtysh -c 'show running-config'");
    expect(frr.runningConfig.text!("Building configuration...\r\n\r\nCurrent configuration:\r\n!\r\nhostname r1  \r\nend\r\n\r\n")).toBe("!\nhostname r1\nend\n");
    const described = "interface eth1\n description Current configuration:\n description Building configuration... soon\nexit\n";
    expect(frr.runningConfig.text!(described)).toBe(described);
  });
});

describe("frr: vtysh as the lab's login shell (VTYSH_DIALECT)", () => {
  it("the prompt in each mode, at the end of the output only", () => {
    const p = VTYSH_DIALECT.prompt;
    for (const ok of ["r1# ", "r1#", "kg-dc1.border_1(config)# ", "out\nr1(config-if)#", "r1(config-router-af)# "]) expect(p.test(ok), ok).toBe(true);
    for (const no of ["r1> ", "r1# show", "% Unknown command\n", "r1(config)#  ", "(config)# ", "x r1# ", "r1(con fig)# "]) expect(p.test(no), no).toBe(false);
  });

  it("paging off, configure terminal, no commit or abort, end, write memory, errors start with %", () => {
    expect({ ...VTYSH_DIALECT, prompt: undefined, errorPatterns: undefined }).toEqual({ prompt: undefined, errorPatterns: undefined, pagingOff: ["terminal length 0"], enterConfig: ["configure terminal"], commit: [], abort: [], exitConfig: ["end"], save: ["write memory"], confirmations: [] });
    const [err] = VTYSH_DIALECT.errorPatterns;
    expect(VTYSH_DIALECT.errorPatterns).toHaveLength(1);
    expect(err!.test("ip address 10.0.0.1/33\n% Unknown command: ip address 10.0.0.1/33\n")).toBe(true);
    expect(err!.test(" description 100% done\n")).toBe(false);
    expect(err!.test("%Unknown")).toBe(false);
  });
});
