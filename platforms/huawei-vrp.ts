/**
 * Huawei CloudEngine switches (VRPv8). Syntax checked against the Huawei CloudEngine 8800/6800 series
 * V200R022 Configuration Guide (Ethernet Switching: VLAN, Eth-Trunk with `mode lacp-static`, member
 * `eth-trunk N`; IP Services: VLANIF `ip address`; Reliability: VRRP `vrrp vrid N virtual-ip`,
 * `vrrp vrid N priority`; IP Routing: `ip route-static`, BGP `peer ... as-number`, `ipv4-family unicast`,
 * VPN instances `ip vpn-instance`, `ip binding vpn-instance`) and the Command Reference for
 * `port trunk allow-pass vlan 10 20 to 30` (additive: removed VLANs need `undo port trunk allow-pass`),
 * `port trunk pvid vlan`, `clear configuration interface`, two-stage `commit`, `save`. MTU and speed from the
 * CloudEngine 6800 V300R023C00 Command Reference (Interface Management: `mtu` in layer 3 interface views,
 * `jumboframe enable` in layer 2 and Eth-Trunk views, `speed 1000 | 100` on 10GE and GE, `speed 40000` on
 * 100GE; the same commands in the V200 references). Spanning tree from the same reference's STP/RSTP/MSTP
 * commands: `stp mode mstp | rstp` (mstp is the default), `stp region-configuration` with `region-name`,
 * `revision-level`, `instance N vlan` (ten items a line), `stp [ instance N ] priority P`,
 * `stp bpdu-protection`, and on ports `stp edged-port enable`, `stp loop-protection`, `stp root-protection`
 * (root and loop protection cannot share a port); `stp v-stp enable` for an M-LAG pair. M-LAG from the
 * CloudEngine 8800/7800/6800/5800 V200R019C10 Configuration Guide, Ethernet Switching, "Configuring a DFS
 * Group" (`dfs-group N`, `priority`, `source ip A peer B`; V300R023 spells the last `dual-active detection
 * source ip`), and the V300R023 Command Reference for `peer-link 1` and `dfs-group N m-lag M` in the
 * Eth-Trunk view. QoS and ACLs from the CloudEngine 8800/6800 V200R022 Configuration Guide, QoS (MQC: `traffic
 * classifier` with `if-match acl`, `traffic behavior` with `remark dscp`, `traffic policy` with `classifier C
 * behavior B`, bound with `traffic-policy P inbound` in the VLAN or interface view; priority mapping `trust dscp`
 * in the interface view; congestion management `qos pq`, `qos drr`, `qos queue N drr weight W` and
 * `qos queue N shaping percent cir P`) and Security, ACL (`acl name N advance`, `rule ID permit|deny PROTO
 * source A W destination A W source-port eq P destination-port eq P tcp-flag established icmp-type echo-reply`,
 * any by leaving the address out), and the ACL-based simplified traffic policy `traffic-filter acl N inbound`
 * in the interface and VLAN views (the command Huawei's own ce_acl_interface Ansible module sends). The issue's
 * `qos trust dscp` is EOS's spelling; CE's is `trust dscp`.
 *
 * Every object's lines start in system view and return to it (`quit`). The shell driver types
 * `system-view`, the lines, `commit` (two-stage mode: nothing is live before it), `return`, `save` (+ `Y`).
 */
import { CAPABILITIES } from "../model/capabilities";
import { defaultShare, displayText, lagNumber, markEntry, markName, markedDscps, markingTargets, portMatches, type Renderer } from "./common";
import { cliPlatform, displayedConfig, type ChangeSyntax } from "./cli";
import type { Platform, ShellDialect } from "./types";
import type { AclEntryIntent, LagIntent, PortIntent, QosIntent } from "../intent/types";
import { addressAndMask, configText, deviceText, l2Frame, parseVlanList, speedMbps, textLine, vrpRangeChunks, vrpRanges } from "./util";

const cidr = (a: string): string => addressAndMask(a).join(" ");

/** The peer-link number of an M-LAG pair's Eth-Trunk (one peer link per DFS group). */
const PEER_LINK_ID = 1;

/** `vrrp vrid N priority`: 100 unless set (Command Reference, VRRP). */
const VRRP_DEFAULT_PRIORITY = 100;

/** Port settings shared by physical interfaces and Eth-Trunks (inside the interface view). */
function l2Lines(p: PortIntent): string[] {
  switch (p.mode) {
    case "access":
      return [" port link-type access", ...(p.vlan !== undefined ? [` port default vlan ${p.vlan}`] : [])];
    case "trunk": {
      const allowed = p.allowed ?? [];
      return [
        " port link-type trunk",
        // a CE trunk passes VLAN 1 until told otherwise
        ...(allowed.includes(1) ? [] : [" undo port trunk allow-pass vlan 1"]),
        ...(p.native !== undefined ? [` port trunk pvid vlan ${p.native}`] : []),
        ...vrpRangeChunks(allowed).map((r) => ` port trunk allow-pass vlan ${r}`),
      ];
    }
    case "routed":
      return [" undo portswitch", ...(p.vrf ? [` ip binding vpn-instance ${p.vrf}`] : []), ...(p.address ? [` ip address ${cidr(p.address)}`] : [])];
    default:
      return [];
  }
}

/** The speed a CE port's name implies: 10GE1/0/1 runs at 10G unless told otherwise. */
function nativeSpeed(name: string): string | undefined {
  if (/:\d+$/.test(name)) return undefined; // a split lane runs at what the split and the cable give
  const m = /^(\d*)GE\d/.exec(name);
  return m ? `${m[1] || "1"}G` : undefined;
}

/** ` speed N` (Mbit/s) for a port set below its name's speed; nothing at its own speed. */
function speedLines(p: PortIntent): string[] {
  if (!p.speed || p.speed === nativeSpeed(p.name) || nativeSpeed(p.name) === undefined) return [];
  return [` speed ${speedMbps(p.speed)}`];
}

/**
 * MTU: ` mtu N` on a layer 3 interface (the IPv4 MTU, 46..9600); a layer 2 port's frame limit is
 * ` jumboframe enable F` (default 9216), set to fit the IP MTU with header, tag and FCS (at least 1536,
 * the lowest value every CE release takes).
 */
function mtuLines(p: PortIntent): string[] {
  if (p.mtu === undefined || p.lag !== undefined) return [];
  if (p.mode === "routed") return [` mtu ${p.mtu}`];
  if (p.mode === "access" || p.mode === "trunk") return [` jumboframe enable ${Math.max(l2Frame(p.mtu), 1536)}`];
  return [];
}

/** A switch port's spanning-tree role (edge, loop or root protection; the two protections exclude each other). */
function stpLines(p: PortIntent): string[] {
  if (!p.stp) return [];
  return [
    ...(p.stp.edge ? [" stp edged-port enable"] : []),
    ...(p.stp.guard === "loop" ? [" stp loop-protection"] : p.stp.guard === "root" ? [" stp root-protection"] : []),
  ];
}

const describe = (p: PortIntent): string[] => {
  const d = deviceText("huawei-vrp", p.description, 242);
  return d ? [` description ${d}`] : [];
};

const show = (what: string): string => `display current-configuration ${what}`;

/** An ACL address: "10.10.130.0 0.0.0.255", "10.254.0.12 0" for a host; undefined for any (the word is left out). */
function vrpWildcard(prefix: string): string | undefined {
  if (prefix === "any") return undefined;
  const [addr, len] = prefix.split("/");
  const bits = Number(len ?? 32);
  if (bits === 32) return `${addr} 0`;
  const wild = 2 ** (32 - bits) - 1;
  return `${addr} ${[wild >>> 24, (wild >>> 16) & 255, (wild >>> 8) & 255, wild & 255].join(".")}`;
}

/** The rules of an advanced ACL, numbered in steps of 5 (CE's default step), one port match a rule. */
function vrpRules(entries: readonly AclEntryIntent[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    for (const m of portMatches(e)) {
      const src = vrpWildcard(e.source);
      const dst = vrpWildcard(e.destination);
      out.push(
        ` rule ${(out.length + 1) * 5} ${e.action} ${e.protocol}${src ? ` source ${src}` : ""}${dst ? ` destination ${dst}` : ""}` +
          `${m.sport !== undefined ? ` source-port eq ${m.sport}` : ""}${m.dport !== undefined ? ` destination-port eq ${m.dport}` : ""}` +
          `${e.established ? " tcp-flag established" : ""}${e.icmpType ? ` icmp-type ${e.icmpType}` : ""}`,
      );
    }
  }
  return out;
}

/** The view that binds a policy: the VLAN of a gateway (CE filters a VLAN's inbound traffic in its VLAN view), or the port. */
const bindView = (t: { vlan?: number; interface?: string }): string => (t.interface !== undefined && t.vlan === undefined ? `interface ${t.interface}` : `vlan ${t.vlan}`);

/**
 * Egress scheduling of a trusted port: strict priority for the priority class (shaped to its share),
 * DRR with the class's share as weight for the guaranteed and default classes, the limited class
 * shaped to its share.
 */
function vrpQueueLines(q: QosIntent): { apply: string[]; undo: string[] } {
  const apply: string[] = [];
  const undo: string[] = [];
  for (const c of [...q.classes].sort((a, b) => a.queue - b.queue)) {
    if (c.treatment === "priority") {
      apply.push(` qos pq ${c.queue}`, ` qos queue ${c.queue} shaping percent cir ${c.share}`);
      undo.push(` undo qos queue ${c.queue} shaping`, ` undo qos pq ${c.queue}`);
      continue;
    }
    apply.push(` qos drr ${c.queue}`);
    if (c.treatment === "default") {
      apply.push(` qos queue ${c.queue} drr weight ${defaultShare(q)}`);
      undo.push(` undo qos queue ${c.queue} drr weight`);
    }
    if (c.treatment === "guaranteed") {
      apply.push(` qos queue ${c.queue} drr weight ${c.share}`);
      undo.push(` undo qos queue ${c.queue} drr weight`);
    }
    if (c.treatment === "limited") {
      apply.push(` qos queue ${c.queue} drr weight 1`, ` qos queue ${c.queue} shaping percent cir ${c.share}`);
      undo.push(` undo qos queue ${c.queue} shaping`, ` undo qos queue ${c.queue} drr weight`);
    }
    undo.push(` undo qos drr ${c.queue}`);
  }
  return { apply, undo };
}

const renderer: Renderer = {
  system(intent) {
    return { apply: [`sysname ${intent.device}`], remove: [], readBack: `${show("| include sysname")}` };
  },
  vrf(v) {
    return {
      apply: [`ip vpn-instance ${v.name}`, " ipv4-family", ...(v.rd ? [`  route-distinguisher ${v.rd}`] : []), " quit", "quit"],
      remove: [`undo ip vpn-instance ${v.name}`],
      readBack: show("configuration vpn-instance"),
    };
  },
  vlan(v) {
    return { apply: [`vlan ${v.id}`, ` name ${deviceText("huawei-vrp", v.name, 31)}`, "quit"], remove: [`undo vlan ${v.id}`], readBack: show(`| begin vlan ${v.id}`) };
  },
  lag(l: LagIntent, intent) {
    // CE has no passive LACP (the model refuses `lacp: passive` for huawei-vrp); manual is the default mode
    const mode = l.lacp === "static" ? " mode manual load-balance" : " mode lacp-static";
    const dfs = intent.mlag?.domain;
    const mlag = dfs === undefined ? [] : l.peerLink ? [` peer-link ${PEER_LINK_ID}`] : l.mlag ? [` dfs-group ${dfs} m-lag ${l.mlag.id}`] : [];
    return {
      apply: [`interface ${l.name}`, ...describe(l.port), mode, ...l2Lines(l.port), ...mtuLines(l.port), ...stpLines(l.port), ...mlag, "quit"],
      remove: [`undo interface ${l.name}`],
      readBack: show(`interface ${l.name}`),
    };
  },
  port(p: PortIntent) {
    const lines = p.lag !== undefined ? [` eth-trunk ${lagNumber(p.lag)}`] : [...l2Lines(p), ...stpLines(p)];
    return {
      apply: [`interface ${p.name}`, ...describe(p), ...lines, ...mtuLines(p), ...speedLines(p), p.enabled ? " undo shutdown" : " shutdown", "quit"],
      remove: [`clear configuration interface ${p.name}`],
      readBack: show(`interface ${p.name}`),
    };
  },
  management(m) {
    const name = `Vlanif${m.vlan}`;
    return { apply: [`interface ${name}`, ` ip address ${cidr(m.address)}`, "quit"], remove: [`undo interface ${name}`], readBack: show(`interface ${name}`) };
  },
  mlag(m) {
    return {
      apply: [
        `dfs-group ${m.domain}`,
        // the higher priority is the DFS master (default 100, not displayed)
        ...(m.role === "primary" ? [" priority 150"] : []),
        ` source ip ${m.localAddress} peer ${m.peerAddress}`,
        "quit",
      ],
      remove: [`undo dfs-group ${m.domain}`],
      readBack: show(`| begin dfs-group ${m.domain}`),
    };
  },
  stp(t) {
    const mstp = t.mode === "mstp";
    const priority = t.priority === undefined ? [] : mstp ? [0, ...t.instances.map((x) => x.id)].map((n) => `stp instance ${n} priority ${t.priority}`) : [`stp priority ${t.priority}`];
    return {
      apply: [
        `stp mode ${t.mode}`,
        ...(mstp
          ? [
              "stp region-configuration",
              ` region-name ${t.region}`,
              ...(t.revision !== 0 ? [` revision-level ${t.revision}`] : []),
              ...t.instances.flatMap((x) => vrpRangeChunks(x.vlans).map((r) => ` instance ${x.id} vlan ${r}`)),
              "quit",
            ]
          : []),
        ...priority,
        ...(t.bpduProtection ? ["stp bpdu-protection"] : []),
        // an M-LAG pair runs as one bridge (V-STP: RSTP or STP only, which the model holds it to)
        ...(t.mlag ? ["stp v-stp enable"] : []),
      ],
      remove: [
        ...(t.mlag ? ["undo stp v-stp enable"] : []),
        ...(t.bpduProtection ? ["undo stp bpdu-protection"] : []),
        ...(t.priority === undefined ? [] : mstp ? [0, ...t.instances.map((x) => x.id)].map((n) => `undo stp instance ${n} priority`) : ["undo stp priority"]),
        ...(mstp ? ["undo stp region-configuration"] : []),
        "undo stp mode",
      ],
      readBack: show("| include ^stp|^ region-name|^ revision-level|^ instance"),
    };
  },
  loopback(address) {
    return {
      name: "LoopBack0",
      syntax: {
        apply: ["interface LoopBack0", ` ip address ${address} 255.255.255.255`, "quit"],
        remove: ["undo interface LoopBack0"],
        readBack: show("interface LoopBack0"),
      },
    };
  },
  gateway(g) {
    const name = `Vlanif${g.vlan}`;
    return {
      apply: [
        `interface ${name}`,
        ...(g.vrf ? [` ip binding vpn-instance ${g.vrf}`] : []),
        ` ip address ${cidr(g.address)}`,
        ...(g.vrrp ? [` vrrp vrid ${g.vrrp.vrid} virtual-ip ${g.vrrp.virtualAddress}`] : []),
        // the default priority is not displayed, so it is not written either
        ...(g.vrrp && g.vrrp.priority !== VRRP_DEFAULT_PRIORITY ? [` vrrp vrid ${g.vrrp.vrid} priority ${g.vrrp.priority}`] : []),
        "quit",
      ],
      remove: [`undo interface ${name}`],
      readBack: show(`interface ${name}`),
    };
  },
  route(r) {
    const line = `ip route-static ${r.vrf ? `vpn-instance ${r.vrf} ` : ""}${cidr(r.prefix)} ${r.nextHop}`;
    return { apply: [line], remove: [`undo ${line}`], readBack: show("| include ip route-static") };
  },
  qos(q) {
    const targets = markingTargets(q);
    const name = markName;
    const behaviors = markedDscps(q);
    const apply: string[] = [];
    const remove: string[] = [];
    for (const d of behaviors) apply.push(`traffic behavior CITYDC-DSCP${d}`, ` remark dscp ${d}`, "quit");
    for (const t of targets) {
      t.rules.forEach((m, k) => {
        apply.push(`acl name ${name(t, k)} advance`, ...vrpRules([markEntry(m)]), "quit", `traffic classifier ${name(t, k)}`, ` if-match acl ${name(t, k)}`, "quit");
      });
      apply.push(`traffic policy ${name(t)}`, ...t.rules.map((m, k) => ` classifier ${name(t, k)} behavior CITYDC-DSCP${m.dscp}`), "quit", bindView(t), ` traffic-policy ${name(t)} inbound`, "quit");
    }
    const queues = vrpQueueLines(q);
    for (const port of q.trust) apply.push(`interface ${port}`, " trust dscp", ...queues.apply, "quit");
    // removal: bindings first, then what they name
    for (const port of q.trust) remove.push(`interface ${port}`, " undo trust", ...queues.undo, "quit");
    for (const t of targets) {
      remove.push(bindView(t), ` undo traffic-policy ${name(t)} inbound`, "quit", `undo traffic policy ${name(t)}`);
      t.rules.forEach((_m, k) => remove.push(`undo traffic classifier ${name(t, k)}`, `undo acl name ${name(t, k)}`));
    }
    for (const d of behaviors) remove.push(`undo traffic behavior CITYDC-DSCP${d}`);
    return { apply, remove, readBack: "display current-configuration" };
  },
  acl(a) {
    const view = bindView(a);
    return {
      apply: [`acl name ${a.name} advance`, ...vrpRules(a.entries), "quit", view, ` traffic-filter acl ${a.name} inbound`, "quit"],
      remove: [view, ` undo traffic-filter acl ${a.name} inbound`, "quit", `undo acl name ${a.name}`],
      readBack: "display current-configuration",
    };
  },
  bgp(b) {
    return {
      apply: [
        `bgp ${b.asn}`,
        ...(b.routerId ? [` router-id ${b.routerId}`] : []),
        ...b.neighbors.flatMap((n) => [` peer ${n.address} as-number ${n.remoteAs}`, ...textLine("huawei-vrp", ` peer ${n.address} description `, n.description, 80)]),
        " ipv4-family unicast",
        ...b.networks.map((n) => `  network ${cidr(n)}`),
        ...b.neighbors.map((n) => `  peer ${n.address} enable`),
        " quit",
        "quit",
      ],
      remove: [`undo bgp ${b.asn}`],
      readBack: show("configuration bgp"),
    };
  },
};

const NAVIGATION = /^\s*quit$/;

/**
 * Lines that add up on CE: every `port trunk allow-pass vlan` line of an interface, every `vlan batch` line
 * and every `instance N vlan` line of an MST region are one list to the device, which displays it again ten items per line (and may cut it elsewhere
 * than citydc did). For read-back, each such set of lines becomes one line holding the union.
 */
export function foldVrp(lines: readonly string[]): string[] {
  const out: string[] = [];
  const lists = new Map<string, { at: number; ids: number[] }>();
  for (const raw of lines) {
    // the CIST priority may be shown with or without its instance
    const l = raw.replace(/^stp priority /, "stp instance 0 priority ");
    const m = /^(port trunk allow-pass vlan|vlan batch|instance \d+ vlan) (.+)$/.exec(l);
    if (!m || m[2] === "all") {
      out.push(l);
      continue;
    }
    const list = lists.get(m[1]!);
    if (list) list.ids.push(...parseVlanList(m[2]!));
    else {
      lists.set(m[1]!, { at: out.length, ids: parseVlanList(m[2]!) });
      out.push(m[1]!);
    }
  }
  for (const [words, { at, ids }] of lists) out[at] = `${words} ${vrpRanges(ids)}`;
  return out;
}

export const VRP_DIALECT: ShellDialect = {
  // <HUAWEI>, [~HUAWEI], [*HUAWEI-vlan10], [~HUAWEI-10GE1/0/1]
  prompt: /(?:^|\n)(?:<[\w.\/:-]+>|\[[~*]?[\w.\/:-]+\])\s*$/,
  pagingOff: ["screen-length 0 temporary"],
  enterConfig: ["system-view"],
  commit: ["commit"],
  abort: ["clear configuration candidate"],
  exitConfig: ["return"],
  save: ["save"],
  errorPatterns: [/^Error:/m],
  confirmations: [{ pattern: /\[Y\/N\]:?\s*$/i, answer: "Y" }],
};

export const VRP_CHANGE: ChangeSyntax = {
  exit: "quit",
  indent: " ",
  no: "undo",
  vlanInterface: (vlan) => `interface Vlanif${vlan}`,
  vrrpGroup: (vrid) => `vrrp vrid ${vrid}`,
  nativeVlan: "port trunk pvid vlan",
  // `port trunk allow-pass vlan` adds to the list: VLANs taken off need their own undo
  additiveTrunk: (gone) => vrpRangeChunks(gone).map((r) => `port trunk allow-pass vlan ${r}`),
  vrrpDefaultPriority: (vrid) => [` undo vrrp vrid ${vrid} priority`],
  unset: {
    mtu: (o) => [o.mode === "routed" ? " undo mtu" : " undo jumboframe enable"],
    speed: () => [" undo speed"],
    stpEdge: () => [" undo stp edged-port"],
    stpGuard: (o) => [o.stpGuard === "loop" ? " undo stp loop-protection" : " undo stp root-protection"],
    mlag: () => [" undo dfs-group"],
    peerLink: () => [" undo peer-link"],
  },
  defaultVrrpPriority: VRRP_DEFAULT_PRIORITY,
  bgp: {
    header: (asn) => `bgp ${asn}`,
    indent: " ",
    neighbor: (a) => `peer ${a}`,
    network: (n) => `network ${cidr(n)}`,
    addressFamily: { enter: " ipv4-family unicast", exit: " quit", indent: "  " },
  },
};

export const huaweiVrp: Platform = cliPlatform({
  name: "huawei-vrp",
  capabilities: CAPABILITIES["huawei-vrp"],
  renderer,
  dialect: VRP_DIALECT,
  change: VRP_CHANGE,
  // defaults CE does not display (`display current-configuration` hides parameters at their defaults)
  notDisplayed: /^(quit|undo shutdown|ipv4-family|port link-type access|mode manual load-balance|stp mode mstp)$/,
  fold: foldVrp,
  owned: /^(vrrp vrid \d+ priority \d+|mtu \d+|jumboframe enable \d+|speed \d+|stp (edged-port enable|loop-protection|root-protection))$/,
  fullConfig(intent, objects) {
    const system = objects.filter((o) => o.kind === "system");
    const rest = objects.filter((o) => o.kind !== "system");
    const ids = intent.vlans.map((v) => v.id);
    return displayedConfig(
      [`!${intent.device} (${intent.role}, site ${intent.site}) rendered by citydc`, "#", ...displayText(system, NAVIGATION, "#"), ...(ids.length > 0 ? [...vrpRangeChunks(ids).map((r) => `vlan batch ${r}`), "#"] : [])],
      rest,
      NAVIGATION,
      "#",
      ["return"],
    );
  },
  runningConfig: { command: "display current-configuration", text: configText(/^!(Last configuration was (updated|saved) at|Time:)/) },
});
