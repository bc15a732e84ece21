/**
 * Cisco Nexus (NX-OS). Syntax checked against the Cisco Nexus 9000 Series NX-OS Layer 2 Switching
 * Configuration Guide (VLANs, access and trunk interfaces: `switchport trunk allowed vlan 10,20-30`,
 * `switchport trunk native vlan`), Interfaces Configuration Guide (port channels: `feature lacp`,
 * `channel-group N mode active`; SVIs: `feature interface-vlan`), Unicast Routing Configuration Guide
 * (`feature vrrp`, `vrrp N` / `address` / `priority`, `ip route`, `vrf context`, `feature bgp`,
 * `router bgp` with neighbor sub-mode) and the Fundamentals guide (`copy running-config startup-config`).
 * LAG members: the Interfaces Configuration Guide's port-channel compatibility checks (a member must be
 * on the port-channel's layer, switchport or routed) and the Layer 2 command reference for
 * `channel-group N [force] [mode active|passive|on]` (`force` takes the port-channel's settings and is not
 * kept in the running configuration). MTU and speed: Interfaces Configuration Guide (`mtu` 576..9216 on
 * layer 3 ports; layer 2 ports take 1500 or the system jumbo MTU; `speed` in Mbit/s). Spanning tree: Layer 2
 * Switching Configuration Guide (`spanning-tree mode mst | rapid-pvst`, `spanning-tree mst configuration`
 * with `name`, `revision`, `instance N vlan`, `spanning-tree mst 0-N priority P`, `spanning-tree vlan L
 * priority P`) and its STP extensions chapter (`spanning-tree port type edge [trunk]`, `spanning-tree port
 * type edge bpduguard default`, `spanning-tree guard loop | root`). RSTP runs as rapid-pvst. vPC: Interfaces
 * Configuration Guide, "Configuring vPCs" (`feature vpc`, `vpc domain`, `role priority`, `peer-keepalive
 * destination A source B` over the management VRF, `vpc peer-link`, `vpc N`).
 * NX-OS has no candidate configuration: each line takes effect when typed; errors start with `% `.
 */
import { CAPABILITIES } from "../model/capabilities";
import { ciscoAclLines, defaultShare, lagNumber, markEntry, markName, markingTargets, type Renderer } from "./common";
import { cliPlatform, displayedConfig, type ChangeSyntax } from "./cli";
import type { ConfigObject, Platform, ShellDialect } from "./types";
import type { DeviceIntent, LagIntent, PortIntent } from "../intent/types";
import { configText, dashRanges, deviceText, parseVlanList, speedMbps, textLine } from "./util";

function l2Lines(p: PortIntent): string[] {
  switch (p.mode) {
    case "access":
      return ["  switchport", "  switchport mode access", ...(p.vlan !== undefined ? [`  switchport access vlan ${p.vlan}`] : [])];
    case "trunk": {
      const allowed = p.allowed ?? [];
      return [
        "  switchport",
        "  switchport mode trunk",
        ...(p.native !== undefined ? [`  switchport trunk native vlan ${p.native}`] : []),
        `  switchport trunk allowed vlan ${allowed.length > 0 ? dashRanges(allowed) : "none"}`,
      ];
    }
    case "routed":
      return ["  no switchport", ...(p.vrf ? [`  vrf member ${p.vrf}`] : []), ...(p.address ? [`  ip address ${p.address}`] : [])];
    default:
      return [];
  }
}

/**
 * MTU: a routed port takes the IP MTU (576..9216); a switch port only 1500 (the default, not written) or the
 * system jumbo MTU, 9216 by default. A port-channel member takes its port-channel's (`force`).
 */
function mtuLines(p: PortIntent): string[] {
  if (p.mtu === undefined || p.lag !== undefined) return [];
  if (p.mode === "routed") return [`  mtu ${p.mtu}`];
  if ((p.mode === "access" || p.mode === "trunk") && p.mtu > 1500) return ["  mtu 9216"];
  return [];
}

/** `speed` in Mbit/s, on every physical port that sets one (port-channel members must agree). */
const speedLines = (p: PortIntent): string[] => (p.speed ? [`  speed ${speedMbps(p.speed)}`] : []);

/** A switch port's spanning-tree role: edge (on a trunk `edge trunk`), loop or root guard. */
function stpLines(p: PortIntent): string[] {
  if (!p.stp) return [];
  return [
    ...(p.stp.edge ? [p.mode === "trunk" ? "  spanning-tree port type edge trunk" : "  spanning-tree port type edge"] : []),
    ...(p.stp.guard ? [`  spanning-tree guard ${p.stp.guard}`] : []),
  ];
}

const describe = (p: PortIntent): string[] => {
  const d = deviceText("cisco-nxos", p.description, 254);
  return d ? [`  description ${d}`] : [];
};

/** The `feature` lines the device's configuration needs. */
export function nxosFeatures(intent: DeviceIntent): string[] {
  const f: string[] = [];
  if (intent.lags.some((l) => l.lacp !== "static")) f.push("lacp");
  if (intent.gateways.length > 0 || intent.management.inband) f.push("interface-vlan");
  if (intent.gateways.some((g) => g.vrrp)) f.push("vrrp");
  if (intent.bgp) f.push("bgp");
  if (intent.mlag) f.push("vpc");
  return f;
}

const renderer: Renderer = {
  system(intent) {
    const features = nxosFeatures(intent);
    return {
      apply: [`hostname ${intent.device}`, ...features.map((x) => `feature ${x}`)],
      // never `no feature ...`: it deletes every line that depends on the feature
      remove: [],
      readBack: 'show running-config | include "^hostname|^feature"',
      fields: { hostname: intent.device, features },
    };
  },
  vrf(v) {
    return {
      apply: [`vrf context ${v.name}`, ...(v.rd ? [`  rd ${v.rd}`] : []), "exit"],
      remove: [`no vrf context ${v.name}`],
      readBack: `show running-config vrf ${v.name}`,
    };
  },
  vlan(v) {
    return { apply: [`vlan ${v.id}`, `  name ${deviceText("cisco-nxos", v.name, 32)}`, "exit"], remove: [`no vlan ${v.id}`], readBack: `show running-config vlan ${v.id}` };
  },
  lag(l: LagIntent) {
    // the vPC peer link is a network port (bridge assurance); a dual-homed port-channel names its vPC
    const vpc = l.peerLink ? ["  spanning-tree port type network", "  vpc peer-link"] : l.mlag ? [`  vpc ${l.mlag.id}`] : [];
    return {
      apply: [`interface ${l.name}`, ...describe(l.port), ...l2Lines(l.port), ...mtuLines(l.port), ...stpLines(l.port), ...vpc, "  no shutdown", "exit"],
      remove: [`no interface ${l.name}`],
      readBack: `show running-config interface ${l.name}`,
    };
  },
  port(p: PortIntent, intent) {
    let lines: string[];
    if (p.lag !== undefined) {
      const lag = intent.lags.find((l) => l.name === p.lag);
      const lacp = lag?.lacp ?? "active";
      // A member must be on the port-channel's layer (many Nexus ports are routed by default), and `force`
      // makes it take the port-channel's VLANs, speed checks aside, instead of being refused as incompatible.
      lines = [
        lag?.port.mode === "routed" ? "  no switchport" : "  switchport",
        `  channel-group ${lagNumber(p.lag)} force mode ${lacp === "static" ? "on" : lacp}`,
      ];
    } else lines = [...l2Lines(p), ...stpLines(p)];
    return {
      apply: [`interface ${p.name}`, ...describe(p), ...speedLines(p), ...lines, ...mtuLines(p), p.enabled ? "  no shutdown" : "  shutdown", "exit"],
      remove: [`default interface ${p.name}`],
      readBack: `show running-config interface ${p.name}`,
    };
  },
  management(m) {
    const name = `Vlan${m.vlan}`;
    // a VLAN interface is shut down until told otherwise
    return { apply: [`interface ${name}`, "  no shutdown", `  ip address ${m.address}`, "exit"], remove: [`no interface ${name}`], readBack: `show running-config interface ${name}` };
  },
  mlag(m) {
    return {
      apply: [
        `vpc domain ${m.domain}`,
        // the lower role priority is the vPC primary (default 32667)
        `  role priority ${m.role === "primary" ? 100 : 200}`,
        // over mgmt0, in vrf management (the default, not displayed)
        `  peer-keepalive destination ${m.peerAddress} source ${m.localAddress}`,
        "  exit",
      ],
      remove: [`no vpc domain ${m.domain}`],
      readBack: "show running-config vpc",
    };
  },
  stp(t) {
    const mstp = t.mode === "mstp";
    const instances = dashRanges([0, ...t.instances.map((x) => x.id)]);
    // rapid-pvst (RSTP per VLAN) sets the priority per VLAN, on the VLANs the switch carries
    const priority =
      t.priority === undefined ? [] : mstp ? [`spanning-tree mst ${instances} priority ${t.priority}`] : t.vlans.length > 0 ? [`spanning-tree vlan ${dashRanges(t.vlans)} priority ${t.priority}`] : [];
    return {
      apply: [
        `spanning-tree mode ${mstp ? "mst" : "rapid-pvst"}`,
        ...(mstp
          ? ["spanning-tree mst configuration", `  name ${t.region}`, ...(t.revision !== 0 ? [`  revision ${t.revision}`] : []), ...t.instances.map((x) => `  instance ${x.id} vlan ${dashRanges(x.vlans)}`), "  exit"]
          : []),
        ...priority,
        ...(t.bpduProtection ? ["spanning-tree port type edge bpduguard default"] : []),
      ],
      remove: [
        ...(t.bpduProtection ? ["no spanning-tree port type edge bpduguard default"] : []),
        ...priority.map((l) => `no ${l.replace(/ priority \d+$/, " priority")}`),
        ...(mstp ? ["no spanning-tree mst configuration"] : []),
        "no spanning-tree mode",
      ],
      readBack: 'show running-config spanning-tree | include "^spanning-tree|^  name|^  revision|^  instance"',
    };
  },
  loopback(address) {
    return {
      name: "loopback0",
      syntax: { apply: ["interface loopback0", `  ip address ${address}/32`, "exit"], remove: ["no interface loopback0"], readBack: "show running-config interface loopback0" },
    };
  },
  qos(q) {
    // Nexus 9000 NX-OS QoS Configuration Guide: classification and marking with `class-map type qos` and
    // `policy-map type qos` (`set dscp`, `set qos-group`), bound with `service-policy type qos input`; egress
    // queuing with `policy-map type queuing` on the system queues c-out-8q-qN under `system qos`
    const apply: string[] = [];
    const remove: string[] = [];
    const q8 = (n: number): string => (n === 0 ? "c-out-8q-q-default" : `c-out-8q-q${n}`);
    for (const t of markingTargets(q)) {
      t.rules.forEach((m, k) => apply.push(`ip access-list ${markName(t, k)}`, ...ciscoAclLines([markEntry(m)], "  "), "exit", `class-map type qos match-all ${markName(t, k)}`, `  match access-group name ${markName(t, k)}`, "exit"));
      apply.push(`policy-map type qos ${markName(t)}`, ...t.rules.flatMap((m, k) => [`  class ${markName(t, k)}`, `    set dscp ${m.dscp}`, `    set qos-group ${q.classes.find((c) => c.name === m.class)?.queue ?? 0}`, "    exit"]), "exit");
      const iface = t.vlan !== undefined ? `Vlan${t.vlan}` : t.interface!;
      apply.push(`interface ${iface}`, `  service-policy type qos input ${markName(t)}`, "exit");
      remove.push(`interface ${iface}`, `  no service-policy type qos input ${markName(t)}`, "exit", `no policy-map type qos ${markName(t)}`, ...t.rules.flatMap((_m, k) => [`no class-map type qos match-all ${markName(t, k)}`, `no ip access-list ${markName(t, k)}`]));
    }
    // trusted ports: the DSCP they receive picks the queue
    const classes = q.classes.filter((c) => c.treatment !== "default");
    for (const c of classes) apply.push(`class-map type qos match-any CITYDC-${c.name.toUpperCase()}`, `  match dscp ${c.dscp}`, "exit");
    apply.push("policy-map type qos CITYDC-TRUST", ...classes.flatMap((c) => [`  class CITYDC-${c.name.toUpperCase()}`, `    set qos-group ${c.queue}`, "    exit"]), "exit");
    for (const port of q.trust) apply.push(`interface ${port}`, "  service-policy type qos input CITYDC-TRUST", "exit");
    apply.push(
      "policy-map type queuing CITYDC-QUEUING",
      ...[...q.classes]
        .sort((a, b) => b.queue - a.queue)
        .flatMap((c) => [`  class type queuing ${q8(c.queue)}`, c.treatment === "priority" ? "    priority level 1" : `    bandwidth remaining percent ${c.treatment === "default" ? defaultShare(q) : c.share}`, "    exit"]),
      "exit",
      "system qos",
      "  service-policy type queuing output CITYDC-QUEUING",
      "exit",
    );
    remove.unshift("system qos", "  no service-policy type queuing output CITYDC-QUEUING", "exit", "no policy-map type queuing CITYDC-QUEUING", ...q.trust.flatMap((port) => [`interface ${port}`, "  no service-policy type qos input CITYDC-TRUST", "exit"]));
    remove.push("no policy-map type qos CITYDC-TRUST", ...classes.map((c) => `no class-map type qos match-any CITYDC-${c.name.toUpperCase()}`));
    return { apply, remove, readBack: "show running-config ipqos" };
  },
  acl(a) {
    const iface = a.interface !== undefined && a.vlan === undefined ? a.interface : `Vlan${a.vlan}`;
    return {
      apply: [`ip access-list ${a.name}`, ...ciscoAclLines(a.entries, "  "), "exit", `interface ${iface}`, `  ip access-group ${a.name} in`, "exit"],
      remove: [`interface ${iface}`, `  no ip access-group ${a.name} in`, "exit", `no ip access-list ${a.name}`],
      readBack: "show running-config aclmgr",
    };
  },
  gateway(g) {
    const name = `Vlan${g.vlan}`;
    return {
      apply: [
        `interface ${name}`,
        "  no shutdown",
        ...(g.vrf ? [`  vrf member ${g.vrf}`] : []),
        `  ip address ${g.address}`,
        ...(g.vrrp
          ? [
              `  vrrp ${g.vrrp.vrid}`,
              // the default priority is not displayed, so it is not written either
              ...(g.vrrp.priority !== VRRP_DEFAULT_PRIORITY ? [`    priority ${g.vrrp.priority}`] : []),
              `    address ${g.vrrp.virtualAddress}`,
              "    no shutdown",
              "    exit",
            ]
          : []),
        "exit",
      ],
      remove: [`no interface ${name}`],
      readBack: `show running-config interface ${name}`,
    };
  },
  route(r) {
    const line = `ip route ${r.prefix} ${r.nextHop}`;
    if (r.vrf) {
      return { apply: [`vrf context ${r.vrf}`, `  ${line}`, "exit"], remove: [`vrf context ${r.vrf}`, `  no ${line}`, "exit"], readBack: `show running-config vrf ${r.vrf}` };
    }
    return { apply: [line], remove: [`no ${line}`], readBack: 'show running-config | include "^ip route"' };
  },
  bgp(b) {
    return {
      apply: [
        `router bgp ${b.asn}`,
        ...(b.routerId ? [`  router-id ${b.routerId}`] : []),
        "  address-family ipv4 unicast",
        ...b.networks.map((n) => `    network ${n}`),
        "    exit",
        ...b.neighbors.flatMap((n) => [
          `  neighbor ${n.address}`,
          `    remote-as ${n.remoteAs}`,
          ...textLine("cisco-nxos", "    description ", n.description, 80),
          "    address-family ipv4 unicast",
          "      exit",
          "    exit",
        ]),
        "exit",
      ],
      remove: [`no router bgp ${b.asn}`],
      readBack: "show running-config bgp",
    };
  },
};

const NAVIGATION = /^\s*exit$/;

/** VRRP group priority when none is set (Unicast Routing Configuration Guide, VRRP). */
const VRRP_DEFAULT_PRIORITY = 100;

/**
 * Lines NX-OS displays differently from how they are typed: `force` is an action and is not kept in
 * `channel-group` (nor is the default `mode on`); older releases wrap a long allowed list into `switchport trunk allowed vlan add` lines
 * (one list to the device). For read-back both sides become one line per list.
 */
export function foldNxos(lines: readonly string[]): string[] {
  const out: string[] = [];
  let allowed: { at: number; ids: number[] } | undefined;
  for (const l of lines) {
    const ch = /^channel-group (\d+)( force)?(?: mode (\S+))?$/.exec(l);
    if (ch) {
      // mode on (no LACP) is the default and may be shown without its mode
      out.push(`channel-group ${ch[1]}${ch[3] && ch[3] !== "on" ? ` mode ${ch[3]}` : ""}`);
      continue;
    }
    const m = /^switchport trunk allowed vlan (add )?(.+)$/.exec(l);
    if (!m || m[2] === "none" || m[2] === "all") {
      out.push(l);
      continue;
    }
    if (allowed && m[1]) allowed.ids.push(...parseVlanList(m[2]!));
    else {
      allowed = { at: out.length, ids: parseVlanList(m[2]!) };
      out.push("");
    }
  }
  if (allowed) out[allowed.at] = `switchport trunk allowed vlan ${dashRanges(allowed.ids)}`;
  return out;
}

/**
 * The running configuration in the order NX-OS keeps it: global statements first (hostname, features,
 * global `ip route`), then VLANs and spanning tree, then each `vrf context` with its own routes, the vPC
 * domain, then interfaces (VLAN
 * interfaces, port-channels, Ethernet ports, loopback) and `router bgp`. A reader that takes every line
 * after `vrf context X` as X's (an engineer, a config parser) then puts each route in its table.
 */
function nxosConfig(intent: DeviceIntent, objects: readonly ConfigObject[]): string {
  const of = (kind: ConfigObject["kind"]): ConfigObject[] => objects.filter((o) => o.kind === kind);
  const routes = of("route");
  const globalRoutes = routes.filter((o) => o.fields.vrf === undefined);
  const vrfBlocks: ConfigObject[] = of("vrf").map((v) => {
    const inner = routes.filter((r) => r.fields.vrf === v.fields.name).flatMap((r) => r.apply.filter((l) => /^\s/.test(l)));
    return { ...v, apply: [...v.apply.filter((l) => !NAVIGATION.test(l)), ...inner] };
  });
  const vrfNames = new Set(vrfBlocks.map((v) => String(v.fields.name)));
  const orphanRoutes = routes.filter((r) => r.fields.vrf !== undefined && !vrfNames.has(String(r.fields.vrf)));
  const order = [
    ...of("system"),
    ...globalRoutes,
    ...of("vlan"),
    ...of("stp"),
    ...vrfBlocks,
    ...orphanRoutes,
    ...objects.filter((o) => !["system", "route", "vlan", "stp", "vrf", "gateway", "lag", "port", "bgp"].includes(o.kind)),
    ...of("gateway"),
    ...of("lag"),
    ...of("port"),
    ...of("bgp"),
  ];
  // as displayed: `force` is not kept in `channel-group`
  const shown = order.map((o) => (o.kind === "port" ? { ...o, apply: o.apply.map((l) => l.replace(/^(  channel-group \d+) force /, "$1 ")) } : o));
  return displayedConfig([`!Command: show running-config (${intent.device}, rendered by citydc)`, "!"], shown, NAVIGATION, "!");
}

export const NXOS_DIALECT: ShellDialect = {
  prompt: /(?:^|\n)[\w.-]+(?:\(config[^)]*\))?# ?$/,
  pagingOff: ["terminal length 0"],
  enterConfig: ["configure terminal"],
  commit: [],
  abort: [],
  exitConfig: ["end"],
  save: ["copy running-config startup-config"],
  errorPatterns: [/^% /m, /^ERROR: /m],
  // "Continue? [y/n] [n]" and "Do you want to continue? (y/n)  [n]" (the Fundamentals guide shows both forms)
  confirmations: [{ pattern: /[[(]y\/n[\])]\??\s*(\[\w\])?\s*$/i, answer: "y" }],
};

export const NXOS_CHANGE: ChangeSyntax = {
  exit: "exit",
  indent: "  ",
  no: "no",
  vlanInterface: (vlan) => `interface Vlan${vlan}`,
  vrrpGroup: (vrid) => `vrrp ${vrid}`,
  nativeVlan: "switchport trunk native vlan",
  defaultVrrpPriority: VRRP_DEFAULT_PRIORITY,
  vrrpDefaultPriority: (vrid) => [`  vrrp ${vrid}`, "    no priority", "    exit"],
  unset: {
    mtu: () => ["  no mtu"],
    speed: () => ["  no speed"],
    stpEdge: () => ["  no spanning-tree port type"],
    stpGuard: () => ["  no spanning-tree guard"],
    mlag: () => ["  no vpc"],
    peerLink: () => ["  no vpc peer-link"],
  },
  bgp: {
    header: (asn) => `router bgp ${asn}`,
    indent: "  ",
    neighbor: (a) => `neighbor ${a}`,
    network: (n) => `network ${n}`,
    addressFamily: { enter: "  address-family ipv4 unicast", exit: "    exit", indent: "    " },
  },
};

export const ciscoNxos: Platform = cliPlatform({
  name: "cisco-nxos",
  capabilities: CAPABILITIES["cisco-nxos"],
  renderer,
  dialect: NXOS_DIALECT,
  change: NXOS_CHANGE,
  // defaults NX-OS does not display (an L2 port is an access port unless told otherwise)
  notDisplayed: /^(exit|no shutdown|switchport|switchport mode access|spanning-tree mode rapid-pvst)$/,
  fold: foldNxos,
  owned: /^(priority \d+|mtu \d+|speed \d+|spanning-tree (port type edge( trunk)?|guard (loop|root)))$/,
  fullConfig: nxosConfig,
  // the header's time stamps change with every change: left out so two backups differ only by configuration
  runningConfig: { command: "show running-config", text: configText(/^!(Time|Running configuration last done at|Startup config saved at):/) },
});
