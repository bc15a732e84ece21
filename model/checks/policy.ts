/**
 * policy: the QoS and policy sections. Codes: E_REF_UNKNOWN (a class, VLAN, device, interface, tenant, VRF,
 * service, host or site that is not defined; a jump host that is not a host; the schema takes only DSCP code
 * points), E_QOS_SHARE (a class without the share its treatment needs, or a default class with one; more
 * or fewer than one default class), E_QOS_SHARE_OVER (the shares of a link add up to more than 100%),
 * W_QOS_DSCP_SHARED (two classes with one DSCP: a device cannot tell them apart), E_QOS_MARK (a marking
 * entry that names no traffic, or ports without a protocol), E_POLICY_PORTS (ports on a rule for any
 * protocol or icmp), E_DUPLICATE (two rules with one name), E_POLICY_EMPTY (a side of a rule that holds no
 * address), W_POLICY_SHADOWED (an earlier rule with the same action already matches all the rule's traffic),
 * E_POLICY_CONTRADICTS (an earlier rule with the other action matches all of it: the rule never takes effect),
 * E_POLICY_CUTS_MANAGEMENT (a deny that takes the management network from its own VLAN or a jump host).
 */
import { dscpValue, endpointPrefixes, qosClasses, endpointText, managementVlan, prefixesCover, prefixesOverlap, trafficCovers, trafficOverlaps } from "../policy";
import type { Check, CheckContext } from "./context";
import type { PolicyEndpoint } from "../types";

export const policy: Check = (ctx) => {
  qosSection(ctx);
  policySection(ctx);
};

function qosSection(ctx: CheckContext): void {
  const qos = ctx.inv.qos;
  if (!qos) return;
  const classes = qosClasses(qos);
  const classNames = new Set(classes.map((c) => c.cls.name));
  let total = 0;
  const byDscp = new Map<number, string>();
  let defaults = 0;
  for (const { cls: c, listed } of classes) {
    // a class the file lists is reported there; a default it does not list, at the section
    const at = listed === null ? "/qos" : `/qos/classes/${listed}`;
    const value = dscpValue(c.dscp) ?? 0;
    const other = byDscp.get(value);
    if (other !== undefined) ctx.warn("W_QOS_DSCP_SHARED", `${at}/dscp`, `classes ${other} and ${c.name} both carry DSCP ${c.dscp}: a device cannot tell them apart`, "give each class its own DSCP");
    else byDscp.set(value, c.name);
    if (c.treatment === "default") {
      defaults++;
      if (c.share !== undefined) ctx.error("E_QOS_SHARE", `${at}/share`, `class ${c.name} takes what is left of the link and cannot have a share`, "remove share, or give the class another treatment");
    } else if (c.share === undefined) ctx.error("E_QOS_SHARE", at, `class ${c.name} (${c.treatment}) has no share`, "give it share: a percent of the link");
    else total += c.share;
  }
  if (defaults !== 1) ctx.error("E_QOS_SHARE", "/qos/classes", `${defaults} classes take the rest of the link (treatment default); there must be exactly one`, "give exactly one class treatment: default (best-effort by default)");
  if (total > 100) ctx.error("E_QOS_SHARE_OVER", "/qos/classes", `the classes' shares add up to ${total}% of a link`, "lower the shares so that they add up to 100% or less");
  qos.marking.forEach((m, i) => {
    const at = `/qos/marking/${i}`;
    if (!classNames.has(m.class)) ctx.error("E_REF_UNKNOWN", `${at}/class`, `unknown QoS class '${m.class}'${ctx.suggest(m.class, classNames)}`, "use a class under qos.classes or a default class (voice, video, signalling, network-control, scavenger, best-effort)");
    if (m.vlan === undefined && m.subnet === undefined && m.interface === undefined) ctx.error("E_QOS_MARK", at, "a marking entry names no traffic", "give vlan, subnet, or device and interface");
    if (m.vlan !== undefined && !ctx.vlans.has(m.vlan)) ctx.error("E_REF_UNKNOWN", `${at}/vlan`, `unknown VLAN ${m.vlan}`, "use the id of a VLAN defined under vlans:");
    if ((m.device === undefined) !== (m.interface === undefined)) ctx.error("E_QOS_MARK", at, "device and interface go together", "give both, or neither");
    if (m.device !== undefined && m.interface !== undefined) {
      const d = ctx.devices.get(m.device);
      if (!d) ctx.error("E_REF_UNKNOWN", `${at}/device`, `unknown device '${m.device}'${ctx.suggest(m.device, ctx.devices.keys())}`, "use the name of a device defined under devices:");
      else if (!d.interfaces.has(m.interface) && !d.lags.has(m.interface)) ctx.error("E_REF_UNKNOWN", `${at}/interface`, `device ${m.device} has no interface or LAG '${m.interface}'`, `use one of ${m.device}'s interfaces`);
    }
    if (m.ports.length > 0 && m.protocol === undefined) ctx.error("E_QOS_MARK", `${at}/ports`, "ports without a protocol", "add protocol: tcp or udp");
  });
}

function endpointRefs(ctx: CheckContext, ep: PolicyEndpoint, at: string): boolean {
  const unknown = (what: string, name: string, known: Iterable<string>, where: string): false => {
    ctx.error("E_REF_UNKNOWN", `${at}/${what}`, `unknown ${what} '${name}'${ctx.suggest(name, known)}`, `use the name of a ${what} defined under ${where}:`);
    return false;
  };
  if (ep.tenant !== undefined && !ctx.tenants.has(ep.tenant)) return unknown("tenant", ep.tenant, ctx.tenants.keys(), "tenants");
  if (ep.vrf !== undefined && !ctx.vrfs.has(ep.vrf)) return unknown("vrf", ep.vrf, ctx.vrfs.keys(), "vrfs");
  if (ep.service !== undefined && !ctx.services.has(ep.service)) return unknown("service", ep.service, ctx.services.keys(), "services");
  if (ep.host !== undefined && !ctx.hosts.has(ep.host)) return unknown("host", ep.host, ctx.hosts.keys(), "hosts");
  if (ep.site !== undefined && !ctx.sites.has(ep.site)) return unknown("site", ep.site, ctx.sites.keys(), "sites");
  if (ep.vlan !== undefined && !ctx.vlans.has(ep.vlan)) {
    ctx.error("E_REF_UNKNOWN", `${at}/vlan`, `unknown VLAN ${ep.vlan}`, "use the id of a VLAN defined under vlans:");
    return false;
  }
  return true;
}

/** "allows", "denies": a rule's action as the verb of a sentence. */
const verb = (action: string): string => (action === "deny" ? "denies" : "allows");

function policySection(ctx: CheckContext): void {
  const inv = ctx.inv;
  const pol = inv.policies;
  if (!pol) return;
  const mgmt = managementVlan(inv);
  if (pol.management.vlan !== undefined && !ctx.vlans.has(pol.management.vlan)) ctx.error("E_REF_UNKNOWN", "/policies/management/vlan", `unknown VLAN ${pol.management.vlan}`, "use the id of the management VLAN defined under vlans:");
  pol.management.jumpHosts.forEach((h, i) => {
    if (!ctx.hosts.has(h)) ctx.error("E_REF_UNKNOWN", `/policies/management/jumpHosts/${i}`, `unknown host '${h}'${ctx.suggest(h, ctx.hosts.keys())}`, "use the name of a host defined under hosts:");
  });
  const mgmtPrefixes = endpointPrefixes(inv, { management: true });
  // the places allowed to reach management: its own VLAN and every jump host
  const mgmtSources: { what: string; prefixes: string[] }[] = [
    ...(mgmt?.subnet ? [{ what: `management VLAN ${mgmt.id}`, prefixes: endpointPrefixes(inv, { vlan: mgmt.id }) as string[] }] : []),
    ...pol.management.jumpHosts.filter((h) => ctx.hosts.has(h)).map((h) => ({ what: `jump host ${h}`, prefixes: endpointPrefixes(inv, { host: h }) as string[] })),
  ];
  const names = new Map<string, number>();
  const seen: { index: number; from: string[] | "any"; to: string[] | "any"; rule: (typeof pol.rules)[number] }[] = [];
  pol.rules.forEach((r, i) => {
    const at = `/policies/rules/${i}`;
    const first = names.get(r.name);
    if (first !== undefined) ctx.error("E_DUPLICATE", `${at}/name`, `rule name '${r.name}' is used twice (rules ${first} and ${i})`, "give every rule its own name");
    else names.set(r.name, i);
    if (r.ports.length > 0 && (r.protocol === "any" || r.protocol === "icmp")) ctx.error("E_POLICY_PORTS", `${at}/ports`, `rule ${r.name}: ports need protocol tcp or udp (it is ${r.protocol})`, "set protocol: tcp or udp, or remove ports");
    const okFrom = endpointRefs(ctx, r.from, `${at}/from`);
    const okTo = endpointRefs(ctx, r.to, `${at}/to`);
    if (!okFrom || !okTo) return;
    const from = endpointPrefixes(inv, r.from);
    const to = endpointPrefixes(inv, r.to);
    for (const [side, p, ep] of [
      ["from", from, r.from],
      ["to", to, r.to],
    ] as const) {
      if (p !== "any" && p.length === 0) ctx.error("E_POLICY_EMPTY", `${at}/${side}`, `rule ${r.name}: ${endpointText(ep)} holds no address (no subnet)`, "name something with a subnet or address, or give the VLANs subnets");
    }
    if ((from !== "any" && from.length === 0) || (to !== "any" && to.length === 0)) return;
    const cover = seen.find((s) => prefixesCover(s.from, from) && prefixesCover(s.to, to) && trafficCovers(s.rule, r));
    if (cover) {
      if (cover.rule.action === r.action) ctx.warn("W_POLICY_SHADOWED", at, `rule ${r.name} never matches: rule ${cover.rule.name} before it already ${verb(r.action)} all of its traffic`, `remove rule ${r.name}, or move it before ${cover.rule.name}`);
      else ctx.error("E_POLICY_CONTRADICTS", at, `rule ${r.name} (${r.action}) never takes effect: rule ${cover.rule.name} before it ${verb(cover.rule.action)} all of its traffic`, `move ${r.name} before ${cover.rule.name} if it is the exception, or remove one of them`);
    }
    if (r.action === "deny" && mgmtPrefixes !== "any" && mgmtPrefixes.length > 0 && prefixesOverlap(to, mgmtPrefixes)) {
      const cut = mgmtSources.find((s) => prefixesOverlap(from, s.prefixes) && !seen.some((e) => e.rule.action === "allow" && prefixesCover(e.from, s.prefixes) && prefixesCover(e.to, mgmtPrefixes) && trafficCovers(e.rule, r)));
      if (cut && trafficOverlaps(r, { protocol: "tcp", ports: [22] }))
        ctx.error("E_POLICY_CUTS_MANAGEMENT", at, `rule ${r.name} denies ${cut.what} the management network (${mgmtPrefixes.join(", ")}): it would cut the management path`, `narrow the rule's from: so that it leaves out ${cut.what}, or allow it first`);
    }
    seen.push({ index: i, from, to, rule: r });
  });
}
