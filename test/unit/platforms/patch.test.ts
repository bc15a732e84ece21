/**
 * The shared patch of the configuration-text platforms (platforms/cli.ts `patchObject`), rule by rule, with
 * a change syntax made up for the test (words no vendor uses, so that each line shows which part of the
 * syntax it came from). The vendors' own words are checked per platform in change-commands.test.ts.
 */
import { describe, expect, it } from "vitest";
import { dialectScript, foldBindings, patchObject, type ChangeSyntax } from "../../../platforms/cli";
import type { ConfigObject } from "../../../platforms/types";
import { VTYSH_DIALECT } from "../../../platforms/frr";

const S: ChangeSyntax = {
  exit: "leave",
  indent: "_",
  no: "un",
  vlanInterface: (v) => `vif ${v}`,
  vrrpGroup: (id) => `group ${id}`,
  nativeVlan: "native",
  additiveTrunk: (gone) => [`allow ${gone.join(",")}`],
  unset: { mtu: (o) => [`_un mtu ${String(o.mtu)}`], speed: () => ["_auto speed"] },
  defaultVrrpPriority: 100,
  vrrpDefaultPriority: (id) => [`_group ${id} default priority`],
  bgp: { header: (asn) => `bgp ${asn}`, indent: "__", neighbor: (a) => `peer ${a}`, network: (n) => `net ${n}` },
};
const AF: ChangeSyntax = { ...S, bgp: { ...S.bgp, addressFamily: { enter: "__af", exit: "__end-af", indent: "___" } } };

const obj = (kind: ConfigObject["kind"], fields: ConfigObject["fields"], apply: string[] = ["if x", "_set", "leave"], remove: string[] = ["un if x"]): ConfigObject => ({
  device: "d",
  kind,
  key: `${kind}:x`,
  summary: "",
  fields,
  apply,
  remove,
  readBack: "",
});

describe("patchObject: ports and LAGs", () => {
  it("a new mode or LAG membership: the old object removed, the new one applied", () => {
    const trunk = obj("port", { mode: "trunk", allowed: [10] }, ["if x", "_trunk", "leave"], ["un trunk x"]);
    expect(patchObject(S, trunk, obj("port", { mode: "access", vlan: 10 }))).toEqual(["un trunk x", "if x", "_set", "leave"]);
    expect(patchObject(S, obj("port", { mode: "trunk" }, ["a"], ["r"]), obj("port", { mode: "trunk", lag: "bond1" }, ["b"]))).toEqual(["r", "b"]);
    expect(patchObject(S, obj("lag", { mode: "trunk", lag: "bond1" }, ["a"], ["r"]), obj("lag", { mode: "trunk" }, ["b"]))).toEqual(["r", "b"]);
  });

  it("VLANs off an additive trunk list, a dropped native VLAN and description: undo lines before the section's exit", () => {
    const old = obj("port", { mode: "trunk", allowed: [10, 20, 30], native: 10, description: "up" });
    expect(patchObject(S, old, obj("port", { mode: "trunk", allowed: [10] }))).toEqual(["if x", "_set", "_un allow 20,30", "_un native", "_un description", "leave"]);
    // nothing dropped: re-sending the new lines does it
    expect(patchObject(S, old, obj("port", { mode: "trunk", allowed: [10, 20, 30, 40], native: 20, description: "up2" }))).toBeUndefined();
    // where the trunk list is not additive, a removed VLAN needs no undo line
    const { additiveTrunk: _a, ...replacing } = S;
    expect(patchObject(replacing, obj("port", { mode: "trunk", allowed: [10, 20] }), obj("port", { mode: "trunk", allowed: [10] }))).toBeUndefined();
    // the first description, the first native VLAN: nothing to undo
    expect(patchObject(S, obj("port", { mode: "trunk", allowed: [] }), obj("port", { mode: "trunk", allowed: [], native: 10, description: "x" }))).toBeUndefined();
  });

  it("settings the new object no longer has get the syntax's unset lines, given the old fields", () => {
    const old = obj("lag", { mode: "routed", mtu: 9000, speed: "10G" });
    expect(patchObject(S, old, obj("lag", { mode: "routed" }))).toEqual(["if x", "_set", "_un mtu 9000", "_auto speed", "leave"]);
    expect(patchObject(S, old, obj("lag", { mode: "routed", mtu: 1500, speed: "1G" }))).toBeUndefined();
    expect(patchObject(S, obj("lag", { mode: "routed" }), obj("lag", { mode: "routed" }))).toBeUndefined();
  });

  it("an undo line the new lines hold with other indentation is not sent again", () => {
    const spaced: ChangeSyntax = { ...S, indent: " " };
    expect(patchObject(spaced, obj("port", { mode: "trunk", description: "up" }), obj("port", { mode: "trunk" }, ["if x", "un description", "leave"]))).toBeUndefined();
  });

  it("an undo line the new lines already hold is not sent twice; lines without an exit get the undo lines at the end", () => {
    const old = obj("port", { mode: "trunk", native: 10, description: "up" });
    expect(patchObject(S, old, obj("port", { mode: "trunk" }, ["if x", "  _un native ", "leave"]))).toEqual(["if x", "  _un native ", "_un description", "leave"]);
    expect(patchObject(S, old, obj("port", { mode: "trunk" }, ["set x"]))).toEqual(["set x", "_un native", "_un description"]);
    expect(patchObject(S, old, obj("port", { mode: "trunk" }, []))).toEqual(["_un native", "_un description"]);
  });
});

describe("patchObject: gateways", () => {
  const gw = (f: ConfigObject["fields"]) => obj("gateway", { vlan: 120, ...f }, ["vif 120", "_addr", "leave"]);

  it("another VRRP group id: the old group is taken off the old VLAN's interface first", () => {
    expect(patchObject(S, gw({ vrid: 1, priority: 110 }), gw({ vrid: 2, priority: 110 }))).toEqual(["vif 120", "_un group 1", "leave", "vif 120", "_addr", "leave"]);
    expect(patchObject(S, gw({ vrid: 1 }), gw({}))).toEqual(["vif 120", "_un group 1", "leave", "vif 120", "_addr", "leave"]);
    expect(patchObject(S, obj("gateway", { vlan: 130, vrid: 1 }), gw({ vrid: 2 }))?.slice(0, 3)).toEqual(["vif 130", "_un group 1", "leave"]);
    // a first group: nothing to take off
    expect(patchObject(S, gw({}), gw({ vrid: 1, priority: 110 }))).toBeUndefined();
  });

  it("back to the platform's default priority (never written): the reset line before the exit", () => {
    expect(patchObject(S, gw({ vrid: 3, priority: 110 }), gw({ vrid: 3, priority: 100 }))).toEqual(["vif 120", "_addr", "_group 3 default priority", "leave"]);
    // any other priority is written, so re-sending does it
    expect(patchObject(S, gw({ vrid: 3, priority: 110 }), gw({ vrid: 3, priority: 120 }))).toBeUndefined();
    expect(patchObject(S, gw({ vrid: 3, priority: 100 }), gw({ vrid: 3, priority: 100 }))).toBeUndefined();
    const { vrrpDefaultPriority: _v, ...noReset } = S;
    expect(patchObject(noReset, gw({ vrid: 3, priority: 110 }), gw({ vrid: 3, priority: 100 }))).toBeUndefined();
    expect(patchObject(S, gw({ priority: 110 }), gw({ priority: 100 }))).toBeUndefined();
  });
});

describe("patchObject: ACLs, QoS and BGP", () => {
  it("an ACL or the QoS is removed and rebuilt", () => {
    expect(patchObject(S, obj("acl", {}, ["a1"], ["r1"]), obj("acl", {}, ["a2"]))).toEqual(["r1", "a2"]);
    expect(patchObject(S, obj("qos", {}, ["a1"], ["r1"]), obj("qos", {}, ["a2"]))).toEqual(["r1", "a2"]);
  });

  it("another AS number replaces the process; gone neighbours and networks are removed before the new lines", () => {
    const old = obj("bgp", { asn: 65001, neighbors: ["10.0.0.1 65002", "10.0.0.3 65003"], networks: ["10.1.0.0/16", "10.2.0.0/16"] }, ["bgp 65001"], ["un bgp 65001"]);
    expect(patchObject(S, old, obj("bgp", { asn: 65009, neighbors: [], networks: [] }, ["bgp 65009"]))).toEqual(["un bgp 65001", "bgp 65009"]);
    const next = obj("bgp", { asn: 65001, neighbors: ["10.0.0.3 65004"], networks: ["10.2.0.0/16"] }, ["bgp 65001", "__more"]);
    expect(patchObject(S, old, next)).toEqual(["bgp 65001", "__un peer 10.0.0.1", "__un net 10.1.0.0/16", "leave", "bgp 65001", "__more"]);
    expect(patchObject(AF, old, next)).toEqual(["bgp 65001", "__un peer 10.0.0.1", "__af", "___un net 10.1.0.0/16", "__end-af", "leave", "bgp 65001", "__more"]);
    // only a network gone
    expect(patchObject(S, old, obj("bgp", { ...old.fields, networks: ["10.2.0.0/16"] }, ["n"]))).toEqual(["bgp 65001", "__un net 10.1.0.0/16", "leave", "n"]);
    // only a neighbour gone: no address family opened for nothing
    expect(patchObject(AF, old, obj("bgp", { ...next.fields, networks: ["10.1.0.0/16", "10.2.0.0/16"] }, ["n"]))).toEqual(["bgp 65001", "__un peer 10.0.0.1", "leave", "n"]);
    // nothing gone: re-sending adds what is new
    expect(patchObject(S, old, obj("bgp", { ...old.fields, networks: ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"] }))).toBeUndefined();
  });

  it("other kinds have no patch", () => {
    expect(patchObject(S, obj("vlan", { id: 10, name: "a" }), obj("vlan", { id: 10, name: "b" }))).toBeUndefined();
    expect(patchObject(S, obj("route", {}), obj("route", {}))).toBeUndefined();
  });
});

describe("dialectScript", () => {
  it("enter, the lines, commit, leave, save; nothing at all for no lines", () => {
    const d = { ...VTYSH_DIALECT, enterConfig: ["conf"], commit: ["commit"], exitConfig: ["end"], save: ["save", "y"] };
    expect(dialectScript(d, ["a", "b"])).toEqual(["conf", "a", "b", "commit", "end", "save", "y"]);
    expect(dialectScript(d, [])).toEqual([]);
  });
});

describe("foldBindings: an ACL's or the QoS's lines inside another object's stanza move into it", () => {
  const o = (kind: ConfigObject["kind"], key: string, apply: string[]): ConfigObject => ({ device: "d", kind, key, summary: "", fields: {}, apply, remove: [], readBack: "" });
  const nav = /^exit$/;

  it("into the stanza the gateway or VLAN opens, before its exit (or at its end); stanzas nobody opens stay", () => {
    const gw = o("gateway", "gateway:130", ["interface Vlan130", " ip address 10.0.0.1/24", "exit"]);
    const vlan = o("vlan", "vlan:130", ["vlan 130", " name voice"]);
    const acl = o("acl", "acl:X", ["ip access-list X", " 10 permit ip any any", "interface Vlan130", " ip access-group X in", "exit", "interface Ethernet9", " ip access-group X in", "exit", "vlan 130", " service-policy Q"]);
    const out = foldBindings([gw, vlan, acl], nav);
    expect(out.map((x) => x.apply)).toEqual([
      ["interface Vlan130", " ip address 10.0.0.1/24", " ip access-group X in", "exit"],
      ["vlan 130", " name voice", " service-policy Q"],
      ["ip access-list X", " 10 permit ip any any", "interface Ethernet9", " ip access-group X in", "exit"],
    ]);
    // the objects given are not changed
    expect(gw.apply).toEqual(["interface Vlan130", " ip address 10.0.0.1/24", "exit"]);
    expect(acl.apply).toHaveLength(10);
  });

  it("the first object to open a line takes the lines; an ACL or QoS stanza never takes another's", () => {
    const a = o("port", "port:a", ["interface Vlan130", " description a", "exit"]);
    const b = o("gateway", "gateway:130", ["interface Vlan130", " ip address 10.0.0.1/24", "exit"]);
    const q = o("qos", "qos", ["interface Vlan130", " service-policy input M", "exit"]);
    const acl = o("acl", "acl:X", ["interface Vlan130", " ip access-group X in", "exit"]);
    expect(foldBindings([a, b, q, acl], nav).map((x) => x.apply)).toEqual([
      ["interface Vlan130", " description a", " service-policy input M", " ip access-group X in", "exit"],
      ["interface Vlan130", " ip address 10.0.0.1/24", "exit"],
      [],
      [],
    ]);
  });

  it("an object opening nothing (empty, or its first line not a stanza) takes nothing; without bindings all stays", () => {
    const empty = o("system", "system", []);
    const route = o("route", "route:x", ["ip route 0.0.0.0/0 10.0.0.1"]);
    const acl = o("acl", "acl:X", ["ip route 0.0.0.0/0 10.0.0.1", " extra", "interface Vlan9", " ip access-group X in"]);
    expect(foldBindings([empty, route, acl], nav).map((x) => x.apply)).toEqual([[], ["ip route 0.0.0.0/0 10.0.0.1"], ["ip route 0.0.0.0/0 10.0.0.1", " extra", "interface Vlan9", " ip access-group X in"]]);
    const plain = [route, o("vlan", "vlan:1", ["vlan 1"])];
    expect(foldBindings(plain, nav)).toEqual(plain);
    expect(foldBindings(plain, nav)).not.toBe(plain);
  });

  it("a stanza's lines stop at the first line that is not indented, exit or not", () => {
    const gw = o("gateway", "gateway:130", ["interface Vlan130", "exit"]);
    const acl = o("acl", "acl:X", ["interface Vlan130", " ip access-group X in", "  more", "ip access-list X", " 10 deny ip any any"]);
    expect(foldBindings([gw, acl], nav).map((x) => x.apply)).toEqual([["interface Vlan130", " ip access-group X in", "  more", "exit"], ["ip access-list X", " 10 deny ip any any"]]);
  });
});
