/**
 * What each platform can do and how it names things, as data (checked by the inventory's semantic
 * validation before anything is rendered). Sources: each vendor's configuration guide for interface
 * naming and reserved VLAN ranges; Linux limits for ovs and frr.
 */
import type { LacpMode, PlatformName, StpMode } from "./types";


export interface PlatformCapabilities {
  /** Full-match pattern for physical interface names. */
  readonly interfacePattern: RegExp;
  /** Full-match pattern for LAG names. */
  readonly lagPattern: RegExp;
  /** VLAN IDs the platform reserves (cannot be configured). */
  readonly reservedVlans: readonly number[];
  readonly maxVlan: number;
  /** How configuration is delivered: an SSH exec channel or an interactive CLI shell. */
  readonly transport: "exec" | "shell";
  /** Candidate configuration with an explicit commit. */
  readonly commit: boolean;
  readonly features: readonly ("l2" | "lag" | "gateway" | "vrrp" | "static-routes" | "bgp" | "inband")[];
  /** LACP modes a LAG may use (static: no LACP). */
  readonly lacp: readonly LacpMode[];
  /**
   * Models (matched against the device's `model`) that are flow-mode firewalls: they forward only between
   * interfaces in security zones, under a policy that permits it (Junos SRX). citydc then puts every
   * routed interface into one zone with a policy that permits what the inventory routes.
   */
  readonly securityZones?: RegExp;
  /** A VRF's route distinguisher lives in the BGP process: without BGP on the device it is not set. */
  readonly rdNeedsBgp?: boolean;
  /**
   * IP MTU limits in bytes where the platform sets an MTU per port: `l3Max` for routed ports, `l2Max` for
   * switch ports (whose frame size must hold the packet, its Ethernet header and a VLAN tag). Absent: the
   * platform has no per-port MTU setting.
   */
  readonly mtu?: { readonly l3Max: number; readonly l2Max: number };
  /**
   * The speeds a port can be set to, by its name: the first row whose pattern matches decides, and a
   * port no row matches takes any speed. Absent: speed is no port setting here (virtual links).
   */
  readonly speeds?: readonly { readonly name: RegExp; readonly speeds: readonly string[] }[];
  /** Spanning-tree protocols the platform runs (empty: none). */
  readonly stp: readonly StpMode[];
  /** LAGs take no part in the spanning tree (a loop through one is not broken). */
  readonly stpSkipsLags?: boolean;
  /**
   * Multi-chassis LAG pairs: where the keepalive runs (`management`: between the pair's management or
   * given addresses; `peer-vlan`: on a VLAN interface over the peer link, addresses with prefix length) and
   * which spanning-tree protocols a pair can run. Absent: not supported.
   */
  readonly mlag?: { readonly keepalive: "management" | "peer-vlan"; readonly stp: readonly StpMode[] };
}

const linuxIfname = /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/; // IFNAMSIZ 16 incl. NUL

/** Inclusive range as an array of numbers. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const CAPABILITIES: Readonly<Record<PlatformName, PlatformCapabilities>> = {
  ovs: {
    interfacePattern: linuxIfname,
    lagPattern: /^bond\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "exec",
    commit: false,
    features: ["l2", "lag"],
    lacp: ["active", "passive", "static"],
    // `mtu_request` on the Interface row (ovs-vswitchd.conf.db(5)); the Linux MTU is the IP MTU
    mtu: { l3Max: 9216, l2Max: 9216 },
    // RSTP only (bridge `rstp_enable`); bonds take no part in it (ovs-vswitchd.conf.db(5), RSTP)
    stp: ["rstp"],
    stpSkipsLags: true,
    // A pair of OVS switches as one LACP end (the twin's M-LAG): a downstream bond to both aggregates only
    // the members towards one partner system, the others stand by (Open vSwitch's LACP); not active-active.
    mlag: { keepalive: "management", stp: ["rstp"] },
  },
  frr: {
    interfacePattern: linuxIfname,
    lagPattern: /^bond\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "exec",
    commit: false,
    features: ["gateway", "vrrp", "static-routes", "bgp"],
    lacp: ["active", "passive", "static"],
    // zebra has no MTU command (a Linux link setting, outside vtysh); no spanning tree, no MLAG
    stp: [],
  },
  // CloudEngine (VRPv8): GE/10GE/25GE/40GE/50GE/100GE/200GE/400GE slot/card/port, chassis/slot/card/port
  // in a CSS cluster (10GE1/1/0/1), and split ports named after their parent with `:lane` (100GE1/0/1:1,
  // `port split dimension interface`); VLANs 4064-4094 reserved by default.
  "huawei-vrp": {
    interfacePattern: /^(GE|10GE|25GE|40GE|50GE|100GE|200GE|400GE)\d+(\/\d+){2,3}(:[1-8])?$|^MEth\d+\/\d+\/\d+$/,
    lagPattern: /^Eth-Trunk\d+$/,
    reservedVlans: range(4064, 4094),
    maxVlan: 4094,
    transport: "shell",
    commit: true,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp", "inband"],
    // Eth-Trunk `mode lacp-static | manual load-balance`; CE has no passive LACP (Command Reference, Eth-Trunk)
    lacp: ["active", "static"],
    // `mtu` (46..9600) on layer 3 interfaces; `jumboframe enable` (1518..9500, default 9216) on layer 2 ones
    mtu: { l3Max: 9216, l2Max: 9216 },
    // a port runs at its name's speed; 10GE at 1G (`speed 1000`), GE at 100M (`speed 100`), 100GE at 40G
    // (`speed 40000`); a split lane at what the split and the cable give (nothing to set); 25GE ports change
    // speed in groups (`port mode`), which citydc leaves alone
    speeds: [
      { name: /:\d+$/, speeds: ["10G", "25G", "50G", "100G"] },
      { name: /^GE/, speeds: ["1G", "100M"] },
      { name: /^10GE/, speeds: ["10G", "1G"] },
      { name: /^25GE/, speeds: ["25G"] },
      { name: /^40GE/, speeds: ["40G"] },
      { name: /^50GE/, speeds: ["50G"] },
      { name: /^100GE/, speeds: ["100G", "40G"] },
      { name: /^200GE/, speeds: ["200G"] },
      { name: /^400GE/, speeds: ["400G"] },
    ],
    stp: ["mstp", "rstp"],
    // M-LAG: DFS group over the management (MEth) addresses; with V-STP the pair runs RSTP or STP only
    mlag: { keepalive: "management", stp: ["rstp"] },
  },
  // NX-OS: Ethernet slot/port[/breakout]; VLANs 3968-4094 reserved for internal use by default.
  "cisco-nxos": {
    interfacePattern: /^Ethernet\d+\/\d+(\/\d+)?$|^mgmt0$/,
    lagPattern: /^port-channel\d+$/,
    reservedVlans: range(3968, 4094),
    maxVlan: 4094,
    transport: "shell",
    commit: false,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp", "inband"],
    lacp: ["active", "passive", "static"],
    // `mtu` 576..9216 on layer 3 ports; layer 2 ports take only 1500 or the system jumbo MTU (9216)
    mtu: { l3Max: 9216, l2Max: 9216 },
    speeds: [{ name: /^Ethernet/, speeds: ["100M", "1G", "10G", "25G", "40G", "50G", "100G", "200G", "400G"] }],
    // `spanning-tree mode mst | rapid-pvst` (rstp is rapid-pvst: RSTP per VLAN)
    stp: ["mstp", "rstp"],
    // vPC: peer-keepalive over mgmt0 (vrf management) by default
    mlag: { keepalive: "management", stp: ["mstp", "rstp"] },
  },
  // EOS: Ethernet port[/lane]; internal VLANs are taken from unused IDs, none is reserved outright.
  "arista-eos": {
    interfacePattern: /^Ethernet\d+(\/\d+){0,2}$|^Management\d+$/,
    lagPattern: /^Port-Channel\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "shell",
    commit: false,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp", "inband"],
    lacp: ["active", "passive", "static"],
    rdNeedsBgp: true,
    // `mtu` (68..9214) on routed and switch ports alike
    mtu: { l3Max: 9214, l2Max: 9214 },
    speeds: [{ name: /^Ethernet/, speeds: ["100M", "1G", "2.5G", "5G", "10G", "25G", "40G", "50G", "100G", "200G", "400G", "800G"] }],
    stp: ["mstp", "rstp"],
    // MLAG: the peer address lives on a VLAN interface over the peer link
    mlag: { keepalive: "peer-vlan", stp: ["mstp", "rstp"] },
  },
  // Junos: type-fpc/pic/port; aggregated Ethernet aeN.
  junos: {
    interfacePattern: /^(ge|xe|et|mge)-\d+\/\d+\/\d+$|^(em|fxp|me)\d+$/,
    lagPattern: /^ae\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "shell",
    commit: true,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp", "inband"],
    lacp: ["active", "passive", "static"],
    // the interface `mtu` is the media MTU (Ethernet header included, at most 9216): IP MTU + 14, + 18 tagged
    mtu: { l3Max: 9202, l2Max: 9198 },
    // the name follows the optic: ge- 1G (100M settable), xe- 10G, et- 25G and up (channelised in the
    // chassis, not per port), mge- multi-rate
    speeds: [
      { name: /^ge-/, speeds: ["1G", "100M"] },
      { name: /^xe-/, speeds: ["10G"] },
      { name: /^et-/, speeds: ["25G", "40G", "50G", "100G", "200G", "400G", "800G"] },
      { name: /^mge-/, speeds: ["100M", "1G", "2.5G", "5G", "10G"] },
    ],
    stp: ["mstp", "rstp"],
    // MC-LAG: ICCP between the pair's addresses, the ICL as the peer link
    mlag: { keepalive: "management", stp: ["mstp", "rstp"] },
    // SRX Series (and vSRX) in flow mode: the default policy denies everything (Junos security policies)
    securityZones: /^v?SRX/i,
  },
};

export const PLATFORM_NAMES = Object.keys(CAPABILITIES) as PlatformName[];
