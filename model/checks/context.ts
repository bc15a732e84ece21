/**
 * What every check shares: the inventory, index maps built once (so each check is linear), and a
 * reporter. Checks report JSON paths; the loader turns them into line, column and object names.
 * Indexes keep the FIRST object with a given name; duplicates are the `unique` check's business.
 */
import { didYouMeanWithin } from "../suggest";
import type { Device, Interface, Inventory, LacpMode, Lag, PortMode } from "../types";

/** "Did you mean" suggestions per run; past this, unknown names are reported without one (bounded work). */
const SUGGESTION_BUDGET = 500;
/** Candidates compared, in all suggestions of a run together (each comparison is bounded by the name length limit). */
const CANDIDATE_BUDGET = 200_000;

export interface Finding {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export interface DeviceEntry {
  readonly device: Device;
  readonly index: number;
  /** Interface name -> index in device.interfaces. */
  readonly interfaces: Map<string, number>;
  /** LAG name -> index in device.lags. */
  readonly lags: Map<string, number>;
  /** LAG name -> indexes of its member interfaces. */
  readonly members: Map<string, number[]>;
}

/** The port a link end or host names: a physical interface or a LAG, with its path. */
export interface Port {
  readonly device: DeviceEntry;
  readonly kind: "interface" | "lag";
  readonly name: string;
  readonly path: string;
  readonly iface?: Interface;
  readonly lag?: Lag;
}

/** What a port carries: a LAG member carries its LAG's settings. */
export interface PortSettings {
  readonly mode?: PortMode;
  readonly vlan?: number;
  readonly allowed?: readonly number[] | "all";
  readonly native?: number;
  readonly address?: string;
  readonly vrf?: string;
  readonly speed?: string;
  /** The LAG this port is or belongs to. */
  readonly lag?: string;
  /** That LAG's LACP mode. */
  readonly lacp?: LacpMode;
}

export interface Use {
  readonly path: string;
  readonly what: string;
}

export function endpointKey(device: string, port: string): string {
  return device + "\u0000" + port;
}

function firstIndex<T>(items: readonly T[], key: (x: T) => string | number): Map<any, number> {
  const m = new Map<string | number, number>();
  items.forEach((x, i) => {
    const k = key(x);
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

export class CheckContext {
  readonly findings: Finding[] = [];
  /** Findings past `limit` are counted here, not stored (a file can hold millions of problems). */
  readonly omitted = { errors: 0, warnings: 0 };
  /** Most findings stored; the loader passes its diagnostics cap. */
  limit = Infinity;
  readonly tenants: Map<string, number>;
  readonly vrfs: Map<string, number>;
  readonly sites: Map<string, number>;
  readonly racks: Map<string, number>;
  readonly devices = new Map<string, DeviceEntry>();
  readonly vlans: Map<number, number>;
  readonly services: Map<string, number>;
  readonly hosts: Map<string, number>;
  /** Which links and hosts use each device port (`endpointKey`); LAG members and LAGs counted separately. */
  readonly portUses = new Map<string, Use[]>();
  /** device -> the first mlag pair (and its index) it is in. */
  readonly mlagOf = new Map<string, { readonly pair: NonNullable<Inventory["mlag"]>[number]; readonly index: number }>();
  /** site -> VLAN ID -> index of the VLAN that ID means there (the first one; conflicts are `unique`'s). */
  private readonly vlansBySite = new Map<string, Map<number, number>>();

  constructor(readonly inv: Inventory) {
    this.tenants = firstIndex(inv.tenants, (t) => t.name);
    this.vrfs = firstIndex(inv.vrfs, (v) => v.name);
    this.sites = firstIndex(inv.sites, (s) => s.name);
    this.racks = firstIndex(inv.racks, (r) => r.name);
    this.vlans = firstIndex(inv.vlans, (v) => v.id);
    this.services = firstIndex(inv.services, (s) => s.name);
    this.hosts = firstIndex(inv.hosts, (h) => h.name);
    inv.devices.forEach((device, index) => {
      if (this.devices.has(device.name)) return;
      const members = new Map<string, number[]>();
      device.interfaces.forEach((i, k) => {
        if (i.lag === undefined) return;
        const list = members.get(i.lag);
        if (list) list.push(k);
        else members.set(i.lag, [k]);
      });
      this.devices.set(device.name, {
        device,
        index,
        interfaces: firstIndex(device.interfaces, (i) => i.name),
        lags: firstIndex(device.lags, (l) => l.name),
        members,
      });
    });
    inv.links.forEach((l, k) => {
      this.use(l.a.device, l.a.interface, { path: `/links/${k}/a`, what: `link ${l.a.device}:${l.a.interface} <-> ${l.b.device}:${l.b.interface}` });
      this.use(l.b.device, l.b.interface, { path: `/links/${k}/b`, what: `link ${l.a.device}:${l.a.interface} <-> ${l.b.device}:${l.b.interface}` });
    });
    inv.hosts.forEach((h, k) => this.use(h.attach.device, h.attach.interface, { path: `/hosts/${k}/attach`, what: `host ${h.name}` }));
    (inv.mlag ?? []).forEach((pair, index) => {
      for (const d of pair.devices) if (!this.mlagOf.has(d)) this.mlagOf.set(d, { pair, index });
    });
    inv.vlans.forEach((v, i) => {
      for (const site of v.sites) {
        let m = this.vlansBySite.get(site);
        if (!m) this.vlansBySite.set(site, (m = new Map()));
        if (!m.has(v.id)) m.set(v.id, i);
      }
    });
  }

  /** The VLAN an ID means at a site (VLANs in groups may reuse an ID elsewhere), if one is defined there. */
  vlanAt(site: string, id: number): { readonly index: number; readonly vlan: Inventory["vlans"][number] } | undefined {
    const i = this.vlansBySite.get(site)?.get(id);
    return i === undefined ? undefined : { index: i, vlan: this.inv.vlans[i]! };
  }

  private use(device: string, port: string, use: Use): void {
    const key = endpointKey(device, port);
    const list = this.portUses.get(key);
    if (list) list.push(use);
    else this.portUses.set(key, [use]);
  }

  private suggestions = 0;
  private compared = 0;

  /** " (did you mean 'x'?)" for a near miss, within a per-run budget. */
  suggest(name: string, candidates: Iterable<string>): string {
    if (this.suggestions >= SUGGESTION_BUDGET || this.compared >= CANDIDATE_BUDGET) return "";
    this.suggestions++;
    const r = didYouMeanWithin(name, candidates, CANDIDATE_BUDGET - this.compared);
    this.compared += r.examined;
    return r.text;
  }

  error(code: string, path: string, message: string, hint: string): void {
    if (this.findings.length >= this.limit) this.omitted.errors++;
    else this.findings.push({ code, severity: "error", path, message, hint });
  }

  warn(code: string, path: string, message: string, hint: string): void {
    if (this.findings.length >= this.limit) this.omitted.warnings++;
    else this.findings.push({ code, severity: "warning", path, message, hint });
  }

  /** The interface or LAG `name` of device `device`, if both exist. */
  port(device: string, name: string): Port | undefined {
    const d = this.devices.get(device);
    if (!d) return undefined;
    const i = d.interfaces.get(name);
    if (i !== undefined) return { device: d, kind: "interface", name, path: `/devices/${d.index}/interfaces/${i}`, iface: d.device.interfaces[i] };
    const l = d.lags.get(name);
    if (l !== undefined) return { device: d, kind: "lag", name, path: `/devices/${d.index}/lags/${l}`, lag: d.device.lags[l] };
    return undefined;
  }

  /** What the port carries; a LAG member carries its LAG's mode and VLANs (speed stays the member's). */
  settings(port: Port): PortSettings {
    if (port.kind === "lag") {
      const l = port.lag!;
      return { mode: l.mode, vlan: l.vlan, allowed: l.allowed, native: l.native, address: l.address, vrf: l.vrf, lag: l.name, lacp: l.lacp };
    }
    const i = port.iface!;
    if (i.lag !== undefined) {
      const li = port.device.lags.get(i.lag);
      const l = li === undefined ? undefined : port.device.device.lags[li];
      if (l) return { mode: l.mode, vlan: l.vlan, allowed: l.allowed, native: l.native, address: l.address, vrf: l.vrf, speed: i.speed, lag: l.name, lacp: l.lacp };
    }
    return { mode: i.mode, vlan: i.vlan, allowed: i.allowed, native: i.native, address: i.address, vrf: i.vrf, speed: i.speed };
  }

  /** The site of a device, if the device exists. */
  siteOf(device: string): string | undefined {
    return this.devices.get(device)?.device.site;
  }
}

export type Check = (ctx: CheckContext) => void;

/** VLAN IDs a port setting refers to (access VLAN, native, explicit allowed list). */
export function vlansOf(s: { vlan?: number; native?: number; allowed?: readonly number[] | "all" }): number[] {
  const out: number[] = [];
  if (s.vlan !== undefined) out.push(s.vlan);
  if (s.native !== undefined) out.push(s.native);
  if (Array.isArray(s.allowed)) out.push(...s.allowed);
  return out;
}
