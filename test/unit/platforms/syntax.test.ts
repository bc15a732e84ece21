import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../../platforms";
import { junosMembers } from "../../../platforms/junos";
import { nxosFeatures } from "../../../platforms/cisco-nxos";
import type { DeviceIntent, PortIntent } from "../../../intent/types";
import { addressAndMask, dashRanges, maskLength, parseVlanList, vrpRanges } from "../../../platforms/util";
import { deviceIntent } from "../helpers/intent";

describe("VLAN lists the way each platform writes them", () => {
  const ids = [30, 10, 20, 21, 22, 23, 11, 4000];
  it("VRP: '10 to 11 20 to 23 30 4000'", () => expect(vrpRanges(ids)).toBe("10 to 11 20 to 23 30 4000"));
  it("NX-OS / EOS: '10-11,20-23,30,4000'", () => expect(dashRanges(ids)).toBe("10-11,20-23,30,4000"));
  it("parses both back", () => {
    expect(parseVlanList("10 to 11 20 to 23 30 4000")).toEqual([10, 11, 20, 21, 22, 23, 30, 4000]);
    expect(parseVlanList("10-11,20-23,30,4000")).toEqual([10, 11, 20, 21, 22, 23, 30, 4000]);
  });
  it("Junos: names for single VLANs, numeric ranges for runs of three or more", () => {
    const intent = { vlans: [10, 11, 20, 21, 22, 30].map((id) => ({ id, name: `v${id}` })) } as unknown as DeviceIntent;
    expect(junosMembers([10, 11, 20, 21, 22, 30], intent)).toBe("[ v10 v11 20-22 v30 ]");
    expect(junosMembers([30], intent)).toBe("v30");
  });
  it("masks", () => {
    expect(addressAndMask("10.30.0.0/15")).toEqual(["10.30.0.0", "255.254.0.0"]);
    expect(addressAndMask("10.0.0.0/31")).toEqual(["10.0.0.0", "255.255.255.254"]);
    expect(maskLength("255.255.252.0")).toBe(22);
  });
});

const base = (platform: DeviceIntent["platform"], ports: PortIntent[], more: Partial<DeviceIntent> = {}): DeviceIntent => deviceIntent(platform, { ports, ...more });
const lines = (i: DeviceIntent, key: string) => PLATFORMS[i.platform].objects(i).find((o) => o.key === key)!.apply;

describe("port syntax per platform", () => {
  const trunk: PortIntent = { name: "X", description: "to y", enabled: true, mode: "trunk", allowed: [10, 20, 21, 22], native: 10 };
  it("VRP trunk with native VLAN (VLAN 1, allowed on a CE trunk by default, taken off)", () => {
    expect(lines(base("huawei-vrp", [{ ...trunk, name: "10GE1/0/1" }]), "port:10GE1/0/1")).toEqual([
      "interface 10GE1/0/1",
      " description to y",
      " port link-type trunk",
      " undo port trunk allow-pass vlan 1",
      " port trunk pvid vlan 10",
      " port trunk allow-pass vlan 10 20 to 22",
      " undo shutdown",
      "quit",
    ]);
  });
  it("NX-OS trunk, and 'none' when pruned to nothing", () => {
    expect(lines(base("cisco-nxos", [{ ...trunk, name: "Ethernet1/1" }]), "port:Ethernet1/1")).toContain("  switchport trunk allowed vlan 10,20-22");
    expect(lines(base("cisco-nxos", [{ ...trunk, name: "Ethernet1/1", allowed: [], native: undefined }]), "port:Ethernet1/1")).toContain("  switchport trunk allowed vlan none");
  });
  it("EOS trunk", () => {
    expect(lines(base("arista-eos", [{ ...trunk, name: "Ethernet1" }]), "port:Ethernet1")).toEqual([
      "interface Ethernet1",
      "   description to y",
      "   switchport mode trunk",
      "   switchport trunk native vlan 10",
      "   switchport trunk allowed vlan 10,20-22",
      "   no shutdown",
      "exit",
    ]);
  });
  it("Junos trunk: members (the native VLAN among them, as ELS wants), native-vlan-id on the interface", () => {
    const i = base("junos", [{ ...trunk, name: "xe-0/0/1" }], { vlans: [10, 20, 21, 22].map((id) => ({ id, name: `v${id}` })) });
    expect(lines(i, "port:xe-0/0/1")).toEqual([
      'set interfaces xe-0/0/1 description "to y"',
      "set interfaces xe-0/0/1 unit 0 family ethernet-switching interface-mode trunk",
      "set interfaces xe-0/0/1 unit 0 family ethernet-switching vlan members [ v10 20-22 ]",
      "set interfaces xe-0/0/1 native-vlan-id 10",
    ]);
  });
  it("OVS: a trunk pruned to nothing carries VLAN 4095 only (an empty trunks column means all VLANs)", () => {
    expect(lines(base("ovs", [{ ...trunk, name: "p1", allowed: [], native: undefined }]), "port:p1")).toContain(
      "set port p1 vlan_mode=trunk trunks=4095 external_ids:citydc=managed",
    );
  });
  it("unused ports are shut down on vendor gear, absent on ovs and frr", () => {
    const unused: PortIntent = { name: "X", description: "unused", enabled: false, mode: "unused" };
    expect(lines(base("huawei-vrp", [{ ...unused, name: "10GE1/0/9" }]), "port:10GE1/0/9")).toContain(" shutdown");
    expect(lines(base("junos", [{ ...unused, name: "xe-0/0/9" }]), "port:xe-0/0/9")).toContain("set interfaces xe-0/0/9 disable");
    expect(PLATFORMS.ovs.objects(base("ovs", [{ ...unused, name: "p9" }]))).toEqual([]);
    expect(PLATFORMS.frr.objects(base("frr", [{ ...unused, name: "eth9" }]))).toEqual([]);
  });
  it("NX-OS asks for the features it uses", () => {
    const i = base("cisco-nxos", [], {
      lags: [{ name: "port-channel1", lacp: "active", members: [], port: { name: "port-channel1", description: "", enabled: true, mode: "trunk", allowed: [] } }],
      gateways: [{ vlan: 10, address: "10.0.0.2/24", vrrp: { vrid: 10, virtualAddress: "10.0.0.1", priority: 100 } }],
    });
    expect(nxosFeatures(i)).toEqual(["lacp", "interface-vlan", "vrrp"]);
    expect(lines(i, "system")).toEqual(["hostname d", "feature lacp", "feature interface-vlan", "feature vrrp"]);
  });
});
