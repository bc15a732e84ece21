/**
 * `citydc twin drill dr --site NAME`: the primary site cut off from its DR site (every DCI cable of the pair
 * taken down at the primary's end), then what the DR site must still do, checked on the wire:
 *   - the DR site's hosts in each protected VLAN reach each other, and their gateway;
 *   - each branch reaches the DR site's hosts of its tenant's protected services;
 * then the cables are put back and the primary is proven back: each DR host reaches the primary's hosts of
 * its VLAN again. Timings: the cut, how long until each check passed (or the deadline), the restore.
 */
import type { Inventory } from "../model/types";
import { execFile } from "child_process";
import { capture, run } from "./run";
import { deviceNamespace, hostNamespace } from "./topology";
import { TWIN_LAB, type TwinPrepared } from "./twinLab";
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

const ns = (d: string) => deviceNamespace(d, TWIN_LAB.prefix);
const hns = (h: string) => hostNamespace(h, TWIN_LAB.prefix);

function ping(namespace: string, ip: string, source?: string): Promise<boolean> {
  const args = ["netns", "exec", namespace, "ping", "-n", "-q", "-c", "1", "-W", "1", ...(source ? ["-I", source] : []), ip];
  return new Promise((resolve) => execFile("ip", args, { timeout: 4000 }, (err) => resolve(!err)));
}

/** Polls until the probe answers or the deadline; the time it took. */
async function until(namespace: string, ip: string, deadlineMs: number, source?: string): Promise<{ ok: boolean; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    if (await ping(namespace, ip, source)) return { ok: true, ms: Date.now() - t0 };
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
