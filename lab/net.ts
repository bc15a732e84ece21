/** Network namespaces and veth pairs of the lab. */
import { run, succeeds, capture } from "./run";
import type { LabEnd, LabHost, LabLink } from "./topology";
import { HOST_IFNAME, PREFIX } from "./topology";

export function listNamespaces(): string[] {
  const out = capture("ip", ["netns", "list"]).stdout;
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0] ?? "")
    .filter((n) => n.length > 0);
}

export function namespaceExists(ns: string): boolean {
  return listNamespaces().includes(ns);
}

/** Creates the namespace (loopback up); true when it was created. */
export function ensureNamespace(ns: string, prefix = PREFIX): boolean {
  if (!ns.startsWith(`${prefix}-`)) throw new Error(`refusing namespace ${ns} without the ${PREFIX}- prefix`);
  if (namespaceExists(ns)) return false;
  run("ip", ["netns", "add", ns]);
  run("ip", ["-n", ns, "link", "set", "lo", "up"]);
  return true;
}

export function deleteNamespace(ns: string, prefix = PREFIX): boolean {
  if (!ns.startsWith(`${prefix}-`) || !namespaceExists(ns)) return false;
  run("ip", ["netns", "delete", ns]);
  return true;
}

export function linkExists(end: LabEnd): boolean {
  return succeeds("ip", ["-n", end.namespace, "link", "show", "dev", end.ifname]);
}

/** "12: p4@if34: ..." -> [12, 34] (own index, the peer's index in its namespace). */
function vethIndex(end: LabEnd): [number, number] | undefined {
  const r = capture("ip", ["-n", end.namespace, "-o", "link", "show", "dev", end.ifname]);
  const m = /^(\d+):\s+[^@:\s]+@if(\d+):/.exec(r.stdout);
  return r.status === 0 && m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * Both ends exist but are not each other's peer (the interface map moved: an earlier run cabled these
 * names differently). Such ends are deleted (with their old peers) before any pair is made again.
 */
export function unpairMisCabled(pairs: readonly (readonly [LabEnd, LabEnd])[]): { removed: string[]; namespaces: Set<string> } {
  const wrong: LabEnd[] = [];
  for (const [a, b] of pairs) {
    const x = vethIndex(a);
    const y = vethIndex(b);
    if (x && y && (x[1] !== y[0] || y[1] !== x[0])) wrong.push(a, b);
  }
  const removed: string[] = [];
  const namespaces = new Set(wrong.map((e) => e.namespace));
  for (const e of wrong) {
    if (!linkExists(e)) continue; // gone with its peer
    run("ip", ["-n", e.namespace, "link", "delete", "dev", e.ifname]);
    removed.push(`veth ${e.node}:${e.ifname} re-cabled`);
  }
  return { removed, namespaces };
}

function createPair(a: LabEnd, b: LabEnd): boolean {
  const ea = linkExists(a);
  const eb = linkExists(b);
  if (ea && eb) return false;
  // A half-made pair (one end left over) is removed and made again.
  if (ea) run("ip", ["-n", a.namespace, "link", "delete", "dev", a.ifname]);
  if (eb) run("ip", ["-n", b.namespace, "link", "delete", "dev", b.ifname]);
  run("ip", ["link", "add", a.ifname, "netns", a.namespace, "type", "veth", "peer", "name", b.ifname, "netns", b.namespace]);
  run("ip", ["-n", a.namespace, "link", "set", "dev", a.ifname, "up"]);
  run("ip", ["-n", b.namespace, "link", "set", "dev", b.ifname, "up"]);
  // A veth leaves the TCP/UDP checksum of what it sends to the receiver (checksum offload); Open vSwitch's
  // userspace datapath reads the frame from its end as it is and forwards it with the checksum unfilled, so
  // the far host drops every TCP and UDP packet (pings pass: ICMP is summed in software). Both ends compute it.
  for (const e of [a, b]) run("ip", ["netns", "exec", e.namespace, "ethtool", "-K", e.ifname, "tx", "off"]);
  return true;
}

export function ensureLink(link: LabLink): boolean {
  return createPair(link.a, link.b);
}

/** The host's namespace, its veth to the access port, address and default route. Returns what changed. */
export function ensureHost(host: LabHost, prefix = PREFIX): string[] {
  const changed: string[] = [];
  if (ensureNamespace(host.namespace, prefix)) changed.push(`namespace ${host.namespace}`);
  const end: LabEnd = { node: host.name, namespace: host.namespace, ifname: HOST_IFNAME };
  if (createPair(end, host.attach)) changed.push(`veth ${host.name}:${HOST_IFNAME} - ${host.attach.node}:${host.attach.ifname}`);
  // The host holds exactly the inventory's address (an address the inventory changed is replaced).
  const addrs = capture("ip", ["-n", host.namespace, "-o", "-4", "addr", "show", "dev", HOST_IFNAME]).stdout;
  const present = [...addrs.matchAll(/\binet (\S+)/g)].map((m) => m[1]!);
  for (const a of present) {
    if (a !== host.address) {
      run("ip", ["-n", host.namespace, "addr", "del", a, "dev", HOST_IFNAME]);
      changed.push(`address ${host.name} ${a} removed`);
    }
  }
  if (!present.includes(host.address)) {
    run("ip", ["-n", host.namespace, "addr", "replace", host.address, "dev", HOST_IFNAME]);
    changed.push(`address ${host.name} ${host.address}`);
  }
  if (host.gateway) {
    const routes = capture("ip", ["-n", host.namespace, "-4", "route", "show", "default"]).stdout;
    if (!routes.includes(`via ${host.gateway} `)) {
      run("ip", ["-n", host.namespace, "route", "replace", "default", "via", host.gateway, "dev", HOST_IFNAME]);
      changed.push(`default route ${host.name} via ${host.gateway}`);
    }
  }
  return changed;
}
