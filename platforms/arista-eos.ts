/**
 * Arista EOS. Syntax checked against the Arista EOS User Manual (4.3x): VLANs (`vlan N`, `name`),
 * Ethernet and Port-Channel interfaces (`switchport mode trunk`, `switchport trunk allowed vlan 10,20-30`,
 * `switchport trunk native vlan`, `channel-group N mode active`), VRRP on an SVI
 * (`vrrp N ipv4 A`, `vrrp N priority-level P`), IPv4 routing (`ip routing`, `ip route [vrf V]`),
 * VRFs (`vrf instance V`, interface `vrf V`; the route distinguisher under `router bgp` / `vrf V` / `rd`, as
 * Arista's AVD and netlab generate it), BGP (`router bgp`, `neighbor A remote-as N`, `network`),
 * and configuration sessions (`configure session`, `commit`, `abort`). Errors start with `% `. MTU (`mtu`,
 * 68..9214) and speed (`speed forced 10000full`, `speed forced 100gfull`, the form running configurations
 * show; newer releases also display `speed 100g`, which read-back accepts) from the same manual's Ethernet
 * ports chapter. Spanning tree from its chapter of the manual (`spanning-tree mode mstp | rstp`, MSTP the
 * default; `spanning-tree mst configuration` with `name`, `revision`, `instance N vlan`; `spanning-tree mst N
 * priority P` / `spanning-tree priority P`; `spanning-tree edge-port bpduguard default`; on ports
 * `spanning-tree portfast`, `spanning-tree guard loop | root`), in the shape Arista AVD renders it. MLAG
 * from the manual's MLAG chapter (`mlag configuration`: `domain-id`, `local-interface`, `peer-address`,
 * `peer-link`; the peer VLAN's `trunk group`, `no autostate`; `mlag N` on a dual-homed Port-Channel).
 *
 * The shell driver uses a configuration session, so a failed line is discarded with `abort` and nothing
 * is live before `commit` (which also leaves configuration mode).
 */
import { CAPABILITIES } from "../model/capabilities";
import { ciscoAclLines, defaultShare, lagNumber, markEntry, markName, markingTargets, type Renderer } from "./common";
import { cliPlatform, displayedConfig, patchObject, type ChangeSyntax } from "./cli";
import type { ConfigObject, Platform, ShellDialect } from "./types";
import type { DeviceIntent, LagIntent, PortIntent } from "../intent/types";
import { configText, dashRanges, defined, deviceText, speedMbps, textLine } from "./util";

const I = "   ";

function l2Lines(p: PortIntent): string[] {
  switch (p.mode) {
    case "access":
      return [`${I}switchport mode access`, ...(p.vlan !== undefined ? [`${I}switchport access vlan ${p.vlan}`] : [])];
    case "trunk": {
      const allowed = p.allowed ?? [];
      return [
        `${I}switchport mode trunk`,
        ...(p.native !== undefined ? [`${I}switchport trunk native vlan ${p.native}`] : []),
        `${I}switchport trunk allowed vlan ${allowed.length > 0 ? dashRanges(allowed) : "none"}`,
      ];
    }
    case "routed":
      return [`${I}no switchport`, ...(p.vrf ? [`${I}vrf ${p.vrf}`] : []), ...(p.address ? [`${I}ip address ${p.address}`] : [])];
    default:
      return [];
  }
}

/** `mtu` on routed and switch ports alike (members take their Port-Channel's). */
const mtuLines = (p: PortIntent): string[] => (p.mtu !== undefined && p.lag === undefined ? [`${I}mtu ${p.mtu}`] : []);

/** `speed forced 10000full`, `speed forced 100gfull`: the form EOS displays for a fixed speed. */
export function eosSpeed(speed: string): string {
  // up to 10G in Mbit/s (100full, 1000full, 10000full) except the multi-gig rates; above in Gbit/s (25gfull)
  const mb = speedMbps(speed);
  const value = mb === 100 || mb === 1000 || mb === 10000 ? `${mb}` : speed.toLowerCase();
  return `speed forced ${value}full`;
}

const speedLines = (p: PortIntent): string[] => (p.speed ? [`${I}${eosSpeed(p.speed)}`] : []);

/**
 * Speed lines in every form EOS releases display for one speed (`speed forced 10000full`, `speed 10g`,
 * `speed 10gfull`, `speed forced 10gfull`) become one, so a release that shows another form reads back in
 * sync.
 */
export function foldEos(lines: readonly string[]): string[] {
  return lines.map((l) => {
    const m = /^speed (?:forced |auto )?(\d+(?:\.\d+)?)(g)?(?:full)?$/.exec(l);
    if (!m) return l;
    const mb = m[2] ? Math.round(Number(m[1]) * 1000) : Number(m[1]);
    return `speed ${mb}`;
  });
}

/** A switch port's spanning-tree role: `portfast` (edge), `guard loop | root`. */
function stpLines(p: PortIntent): string[] {
  if (!p.stp) return [];
  return [...(p.stp.edge ? [`${I}spanning-tree portfast`] : []), ...(p.stp.guard ? [`${I}spanning-tree guard ${p.stp.guard}`] : [])];
}

const describe = (p: PortIntent): string[] => {
  const d = deviceText("arista-eos", p.description, 240);
  return d ? [`${I}description ${d}`] : [];
};

/** The trunk group that keeps the MLAG peer VLAN on the peer link only. */
const TRUNK_GROUP = "MLAG";

/** `vrrp N priority-level`: 100 unless set. */
const VRRP_DEFAULT_PRIORITY = 100;

/** The route distinguishers of the device's VRFs, inside `router bgp`. */
function bgpVrfLines(intent: DeviceIntent): string[] {
  return intent.vrfs.filter((v) => v.rd).flatMap((v) => [`${I}vrf ${v.name}`, `${I}${I}rd ${v.rd}`, `${I}exit`]);
}

/** VRF name -> route distinguisher, as a bgp object's lines set them. */
function bgpVrfRds(apply: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let vrf: string | undefined;
  for (const l of apply) {
    const v = /^ {3}vrf (\S+)$/.exec(l);
    if (v) vrf = v[1];
    else if (vrf && /^ {6}rd /.test(l)) out.set(vrf, l.trim().slice(3));
    else if (!/^ {6}/.test(l)) vrf = undefined;
  }
  return out;
}

const routes = (intent: DeviceIntent): boolean =>
  intent.gateways.length > 0 ||
  intent.management.inband !== undefined || intent.routes.length > 0 || intent.bgp !== undefined || intent.ports.some((p) => p.mode === "routed");

const renderer: Renderer = {
  system(intent) {
    const routing = routes(intent);
    return {
      apply: [`hostname ${intent.device}`, ...(routing ? ["ip routing"] : [])],
      remove: [],
      readBack: "show running-config | include ^hostname|^ip routing",
      fields: { hostname: intent.device, routing },
    };
  },
  vrf(v, intent) {
    return {
      // EOS sets a VRF's route distinguisher under `router bgp` (`vrf V` / `rd`, in the bgp object), not on
      // the VRF itself; without BGP there is nothing to hold it (the model warns, W_VRF_RD_UNUSED)
      apply: [`vrf instance ${v.name}`, "exit", `ip routing vrf ${v.name}`],
      remove: [`no ip routing vrf ${v.name}`, `no vrf instance ${v.name}`],
      readBack: `show running-config section vrf ${v.name}`,
      fields: defined({ name: v.name, rd: intent.bgp ? v.rd : undefined }),
    };
  },
  vlan(v) {
    return { apply: [`vlan ${v.id}`, `${I}name ${deviceText("arista-eos", v.name, 32)}`, "exit"], remove: [`no vlan ${v.id}`], readBack: `show running-config section ^vlan ${v.id}$` };
  },
  lag(l: LagIntent, intent) {
    // the peer link carries the MLAG peer VLAN (a trunk group keeps that VLAN off every other port)
    const peerVlan = l.peerLink && intent.mlag ? intent.mlag.peerVlan : undefined;
    const port = peerVlan === undefined ? l.port : { ...l.port, allowed: [...new Set([...(l.port.allowed ?? []), peerVlan])].sort((a, b) => a - b) };
    const mlag = peerVlan !== undefined ? [`${I}switchport trunk group ${TRUNK_GROUP}`] : l.mlag ? [`${I}mlag ${l.mlag.id}`] : [];
    return {
      apply: [`interface ${l.name}`, ...describe(l.port), ...mtuLines(l.port), ...l2Lines(port), ...mlag, ...stpLines(l.port), "exit"],
      remove: [`no interface ${l.name}`],
      readBack: `show running-config interfaces ${l.name}`,
    };
  },
  port(p: PortIntent, intent) {
    let lines: string[];
    if (p.lag !== undefined) {
      const lacp = intent.lags.find((l) => l.name === p.lag)?.lacp ?? "active";
      lines = [`${I}channel-group ${lagNumber(p.lag)} mode ${lacp === "static" ? "on" : lacp}`];
    } else lines = [...l2Lines(p), ...stpLines(p)];
    return {
      apply: [`interface ${p.name}`, ...describe(p), ...mtuLines(p), ...speedLines(p), ...lines, p.enabled ? `${I}no shutdown` : `${I}shutdown`, "exit"],
      remove: [`default interface ${p.name}`],
      readBack: `show running-config interfaces ${p.name}`,
    };
  },
  management(m) {
    const name = `Vlan${m.vlan}`;
    return { apply: [`interface ${name}`, `${I}ip address ${m.address}`, "exit"], remove: [`no interface ${name}`], readBack: `show running-config interfaces ${name}` };
  },
  mlag(m) {
    const v = m.peerVlan;
    return {
      apply: [
        `vlan ${v}`,
        `${I}name MLAG-PEER`,
        `${I}trunk group ${TRUNK_GROUP}`,
        "exit",
        // the peer VLAN is the pair's own: no spanning tree on it
        `no spanning-tree vlan-id ${v}`,
        `interface Vlan${v}`,
        `${I}no autostate`,
        `${I}ip address ${m.localAddress}`,
        "exit",
        "mlag configuration",
        `${I}domain-id ${m.name}`,
        `${I}local-interface Vlan${v}`,
        `${I}peer-address ${m.peerAddress.split("/")[0]}`,
        `${I}peer-link ${m.peerLink}`,
        "exit",
      ],
      remove: ["no mlag configuration", `no interface Vlan${v}`, `spanning-tree vlan-id ${v}`, `no vlan ${v}`],
      readBack: `show running-config section mlag configuration|Vlan${v}|^vlan ${v}$|vlan-id ${v}`,
    };
  },
  stp(t) {
    const mstp = t.mode === "mstp";
    const priority = t.priority === undefined ? [] : mstp ? [0, ...t.instances.map((x) => x.id)].map((n) => `spanning-tree mst ${n} priority ${t.priority}`) : [`spanning-tree priority ${t.priority}`];
    return {
      // in the order EOS displays them: mode, BPDU guard default, priorities, then the MST region
      apply: [
        `spanning-tree mode ${t.mode}`,
        ...(t.bpduProtection ? ["spanning-tree edge-port bpduguard default"] : []),
        ...priority,
        ...(mstp
          ? ["spanning-tree mst configuration", `${I}name ${t.region}`, ...(t.revision !== 0 ? [`${I}revision ${t.revision}`] : []), ...t.instances.map((x) => `${I}instance ${x.id} vlan ${dashRanges(x.vlans)}`), "exit"]
          : []),
      ],
      remove: [
        ...(t.bpduProtection ? ["no spanning-tree edge-port bpduguard default"] : []),
        ...priority.map((l) => `no ${l.replace(/ \d+$/, "")}`),
        ...(mstp ? ["no spanning-tree mst configuration"] : []),
        "no spanning-tree mode",
      ],
      readBack: "show running-config section ^spanning-tree",
    };
  },
  loopback(address) {
    return {
      name: "Loopback0",
      syntax: { apply: ["interface Loopback0", `${I}ip address ${address}/32`, "exit"], remove: ["no interface Loopback0"], readBack: "show running-config interfaces Loopback0" },
    };
  },
  qos(q) {
    // EOS User Manual, Quality of Service: `qos trust dscp` and `tx-queue N` (`priority strict` / `no priority`,
    // `bandwidth percent`, `shape rate N percent`) on the ports, `qos map dscp D to traffic-class T`, marking with
    // `class-map type qos` (`match ip access-group`) and `policy-map type quality-of-service` (`set dscp`), bound
    // with `service-policy type qos input`
    const apply: string[] = [];
    const remove: string[] = [];
    for (const t of markingTargets(q)) {
      t.rules.forEach((m, k) => apply.push(`ip access-list ${markName(t, k)}`, ...ciscoAclLines([markEntry(m)], I), "exit", `class-map type qos match-any ${markName(t, k)}`, `${I}match ip access-group ${markName(t, k)}`, "exit"));
      apply.push(`policy-map type quality-of-service ${markName(t)}`, ...t.rules.flatMap((m, k) => [`${I}class ${markName(t, k)}`, `${I}${I}set dscp ${m.dscp}`, `${I}exit`]), "exit");
      const iface = t.vlan !== undefined ? `Vlan${t.vlan}` : t.interface!;
      apply.push(`interface ${iface}`, `${I}service-policy type qos input ${markName(t)}`, "exit");
      remove.push(`interface ${iface}`, `${I}no service-policy type qos input ${markName(t)}`, "exit", `no policy-map type quality-of-service ${markName(t)}`, ...t.rules.flatMap((_m, k) => [`no class-map type qos match-any ${markName(t, k)}`, `no ip access-list ${markName(t, k)}`]));
    }
    for (const c of q.classes) apply.push(`qos map dscp ${c.dscp} to traffic-class ${c.queue}`);
    const queues = [...q.classes].sort((a, b) => a.queue - b.queue).flatMap((c) => {
      const share = c.treatment === "default" ? defaultShare(q) : c.share!;
      if (c.treatment === "priority") return [`${I}tx-queue ${c.queue}`, `${I}${I}priority strict`, `${I}${I}shape rate ${share} percent`, `${I}exit`];
      return [`${I}tx-queue ${c.queue}`, `${I}${I}no priority`, `${I}${I}bandwidth percent ${share}`, ...(c.treatment === "limited" ? [`${I}${I}shape rate ${share} percent`] : []), `${I}exit`];
    });
    for (const port of q.trust) apply.push(`interface ${port}`, `${I}qos trust dscp`, ...queues, "exit");
    remove.unshift(...q.trust.flatMap((port) => [`interface ${port}`, `${I}no qos trust`, ...[...q.classes].sort((a, b) => a.queue - b.queue).map((c) => `${I}default tx-queue ${c.queue}`), "exit"]), ...q.classes.map((c) => `no qos map dscp ${c.dscp} to traffic-class ${c.queue}`));
    return { apply, remove, readBack: "show running-config" };
  },
  acl(a) {
    const iface = a.interface !== undefined && a.vlan === undefined ? a.interface : `Vlan${a.vlan}`;
    return {
      apply: [`ip access-list ${a.name}`, ...ciscoAclLines(a.entries, I), "exit", `interface ${iface}`, `${I}ip access-group ${a.name} in`, "exit"],
      remove: [`interface ${iface}`, `${I}no ip access-group ${a.name} in`, "exit", `no ip access-list ${a.name}`],
      readBack: "show running-config",
    };
  },
  gateway(g) {
    const name = `Vlan${g.vlan}`;
    return {
      apply: [
        `interface ${name}`,
        ...(g.vrf ? [`${I}vrf ${g.vrf}`] : []),
        `${I}ip address ${g.address}`,
        // the default priority is not displayed, so it is not written either
        ...(g.vrrp && g.vrrp.priority !== VRRP_DEFAULT_PRIORITY ? [`${I}vrrp ${g.vrrp.vrid} priority-level ${g.vrrp.priority}`] : []),
        ...(g.vrrp ? [`${I}vrrp ${g.vrrp.vrid} ipv4 ${g.vrrp.virtualAddress}`] : []),
        "exit",
      ],
      remove: [`no interface ${name}`],
      readBack: `show running-config interfaces ${name}`,
    };
  },
  route(r) {
    const line = `ip route ${r.vrf ? `vrf ${r.vrf} ` : ""}${r.prefix} ${r.nextHop}`;
    return { apply: [line], remove: [`no ${line}`], readBack: "show running-config | include ^ip route" };
  },
  bgp(b, intent) {
    return {
      apply: [
        `router bgp ${b.asn}`,
        ...(b.routerId ? [`${I}router-id ${b.routerId}`] : []),
        ...b.neighbors.flatMap((n) => [`${I}neighbor ${n.address} remote-as ${n.remoteAs}`, ...textLine("arista-eos", `${I}neighbor ${n.address} description `, n.description, 80)]),
        ...b.networks.map((n) => `${I}network ${n}`),
        ...bgpVrfLines(intent),
        "exit",
      ],
      remove: [`no router bgp ${b.asn}`],
      readBack: "show running-config section router bgp",
    };
  },
};

const NAVIGATION = /^\s*exit$/;

export const EOS_DIALECT: ShellDialect = {
  prompt: /(?:^|\n)[\w.-]+(?:\(config[^)]*\))?[#>] ?$/,
  pagingOff: ["terminal length 0"],
  enterConfig: ["configure session citydc"],
  commit: ["commit"],
  abort: ["abort"],
  // `commit` and `abort` already leave the session
  exitConfig: [],
  save: ["copy running-config startup-config"],
  errorPatterns: [/^% /m],
  confirmations: [],
};

export const EOS_CHANGE: ChangeSyntax = {
  exit: "exit",
  indent: I,
  no: "no",
  vlanInterface: (vlan) => `interface Vlan${vlan}`,
  vrrpGroup: (vrid) => `vrrp ${vrid}`,
  nativeVlan: "switchport trunk native vlan",
  defaultVrrpPriority: VRRP_DEFAULT_PRIORITY,
  vrrpDefaultPriority: (vrid) => [`${I}no vrrp ${vrid} priority-level`],
  unset: {
    mtu: () => [`${I}no mtu`],
    speed: () => [`${I}no speed`],
    stpEdge: () => [`${I}no spanning-tree portfast`],
    stpGuard: () => [`${I}no spanning-tree guard`],
    mlag: () => [`${I}no mlag`],
    peerLink: () => [`${I}no switchport trunk group ${TRUNK_GROUP}`],
  },
  bgp: { header: (asn) => `router bgp ${asn}`, indent: I, neighbor: (a) => `neighbor ${a}`, network: (n) => `network ${n}` },
};

/**
 * BGP in place (same AS): a VRF that left the device loses its `vrf` section, and a VRF whose route
 * distinguisher changes has the old one removed first (an RD is replaced, not overwritten).
 */
function eosQuirk(oldObject: ConfigObject, newObject: ConfigObject): string[] | undefined {
  if (newObject.kind !== "bgp" || oldObject.fields.asn !== newObject.fields.asn) return undefined;
  const before = bgpVrfRds(oldObject.apply);
  const after = bgpVrfRds(newObject.apply);
  const lines: string[] = [];
  for (const [vrf, rd] of before) {
    if (!after.has(vrf)) lines.push(`${I}no vrf ${vrf}`);
    else if (after.get(vrf) !== rd) lines.push(`${I}vrf ${vrf}`, `${I}${I}no rd`, `${I}exit`);
  }
  if (lines.length === 0) return undefined;
  return [`router bgp ${String(newObject.fields.asn)}`, ...lines, "exit", ...(patchObject(EOS_CHANGE, oldObject, newObject) ?? newObject.apply)];
}

export const aristaEos: Platform = cliPlatform({
  name: "arista-eos",
  capabilities: CAPABILITIES["arista-eos"],
  renderer,
  dialect: EOS_DIALECT,
  change: EOS_CHANGE,
  // defaults EOS does not display (an L2 port is an access port unless told otherwise)
  notDisplayed: /^(exit|no shutdown|switchport|switchport mode access|spanning-tree mode mstp)$/,
  quirk: eosQuirk,
  owned: /^(vrrp \d+ priority-level \d+|mtu \d+|speed \d+|spanning-tree (portfast|guard (loop|root)))$/,
  fold: foldEos,
  fullConfig: (intent, objects) => displayedConfig([`! ${intent.device}: running-config rendered by citydc`, "!"], objects, NAVIGATION, "!", ["end"]),
  runningConfig: { command: "show running-config", text: configText(/^! (Startup-config last modified at|Time:)/) },
});
