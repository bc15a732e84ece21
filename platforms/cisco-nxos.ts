/**
 * Cisco Nexus (NX-OS). Syntax checked against the Cisco Nexus 9000 Series NX-OS Layer 2 Switching
 * Configuration Guide (VLANs, access and trunk interfaces: `switchport trunk allowed vlan 10,20-30`,
 * `switchport trunk native vlan`), Interfaces Configuration Guide (port channels: `feature lacp`,
 * `channel-group N mode active`; SVIs: `feature interface-vlan`), Unicast Routing Configuration Guide
 * (`feature vrrp`, `vrrp N` / `address` / `priority`, `ip route`, `vrf context`, `feature bgp`,
 * `router bgp` with neighbor sub-mode) and the Fundamentals guide (`copy running-config startup-config`).
 * NX-OS has no candidate configuration: each line takes effect when typed; errors start with `% `.
 */
import { CAPABILITIES } from "../model/capabilities";
import { lagNumber, type Renderer } from "./common";
import { cliPlatform, displayedConfig, type ChangeSyntax } from "./cli";
import type { Platform, ShellDialect } from "./types";
import type { DeviceIntent, LagIntent, PortIntent } from "../intent/types";
import { configText, dashRanges, deviceText, textLine } from "./util";

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

const describe = (p: PortIntent): string[] => {
  const d = deviceText("cisco-nxos", p.description, 254);
  return d ? [`  description ${d}`] : [];
};

/** The `feature` lines the device's configuration needs. */
export function nxosFeatures(intent: DeviceIntent): string[] {
  const f: string[] = [];
  if (intent.lags.some((l) => l.lacp !== "static")) f.push("lacp");
  if (intent.gateways.length > 0) f.push("interface-vlan");
  if (intent.gateways.some((g) => g.vrrp)) f.push("vrrp");
  if (intent.bgp) f.push("bgp");
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
    return {
      apply: [`interface ${l.name}`, ...describe(l.port), ...l2Lines(l.port), "  no shutdown", "exit"],
      remove: [`no interface ${l.name}`],
      readBack: `show running-config interface ${l.name}`,
    };
  },
  port(p: PortIntent, intent) {
    let lines: string[];
    if (p.lag !== undefined) {
      const lacp = intent.lags.find((l) => l.name === p.lag)?.lacp ?? "active";
      lines = [`  channel-group ${lagNumber(p.lag)} mode ${lacp === "static" ? "on" : lacp}`];
    } else lines = l2Lines(p);
    return {
      apply: [`interface ${p.name}`, ...describe(p), ...lines, p.enabled ? "  no shutdown" : "  shutdown", "exit"],
      remove: [`default interface ${p.name}`],
      readBack: `show running-config interface ${p.name}`,
    };
  },
  loopback(address) {
    return {
      name: "loopback0",
      syntax: { apply: ["interface loopback0", `  ip address ${address}/32`, "exit"], remove: ["no interface loopback0"], readBack: "show running-config interface loopback0" },
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
        ...(g.vrrp ? [`  vrrp ${g.vrrp.vrid}`, `    priority ${g.vrrp.priority}`, `    address ${g.vrrp.virtualAddress}`, "    no shutdown", "    exit"] : []),
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

export const NXOS_DIALECT: ShellDialect = {
  prompt: /(?:^|\n)[\w.-]+(?:\(config[^)]*\))?# ?$/,
  pagingOff: ["terminal length 0"],
  enterConfig: ["configure terminal"],
  commit: [],
  abort: [],
  exitConfig: ["end"],
  save: ["copy running-config startup-config"],
  errorPatterns: [/^% /m, /^ERROR: /m],
  confirmations: [{ pattern: /\[y\/n\]\s*(\[\w\])?\s*$/i, answer: "y" }],
};

export const NXOS_CHANGE: ChangeSyntax = {
  exit: "exit",
  indent: "  ",
  no: "no",
  vlanInterface: (vlan) => `interface Vlan${vlan}`,
  vrrpGroup: (vrid) => `vrrp ${vrid}`,
  nativeVlan: "switchport trunk native vlan",
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
  notDisplayed: /^(exit|no shutdown|switchport|switchport mode access)$/,
  fullConfig: (intent, objects) => displayedConfig([`!Command: show running-config (${intent.device}, rendered by citydc)`, "!"], objects, NAVIGATION, "!"),
  // the header's time stamps change with every change: left out so two backups differ only by configuration
  runningConfig: { command: "show running-config", text: configText(/^!(Time|Running configuration last done at|Startup config saved at):/) },
});
