/**
 * The contract of the intent layer: what each device must carry, platform neutral. intent/derive.ts
 * produces it from the model; every platform module renders it (platforms/). Pure data, no syntax.
 */
import type { LacpMode, PlatformName, StpMode } from "../model/types";

export interface VlanIntent {
  readonly id: number;
  readonly name: string;
}

export interface PortIntent {
  /** Interface or LAG name on the device. */
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly speed?: string;
  readonly mtu?: number;
  readonly mode: "access" | "trunk" | "routed" | "unused";
  readonly vlan?: number;
  /** Trunk: allowed VLANs after pruning, sorted ascending. */
  readonly allowed?: readonly number[];
  readonly native?: number;
  /** Routed: "10.0.0.1/31". */
  readonly address?: string;
  readonly vrf?: string;
  /** For a LAG member: the LAG it belongs to (the member carries no mode of its own). */
  readonly lag?: string;
  /** Spanning-tree role, on a switch port of a device that runs spanning tree. */
  readonly stp?: PortStpIntent;
}

/**
 * A switch port's spanning-tree role, derived from what it faces (or set in the inventory): edge towards
 * hosts, hypervisors and routers (with BPDU protection), loop guard on a leaf's, access or border
 * switch's uplinks to spines and cores, root guard on their downlinks.
 */
export interface PortStpIntent {
  readonly edge?: boolean;
  readonly guard?: "loop" | "root";
}

/** The device's spanning tree (its site chooses the protocol). */
export interface StpIntent {
  readonly mode: StpMode;
  /** Bridge priority; absent: the platform's default (32768), not written. */
  readonly priority?: number;
  /** MSTP region: name, revision, instances beyond 0 (the same on every switch of the region). */
  readonly region: string;
  readonly revision: number;
  readonly instances: readonly { readonly id: number; readonly vlans: readonly number[] }[];
  /** Edge ports shut down when a BPDU arrives (set when the device has any edge port). */
  readonly bpduProtection: boolean;
  /** VLANs the device knows (per-VLAN protocols set the priority per VLAN). */
  readonly vlans: readonly number[];
  /** Ports by role (platforms that set port roles in the spanning-tree section, not the interface). */
  readonly edge: readonly string[];
  readonly loopGuard: readonly string[];
  readonly rootGuard: readonly string[];
  /** The device is one of a multi-chassis LAG pair (the pair runs as one bridge where the platform can). */
  readonly mlag: boolean;
}

export interface LagIntent {
  readonly name: string;
  readonly lacp: LacpMode;
  readonly members: readonly string[];
  /** The LAG's own port settings (mode, VLANs, description). */
  readonly port: PortIntent;
  /** One half of a multi-chassis LAG: its id, the same on both switches of the pair (the LAG's number). */
  readonly mlag?: { readonly id: number };
  /** The peer link of the device's multi-chassis pair. */
  readonly peerLink?: boolean;
}

/** The device's side of a multi-chassis LAG pair. */
export interface MlagIntent {
  readonly name: string;
  readonly domain: number;
  readonly peer: string;
  /** The first device of the pair is the primary (it wins the role election). */
  readonly role: "primary" | "secondary";
  readonly peerLink: string;
  /** Keepalive: this switch's address and the peer's (with prefix length on a peer-VLAN platform). */
  readonly localAddress: string;
  readonly peerAddress: string;
  /** The VLAN on the peer link for the pair's own traffic (platforms that keep alive over it). */
  readonly peerVlan: number;
  /** The dual-homed LAGs, by name and id. */
  readonly lags: readonly { readonly name: string; readonly id: number }[];
}

export interface GatewayIntent {
  readonly vlan: number;
  /**
   * Platforms without VLAN interfaces (frr): the routed port that faces the VLAN (its far end is a switch
   * port in that VLAN). Absent on switches, which use an SVI / VLANIF.
   */
  readonly interface?: string;
  readonly vrf?: string;
  /** This device's address with prefix length, "10.120.0.2/24". */
  readonly address: string;
  /** Set when two or more devices serve the subnet. */
  readonly vrrp?: { readonly vrid: number; readonly virtualAddress: string; readonly priority: number };
}

export interface RouteIntent {
  readonly prefix: string;
  readonly nextHop: string;
  readonly vrf?: string;
}

export interface BgpIntent {
  readonly asn: number;
  readonly routerId?: string;
  readonly networks: readonly string[];
  readonly neighbors: readonly { readonly address: string; readonly remoteAs: number; readonly description: string }[];
}

export interface VrfIntent {
  readonly name: string;
  /** Route distinguisher "ASN:NN" when the inventory gives one. */
  readonly rd?: string;
}

/**
 * A flow-mode firewall (capabilities `securityZones`) forwards only between zone interfaces under a
 * policy: one zone with every routed interface, the loopback and the VLAN interfaces, and a policy that
 * permits traffic inside it (what the inventory says: the device routes between them).
 */
export interface SecurityIntent {
  readonly zone: string;
  /** Routed interfaces and LAGs, by name. */
  readonly interfaces: readonly string[];
  /** VLAN interfaces (gateways), by VLAN id. */
  readonly vlans: readonly number[];
  readonly loopback: boolean;
  /** Services the device itself answers on zone interfaces ("ping", "ssh"). */
  readonly services: readonly string[];
  /** Protocols the device itself speaks on zone interfaces ("bgp"). */
  readonly protocols: readonly string[];
}

/** A QoS class on a device: its DSCP, its queue (0..7) and how the device's links treat it. */
export interface QosClassIntent {
  readonly name: string;
  readonly dscp: number;
  readonly queue: number;
  readonly treatment: "priority" | "guaranteed" | "limited" | "default";
  /** Percent of the link; absent for the default class. */
  readonly share?: number;
}

/** One marking rule: traffic entering from a VLAN (at its gateway) or a routed port gets a class's DSCP. */
export interface QosMarkIntent {
  /** Where: the gateway of this VLAN (its SVI / VLANIF, or on frr the routed port `interface` facing it)... */
  readonly vlan?: number;
  /** ...or this routed port or LAG (also the frr gateway's port). */
  readonly interface?: string;
  /** Source prefix the rule matches ("any" for a port's whole traffic). */
  readonly source: string;
  readonly protocol?: "tcp" | "udp";
  /** Destination ports; empty: every port. */
  readonly ports: readonly number[];
  readonly class: string;
  readonly dscp: number;
}

/**
 * The device's QoS: the classes (the same on every device), the ports that trust the DSCP they receive and
 * queue by class on the way out (every port towards another network device), and the marking it applies.
 */
export interface QosIntent {
  readonly classes: readonly QosClassIntent[];
  /** Ports and LAGs, by name, sorted. */
  readonly trust: readonly string[];
  readonly marking: readonly QosMarkIntent[];
}

/** One access-list entry; first match wins. */
export interface AclEntryIntent {
  readonly action: "permit" | "deny";
  readonly protocol: "ip" | "tcp" | "udp" | "icmp";
  /** "10.10.130.0/24" or "any". */
  readonly source: string;
  readonly destination: string;
  /** tcp/udp: source ports (the replies of an allowed flow). */
  readonly sourcePorts?: readonly number[];
  /** tcp/udp: destination ports. */
  readonly destinationPorts?: readonly number[];
  /** tcp: only packets of an established connection (ACK or RST set). */
  readonly established?: boolean;
  /** icmp: only this type ("echo-reply"). */
  readonly icmpType?: "echo-reply";
  /** What put it there: a rule name, "tenant-isolation", "management", "reply to RULE", "default". */
  readonly reason: string;
}

/**
 * An inbound ACL where traffic enters the network: at a VLAN's gateway (from the VLAN's subnet) or on a
 * routed port that faces a branch site (whatever arrives there is that site's tenant's).
 */
export interface AclIntent {
  /** "CITYDC-V130-IN", "CITYDC-KG-JKP-IN" (intent/policy.ts aclName). */
  readonly name: string;
  readonly vlan?: number;
  /** The routed port (or frr gateway port) it is applied to. */
  readonly interface?: string;
  readonly vrf?: string;
  readonly entries: readonly AclEntryIntent[];
}

export interface DeviceIntent {
  readonly device: string;
  readonly site: string;
  readonly platform: PlatformName;
  readonly role: string;
  /** VLANs the device must know, sorted by id. */
  readonly vlans: readonly VlanIntent[];
  /** Every interface of the device (not LAGs), sorted by name in natural order. */
  readonly ports: readonly PortIntent[];
  readonly lags: readonly LagIntent[];
  readonly gateways: readonly GatewayIntent[];
  readonly routes: readonly RouteIntent[];
  readonly bgp?: BgpIntent;
  /** Loopback / router-id address without prefix length. */
  readonly loopback?: string;
  /** VRFs the device's gateways, routed ports and routes use, sorted by name. */
  readonly vrfs: readonly VrfIntent[];
  /** Interface and VLAN that carry management: changes must never cut them. */
  readonly management: {
    readonly interface?: string;
    readonly vlan?: number;
    /** In-band management: the address (with prefix length) on the management VLAN's interface. */
    readonly inband?: { readonly vlan: number; readonly address: string };
  };
  /** Multi-chassis LAG pair the device is in. */
  readonly mlag?: MlagIntent;
  /** Spanning tree, when the device's site runs one and the device takes part. */
  readonly stp?: StpIntent;
  /** Flow-mode firewalls only: the zone and policy that let routed traffic through. */
  readonly security?: SecurityIntent;
  /** Quality of service, when the inventory has a qos section. */
  readonly qos?: QosIntent;
  /** Inbound ACLs, when the inventory has a policies section and the device is where traffic enters. */
  readonly acls?: readonly AclIntent[];
}
