/**
 * What the twin's probes share (`citydc twin verify` and its policy and marking matrices): the namespaces of
 * devices and hosts, a bounded ping, the task a cell runs, the inventory's hosts and branch LANs.
 */
import { execFile } from "child_process";
import type { Host, Inventory } from "../model/types";
import { deviceNamespace, hostNamespace } from "./topology";
import { TWIN_LAB } from "./twinLab";

export type CellKind = "read-back" | "same-vlan" | "routed" | "branch" | "dr-gateway" | "isolation" | "management" | "policy" | "marking";

export interface Cell {
  readonly kind: CellKind;
  readonly from: string;
  readonly to: string;
  readonly ok: boolean;
  /** Where the path breaks (failed cells). */
  readonly breaks?: string;
}


export const ns = (device: string) => deviceNamespace(device, TWIN_LAB.prefix);
export const hns = (host: string) => hostNamespace(host, TWIN_LAB.prefix);
export const ipOf = (a: string) => a.split("/")[0]!;

export function ping(namespace: string, ip: string, opts: { source?: string; count?: number } = {}): Promise<boolean> {
  const args = ["netns", "exec", namespace, "ping", "-n", "-q", "-c", String(opts.count ?? 1), "-i", "0.2", "-W", "1", ...(opts.source ? ["-I", opts.source] : []), ip];
  return new Promise((resolve) => execFile("ip", args, { timeout: 6000 }, (err) => resolve(!err)));
}

/** A check, run after the others of the same source namespace (a borrowed address must not meet another probe). */
export interface Task {
  readonly group: string;
  readonly run: () => Promise<Cell>;
}

export interface HostInfo {
  readonly host: Host;
  readonly vlan?: number;
  readonly site: string;
  readonly ip: string;
  readonly prefix: number;
}

export function hostsOf(inv: Inventory): HostInfo[] {
  const dev = new Map(inv.devices.map((d) => [d.name, d]));
  return inv.hosts.map((h) => {
    const d = dev.get(h.attach.device);
    const port = d?.interfaces.find((i) => i.name === h.attach.interface);
    const [ip, len] = h.address.split("/");
    return { host: h, vlan: port?.mode === "access" ? port.vlan : undefined, site: d?.site ?? "", ip: ip!, prefix: Number(len ?? 32) };
  });
}

/** A branch's WAN router and its LAN address: a routed interface on no link. */
export function branchLans(inv: Inventory): { site: string; tenant: string; router: string; lan: string }[] {
  const cabled = new Set(inv.links.flatMap((l) => [`${l.a.device}/${l.a.interface}`, `${l.b.device}/${l.b.interface}`]));
  const out: { site: string; tenant: string; router: string; lan: string }[] = [];
  for (const s of inv.sites.filter((x) => x.role === "branch")) {
    for (const d of inv.devices.filter((x) => x.site === s.name)) {
      const lan = d.interfaces.find((i) => i.mode === "routed" && i.address && !cabled.has(`${d.name}/${i.name}`));
      if (lan?.address) out.push({ site: s.name, tenant: s.tenant ?? "", router: d.name, lan: ipOf(lan.address) });
    }
  }
  return out;
}
