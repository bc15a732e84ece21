/**
 * FRRouting (lab routers), configured through vtysh. Checked against the FRR 8.4 user guide
 * (docs.frrouting.org: "VTY shell", "Zebra: interface commands", "Static routing", "BGP") and on this
 * machine's FRR 8.4.4 (recorded `show running-config` under test/unit/platforms/fixtures/frr).
 *
 * wrap(): ONE exec run that writes the change to a temp file, checks it whole with `vtysh -C -f` (vtysh's
 * dry run parses every line against FRR's command tree without touching the daemons: seen here with
 * FRR 8.4.4, "% Unknown command" exits 2 naming the line), then applies it with `vtysh -f` and saves
 * with `write memory`. A line FRR refuses therefore applies nothing; a failure only the daemons can
 * see (rare: e.g. an address already on another interface) leaves the lines before it applied, and the
 * next apply (idempotent lines) converges. The lab gives each FRR device an sshd whose exec environment
 * makes plain `vtysh` reach that device's instance.
 *
 * Objects: routed interfaces (description, address, shutdown), the loopback (`interface lo`), a VLAN
 * gateway = the address on the routed port that faces the VLAN, static routes, one BGP section.
 * `no bgp ebgp-requires-policy`: FRR refuses to exchange eBGP routes without a policy (RFC 8212) by
 * default; citydc advertises exactly the `network` statements the inventory lists, so the check is off.
 *
 * VRRP: FRR's own vrrpd needs a macvlan device per group, which the lab's kernel lacks, so a VRRP group on
 * an FRR router is a keepalived `vrrp_instance` (keepalived 2.2, "keepalived.conf(5)": virtual_router_id,
 * priority, advert_int, virtual_ipaddress; no use_vmac, so the virtual address is a second address on the
 * port and the takeover is announced by gratuitous ARP). Its lines in an object start with `keepalived: `
 * (`keepalived: vrrp 10 interface v10 address 10.10.10.1/24 priority 110`, `keepalived: no vrrp 10`); the
 * session script hands them to `citydc-vrrp`, the router's keepalived front end (installed by the lab on
 * every FRR router: it checks every line before it writes one, tests the whole configuration with
 * `keepalived -t`, then starts or reloads keepalived in the router's namespace). vtysh never sees them.
 *
 * QoS and ACLs: nftables in the router's namespace (nftables 1.0, nft(8): `add table`, base chains with
 * `type filter hook forward priority 0` and `hook prerouting priority -150` (mangle), `flush chain`, rules
 * matching `iifname`, `ip saddr`/`ip daddr`, `tcp|udp sport|dport`, `icmp type`, `tcp flags`, verdicts
 * `accept`/`drop`, and the statement `ip dscp set`). Each ACL is a base chain of table `ip citydc` that first
 * lets through what does not enter by its interface; the QoS object is one prerouting chain that marks at the
 * gateways. Lines start with `nft: `; the session script checks them with `nft -c -f` together with vtysh's dry
 * run, before anything is applied, and applies them last as one `nft -f` transaction. Linux routers keep the
 * DSCP they receive, and this kernel has no queueing disciplines: the twin proves marking and filtering, not
 * queueing.
 */
import { naturalCompare } from "../util/natural";
import { CAPABILITIES } from "../model/capabilities";
import { portMatches, type Renderer, type Syntax } from "./common";
import { dscpName } from "../model/policy";
import { cliPlatform, type ChangeSyntax } from "./cli";
import type { ConfigObject, Platform, ReadBackResult, ShellDialect } from "./types";
import type { AclIntent, PortIntent, QosIntent } from "../intent/types";
import { configText, defined, deviceText, sections, textLine } from "./util";

const READ_BACK = "vtysh -c 'show running-config'";
/** A gateway with VRRP: FRR's running configuration, then keepalived's groups. */
const READ_BACK_VRRP = "vtysh -c 'show running-config'; citydc-vrrp show";
/** Lines of an object that are keepalived's, not vtysh's. */
export const KEEPALIVED = "keepalived: ";
/** Lines of an object that are nftables' (`nft -f`), not vtysh's. */
export const NFT = "nft: ";
/** The router's nftables table citydc owns (QoS marking and ACL chains). */
const NFT_TABLE = "ip citydc";

/** An address as nft displays it: a host without "/32". */
const nftAddr = (a: string): string => a.replace(/\/32$/, "");

/**
 * One ACL entry (or marking match) as an nft rule body, in the words `nft list` prints back: addresses, then
 * the protocol part (`tcp sport 443`, `udp dport 5060`, `ip protocol tcp`, `icmp type echo-reply`, the TCP
 * flags of an established connection as `tcp flags rst,ack`, i.e. ACK or RST set).
 */
function nftMatch(e: { source: string; destination: string; protocol: string; sport?: number; dport?: number; established?: boolean; icmpType?: string }): string {
  const parts: string[] = [];
  if (e.source !== "any") parts.push(`ip saddr ${nftAddr(e.source)}`);
  if (e.destination !== "any") parts.push(`ip daddr ${nftAddr(e.destination)}`);
  if (e.protocol === "icmp") parts.push(e.icmpType ? `icmp type ${e.icmpType}` : "ip protocol icmp");
  else if (e.protocol === "tcp" || e.protocol === "udp") {
    if (e.sport === undefined && e.dport === undefined && !e.established) parts.push(`ip protocol ${e.protocol}`);
    if (e.sport !== undefined) parts.push(`${e.protocol} sport ${e.sport}`);
    if (e.dport !== undefined) parts.push(`${e.protocol} dport ${e.dport}`);
    if (e.established) parts.push("tcp flags rst,ack");
  }
  return parts.join(" ");
}

/** The rule bodies of an ACL chain, as `nft list chain` prints them. */
export function nftAclRules(a: AclIntent, iface: string): string[] {
  const out = [`iifname != "${iface}" accept`];
  for (const e of a.entries) for (const m of portMatches(e)) out.push(`${nftMatch({ ...e, ...m })} ${e.action === "permit" ? "accept" : "drop"}`.trim());
  return out;
}

/**
 * A DSCP as nft prints it back: its name (`ef`, `af41`, `cs3`; 0 is `cs0`), or, for a value without one, two
 * hex digits (`ip dscp set 7` lists as `ip dscp set 0x07`, seen with nft 1.0.6).
 */
export function nftDscp(value: number): string {
  const name = dscpName(value);
  if (name === "default") return "cs0";
  return /^\d+$/.test(name) ? `0x${value.toString(16).padStart(2, "0")}` : name;
}

/** The rule bodies of the marking chain. */
export function nftMarkRules(q: QosIntent): string[] {
  return q.marking.filter((m) => m.interface !== undefined).flatMap((m) => {
    const ports: (number | undefined)[] = m.ports.length > 0 ? [...m.ports] : [undefined];
    return ports.map((dport) => `iifname "${m.interface}" ${nftMatch({ source: m.source, destination: "any", protocol: m.protocol ?? "ip", ...(dport !== undefined ? { dport } : {}) })} ip dscp set ${nftDscp(m.dscp)} accept`.replace(/ {2,}/g, " "));
  });
}

/** One base chain of the router's table: created if missing, emptied, filled (one `nft -f` run is one transaction). */
function nftChain(name: string, hook: string, rules: readonly string[]): { apply: string[]; remove: string[] } {
  return {
    apply: [`${NFT}add table ${NFT_TABLE}`, `${NFT}add chain ${NFT_TABLE} ${name} { ${hook} policy accept; }`, `${NFT}flush chain ${NFT_TABLE} ${name}`, ...rules.map((r) => `${NFT}add rule ${NFT_TABLE} ${name} ${r}`)],
    remove: [`${NFT}flush chain ${NFT_TABLE} ${name}`, `${NFT}delete chain ${NFT_TABLE} ${name}`],
  };
}

const nftShow = (chain: string): string => `nft list chain ${NFT_TABLE} ${chain}`;

function vrrpLine(g: { vrrp?: { vrid: number; virtualAddress: string; priority: number }; interface?: string; address: string }): string | undefined {
  if (!g.vrrp || !g.interface) return undefined;
  const len = g.address.split("/")[1] ?? "32";
  return `${KEEPALIVED}vrrp ${g.vrrp.vrid} interface ${g.interface} address ${g.vrrp.virtualAddress.split("/")[0]}/${len} priority ${g.vrrp.priority}`;
}

function portFieldsFrr(p: PortIntent): ConfigObject["fields"] {
  return defined({ name: p.name, mode: "routed", enabled: p.enabled, description: deviceText("frr", p.description), address: p.address });
}

const renderer: Renderer = {
  port(p: PortIntent): Syntax | undefined {
    if (p.mode !== "routed" || p.lag !== undefined) return undefined;
    const d = deviceText("frr", p.description);
    return {
      apply: [
        `interface ${p.name}`,
        d ? ` description ${d}` : " no description",
        ...(p.address ? [` ip address ${p.address}`] : []),
        p.enabled ? " no shutdown" : " shutdown",
        "exit",
      ],
      remove: [`interface ${p.name}`, " no description", ...(p.address ? [` no ip address ${p.address}`] : []), "exit"],
      readBack: READ_BACK,
      fields: portFieldsFrr(p),
    };
  },
  loopback(address) {
    return {
      name: "lo",
      syntax: {
        apply: ["interface lo", ` ip address ${address}/32`, "exit"],
        remove: ["interface lo", ` no ip address ${address}/32`, "exit"],
        readBack: READ_BACK,
      },
    };
  },
  gateway(g) {
    if (!g.interface) return undefined;
    const vrrp = vrrpLine(g);
    return {
      apply: [`interface ${g.interface}`, ` ip address ${g.address}`, "exit", ...(vrrp ? [vrrp] : [])],
      remove: [...(g.vrrp ? [`${KEEPALIVED}no vrrp ${g.vrrp.vrid}`] : []), `interface ${g.interface}`, ` no ip address ${g.address}`, "exit"],
      readBack: g.vrrp ? READ_BACK_VRRP : READ_BACK,
      fields: defined({ vlan: g.vlan, interface: g.interface, address: g.address, vrid: g.vrrp?.vrid, virtual: g.vrrp?.virtualAddress, priority: g.vrrp?.priority }),
    };
  },
  qos(q) {
    // Linux keeps the DSCP a packet arrives with (trust) and this kernel has no queueing disciplines: on the
    // twin's routers QoS is the marking at the gateways, in the prerouting hook at mangle priority
    const rules = nftMarkRules(q);
    if (rules.length === 0) return undefined;
    return { ...nftChain("CITYDC-QOS", "type filter hook prerouting priority -150;", rules), readBack: nftShow("CITYDC-QOS") };
  },
  acl(a) {
    const iface = a.interface;
    if (!iface) return undefined;
    return { ...nftChain(a.name, "type filter hook forward priority 0;", nftAclRules(a, iface)), readBack: nftShow(a.name) };
  },
  route(r) {
    const line = `ip route ${r.prefix} ${r.nextHop}${r.vrf ? ` vrf ${r.vrf}` : ""}`;
    return { apply: [line], remove: [`no ${line}`], readBack: READ_BACK };
  },
  bgp(b) {
    return {
      apply: [
        `router bgp ${b.asn}`,
        ...(b.routerId ? [` bgp router-id ${b.routerId}`] : []),
        " no bgp ebgp-requires-policy",
        ...b.neighbors.flatMap((n) => [` neighbor ${n.address} remote-as ${n.remoteAs}`, ...textLine("frr", ` neighbor ${n.address} description `, n.description)]),
        " address-family ipv4 unicast",
        ...b.networks.map((n) => `  network ${n}`),
        " exit-address-family",
        "exit",
      ],
      remove: [`no router bgp ${b.asn}`],
      readBack: READ_BACK,
    };
  },
};

// ------------------------------------------------------------------------------------ read-back

/** Sections of `show running-config`: "interface eth1" -> body lines. */
function runningSections(output: string): Map<string, string[]> {
  return sections(output, (l) => !/^\s/.test(l));
}

function interfaceBody(secs: Map<string, string[]>, name: string): string[] | undefined {
  for (const [h, body] of secs) if (h === `interface ${name}` || h.startsWith(`interface ${name} vrf `)) return body;
  return undefined;
}

export function parseFrrReadBack(object: ConfigObject, output: string): ReadBackResult {
  const secs = runningSections(output);
  const f = object.fields;
  switch (object.kind) {
    case "port": {
      const name = String(f.name);
      const body = interfaceBody(secs, name);
      if (!body) return { present: false };
      const address = body.find((l) => l.startsWith("ip address "))?.slice("ip address ".length);
      if (f.mode === "loopback") {
        const want = String(f.address);
        const has = body.some((l) => l === `ip address ${want}`);
        return has ? { present: true, fields: { name, mode: "loopback", address: want } } : { present: false };
      }
      const description = body.find((l) => l.startsWith("description "))?.slice("description ".length) ?? "";
      return {
        present: true,
        // a port without an address of its own faces a VLAN: the addresses there are the gateway object's
        fields: defined({ name, mode: "routed", enabled: !body.includes("shutdown"), description, address: f.address !== undefined ? address : undefined }),
      };
    }
    case "gateway": {
      const body = interfaceBody(secs, String(f.interface));
      if (!body || !body.includes(`ip address ${String(f.address)}`)) return { present: false };
      const base = { vlan: Number(f.vlan), interface: String(f.interface), address: String(f.address) };
      if (f.vrid === undefined) return { present: true, fields: base };
      // `citydc-vrrp show`: one line per keepalived group, as it was configured
      const group = output.split(/\r?\n/).map((l) => /^vrrp (\d+) interface (\S+) address (\S+) priority (\d+)$/.exec(l.trim())).find((m) => m && Number(m[1]) === Number(f.vrid));
      if (!group) return { present: true, fields: base };
      return { present: true, fields: { ...base, vrid: Number(group[1]), virtual: group[3]!.split("/")[0]!, priority: Number(group[4]) } };
    }
    case "route": {
      // FRR 8.4 shows a VRF's static routes inside its `vrf NAME` ... `exit-vrf` block, without the `vrf`
      // word (recorded: fixtures/frr/show-running-config-vrf-route.txt); the default VRF's at the top level
      const route = `ip route ${String(f.prefix)} ${String(f.nextHop)}`;
      const found = f.vrf !== undefined ? (secs.get(`vrf ${String(f.vrf)}`) ?? []).includes(route) : secs.has(route);
      return found ? { present: true, fields: object.fields } : { present: false };
    }
    case "bgp": {
      const body = secs.get(`router bgp ${String(f.asn)}`);
      if (!body) return { present: false };
      const neighbors: string[] = [];
      const networks: string[] = [];
      let routerId: string | undefined;
      for (const l of body) {
        let m = /^neighbor (\S+) remote-as (\d+)$/.exec(l);
        if (m) neighbors.push(`${m[1]} ${m[2]}`);
        m = /^network (\S+)$/.exec(l);
        if (m) networks.push(m[1]!);
        m = /^bgp router-id (\S+)$/.exec(l);
        if (m) routerId = m[1];
      }
      return { present: true, fields: defined({ asn: Number(f.asn), routerId, neighbors: neighbors.sort(naturalCompare), networks: networks.sort(naturalCompare) }) };
    }
    case "acl":
    case "qos": {
      // `nft list chain ip citydc NAME`: the chain's rules, one a line, as nft prints them
      const shown = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !/^(table|chain) .*\{$|^\}$|^type filter hook/.test(l));
      if (!/^\s*chain \S+ \{/m.test(output)) return { present: false };
      const want = object.apply.filter((l) => l.startsWith(`${NFT}add rule `)).map((l) => l.replace(/^nft: add rule \S+ \S+ \S+ /, ""));
      const missing = want.filter((w) => !shown.includes(w));
      const unexpected = shown.filter((l) => !want.includes(l));
      return { present: true, fields: { ...object.fields, ...(missing.length > 0 ? { missing } : {}), ...(unexpected.length > 0 ? { unexpected } : {}) } };
    }
    default:
      return { present: false };
  }
}

// ------------------------------------------------------------------------------------ platform

/** vtysh as an interactive login shell (the lab's stand-in for a vendor CLI). */
export const VTYSH_DIALECT: ShellDialect = {
  prompt: /(?:^|\n)[\w.-]+(?:\([\w-]+\))?# ?$/,
  pagingOff: ["terminal length 0"],
  enterConfig: ["configure terminal"],
  commit: [],
  abort: [],
  exitConfig: ["end"],
  save: ["write memory"],
  errorPatterns: [/^% /m],
  confirmations: [],
};

const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export const FRR_CHANGE: ChangeSyntax = {
  exit: "exit",
  indent: " ",
  no: "no",
  vlanInterface: (vlan) => `interface vlan${vlan}`,
  vrrpGroup: (vrid) => `vrrp ${vrid}`,
  nativeVlan: "",
  bgp: {
    header: (asn) => `router bgp ${asn}`,
    indent: " ",
    neighbor: (a) => `neighbor ${a}`,
    network: (n) => `network ${n}`,
    addressFamily: { enter: " address-family ipv4 unicast", exit: " exit-address-family", indent: "  " },
  },
};

export const frr: Platform = cliPlatform({
  name: "frr",
  capabilities: CAPABILITIES.frr,
  renderer,
  dialect: VTYSH_DIALECT,
  change: FRR_CHANGE,
  notDisplayed: /^exit$/,
  fullConfig(intent, objects) {
    // what vtysh displays (keepalived's groups are shown by `citydc-vrrp show`, not here)
    const out = ["frr defaults traditional", `hostname ${intent.device}`, "!"];
    for (const o of objects) {
      out.push(...o.apply.filter((l) => l !== "exit" && !l.startsWith(KEEPALIVED) && !l.startsWith(NFT)), "!");
    }
    return out.join("\n") + "\n";
  },
  wrap(commands) {
    if (commands.length === 0) return [];
    // One exec run: the change goes to a file that vtysh first checks as a whole (`-C`, dry run: a line
    // FRR would refuse fails the run before anything is applied), then applies and saves; keepalived's
    // lines go to citydc-vrrp after that (it checks them all before it writes any).
    // nftables' lines (QoS marking, ACLs) are checked whole with `nft -c` before anything is applied, and
    // applied last, as one nft transaction
    const vty = commands.filter((l) => !l.startsWith(KEEPALIVED) && !l.startsWith(NFT));
    const ka = commands.filter((l) => l.startsWith(KEEPALIVED)).map((l) => sq(l.slice(KEEPALIVED.length)));
    const nft = commands.filter((l) => l.startsWith(NFT)).map((l) => sq(l.slice(NFT.length)));
    const vrrp = ka.length > 0 ? `citydc-vrrp ${ka.join(" ")}` : "";
    const steps: string[] = [];
    const check: string[] = [];
    if (vty.length > 0) {
      check.push(`printf '%s\\n' ${vty.map(sq).join(" ")} > "$f"`, `vtysh -C -f "$f"`);
      steps.push(`vtysh -f "$f"`, "vtysh -c 'write memory'");
    }
    if (nft.length > 0) check.push(`printf '%s\\n' ${nft.join(" ")} > "$n"`, `nft -c -f "$n"`);
    if (vrrp) steps.push(vrrp);
    if (nft.length > 0) steps.push(`nft -f "$n"`);
    if (check.length === 0) return [vrrp];
    return [`f=$(mktemp) && n=$(mktemp) && ${[...check, ...steps].join(" && ")}; rc=$?; rm -f "$f" "$n"; exit $rc`];
  },
  quirk(oldObject, newObject) {
    if (newObject.kind === "gateway" && oldObject.fields.vrid !== undefined && oldObject.fields.vrid !== newObject.fields.vrid) {
      // another group id: the old keepalived group goes first (re-applying only adds the new one)
      const again = oldObject.fields.address !== newObject.fields.address ? [`interface ${String(oldObject.fields.interface)}`, ` no ip address ${String(oldObject.fields.address)}`, "exit"] : [];
      return [`${KEEPALIVED}no vrrp ${String(oldObject.fields.vrid)}`, ...again, ...newObject.apply];
    }
    if ((newObject.kind === "port" || newObject.kind === "gateway") && oldObject.fields.address !== newObject.fields.address && oldObject.fields.address) {
      // `ip address` adds an address on Linux/FRR: take the old one off first
      const name = String(oldObject.fields.interface ?? oldObject.fields.name);
      return [`interface ${name}`, ` no ip address ${String(oldObject.fields.address)}`, "exit", ...newObject.apply];
    }
    return undefined;
  },
  parseReadBack: parseFrrReadBack,
  runningConfig: { command: READ_BACK, text: configText(/^(Building configuration\.\.\.|Current configuration:)$/) },
});
