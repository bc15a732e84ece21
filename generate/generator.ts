/**
 * Synthetic inventories of any size, for benchmarks and for the lab at growing device counts.
 *
 * The shape follows the city's design: data-center sites in primary/DR pairs, each a spine-leaf
 * fabric (spines in a network rack, leafs top-of-rack in pairs joined by a peer LAG, servers on access
 * ports and on LACP bonds), VLANs stretched across each primary/DR pair (carried by DCI trunks and listed
 * in the DR protection) and VLANs local to one site, and branch sites (city authorities) on routed WAN
 * links with BGP to a border router of a primary site.
 *
 * `lab: true` gives the same idea on platforms that run on one Linux machine: Open vSwitch switches whose
 * management address is 127.0.0.1 with one SSH port each, leafs single-homed to one spine per site over a
 * two-member LAG (a tree: the lab has no spanning tree, so no L2 loops), FRR for border and branch routers.
 *
 * Pure: no I/O, deterministic for a seed (same options, same document, byte for byte).
 */
import type {
  Device,
  DrProtection,
  Host,
  Interface,
  Inventory,
  Lag,
  Link,
  LinkKind,
  PlatformName,
  Rack,
  Service,
  Site,
  Vlan,
  VlanGateway,
  VlanPurpose,
} from "../model/types";
import { CAPABILITIES } from "../model/capabilities";
import { Random } from "./random";

export interface GenerateOptions {
  /** Data-center sites; consecutive sites form primary/DR pairs (an odd last one is a primary alone). */
  readonly sites: number;
  readonly racksPerSite: number;
  readonly leafsPerRack: number;
  /** Spines per data-center site. */
  readonly spines: number;
  /** Branch sites (city authorities), each with one WAN router. */
  readonly branches: number;
  /** VLANs per data-center site (about 40% of them stretched to the pair's other site). */
  readonly vlans: number;
  /** Physical interfaces per leaf (uplinks, peer links, bonds and access ports together). */
  readonly interfacesPerLeaf: number;
  /** Hosts (servers) per leaf on access ports. */
  readonly hostsPerLeaf: number;
  /** Platform of the data-center switches and routers (lab: always ovs/frr). */
  readonly platform: PlatformName;
  readonly lab: boolean;
  readonly seed: number;
  /** Lab: SSH port of the first device; the others count up from it. */
  readonly portBase: number;
  /** Management login user. */
  readonly user: string;
  /** Inventory name. */
  readonly name?: string;
  /** Prefix of every site name (and so of every device, rack and host name), e.g. "bench-". */
  readonly prefix?: string;
}

export const DEFAULTS: GenerateOptions = {
  sites: 2,
  racksPerSite: 4,
  leafsPerRack: 2,
  spines: 2,
  branches: 5,
  vlans: 20,
  interfacesPerLeaf: 48,
  hostsPerLeaf: 2,
  platform: "huawei-vrp",
  lab: false,
  seed: 1,
  portBase: 22000,
  user: "netops",
};

/** Defaults that differ in lab mode. */
export const LAB_DEFAULTS: Partial<GenerateOptions> = {
  spines: 1,
  branches: 0,
  vlans: 6,
  interfacesPerLeaf: 8,
  hostsPerLeaf: 0,
  platform: "ovs",
  user: "citydc",
};

/** Thrown for options that cannot make a valid inventory; the CLI turns it into a usage error. */
export class GenerateError extends Error {
  override name = "GenerateError";
}

interface Naming {
  readonly access: (n: number) => string;
  readonly fabric: (n: number) => string;
  readonly lag: (n: number) => string;
  readonly models: Readonly<Record<"spine" | "leaf" | "border" | "wan", string>>;
}

const NAMING: Readonly<Record<PlatformName, Naming>> = {
  "huawei-vrp": {
    access: (n) => `10GE1/0/${n}`,
    fabric: (n) => `100GE1/0/${n}`,
    lag: (n) => `Eth-Trunk${n}`,
    models: { spine: "CE8850-64CQ-EI", leaf: "CE6881-48S6CQ", border: "CE6881-48S6CQ", wan: "NetEngine AR6280" },
  },
  "cisco-nxos": {
    access: (n) => `Ethernet1/${n}`,
    fabric: (n) => `Ethernet2/${n}`,
    lag: (n) => `port-channel${n}`,
    models: { spine: "N9K-C9364C", leaf: "N9K-C93180YC-FX", border: "N9K-C93180YC-FX", wan: "N9K-C93108TC-FX" },
  },
  "arista-eos": {
    access: (n) => `Ethernet1/${n}`,
    fabric: (n) => `Ethernet2/${n}`,
    lag: (n) => `Port-Channel${n}`,
    models: { spine: "DCS-7060CX2-32S", leaf: "DCS-7050SX3-48YC8", border: "DCS-7280SR-48C6", wan: "DCS-7020SR-24C2" },
  },
  junos: {
    access: (n) => `xe-0/0/${n}`,
    fabric: (n) => `et-0/1/${n}`,
    lag: (n) => `ae${n}`,
    models: { spine: "QFX5120-32C", leaf: "QFX5120-48Y", border: "MX204", wan: "SRX380" },
  },
  ovs: {
    access: (n) => `p${n}`,
    fabric: (n) => `f${n}`,
    lag: (n) => `bond${n}`,
    models: { spine: "Open vSwitch", leaf: "Open vSwitch", border: "Open vSwitch", wan: "Open vSwitch" },
  },
  frr: {
    access: (n) => `eth${n}`,
    fabric: (n) => `wan${n}`,
    lag: (n) => `bond${n}`,
    models: { spine: "FRRouting", leaf: "FRRouting", border: "FRRouting", wan: "FRRouting" },
  },
};

const CITY_CODES = ["kg", "bg", "ns", "ni", "su", "zr", "pa", "ca", "kv", "sm", "le", "va", "ue", "vr", "sa", "so"];
const AUTHORITIES = [
  "City Hall",
  "Public Utility Company",
  "Civil Registry",
  "Employment Service Office",
  "University",
  "Tax Administration",
  "Cadastre Office",
  "Health Center",
  "Fire Department",
  "Public Library",
];
const STRETCHED_PURPOSES: readonly VlanPurpose[] = ["video", "voice", "backup", "storage", "virtualization", "server"];
const LOCAL_PURPOSES: readonly VlanPurpose[] = ["management", "user", "server", "virtualization", "storage", "guest", "voice"];
const SERVICE_OF: Partial<Record<VlanPurpose, string>> = {
  video: "videoconferencing",
  voice: "telephony",
  backup: "backup",
  storage: "data-protection",
  virtualization: "virtualization",
};

interface DeviceBuilder {
  readonly device: {
    name: string;
    site: string;
    rack?: string;
    position?: number;
    height: number;
    role: Device["role"];
    platform: PlatformName;
    model?: string;
    management: Device["management"];
    loopback?: string;
    interfaces: Interface[];
    lags: Lag[];
    routes: Device["routes"][number][];
    bgp?: Device["bgp"];
  };
  nextAccess: number;
  nextFabric: number;
  nextLag: number;
}

interface VlanBuilder {
  vlan: {
    id: number;
    name: string;
    tenant: string;
    vrf?: string;
    purpose: VlanPurpose;
    description?: string;
    sites: string[];
    subnet?: string;
    gateway?: string;
    gateways: VlanGateway[];
  };
  /** Next host offset in the subnet. */
  nextHost: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GenerateError(`--${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
}

/** Checks the options; throws GenerateError with the option at fault. */
export function checkOptions(o: GenerateOptions): void {
  checkInt("sites", o.sites, 1, 64);
  checkInt("racks-per-site", o.racksPerSite, 1, 500);
  checkInt("leafs-per-rack", o.leafsPerRack, 1, 40);
  checkInt("spines", o.spines, 1, 16);
  checkInt("branches", o.branches, 0, 1000);
  checkInt("vlans", o.vlans, 1, 1000);
  checkInt("interfaces-per-leaf", o.interfacesPerLeaf, 1, 512);
  checkInt("hosts-per-leaf", o.hostsPerLeaf, 0, 512);
  checkInt("seed", o.seed, 0, 2 ** 32 - 1);
  checkInt("port-base", o.portBase, 1024, 65535);
  if (o.prefix !== undefined && !/^([a-z][a-z0-9]{0,11}-)?$/.test(o.prefix)) {
    throw new GenerateError("--prefix must be up to 12 lower-case letters or digits followed by '-', e.g. 'bench-'");
  }
  if (o.lab && o.platform !== "ovs") throw new GenerateError("--lab generates ovs switches; leave out --platform or use --platform ovs");
  if (!o.lab && (o.platform === "frr")) throw new GenerateError("--platform frr has no switching; pick a switch platform (huawei-vrp, cisco-nxos, arista-eos, junos, ovs)");
  const pairs = Math.floor(o.sites / 2);
  const stretched = o.sites > 1 ? stretchedCount(o.vlans) : 0;
  const total = pairs * (stretched + 2 * (o.vlans - stretched)) + (o.sites % 2) * o.vlans + (o.lab ? 0 : o.branches);
  const usable = firstUnreservedCeiling(o.platform) - VLAN_BASE;
  if (total > usable) {
    throw new GenerateError(`${total} VLANs do not fit in the ${usable} free VLAN IDs of ${o.platform}; lower --vlans, --sites or --branches`);
  }
  const uplinkPorts = o.lab ? 2 : o.spines;
  const peerPorts = !o.lab && o.leafsPerRack >= 2 ? 2 : 0;
  if (o.interfacesPerLeaf < uplinkPorts + peerPorts) {
    throw new GenerateError(`--interfaces-per-leaf must be at least ${uplinkPorts + peerPorts} (uplinks and peer links)`);
  }
  if (o.hostsPerLeaf > o.interfacesPerLeaf - uplinkPorts - peerPorts) {
    throw new GenerateError("--hosts-per-leaf must not exceed the leaf's free access ports");
  }
  if (o.lab) {
    const devices = o.sites * (o.spines + o.racksPerSite * o.leafsPerRack) + (o.branches > 0 ? Math.ceil(o.sites / 2) + o.branches : 0);
    if (o.portBase + devices - 1 > 65535) throw new GenerateError("--port-base leaves too few ports for every lab device");
  }
}

const VLAN_BASE = 100;

function stretchedCount(vlans: number): number {
  return Math.max(1, Math.round(vlans * 0.4));
}

/** First VLAN ID above the usable range (reserved ranges start there). */
function firstUnreservedCeiling(platform: PlatformName): number {
  const reserved = CAPABILITIES[platform].reservedVlans;
  const lowest = reserved.length ? Math.min(...reserved) : CAPABILITIES[platform].maxVlan + 1;
  return Math.min(lowest, CAPABILITIES.frr.maxVlan + 1, 4000);
}

function vlanSubnet(k: number): { subnet: string; prefix: string } {
  const prefix = `10.${16 + (k >> 8)}.${k & 255}`;
  return { subnet: `${prefix}.0/24`, prefix };
}

/** /31 point-to-point pairs from 172.16.0.0/12. */
function p2p(k: number): [string, string] {
  const base = k * 2;
  const prefix = `172.${16 + (base >> 16)}.${(base >> 8) & 255}`;
  const last = base & 255;
  return [`${prefix}.${last}/31`, `${prefix}.${last + 1}/31`];
}

/** Builds a synthetic inventory (defaults applied, as the loader would return it). */
export function generateInventory(options: GenerateOptions): Inventory {
  checkOptions(options);
  const o = options;
  const rng = new Random(o.seed);
  const switchPlatform: PlatformName = o.lab ? "ovs" : o.platform;
  const routerPlatform: PlatformName = o.lab ? "frr" : o.platform === "ovs" ? "frr" : o.platform;
  const sw = NAMING[switchPlatform];
  const rt = NAMING[routerPlatform];
  const switchRoutes = CAPABILITIES[switchPlatform].features.includes("gateway");

  const sites: Site[] = [];
  const racks: Rack[] = [];
  const builders: DeviceBuilder[] = [];
  const vlans: VlanBuilder[] = [];
  const links: Link[] = [];
  const hosts: Host[] = [];
  const services: Service[] = [];
  const dr: DrProtection[] = [];

  let deviceIndex = 0;
  let vlanIndex = 0;
  let p2pIndex = 0;
  let nextVlanId = VLAN_BASE;

  const newDevice = (d: Omit<DeviceBuilder["device"], "management" | "interfaces" | "lags" | "routes">): DeviceBuilder => {
    const i = deviceIndex++;
    const management: Device["management"] = o.lab
      ? { address: "127.0.0.1", port: o.portBase + i, user: o.user }
      : { address: `10.250.${(i >> 8) & 255}.${(i & 255) + (i >> 16)}`, port: 22, user: o.user };
    const b: DeviceBuilder = { device: { ...d, management, interfaces: [], lags: [], routes: [] }, nextAccess: 1, nextFabric: 1, nextLag: 1 };
    builders.push(b);
    return b;
  };
  const fabricPort = (b: DeviceBuilder, extra: Partial<Interface> = {}): Interface => {
    const naming = NAMING[b.device.platform];
    const itf: Interface = { name: naming.fabric(b.nextFabric++), ...(o.lab ? {} : { speed: "100G" }), enabled: true, ...extra };
    b.device.interfaces.push(itf);
    return itf;
  };
  const accessPort = (b: DeviceBuilder, extra: Partial<Interface> = {}): Interface => {
    const naming = NAMING[b.device.platform];
    const itf: Interface = { name: naming.access(b.nextAccess++), ...(o.lab ? {} : { speed: "10G" }), enabled: true, ...extra };
    b.device.interfaces.push(itf);
    return itf;
  };
  const newLag = (b: DeviceBuilder, lag: Omit<Lag, "name">): Lag => {
    const l: Lag = { name: NAMING[b.device.platform].lag(b.nextLag++), ...lag };
    b.device.lags.push(l);
    return l;
  };
  const link = (a: [DeviceBuilder, string], z: [DeviceBuilder, string], kind: LinkKind, bgp = false): void => {
    links.push({ a: { device: a[0].device.name, interface: a[1] }, b: { device: z[0].device.name, interface: z[1] }, kind, bgp });
  };
  const newVlan = (purpose: VlanPurpose, siteNames: string[], tenant: string): VlanBuilder => {
    const id = nextVlanId++;
    const { subnet, prefix } = vlanSubnet(vlanIndex++);
    const vb: VlanBuilder = {
      vlan: { id, name: `${purpose}-${id}`, tenant, purpose, sites: siteNames, subnet, gateways: [] },
      nextHost: 10,
    };
    if (switchRoutes) {
      vb.vlan.vrf = tenant;
      vb.vlan.gateway = `${prefix}.1`;
    }
    vlans.push(vb);
    return vb;
  };

  // ------------------------------------------------------------- data-center sites, in pairs
  interface DcSite {
    site: Site;
    spines: DeviceBuilder[];
    leafs: DeviceBuilder[];
    vlans: VlanBuilder[];
    border?: DeviceBuilder;
  }
  const dcSites: DcSite[] = [];
  for (let s = 0; s < o.sites; s++) {
    const pair = Math.floor(s / 2);
    const code = CITY_CODES[pair % CITY_CODES.length]! + (pair >= CITY_CODES.length ? String(Math.floor(pair / CITY_CODES.length) + 1) : "");
    const isDr = s % 2 === 1;
    const pre = o.prefix ?? "";
    const name = isDr ? `${pre}${code}-dr` : `${pre}${code}-dc`;
    const site: Site = isDr
      ? { name, role: "dr", protects: `${pre}${code}-dc`, description: `disaster-recovery site of ${code}-dc`, asn: 65000 + s }
      : { name, role: "primary", description: `data center ${code}`, asn: 65000 + s };
    sites.push(site);
    const dc: DcSite = { site, spines: [], leafs: [], vlans: [] };
    dcSites.push(dc);

    // Network rack: spines (2 U each) from the top.
    const netRack = `${name}-net`;
    racks.push({ name: netRack, site: name, height: 42, description: "network rack" });
    for (let i = 1; i <= o.spines; i++) {
      const b = newDevice({
        name: `${name}-spine${pad(i)}`,
        site: name,
        rack: netRack,
        position: 43 - 2 * i,
        height: 2,
        role: "spine",
        platform: switchPlatform,
        model: sw.models.spine,
      });
      if (!o.lab) b.device.loopback = `10.255.${s}.${i}`;
      dc.spines.push(b);
    }
    for (let r = 1; r <= o.racksPerSite; r++) {
      const rack = `${name}-r${pad(r, 3)}`;
      racks.push({ name: rack, site: name, height: 42, description: `server rack ${r}` });
      for (let l = 1; l <= o.leafsPerRack; l++) {
        const b = newDevice({
          name: `${name}-r${pad(r, 3)}-leaf${pad(l)}`,
          site: name,
          rack,
          position: 43 - l,
          height: 1,
          role: "leaf",
          platform: switchPlatform,
          model: sw.models.leaf,
        });
        dc.leafs.push(b);
      }
    }
  }

  // ------------------------------------------------------------- VLANs: stretched per pair, local per site
  for (let s = 0; s < dcSites.length; s++) {
    const dc = dcSites[s]!;
    const partner = s % 2 === 0 ? dcSites[s + 1] : undefined;
    if (partner) {
      const count = stretchedCount(o.vlans);
      for (let i = 0; i < count; i++) {
        const purpose = STRETCHED_PURPOSES[i % STRETCHED_PURPOSES.length]!;
        const v = newVlan(purpose, [dc.site.name, partner.site.name], i % 5 === 4 ? "university" : "city");
        v.vlan.description = `${purpose}, stretched to ${partner.site.name}`;
        dc.vlans.push(v);
        partner.vlans.push(v);
      }
    }
  }
  for (const dc of dcSites) {
    const stretched = dc.vlans.length;
    for (let i = 0; i < o.vlans - stretched; i++) {
      const purpose = LOCAL_PURPOSES[i % LOCAL_PURPOSES.length]!;
      const v = newVlan(purpose, [dc.site.name], purpose !== "management" && i % 5 === 4 ? "university" : "city");
      v.vlan.description = `${purpose}, local to ${dc.site.name}`;
      dc.vlans.push(v);
    }
  }
  // Gateways (where the switches route; ovs does not): the site's first two spines, VRRP; a stretched
  // VLAN is also served by the DR site's spines at lower priority.
  if (switchRoutes) {
    for (const v of vlans) {
      const prefix = v.vlan.subnet!.slice(0, v.vlan.subnet!.lastIndexOf("."));
      let offset = 2;
      let priority = 120;
      for (const siteName of v.vlan.sites) {
        const dc = dcSites.find((d) => d.site.name === siteName)!;
        for (const spine of dc.spines.slice(0, 2)) {
          v.vlan.gateways.push({ device: spine.device.name, address: `${prefix}.${offset++}`, priority });
          priority -= 10;
        }
      }
    }
  }

  // ------------------------------------------------------------- fabric: leafs to spines, leaf pairs, DCI
  for (const dc of dcSites) {
    const accessVlans = dc.vlans.filter((v) => v.vlan.purpose !== "management");
    const bondVlans = dc.vlans.filter((v) => v.vlan.purpose === "virtualization" || v.vlan.purpose === "storage");
    for (let li = 0; li < dc.leafs.length; li++) {
      const leaf = dc.leafs[li]!;
      let used = 0;
      if (o.lab) {
        // Single-homed to spine 1 over a two-member LACP bond.
        const spine = dc.spines[0]!;
        const leafLag = newLag(leaf, { lacp: "active", mode: "trunk", allowed: "all", description: `uplink to ${spine.device.name}` });
        const spineLag = newLag(spine, { lacp: "active", mode: "trunk", allowed: "all", description: `downlink to ${leaf.device.name}` });
        for (let m = 0; m < 2; m++) {
          const a = fabricPort(leaf, { lag: leafLag.name });
          const z = fabricPort(spine, { lag: spineLag.name });
          link([leaf, a.name], [spine, z.name], "fabric");
        }
        used += 2;
      } else {
        for (const spine of dc.spines) {
          const a = fabricPort(leaf, { mode: "trunk", allowed: "all" });
          const z = fabricPort(spine, { mode: "trunk", allowed: "all" });
          link([leaf, a.name], [spine, z.name], "fabric");
          used++;
        }
        // Leaf pairs (1+2, 3+4, ... in a rack): a peer LAG of two links.
        const inRack = li % o.leafsPerRack;
        const partner = inRack % 2 === 0 && inRack + 1 < o.leafsPerRack ? dc.leafs[li + 1] : undefined;
        const isSecond = inRack % 2 === 1;
        if (partner || isSecond) used += 2;
        if (partner) {
          const la = newLag(leaf, { lacp: "active", mode: "trunk", allowed: "all", description: `peer link to ${partner.device.name}` });
          const lb = newLag(partner, { lacp: "active", mode: "trunk", allowed: "all", description: `peer link to ${leaf.device.name}` });
          for (let m = 0; m < 2; m++) {
            const a = fabricPort(leaf, { lag: la.name });
            const z = fabricPort(partner, { lag: lb.name });
            link([leaf, a.name], [partner, z.name], "peer");
          }
        }
      }
      // Server side: hosts first, then bonds every 12 ports, access ports, ~10% unused.
      const free = o.interfacesPerLeaf - used;
      let hostsLeft = o.hostsPerLeaf;
      let port = 0;
      while (port < free) {
        if (hostsLeft > 0) {
          const v = pickWithRoom(rng, accessVlans);
          const itf = accessPort(leaf, { mode: "access", vlan: v.vlan.id, description: `server ${leaf.device.name}-h${o.hostsPerLeaf - hostsLeft + 1}` });
          const prefix = v.vlan.subnet!.slice(0, v.vlan.subnet!.lastIndexOf("."));
          const host: Host = {
            name: `${leaf.device.name}-h${o.hostsPerLeaf - hostsLeft + 1}`,
            tenant: v.vlan.tenant,
            attach: { device: leaf.device.name, interface: itf.name },
            address: `${prefix}.${v.nextHost++}/24`,
            ...(v.vlan.gateway ? { gateway: v.vlan.gateway } : {}),
          };
          hosts.push(host);
          hostsLeft--;
          port++;
          continue;
        }
        if (!o.lab && bondVlans.length > 0 && port % 12 === 11 && port + 2 <= free) {
          const allowed = bondVlans.map((v) => v.vlan.id).sort((a, b) => a - b);
          const lag = newLag(leaf, { lacp: "active", mode: "trunk", allowed, description: "server bond (hypervisor)" });
          accessPort(leaf, { lag: lag.name });
          accessPort(leaf, { lag: lag.name });
          port += 2;
          continue;
        }
        if (rng.chance(0.1)) {
          accessPort(leaf, { enabled: false });
        } else {
          accessPort(leaf, { mode: "access", vlan: rng.pick(accessVlans).vlan.id });
        }
        port++;
      }
    }
  }
  // DCI trunks between the spines of each pair (spine i to spine i, at most two), carrying the stretched VLANs.
  for (let s = 0; s + 1 < dcSites.length; s += 2) {
    const primary = dcSites[s]!;
    const drSite = dcSites[s + 1]!;
    const stretched = primary.vlans.filter((v) => v.vlan.sites.length > 1).map((v) => v.vlan.id).sort((a, b) => a - b);
    const n = Math.min(2, primary.spines.length, drSite.spines.length);
    for (let i = 0; i < n; i++) {
      const a = fabricPort(primary.spines[i]!, { mode: "trunk", allowed: stretched, description: `DCI to ${drSite.site.name}` });
      const z = fabricPort(drSite.spines[i]!, { mode: "trunk", allowed: stretched, description: `DCI to ${primary.site.name}` });
      link([primary.spines[i]!, a.name], [drSite.spines[i]!, z.name], "dci");
    }
    // DR protection: services by purpose (city tenant), and the other stretched VLANs.
    const code = primary.site.name.replace(/-dc$/, "").slice((o.prefix ?? "").length);
    const byService = new Map<string, number[]>();
    for (const v of primary.vlans) {
      if (v.vlan.sites.length < 2 || v.vlan.tenant !== "city") continue;
      const svc = SERVICE_OF[v.vlan.purpose];
      if (!svc) continue;
      const list = byService.get(svc) ?? [];
      list.push(v.vlan.id);
      byService.set(svc, list);
    }
    const serviceNames: string[] = [];
    const covered = new Set<number>();
    for (const [svc, ids] of byService) {
      const name = `${svc}-${code}`;
      services.push({ name, tenant: "city", vlans: ids, description: `${svc} of ${primary.site.name}` });
      serviceNames.push(name);
      ids.forEach((id) => covered.add(id));
    }
    dr.push({ site: drSite.site.name, protects: primary.site.name, vlans: stretched.filter((id) => !covered.has(id)), services: serviceNames });
  }

  // ------------------------------------------------------------- branches on routed WAN links with BGP
  const primaries = dcSites.filter((d) => d.site.role === "primary");
  for (let bi = 0; bi < o.branches; bi++) {
    const dc = primaries[bi % primaries.length]!;
    if (!dc.border) {
      const si = dcSites.indexOf(dc);
      const border = newDevice({
        name: `${dc.site.name}-border01`,
        site: dc.site.name,
        rack: `${dc.site.name}-net`,
        position: 43 - 2 * o.spines - 2,
        height: 1,
        role: "border",
        platform: routerPlatform,
        model: rt.models.border,
        loopback: `10.255.${si}.100`,
      });
      border.device.bgp = { asn: dc.site.asn!, routerId: `10.255.${si}.100`, networks: [], neighbors: [] };
      dc.border = border;
      if (switchRoutes) {
        // Border to spine 1: a routed link (where the spines route).
        const [a, z] = p2p(p2pIndex++);
        const bp = fabricPort(border, { mode: "routed", address: a, description: `to ${dc.spines[0]!.device.name}` });
        const sp = fabricPort(dc.spines[0]!, { mode: "routed", address: z, description: `to ${border.device.name}` });
        link([border, bp.name], [dc.spines[0]!, sp.name], "uplink");
      }
    }
    const authority = AUTHORITIES[bi % AUTHORITIES.length]!;
    const slug = authority.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-+$/, "");
    const round = Math.floor(bi / AUTHORITIES.length);
    const siteName = `${o.prefix ?? ""}br-${slug}${round ? `-${round + 1}` : ""}`;
    const asn = 4200000000 + bi;
    sites.push({ name: siteName, role: "branch", authority, description: `${authority} (branch ${bi + 1})`, tenant: bi % AUTHORITIES.length === 4 ? "university" : "city", asn });
    const rack = `${siteName}-r01`;
    racks.push({ name: rack, site: siteName, height: 12, description: "branch cabinet" });
    const wan = newDevice({
      name: `${siteName}-wan01`,
      site: siteName,
      rack,
      position: 10,
      height: 1,
      role: "wan",
      platform: routerPlatform,
      model: rt.models.wan,
      loopback: `10.254.${bi >> 8}.${bi & 255}`,
    });
    const networks: string[] = [];
    if (CAPABILITIES[routerPlatform].features.includes("l2")) {
      // The branch LAN: a VLAN routed by the WAN router.
      const lan = `10.${200 + (bi >> 8)}.${bi & 255}`;
      const id = nextVlanId++;
      vlans.push({
        vlan: {
          id,
          name: `user-${id}`,
          tenant: bi % AUTHORITIES.length === 4 ? "university" : "city",
          vrf: bi % AUTHORITIES.length === 4 ? "university" : "city",
          purpose: "user",
          description: `${authority} office LAN`,
          sites: [siteName],
          subnet: `${lan}.0/24`,
          gateway: `${lan}.1`,
          gateways: [{ device: wan.device.name }],
        },
        nextHost: 10,
      });
      accessPort(wan, { mode: "access", vlan: id, speed: "10G", description: "office LAN" });
      networks.push(`${lan}.0/24`);
    }
    wan.device.bgp = { asn, routerId: wan.device.loopback, networks, neighbors: [] };
    const [a, z] = p2p(p2pIndex++);
    const border = dc.border!;
    const bp = fabricPort(border, { mode: "routed", address: a, description: `WAN to ${authority}` });
    const wp = fabricPort(wan, { mode: "routed", address: z, description: `WAN to ${dc.site.name}` });
    if (!o.lab) {
      // a fabric-class port at 40G: every platform's fabric ports run at it (CE 100GE: `speed 40000`)
      (bp as { speed?: string }).speed = "40G";
      (wp as { speed?: string }).speed = "40G";
    }
    link([border, bp.name], [wan, wp.name], "wan", true);
  }

  return {
    version: 1,
    name: o.name ?? `synthetic-${o.lab ? "lab-" : ""}${builders.length}`,
    description:
      `Synthetic inventory from \`citydc generate\` (seed ${o.seed}): ${o.sites} data-center sites, ` +
      `${o.racksPerSite} racks per site, ${o.leafsPerRack} leafs per rack, ${o.branches} branches.`,
    tenants: [
      { name: "city", description: "City of Kragujevac administration" },
      { name: "university", description: "University of Kragujevac (tenant)" },
    ],
    vrfs: o.lab
      ? []
      : [
          { name: "city", tenant: "city", rd: "65000:1" },
          { name: "university", tenant: "university", rd: "65000:2" },
        ],
    sites,
    racks,
    devices: builders.map((b) => b.device as Device),
    vlans: vlans.map((v) => orderedVlan(v.vlan)).sort((a, b) => a.id - b.id),
    links,
    hosts,
    services,
    dr,
  };
}

/** The VLAN's fields in the order an engineer reads them. */
function orderedVlan(v: VlanBuilder["vlan"]): Vlan {
  const out: Record<string, unknown> = {};
  for (const key of ["id", "name", "tenant", "vrf", "purpose", "description", "sites", "subnet", "gateway", "gateways"] as const) {
    if (v[key] !== undefined) out[key] = v[key];
  }
  return out as unknown as Vlan;
}

/** A VLAN whose subnet still has room for a host (a /24 holds hosts .10 to .250). */
function pickWithRoom(rng: Random, candidates: readonly VlanBuilder[]): VlanBuilder {
  const start = rng.int(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[(start + i) % candidates.length]!;
    if (v.nextHost <= 250) return v;
  }
  throw new GenerateError("too many hosts for the VLANs' /24 subnets; raise --vlans or lower --hosts-per-leaf");
}

/** Counts, for reports and benchmarks. */
export function countInventory(inv: Inventory): { sites: number; racks: number; devices: number; interfaces: number; lags: number; vlans: number; links: number; hosts: number } {
  let interfaces = 0;
  let lags = 0;
  for (const d of inv.devices) {
    interfaces += d.interfaces.length;
    lags += d.lags.length;
  }
  return {
    sites: inv.sites.length,
    racks: inv.racks.length,
    devices: inv.devices.length,
    interfaces,
    lags,
    vlans: inv.vlans.length,
    links: inv.links.length,
    hosts: inv.hosts.length,
  };
}
