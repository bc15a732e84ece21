/**
 * The inventory document: what a network engineer writes in YAML, after the loader has applied
 * defaults. This is the contract between the inventory layer and everything downstream (intent,
 * platforms, components, diff, lab). The JSON Schema in inventory/schema/inventory.schema.json
 * describes the same shape; keep the two in step.
 *
 * Natural keys (used for identity everywhere: diffs, Pulumi names, error paths):
 *   tenant.name, vrf.name, site.name, rack.name, device.name, `${device}:${interface}`,
 *   `${device}:${lag}`, vlan.id (`${group}/${id}` for a VLAN in a group), link = the two ends sorted,
 *   host.name, service.name, dr.site, mlag.name, vlanGroup.name.
 */

export type SiteRole = "primary" | "dr" | "branch";
export type DeviceRole = "core" | "spine" | "leaf" | "access" | "border" | "wan";
export type PlatformName = "ovs" | "frr" | "huawei-vrp" | "cisco-nxos" | "arista-eos" | "junos";
export type PortMode = "access" | "trunk" | "routed";
export type LinkKind = "fabric" | "uplink" | "dci" | "wan" | "peer";
export type VlanPurpose =
  | "management"
  | "voice"
  | "video"
  | "backup"
  | "storage"
  | "virtualization"
  | "user"
  | "interconnect"
  | "server"
  | "guest";
export type LacpMode = "active" | "passive" | "static";
export type StpMode = "mstp" | "rstp";

export interface Tenant {
  readonly name: string;
  readonly description?: string;
}

export interface Vrf {
  readonly name: string;
  readonly tenant: string;
  readonly description?: string;
  /** Route distinguisher, "ASN:NN". */
  readonly rd?: string;
}

export interface Site {
  readonly name: string;
  readonly role: SiteRole;
  readonly description?: string;
  /** For role dr: the primary site this site protects. */
  readonly protects?: string;
  /** For role branch: the city authority served there ("City Hall"). */
  readonly authority?: string;
  readonly tenant?: string;
  /** BGP AS number used by the site's routers. */
  readonly asn?: number;
  /** Spanning tree of the site's switches; absent: citydc writes no spanning-tree line. */
  readonly stp?: SiteStp;
}

export interface MstInstance {
  readonly id: number;
  readonly vlans: readonly number[];
}

export interface SiteStp {
  readonly mode: StpMode;
  /** MSTP region name; default the site name (applied in intent, so the diff sees what was written). */
  readonly region?: string;
  /** MSTP revision level, default 0. */
  readonly revision: number;
  /** MSTP instances beyond 0 (which carries every VLAN not listed). */
  readonly instances: readonly MstInstance[];
}

export interface DeviceStp {
  /** Bridge priority, 0..61440 in steps of 4096. Default: derived from the role (core/spine are root). */
  readonly priority?: number;
  /** false: this switch runs no spanning tree even though its site does. Default true. */
  readonly enabled: boolean;
}

/** A port's spanning-tree role when the derived one is not right. */
export interface PortStp {
  readonly edge?: boolean;
  readonly guard?: "loop" | "root" | "none";
}

export interface Rack {
  readonly name: string;
  readonly site: string;
  /** Height in rack units. */
  readonly height: number;
  readonly description?: string;
}

export interface Management {
  /** Address the tool logs in to (IPv4 or IPv6, no prefix length). */
  readonly address: string;
  /** SSH port, default 22. */
  readonly port: number;
  /** Login user. The password or key is never in the inventory: stack config secrets or environment. */
  readonly user: string;
  /** Pinned SSH host key, "ssh-ed25519 AAAA..." (optional in the inventory; the lab writes it in stack config). */
  readonly hostKey?: string;
  /** Interface that carries management traffic on the device; never shut or moved by a change. */
  readonly interface?: string;
  /** VLAN that carries management traffic; never removed from the management path by a change. */
  readonly vlan?: number;
  /** In-band management: the address is on the VLAN interface of `vlan`. */
  readonly inband?: Inband;
}

export interface Inband {
  /** Prefix length of the management address in the management VLAN. */
  readonly prefixLength: number;
  /** Default gateway for management traffic (a default route). */
  readonly gateway?: string;
}

export interface Interface {
  /** Platform interface name, e.g. "10GE1/0/5" (huawei-vrp), "Ethernet1/5" (nxos), "p1" (ovs). */
  readonly name: string;
  readonly description?: string;
  /** "1G", "10G", "25G", "40G", "100G", "400G". */
  readonly speed?: string;
  /** Absent: unused, or a LAG member (then the LAG carries the mode). */
  readonly mode?: PortMode;
  /** Access mode: the VLAN. */
  readonly vlan?: number;
  /** Trunk mode: allowed VLANs; "all" (default) lets intent prune to what is needed beyond the trunk. */
  readonly allowed?: readonly number[] | "all";
  /** Trunk mode: untagged (native) VLAN. */
  readonly native?: number;
  /** Routed mode: "10.0.0.1/31". */
  readonly address?: string;
  /** Routed mode: VRF of the address (default: global table). */
  readonly vrf?: string;
  /** Name of the LAG on this device that this interface is a member of. */
  readonly lag?: string;
  /** Default true. */
  readonly enabled: boolean;
  /** IP MTU: the largest IP packet the port carries (layer 2 ports get a frame size that fits it). */
  readonly mtu?: number;
  readonly stp?: PortStp;
}

export interface Lag {
  /** "Eth-Trunk1" (huawei-vrp), "port-channel10" (nxos), "Port-Channel10" (eos), "ae0" (junos), "bond0" (ovs). */
  readonly name: string;
  readonly description?: string;
  readonly lacp: LacpMode;
  readonly mode: PortMode;
  readonly vlan?: number;
  readonly allowed?: readonly number[] | "all";
  readonly native?: number;
  readonly address?: string;
  readonly vrf?: string;
  /** IP MTU (members take it). */
  readonly mtu?: number;
  /** One half of a multi-chassis LAG (the device's mlag pair has the same LAG on the peer). Default false. */
  readonly mlag?: boolean;
  readonly stp?: PortStp;
}

export interface StaticRoute {
  /** "0.0.0.0/0" */
  readonly prefix: string;
  readonly nextHop: string;
  readonly vrf?: string;
}

export interface BgpNeighbor {
  readonly address: string;
  readonly remoteAs: number;
  readonly description?: string;
}

export interface Bgp {
  readonly asn: number;
  readonly routerId?: string;
  /** Prefixes to advertise. */
  readonly networks: readonly string[];
  /** Explicit neighbors; DCI/WAN links with `bgp: true` add theirs automatically. */
  readonly neighbors: readonly BgpNeighbor[];
}

export interface Device {
  readonly name: string;
  readonly site: string;
  readonly rack?: string;
  /** Lowest rack unit the device occupies (1-based). */
  readonly position?: number;
  /** Height in rack units, default 1. */
  readonly height: number;
  readonly role: DeviceRole;
  readonly platform: PlatformName;
  readonly model?: string;
  readonly management: Management;
  /** Loopback / router-id address, no prefix length. */
  readonly loopback?: string;
  readonly interfaces: readonly Interface[];
  readonly lags: readonly Lag[];
  readonly routes: readonly StaticRoute[];
  readonly bgp?: Bgp;
  readonly stp?: DeviceStp;
}

export interface VlanGateway {
  readonly device: string;
  /** This device's own address in the subnet (without prefix length). Defaults to the VLAN gateway when only one device routes the VLAN. */
  readonly address?: string;
  /** VRRP priority (default 100; the first listed device gets 110). */
  readonly priority?: number;
}

/** A scope for VLAN IDs: the sites where its VLANs' IDs mean something. */
export interface VlanGroup {
  readonly name: string;
  readonly sites: readonly string[];
  readonly description?: string;
}

export interface Vlan {
  readonly id: number;
  /** VLAN group: the ID is unique within it and may mean another VLAN at other sites. */
  readonly group?: string;
  readonly name: string;
  readonly tenant: string;
  readonly vrf?: string;
  readonly purpose: VlanPurpose;
  readonly description?: string;
  /** Sites where the VLAN exists; a VLAN at a primary and its DR site is stretched. */
  readonly sites: readonly string[];
  /** "10.120.0.0/24" */
  readonly subnet?: string;
  /** Default gateway (the VRRP virtual address when two devices route it). */
  readonly gateway?: string;
  /** Devices with a gateway interface (SVI / VLANIF) for the VLAN; two or more: VRRP. */
  readonly gateways: readonly VlanGateway[];
  /** VRRP group id, default the VLAN id modulo 255 (1..255). */
  readonly vrid?: number;
}

export interface LinkEnd {
  readonly device: string;
  /** An interface or LAG name of that device. */
  readonly interface: string;
}

export interface Link {
  readonly a: LinkEnd;
  readonly b: LinkEnd;
  readonly kind: LinkKind;
  readonly description?: string;
  /** Run BGP across this link (routed ends with addresses; uses the devices' bgp.asn). */
  readonly bgp: boolean;
}

/** Two switches that terminate LAGs together (M-LAG, vPC, MLAG, MC-LAG). */
export interface MlagPair {
  readonly name: string;
  /** The two switches; the first is the primary. */
  readonly devices: readonly [string, string];
  /** Domain / DFS group / redundancy group number, default 1. */
  readonly domain: number;
  /** The LAG (same name on both) that joins them. */
  readonly peerLink: string;
  /** Keepalive addresses in device order (default the management addresses); arista-eos: with prefix length. */
  readonly keepalive?: readonly [string, string];
  /** arista-eos: the peer VLAN (default 4094). */
  readonly peerVlan?: number;
}

export interface Host {
  /** A server or endpoint on an access port (the lab starts one network namespace per host). */
  readonly name: string;
  readonly tenant: string;
  readonly attach: LinkEnd;
  /** "10.120.0.10/24" */
  readonly address: string;
  readonly gateway?: string;
  readonly description?: string;
}

export interface Service {
  readonly name: string;
  readonly description?: string;
  readonly tenant: string;
  readonly vlans: readonly number[];
}

export interface DrProtection {
  /** The DR site. */
  readonly site: string;
  /** The primary site it protects. */
  readonly protects: string;
  /** VLANs the DR site must carry for its primary (same ID and subnet, carried by a DCI link). */
  readonly vlans: readonly number[];
  /** Services (by name) the DR site must carry; their VLANs are protected too. */
  readonly services: readonly string[];
}

/** A QoS class: what its packets carry (DSCP) and how a link treats them. */
export interface QosClass {
  readonly name: string;
  /** DSCP by name ("ef", "af41", "cs3", "cs6", "cs1", "default") or number 0..63. */
  readonly dscp: string;
  /**
   * priority: a strict-priority queue held to `share` (voice); guaranteed: at least `share` of the link
   * (video, signalling, network control); limited: at most `share` (scavenger); default: what is left.
   */
  readonly treatment: "priority" | "guaranteed" | "limited" | "default";
  /** Percent of the link's bandwidth (not for treatment default). */
  readonly share?: number;
}

/** A class as the inventory lists it: a default's name with what changes, or a new class in full. */
export type QosClassOverride = Pick<QosClass, "name"> & Partial<Omit<QosClass, "name">>;

/** What marks traffic with a class where it enters the network (a gateway's VLAN, a subnet, a port). */
export interface QosMark {
  readonly class: string;
  readonly vlan?: number;
  readonly subnet?: string;
  /** With `interface`: a routed port that marks what enters it. */
  readonly device?: string;
  readonly interface?: string;
  /** Only this protocol and these destination ports (e.g. SIP signalling in the voice VLAN). */
  readonly protocol?: "tcp" | "udp";
  readonly ports: readonly number[];
}

export interface Qos {
  /**
   * The classes as the file lists them: each overrides the default class of its name (its missing fields
   * taken from it) or adds one. `qosClasses` (model/policy.ts) gives the six defaults merged with these.
   */
  readonly classes: readonly QosClassOverride[];
  /** Explicit marking, before the marking derived from VLAN purposes (voice, video, backup). */
  readonly marking: readonly QosMark[];
  /** Derive marking from VLAN purposes; default true. */
  readonly markByPurpose: boolean;
}

/** One side of a policy rule: everything it names together (any one of these keys). */
export interface PolicyEndpoint {
  readonly tenant?: string;
  readonly vrf?: string;
  readonly vlan?: number;
  readonly service?: string;
  readonly host?: string;
  readonly site?: string;
  readonly subnet?: string;
  /** The management network (the management VLAN's subnet and the devices' management addresses). */
  readonly management?: boolean;
  /** Anything. */
  readonly any?: boolean;
}

export interface PolicyRule {
  readonly name: string;
  readonly action: "allow" | "deny";
  readonly from: PolicyEndpoint;
  readonly to: PolicyEndpoint;
  /** Default any. */
  readonly protocol: "any" | "tcp" | "udp" | "icmp";
  /** Destination ports (tcp, udp); empty: every port. */
  readonly ports: readonly number[];
  readonly description?: string;
}

export interface Policies {
  /** Traffic between tenants is denied unless a rule allows it; default true. */
  readonly tenantIsolation: boolean;
  /** The management network is reachable only from its VLAN and the jump hosts. */
  readonly management: { readonly vlan?: number; readonly jumpHosts: readonly string[] };
  /** First match wins, before the defaults above. */
  readonly rules: readonly PolicyRule[];
}

export interface Inventory {
  /** Inventory format version; 1. */
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  readonly tenants: readonly Tenant[];
  readonly vrfs: readonly Vrf[];
  readonly sites: readonly Site[];
  readonly racks: readonly Rack[];
  readonly devices: readonly Device[];
  readonly vlans: readonly Vlan[];
  /** Set by the loader (empty when the file has none); optional for inventories built in code. */
  readonly vlanGroups?: readonly VlanGroup[];
  readonly links: readonly Link[];
  /** Set by the loader (empty when the file has none); optional for inventories built in code. */
  readonly mlag?: readonly MlagPair[];
  readonly hosts: readonly Host[];
  readonly services: readonly Service[];
  readonly dr: readonly DrProtection[];
  /** Quality of service; absent: citydc writes no QoS configuration. */
  readonly qos?: Qos;
  /** Traffic policies (ACLs); absent: citydc writes no ACLs. */
  readonly policies?: Policies;
}

/** A diagnostic that a person can act on. Codes are stable (tests assert codes, not wording). */
export interface Diagnostic {
  /** e.g. "E_REF_UNKNOWN", "E_VLAN_RESERVED", "E_YAML_SYNTAX". */
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly file: string;
  /** 1-based; 0 when unknown. */
  readonly line: number;
  readonly column: number;
  /** JSON path of the object at fault, e.g. "/devices/3/interfaces/5/vlan". */
  readonly path: string;
  /** Natural key of the object at fault, e.g. "device kg-dc1-leaf01 interface 10GE1/0/5". */
  readonly object?: string;
  readonly message: string;
  readonly hint: string;
}
