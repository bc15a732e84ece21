/**
 * `citydc twin verify`: every config object of the twin read back from its device, then a reachability
 * matrix derived from the inventory as written (not from the twin's rewrite), each cell a check with its ends:
 *   same-vlan    hosts of one VLAN reach each other (across racks and sites)
 *   routed       hosts of two routed VLANs of one tenant and VRF reach each other through their gateways
 *   branch       each branch's WAN router (from its LAN address) reaches the hosts of its tenant's services
 *   dr-gateway   the DR site's hosts in protected VLANs reach their gateway
 *   isolation    hosts (and branches) of two tenants, one of which routes in a VRF of its own, do not reach
 *                each other, either way: not routed, and not over layer 2 either (a borrowed address in the
 *                other's subnet)
 *   management   every device's management session answers (sshd on 127.0.0.1 with the pinned key); with
 *                a policies section also the management network's policy (lab/twinPolicy.ts)
 *   policy       with a policies section: each rule's flow and its counterpart on another port, and every
 *                routed or branch ping above that the policy denies, which must then go unanswered
 *   marking      with a qos section: the DSCP a marked VLAN's packets arrive with at a branch, past the
 *                fabric and the WAN (tcpdump in the branch router's namespace); the twin cannot queue (no
 *                queueing disciplines in this kernel), so it proves marking and filtering, not queueing
 * A failed cell says where the path breaks: for layer 2 the first cable on the way that does not carry the
 * VLAN in the intent; for layer 3 the router without a route (`ip route get` hop by hop in the twin).
 */
import type { Inventory } from "../model/types";
import type { DeviceIntent } from "../intent/types";
import { intentsOf, loadNetwork } from "../pipeline/index";
import { capture } from "./run";
import { readBackAll } from "./verify";
import { sshAnswers, readLabInfo } from "./index";
import { HOST_IFNAME } from "./topology";
import { twinBase, type TwinPrepared } from "./twinLab";
import { branchLans, hns, hostsOf, ipOf, ns, ping, type Cell, type CellKind, type HostInfo, type Task } from "./twinProbe";
import { hostEnd, Listeners, pingAllowed, policyBook, policyTasks, type End } from "./twinPolicy";

export type { Cell, CellKind } from "./twinProbe";

export interface TwinVerifyReport {
  readonly inventory: string;
  readonly ok: boolean;
  readonly cells: readonly Cell[];
  readonly objects: number;
  readonly objectsMatching: number;
  readonly ms: number;
}



/** Reach with a short convergence allowance (ARP, LACP, BGP right after an up). */
async function reaches(namespace: string, ip: string, source?: string, deadlineMs = 3000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await ping(namespace, ip, { source })) return true;
    if (Date.now() > end) return false;
  }
}


/** Runs the tasks: one source namespace after the other within a group, up to `width` groups at once. */
export async function runTasks(tasks: readonly Task[], width = 12): Promise<Cell[]> {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) (groups.get(t.group) ?? groups.set(t.group, []).get(t.group)!).push(t);
  const results = new Map<Task, Cell>();
  const queue = [...groups.values()];
  await Promise.all(Array.from({ length: Math.min(width, queue.length) }, async () => {
    for (let g = queue.shift(); g; g = queue.shift()) for (const t of g) results.set(t, await t.run());
  }));
  return tasks.map((t) => results.get(t)!);
}



// ------------------------------------------------------------------ where a layer-2 path breaks

/** The VLANs a port of the intent carries. */
function carries(intent: DeviceIntent | undefined, ifname: string, vlan: number): boolean {
  if (!intent) return false;
  const member = intent.ports.find((p) => p.name === ifname);
  const lag = member?.lag ? intent.lags.find((l) => l.name === member.lag)?.port : undefined;
  const p = lag ?? member;
  if (!p || !p.enabled) return false;
  if (p.mode === "access") return p.vlan === vlan;
  if (p.mode === "trunk") return (p.allowed ?? []).includes(vlan) || p.native === vlan;
  return false;
}

/** Names the first cable on the shortest cabled path between two switches that does not carry the VLAN. */
export function l2Break(inv: Inventory, intents: ReadonlyMap<string, DeviceIntent>, a: string, b: string, vlan: number): string {
  const adj = new Map<string, { to: string; here: string; there: string }[]>();
  for (const l of inv.links) {
    (adj.get(l.a.device) ?? adj.set(l.a.device, []).get(l.a.device)!).push({ to: l.b.device, here: l.a.interface, there: l.b.interface });
    (adj.get(l.b.device) ?? adj.set(l.b.device, []).get(l.b.device)!).push({ to: l.a.device, here: l.b.interface, there: l.a.interface });
  }
  // a path that carries the VLAN all the way?
  const search = (ok: (from: string, e: { to: string; here: string; there: string }) => boolean) => {
    const prev = new Map<string, { from: string; here: string; there: string }>([[a, { from: "", here: "", there: "" }]]);
    const queue = [a];
    while (queue.length) {
      const n = queue.shift()!;
      if (n === b) break;
      for (const e of adj.get(n) ?? []) if (!prev.has(e.to) && ok(n, e)) { prev.set(e.to, { from: n, here: e.here, there: e.there }); queue.push(e.to); }
    }
    if (!prev.has(b)) return undefined;
    const hops: { from: string; to: string; here: string; there: string }[] = [];
    for (let n = b; n !== a;) { const p = prev.get(n)!; hops.unshift({ from: p.from, to: n, here: p.here, there: p.there }); n = p.from; }
    return hops;
  };
  if (a === b) return `VLAN ${vlan} on ${a}: both hosts on one switch, yet no answer (the switch's ports or the hosts)`;
  const carried = search((n, e) => carries(intents.get(n), e.here, vlan) && carries(intents.get(e.to), e.there, vlan));
  if (carried) return `the intent carries VLAN ${vlan} ${carried.map((h) => h.from).concat(b).join(" - ")}, the twin does not forward it (bond or link state: citydc twin status)`;
  const any = search(() => true);
  if (!any) return `no cable path between ${a} and ${b}`;
  for (const h of any) {
    const lagOf = (d: string, i: string) => intents.get(d)?.ports.find((p) => p.name === i)?.lag ?? i;
    if (!carries(intents.get(h.from), h.here, vlan)) return `VLAN ${vlan} missing on ${h.from} ${lagOf(h.from, h.here)} (towards ${h.to})`;
    if (!carries(intents.get(h.to), h.there, vlan)) return `VLAN ${vlan} missing on ${h.to} ${lagOf(h.to, h.there)} (towards ${h.from})`;
  }
  return `VLAN ${vlan} is not carried between ${a} and ${b}`;
}

// ------------------------------------------------------------------ where a layer-3 path breaks

/** Router of the twin owning an address (routed interfaces of the twin's frr devices). */
function routerIndex(twin: Inventory): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of twin.devices) if (d.platform === "frr") for (const i of d.interfaces) if (i.address) m.set(ipOf(i.address), d.name);
  // VRRP gateways: their own addresses, and the virtual address at the router that should hold it (the
  // highest priority, then the first listed: where the path is expected to go while all are up)
  for (const v of twin.vlans) {
    for (const g of v.gateways) if (g.address) m.set(ipOf(g.address), g.device);
    const master = [...v.gateways].map((g, k) => ({ g, k })).sort((a, b) => (b.g.priority ?? 100) - (a.g.priority ?? 100) || a.k - b.k)[0];
    if (v.gateway && master && !m.has(ipOf(v.gateway))) m.set(ipOf(v.gateway), master.g.device);
  }
  return m;
}

/** Follows `ip route get` from a router of the twin towards dst; names the router without a route. */
export function l3Break(twin: Inventory, start: string, dst: string): string {
  const owner = routerIndex(twin);
  let at = start;
  const seen = new Set<string>();
  for (let hop = 0; hop < 10; hop++) {
    if (seen.has(at)) return `routing loop at ${at} towards ${dst}`;
    seen.add(at);
    const r = capture("ip", ["-n", ns(at), "-4", "route", "get", dst], { timeoutMs: 5000 });
    if (r.status !== 0) return `no route to ${dst} at ${at}`;
    const via = r.stdout.match(/\bvia (\S+)/)?.[1];
    const dev = r.stdout.match(/\bdev (\S+)/)?.[1] ?? "?";
    if (!via) return `${at} has ${dst} on ${dev} (connected), but it does not answer there (layer 2 behind ${at}, or no route back)`;
    const next = owner.get(via);
    if (!next) return `${at} sends ${dst} to ${via}, which no router of the twin holds`;
    at = next;
  }
  return `more than 10 hops towards ${dst}`;
}

function gatewayRouter(twin: Inventory, gateway: string | undefined): string | undefined {
  return gateway ? routerIndex(twin).get(gateway) : undefined;
}

// ------------------------------------------------------------------ the matrix

/** Borrowed address at the end of `ip/prefix`'s subnet (not an inventory host's). */
function borrowed(ip: string, prefix: number): string {
  const n = ip.split(".").map(Number).reduce((a, x) => ((a << 8) | x) >>> 0, 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  let pick = (((n & mask) | (~mask >>> 0)) >>> 0) - 1;
  if (pick === n) pick--;
  return `${[24, 16, 8, 0].map((s) => (pick >>> s) & 255).join(".")}/${prefix}`;
}

async function isolatedL2(from: HostInfo, to: HostInfo): Promise<boolean> {
  const addr = borrowed(to.ip, to.prefix);
  const add = capture("ip", ["-n", hns(from.host.name), "addr", "add", addr, "dev", HOST_IFNAME]);
  try {
    return !(await ping(hns(from.host.name), to.ip, { count: 2 }));
  } finally {
    if (add.status === 0) capture("ip", ["-n", hns(from.host.name), "addr", "del", addr, "dev", HOST_IFNAME]);
  }
}


export function matrix(source: Inventory, twin: Inventory, intents: ReadonlyMap<string, DeviceIntent>): Task[] {
  const hosts = hostsOf(source).filter((h) => h.vlan !== undefined);
  const book = source.policies ? policyBook(source, intents) : undefined;
  /** A ping the policy denies: it must not be answered (a policy cell, not a reachability one). */
  const denied = (from: End, to: End): Task | undefined => {
    const p = pingAllowed(source, book, from, to);
    if (p.allowed) return undefined;
    return { group: from.namespace, run: async () => {
      const got = await ping(from.namespace, to.ip, { count: 2, ...(from.site ? { source: from.ip } : {}) });
      return { kind: "policy", from: from.label, to: `${to.label} ping (denied)`, ok: !got, ...(got ? { breaks: `got through; the policy: ${p.why}` } : {}) };
    } };
  };
  const vlan = (id: number | undefined) => source.vlans.find((v) => v.id === id);
  const cells: Task[] = [];
  const l2 = (from: HostInfo, to: HostInfo): Task => ({ group: hns(from.host.name), run: async () => {
    const ok = await reaches(hns(from.host.name), to.ip);
    return { kind: "same-vlan", from: from.host.name, to: to.host.name, ok, ...(ok ? {} : { breaks: l2Break(source, intents, from.host.attach.device, to.host.attach.device, from.vlan!) }) };
  } });
  const l3 = (kind: CellKind, fromName: string, namespace: string, start: string | undefined, to: string, toIp: string, source_?: string): Task => ({ group: namespace, run: async () => {
    const ok = await reaches(namespace, toIp, source_);
    return { kind, from: fromName, to, ok, ...(ok ? {} : { breaks: start ? l3Break(twin, start, toIp) : `${fromName} has no gateway in the twin` }) };
  } });
  const isolatedPairs = new Set<string>();
  // tenants kept apart: any two of which one routes in a VRF of its own (isolation by routing)
  const vrfTenants = new Set(source.vlans.filter((v) => v.vrf).map((v) => v.tenant));
  const apart = (a: string, b: string) => a !== b && (vrfTenants.has(a) || vrfTenants.has(b));
  for (let i = 0; i < hosts.length; i++) {
    for (let j = 0; j < hosts.length; j++) {
      if (i === j) continue;
      const a = hosts[i]!;
      const b = hosts[j]!;
      const va = vlan(a.vlan);
      const vb = vlan(b.vlan);
      if (a.vlan === b.vlan) {
        if (i < j) cells.push(l2(a, b));
        continue;
      }
      if (a.host.tenant !== b.host.tenant && !apart(a.host.tenant, b.host.tenant)) continue;
      if (a.host.tenant === b.host.tenant) {
        const routed = i < j && !!a.host.gateway && !!b.host.gateway && !!va?.gateway && !!vb?.gateway && (va.vrf ?? "") === (vb.vrf ?? "");
        if (routed) cells.push(denied(hostEnd(a), hostEnd(b)) ?? l3("routed", a.host.name, hns(a.host.name), gatewayRouter(twin, a.host.gateway), b.host.name, b.ip));
        continue;
      }
      // two tenants: once per VLAN pair and direction
      const key = `${a.vlan}>${b.vlan}`;
      if (isolatedPairs.has(key)) continue;
      isolatedPairs.add(key);
      cells.push({ group: hns(a.host.name), run: async () => {
        const routedLeak = await ping(hns(a.host.name), b.ip, { count: 2 });
        const l2Leak = !routedLeak && !(await isolatedL2(a, b));
        return {
          kind: "isolation", from: a.host.name, to: b.host.name, ok: !routedLeak && !l2Leak,
          ...(routedLeak ? { breaks: `${a.host.tenant} reaches ${b.host.tenant}: routed (${a.host.gateway ? `from gateway ${a.host.gateway}` : "no gateway"}; VRFs ${va?.vrf ?? "global"} and ${vb?.vrf ?? "global"})` } : {}),
          ...(l2Leak ? { breaks: `${a.host.tenant} reaches ${b.host.tenant} over layer 2 (VLAN ${a.vlan} leaks into VLAN ${b.vlan})` } : {}),
        };
      } });
    }
  }
  // branches to their tenant's services; other tenants' hosts not at all, either way
  const services = source.services;
  for (const br of branchLans(source)) {
    const start = br.router;
    const mine = new Set(services.filter((s) => s.tenant === br.tenant).flatMap((s) => s.vlans));
    for (const v of [...mine].sort((x, y) => x - y)) {
      for (const h of hosts.filter((x) => x.vlan === v && x.site !== "")) {
        const label = `${br.router} (${br.site} LAN ${br.lan})`;
        cells.push(denied({ label, namespace: ns(br.router), ip: br.lan, site: br.site }, hostEnd(h)) ?? l3("branch", label, ns(br.router), start, h.host.name, h.ip, br.lan));
      }
    }
    const others = new Map<number, HostInfo>();
    for (const h of hosts) if (apart(h.host.tenant, br.tenant) && !others.has(h.vlan!)) others.set(h.vlan!, h);
    for (const h of others.values()) {
      cells.push({ group: ns(br.router), run: async () => {
        const [there, back] = await Promise.all([ping(ns(br.router), h.ip, { source: br.lan, count: 2 }), ping(hns(h.host.name), br.lan, { count: 2 })]);
        return {
          kind: "isolation", from: `${br.router} (${br.tenant})`, to: `${h.host.name} (${h.host.tenant})`, ok: !there && !back,
          ...(there || back ? { breaks: `${there ? `${br.site} reaches ${h.host.name}` : `${h.host.name} reaches ${br.site}'s LAN`}: routed across tenants` } : {}),
        };
      } });
    }
  }
  // the DR site's protected VLANs to their gateway
  for (const dr of source.dr) {
    const prot = new Set([...dr.vlans, ...source.services.filter((x) => dr.services.includes(x.name)).flatMap((x) => x.vlans)]);
    for (const h of hosts.filter((x) => x.site === dr.site && prot.has(x.vlan!))) {
      const gw = h.host.gateway ?? vlan(h.vlan)?.gateway;
      if (!gw) continue;
      cells.push({ group: hns(h.host.name), run: async () => {
        const ok = await reaches(hns(h.host.name), gw);
        return { kind: "dr-gateway", from: h.host.name, to: `gateway ${gw} (VLAN ${h.vlan})`, ok, ...(ok ? {} : { breaks: l2BreakToGateway(source, twin, intents, h, gw) }) };
      } });
    }
  }
  return cells;
}

function l2BreakToGateway(source: Inventory, twin: Inventory, intents: ReadonlyMap<string, DeviceIntent>, h: HostInfo, gw: string): string {
  const router = routerIndex(twin).get(gw);
  const sw = router ? twin.links.find((l) => l.b.device === router || l.a.device === router) : undefined;
  const swName = sw ? (sw.a.device === router ? sw.b.device : sw.a.device) : undefined;
  return swName ? l2Break(source, intents, h.host.attach.device, swName, h.vlan!) : `no device holds the gateway ${gw}`;
}

export async function twinVerify(p: TwinPrepared, opts: { readBack?: boolean } = {}): Promise<TwinVerifyReport> {
  const started = Date.now();
  const info = readLabInfo(p.twin.name, twinBase());
  const cells: Cell[] = [];
  let objects = 0;
  let objectsMatching = 0;
  if (opts.readBack !== false) {
    const net = loadNetwork(p.files.inventoryFile);
    const rb = await readBackAll(info, net.objects);
    for (const r of rb) {
      objects += r.objects;
      objectsMatching += r.matching;
      cells.push({ kind: "read-back", from: r.device, to: `${r.objects} objects`, ok: r.problems.length === 0 && r.matching === r.objects, ...(r.problems.length ? { breaks: r.problems.join("; ") } : {}) });
    }
  }
  for (const d of info.devices) {
    const ok = await sshAnswers(d.host, d.port);
    cells.push({ kind: "management", from: "citydc", to: `${d.name} (${d.host}:${d.port})`, ok, ...(ok ? {} : { breaks: `sshd of ${d.name} does not answer` }) });
  }
  const intents = intentsOf(p.source);
  const listeners = new Listeners();
  try {
    const tasks = [...matrix(p.source, p.twin, intents), ...policyTasks(p.source, intents, listeners)];
    await listeners.ready();
    cells.push(...(await runTasks(tasks)));
  } finally {
    listeners.stop();
  }
  return { inventory: p.source.name, ok: cells.every((c) => c.ok), cells, objects, objectsMatching, ms: Date.now() - started };
}

const KINDS: readonly CellKind[] = ["read-back", "management", "same-vlan", "routed", "branch", "dr-gateway", "isolation", "policy", "marking"];

function counts(r: TwinVerifyReport): string {
  return KINDS.map((k) => {
    const c = r.cells.filter((x) => x.kind === k);
    return c.length ? `${k} ${c.filter((x) => x.ok).length}/${c.length}` : "";
  }).filter(Boolean).join(", ");
}

export function formatVerify(r: TwinVerifyReport, format: string): string {
  const passed = r.cells.filter((c) => c.ok).length;
  const head = `twin verify ${r.inventory}: ${r.ok ? "PASS" : "FAIL"}: ${passed}/${r.cells.length} checks (${counts(r)}); ${r.objectsMatching}/${r.objects} objects read back; ${(r.ms / 1000).toFixed(1)} s`;
  if (format === "json") return JSON.stringify(r, null, 2);
  const failed = r.cells.filter((c) => !c.ok);
  if (format === "markdown") {
    const rows = ["| check | from | to | result | where it breaks |", "| --- | --- | --- | --- | --- |"];
    for (const c of r.cells) rows.push(`| ${c.kind} | ${c.from} | ${c.to} | ${c.ok ? "pass" : "**FAIL**"} | ${c.breaks ?? ""} |`);
    return [`## ${head}`, "", ...rows].join("\n");
  }
  return [...failed.map((c) => `FAIL ${c.kind}: ${c.from} -> ${c.to}: ${c.breaks ?? ""}`), head].join("\n");
}
