/**
 * Open vSwitch objects from hand-made intents, their changes and their read-back, in ovs-vsctl(8) and
 * ovs-vswitchd.conf.db(5) words (Open vSwitch 3.1): `vlan_mode` access / trunk / native-untagged with `tag`
 * and `trunks`, `add-bond ... lacp=active|passive|off`, `mtu_request` on Interface rows,
 * `other_config:rstp-port-admin-edge`, `other_config:rstp-priority`, and `--format=json` output (a document a
 * line, sets as ["set", [...]], maps as ["map", [[k, v]...]], rows as ["uuid", "..."]).
 */
import { describe, expect, it } from "vitest";
import type { DeviceIntent, LagIntent, PortIntent } from "../../../intent/types";
import { ovs } from "../../../platforms/ovs";
import type { ConfigObject } from "../../../platforms/types";
import { deviceIntent } from "../helpers/intent";

const base = (more: Partial<DeviceIntent> = {}): DeviceIntent => deviceIntent("ovs", more);
const objectOf = (i: DeviceIntent, key: string): ConfigObject => {
  const o = ovs.objects(i).find((x) => x.key === key);
  if (!o) throw new Error(`no object ${key}`);
  return o;
};
const port = (more: Partial<PortIntent>): PortIntent => ({ name: "p1", description: "", enabled: true, mode: "access", vlan: 10, ...more });
const bond = (more: Partial<LagIntent> = {}, p: Partial<PortIntent> = {}): LagIntent => ({ name: "bond0", lacp: "active", members: ["p1", "p2"], port: { name: "bond0", description: "", enabled: true, mode: "trunk", allowed: [10, 20], ...p }, ...more });
/** One `--format=json` document. */
const doc = (headings: string[], ...rows: unknown[][]): string => JSON.stringify({ headings, data: rows });
const set = (...xs: unknown[]) => ["set", xs];
const map = (...kv: [string, string][]) => ["map", kv];
const uuid = (u: string) => ["uuid", u];

describe("ovs: ports and bonds", () => {
  it("a trunk with a native VLAN is native-untagged: the native VLAN as tag, the allowed list as trunks", () => {
    const o = objectOf(base({ ports: [port({ mode: "trunk", vlan: undefined, allowed: [10, 20], native: 10 })] }), "port:p1");
    expect(o.apply).toEqual(["--if-exists --with-iface del-port br0 p1", "--may-exist add-port br0 p1", "set port p1 vlan_mode=native-untagged tag=10 trunks=10,20 external_ids:citydc=managed"]);
    expect(o.fields).toEqual({ name: "p1", mode: "trunk", allowed: [10, 20], native: 10 });
  });

  it("a trunk without VLANs carries only 4095 (none); an access port clears trunks; an edge port and an MTU", () => {
    expect(objectOf(base({ ports: [port({ mode: "trunk", vlan: undefined, allowed: [] })] }), "port:p1").apply.slice(2)).toEqual(["set port p1 vlan_mode=trunk trunks=4095 external_ids:citydc=managed", "clear port p1 tag"]);
    const edge = objectOf(base({ ports: [port({ mtu: 9000, stp: { edge: true } })] }), "port:p1");
    expect(edge.apply.slice(2)).toEqual(["set port p1 vlan_mode=access tag=10 other_config:rstp-port-admin-edge=true external_ids:citydc=managed", "clear port p1 trunks", "set interface p1 mtu_request=9000"]);
    expect(edge.readBack).toBe("ovs-vsctl --format=json --columns=name,tag,trunks,vlan_mode,external_ids,other_config list port p1 -- --columns=_uuid,name,mtu_request list interface p1");
    expect(edge.fields).toEqual({ name: "p1", mode: "access", vlan: 10, mtu: 9000, stpEdge: true });
    expect(objectOf(base({ ports: [port({})] }), "port:p1").readBack).toBe("ovs-vsctl --format=json --columns=name,tag,trunks,vlan_mode,external_ids list port p1");
  });

  it("no object for a shut port, a LAG member, an access port without VLAN, a routed or unused port", () => {
    const i = base({ ports: [port({ name: "a", enabled: false }), port({ name: "b", lag: "bond0" }), port({ name: "c", vlan: undefined }), port({ name: "d", mode: "routed", vlan: undefined }), port({ name: "e", mode: "unused", vlan: undefined })] });
    expect(ovs.objects(i)).toEqual([]);
  });

  it("a bond: members freed, added with LACP (static is off), columns, each member's MTU; no bond of one member", () => {
    const o = objectOf(base({ lags: [bond({ lacp: "static" }, { mtu: 9000 })] }), "lag:bond0");
    expect(o.apply).toEqual([
      "--if-exists del-port br0 p1",
      "--if-exists del-port br0 p2",
      "--may-exist add-bond br0 bond0 p1 p2 lacp=off",
      "set port bond0 vlan_mode=trunk trunks=10,20 external_ids:citydc=managed",
      "clear port bond0 tag",
      "set interface p1 mtu_request=9000",
      "set interface p2 mtu_request=9000",
    ]);
    expect(o.remove).toEqual(["--if-exists del-port br0 bond0"]);
    expect(o.fields).toEqual({ name: "bond0", lacp: "static", members: ["p1", "p2"], mode: "trunk", allowed: [10, 20], mtu: 9000 });
    expect(objectOf(base({ lags: [bond({ lacp: "passive" })] }), "lag:bond0").apply[2]).toBe("--may-exist add-bond br0 bond0 p1 p2 lacp=passive");
    expect(ovs.objects(base({ lags: [bond({ members: ["p1"] })] }))).toEqual([]);
    expect(ovs.objects(base({ lags: [bond({}, { mode: "routed", allowed: undefined })] }))).toEqual([]);
  });

  it("spanning tree: RSTP with or without a priority; removed by turning it off and the priority away", () => {
    const stp = (priority?: number) => objectOf(base({ stp: { mode: "rstp", ...(priority !== undefined ? { priority } : {}), region: "", revision: 0, instances: [], bpduProtection: false, vlans: [], edge: [], loopGuard: [], rootGuard: [], mlag: false } }), "stp");
    expect(stp(4096).apply).toEqual(["set bridge br0 rstp_enable=true other_config:rstp-priority=4096"]);
    expect(stp().apply).toEqual(["set bridge br0 rstp_enable=true"]);
    expect(stp().remove).toEqual(["set bridge br0 rstp_enable=false", "remove bridge br0 other_config rstp-priority"]);
    expect(stp().readBack).toBe("ovs-vsctl --format=json --columns=rstp_enable,other_config list bridge br0");
    // a priority taken away goes back to the default
    expect(ovs.change!(stp(4096), stp())).toEqual(["set bridge br0 rstp_enable=true", "remove bridge br0 other_config rstp-priority"]);
    expect(ovs.change!(stp(), stp(4096))).toBeUndefined();
    expect(ovs.change!(stp(4096), stp(8192))).toBeUndefined();
  });
});

describe("ovs: changes", () => {
  it("a port with other VLANs, MTU or edge role: the columns set again, what is gone cleared, no flap", () => {
    const old = objectOf(base({ ports: [port({ mtu: 9000, stp: { edge: true } })] }), "port:p1");
    const next = objectOf(base({ ports: [port({ vlan: 20 })] }), "port:p1");
    expect(ovs.change!(old, next)).toEqual(["set port p1 vlan_mode=access tag=20 external_ids:citydc=managed", "clear port p1 trunks", "clear interface p1 mtu_request", "remove port p1 other_config rstp-port-admin-edge"]);
    // a new mode is a new port
    expect(ovs.change!(old, objectOf(base({ ports: [port({ mode: "trunk", vlan: undefined, allowed: [10] })] }), "port:p1"))).toBeUndefined();
  });

  it("a bond with the same members and LACP: its columns again and the members' MTU cleared; otherwise rebuilt", () => {
    const old = objectOf(base({ lags: [bond({}, { mtu: 9000 })] }), "lag:bond0");
    const same = objectOf(base({ lags: [bond({}, { allowed: [10] })] }), "lag:bond0");
    expect(ovs.change!(old, same)).toEqual(["set port bond0 vlan_mode=trunk trunks=10 external_ids:citydc=managed", "clear port bond0 tag", "clear interface p1 mtu_request", "clear interface p2 mtu_request"]);
    const passive = objectOf(base({ lags: [bond({ lacp: "passive" }, { mtu: 9000 })] }), "lag:bond0");
    expect(ovs.change!(old, passive)).toEqual([...old.remove, ...passive.apply]);
    const more = objectOf(base({ lags: [bond({ members: ["p1", "p2", "p3"] }, { mtu: 9000 })] }), "lag:bond0");
    expect(ovs.change!(old, more)).toEqual([...old.remove, ...more.apply]);
  });

  it("other kinds have no patch; the session is one ovs-vsctl transaction", () => {
    const v = objectOf(base({ vlans: [{ id: 10, name: "ten" }] }), "vlan:10");
    expect(v.apply).toEqual(["set bridge br0 external_ids:citydc-vlan-10=ten"]);
    expect(v.remove).toEqual(["remove bridge br0 external_ids citydc-vlan-10"]);
    expect(ovs.change!(v, v)).toBeUndefined();
    expect(ovs.wrap(["a", "b"])).toEqual(["ovs-vsctl --timeout=10 -- a -- b"]);
    expect(ovs.wrap([])).toEqual([]);
  });
});

describe("ovs: read-back from --format=json", () => {
  const PORT = ["name", "tag", "trunks", "vlan_mode", "external_ids", "other_config"];

  it("a native-untagged port is a trunk with its native VLAN; 4095 is not a VLAN; trunks sorted", () => {
    const o = objectOf(base({ ports: [port({ mode: "trunk", vlan: undefined, allowed: [10, 20], native: 10 })] }), "port:p1");
    const out = doc(PORT, ["p1", 10, set(20, 10, 4095), "native-untagged", map(), map()]);
    expect(ovs.parseReadBack(o, out)).toEqual({ present: true, fields: { name: "p1", mode: "trunk", allowed: [10, 20], native: 10 } });
    // a plain trunk, an empty tag set, a mode nobody set
    expect(ovs.parseReadBack(o, doc(PORT, ["p1", set(), 20, "trunk", map(), map()])).fields).toEqual({ name: "p1", mode: "trunk", allowed: [20] });
    // vlan_mode never set is the empty set: a mode the inventory never asks for
    expect(ovs.parseReadBack(o, doc(PORT, ["p1", set(), set(), set(), map(), map()])).fields).toEqual({ name: "p1", mode: "unknown" });
    expect(ovs.parseReadBack(o, doc(PORT, ["p1", set(), set(), "dot1q-tunnel", map(), map()])).fields).toEqual({ name: "p1", mode: "dot1q-tunnel" });
  });

  it("an edge port is read only where the object is one; the MTU from the port's own Interface row", () => {
    const o = objectOf(base({ ports: [port({ mtu: 9000, stp: { edge: true } })] }), "port:p1");
    const ifaces = doc(["_uuid", "name", "mtu_request"], [uuid("u1"), "p1", 9000], [uuid("u2"), "p2", 1500]);
    const out = `${doc(PORT, ["p1", 10, set(), "access", map(), map(["rstp-port-admin-edge", "true"])])}\n${ifaces}\n`;
    expect(ovs.parseReadBack(o, out)).toEqual({ present: true, fields: { name: "p1", mode: "access", vlan: 10, mtu: 9000, stpEdge: true } });
    const notEdge = `${doc(PORT, ["p1", 10, set(), "access", map(), map(["rstp-port-admin-edge", "false"])])}\n${ifaces}\n`;
    expect(ovs.parseReadBack(o, notEdge).fields).toEqual({ name: "p1", mode: "access", vlan: 10, mtu: 9000 });
    const plain = objectOf(base({ ports: [port({})] }), "port:p1");
    expect(ovs.parseReadBack(plain, out).fields).toEqual({ name: "p1", mode: "access", vlan: 10 });
    // no row: absent; lines that are not documents are skipped
    expect(ovs.parseReadBack(o, doc(PORT))).toEqual({ present: false });
    expect(ovs.parseReadBack(plain, `ovs-vsctl: warning\n  ${doc(PORT, ["p1", 10, set(), "access", map(), map()])}  \n{not json\n`).fields).toEqual({ name: "p1", mode: "access", vlan: 10 });
  });

  it("a bond: members by Interface uuid, sorted; LACP active, passive or else static; one MTU for all members or none", () => {
    const o = objectOf(base({ lags: [bond({}, { mtu: 9000 })] }), "lag:bond0");
    const lagDoc = (lacp: unknown) => doc(["name", "tag", "trunks", "vlan_mode", "external_ids", "lacp", "interfaces"], ["bond0", set(), set(10, 20), "trunk", map(), lacp, set(uuid("u2"), uuid("u1"), uuid("u9"))]);
    const ifaces = (m2: number) => doc(["_uuid", "name", "mtu_request"], [uuid("u1"), "p1", 9000], [uuid("u2"), "p2", m2], [uuid("u3"), "p3", 1500]);
    expect(ovs.parseReadBack(o, `${lagDoc("active")}\n${ifaces(9000)}`)).toEqual({ present: true, fields: { name: "bond0", lacp: "active", members: ["p1", "p2"], mode: "trunk", allowed: [10, 20], mtu: 9000 } });
    expect(ovs.parseReadBack(o, `${lagDoc("passive")}\n${ifaces(1500)}`).fields).toEqual({ name: "bond0", lacp: "passive", members: ["p1", "p2"], mode: "trunk", allowed: [10, 20] });
    expect(ovs.parseReadBack(o, `${lagDoc(set())}\n${ifaces(9000)}`).fields?.lacp).toBe("static");
    expect(ovs.parseReadBack(o, `${lagDoc("off")}\n${ifaces(9000)}`).fields?.lacp).toBe("static");
    // without the interface document no member is known
    expect(ovs.parseReadBack(o, lagDoc("active")).fields?.members).toEqual([]);
  });

  it("spanning tree and VLANs from the bridge row", () => {
    const stp = objectOf(base({ stp: { mode: "rstp", priority: 4096, region: "", revision: 0, instances: [], bpduProtection: false, vlans: [], edge: [], loopGuard: [], rootGuard: [], mlag: false } }), "stp");
    const bridge = (on: boolean, oc: unknown) => doc(["rstp_enable", "other_config"], [on, oc]);
    expect(ovs.parseReadBack(stp, bridge(true, map(["rstp-priority", "4096"])))).toEqual({ present: true, fields: { mode: "rstp", priority: 4096 } });
    expect(ovs.parseReadBack(stp, bridge(true, map()))).toEqual({ present: true, fields: { mode: "rstp" } });
    expect(ovs.parseReadBack(stp, bridge(false, map()))).toEqual({ present: false });
    expect(ovs.parseReadBack(stp, "")).toEqual({ present: false });
    const v = objectOf(base({ vlans: [{ id: 10, name: "ten" }] }), "vlan:10");
    expect(ovs.parseReadBack(v, doc(["external_ids"], [map(["citydc-vlan-10", "renamed"])]))).toEqual({ present: true, fields: { id: 10, name: "renamed" } });
    expect(ovs.parseReadBack(v, doc(["external_ids"], [map(["citydc-vlan-11", "ten"])]))).toEqual({ present: false });
    expect(ovs.parseReadBack(v, "")).toEqual({ present: false });
  });
});
