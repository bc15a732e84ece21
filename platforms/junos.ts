/**
 * Juniper Junos (set-style). Syntax checked against the Junos OS Ethernet Switching User Guide (ELS:
 * `set vlans NAME vlan-id N`, `unit 0 family ethernet-switching interface-mode access|trunk`,
 * `vlan members`, `native-vlan-id`, `l3-interface irb.N`), the Network Interfaces guide (aggregated
 * Ethernet: `set chassis aggregated-devices ethernet device-count`, `ether-options 802.3ad aeN`,
 * `aggregated-ether-options lacp active|passive`; IRB units), the High Availability guide (VRRP:
 * `vrrp-group N virtual-address`, `priority`), Routing Policies / BGP (`routing-options
 * autonomous-system`, `protocols bgp group ... neighbor ... peer-as`, export policy with
 * `route-filter ... exact`), static routes and routing instances (`instance-type vrf`), the interface `mtu`
 * (media MTU, Ethernet header included) and `speed` (Junos OS Interfaces Fundamentals), spanning tree on ELS
 * switches (`protocols rstp | mstp`: `bridge-priority`, `configuration-name`, `revision-level`, `msti N vlan`,
 * `bpdu-block-on-edge`, `interface X edge | no-root-port | bpdu-timeout-action block`; Junos OS Layer 2
 * Bridging and Spanning-Tree User Guide), MC-LAG on EX and QFX (`iccp local-ip-addr`, `iccp peer ...
 * redundancy-group-id-list`, `multi-chassis multi-chassis-protection`, `aggregated-ether-options mc-ae`
 * with `mc-ae-id`, `redundancy-group`, `chassis-id`, `mode active-active`, `status-control`, and the same
 * LACP `system-id` and `admin-key` on both peers; Junos OS Multichassis Link Aggregation User Guide; the
 * 13.2 `mc-ae` reference lists only chassis-id, mc-ae-id, mode and status-control for QFX, so an older QFX
 * may refuse `redundancy-group`, which EX and MX need),
 * and the Junos OS
 * Security Policies User Guide for SRX Series flow mode (`security zones security-zone Z interfaces`,
 * `host-inbound-traffic system-services | protocols`, `security policies from-zone Z to-zone Z policy P
 * match ... then permit`; the default policy denies all traffic, and an interface in no zone passes none).
 *
 * Junos edits a candidate configuration: `delete` then `set` in one commit replaces an object atomically,
 * which is how changes are made. wrap(): `configure private`, the lines, `commit and-quit`. The shell
 * driver types them one at a time at the CLI prompt (Junos OS CLI User Guide: `configure private`, `commit
 * and-quit`, `rollback 0`, `exit configuration-mode`, `set cli screen-length 0`). A statement the CLI
 * refuses ("syntax error.", "error: ...") is only left out of the candidate: the CLI goes on reading, and a
 * commit after it would make the rest of the change live. So the driver stops at the first refused line,
 * discards the private candidate (`rollback 0`, `exit configuration-mode`) and commits nothing; nothing is
 * live before the commit, and a refused commit is discarded the same way. No shell reads the lines.
 */
import { CAPABILITIES } from "../model/capabilities";
import { buildObjects, lagNumber, lineReadBack, markingTargets, markName, portMatches, type Renderer, stpFields } from "./common";
import type { ConfigObject, Platform, ShellDialect } from "./types";
import type { DeviceIntent, LagIntent, PortIntent, SecurityIntent, StpIntent } from "../intent/types";
import { configText, deviceText, vlanRuns } from "./util";

/** Junos VLAN names: letters, digits, '-', '_' (the inventory name, made safe). */
export const junosVlanName = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, "-");

/** `vlan members`: a single VLAN by name, runs of three or more as a numeric range. */
export function junosMembers(ids: readonly number[], intent: DeviceIntent): string {
  const names = new Map(intent.vlans.map((v) => [v.id, junosVlanName(v.name)] as const));
  const parts: string[] = [];
  for (const [a, b] of vlanRuns(ids)) {
    if (b - a >= 2) parts.push(`${a}-${b}`);
    else for (let v = a; v <= b; v++) parts.push(names.get(v) ?? String(v));
  }
  return parts.length === 1 ? parts[0]! : `[ ${parts.join(" ")} ]`;
}

/** Junos quotes a value only when it holds spaces or special characters (as `display set` shows it); util.ts deviceText escapes it. */
const quote = (s: string): string => deviceText("junos", s);

function portLines(p: PortIntent, intent: DeviceIntent): string[] {
  const i = `set interfaces ${p.name}`;
  const es = `${i} unit 0 family ethernet-switching`;
  const out = p.description ? [`${i} description ${quote(p.description)}`] : [];
  if (p.lag !== undefined) out.push(`${i} ether-options 802.3ad ${p.lag}`);
  else if (p.mode === "access") {
    out.push(`${es} interface-mode access`);
    if (p.vlan !== undefined) out.push(`${es} vlan members ${junosMembers([p.vlan], intent)}`);
  } else if (p.mode === "trunk") {
    out.push(`${es} interface-mode trunk`);
    // ELS: the native VLAN is also a member of the trunk
    const allowed = p.allowed ?? [];
    if (allowed.length > 0) out.push(`${es} vlan members ${junosMembers(allowed, intent)}`);
    if (p.native !== undefined) out.push(`${i} native-vlan-id ${p.native}`);
  } else if (p.mode === "routed") {
    if (p.address) out.push(`${i} unit 0 family inet address ${p.address}`);
    if (p.vrf) out.push(`set routing-instances ${p.vrf} interface ${p.name}.0`);
  }
  // the media MTU holds the Ethernet header (14) and, on a trunk, a VLAN tag (4) above the IP MTU
  if (p.mtu !== undefined && p.lag === undefined) out.push(`${i} mtu ${p.mtu + (p.mode === "trunk" ? 18 : 14)}`);
  const speed = junosSpeed(p);
  if (speed) out.push(`${i} speed ${speed}`);
  if (!p.enabled) out.push(`${i} disable`);
  return out;
}

/**
 * `speed` where the name does not fix it: a ge- port at 100M, an mge- (multi-rate) port at any rate. xe-
 * and et- ports run at their optic's speed (the model refuses other speeds there).
 */
function junosSpeed(p: PortIntent): string | undefined {
  if (!p.speed) return undefined;
  const v = p.speed.toLowerCase();
  if (/^mge-/.test(p.name)) return v;
  if (/^ge-/.test(p.name) && p.speed !== "1G") return v;
  return undefined;
}

function portRemove(p: { name: string; vrf?: string; mode?: string }): string[] {
  return [...(p.vrf && p.mode === "routed" ? [`delete routing-instances ${p.vrf} interface ${p.name}.0`] : []), `delete interfaces ${p.name}`];
}

const GROUP_EXTERNAL = "citydc-external";
const GROUP_INTERNAL = "citydc-internal";
const EXPORT = "citydc-networks";

/** The zone's lines: interfaces (units), what the device answers, and a policy inside the zone. */
function securityLines(z: SecurityIntent): string[] {
  const zone = `set security zones security-zone ${z.zone}`;
  const units = [...z.interfaces.map((n) => `${n}.0`), ...z.vlans.map((v) => `irb.${v}`), ...(z.loopback ? ["lo0.0"] : [])];
  const policy = `set security policies from-zone ${z.zone} to-zone ${z.zone} policy ${POLICY}`;
  return [
    ...units.map((u) => `${zone} interfaces ${u}`),
    ...z.services.map((x) => `${zone} host-inbound-traffic system-services ${x}`),
    ...z.protocols.map((x) => `${zone} host-inbound-traffic protocols ${x}`),
    // `display set` shows each match condition on its own line
    `${policy} match source-address any`,
    `${policy} match destination-address any`,
    `${policy} match application any`,
    `${policy} then permit`,
  ];
}

const POLICY = "citydc-permit";

/** A locally administered LACP system id that both switches of a pair give one multi-chassis LAG. */
function mcSystemId(domain: number, id: number): string {
  const h = (n: number): string => (n & 255).toString(16).padStart(2, "0");
  return ["02", h(domain >> 8), h(domain), "00", h(id >> 8), h(id)].join(":");
}

/** Junos writes a bridge priority in steps of 4k ("4k", "8k", ...). */
const bridgePriority = (p: number): string => (p === 0 ? "0" : `${p / 1024}k`);

/**
 * Spanning tree under [edit protocols rstp | mstp]: the bridge, and every switch port by name with its role
 * (ELS runs it on the interfaces it lists): `edge`, `bpdu-timeout-action block` (loop protection),
 * `no-root-port` (root protection).
 */
function stpLines(t: StpIntent, intent: DeviceIntent): string[] {
  const proto = `set protocols ${t.mode}`;
  const ports = [...intent.lags.map((l) => l.port), ...intent.ports.filter((p) => p.lag === undefined)].filter((p) => p.mode === "access" || p.mode === "trunk");
  const out: string[] = [];
  if (t.mode === "mstp") {
    out.push(`${proto} configuration-name ${t.region}`);
    if (t.revision !== 0) out.push(`${proto} revision-level ${t.revision}`);
  }
  if (t.priority !== undefined) out.push(`${proto} bridge-priority ${bridgePriority(t.priority)}`);
  for (const x of t.instances) {
    for (const [a, b] of vlanRuns(x.vlans)) out.push(`${proto} msti ${x.id} vlan ${a === b ? a : `${a}-${b}`}`);
    if (t.priority !== undefined) out.push(`${proto} msti ${x.id} bridge-priority ${bridgePriority(t.priority)}`);
  }
  if (t.bpduProtection) out.push(`${proto} bpdu-block-on-edge`);
  for (const p of ports) {
    const i = `${proto} interface ${p.name}`;
    const role = [...(p.stp?.edge ? [`${i} edge`] : []), ...(p.stp?.guard === "loop" ? [`${i} bpdu-timeout-action block`] : p.stp?.guard === "root" ? [`${i} no-root-port`] : [])];
    out.push(...(role.length > 0 ? role : [i]));
  }
  return out;
}

const renderer: Renderer = {
  system(intent) {
    const aeCount = intent.lags.length > 0 ? Math.max(...intent.lags.map((l) => lagNumber(l.name))) + 1 : 0;
    return {
      apply: [`set system host-name ${intent.device}`, ...(aeCount > 0 ? [`set chassis aggregated-devices ethernet device-count ${aeCount}`] : [])],
      remove: [],
      readBack: "show configuration | display set | match \"host-name|device-count\"",
      fields: { hostname: intent.device, aeCount },
    };
  },
  vrf(v) {
    const r = `set routing-instances ${v.name}`;
    return {
      apply: v.rd
        ? [`${r} instance-type vrf`, `${r} route-distinguisher ${v.rd}`, `${r} vrf-target target:${v.rd}`]
        : [`${r} instance-type virtual-router`],
      remove: [`delete routing-instances ${v.name}`],
      readBack: `show configuration routing-instances ${v.name} | display set`,
    };
  },
  vlan(v) {
    const name = junosVlanName(v.name);
    return { apply: [`set vlans ${name} vlan-id ${v.id}`], remove: [`delete vlans ${name}`], readBack: `show configuration vlans ${name} | display set` };
  },
  lag(l: LagIntent, intent) {
    const lacp = l.lacp === "static" ? [] : [`set interfaces ${l.name} aggregated-ether-options lacp ${l.lacp}`];
    const lines = portLines({ ...l.port, name: l.name }, intent);
    const m = intent.mlag;
    const ae = `set interfaces ${l.name} aggregated-ether-options`;
    // one multi-chassis LAG: the same LACP system id and key, mc-ae id and group on both switches
    const mcae =
      m && l.mlag
        ? [
            `${ae} lacp system-id ${mcSystemId(m.domain, l.mlag.id)}`,
            `${ae} lacp admin-key ${l.mlag.id}`,
            `${ae} mc-ae mc-ae-id ${l.mlag.id}`,
            `${ae} mc-ae redundancy-group ${m.domain}`,
            `${ae} mc-ae chassis-id ${m.role === "primary" ? 0 : 1}`,
            `${ae} mc-ae mode active-active`,
            `${ae} mc-ae status-control ${m.role === "primary" ? "active" : "standby"}`,
          ]
        : [];
    return {
      apply: [...lines.slice(0, l.port.description ? 1 : 0), ...lacp, ...mcae, ...lines.slice(l.port.description ? 1 : 0)],
      remove: portRemove({ name: l.name, vrf: l.port.vrf, mode: l.port.mode }),
      readBack: `show configuration interfaces ${l.name} | display set`,
    };
  },
  port(p: PortIntent, intent) {
    return { apply: portLines(p, intent), remove: portRemove(p), readBack: `show configuration interfaces ${p.name} | display set` };
  },
  loopback(address) {
    const line = `set interfaces lo0 unit 0 family inet address ${address}/32`;
    return { name: "lo0", syntax: { apply: [line], remove: [line.replace(/^set /, "delete ")], readBack: "show configuration interfaces lo0 | display set" } };
  },
  gateway(g, intent) {
    const vlan = intent.vlans.find((v) => v.id === g.vlan);
    const name = junosVlanName(vlan?.name ?? `vlan${g.vlan}`);
    const addr = `set interfaces irb unit ${g.vlan} family inet address ${g.address}`;
    return {
      apply: [
        // `display set` prints leaves only: with a VRRP group under it the address has no line of its own
        ...(g.vrrp ? [`${addr} vrrp-group ${g.vrrp.vrid} virtual-address ${g.vrrp.virtualAddress}`, `${addr} vrrp-group ${g.vrrp.vrid} priority ${g.vrrp.priority}`] : [addr]),
        `set vlans ${name} l3-interface irb.${g.vlan}`,
        ...(g.vrf ? [`set routing-instances ${g.vrf} interface irb.${g.vlan}`] : []),
      ],
      remove: [
        ...(g.vrf ? [`delete routing-instances ${g.vrf} interface irb.${g.vlan}`] : []),
        `delete vlans ${name} l3-interface`,
        `delete interfaces irb unit ${g.vlan}`,
      ],
      // `show configuration interfaces irb unit N` prints only [edit interfaces]; the VLAN's l3-interface and
      // the routing instance live elsewhere, so the whole configuration is matched for this unit's lines
      readBack: `show configuration | display set | match "interfaces irb unit ${g.vlan} |irb.${g.vlan}$"`,
    };
  },
  route(r) {
    const base = r.vrf ? `routing-instances ${r.vrf} routing-options static route ${r.prefix}` : `routing-options static route ${r.prefix}`;
    return { apply: [`set ${base} next-hop ${r.nextHop}`], remove: [`delete ${base}`], readBack: `show configuration ${r.vrf ? `routing-instances ${r.vrf} ` : ""}routing-options static | display set` };
  },
  management(m, intent) {
    const vlan = intent.vlans.find((v) => v.id === m.vlan);
    const name = junosVlanName(vlan?.name ?? `vlan${m.vlan}`);
    return {
      apply: [`set interfaces irb unit ${m.vlan} family inet address ${m.address}`, `set vlans ${name} l3-interface irb.${m.vlan}`],
      remove: [`delete vlans ${name} l3-interface`, `delete interfaces irb unit ${m.vlan}`],
      readBack: `show configuration | display set | match "interfaces irb unit ${m.vlan} |irb.${m.vlan}$"`,
    };
  },
  mlag(m) {
    return {
      apply: [
        `set protocols iccp local-ip-addr ${m.localAddress}`,
        `set protocols iccp peer ${m.peerAddress} redundancy-group-id-list ${m.domain}`,
        `set protocols iccp peer ${m.peerAddress} liveness-detection minimum-interval 1000`,
        `set multi-chassis multi-chassis-protection ${m.peerAddress} interface ${m.peerLink}`,
        `set switch-options service-id ${m.domain}`,
      ],
      remove: ["delete protocols iccp", "delete multi-chassis", "delete switch-options service-id"],
      readBack: 'show configuration | display set | match "protocols iccp|multi-chassis|switch-options service-id"',
    };
  },
  stp(t, intent) {
    return {
      apply: stpLines(t, intent),
      remove: [`delete protocols ${t.mode}`],
      readBack: `show configuration protocols ${t.mode} | display set`,
      // the port roles live here, not in the interfaces
      fields: { ...stpFields(t), edge: [...t.edge], loopGuard: [...t.loopGuard], rootGuard: [...t.rootGuard] },
    };
  },
  security(z) {
    return {
      apply: securityLines(z),
      remove: [`delete security policies from-zone ${z.zone} to-zone ${z.zone} policy ${POLICY}`, `delete security zones security-zone ${z.zone}`],
      readBack: "show configuration security | display set",
    };
  },
  qos(q) {
    // Junos OS Class of Service User Guide: `forwarding-classes class C queue-num N`, a DSCP behaviour-aggregate
    // classifier (`classifiers dscp NAME forwarding-class C loss-priority low code-points BITS`) and a scheduler
    // map (`schedulers S transmit-rate percent P | remainder`, `priority strict-high`, `exact` for the limited
    // class) on every trusted port; marking by a firewall filter whose terms set `dscp` and `forwarding-class`
    // and go on (`next term`), listed before the ACL in the unit's `filter input-list`
    const cos = "set class-of-service";
    const bits = (d: number): string => d.toString(2).padStart(6, "0");
    const apply: string[] = [];
    for (const c of q.classes) apply.push(`${cos} forwarding-classes class ${c.name} queue-num ${c.queue}`);
    for (const c of q.classes) apply.push(`${cos} classifiers dscp CITYDC forwarding-class ${c.name} loss-priority low code-points ${bits(c.dscp)}`);
    for (const c of q.classes) {
      const sch = `${cos} schedulers CITYDC-${c.name}`;
      if (c.treatment === "default") apply.push(`${sch} transmit-rate remainder`);
      else apply.push(`${sch} transmit-rate percent ${c.share}${c.treatment === "limited" ? " exact" : ""}`);
      if (c.treatment === "priority") apply.push(`${sch} priority strict-high`);
      apply.push(`${cos} scheduler-maps CITYDC forwarding-class ${c.name} scheduler CITYDC-${c.name}`);
    }
    for (const port of q.trust) apply.push(`${cos} interfaces ${port} scheduler-map CITYDC`, `${cos} interfaces ${port} unit 0 classifiers dscp CITYDC`);
    for (const t of markingTargets(q)) {
      const f = `set firewall family inet filter ${markName(t)}`;
      t.rules.forEach((m, k) => {
        const term = `${f} term m${k + 1}`;
        if (m.source !== "any") apply.push(`${term} from source-address ${m.source}`);
        if (m.protocol) apply.push(`${term} from protocol ${m.protocol}`);
        for (const p of m.ports) apply.push(`${term} from destination-port ${p}`);
        apply.push(`${term} then dscp ${bits(m.dscp)}`, `${term} then forwarding-class ${m.class}`, `${term} then next term`);
      });
      apply.push(`${f} term rest then next term`);
      apply.push(`set interfaces ${t.vlan !== undefined ? `irb unit ${t.vlan}` : `${t.interface} unit 0`} family inet filter input-list ${markName(t)}`);
    }
    const remove = [
      ...markingTargets(q).flatMap((t) => [`delete interfaces ${t.vlan !== undefined ? `irb unit ${t.vlan}` : `${t.interface} unit 0`} family inet filter input-list ${markName(t)}`, `delete firewall family inet filter ${markName(t)}`]),
      "delete class-of-service",
    ];
    return { apply, remove, readBack: "show configuration | display set" };
  },
  acl(a) {
    const f = `set firewall family inet filter ${a.name}`;
    const apply: string[] = [];
    let n = 0;
    for (const e of a.entries) {
      for (const m of portMatches(e)) {
        const term = `${f} term t${++n * 10}`;
        if (e.source !== "any") apply.push(`${term} from source-address ${e.source}`);
        if (e.destination !== "any") apply.push(`${term} from destination-address ${e.destination}`);
        if (e.protocol !== "ip") apply.push(`${term} from protocol ${e.protocol}`);
        if (m.sport !== undefined) apply.push(`${term} from source-port ${m.sport}`);
        if (m.dport !== undefined) apply.push(`${term} from destination-port ${m.dport}`);
        if (e.established) apply.push(`${term} from tcp-established`);
        if (e.icmpType) apply.push(`${term} from icmp-type ${e.icmpType}`);
        apply.push(`${term} then ${e.action === "permit" ? "accept" : "discard"}`);
      }
    }
    const unit = a.interface !== undefined && a.vlan === undefined ? `${a.interface} unit 0` : `irb unit ${a.vlan}`;
    apply.push(`set interfaces ${unit} family inet filter input-list ${a.name}`);
    return { apply, remove: [`delete interfaces ${unit} family inet filter input-list ${a.name}`, `delete firewall family inet filter ${a.name}`], readBack: "show configuration | display set" };
  },
  bgp(b) {
    const ext = b.neighbors.filter((n) => n.remoteAs !== b.asn);
    const int = b.neighbors.filter((n) => n.remoteAs === b.asn);
    const group = (g: string, type: string, ns: typeof b.neighbors): string[] =>
      ns.length === 0
        ? []
        : [
            `set protocols bgp group ${g} type ${type}`,
            ...(b.networks.length > 0 ? [`set protocols bgp group ${g} export ${EXPORT}`] : []),
            ...ns.flatMap((n) => [
              // an empty description is left out, as on every other platform (not `description ""`)
              ...(n.description ? [`set protocols bgp group ${g} neighbor ${n.address} description ${quote(n.description)}`] : []),
              `set protocols bgp group ${g} neighbor ${n.address} peer-as ${n.remoteAs}`,
            ]),
          ];
    return {
      apply: [
        `set routing-options autonomous-system ${b.asn}`,
        ...(b.routerId ? [`set routing-options router-id ${b.routerId}`] : []),
        ...b.networks.map((n) => `set policy-options policy-statement ${EXPORT} term networks from route-filter ${n} exact`),
        ...(b.networks.length > 0 ? [`set policy-options policy-statement ${EXPORT} term networks then accept`] : []),
        ...group(GROUP_EXTERNAL, "external", ext),
        ...group(GROUP_INTERNAL, "internal", int),
      ],
      remove: ["delete protocols bgp", `delete policy-options policy-statement ${EXPORT}`, "delete routing-options autonomous-system", "delete routing-options router-id"],
      readBack: "show configuration | display set | match \"autonomous-system|router-id|protocols bgp|citydc-networks\"",
    };
  },
};

/** The Junos CLI as the shell driver types at it (see the header). */
export const JUNOS_DIALECT: ShellDialect = {
  // user@host> (operational), user@host# (configuration, after an `[edit]` line)
  prompt: /(?:^|\n)[\w.-]+@[\w.-]+[>#] ?$/,
  pagingOff: ["set cli screen-length 0"],
  enterConfig: ["configure private"],
  // `commit and-quit` also leaves configuration mode; a commit is persistent (no separate save)
  commit: ["commit and-quit"],
  abort: ["rollback 0", "exit configuration-mode"],
  exitConfig: [],
  save: [],
  errorPatterns: [/^\s*syntax error/m, /^\s*error:/m, /^\s*unknown command/m, /^\s*missing argument/m, /^\s*invalid value/m],
  // leaving with uncommitted changes (only after a failed commit): discard them
  confirmations: [{ pattern: /\[yes,no\] \(\w+\)\s*$/, answer: "yes" }],
};

export const junos: Platform = {
  name: "junos",
  capabilities: CAPABILITIES.junos,
  shell: JUNOS_DIALECT,
  objects(intent: DeviceIntent): ConfigObject[] {
    return buildObjects(intent, renderer);
  },
  fullConfig(intent, objects) {
    const out = [`## ${intent.device}: configuration rendered by citydc (display set)`];
    for (const o of objects) out.push(...o.apply);
    return out.join("\n") + "\n";
  },
  wrap(commands) {
    if (commands.length === 0) return [];
    return ["configure private", ...commands, "commit and-quit"];
  },
  change(oldObject, newObject) {
    // candidate configuration: delete the old object and set the new one, live at the commit
    if (["port", "lag", "gateway", "bgp", "vrf", "stp", "mlag", "management", "qos", "acl", "security"].includes(newObject.kind)) {
      return [...oldObject.remove, ...newObject.apply];
    }
    if (newObject.kind === "vlan" && oldObject.fields.name !== newObject.fields.name) return [...oldObject.remove, ...newObject.apply];
    return undefined;
  },
  parseReadBack(object, output) {
    // `display set` lists each member of `[ a b ]` on its own line
    const apply = object.apply.flatMap((l) => {
      const m = /^(.*) \[ (.+) \]$/.exec(l);
      return m ? m[2]!.split(" ").map((x) => `${m[1]} ${x}`) : [l];
    });
    return lineReadBack({ ...object, apply }, output, /^$/);
  },
  // the first line of `show configuration` is "## Last commit: <time> by <user>": not configuration
  runningConfig: { command: "show configuration | display set", text: configText(/^## Last (commit|changed):/) },
};
