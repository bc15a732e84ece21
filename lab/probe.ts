/**
 * Data-plane proof inside the lab: pings between host namespaces, bounded in count and time, only to
 * addresses of namespaces the lab created. `expectations` says, from the inventory alone, which pairs of
 * hosts must reach each other (same VLAN; routed between gateway VLANs of one tenant) and which must not
 * (other VLAN or other tenant: checked at layer 2 with a borrowed address in the other host's subnet, so
 * a leak between VLANs would show even where no router exists).
 */
import type { Inventory } from "../model/types";
import { capture } from "./run";
import { hostNamespace, HOST_IFNAME } from "./topology";

export interface HostFacts {
  readonly name: string;
  readonly namespace: string;
  readonly tenant: string;
  readonly vlan?: number;
  /** "10.30.120.11" */
  readonly ip: string;
  readonly prefix: number;
  readonly gateway?: string;
}

export interface Check {
  readonly from: HostFacts;
  readonly to: HostFacts;
  /** same-vlan: must reach over L2; routed: must reach through the routers; isolated: must not reach. */
  readonly kind: "same-vlan" | "routed" | "isolated";
}

export function hostFacts(inv: Inventory): HostFacts[] {
  const devices = new Map(inv.devices.map((d) => [d.name, d]));
  return inv.hosts.map((h) => {
    const port = devices.get(h.attach.device)?.interfaces.find((i) => i.name === h.attach.interface);
    const [ip, len] = h.address.split("/");
    return {
      name: h.name,
      namespace: hostNamespace(h.name),
      tenant: h.tenant,
      vlan: port?.mode === "access" ? port.vlan : undefined,
      ip: ip!,
      prefix: Number(len ?? 32),
      gateway: h.gateway,
    };
  });
}

function vlanOf(inv: Inventory, id: number | undefined) {
  return id === undefined ? undefined : inv.vlans.find((v) => v.id === id);
}

/** The checks that prove the inventory on the wire. One pair per VLAN pair for isolation; every pair within a VLAN. */
export function expectations(inv: Inventory): Check[] {
  const hosts = hostFacts(inv).filter((h) => h.vlan !== undefined);
  const checks: Check[] = [];
  const isolatedDone = new Set<string>();
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      const a = hosts[i]!;
      const b = hosts[j]!;
      if (a.vlan === b.vlan) {
        checks.push({ from: a, to: b, kind: "same-vlan" });
        continue;
      }
      const va = vlanOf(inv, a.vlan);
      const vb = vlanOf(inv, b.vlan);
      const routed = a.tenant === b.tenant && !!a.gateway && !!b.gateway && !!va?.gateway && !!vb?.gateway && (va.vrf ?? "") === (vb.vrf ?? "");
      if (routed) {
        checks.push({ from: a, to: b, kind: "routed" });
        continue;
      }
      const key = [a.vlan, b.vlan].sort((x, y) => x! - y!).join("-");
      if (isolatedDone.has(key)) continue;
      isolatedDone.add(key);
      checks.push({ from: a, to: b, kind: "isolated" });
    }
  }
  return checks;
}

function ping(ns: string, ip: string, count = 1, waitS = 1): boolean {
  const args = ["netns", "exec", ns, "ping", "-n", "-q", "-c", String(count), "-i", "0.3", "-W", String(waitS), ip];
  return capture("ip", args, { timeoutMs: (count + waitS + 2) * 1000 }).status === 0;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Pings until one answer comes or the deadline passes (LACP and BGP take a few seconds to converge). */
export function reaches(from: HostFacts, to: HostFacts, deadlineMs = 30_000): boolean {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (ping(from.namespace, to.ip)) return true;
    if (Date.now() > end) return false;
    sleepMs(300);
  }
}

/** An address in `to`'s subnet that no inventory host uses: the last usable one. */
function borrowedAddress(to: HostFacts): string {
  const parts = to.ip.split(".").map(Number);
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const mask = to.prefix === 0 ? 0 : (0xffffffff << (32 - to.prefix)) >>> 0;
  const last = ((n & mask) | (~mask >>> 0)) - 1;
  const pick = (last >>> 0) === n ? last - 1 : last;
  return [24, 16, 8, 0].map((s) => (pick >>> s) & 255).join(".");
}

/**
 * True when `from` cannot reach `to` even with an address in `to`'s subnet (so ARP would work over a
 * shared L2 segment). The borrowed address is removed again.
 */
export function isolated(from: HostFacts, to: HostFacts): boolean {
  const borrowed = `${borrowedAddress(to)}/${to.prefix}`;
  const add = capture("ip", ["-n", from.namespace, "addr", "add", borrowed, "dev", HOST_IFNAME]);
  try {
    return !ping(from.namespace, to.ip, 2, 1);
  } finally {
    if (add.status === 0) capture("ip", ["-n", from.namespace, "addr", "del", borrowed, "dev", HOST_IFNAME]);
  }
}

export interface CheckResult extends Check {
  readonly ok: boolean;
}

/** Runs the checks: reachability first (with a convergence deadline), then isolation. */
export function runChecks(checks: readonly Check[], deadlineMs = 30_000): CheckResult[] {
  const results: CheckResult[] = [];
  for (const c of checks.filter((x) => x.kind !== "isolated")) results.push({ ...c, ok: reaches(c.from, c.to, deadlineMs) });
  for (const c of checks.filter((x) => x.kind === "isolated")) results.push({ ...c, ok: isolated(c.from, c.to) });
  return results;
}

/**
 * The checks one site's verification runs: both hosts at `site` or at one of `peers` (the sites verified
 * before it), and at least one at `site`. Every check of a stack thus belongs to exactly one of its sites, the
 * last of the two it spans; checks reaching a site outside the stack belong to none.
 */
export function siteChecks(inv: Inventory, site: string, peers: readonly string[] = []): Check[] {
  const siteOfDevice = new Map(inv.devices.map((d) => [d.name, d.site]));
  const siteOfHost = new Map(inv.hosts.map((h) => [h.name, siteOfDevice.get(h.attach.device)]));
  const allowed = new Set([site, ...peers]);
  return expectations(inv).filter((c) => {
    const a = siteOfHost.get(c.from.name);
    const b = siteOfHost.get(c.to.name);
    return a !== undefined && b !== undefined && allowed.has(a) && allowed.has(b) && (a === site || b === site);
  });
}
