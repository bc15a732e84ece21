/**
 * Read-back parsers on recorded device output.
 *  - ovs: recorded on this machine (Open vSwitch 3.1 ovs-vsctl, --format=json) after applying the lab
 *    spine's rendered script to a real ovsdb-server (fixtures/ovs);
 *  - frr: recorded on this machine (FRR 8.4.4 vtysh `show running-config`) after applying the lab border
 *    router's rendered script, and again after a rendered change set (fixtures/frr);
 *  - huawei-vrp, cisco-nxos, arista-eos, junos: written in the shape their documentation shows for
 *    `display current-configuration interface` (CloudEngine 8800/6800 Command Reference), `show
 *    running-config interface` / `show running-config bgp` (Cisco Nexus 9000 NX-OS Fundamentals and
 *    Command Reference), `show running-config interfaces` (Arista EOS User Manual) and
 *    `show configuration ... | display set` (Junos OS CLI User Guide).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { beforeEach, describe, expect, it } from "vitest";
import type { RenderedDevice } from "../../../pipeline/index";
import { loadInventory } from "../../../model/load";
import { PLATFORMS } from "../../../platforms";
import { renderInventory } from "../../../pipeline/index";
import type { ConfigObject } from "../../../platforms/types";
import { fabric } from "./fabric";

const ROOT = join(__dirname, "..", "..", "..");
const fixture = (p: string): string => readFileSync(join(__dirname, "fixtures", p), "utf8");
const rendered = (inv: string) => renderInventory(loadInventory(join(ROOT, "inventory", `${inv}.yaml`)).inventory!);
// Rendered before each test, not while the tests are collected (mutation testing, TESTING.md).
let lab: RenderedDevice[];
let city: RenderedDevice[];
beforeEach(() => {
  lab = rendered("lab");
  city = rendered("kragujevac");
});
const objectOf = (devs: readonly RenderedDevice[], device: string, key: string): ConfigObject => devs.find((d) => d.device === device)!.objects.find((o) => o.key === key)!;

describe("ovs read-back (recorded ovs-vsctl JSON)", () => {
  const outputs = JSON.parse(fixture("ovs/lab-dc1-spine1-readback.json")) as Record<string, string>;
  let spine: RenderedDevice;
  beforeEach(() => {
    spine = lab.find((d) => d.device === "lab-dc1-spine1")!;
  });

  it("every object of the lab spine reads back present with the same facts", () => {
    for (const o of spine.objects) {
      const r = PLATFORMS.ovs.parseReadBack(o, outputs[o.key]!);
      expect(r.present, o.key).toBe(true);
      expect(r.fields, o.key).toEqual(o.fields);
    }
  });

  it("a bond's members come from the interface table; a VLAN is a bridge external_id", () => {
    expect(PLATFORMS.ovs.parseReadBack(objectOf(lab, "lab-dc1-spine1", "lag:bond0"), outputs["lag:bond0"]!).fields).toMatchObject({ members: ["p1", "p2"], lacp: "active" });
    const v = objectOf(lab, "lab-dc1-spine1", "vlan:120");
    expect(PLATFORMS.ovs.parseReadBack({ ...v, fields: { id: 999, name: "x" } }, outputs["vlan:120"]!).present).toBe(false);
  });

  it("a port changed by hand reads back with the facts found (drift)", () => {
    const p5 = objectOf(lab, "lab-dc1-spine1", "port:p5");
    const r = PLATFORMS.ovs.parseReadBack(p5, fixture("ovs/list-port-p1.json"));
    expect(r).toEqual({ present: true, fields: { name: "p1", mode: "access", vlan: 120 } });
    const single = PLATFORMS.ovs.parseReadBack(p5, fixture("ovs/list-port-p7.json"));
    expect(single.fields).toEqual({ name: "p7", mode: "trunk", allowed: [120] });
    const native = PLATFORMS.ovs.parseReadBack(p5, fixture("ovs/list-port-p4.json"));
    expect(native.fields).toEqual({ name: "p4", mode: "trunk", allowed: [10, 120], native: 10 });
  });

  it("a missing port is absent", () => {
    expect(PLATFORMS.ovs.parseReadBack(objectOf(lab, "lab-dc1-spine1", "port:p5"), fixture("ovs/list-port-missing.txt")).present).toBe(false);
  });
});

describe("frr read-back (recorded vtysh show running-config)", () => {
  let border: RenderedDevice;
  beforeEach(() => {
    border = lab.find((d) => d.device === "lab-dc1-border1")!;
  });
  const out = fixture("frr/show-running-config.txt");

  it("every object of the lab border router reads back present with the same facts", () => {
    for (const o of border.objects) {
      const r = PLATFORMS.frr.parseReadBack(o, out);
      expect(r.present, o.key).toBe(true);
      expect(r.fields, o.key).toEqual(o.fields);
    }
  });

  it("after the change set: the new address and the BGP section without the removed network", () => {
    const after = fixture("frr/show-running-config-after-change.txt");
    const eth2 = PLATFORMS.frr.parseReadBack(objectOf(lab, "lab-dc1-border1", "port:eth2"), after);
    expect(eth2.fields).toMatchObject({ address: "10.30.131.1/24" });
    const bgp = PLATFORMS.frr.parseReadBack(objectOf(lab, "lab-dc1-border1", "bgp"), after);
    expect(bgp.fields).toEqual({ asn: 65101, routerId: "10.255.0.1", neighbors: ["10.255.1.1 65102"], networks: ["10.255.0.1/32"] });
    const route: ConfigObject = { ...objectOf(lab, "lab-dc1-border1", "port:eth1"), kind: "route", key: "route:default:10.104.0.0/24:10.255.1.1", apply: ["ip route 10.104.0.0/24 10.255.1.1"], fields: { prefix: "10.104.0.0/24", nextHop: "10.255.1.1" } };
    expect(PLATFORMS.frr.parseReadBack(route, after).present).toBe(true);
    expect(PLATFORMS.frr.parseReadBack(route, out).present).toBe(false);
  });
});

describe("vendor read-back (configuration text)", () => {
  it("huawei-vrp: an Eth-Trunk and a VLANIF with VRRP, displayed in the device's order", () => {
    const lag = objectOf(city, "kg-dc1-spine1", "lag:Eth-Trunk11");
    expect(PLATFORMS["huawei-vrp"].parseReadBack(lag, fixture("huawei-vrp/display-interface-Eth-Trunk11.txt"))).toEqual({ present: true, fields: lag.fields });
    const gw = objectOf(city, "kg-dc1-spine1", "gateway:120");
    expect(PLATFORMS["huawei-vrp"].parseReadBack(gw, fixture("huawei-vrp/display-interface-Vlanif120.txt"))).toEqual({ present: true, fields: gw.fields });
  });

  it("huawei-vrp: a VLAN taken off the trunk by hand shows as drift, a missing interface as absent", () => {
    const lag = objectOf(city, "kg-dc1-spine1", "lag:Eth-Trunk11");
    const r = PLATFORMS["huawei-vrp"].parseReadBack(lag, fixture("huawei-vrp/display-interface-Eth-Trunk11-drift.txt"));
    expect(r.present).toBe(true);
    expect(r.fields).toMatchObject({ missing: ["port trunk allow-pass vlan 100 120"] });
    expect(PLATFORMS["huawei-vrp"].parseReadBack(lag, fixture("huawei-vrp/display-interface-missing.txt")).present).toBe(false);
  });

  it("cisco-nxos: a routed interface and the BGP section", () => {
    const port = objectOf(city, "kg-jkp-wan1", "port:Ethernet1/1");
    expect(PLATFORMS["cisco-nxos"].parseReadBack(port, fixture("cisco-nxos/show-running-config-interface-Ethernet1-1.txt"))).toEqual({ present: true, fields: port.fields });
    const bgp = objectOf(city, "kg-jkp-wan1", "bgp");
    expect(PLATFORMS["cisco-nxos"].parseReadBack(bgp, fixture("cisco-nxos/show-running-config-bgp.txt"))).toEqual({ present: true, fields: bgp.fields });
  });

  it("arista-eos and junos: a routed interface", () => {
    const eos = objectOf(city, "kg-registry-wan1", "port:Ethernet1");
    expect(PLATFORMS["arista-eos"].parseReadBack(eos, fixture("arista-eos/show-running-config-interfaces-Ethernet1.txt"))).toEqual({ present: true, fields: eos.fields });
    const jun = objectOf(city, "kg-cityhall-wan1", "port:xe-0/1/0");
    expect(PLATFORMS.junos.parseReadBack(jun, fixture("junos/show-configuration-interfaces-xe-0-1-0.txt"))).toEqual({ present: true, fields: jun.fields });
    expect(PLATFORMS.junos.parseReadBack(jun, "")).toEqual({ present: false });
  });
});

describe("what devices do not display", () => {
  const objectIn = (platform: "cisco-nxos" | "arista-eos" | "junos", device: string, key: string): ConfigObject =>
    renderInventory(fabric(platform)).find((d) => d.device === device)!.objects.find((o) => o.key === key)!;

  it("NX-OS and EOS hide the default `switchport mode access`", () => {
    const nx = objectIn("cisco-nxos", "leaf1", "port:Ethernet1/1");
    const nxOut = ["interface Ethernet1/1", "  description host mcu1", "  switchport", "  switchport access vlan 120", "  spanning-tree port type edge", ""].join("\n");
    expect(PLATFORMS["cisco-nxos"].parseReadBack(nx, nxOut)).toEqual({ present: true, fields: nx.fields });
    const eos = objectIn("arista-eos", "leaf1", "port:Ethernet1");
    const eosOut = ["interface Ethernet1", "   description host mcu1", "   switchport access vlan 120", "   spanning-tree portfast", ""].join("\n");
    expect(PLATFORMS["arista-eos"].parseReadBack(eos, eosOut)).toEqual({ present: true, fields: eos.fields });
    // a port moved to another VLAN by hand is still drift
    expect(PLATFORMS["arista-eos"].parseReadBack(eos, eosOut.replace("vlan 120", "vlan 130")).fields).toMatchObject({ missing: ["switchport access vlan 120"] });
  });

  it("Junos `display set` lists each VLAN member of `[ a b ]` on its own line", () => {
    const ae = objectIn("junos", "leaf1", "lag:ae1");
    const out = ae.apply.flatMap((l) => {
      const m = /^(.*) \[ (.+) \]$/.exec(l);
      return m ? m[2]!.split(" ").map((x) => `${m[1]} ${x}`) : [l];
    });
    expect(out.length).toBeGreaterThan(ae.apply.length);
    expect(PLATFORMS.junos.parseReadBack(ae, out.join("\n"))).toEqual({ present: true, fields: ae.fields });
    expect(PLATFORMS.junos.parseReadBack(ae, out.slice(0, -1).join("\n")).fields).toHaveProperty("missing");
  });
});
