/**
 * The twin's policy and marking matrices (`citydc twin verify`, issue 17). What each cell expects comes from
 * the intent's ACLs and marking (intent/policy.ts evaluateAcl, markedDscp), evaluated for the probe's packet
 * and for its reply (the ACLs are stateless); what the cell sees comes from real traffic in the twin:
 *   policy    each rule with ports: its allowed flow connects (TCP) or is answered (UDP echo), and the same
 *             two ends on a port the rule does not name get what the policy gives them; every pair the
 *             reachability matrix pings is judged by the policy too (routed and branch cells the policy
 *             denies become policy cells that must not answer)
 *   management every VLAN's first host, and every branch LAN, towards the management network's first host:
 *             only its own VLAN and the jump hosts get through; the management host reaches them all
 *   marking   a host of each marked VLAN (and one of an unmarked VLAN) sends to a branch LAN of its tenant,
 *             across the fabric and the WAN; tcpdump in the branch router's namespace reads the DSCP the
 *             packet arrives with, which must be the class's
 * Probes use only addresses of namespaces the twin created. Listeners (python3) run in the destination host's
 * namespace for the duration of the run and are stopped at the end.
 */
import { spawn, type ChildProcess } from "child_process";
import type { Inventory } from "../model/types";
import type { AclIntent, DeviceIntent, QosIntent } from "../intent/types";
import { aclName, evaluateAcl, markedDscp, type Packet } from "../intent/policy";
import { dscpName, managementVlan } from "../model/policy";
import { branchLans, hns, hostsOf, ns, ping, type HostInfo, type Task } from "./twinProbe";

/** An end of a flow: a host in a VLAN, or a branch router with its LAN address. */
export interface End {
  readonly label: string;
  readonly namespace: string;
  readonly ip: string;
  readonly vlan?: number;
  readonly site?: string;
}

/** The ACLs and marking of the intent, by where traffic enters: a VLAN's gateway, a branch's port. */
export interface PolicyBook {
  readonly vlanAcl: ReadonlyMap<number, AclIntent>;
  readonly siteAcl: ReadonlyMap<string, AclIntent>;
  readonly vlanQos: ReadonlyMap<number, QosIntent>;
}

export function policyBook(source: Inventory, intents: ReadonlyMap<string, DeviceIntent>): PolicyBook {
  const vlanAcl = new Map<number, AclIntent>();
  const siteAcl = new Map<string, AclIntent>();
  const vlanQos = new Map<number, QosIntent>();
  const byName = new Map<string, AclIntent>();
  for (const i of intents.values()) {
    for (const a of i.acls ?? []) {
      if (a.vlan !== undefined && !vlanAcl.has(a.vlan)) vlanAcl.set(a.vlan, a);
      if (!byName.has(a.name)) byName.set(a.name, a);
    }
    if (i.qos) for (const g of i.gateways) if (!vlanQos.has(g.vlan)) vlanQos.set(g.vlan, i.qos);
  }
  for (const s of source.sites) {
    const a = byName.get(aclName({ site: s.name }));
    if (s.role === "branch" && a) siteAcl.set(s.name, a);
  }
  return { vlanAcl, siteAcl, vlanQos };
}

const EPHEMERAL = 40000;

/** Whether the policy lets a flow through both ways, and the entries that decide. */
export function flowAllowed(book: PolicyBook, from: End, to: End, protocol: Packet["protocol"], port?: number): { allowed: boolean; why: string } {
  if (from.vlan !== undefined && from.vlan === to.vlan) return { allowed: true, why: "one VLAN" };
  const aclOf = (e: End): AclIntent | undefined => (e.vlan !== undefined ? book.vlanAcl.get(e.vlan) : e.site !== undefined ? book.siteAcl.get(e.site) : undefined);
  const request: Packet = { source: from.ip, destination: to.ip, protocol, ...(protocol === "icmp" ? { icmpType: "echo-request" } : { sport: EPHEMERAL, dport: port }) };
  const reply: Packet = { source: to.ip, destination: from.ip, protocol, ...(protocol === "icmp" ? { icmpType: "echo-reply" } : { sport: port, dport: EPHEMERAL, ack: true }) };
  const there = aclOf(from) ? evaluateAcl(aclOf(from)!, request) : { verdict: "permit" as const };
  const back = aclOf(to) ? evaluateAcl(aclOf(to)!, reply) : { verdict: "permit" as const };
  const say = (acl: AclIntent | undefined, r: { verdict: string; entry?: { reason: string } }) => (acl ? `${acl.name} ${r.verdict}s (${r.entry?.reason ?? "no entry"})` : "no ACL");
  return { allowed: there.verdict === "permit" && back.verdict === "permit", why: `${say(aclOf(from), there)}; reply: ${say(aclOf(to), back)}` };
}

const hostEnd = (h: HostInfo): End => ({ label: h.host.name, namespace: hns(h.host.name), ip: h.ip, ...(h.vlan !== undefined ? { vlan: h.vlan } : {}) });

/** Runs `python3 -c CODE` in a namespace; resolves with its exit status (124 after the timeout). */
function py(namespace: string, code: string, timeoutS: number, args: string[] = []): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("ip", ["netns", "exec", namespace, "timeout", String(timeoutS), "python3", "-c", code, ...args], { stdio: "ignore" });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const TCP_SERVER = "import socket,sys\ns=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', int(sys.argv[1]))); s.listen(16)\nwhile True:\n  c,_=s.accept(); c.close()";
const UDP_SERVER = "import socket,sys\ns=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', int(sys.argv[1])))\nwhile True:\n  d,a=s.recvfrom(2048); s.sendto(d,a)";
const TCP_CLIENT = "import socket,sys\ns=socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2, source_address=(sys.argv[3], 0)); s.close()";
const UDP_CLIENT = "import socket,sys\ns=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((sys.argv[3], 0)); s.settimeout(1)\nfor i in range(3):\n  s.sendto(b'citydc', (sys.argv[1], int(sys.argv[2])))\n  try:\n    s.recvfrom(2048); sys.exit(0)\n  except socket.timeout:\n    pass\nsys.exit(1)";
const UDP_SEND = "import socket,sys,time\ns=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nfor i in range(3):\n  s.sendto(b'citydc', (sys.argv[1], int(sys.argv[2]))); time.sleep(0.2)";

/** Listeners for the policy cells, started once per namespace, protocol and port; `stop` ends them all. */
export class Listeners {
  private readonly procs = new Map<string, ChildProcess>();
  ensure(namespace: string, protocol: "tcp" | "udp", port: number): void {
    const key = `${namespace}/${protocol}/${port}`;
    if (this.procs.has(key)) return;
    const child = spawn("ip", ["netns", "exec", namespace, "timeout", "600", "python3", "-c", protocol === "tcp" ? TCP_SERVER : UDP_SERVER, String(port)], { stdio: "ignore" });
    child.on("error", () => undefined);
    this.procs.set(key, child);
  }
  async ready(): Promise<void> {
    await new Promise((r) => setTimeout(r, 700));
  }
  stop(): void {
    for (const p of this.procs.values()) p.kill("SIGTERM");
    this.procs.clear();
  }
}

/** Does a TCP connection (or a UDP echo) from `from` to `to` on `port` succeed? A short retry covers convergence. */
async function connects(from: End, to: End, protocol: "tcp" | "udp", port: number): Promise<boolean> {
  for (let i = 0; i < 2; i++) if ((await py(from.namespace, protocol === "tcp" ? TCP_CLIENT : UDP_CLIENT, 6, [to.ip, String(port), from.ip])) === 0) return true;
  return false;
}

/** The DSCP of the first matching packet from `from` that tcpdump sees in `at`'s namespace, while `send` runs. */
function captureDscp(at: End, filter: string, send: () => Promise<unknown>): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn("ip", ["netns", "exec", at.namespace, "timeout", "8", "tcpdump", "-i", "any", "-n", "-l", "-v", "-c", "1", filter], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let started = false;
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => {
      if (!started && /listening on/.test(b.toString("utf8"))) {
        started = true;
        void send();
      }
    });
    child.on("error", () => resolve(undefined));
    child.on("exit", () => {
      const m = /tos 0x([0-9a-f]+)/.exec(out);
      resolve(m ? parseInt(m[1]!, 16) >> 2 : undefined);
    });
  });
}

const protoWord = (p: string, port?: number): string => (p === "icmp" ? "ping" : `${p} ${port}`);

/** The policy, management and marking cells, and the pings of the reachability matrix the policy denies. */
export function policyTasks(source: Inventory, intents: ReadonlyMap<string, DeviceIntent>, listeners: Listeners): Task[] {
  if (!source.policies && !source.qos) return [];
  const book = policyBook(source, intents);
  const hosts = hostsOf(source).filter((h) => h.vlan !== undefined);
  const branches = branchLans(source).map((b) => ({ ...b, end: { label: `${b.router} (${b.site} LAN ${b.lan})`, namespace: ns(b.router), ip: b.lan, site: b.site } as End }));
  const tasks: Task[] = [];
  const flowCell = (kind: "policy" | "management", from: End, to: End, protocol: Packet["protocol"], port?: number): Task => {
    const want = flowAllowed(book, from, to, protocol, port);
    if (protocol !== "icmp") listeners.ensure(to.namespace, protocol, port!);
    return {
      group: from.namespace,
      run: async () => {
        const got = protocol === "icmp" ? (await ping(from.namespace, to.ip, { count: 2, ...(from.site ? { source: from.ip } : {}) })) || (await ping(from.namespace, to.ip, { count: 2, ...(from.site ? { source: from.ip } : {}) })) : await connects(from, to, protocol, port!);
        const ok = got === want.allowed;
        return { kind, from: from.label, to: `${to.label} ${protoWord(protocol, port)} (${want.allowed ? "allowed" : "denied"})`, ok, ...(ok ? {} : { breaks: `${got ? "got through" : "was dropped"}; the policy: ${want.why}` }) };
      },
    };
  };

  if (source.policies) {
    // each rule with ports: its flow, and the same ends on a port it does not name
    for (const rule of source.policies.rules) {
      if ((rule.protocol !== "tcp" && rule.protocol !== "udp") || rule.ports.length === 0) continue;
      const fromEnd =
        branches.find((b) => (rule.from.tenant !== undefined && b.tenant === rule.from.tenant) || rule.from.site === b.site)?.end ??
        (() => {
          const h = hosts.find((x) => (rule.from.host !== undefined ? x.host.name === rule.from.host : rule.from.vlan !== undefined ? x.vlan === rule.from.vlan : rule.from.tenant !== undefined ? x.host.tenant === rule.from.tenant : false));
          return h ? hostEnd(h) : undefined;
        })();
      const toVlans = new Set(rule.to.service !== undefined ? source.services.find((s) => s.name === rule.to.service)?.vlans ?? [] : rule.to.vlan !== undefined ? [rule.to.vlan] : []);
      const toHost = hosts.find((h) => (rule.to.host !== undefined ? h.host.name === rule.to.host : toVlans.has(h.vlan!)));
      if (!fromEnd || !toHost) continue;
      const to = hostEnd(toHost);
      tasks.push(flowCell("policy", fromEnd, to, rule.protocol, rule.ports[0]!));
      const other = rule.protocol === "tcp" ? (rule.ports.includes(22) ? 2222 : 22) : rule.ports.includes(5099) ? 5098 : 5099;
      tasks.push(flowCell("policy", fromEnd, to, rule.protocol, other));
    }
    // the management network: from each VLAN's first host and each branch; from the management host to them
    const mv = managementVlan(source);
    const mgmtHost = mv ? hosts.find((h) => h.vlan === mv.id) : undefined;
    if (mgmtHost) {
      const m = hostEnd(mgmtHost);
      const firstOfVlan = new Map<number, HostInfo>();
      for (const h of hosts) if (h.vlan !== mv!.id && !firstOfVlan.has(h.vlan!)) firstOfVlan.set(h.vlan!, h);
      for (const h of firstOfVlan.values()) {
        tasks.push(flowCell("management", hostEnd(h), m, "icmp"));
        tasks.push(flowCell("management", m, hostEnd(h), "icmp"));
      }
      for (const b of branches) tasks.push(flowCell("management", b.end, m, "icmp"));
    }
  }

  if (source.qos) {
    // marking: one host per VLAN with a gateway, towards the first branch LAN of its tenant
    const done = new Set<number>();
    for (const h of hosts) {
      const q = book.vlanQos.get(h.vlan!);
      if (!q || done.has(h.vlan!)) continue;
      const far = branches.find((b) => b.tenant === h.host.tenant);
      if (!far) continue;
      done.add(h.vlan!);
      const from = hostEnd(h);
      const probes: { protocol: "icmp" | "udp"; port?: number }[] = [{ protocol: "icmp" }];
      for (const m of q.marking) if (m.vlan === h.vlan && m.protocol === "udp" && m.ports.length > 0) probes.push({ protocol: "udp", port: m.ports[0]! });
      for (const probe of probes) {
        const pkt: Packet = { source: from.ip, destination: far.end.ip, protocol: probe.protocol, ...(probe.port !== undefined ? { sport: EPHEMERAL, dport: probe.port } : { icmpType: "echo-request" }) };
        const mark = markedDscp(q, h.vlan!, pkt);
        const want = mark?.dscp ?? 0;
        const filter = `src host ${from.ip} and ${probe.protocol === "icmp" ? "icmp" : `udp dst port ${probe.port}`}`;
        tasks.push({
          group: far.end.namespace,
          run: async () => {
            const send = () => (probe.protocol === "icmp" ? ping(from.namespace, far.end.ip, { count: 3 }) : py(from.namespace, UDP_SEND, 5, [far.end.ip, String(probe.port)]));
            let got = await captureDscp(far.end, filter, send);
            if (got === undefined) got = await captureDscp(far.end, filter, send);
            const ok = got === want;
            return {
              kind: "marking",
              from: `${h.host.name} (VLAN ${h.vlan} ${protoWord(probe.protocol, probe.port)})`,
              to: `${far.end.label}: DSCP ${dscpName(want)}${mark ? ` (${mark.class})` : " (unmarked)"}`,
              ok,
              ...(ok ? {} : { breaks: got === undefined ? `no packet from ${from.ip} arrived in ${far.router}'s namespace` : `arrived with DSCP ${dscpName(got)} (${got})` }),
            };
          },
        });
      }
    }
  }
  return tasks;
}

/** For the reachability matrix: does the policy let `from` ping `to`? (Without policies: yes.) */
export function pingAllowed(source: Inventory, book: PolicyBook | undefined, from: End, to: End): { allowed: boolean; why: string } {
  if (!source.policies || !book) return { allowed: true, why: "no policies" };
  return flowAllowed(book, from, to, "icmp");
}

export { hostEnd };
