/**
 * A stack run as a network engineer reads a change: per site, per device, the config objects added,
 * changed and removed, with the lines each sends. Built from the DeviceConfig steps of a preview (or an
 * up) and the platforms' change sets of old vs new objects. Printed as text, JSON or Markdown.
 */
import type { ConfigObject, DeviceChangeSet, ObjectChange, Platform } from "../platforms/types";
import { expandObjects, isLegacyState, leanOf } from "../provider/types";
import { keptOnRemoval } from "../provider/deviceConfigProvider";
import type { DeviceView, ResourceStep, StackRunResult } from "./stacks";
import { canonicalJson } from "../util/canonical";
import { naturalCompare } from "../util/natural";

export type DeviceAction = "create" | "update" | "delete" | "replace" | "same";

/** One object change of the plan; `repair` says when it puts back what was changed on the device (refresh). */
export type PlanChange = ObjectChange & {
  /** "changed on the device: vlan 999 -> 120, will be set back" / "missing on the device, will be put back". */
  readonly repair?: string;
};

export interface PlanDevice {
  readonly device: string;
  readonly site: string;
  readonly platform: string;
  readonly action: DeviceAction;
  /** The object changes in the order they are sent. */
  readonly changes: readonly PlanChange[];
  /** The whole script sent to the device in its one session (empty when nothing is sent). */
  readonly script: readonly string[];
  /** Other changes that send nothing (address moved, credentials rotated). */
  readonly notes: readonly string[];
  readonly error?: string;
}

export interface PlanCounts {
  readonly devices: Readonly<Record<DeviceAction, number>>;
  readonly objects: { readonly add: number; readonly change: number; readonly remove: number };
  /** Of those object changes, how many put back what was changed on the device (only with refresh; absent when none). */
  readonly repairs?: number;
}

/** The command resources of the run (components/checks.ts) that run (or would run): backups and verifications. */
export interface PlanChecks {
  /** Devices whose running configuration is captured before and after their change. */
  readonly backups: readonly string[];
  /** Sites verified after their devices. */
  readonly verify: readonly string[];
}

export interface Plan {
  readonly stack: string;
  readonly kind: StackRunResult["kind"];
  readonly ok: boolean;
  readonly counts: PlanCounts;
  readonly sites: readonly { readonly site: string; readonly devices: readonly PlanDevice[] }[];
  readonly failures: StackRunResult["failures"];
  readonly error?: string;
  /** Absent when no backup or verification runs. */
  readonly checks?: PlanChecks;
}

export type ChangeSetFn = (platform: Platform, olds: readonly ConfigObject[], news: readonly ConfigObject[], opts: { management: DeviceView["management"] }) => DeviceChangeSet;

/** A view's objects with their lines: rendered from its intent by its platform, or as an earlier state kept them. */
function objectsOf(v: DeviceView | undefined, platform: Platform | undefined): ConfigObject[] {
  return v ? expandObjects(v, platform) : [];
}

function actionOf(step: ResourceStep): DeviceAction {
  switch (step.op) {
    case "create":
    case "create-replacement":
      return "create";
    case "update":
    case "refresh":
      return "update";
    case "delete":
    case "delete-replaced":
    case "discard":
      return "delete";
    case "replace":
      return "replace";
    default:
      return "same";
  }
}


/** Two object maps compared as the provider compares them: kind, fields and digest (either shape of state). */
function leanJson(objects: DeviceView["objects"]): string {
  return canonicalJson(Object.fromEntries(Object.entries(objects).map(([k, o]) => [k, leanOf(o)])));
}

const fmtFields = (c: ObjectChange) =>
  Object.entries(c.fields ?? {})
    .map(([k, v]) => `${k} ${fmt(v.old)} -> ${fmt(v.new)}`)
    .join(", ");

/**
 * With a refresh, the state before it (`applied`: what citydc last put on the device) and after it (`old`: what
 * the device holds) tell a repair from an inventory change: an object the inventory did not change whose
 * device copy differs from what was applied is put back.
 */
export function repairOf(step: ResourceStep, c: ObjectChange): string | undefined {
  const applied = step.applied?.objects[c.key];
  const found = step.old?.objects[c.key];
  const intended = step.new?.objects[c.key];
  if (!step.applied || !applied || !intended) return undefined;
  if (canonicalJson(applied.fields) !== canonicalJson(intended.fields)) return undefined;
  if (found === undefined && c.action === "add") return "missing on the device, will be put back";
  if (found !== undefined && c.action === "change" && canonicalJson(found.fields) !== canonicalJson(applied.fields)) {
    const delta = fmtFields(c);
    return `changed on the device${delta ? `: ${delta}` : ""}, will be set back`;
  }
  return undefined;
}

/**
 * The backups and verifications a run steps over that do work (created or replaced), and those of the devices
 * that get a change their digest does not show (a repair after a refresh: `citydc up` replaces them).
 */
export function planChecks(run: StackRunResult, changed: readonly PlanDevice[] = []): PlanChecks | undefined {
  const devices = new Set(changed.filter((d) => d.changes.length > 0).map((d) => d.device));
  const sites = new Set(changed.filter((d) => d.changes.length > 0).map((d) => d.site));
  const doing = (run.checks ?? []).filter(
    (c) => /^(create|replace|create-replacement|update)$/.test(c.op) || (c.op === "same" && ((c.device && devices.has(c.device)) || (c.role === "verify" && c.site && sites.has(c.site)))),
  );
  const backups = [...new Set(doing.filter((c) => c.role !== "verify" && c.device).map((c) => c.device!))].sort(naturalCompare);
  const verify = [...new Set(doing.filter((c) => c.role === "verify" && c.site).map((c) => c.site!))];
  return backups.length + verify.length > 0 ? { backups, verify } : undefined;
}

/** Builds the plan of a run. `platform` and `changeSet` are the real ones (platforms/). */
export function buildPlan(run: StackRunResult, platform: (name: string) => Platform | undefined, changeSet: ChangeSetFn): Plan {
  const devices: PlanDevice[] = [];
  for (const step of run.devices) {
    const view = step.new ?? step.old;
    if (!view) continue;
    let action = actionOf(step);
    const p = platform(view.platform);
    const olds = action === "create" ? [] : objectsOf(step.old, step.old ? platform(step.old.platform) : undefined);
    const news = action === "delete" ? keptOnRemoval(olds, view.management) : objectsOf(step.new ?? step.old, p);
    const notes: string[] = [];
    if (step.old?.target && step.new?.target) {
      const [a, b] = [step.old.target, step.new.target];
      if (a.host !== b.host || a.port !== b.port) notes.push(`management address ${a.host}:${a.port} -> ${b.host}:${b.port} (whole configuration re-sent)`);
      if (a.user !== b.user) notes.push(`login user ${a.user} -> ${b.user}`);
      if (a.hostKey !== b.hostKey) notes.push("pinned host key changed");
    }
    if (action === "update" && step.diffs.includes("credentials")) notes.push("credentials rotated (nothing sent)");
    const moved = notes.some((n) => n.startsWith("management address"));
    let cs: DeviceChangeSet | undefined;
    let refused: string | undefined;
    try {
      if (p && action !== "same") cs = changeSet(p, moved ? [] : olds, news, { management: view.management });
      else if (p && action === "same" && leanJson(step.old?.objects ?? {}) !== leanJson(step.new?.objects ?? step.old?.objects ?? {})) {
        cs = changeSet(p, olds, news, { management: view.management });
        action = "update";
      }
    } catch (err) {
      refused = err instanceof Error ? err.message : String(err);
    }
    if (action === "update" && cs && cs.changes.length === 0 && step.old && isLegacyState(step.old) && step.new && !isLegacyState(step.new)) {
      notes.push("state written by an earlier citydc (each object with its lines): kept lean from now on, nothing is sent");
    }
    const changes: PlanChange[] = (cs?.changes ?? []).map((c) => {
      const repair = repairOf(step, c);
      return repair ? { ...c, repair } : c;
    });
    devices.push({
      device: view.device,
      site: view.site,
      platform: view.platform,
      action,
      changes,
      script: cs && cs.changes.length > 0 ? cs.script : [],
      notes,
      ...(step.error || refused ? { error: step.error ?? refused } : {}),
    });
  }
  // Sites in the stack's own order (its config: the data center first), then any other by name.
  const order = Array.isArray(run.outputs?.sites) ? (run.outputs!.sites as unknown[]).map(String) : [];
  const rankOf = (site: string) => (order.includes(site) ? order.indexOf(site) : order.length);
  devices.sort((a, b) => rankOf(a.site) - rankOf(b.site) || naturalCompare(a.site, b.site) || naturalCompare(a.device, b.device));
  const sites = [...new Set(devices.map((d) => d.site))].map((site) => ({ site, devices: devices.filter((d) => d.site === site) }));
  const count = (a: DeviceAction) => devices.filter((d) => d.action === a).length;
  const all = devices.flatMap((d) => d.changes);
  const repairs = all.filter((c) => c.repair).length;
  const checks = run.kind === "destroy" ? undefined : planChecks(run, devices);
  return {
    stack: run.stack,
    kind: run.kind,
    ok: run.ok,
    counts: {
      devices: { create: count("create"), update: count("update"), delete: count("delete"), replace: count("replace"), same: count("same") },
      objects: {
        add: all.filter((c) => c.action === "add").length,
        change: all.filter((c) => c.action === "change").length,
        remove: all.filter((c) => c.action === "remove").length,
      },
      ...(repairs > 0 ? { repairs } : {}),
    },
    sites,
    failures: run.failures,
    ...(run.error !== undefined ? { error: run.error } : {}),
    ...(checks ? { checks } : {}),
  };
}

const SIGN = { add: "+", change: "~", remove: "-" } as const;
const VERB: Record<DeviceAction, string> = { create: "to configure", update: "to change", delete: "to clear", replace: "to replace", same: "unchanged" };

function fieldDelta(c: PlanChange): string {
  if (c.repair) return `: ${c.repair}`;
  if (!c.fields) return "";
  const parts = Object.entries(c.fields).map(([k, v]) => `${k} ${fmt(v.old)} -> ${fmt(v.new)}`);
  return parts.length > 0 ? `: ${parts.join(", ")}` : "";
}

function fmt(v: unknown): string {
  if (v === undefined || v === null) return "(none)";
  if (Array.isArray(v)) return `[${v.join(",")}]`;
  return String(v);
}

export function countsLine(plan: Plan): string {
  const d = plan.counts.devices;
  const o = plan.counts.objects;
  const changed = d.create + d.update + d.delete + d.replace;
  return (
    `${changed} device${changed === 1 ? "" : "s"} to touch (${d.create} to configure, ${d.update} to change, ${d.delete} to clear` +
    `${d.replace ? `, ${d.replace} to replace` : ""}), ${d.same} unchanged; objects: ${o.add} to add, ${o.change} to change, ${o.remove} to remove` +
    (plan.counts.repairs ? ` (${plan.counts.repairs} of them put back what was changed on the device)` : "")
  );
}

/** "checks: config backups before and after on a, b; verification of site x after its devices" */
export function checksLine(plan: Plan): string | undefined {
  const c = plan.checks;
  if (!c) return undefined;
  const parts: string[] = [];
  if (c.backups.length) parts.push(`config backups before and after on ${c.backups.join(", ")}`);
  if (c.verify.length) parts.push(`verification of site${c.verify.length === 1 ? "" : "s"} ${c.verify.join(", ")} after ${c.verify.length === 1 ? "its" : "their"} devices`);
  return `checks: ${parts.join("; ")}`;
}

export interface FormatOptions {
  /** Print the config lines of each change (default true). */
  readonly lines?: boolean;
  /** List unchanged devices too (default false). */
  readonly unchanged?: boolean;
  /** Markdown only: a section (the topology of the change) placed after the counts. */
  readonly picture?: string;
}

export function formatText(plan: Plan, opts: FormatOptions = {}): string {
  const lines = opts.lines ?? true;
  const out: string[] = [`stack ${plan.stack}: ${countsLine(plan)}`];
  for (const s of plan.sites) {
    const shown = s.devices.filter((d) => opts.unchanged || d.action !== "same" || d.error);
    if (shown.length === 0) continue;
    out.push("", `site ${s.site}`);
    for (const d of shown) {
      const n = d.changes.length;
      out.push(`  device ${d.device} (${d.platform}): ${VERB[d.action]}${n ? `, ${n} object${n === 1 ? "" : "s"}` : ""}${d.error ? `  FAILED: ${d.error}` : ""}`);
      for (const note of d.notes) out.push(`    note: ${note}`);
      for (const c of d.changes) {
        out.push(`    ${SIGN[c.action]} ${c.summary}${fieldDelta(c)}`);
        if (lines) for (const l of c.commands) out.push(`        ${l}`);
      }
    }
  }
  const checks = checksLine(plan);
  if (checks) out.push("", checks);
  if (plan.error) out.push("", `error: ${plan.error}`);
  return out.join("\n") + "\n";
}

export function formatMarkdown(plan: Plan, opts: FormatOptions = {}): string {
  const lines = opts.lines ?? true;
  const out: string[] = [`## citydc plan: stack \`${plan.stack}\``, "", countsLine(plan)];
  if (opts.picture) out.push("", opts.picture.replace(/\n$/, ""));
  for (const s of plan.sites) {
    const shown = s.devices.filter((d) => opts.unchanged || d.action !== "same" || d.error);
    if (shown.length === 0) continue;
    out.push("", `### site ${s.site}`);
    for (const d of shown) {
      out.push("", `#### ${d.device} (${d.platform}): ${VERB[d.action]}${d.error ? ` **FAILED**: ${d.error}` : ""}`, "");
      for (const note of d.notes) out.push(`- note: ${note}`);
      for (const c of d.changes) out.push(`- ${SIGN[c.action]} ${c.summary}${fieldDelta(c)}`);
      if (lines && d.changes.length > 0) {
        out.push("", "```diff");
        for (const c of d.changes) for (const l of c.commands) out.push(`${SIGN[c.action] === "~" ? "!" : SIGN[c.action]} ${l}`);
        out.push("```");
      }
    }
  }
  const checks = checksLine(plan);
  if (checks) out.push("", checks);
  if (plan.error) out.push("", `**error:** ${plan.error}`);
  return out.join("\n") + "\n";
}

export function formatJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}
