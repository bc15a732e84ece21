/**
 * vlan-groups: a VLAN group scopes VLAN IDs to its sites, so one ID can mean another VLAN elsewhere; at any
 * one site an ID means one VLAN. Codes: E_REF_UNKNOWN (a VLAN names an unknown group, a group an unknown
 * site), E_VLAN_GROUP_SITE (a VLAN of a group listed at a site outside the group), E_VLAN_ID_CONFLICT (two
 * VLANs with one ID at one site: an ID in a group may be reused only where the other VLAN is not).
 */
import type { Check } from "./context";

export const vlanGroups: Check = (ctx) => {
  const inv = ctx.inv;
  const groups = new Map((inv.vlanGroups ?? []).map((g) => [g.name, g] as const));
  (inv.vlanGroups ?? []).forEach((g, gi) => {
    g.sites.forEach((s, k) => {
      if (!ctx.sites.has(s)) ctx.error("E_REF_UNKNOWN", `/vlanGroups/${gi}/sites/${k}`, `unknown site '${s}'${ctx.suggest(s, ctx.sites.keys())}`, "use the name of a site defined under sites:");
    });
  });
  // site -> id -> the first VLAN there
  const first = new Map<string, Map<number, number>>();
  inv.vlans.forEach((v, vi) => {
    if (v.group !== undefined) {
      const g = groups.get(v.group);
      if (!g) ctx.error("E_REF_UNKNOWN", `/vlans/${vi}/group`, `unknown VLAN group '${v.group}'${ctx.suggest(v.group, groups.keys())}`, "use the name of a group defined under vlanGroups:, or define it there");
      else {
        v.sites.forEach((s, k) => {
          if (!g.sites.includes(s)) ctx.error("E_VLAN_GROUP_SITE", `/vlans/${vi}/sites/${k}`, `VLAN ${v.id} (${v.name}) of group ${g.name} is listed at ${s}, which the group does not cover (${g.sites.join(", ")})`, `add ${s} to group ${g.name}, or take it off the VLAN`);
        });
      }
    }
    for (const s of v.sites) {
      let m = first.get(s);
      if (!m) first.set(s, (m = new Map()));
      const other = m.get(v.id);
      if (other === undefined) m.set(v.id, vi);
      else if (inv.vlans[other]!.group !== v.group) {
        // the same group twice is the unique check's E_DUPLICATE
        const o = inv.vlans[other]!;
        ctx.error("E_VLAN_ID_CONFLICT", `/vlans/${vi}/id`, `VLAN ${v.id} at site ${s} would be both ${o.name}${o.group ? ` (group ${o.group})` : ""} and ${v.name}${v.group ? ` (group ${v.group})` : ""}`, "at one site an ID means one VLAN: pick another ID, or keep the two VLANs at different sites");
      }
    }
  });
};
