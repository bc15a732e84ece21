/**
 * What the lab must start for an inventory, as data (pure: no I/O). Switches are the ovs devices,
 * routers the frr devices; devices of other platforms cannot run here and are listed as skipped.
 * Every name the lab creates starts with "citydc" so `lab down` finds it and touches nothing else.
 */
import type { Inventory, Device } from "../model/types";
import { LabError } from "./run";
import { naturalCompare } from "../util/natural";

export const PREFIX = "citydc";
/** Root of the lab's run directories (one per device). */
export const RUN_ROOT = "/run/citydc-lab";
/** Interface name inside a host's namespace. */
export const HOST_IFNAME = "eth0";
/** The login whose shell is vtysh (on routers), for the interactive shell driver. */
export const CLI_USER = "citydc-cli";

export interface LabDevice {
  readonly name: string;
  readonly kind: "switch" | "router";
  readonly namespace: string;
  readonly runDir: string;
  /** FRR pathspace (routers): sockets under /var/run/frr/<pathspace>, config under /etc/frr/<pathspace>. */
  readonly pathspace: string;
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** Interfaces the lab creates in the device's namespace (link and host ends), sorted. */
  readonly interfaces: readonly string[];
}

export interface LabEnd {
  readonly node: string;
  readonly namespace: string;
  readonly ifname: string;
}

export interface LabLink {
  readonly a: LabEnd;
  readonly b: LabEnd;
}

export interface LabHost {
  readonly name: string;
  readonly namespace: string;
  readonly tenant: string;
  /** "10.120.0.10/24" */
  readonly address: string;
  readonly gateway?: string;
  readonly attach: LabEnd;
}

/** Where a lab keeps its processes' files and what its names start with (the twin has its own). */
export interface LabOptions {
  /** Root of the run directories (default RUN_ROOT). */
  readonly runRoot?: string;
  /** Prefix of every namespace and FRR pathspace (default PREFIX). */
  readonly prefix?: string;
}

export interface LabPlan {
  readonly name: string;
  readonly runRoot: string;
  readonly prefix: string;
  readonly devices: readonly LabDevice[];
  readonly links: readonly LabLink[];
  readonly hosts: readonly LabHost[];
  /** Devices of platforms the lab cannot run (their links and hosts are left out too). */
  readonly skipped: readonly string[];
}

export function deviceNamespace(device: string, prefix = PREFIX): string {
  return `${prefix}-${device}`;
}

export function hostNamespace(host: string, prefix = PREFIX): string {
  return `${prefix}-host-${host}`;
}


function isLoopback(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(address) || address === "::1";
}

/** Expands a link end to the physical interfaces behind it (a LAG's members, in natural order). */
function physical(device: Device, name: string): string[] {
  const lag = device.lags.find((l) => l.name === name);
  if (!lag) return [name];
  const members = device.interfaces.filter((i) => i.lag === name).map((i) => i.name).sort(naturalCompare);
  if (members.length === 0) throw new LabError(`device ${device.name}: LAG ${name} has no member interfaces`);
  return members;
}

export function planLab(inv: Inventory, opts: LabOptions = {}): LabPlan {
  const runRoot = opts.runRoot ?? RUN_ROOT;
  const prefix = opts.prefix ?? PREFIX;
  const byName = new Map(inv.devices.map((d) => [d.name, d]));
  const emulated = new Map<string, Device>();
  const skipped: string[] = [];
  for (const d of inv.devices) {
    if (d.platform === "ovs" || d.platform === "frr") emulated.set(d.name, d);
    else skipped.push(d.name);
  }
  const used = new Map<string, string>(); // "ns/ifname" -> what uses it
  const ifaces = new Map<string, Set<string>>();
  const claim = (end: LabEnd, what: string): void => {
    const key = `${end.namespace}/${end.ifname}`;
    const prev = used.get(key);
    if (prev) throw new LabError(`interface ${end.node}:${end.ifname} is used twice (${prev}; ${what})`, "fix the inventory's links and hosts");
    used.set(key, what);
    const set = ifaces.get(end.node);
    if (set) set.add(end.ifname);
  };

  const devices: LabDevice[] = [];
  const ports = new Map<number, string>();
  for (const d of emulated.values()) {
    const m = d.management;
    if (!isLoopback(m.address)) {
      throw new LabError(
        `device ${d.name}: management address ${m.address} is not a loopback address`,
        "the lab only listens on 127.0.0.1 (give each lab device its own management port)",
      );
    }
    const clash = ports.get(m.port);
    if (clash) throw new LabError(`devices ${clash} and ${d.name} use the same management port ${m.port}`, "give each lab device its own port");
    ports.set(m.port, d.name);
    ifaces.set(d.name, new Set());
    devices.push({
      name: d.name,
      kind: d.platform === "ovs" ? "switch" : "router",
      namespace: deviceNamespace(d.name, prefix),
      runDir: `${runRoot}/${d.name}`,
      pathspace: deviceNamespace(d.name, prefix),
      address: m.address,
      port: m.port,
      user: m.user,
      interfaces: [],
    });
  }

  const links: LabLink[] = [];
  for (const l of inv.links) {
    const da = emulated.get(l.a.device);
    const db = emulated.get(l.b.device);
    if (!da || !db) continue;
    const ma = physical(da, l.a.interface);
    const mb = physical(db, l.b.interface);
    if (ma.length !== mb.length) {
      throw new LabError(`link ${l.a.device}:${l.a.interface} - ${l.b.device}:${l.b.interface}: the two LAGs have ${ma.length} and ${mb.length} members`);
    }
    for (let i = 0; i < ma.length; i++) {
      const a = { node: da.name, namespace: deviceNamespace(da.name, prefix), ifname: ma[i]! };
      const b = { node: db.name, namespace: deviceNamespace(db.name, prefix), ifname: mb[i]! };
      const what = `link ${a.node}:${a.ifname} - ${b.node}:${b.ifname}`;
      claim(a, what);
      claim(b, what);
      links.push({ a, b });
    }
  }

  const hosts: LabHost[] = [];
  for (const h of inv.hosts) {
    const d = emulated.get(h.attach.device);
    if (!d) {
      if (!byName.has(h.attach.device)) throw new LabError(`host ${h.name}: unknown device ${h.attach.device}`);
      continue;
    }
    const attach = { node: d.name, namespace: deviceNamespace(d.name, prefix), ifname: h.attach.interface };
    claim(attach, `host ${h.name}`);
    hosts.push({ name: h.name, namespace: hostNamespace(h.name, prefix), tenant: h.tenant, address: h.address, gateway: h.gateway, attach });
  }

  return {
    name: inv.name,
    runRoot,
    prefix,
    devices: devices.map((d) => ({ ...d, interfaces: [...(ifaces.get(d.name) ?? [])].sort(naturalCompare) })),
    links,
    hosts,
    skipped,
  };
}
