/**
 * stp: a site's spanning tree must be one every switch there can run, with a region that makes sense.
 * Codes: E_PLATFORM_FEATURE (a switch whose platform does not run the site's protocol, e.g. mstp on ovs),
 * E_STP_INSTANCE (an MSTP instance on an rstp site, a VLAN in two instances, an instance VLAN that is not
 * at the site), E_STP_PORT (a port-level stp setting on a port that is not a switch port), W_STP_UNUSED
 * (stp settings on a device or port that runs no spanning tree: its site has none), W_STP_NO_ROOT (a site
 * with spanning tree and neither a core or spine switch nor an explicit priority: the root is elected by
 * MAC address, unless a DCI joins it to a site that has one), W_STP_BOND (a LAG between switches on a
 * platform whose LAGs take no part in the spanning tree: ovs bonds).
 */
import { CAPABILITIES } from "../capabilities";
import type { Check } from "./context";

export const stp: Check = (ctx) => {
  const inv = ctx.inv;
  const siteIndex = new Map(inv.sites.map((s, i) => [s.name, i] as const));
  inv.sites.forEach((s, si) => {
    const st = s.stp;
    if (!st) return;
    const inst = `/sites/${si}/stp/instances`;
    if (st.mode !== "mstp" && st.instances.length > 0) {
      ctx.error("E_STP_INSTANCE", inst, `site ${s.name} runs ${st.mode}, which has one tree: MSTP instances do not apply`, "set mode: mstp, or remove instances");
    }
    const seen = new Map<number, number>();
    st.instances.forEach((x, k) => {
      x.vlans.forEach((v, j) => {
        const first = seen.get(v);
        if (first !== undefined && first !== x.id) {
          ctx.error("E_STP_INSTANCE", `${inst}/${k}/vlans/${j}`, `VLAN ${v} is mapped to MSTP instances ${first} and ${x.id} at site ${s.name}`, "map each VLAN to one instance");
        }
        seen.set(v, x.id);
        if (!ctx.vlanAt(s.name, v)) {
          ctx.error("E_STP_INSTANCE", `${inst}/${k}/vlans/${j}`, `MSTP instance ${x.id} maps VLAN ${v}, which is not defined at site ${s.name}`, `add ${s.name} to the VLAN's sites, or take ${v} out of the instance`);
        }
      });
    });
    const ids = new Set<number>();
    st.instances.forEach((x, k) => {
      if (ids.has(x.id)) ctx.error("E_STP_INSTANCE", `${inst}/${k}/id`, `MSTP instance ${x.id} is listed twice at site ${s.name}`, "list each instance once, with all its VLANs");
      ids.add(x.id);
    });
    const switches = inv.devices.filter((d) => d.site === s.name && CAPABILITIES[d.platform].features.includes("l2") && d.stp?.enabled !== false);
    const rooted = (site: string): boolean =>
      inv.devices.some((d) => d.site === site && CAPABILITIES[d.platform].features.includes("l2") && d.stp?.enabled !== false && (d.role === "core" || d.role === "spine" || d.stp?.priority !== undefined));
    // a site joined by a DCI trunk to one with a root is part of that tree
    const joined = inv.links.some((l) => {
      if (l.kind !== "dci") return false;
      const [a, b] = [ctx.siteOf(l.a.device), ctx.siteOf(l.b.device)];
      const other = a === s.name ? b : b === s.name ? a : undefined;
      return other !== undefined && other !== s.name && inv.sites[siteIndex.get(other) ?? -1]?.stp !== undefined && rooted(other);
    });
    if (switches.length > 0 && !joined && !rooted(s.name)) {
      ctx.warn("W_STP_NO_ROOT", `/sites/${si}/stp`, `site ${s.name} runs spanning tree but no switch is meant to be its root (no core or spine, no priority)`, "set stp.priority (e.g. 4096) on the switch that should be the root");
    }
  });

  inv.devices.forEach((d, di) => {
    const caps = CAPABILITIES[d.platform];
    const si = siteIndex.get(d.site);
    const st = si === undefined ? undefined : inv.sites[si]!.stp;
    const runs = st !== undefined && caps.features.includes("l2") && d.stp?.enabled !== false;
    if (d.stp && !st) {
      ctx.warn("W_STP_UNUSED", `/devices/${di}/stp`, `${d.name} has stp settings, but its site ${d.site} runs no spanning tree`, `add stp: { mode: ... } to site ${d.site}, or remove the device's stp`);
    }
    if (runs && caps.stpSkipsLags) {
      const li = d.lags.findIndex((l) => l.mode === "trunk" || l.mode === "access");
      if (li >= 0) ctx.warn("W_STP_BOND", `/devices/${di}/lags/${li}`, `${d.name} (${d.platform}) runs ${st.mode}, but its LAGs take no part in it: a loop through ${d.lags[li]!.name} is not broken`, "keep the switches' LAGs in a tree (no redundant path through a bond), or use single links where the tree must block");
    }
    if (runs && !caps.stp.includes(st.mode)) {
      ctx.error("E_PLATFORM_FEATURE", `/devices/${di}/platform`, `${d.name} (${d.platform}) cannot run ${st.mode}, the spanning tree of site ${d.site}${caps.stp.length > 0 ? ` (it runs ${caps.stp.join(", ")})` : ""}`, caps.stp.length > 0 ? `set the site's stp mode to ${caps.stp[0]}, or set stp: { enabled: false } on ${d.name}` : `set stp: { enabled: false } on ${d.name}`);
    }
    const port = (x: { stp?: unknown; mode?: string; lag?: string; name: string }, path: string, lagMode?: string) => {
      if (!x.stp) return;
      const mode = lagMode ?? x.mode;
      if (x.lag !== undefined) {
        ctx.error("E_STP_PORT", `${path}/stp`, `${d.name} ${x.name} is a member of ${x.lag}: spanning tree runs on the LAG`, `set stp on ${x.lag} instead`);
      } else if (mode !== "access" && mode !== "trunk") {
        ctx.error("E_STP_PORT", `${path}/stp`, `${d.name} ${x.name} is not a switch port (${mode ?? "unused"}): spanning tree does not run on it`, "remove stp from the port");
      } else if (!runs) {
        // say why the device runs none: its site has no tree, it is told to stay out of it, or its platform has none
        const off = st !== undefined && d.stp?.enabled === false;
        ctx.warn(
          "W_STP_UNUSED",
          `${path}/stp`,
          off ? `${d.name} ${x.name} has stp settings, but ${d.name} takes no part in site ${d.site}'s spanning tree (stp.enabled: false)` : `${d.name} ${x.name} has stp settings, but ${d.name} runs no spanning tree`,
          !caps.features.includes("l2") ? `remove the port's stp (${d.platform} runs no spanning tree)` : off ? `remove stp.enabled: false from ${d.name}, or remove the port's stp` : `add stp to site ${d.site}, or remove the port's stp`,
        );
      }
    };
    d.interfaces.forEach((x, i) => port(x, `/devices/${di}/interfaces/${i}`));
    d.lags.forEach((x, i) => port(x, `/devices/${di}/lags/${i}`));
  });
};
