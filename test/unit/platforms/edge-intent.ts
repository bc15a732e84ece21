/**
 * A hand-made device intent that reaches what the city's golden files do not, the same shape for every
 * configuration-text vendor (only the interface names differ): an access port without a VLAN, an empty trunk
 * with a native VLAN, routed ports with and without a VRF and an address, an MTU on each kind of port, members
 * of a static, a passive and a routed LAG (and one of a LAG the intent does not hold, which derive never
 * makes), the multi-chassis secondary, RSTP with a priority, gateways in a VRF and at the default VRRP
 * priority, routes in the default VRF, in a VRF and in one the device does not define, BGP without a router id,
 * QoS marking at a gateway and on a routed port with trust and queuing, and ACLs at a gateway and on a port.
 * Built per test: mutation testing credits only the tests that build it.
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent, PortIntent } from "../../../intent/types";
import type { ConfigObject, Platform } from "../../../platforms/types";
import type { PlatformName } from "../../../model/types";
import { deviceIntent } from "../helpers/intent";

export interface EdgeNames {
  /** Physical port n (1..9). */
  readonly port: (n: number) => string;
  /** LAG n (1: the peer link, 2, 3, 9). */
  readonly lag: (n: number) => string;
}

export const port = (name: string, more: Partial<PortIntent>): PortIntent => ({ name, description: "", enabled: true, mode: "unused", ...more });

export function edgeIntent(platform: PlatformName, names: EdgeNames, more: Partial<DeviceIntent> = {}): DeviceIntent {
  const e = names.port;
  const l = names.lag;
  // a platform that keeps the pair alive over the peer VLAN takes the addresses with their prefix length
  const len = platform === "arista-eos" ? "/30" : "";
  return deviceIntent(platform, {
    device: "sw1",
    vlans: [{ id: 10, name: "users" }, { id: 20, name: "voice" }],
    vrfs: [{ name: "city", rd: "65001:10" }, { name: "lab" }],
    ports: [
      port(e(1), { mode: "access", mtu: 1500, description: "to the north exit" }),
      port(e(2), { mode: "trunk", allowed: [], native: 10, mtu: 9000, stp: { edge: true } }),
      port(e(3), { mode: "routed", vrf: "city", address: "10.0.0.1/31", mtu: 9000, speed: "10G" }),
      port(e(4), { mode: "routed" }),
      port(e(5), { enabled: false, mtu: 9000 }),
      port(e(6), { lag: l(2), mtu: 9000 }),
      port(e(7), { lag: l(3) }),
      port(e(8), { mode: "access", vlan: 10, stp: { edge: true, guard: "root" } }),
      port(e(9), { lag: l(9) }),
    ],
    lags: [
      { name: l(2), lacp: "static", members: [e(6)], port: port(l(2), { mode: "routed", address: "10.0.0.5/31", mtu: 9000 }) },
      { name: l(3), lacp: "passive", members: [e(7)], mlag: { id: 3 }, port: port(l(3), { mode: "trunk", allowed: [10, 20], stp: { guard: "loop" } }) },
    ],
    gateways: [
      { vlan: 10, vrf: "city", address: "10.10.0.2/24", vrrp: { vrid: 10, virtualAddress: "10.10.0.1", priority: 100 } },
      { vlan: 20, address: "10.20.0.2/24", vrrp: { vrid: 20, virtualAddress: "10.20.0.1", priority: 110 } },
    ],
    routes: [
      { prefix: "0.0.0.0/0", nextHop: "10.0.0.0" },
      { prefix: "10.99.0.0/16", nextHop: "10.10.0.254", vrf: "city" },
      { prefix: "10.98.0.0/16", nextHop: "10.10.0.253", vrf: "ghost" },
    ],
    bgp: { asn: 65001, networks: [], neighbors: [{ address: "10.0.0.0", remoteAs: 65000, description: "" }] },
    mlag: { name: "pair", domain: 5, peer: "sw2", role: "secondary", peerLink: l(1), localAddress: `10.255.0.2${len}`, peerAddress: `10.255.0.1${len}`, peerVlan: 4094, lags: [{ name: l(3), id: 3 }] },
    qos: {
      classes: [
        { name: "voice", dscp: 46, queue: 5, treatment: "priority", share: 10 },
        { name: "video", dscp: 34, queue: 4, treatment: "guaranteed", share: 30 },
        { name: "bulk", dscp: 10, queue: 1, treatment: "limited", share: 10 },
        { name: "default", dscp: 0, queue: 0, treatment: "default" },
      ],
      trust: [e(2), l(3)],
      marking: [
        { vlan: 20, source: "10.20.0.0/24", protocol: "udp", ports: [5060, 5061], class: "voice", dscp: 46 },
        { vlan: 20, source: "10.20.0.0/24", ports: [], class: "video", dscp: 34 },
        // a class the QoS section does not hold (derive never makes one): queue 0
        { interface: e(3), source: "any", ports: [], class: "nosuch", dscp: 10 },
      ],
    },
    acls: [
      { name: "CITYDC-V10-IN", vlan: 10, interface: e(2), entries: [{ action: "permit", protocol: "ip", source: "any", destination: "any", reason: "default" }] },
      { name: "CITYDC-BR-IN", interface: e(3), entries: [{ action: "deny", protocol: "udp", source: "10.0.0.0/31", destination: "any", destinationPorts: [53], reason: "dns" }] },
    ],
    stp: { mode: "rstp", priority: 8192, region: "r", revision: 0, instances: [], bpduProtection: true, vlans: [10, 20], edge: [], loopGuard: [], rootGuard: [], mlag: true },
    ...more,
  });
}

/** The object `key` of what `platform` renders from `intent` (a test fails on a missing one). */
export function objectIn(platform: Platform, intent: DeviceIntent, key: string): ConfigObject {
  const o = platform.objects(intent).find((x) => x.key === key);
  if (!o) throw new Error(`no object ${key}`);
  return o;
}

/**
 * The tests every vendor file runs on the edge intent: its objects in apply order, each one's apply, remove and
 * read-back command as written out, and the full configuration line by line.
 */
export function writtenOut(platform: Platform, edge: () => DeviceIntent, expected: Record<string, { apply: string[]; remove: string[]; readBack: string }>, full: string[]): void {
  describe(`${platform.name}: every object of the edge intent, written out`, () => {
    it("holds these objects, in apply order", () => {
      expect(platform.objects(edge()).map((o) => o.key)).toEqual(Object.keys(expected));
    });
    for (const [key, want] of Object.entries(expected)) {
      it(`${key}: apply, remove and read-back command`, () => {
        const o = objectIn(platform, edge(), key);
        expect({ apply: o.apply, remove: o.remove, readBack: o.readBack }).toEqual(want);
      });
    }
    it("the full configuration, as the device displays it", () => {
      const i = edge();
      expect(platform.fullConfig(i, platform.objects(i)).split("\n")).toEqual(full);
    });
  });
}
