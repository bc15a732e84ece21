/**
 * DR parity against what the primary stack last applied. A stack per site means the DR site's stack and its
 * primary's stack are applied apart: the inventory can be consistent in each run and still leave the DR site
 * without a VLAN the primary site runs (the primary applied a newer inventory, or the DR stack is run from an
 * older one). So every stack exports, per site it configures, the DR-protected VLANs its devices carry
 * (output `drProtected`), and a stack holding a DR site with `citydc:primaryStack` set reads that output
 * through a stack reference and refuses to run when the DR site would not carry one of them.
 */
import type { Inventory } from "../model/types";
import type { DeviceBuild } from "../components/types";

/** The VLAN IDs a DR entry protects: its own list and its services' VLANs. */
export function protectedVlans(inv: Inventory, drSite: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const d of inv.dr.filter((x) => x.site === drSite)) {
    const ids = new Set<number>(d.vlans);
    for (const name of d.services) for (const id of inv.services.find((s) => s.name === name)?.vlans ?? []) ids.add(id);
    out.set(d.protects, [...new Set([...(out.get(d.protects) ?? []), ...ids])].sort((a, b) => a - b));
  }
  return out;
}

/** The VLAN IDs the devices of a site carry (their `vlan:<id>` config objects). */
export function siteVlans(devices: Iterable<DeviceBuild>, site: string): Set<number> {
  const out = new Set<number>();
  for (const d of devices) {
    if (d.device.site !== site) continue;
    for (const o of d.objects) {
      const m = /^vlan:(\d+)$/.exec(o.key);
      if (m) out.add(Number(m[1]));
    }
  }
  return out;
}

/** The stack output `drProtected`: per site of this stack that a DR site protects, the protected VLANs it carries. */
export function drProtectedOutput(inv: Inventory, devices: Iterable<DeviceBuild>, sites: readonly string[]): Record<string, number[]> {
  const list = [...devices];
  const out: Record<string, number[]> = {};
  for (const site of sites) {
    const ids = new Set<number>();
    for (const d of inv.dr.filter((x) => x.protects === site)) for (const id of protectedVlans(inv, d.site).get(site) ?? []) ids.add(id);
    if (ids.size === 0) continue;
    const carried = siteVlans(list, site);
    out[site] = [...ids].filter((id) => carried.has(id)).sort((a, b) => a - b);
  }
  return out;
}

/**
 * The problems of this run's DR sites against the primary stack's last `drProtected`: one line per DR site
 * that would not carry a VLAN its primary site runs protected.
 */
export function parityAgainstApplied(
  inv: Inventory,
  devices: Iterable<DeviceBuild>,
  sites: readonly string[],
  primaryStack: string,
  applied: Readonly<Record<string, readonly number[]>>,
): string[] {
  const list = [...devices];
  const problems: string[] = [];
  for (const site of sites) {
    for (const d of inv.dr.filter((x) => x.site === site)) {
      const runs = applied[d.protects];
      if (!runs) continue;
      const carried = siteVlans(list, site);
      const missing = runs.filter((id) => !carried.has(id));
      if (missing.length > 0)
        problems.push(
          `DR site ${site}: stack ${primaryStack} last applied protected VLAN${missing.length > 1 ? "s" : ""} ${missing.join(", ")} at ${d.protects}, ` +
            `which this run leaves off ${site} (DR parity with what the primary runs): apply stack ${primaryStack} first, or keep ${missing.length > 1 ? "them" : "it"} at ${site}`,
        );
    }
  }
  return problems;
}
