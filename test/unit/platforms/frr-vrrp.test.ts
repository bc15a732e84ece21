/**
 * VRRP on FRR routers: the group is keepalived's (keepalived.conf(5), keepalived 2.2: vrrp_instance with
 * virtual_router_id, priority, virtual_ipaddress), handed to the router's `citydc-vrrp` front end, never to
 * vtysh (FRR's own vrrpd needs macvlan devices). A router is a VLAN's gateway on a port without a mode that
 * is cabled to a switch's access port in the VLAN. Expectations are written out.
 */
import { describe, expect, it } from "vitest";
import { deriveIntent } from "../../../intent";
import { changeSet, PLATFORMS } from "../../../platforms";
import { renderDevice } from "../../../pipeline/index";
import { parseFrrReadBack } from "../../../platforms/frr";
import type { Inventory } from "../../../model/types";
import { codes, minimal, validate } from "../model/helpers";

/** VLAN 20 at both sites with two FRR routers as its VRRP gateways, each on a port facing an access port. */
function vrrpDoc(): any {
  const d = minimal();
  d.devices[0].interfaces.push({ name: "p5", mode: "access", vlan: 20 });
  d.devices[1].interfaces.push({ name: "p5", mode: "access", vlan: 20 });
  d.devices[0].interfaces[1].allowed = [10, 20];
  d.devices[1].interfaces[1].allowed = [10, 20];
  d.devices.push(
    { name: "r1", site: "dc1", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2301, user: "c" }, interfaces: [{ name: "v20" }] },
    { name: "r2", site: "dc2", role: "border", platform: "frr", management: { address: "127.0.0.1", port: 2302, user: "c" }, interfaces: [{ name: "v20" }] },
  );
  d.vlans.push({ id: 20, name: "v20", tenant: "city", purpose: "server", sites: ["dc1", "dc2"], subnet: "10.0.20.0/24", gateway: "10.0.20.1", gateways: [{ device: "r1", address: "10.0.20.2" }, { device: "r2", address: "10.0.20.3", priority: 90 }] });
  d.links.push({ kind: "uplink", a: { device: "sw1", interface: "p5" }, b: { device: "r1", interface: "v20" } }, { kind: "uplink", a: { device: "sw2", interface: "p5" }, b: { device: "r2", interface: "v20" } });
  return d;
}

function loaded(doc: any): Inventory {
  const r = validate(doc);
  expect(r.diagnostics.filter((x) => x.severity === "error"), JSON.stringify(r.diagnostics)).toEqual([]);
  return r.inventory!;
}

const objectsOf = (inv: Inventory, name: string) => renderDevice(deriveIntent(inv).get(name)!).objects;

describe("VRRP on frr (keepalived)", () => {
  it("two FRR routers as one VLAN's VRRP gateways are valid: the ports without a mode face access ports, and carry the VLAN", () => {
    expect(codes(validate(vrrpDoc()))).toEqual(["W_DR_SINGLE_PATH"]);
  });
  it("a port without a mode facing an access port of a VLAN the router does not serve is still a mode mismatch", () => {
    const d = vrrpDoc();
    d.vlans[1].gateways = [{ device: "r1", address: "10.0.20.2" }];
    delete d.vlans[1].gateway;
    expect(codes(validate(d))).toContain("E_LINK_MODE");
  });
  it("renders the address for vtysh and the group for keepalived; removes both", () => {
    const gw = objectsOf(loaded(vrrpDoc()), "r2").find((o) => o.key === "gateway:20")!;
    expect(gw.apply).toEqual(["interface v20", " ip address 10.0.20.3/24", "exit", "keepalived: vrrp 20 interface v20 address 10.0.20.1/24 priority 90"]);
    expect(gw.remove).toEqual(["keepalived: no vrrp 20", "interface v20", " no ip address 10.0.20.3/24", "exit"]);
    expect(gw.readBack).toBe("vtysh -c 'show running-config'; citydc-vrrp show");
    expect(gw.fields).toEqual({ vlan: 20, interface: "v20", address: "10.0.20.3/24", vrid: 20, virtual: "10.0.20.1", priority: 90 });
    // the first gateway gets the vendors' default of the first, 110
    expect(objectsOf(loaded(vrrpDoc()), "r1").find((o) => o.key === "gateway:20")!.apply[3]).toBe("keepalived: vrrp 20 interface v20 address 10.0.20.1/24 priority 110");
  });
  it("the session script: vtysh checks and applies its lines, keepalived's go to citydc-vrrp after, quoted", () => {
    const [script] = PLATFORMS.frr.wrap!(["interface v20", " ip address 10.0.20.3/24", "exit", "keepalived: vrrp 20 interface v20 address 10.0.20.1/24 priority 90"]);
    expect(script).toBe(
      `f=$(mktemp) && n=$(mktemp) && printf '%s\\n' 'interface v20' ' ip address 10.0.20.3/24' 'exit' > "$f" && vtysh -C -f "$f" && vtysh -f "$f" && vtysh -c 'write memory' && citydc-vrrp 'vrrp 20 interface v20 address 10.0.20.1/24 priority 90'; rc=$?; rm -f "$f" "$n"; exit $rc`,
    );
    expect(PLATFORMS.frr.wrap!(["keepalived: no vrrp 20"])).toEqual(["citydc-vrrp 'no vrrp 20'"]);
  });
  it("the full configuration (what vtysh shows) has no keepalived line", () => {
    const inv = loaded(vrrpDoc());
    const text = renderDevice(deriveIntent(inv).get("r2")!).config;
    expect(text).toContain(" ip address 10.0.20.3/24");
    expect(text).not.toContain("keepalived");
  });
  it("read-back: the group from `citydc-vrrp show`; a missing or changed group is seen", () => {
    const gw = objectsOf(loaded(vrrpDoc()), "r2").find((o) => o.key === "gateway:20")!;
    const running = "interface v20\n description x\n ip address 10.0.20.3/24\nexit\n!\n";
    expect(parseFrrReadBack(gw, `${running}vrrp 20 interface v20 address 10.0.20.1/24 priority 90\n`)).toEqual({ present: true, fields: gw.fields });
    expect(parseFrrReadBack(gw, `${running}vrrp 20 interface v20 address 10.0.20.1/24 priority 120\n`)).toEqual({ present: true, fields: { ...gw.fields, priority: 120 } });
    expect(parseFrrReadBack(gw, running)).toEqual({ present: true, fields: { vlan: 20, interface: "v20", address: "10.0.20.3/24" } });
    // the port that faces the VLAN reads back without the gateway's address
    const port = objectsOf(loaded(vrrpDoc()), "r2").find((o) => o.key === "port:v20")!;
    expect(parseFrrReadBack(port, running)).toEqual({ present: true, fields: { name: "v20", mode: "routed", enabled: true, description: "x" } });
  });
  it("a new group id takes the old keepalived group away first; a new priority is sent again", () => {
    const before = loaded(vrrpDoc());
    const d = vrrpDoc();
    d.vlans[1].vrid = 7;
    const after = loaded(d);
    const cs = changeSet(PLATFORMS.frr, objectsOf(before, "r2"), objectsOf(after, "r2"));
    expect(cs.changes.map((c) => [c.key, c.action])).toEqual([["gateway:20", "change"]]);
    expect(cs.changes[0]!.commands).toEqual(["keepalived: no vrrp 20", "interface v20", " ip address 10.0.20.3/24", "exit", "keepalived: vrrp 7 interface v20 address 10.0.20.1/24 priority 90"]);
    const p = vrrpDoc();
    p.vlans[1].gateways[1].priority = 95;
    const cp = changeSet(PLATFORMS.frr, objectsOf(before, "r2"), objectsOf(loaded(p), "r2"));
    expect(cp.changes[0]!.commands).toEqual(["interface v20", " ip address 10.0.20.3/24", "exit", "keepalived: vrrp 20 interface v20 address 10.0.20.1/24 priority 95"]);
  });
});
