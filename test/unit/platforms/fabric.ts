/**
 * One small fabric on any vendor platform (used by the golden fabric test and the read-back tests): two
 * spines as a multi-chassis LAG pair (M-LAG, vPC, MLAG, MC-LAG) joined by a peer LAG, VRRP gateways (one in
 * a VRF), a leaf dual-homed to both spines with one LACP LAG, an access port, a hypervisor trunk with a
 * native VLAN, a spare port, a routed WAN port with a static route and eBGP, and spanning tree: MSTP with
 * one extra instance, or RSTP on huawei-vrp (an M-LAG pair runs V-STP, which is RSTP); QoS (default classes,
 * marking by purpose and of SIP) and two policy rules (a branch's video allowed in, SSH from voice to video denied).
 */
import type { Inventory, PlatformName } from "../../../model/types";
import { device, host, iface, inventory, lag, link, vlan } from "../helpers/inventory";

/** Interface names per platform: uplink1, uplink2, peer1, peer2, access, hypervisor, spare, wan; and LAG names. */
export const NAMES: Record<string, { i: string[]; lag: (n: number) => string }> = {
  "huawei-vrp": { i: ["100GE1/0/1", "100GE1/0/2", "100GE1/0/63", "100GE1/0/64", "10GE1/0/1", "10GE1/0/2", "10GE1/0/48", "10GE1/0/47"], lag: (n) => `Eth-Trunk${n}` },
  "cisco-nxos": { i: ["Ethernet1/49", "Ethernet1/50", "Ethernet1/53", "Ethernet1/54", "Ethernet1/1", "Ethernet1/2", "Ethernet1/48", "Ethernet1/47"], lag: (n) => `port-channel${n}` },
  "arista-eos": { i: ["Ethernet49", "Ethernet50", "Ethernet53", "Ethernet54", "Ethernet1", "Ethernet2", "Ethernet48", "Ethernet47"], lag: (n) => `Port-Channel${n}` },
  junos: { i: ["et-0/0/49", "et-0/0/50", "et-0/0/53", "et-0/0/54", "xe-0/0/1", "xe-0/0/2", "xe-0/0/48", "xe-0/0/47"], lag: (n) => `ae${n}` },
};

export function fabric(platform: PlatformName): Inventory {
  const { i, lag: L } = NAMES[platform]!;
  const [up1, up2, peer1, peer2, access, hyper, spare, wan] = i as [string, string, string, string, string, string, string, string];
  const spine = (name: string, n: number) =>
    device(name, "dc1", {
      platform,
      role: "spine",
      loopback: `10.254.0.${n}`,
      management: { address: `192.0.2.${n}`, port: 22, user: "netops" },
      interfaces: [
        iface(up1, { lag: L(11) }),
        iface(peer1, { lag: L(1) }),
        iface(peer2, { lag: L(1) }),
        ...(n === 1 ? [iface(wan, { mode: "routed", address: "10.254.1.0/31" })] : []),
      ],
      lags: [lag(L(1), { allowed: "all" }), lag(L(11), { allowed: [10, 120, 130, 140], mlag: true })],
      routes: n === 1 ? [{ prefix: "10.101.0.0/24", nextHop: "10.254.1.1" }] : [],
    });
  return inventory({
    vrfs: [{ name: "city", tenant: "city", rd: "65001:100" }],
    sites: [
      {
        name: "dc1",
        role: "primary",
        asn: 65001,
        stp: platform === "huawei-vrp" ? { mode: "rstp", revision: 0, instances: [] } : { mode: "mstp", region: "dc1-fabric", revision: 1, instances: [{ id: 1, vlans: [120, 130] }] },
      },
      { name: "br1", role: "branch", asn: 65011 },
    ],
    mlag: [{ name: "spines", devices: ["spine1", "spine2"], domain: 10, peerLink: L(1), ...(platform === "arista-eos" ? { keepalive: ["10.255.255.0/31", "10.255.255.1/31"] as [string, string] } : {}) }],
    devices: [
      spine("spine1", 1),
      spine("spine2", 2),
      device("leaf1", "dc1", {
        platform,
        management: { address: "192.0.2.11", port: 22, user: "netops" },
        interfaces: [
          iface(up1, { lag: L(1) }),
          iface(up2, { lag: L(1) }),
          iface(access, { mode: "access", vlan: 120 }),
          iface(hyper, { mode: "trunk", allowed: [10, 130, 140], native: 10 }),
          iface(spare, { enabled: false, description: "spare" }),
        ],
        lags: [lag(L(1))],
      }),
      device("wan1", "br1", { platform: "frr", role: "wan", interfaces: [iface("eth1", { mode: "routed", address: "10.254.1.1/31" })], bgp: { asn: 65011, networks: ["10.101.0.0/24"], neighbors: [] } }),
    ],
    vlans: [
      vlan(10, "management", ["dc1"]),
      vlan(120, "video", ["dc1"], { purpose: "video", vrf: "city", subnet: "10.10.120.0/24", gateway: "10.10.120.1", gateways: [{ device: "spine1", address: "10.10.120.2" }, { device: "spine2", address: "10.10.120.3" }] }),
      vlan(130, "voice", ["dc1"], { purpose: "voice", subnet: "10.10.130.0/24", gateway: "10.10.130.1", gateways: [{ device: "spine1" }] }),
      vlan(140, "backup", ["dc1"]),
    ],
    links: [
      link(`spine1 ${peer1}`, `spine2 ${peer1}`, { kind: "peer" }),
      link(`spine1 ${peer2}`, `spine2 ${peer2}`, { kind: "peer" }),
      link(`leaf1 ${up1}`, `spine1 ${up1}`),
      link(`leaf1 ${up2}`, `spine2 ${up1}`),
      link(`spine1 ${wan}`, "wan1 eth1", { kind: "wan", bgp: true }),
    ],
    hosts: [host("mcu1", `leaf1 ${access}`, "10.10.120.10/24")],
    // QoS: the default classes; video and voice marked by purpose at their gateways, SIP as signalling
    qos: { classes: [], markByPurpose: true, marking: [{ subnet: "10.10.130.0/24", protocol: "udp", ports: [5060], class: "signalling" }] },
    // policy: the branch may send video (RTP) to VLAN 120; voice may not log in to the video systems
    policies: {
      tenantIsolation: true,
      management: { jumpHosts: [] },
      rules: [
        { name: "branch-video", action: "allow", from: { site: "br1" }, to: { vlan: 120 }, protocol: "udp", ports: [5004] },
        { name: "no-ssh-to-video", action: "deny", from: { vlan: 130 }, to: { vlan: 120 }, protocol: "tcp", ports: [22] },
      ],
    },
  });
}

