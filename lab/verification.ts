/**
 * The verification of one site (`citydc verify`, run by the site's `<site>:verify` command resource after its
 * devices are applied): every config object of the site's devices read back over the pinned login and
 * compared field by field as `citydc drift` does (audit/drift.ts), then, where the stack runs on the lab,
 * the site's data-plane checks (lab/probe.ts siteChecks). Each problem is one line that names the device and
 * the object, or the two hosts of a check.
 */
import type { Inventory } from "../model/types";
import { checkDrift, type DeviceDrift, type DriftDeps } from "../audit/drift";
import { showValue } from "../audit/style";
import { runChecks, siteChecks, type CheckResult } from "./probe";

export interface VerificationOptions {
  readonly site: string;
  /** Sites verified before this one (data-plane checks between them and this site are this site's). */
  readonly peers?: readonly string[];
  /** Run the data-plane checks (only where the lab's host namespaces exist). */
  readonly dataPlane: boolean;
  /** Devices checked at once (default 8). */
  readonly parallel?: number;
  /** Convergence deadline of each reachability check in ms (default 30 s: LACP and BGP settle after an apply). */
  readonly deadlineMs?: number;
}

export interface VerificationReport {
  readonly site: string;
  readonly ok: boolean;
  readonly devices: readonly DeviceDrift[];
  /** Config objects read back. */
  readonly objects: number;
  readonly checks: readonly { readonly kind: string; readonly from: string; readonly to: string; readonly ok: boolean }[];
  /** One line per problem, naming device and object (or the hosts of a check). */
  readonly problems: readonly string[];
}

/** The problem lines of one device (empty when it holds what the inventory says). */
export function deviceProblems(d: DeviceDrift): string[] {
  if (d.status === "unreachable" || d.status === "error") return [`${d.device}: not checked: ${d.errorKind ?? "error"}: ${d.error ?? ""}`.trimEnd()];
  return d.drift.map((o) => {
    const what =
      o.status === "missing"
        ? "missing on the device"
        : o.status === "extra"
          ? "on the device, not in the inventory"
          : o.fields.map((f) => `${f.field} found ${showValue(f.found)}, intended ${showValue(f.intended)}`).join("; ");
    return `${d.device} ${o.key} (${o.summary}): ${what}`;
  });
}

function checkLine(r: CheckResult): string {
  const host = (h: CheckResult["from"]) => `${h.name} (${h.ip}${h.vlan !== undefined ? `, VLAN ${h.vlan}` : ""})`;
  const verdict = r.kind === "isolated" ? "reached it, must not" : "no answer";
  return `data plane ${r.kind}: ${host(r.from)} -> ${host(r.to)}: ${verdict}`;
}

export async function verifySite(inv: Inventory, deps: DriftDeps, opts: VerificationOptions): Promise<VerificationReport> {
  const names = inv.devices.filter((d) => d.site === opts.site).map((d) => d.name);
  const drift = names.length > 0 ? await checkDrift(inv, deps, { devices: names, parallel: opts.parallel ?? 8 }) : undefined;
  const devices = drift?.devices ?? [];
  const results = opts.dataPlane ? runChecks(siteChecks(inv, opts.site, opts.peers ?? []), opts.deadlineMs) : [];
  const problems = [...devices.flatMap(deviceProblems), ...results.filter((r) => !r.ok).map(checkLine)];
  return {
    site: opts.site,
    ok: problems.length === 0,
    devices,
    objects: devices.reduce((n, d) => n + d.checked, 0),
    checks: results.map((r) => ({ kind: r.kind, from: r.from.name, to: r.to.name, ok: r.ok })),
    problems,
  };
}

/** What `citydc verify` prints (and the command resource logs): a head line, one line per device and check, a verdict. */
export function verificationText(r: VerificationReport, stack?: string): string {
  const out = [
    `verify site ${r.site}${stack ? ` (stack ${stack})` : ""}: ${r.devices.length} device(s), ${r.objects} config object(s) read back` +
      (r.checks.length ? `, ${r.checks.length} data-plane check(s)` : ""),
  ];
  for (const d of r.devices) {
    const p = deviceProblems(d);
    out.push(p.length === 0 ? `  ok    ${d.device} (${d.platform}): ${d.checked} object(s) as the inventory says` : `  FAIL  ${d.device} (${d.platform})`);
    for (const line of p) out.push(`          ${line}`);
  }
  if (r.checks.length) {
    const byKind = new Map<string, [number, number]>();
    for (const c of r.checks) {
      const n = byKind.get(c.kind) ?? [0, 0];
      byKind.set(c.kind, [n[0] + (c.ok ? 1 : 0), n[1] + 1]);
    }
    out.push(`  data plane: ${[...byKind].map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(", ")}`);
    for (const c of r.checks.filter((x) => !x.ok)) out.push(`  FAIL  data plane ${c.kind} ${c.from} -> ${c.to}`);
  }
  out.push(
    r.ok
      ? `verified: site ${r.site} does what the inventory says`
      : `FAILED: site ${r.site}: ${r.problems.length} problem(s): ${r.problems.join("; ")}`,
  );
  return out.join("\n") + "\n";
}
