/**
 * dr: a DR site must be able to take over its primary's protected services. Codes: E_DR_SITE (a dr
 * site without `protects`, protecting a site that is not a primary, `protects` on a non-dr site, a
 * dr: entry that disagrees with the site), E_DR_VLAN_MISSING (a protected VLAN, listed or through a
 * protected service, not defined at the DR site or at the primary), E_DR_NO_DCI (no dci trunk
 * between the two sites carries the VLAN), W_DR_UNPROTECTED (a dr site without a dr: entry),
 * W_DR_SINGLE_PATH (protected VLANs reach the DR site over one DCI cable: no redundant path).
 * Same ID and subnet hold by construction: a VLAN is one object listing its sites.
 */
import type { Check } from "./context";

export const dr: Check = (ctx) => {
  const inv = ctx.inv;
  const site = (name: string | undefined) => (name === undefined ? undefined : inv.sites[ctx.sites.get(name) ?? -1]);
  const covered = new Set(inv.dr.map((r) => r.site));
  inv.sites.forEach((s, si) => {
    if (s.role === "dr") {
      if (s.protects === undefined) {
        ctx.error("E_DR_SITE", `/sites/${si}`, `DR site ${s.name} does not say which site it protects`, "add `protects: <primary site>`");
        return;
      }
      const p = site(s.protects);
      if (p && p.role !== "primary") ctx.error("E_DR_SITE", `/sites/${si}/protects`, `DR site ${s.name} protects ${p.name}, which is a ${p.role} site`, "a DR site protects a primary site");
      if (!covered.has(s.name)) ctx.warn("W_DR_UNPROTECTED", `/sites/${si}`, `DR site ${s.name} has no dr: entry, so nothing is checked for takeover`, `add a dr: entry (site: ${s.name}, protects: ${s.protects}, vlans/services)`);
    } else if (s.protects !== undefined) {
      ctx.error("E_DR_SITE", `/sites/${si}/protects`, `site ${s.name} has role ${s.role} but sets protects`, "set `role: dr`, or remove `protects:`");
    }
  });

  inv.dr.forEach((r, ri) => {
    const base = `/dr/${ri}`;
    const S = site(r.site);
    const P = site(r.protects);
    if (!S || !P) return; // references check
    if (S.role !== "dr") ctx.error("E_DR_SITE", `${base}/site`, `dr: entry for ${S.name}, which has role ${S.role}`, `set \`role: dr\` and \`protects: ${P.name}\` on site ${S.name}`);
    else if (S.protects !== undefined && S.protects !== P.name) ctx.error("E_DR_SITE", `${base}/protects`, `dr: entry says ${S.name} protects ${P.name}, the site says ${S.protects}`, "make the dr: entry and the site's protects agree");

    // VLANs carried by dci trunks between the two sites ("all" = every VLAN), and by which cables.
    let all = false;
    const carried = new Set<number>();
    const paths: { a: string; b: string; vlans: "all" | Set<number> }[] = [];
    for (const l of inv.links) {
      if (l.kind !== "dci") continue;
      const sa = ctx.siteOf(l.a.device);
      const sb = ctx.siteOf(l.b.device);
      if (!((sa === S.name && sb === P.name) || (sa === P.name && sb === S.name))) continue;
      const pa = ctx.port(l.a.device, l.a.interface);
      const pb = ctx.port(l.b.device, l.b.interface);
      if (!pa || !pb) continue;
      const a = ctx.settings(pa);
      const b = ctx.settings(pb);
      if (a.mode !== "trunk" || b.mode !== "trunk") continue;
      const aAll = a.allowed === undefined || a.allowed === "all";
      const bAll = b.allowed === undefined || b.allowed === "all";
      const [primaryEnd, drEnd] = ctx.siteOf(l.a.device) === P.name ? [l.a.device, l.b.device] : [l.b.device, l.a.device];
      if (aAll && bAll) {
        all = true;
        paths.push({ a: primaryEnd, b: drEnd, vlans: "all" });
      } else {
        const other = aAll ? undefined : new Set(a.allowed as readonly number[]);
        const these = new Set<number>();
        for (const v of bAll ? (a.allowed as readonly number[]) : (b.allowed as readonly number[])) if (!other || other.has(v)) these.add(v);
        for (const v of these) carried.add(v);
        paths.push({ a: primaryEnd, b: drEnd, vlans: these });
      }
    }
    const single: number[] = [];
    let weakest = "";

    const protectedVlans: { id: number; path: string; why: string }[] = r.vlans.map((id, k) => ({ id, path: `${base}/vlans/${k}`, why: "" }));
    r.services.forEach((name, k) => {
      const si = ctx.services.get(name);
      if (si === undefined) return;
      for (const id of inv.services[si]!.vlans) protectedVlans.push({ id, path: `${base}/services/${k}`, why: ` (service ${name})` });
    });
    const done = new Set<number>();
    for (const { id, path, why } of protectedVlans) {
      if (done.has(id)) continue;
      done.add(id);
      if (ctx.vlans.get(id) === undefined) continue; // references check
      // the VLAN the ID means at each site (an ID in a VLAN group may mean another VLAN at the other site)
      const atDr = ctx.vlanAt(S.name, id)?.vlan;
      const atPrimary = ctx.vlanAt(P.name, id)?.vlan;
      if (!atDr) {
        ctx.error("E_DR_VLAN_MISSING", path, `protected VLAN ${id}${why} is not defined at DR site ${S.name}`, `add ${S.name} to the sites of VLAN ${id} (same ID and subnet as at ${P.name})`);
        continue;
      }
      if (!atPrimary) {
        ctx.error("E_DR_VLAN_MISSING", path, `protected VLAN ${id}${why} is not defined at the primary site ${P.name}`, `add ${P.name} to the sites of VLAN ${id}, or stop protecting it`);
        continue;
      }
      if (atDr !== atPrimary) {
        ctx.error("E_DR_VLAN_MISSING", path, `protected VLAN ${id}${why} is ${atPrimary.name} at ${P.name} but ${atDr.name} at ${S.name}: the DR site has no copy of it`, `list both sites on one VLAN ${id} (stretched, same subnet), outside site-local groups`);
        continue;
      }
      if (!all && !carried.has(id)) {
        ctx.error("E_DR_NO_DCI", path, `no dci trunk between ${P.name} and ${S.name} carries protected VLAN ${id}${why}`, `add ${id} to the allowed VLANs of both ends of a dci link between ${P.name} and ${S.name}`);
        continue;
      }
      // A redundant path: at least two DCI cables carry the VLAN.
      const via = paths.filter((x) => x.vlans === "all" || x.vlans.has(id));
      if (via.length === 1) {
        single.push(id);
        weakest = `${via[0]!.a} <-> ${via[0]!.b}`;
      }
    }
    if (single.length > 0) {
      ctx.warn("W_DR_SINGLE_PATH", base, `protected VLAN${single.length > 1 ? "s" : ""} ${single.join(", ")} reach${single.length > 1 ? "" : "es"} DR site ${S.name} over one DCI cable (${weakest}): a cut isolates the DR site`, "add a second DCI cable carrying them (a LAG member, or a link from another device)");
    }
  });
};
