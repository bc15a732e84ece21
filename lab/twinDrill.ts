/**
 * `citydc twin drill dr --site NAME`: the primary site cut off from its DR site (every DCI cable of the pair
 * taken down at the primary's end), then what the DR site must still do, checked on the wire:
 *   - the DR site's hosts in each protected VLAN reach each other, and their gateway;
 *   - each branch reaches the DR site's hosts of its tenant's protected services;
 * then the cables are put back and the primary is proven back: each DR host reaches the primary's hosts of
 * its VLAN again. Timings: the cut, how long until each check passed (or the deadline), the restore.
 */
import { hns, ns, ping } from "./twinProbe";
import type { Inventory } from "../model/types";
import { execFile } from "child_process";
import { capture, run } from "./run";
import { flushMacTables, type TwinPrepared } from "./twinLab";
import { CliError } from "../util/errors";

export interface DrillCheck {
  readonly phase: "before" | "cut" | "restored";
  readonly what: string;
  readonly ok: boolean;
  /** Time from the phase's start until it passed (or the deadline). */
  readonly ms: number;
  /** Why it cannot work (failed checks): what the DR site lacks. */
  readonly breaks?: string;
}

export interface DrillReport {
  readonly drill: string;
  readonly ok: boolean;
  readonly cut: readonly string[];
  readonly checks: readonly DrillCheck[];
  readonly cutMs: number;
  readonly restoreMs: number;
  readonly totalMs: number;
}

/** Polls until the probe answers or the deadline; the time it took. */
async function until(namespace: string, ip: string, deadlineMs: number, source?: string): Promise<{ ok: boolean; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    if (await ping(namespace, ip, { source })) return { ok: true, ms: Date.now() - t0 };
    if (Date.now() - t0 > deadlineMs) return { ok: false, ms: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Probe {
  readonly what: string;
  readonly namespace: string;
  readonly ip: string;
  readonly source?: string;
  /** What the check depends on at the primary (said when it fails). */
  readonly needs?: string;
}

function drProbes(src: Inventory, site: string): { during: Probe[]; back: Probe[] } {
  const dr = src.dr.find((d) => d.site === site)!;
  const dev = new Map(src.devices.map((d) => [d.name, d]));
  const hosts = src.hosts.map((h) => {
    const d = dev.get(h.attach.device);
    const p = d?.interfaces.find((i) => i.name === h.attach.interface);
    return { h, site: d?.site, vlan: p?.mode === "access" ? p.vlan : undefined, ip: h.address.split("/")[0]! };
  });
  // protected: the DR entry's VLANs and those of its services
  const protectedVlans = new Set([...dr.vlans, ...src.services.filter((x) => dr.services.includes(x.name)).flatMap((x) => x.vlans)]);
  const at = hosts.filter((x) => x.site === site && x.vlan !== undefined && protectedVlans.has(x.vlan));
  const during: Probe[] = [];
  for (const a of at) {
    for (const b of at) if (a !== b && a.vlan === b.vlan && a.h.name < b.h.name) during.push({ what: `${a.h.name} -> ${b.h.name} (VLAN ${a.vlan}, at ${site})`, namespace: hns(a.h.name), ip: b.ip });
    const gw = a.h.gateway ?? src.vlans.find((v) => v.id === a.vlan)?.gateway;
    const gws = src.vlans.find((v) => v.id === a.vlan)?.gateways ?? [];
    const away = gws.length > 0 && gws.every((g) => dev.get(g.device)?.site !== site);
    if (gw) during.push({ what: `${a.h.name} -> its gateway ${gw} (VLAN ${a.vlan})`, namespace: hns(a.h.name), ip: gw, ...(away ? { needs: `every gateway of VLAN ${a.vlan} is outside ${site} (${gws.map((g) => g.device).join(", ")})` } : {}) });
  }
  const cabled = new Set(src.links.flatMap((l) => [`${l.a.device}/${l.a.interface}`, `${l.b.device}/${l.b.interface}`]));
  for (const s of src.sites.filter((x) => x.role === "branch")) {
    const vlans = new Set(src.services.filter((x) => x.tenant === s.tenant && dr.services.includes(x.name)).flatMap((x) => x.vlans));
    for (const d of src.devices.filter((x) => x.site === s.name)) {
      const lan = d.interfaces.find((i) => i.mode === "routed" && i.address && !cabled.has(`${d.name}/${i.name}`));
      if (!lan?.address) continue;
      const wanAt = [...new Set(src.links.filter((l) => l.a.device === d.name || l.b.device === d.name).map((l) => dev.get(l.a.device === d.name ? l.b.device : l.a.device)?.site))];
      const needs = wanAt.includes(site) ? undefined : `${s.name}'s WAN lands only at ${wanAt.join(", ")}`;
      for (const a of at.filter((x) => vlans.has(x.vlan!))) {
        during.push({ what: `${s.name} (${d.name}) -> ${a.h.name} at ${site}`, namespace: ns(d.name), ip: a.ip, source: lan.address.split("/")[0], ...(needs ? { needs } : {}) });
      }
    }
  }
  const back: Probe[] = [];
  for (const a of at) {
    const peer = hosts.find((x) => x.site === dr.protects && x.vlan === a.vlan);
    if (peer) back.push({ what: `${a.h.name} -> ${peer.h.name} at ${dr.protects} (VLAN ${a.vlan})`, namespace: hns(a.h.name), ip: peer.ip });
  }
  return { during, back };
}

/** The twin's cables of the DCI between the DR site and its primary, as "namespace ifname" at the primary's end. */
function dciEnds(p: TwinPrepared, site: string, primary: string): { namespace: string; ifname: string; label: string }[] {
  const siteOf = new Map(p.twin.devices.map((d) => [d.name, d.site]));
  const ends: { namespace: string; ifname: string; label: string }[] = [];
  for (const l of p.twin.links) {
    const sa = siteOf.get(l.a.device);
    const sb = siteOf.get(l.b.device);
    if (!((sa === primary && sb === site) || (sa === site && sb === primary))) continue;
    const e = sa === primary ? l.a : l.b;
    const d = p.twin.devices.find((x) => x.name === e.device)!;
    const members = d.lags.some((g) => g.name === e.interface) ? d.interfaces.filter((i) => i.lag === e.interface).map((i) => i.name) : [e.interface];
    for (const m of members) ends.push({ namespace: ns(d.name), ifname: m, label: `${d.name} ${m}` });
  }
  return ends;
}

export async function drillDr(p: TwinPrepared, site: string, deadlineMs = 10_000): Promise<DrillReport> {
  const s = p.source.sites.find((x) => x.name === site);
  const dr = p.source.dr.find((d) => d.site === site);
  if (!s || !dr) {
    const names = p.source.dr.map((d) => d.site).join(", ") || "none";
    throw new CliError(`--site ${site}: not a DR site of ${p.source.name} (DR sites: ${names})`, 2);
  }
  const t0 = Date.now();
  const { during, back } = drProbes(p.source, site);
  const ends = dciEnds(p, site, dr.protects);
  if (ends.length === 0) throw new CliError(`${site}: no cable joins it to ${dr.protects} in the twin: nothing to cut`, 2);
  const checks: DrillCheck[] = [];
  if (during.length === 0) checks.push({ phase: "cut", what: `a host of a protected VLAN at ${site}`, ok: false, ms: 0, breaks: "the inventory has none: the drill has nothing to prove" });
  // the restore may wait for the switches to learn the path again (a static bond's new active member)
  const runProbes = async (phase: DrillCheck["phase"], probes: readonly Probe[], deadline = deadlineMs) => {
    const rs = await Promise.all(probes.map((pr) => until(pr.namespace, pr.ip, deadline, pr.source)));
    probes.forEach((pr, i) => checks.push({ phase, what: pr.what, ok: rs[i]!.ok, ms: rs[i]!.ms, ...(!rs[i]!.ok ? { breaks: pr.needs ?? `no answer within ${(deadline / 1000).toFixed(0)} s` } : {}) }));
  };
  await runProbes("before", back);
  const tc = Date.now();
  let restoreMs = 0;
  try {
    for (const e of ends) run("ip", ["-n", e.namespace, "link", "set", "dev", e.ifname, "down"]);
    const cutMs = Date.now() - tc;
    await runProbes("cut", during);
    const tr = Date.now();
    for (const e of ends) run("ip", ["-n", e.namespace, "link", "set", "dev", e.ifname, "up"]);
    flushMacTables(p);
    await runProbes("restored", back, 30_000);
    restoreMs = Date.now() - tr;
    return { drill: `dr ${site} (primary ${dr.protects} cut off: ${ends.length} DCI cable(s) down)`, ok: checks.every((c) => c.ok), cut: ends.map((e) => e.label), checks, cutMs, restoreMs, totalMs: Date.now() - t0 };
  } finally {
    for (const e of ends) capture("ip", ["-n", e.namespace, "link", "set", "dev", e.ifname, "up"]);
  }
}

export function formatDrill(r: DrillReport, format: string): string {
  if (format === "json") return JSON.stringify(r, null, 2);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const head = `twin drill ${r.drill}: ${r.ok ? "PASS" : "FAIL"}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks; cut ${s(r.cutMs)}, restored and proven in ${s(r.restoreMs)}, total ${s(r.totalMs)}`;
  if (format === "markdown") {
    const rows = ["| phase | check | result | time |", "| --- | --- | --- | --- |", ...r.checks.map((c) => `| ${c.phase} | ${c.what} | ${c.ok ? "pass" : `**FAIL** ${c.breaks ?? ""}`} | ${s(c.ms)} |`)];
    return [`## ${head}`, "", `cut: ${r.cut.join(", ")}`, "", ...rows].join("\n");
  }
  return [`cut: ${r.cut.join(", ")}`, ...r.checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.phase.padEnd(8)} ${c.what} (${s(c.ms)})${c.breaks ? `: ${c.breaks}` : ""}`), head].join("\n");
}

// ------------------------------------------------------------------ drill vrrp

/** The twin's router whose port into VLAN `vid` holds `vip` now, if any. */
function vipHolder(p: TwinPrepared, vid: number, vip: string): string | undefined {
  const gws = p.twin.vlans.find((v) => v.id === vid)?.gateways ?? [];
  for (const g of gws) {
    const out = capture("ip", ["-n", ns(g.device), "-o", "-4", "addr", "show", "dev", `v${vid}`]).stdout;
    if (new RegExp(`\\binet ${vip.replace(/\./g, "\\.")}/`).test(out)) return g.device;
  }
  return undefined;
}

async function waitHolder(p: TwinPrepared, vid: number, vip: string, want: (h: string | undefined) => boolean, deadlineMs: number): Promise<{ holder: string | undefined; ms: number; ok: boolean }> {
  const t0 = Date.now();
  for (;;) {
    const holder = vipHolder(p, vid, vip);
    if (want(holder)) return { holder, ms: Date.now() - t0, ok: true };
    if (Date.now() - t0 > deadlineMs) return { holder, ms: Date.now() - t0, ok: false };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A host pinging its gateway every 50 ms (`ping -D -O`) until stopped: the longest time between two answers
 * is how long it lost its gateway.
 */
function pinger(namespace: string, ip: string): { stop: () => Promise<{ answers: number; longestGapMs: number }> } {
  const child = execFile("ip", ["netns", "exec", namespace, "ping", "-n", "-D", "-O", "-i", "0.05", "-W", "1", ip], { maxBuffer: 64 * 1024 * 1024 });
  let out = "";
  child.stdout?.on("data", (d: Buffer | string) => (out += d.toString()));
  const started = Date.now() / 1000;
  let stopped = started;
  // settled once, when ping ends (however often stop is called)
  const closed = new Promise<{ answers: number; longestGapMs: number }>((resolve) => {
    child.once("close", () => {
      const times = [...out.matchAll(/^\[(\d+\.\d+)\] \d+ bytes from/gm)].map((m) => Number(m[1]));
      const points = [started, ...times, stopped];
      let gap = 0;
      for (let i = 1; i < points.length; i++) gap = Math.max(gap, points[i]! - points[i - 1]!);
      resolve({ answers: times.length, longestGapMs: Math.round(gap * 1000) });
    });
  });
  return {
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        stopped = Date.now() / 1000;
        child.kill("SIGINT");
      }
      return closed;
    },
  };
}

/**
 * `citydc twin drill vrrp --vlan ID`: the VRRP master of the VLAN loses its port into the VLAN (the router's
 * veth end taken down), a backup must take the virtual address over, and every host of the VLAN must get its
 * gateway back; then the port comes back, the master takes its address back (preemption) and the hosts are
 * checked again. Timings: the takeover, the longest time each host had no answer from its gateway (pinged
 * every 50 ms), the restore.
 */
export async function drillVrrp(p: TwinPrepared, vid: number, deadlineMs = 10_000): Promise<DrillReport> {
  const vlan = p.source.vlans.find((v) => v.id === vid);
  if (!vlan) throw new CliError(`--vlan ${vid}: no such VLAN in ${p.source.name} (VLANs: ${p.source.vlans.map((v) => v.id).join(", ")})`, 2);
  const tv = p.twin.vlans.find((v) => v.id === vid);
  const gws = tv?.gateways ?? [];
  if (!vlan.gateway || gws.length < 2) {
    const why = !vlan.gateway ? "it has no virtual gateway address" : `it has ${vlan.gateways.length} gateway device(s)`;
    throw new CliError(`--vlan ${vid}: VLAN ${vid} (${vlan.name}) runs no VRRP: ${why}; VLANs with VRRP: ${p.source.vlans.filter((v) => v.gateway && v.gateways.length >= 2).map((v) => v.id).join(", ") || "none"}`, 2);
  }
  const vip = vlan.gateway.split("/")[0]!;
  const order = gws.map((g, k) => ({ g, k })).sort((a, b) => (b.g.priority ?? 100) - (a.g.priority ?? 100) || a.k - b.k).map((x) => x.g.device);
  const dev = new Map(p.source.devices.map((d) => [d.name, d]));
  const hosts = p.source.hosts.filter((h) => {
    const port = dev.get(h.attach.device)?.interfaces.find((i) => i.name === h.attach.interface);
    return port?.mode === "access" && port.vlan === vid;
  });
  const t0 = Date.now();
  const checks: DrillCheck[] = [];
  if (hosts.length === 0) checks.push({ phase: "cut", what: `a host in VLAN ${vid}`, ok: false, ms: 0, breaks: "the inventory has none: the drill has nothing to prove" });
  // before: the master by priority holds the address and every host reaches it
  const before = await waitHolder(p, vid, vip, (h) => h === order[0], deadlineMs);
  checks.push({ phase: "before", what: `${order[0]} holds ${vip} (highest priority)`, ok: before.ok, ms: before.ms, ...(before.ok ? {} : { breaks: before.holder ? `${before.holder} holds it` : "no router holds it (is keepalived running? citydc-vrrp show on the routers)" }) });
  const reach = await Promise.all(hosts.map((h) => until(hns(h.name), vip, deadlineMs)));
  hosts.forEach((h, i) => checks.push({ phase: "before", what: `${h.name} -> its gateway ${vip}`, ok: reach[i]!.ok, ms: reach[i]!.ms, ...(reach[i]!.ok ? {} : { breaks: `no answer within ${deadlineMs / 1000} s` }) }));
  const master = before.holder ?? order[0]!;
  const end = { namespace: ns(master), ifname: `v${vid}`, label: `${master} v${vid}` };
  const pingers = hosts.map((h) => pinger(hns(h.name), vip));
  await new Promise((r) => setTimeout(r, 500));
  const tc = Date.now();
  let restoreMs = 0;
  try {
    run("ip", ["-n", end.namespace, "link", "set", "dev", end.ifname, "down"]);
    const cutMs = Date.now() - tc;
    const next = order.find((d) => d !== master)!;
    const takeover = await waitHolder(p, vid, vip, (h) => h !== undefined && h !== master, deadlineMs);
    checks.push({ phase: "cut", what: `a backup takes ${vip} over (expected ${next}, the next priority)`, ok: takeover.ok && takeover.holder === next, ms: takeover.ms, ...(takeover.ok && takeover.holder === next ? {} : { breaks: takeover.holder ? `${takeover.holder} took it` : `no backup took it within ${deadlineMs / 1000} s` }) });
    const back = await Promise.all(hosts.map((h) => until(hns(h.name), vip, deadlineMs)));
    await new Promise((r) => setTimeout(r, 300));
    const gaps = await Promise.all(pingers.map((x) => x.stop()));
    hosts.forEach((h, i) => checks.push({
      phase: "cut", what: `${h.name} -> its gateway ${vip}: without it for ${gaps[i]!.longestGapMs} ms`, ok: back[i]!.ok, ms: gaps[i]!.longestGapMs,
      ...(back[i]!.ok ? {} : { breaks: `no answer within ${deadlineMs / 1000} s after the master went` }),
    }));
    const tr = Date.now();
    run("ip", ["-n", end.namespace, "link", "set", "dev", end.ifname, "up"]);
    const pre = await waitHolder(p, vid, vip, (h) => h === master, 30_000);
    checks.push({ phase: "restored", what: `${master} takes ${vip} back (preemption)`, ok: pre.ok, ms: pre.ms, ...(pre.ok ? {} : { breaks: pre.holder ? `${pre.holder} still holds it` : "no router holds it" }) });
    const again = await Promise.all(hosts.map((h) => until(hns(h.name), vip, 30_000)));
    hosts.forEach((h, i) => checks.push({ phase: "restored", what: `${h.name} -> its gateway ${vip}`, ok: again[i]!.ok, ms: again[i]!.ms, ...(again[i]!.ok ? {} : { breaks: "no answer within 30 s" }) }));
    restoreMs = Date.now() - tr;
    return { drill: `vrrp VLAN ${vid} (master ${master} lost its port into the VLAN)`, ok: checks.every((c) => c.ok), cut: [end.label], checks, cutMs, restoreMs, totalMs: Date.now() - t0 };
  } finally {
    capture("ip", ["-n", end.namespace, "link", "set", "dev", end.ifname, "up"]);
    await Promise.all(pingers.map((x) => x.stop().catch(() => undefined)));
  }
}
