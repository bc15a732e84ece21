/**
 * The ACL and marking evaluators the twin's policy matrix uses (intent/policy.ts evaluateAcl, markedDscp):
 * first match wins, every condition of an entry must hold, no match permits (as VRP's traffic-filter and
 * the twin's chains do) and leaves the DSCP as it came.
 */
import { describe, expect, it } from "vitest";
import { evaluateAcl, markedDscp, type Packet } from "../../../intent/policy";
import type { AclEntryIntent, AclIntent, QosIntent } from "../../../intent/types";

const entry = (e: Partial<AclEntryIntent> & Pick<AclEntryIntent, "action" | "reason">): AclEntryIntent => ({ protocol: "ip", source: "any", destination: "any", ...e });
const acl = (...entries: AclEntryIntent[]): AclIntent => ({ name: "T", entries });
const verdict = (a: AclIntent, p: Packet): string => {
  const r = evaluateAcl(a, p);
  return `${r.verdict} ${r.entry?.reason ?? "-"}`;
};
const tcp = (source: string, destination: string, more: Partial<Packet> = {}): Packet => ({ source, destination, protocol: "tcp", ...more });

describe("evaluateAcl", () => {
  it("no entry matches: permitted, and no entry named", () => {
    expect(evaluateAcl(acl(), tcp("10.0.0.1", "10.0.1.1"))).toEqual({ verdict: "permit" });
    expect(verdict(acl(entry({ action: "deny", source: "10.9.0.0/24", reason: "x" })), tcp("10.0.0.1", "10.0.1.1"))).toBe("permit -");
  });

  it("first match wins; ip matches every protocol, a protocol only itself", () => {
    const a = acl(entry({ action: "deny", protocol: "udp", reason: "udp" }), entry({ action: "permit", protocol: "tcp", reason: "tcp" }), entry({ action: "deny", reason: "rest" }));
    expect(verdict(a, tcp("10.0.0.1", "10.0.1.1"))).toBe("permit tcp");
    expect(verdict(a, { source: "10.0.0.1", destination: "10.0.1.1", protocol: "udp" })).toBe("deny udp");
    expect(verdict(a, { source: "10.0.0.1", destination: "10.0.1.1", protocol: "icmp" })).toBe("deny rest");
  });

  it("source and destination prefixes: inside matches, outside does not, any matches all", () => {
    const a = acl(entry({ action: "deny", source: "10.1.0.0/16", destination: "10.2.0.0/24", reason: "both" }), entry({ action: "permit", reason: "default" }));
    expect(verdict(a, tcp("10.1.200.3", "10.2.0.9"))).toBe("deny both");
    expect(verdict(a, tcp("10.3.0.1", "10.2.0.9"))).toBe("permit default");
    expect(verdict(a, tcp("10.1.0.1", "10.2.1.9"))).toBe("permit default");
  });

  it("ports: an entry with ports needs a packet with one of them", () => {
    const a = acl(entry({ action: "permit", protocol: "tcp", destinationPorts: [443, 80], reason: "web" }), entry({ action: "permit", protocol: "tcp", sourcePorts: [22], reason: "ssh reply" }), entry({ action: "deny", reason: "rest" }));
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { dport: 80 }))).toBe("permit web");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { dport: 8080 }))).toBe("deny rest");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2"))).toBe("deny rest");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { sport: 22 }))).toBe("permit ssh reply");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { sport: 23 }))).toBe("deny rest");
  });

  it("established: TCP with ACK only; an ICMP type: that type only", () => {
    const a = acl(entry({ action: "permit", protocol: "tcp", established: true, reason: "est" }), entry({ action: "permit", protocol: "icmp", icmpType: "echo-reply", reason: "pong" }), entry({ action: "deny", reason: "rest" }));
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { ack: true }))).toBe("permit est");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2", { ack: false }))).toBe("deny rest");
    expect(verdict(a, tcp("1.1.1.1", "2.2.2.2"))).toBe("deny rest");
    expect(verdict(a, { source: "1.1.1.1", destination: "2.2.2.2", protocol: "icmp", icmpType: "echo-reply" })).toBe("permit pong");
    expect(verdict(a, { source: "1.1.1.1", destination: "2.2.2.2", protocol: "icmp", icmpType: "echo-request" })).toBe("deny rest");
    expect(verdict(a, { source: "1.1.1.1", destination: "2.2.2.2", protocol: "icmp" })).toBe("deny rest");
    // a udp packet with "ack" set does not match an established entry either
    const b = acl(entry({ action: "permit", established: true, reason: "est" }), entry({ action: "deny", reason: "rest" }));
    expect(verdict(b, { source: "1.1.1.1", destination: "2.2.2.2", protocol: "udp", ack: true })).toBe("deny rest");
  });
});

describe("markedDscp", () => {
  const qos = (): QosIntent => ({
    classes: [],
    trust: [],
    marking: [
      { vlan: 110, source: "10.11.0.0/24", protocol: "udp", ports: [5060, 5061], class: "signalling", dscp: 24 },
      { vlan: 110, source: "10.11.0.0/24", ports: [], class: "voice", dscp: 46 },
      { vlan: 120, source: "10.12.0.128/25", ports: [], class: "video", dscp: 34 },
    ],
  });

  it("the first marking of the packet's VLAN whose source, protocol and ports match", () => {
    const udp = (dport?: number): Packet => ({ source: "10.11.0.5", destination: "10.0.0.1", protocol: "udp", ...(dport !== undefined ? { dport } : {}) });
    expect(markedDscp(qos(), 110, udp(5060))).toEqual({ dscp: 24, class: "signalling" });
    expect(markedDscp(qos(), 110, udp(4000))).toEqual({ dscp: 46, class: "voice" });
    expect(markedDscp(qos(), 110, udp())).toEqual({ dscp: 46, class: "voice" });
    expect(markedDscp(qos(), 110, { ...udp(5060), protocol: "tcp" })).toEqual({ dscp: 46, class: "voice" });
  });

  it("another VLAN or a source outside the marking's subnet: left as it came", () => {
    expect(markedDscp(qos(), 130, { source: "10.11.0.5", destination: "10.0.0.1", protocol: "udp" })).toBeUndefined();
    expect(markedDscp(qos(), 120, { source: "10.12.0.5", destination: "10.0.0.1", protocol: "udp" })).toBeUndefined();
    expect(markedDscp(qos(), 120, { source: "10.12.0.200", destination: "10.0.0.1", protocol: "udp" })).toEqual({ dscp: 34, class: "video" });
  });
});
