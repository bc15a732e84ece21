/**
 * What each platform can do and how it names things, as data (checked by the inventory's semantic
 * validation before anything is rendered). Sources: each vendor's configuration guide for interface
 * naming and reserved VLAN ranges; Linux limits for ovs and frr.
 */
import type { LacpMode, PlatformName } from "./types";


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
  readonly features: readonly ("l2" | "lag" | "gateway" | "vrrp" | "static-routes" | "bgp")[];
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
  },
  frr: {
    interfacePattern: linuxIfname,
    lagPattern: /^bond\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "exec",
    commit: false,
    features: ["gateway", "static-routes", "bgp"],
    lacp: ["active", "passive", "static"],
  },
  // CloudEngine (VRPv8): GE/10GE/25GE/40GE/100GE/400GE slot/card/port; VLANs 4064-4094 reserved by default.
  "huawei-vrp": {
    interfacePattern: /^(GE|10GE|25GE|40GE|100GE|400GE)\d+\/\d+\/\d+$|^MEth\d+\/\d+\/\d+$/,
    lagPattern: /^Eth-Trunk\d+$/,
    reservedVlans: range(4064, 4094),
    maxVlan: 4094,
    transport: "shell",
    commit: true,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp"],
    // Eth-Trunk `mode lacp-static | manual load-balance`; CE has no passive LACP (Command Reference, Eth-Trunk)
    lacp: ["active", "static"],
  },
  // NX-OS: Ethernet slot/port[/breakout]; VLANs 3968-4094 reserved for internal use by default.
  "cisco-nxos": {
    interfacePattern: /^Ethernet\d+\/\d+(\/\d+)?$|^mgmt0$/,
    lagPattern: /^port-channel\d+$/,
    reservedVlans: range(3968, 4094),
    maxVlan: 4094,
    transport: "shell",
    commit: false,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp"],
    lacp: ["active", "passive", "static"],
  },
  // EOS: Ethernet port[/lane]; internal VLANs are taken from unused IDs, none is reserved outright.
  "arista-eos": {
    interfacePattern: /^Ethernet\d+(\/\d+){0,2}$|^Management\d+$/,
    lagPattern: /^Port-Channel\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "shell",
    commit: false,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp"],
    lacp: ["active", "passive", "static"],
    rdNeedsBgp: true,
  },
  // Junos: type-fpc/pic/port; aggregated Ethernet aeN.
  junos: {
    interfacePattern: /^(ge|xe|et|mge)-\d+\/\d+\/\d+$|^(em|fxp|me)\d+$/,
    lagPattern: /^ae\d+$/,
    reservedVlans: [],
    maxVlan: 4094,
    transport: "exec",
    commit: true,
    features: ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp"],
    lacp: ["active", "passive", "static"],
    // SRX Series (and vSRX) in flow mode: the default policy denies everything (Junos security policies)
    securityZones: /^v?SRX/i,
  },
};

export const PLATFORM_NAMES = Object.keys(CAPABILITIES) as PlatformName[];
