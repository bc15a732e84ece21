/**
 * Risky changes between two inventory revisions (pure). Each risk has a stable code; tests assert codes.
 *
 *   RISK_VLAN_IN_USE   a VLAN leaves a site (deleted, or the site dropped from its `sites`) while a port,
 *                      LAG or management setting in the new revision still carries it.
 *   RISK_DR_PARITY     a DR protection is removed, a protected VLAN is dropped from it, or a VLAN the DR
 *                      site must carry for its primary no longer exists at both sites with the same subnet.
 *   RISK_MGMT_PATH     a device's management path changes: address/port, the management interface
 *                      removed, disabled or no longer carrying the management VLAN, the management VLAN
 *                      gone from the device's site.
 *   RISK_DCI_REMOVED   a link of kind `dci` between sites is removed (or stops being a DCI link).
 *   RISK_POLICY_CUTS_SERVICE  a policy change denies traffic towards a service that was let through: an ACL entry
 *                      that denies towards one of the service's subnets is new, or one that permitted towards it
 *                      is gone (the devices' ACLs of both revisions compared, intent/policy.ts).
 */
import type { Device, Interface, Inventory, Lag } from "../model/types";
import type { InventoryDiff } from "./diff";
import { deriveIntent } from "../intent/derive";
import type { AclEntryIntent } from "../intent/types";
import { networkOf, prefixesOverlap } from "../model/policy";
import { naturalCompare } from "../util/natural";

export type RiskCode = "RISK_VLAN_IN_USE" | "RISK_DR_PARITY" | "RISK_MGMT_PATH" | "RISK_DCI_REMOVED" | "RISK_POLICY_CUTS_SERVICE";

export interface Risk {
  readonly code: RiskCode;
  readonly severity: "high" | "medium";
  /** Natural key of the object at risk: "VLAN 120", "device kg-dc1-leaf01", "link a <-> b". */
  readonly object: string;
  readonly sites: readonly string[];
  readonly devices: readonly string[];
  readonly message: string;
}

const LIST_MAX = 5;

function listSome(items: readonly string[]): string {
  const head = items.slice(0, LIST_MAX).join(", ");
  return items.length > LIST_MAX ? `${head} and ${items.length - LIST_MAX} more` : head;
}

function vlanSites(inv: Inventory): Map<number, Set<string>> {
  // every site where the ID means some VLAN (VLAN groups reuse IDs at other sites)
  const m = new Map<number, Set<string>>();
  for (const v of inv.vlans ?? []) {
    const set = m.get(v.id) ?? new Set<string>();
    for (const s of v.sites ?? []) set.add(s);
    m.set(v.id, set);
  }
  return m;
}

type Port = Pick<Interface, "mode" | "vlan" | "allowed" | "native"> & Partial<Pick<Interface, "enabled">>;

function carries(p: Port, vlan: number): boolean {
  if (p.vlan === vlan || p.native === vlan) return true;
  return Array.isArray(p.allowed) && p.allowed.includes(vlan);
}

/** VLAN id -> "device port" strings (with the device's site) of every port that names the VLAN explicitly. */
function portsNeeding(inv: Inventory): Map<number, { port: string; site: string; device: string }[]> {
  const m = new Map<number, { port: string; site: string; device: string }[]>();
  const add = (vlan: number, port: string, d: Device): void => {
    const list = m.get(vlan);
    const item = { port, site: d.site, device: d.name };
    if (list) list.push(item);
    else m.set(vlan, [item]);
  };
  for (const d of inv.devices ?? []) {
    const ports: (Interface | Lag)[] = [...(d.interfaces ?? []), ...(d.lags ?? [])];
    for (const p of ports) {
      const ids = new Set<number>();
      if (p.vlan !== undefined) ids.add(p.vlan);
      if (p.native !== undefined) ids.add(p.native);
      if (Array.isArray(p.allowed)) for (const v of p.allowed) ids.add(v);
      for (const v of ids) add(v, `${d.name} ${p.name}`, d);
    }
    if (d.management?.vlan !== undefined) add(d.management.vlan, `${d.name} management`, d);
  }
  return m;
}

function vlanInUse(oldInv: Inventory, newInv: Inventory): Risk[] {
  const before = vlanSites(oldInv);
  const after = vlanSites(newInv);
  let needs: ReturnType<typeof portsNeeding> | undefined;
  const risks: Risk[] = [];
  for (const [id, sites] of before) {
    const now = after.get(id) ?? new Set<string>();
    const gone = [...sites].filter((s) => !now.has(s)).sort(naturalCompare);
    if (gone.length === 0) continue;
    needs ??= portsNeeding(newInv);
    const users = needs.get(id) ?? [];
    if (users.length === 0) continue;
    const userSites = [...new Set(users.map((u) => u.site))].sort(naturalCompare);
    const devices = [...new Set(users.map((u) => u.device))].sort(naturalCompare);
    const where = now.size === 0 ? "deleted" : `removed from site ${gone.join(", ")}`;
    risks.push({
      code: "RISK_VLAN_IN_USE",
      severity: "high",
      object: `VLAN ${id}`,
      sites: [...new Set([...gone, ...userSites])].sort(naturalCompare),
      devices,
      message: `VLAN ${id} ${where} while ${users.length} port(s) at ${userSites.join(", ")} still carry it: ${listSome(users.map((u) => u.port))}`,
    });
  }
  return risks;
}

/** Protected VLAN ids per DR site (explicit VLANs plus the VLANs of protected services). */
function protectedVlans(inv: Inventory): Map<string, { protects: string; vlans: Set<number> }> {
  const services = new Map((inv.services ?? []).map((s) => [s.name, s]));
  const m = new Map<string, { protects: string; vlans: Set<number> }>();
  for (const p of inv.dr ?? []) {
    const vlans = new Set<number>(p.vlans ?? []);
    for (const s of p.services ?? []) for (const v of services.get(s)?.vlans ?? []) vlans.add(v);
    m.set(p.site, { protects: p.protects, vlans });
  }
  return m;
}

/** Parity violations, keyed for comparison between revisions: "<dr site>|<vlan>" -> message. */
function parityViolations(inv: Inventory): Map<string, string> {
  const vlans = new Map<number, NonNullable<Inventory["vlans"]>[number][]>();
  for (const v of inv.vlans ?? []) vlans.set(v.id, [...(vlans.get(v.id) ?? []), v]);
  const out = new Map<string, string>();
  for (const [site, p] of protectedVlans(inv)) {
    for (const id of p.vlans) {
      // the VLAN of that ID at the DR site (VLAN groups reuse IDs elsewhere)
      const all = vlans.get(id) ?? [];
      const v = all.find((x) => (x.sites ?? []).includes(site)) ?? all[0];
      if (!v) out.set(`${site}|${id}`, `VLAN ${id} is protected by DR site ${site} but no longer exists`);
      else {
        const missing = [p.protects, site].filter((s) => !(v.sites ?? []).includes(s));
        if (missing.length > 0)
          out.set(`${site}|${id}`, `VLAN ${id} is protected by DR site ${site} but is not at ${missing.join(" and ")}`);
      }
    }
  }
  return out;
}

function drParity(oldInv: Inventory, newInv: Inventory): Risk[] {
  const risks: Risk[] = [];
  const before = protectedVlans(oldInv);
  const after = protectedVlans(newInv);
  for (const [site, p] of before) {
    const now = after.get(site);
    if (!now) {
      risks.push({
        code: "RISK_DR_PARITY", severity: "high", object: `DR protection ${site}`, sites: [site, p.protects].sort(naturalCompare),
        devices: [], message: `DR protection of ${p.protects} by ${site} is removed (${p.vlans.size} VLAN(s) no longer protected)`,
      });
      continue;
    }
    const dropped = [...p.vlans].filter((v) => !now.vlans.has(v)).sort((a, b) => a - b);
    if (dropped.length > 0)
      risks.push({
        code: "RISK_DR_PARITY", severity: "medium", object: `DR protection ${site}`, sites: [site, p.protects].sort(naturalCompare),
        devices: [], message: `DR site ${site} no longer protects VLAN(s) ${dropped.join(", ")} of ${p.protects}`,
      });
  }
  const oldV = parityViolations(oldInv);
  for (const [key, message] of parityViolations(newInv)) {
    if (oldV.has(key)) continue;
    const [site, id] = key.split("|");
    const p = after.get(site!)!;
    risks.push({
      code: "RISK_DR_PARITY", severity: "high", object: `VLAN ${id}`, sites: [site!, p.protects].sort(naturalCompare),
      devices: [], message,
    });
  }
  return risks;
}

function mgmtCarried(d: Device): boolean | undefined {
  const m = d.management;
  if (!m?.interface) return undefined;
  const i = (d.interfaces ?? []).find((x) => x.name === m.interface) ?? (d.lags ?? []).find((x) => x.name === m.interface);
  if (!i) return false;
  if ("enabled" in i && i.enabled === false) return false;
  if (m.vlan === undefined) return true;
  if (i.mode === "trunk" && (i.allowed === undefined || i.allowed === "all")) return true;
  return carries(i, m.vlan);
}

function mgmtPath(oldInv: Inventory, newInv: Inventory): Risk[] {
  const risks: Risk[] = [];
  const newDevices = new Map((newInv.devices ?? []).map((d) => [d.name, d]));
  const newVlanSites = vlanSites(newInv);
  for (const od of oldInv.devices ?? []) {
    const nd = newDevices.get(od.name);
    if (!nd) continue;
    const reasons: string[] = [];
    const om = od.management;
    const nm = nd.management;
    if (om?.address !== nm?.address || om?.port !== nm?.port)
      reasons.push(`management address changes from ${om?.address}:${om?.port} to ${nm?.address}:${nm?.port}`);
    if (om?.interface !== undefined && nm?.interface !== om.interface)
      reasons.push(`management interface changes from ${om.interface} to ${nm?.interface ?? "none"}`);
    else if (mgmtCarried(od) === true && mgmtCarried(nd) === false)
      reasons.push(`management interface ${nm?.interface} is removed, disabled or no longer carries VLAN ${nm?.vlan}`);
    if (om?.vlan !== undefined && nm?.vlan !== om.vlan)
      reasons.push(`management VLAN changes from ${om.vlan} to ${nm?.vlan ?? "none"}`);
    else if (nm?.vlan !== undefined && !(newVlanSites.get(nm.vlan)?.has(nd.site) ?? false))
      reasons.push(`management VLAN ${nm.vlan} is no longer defined at site ${nd.site}`);
    if (reasons.length > 0)
      risks.push({
        code: "RISK_MGMT_PATH", severity: "high", object: `device ${nd.name}`, sites: [nd.site], devices: [nd.name],
        message: `${nd.name}: ${reasons.join("; ")}`,
      });
  }
  return risks;
}

function dciRemoved(diff: InventoryDiff): Risk[] {
  const risks: Risk[] = [];
  for (const c of diff.changes) {
    if (c.type !== "link") continue;
    const kind = c.fields.find((f) => f.field === "kind");
    const removed = c.action === "remove" && kind?.old === "dci";
    const demoted = (c.action === "change" || c.action === "rename") && kind?.old === "dci";
    if (!removed && !demoted) continue;
    const devices = c.key.split(" <-> ").map((e) => e.slice(0, e.lastIndexOf(":")));
    risks.push({
      code: "RISK_DCI_REMOVED", severity: "high", object: `link ${c.key}`, sites: c.sites, devices,
      message: removed
        ? `DCI link ${c.key} is removed: the sites ${c.sites.join(" and ")} lose this interconnect`
        : `link ${c.key} is no longer a DCI link (kind ${String(kind?.new)})`,
    });
  }
  return risks;
}

function policyCutsService(oldInv: Inventory, newInv: Inventory): Risk[] {
  if (!newInv.policies) return [];
  const before = deriveIntent(oldInv);
  const after = deriveIntent(newInv);
  const text = (e: AclEntryIntent): string => `${e.action} ${e.protocol} ${e.source} -> ${e.destination}${e.destinationPorts ? ` ${e.destinationPorts.join(",")}` : ""}${e.sourcePorts ? ` sport ${e.sourcePorts.join(",")}` : ""}${e.established ? " established" : ""}${e.icmpType ? ` ${e.icmpType}` : ""}`;
  const risks: Risk[] = [];
  for (const svc of newInv.services ?? []) {
    const subnets = (newInv.vlans ?? []).filter((v) => svc.vlans.includes(v.id) && v.subnet).map((v) => networkOf(v.subnet!)!);
    if (subnets.length === 0) continue;
    const cuts: { device: string; site: string; what: string }[] = [];
    for (const [device, intent] of after) {
      for (const acl of intent.acls ?? []) {
        const old = before.get(device)?.acls?.find((a) => a.name === acl.name);
        const had = new Set((old?.entries ?? []).map(text));
        const has = new Set(acl.entries.map(text));
        const towards = (e: AclEntryIntent): boolean => e.destination !== "any" && prefixesOverlap([e.destination], subnets);
        for (const e of acl.entries) if (e.action === "deny" && towards(e) && !had.has(text(e))) cuts.push({ device, site: intent.site, what: `${acl.name} now denies ${e.source} -> ${e.destination} (${e.reason})` });
        for (const e of old?.entries ?? []) if (e.action === "permit" && towards(e) && !has.has(text(e))) cuts.push({ device, site: intent.site, what: `${acl.name} no longer permits ${text(e).replace(/^permit /, "")} (${e.reason})` });
      }
    }
    if (cuts.length === 0) continue;
    const devices = [...new Set(cuts.map((c) => c.device))].sort(naturalCompare);
    risks.push({
      code: "RISK_POLICY_CUTS_SERVICE", severity: "high", object: `service ${svc.name}`, sites: [...new Set(cuts.map((c) => c.site))].sort(naturalCompare), devices,
      message: `service ${svc.name} (${subnets.join(", ")}): ${listSome([...new Set(cuts.map((c) => `${c.device} ${c.what}`))])}`,
    });
  }
  return risks;
}

export function assessRisks(oldInv: Inventory, newInv: Inventory, diff: InventoryDiff): Risk[] {
  if (diff.equal) return [];
  return [...vlanInUse(oldInv, newInv), ...drParity(oldInv, newInv), ...mgmtPath(oldInv, newInv), ...dciRemoved(diff), ...policyCutsService(oldInv, newInv)];
}
