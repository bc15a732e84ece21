/**
 * What each vendor's documentation requires of lines citydc used to get wrong, one case per fix:
 *  - huawei-vrp: a CE trunk passes VLAN 1 until `undo port trunk allow-pass vlan 1` ("By default, a trunk
 *    interface is added to VLAN 1"); `vlan batch` and `port trunk allow-pass vlan` take
 *    `{ vlan-id1 [ to vlan-id2 ] } &<1-10>` items per line on the V200 releases (&<1-40> for allow-pass
 *    on V300R023), so citydc writes at most ten; Eth-Trunk `mode { lacp-static | lacp-dynamic | manual
 *    load-balance }` has no passive LACP (Huawei CloudEngine 6800 V300R023C00 Command Reference: Ethernet
 *    Switching, VLAN and Eth-Trunk commands);
 *  - cisco-nxos: a port-channel member must be on the port-channel's layer (`switchport` / `no
 *    switchport`; Cisco Nexus 9000 NX-OS Interfaces Configuration Guide, port-channel compatibility
 *    requirements), joined with `channel-group N force mode M` (Nexus Layer 2 command reference);
 *    global `ip route` lines come before `vrf context` blocks, as the running configuration keeps them;
 *  - arista-eos: a VRF's route distinguisher under `router bgp` / `vrf V` / `rd` (Arista EOS User Manual,
 *    BGP VRF configuration; the way Arista AVD and netlab render it);
 *  - junos: an SRX in flow mode denies everything by default, so routed interfaces go into a zone with a
 *    permit policy (Junos OS Security Policies User Guide); the VLAN gateway read-back sees the
 *    `vlans ... l3-interface` and `routing-instances` lines;
 *  - VRRP priority 100 is the default on VRP, NX-OS and EOS and not displayed, so it is not written.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RenderedDevice } from "../../../pipeline/index";
import { PLATFORMS, changeSet } from "../../../platforms";
import { renderInventory } from "../../../pipeline/index";
import type { DeviceIntent, PortIntent } from "../../../intent/types";
import type { ConfigObject } from "../../../platforms/types";
import { foldVrp } from "../../../platforms/huawei-vrp";
import { foldNxos } from "../../../platforms/cisco-nxos";
import { device, iface, inventory } from "../helpers/inventory";
import { fabric } from "./fabric";
import { deviceIntent } from "../helpers/intent";

const base = (platform: DeviceIntent["platform"], more: Partial<DeviceIntent> = {}): DeviceIntent => deviceIntent(platform, more);
const objectOf = (i: DeviceIntent, key: string): ConfigObject => PLATFORMS[i.platform].objects(i).find((o) => o.key === key)!;
const many = Array.from({ length: 23 }, (_, k) => 100 + k * 2); // 23 single VLANs, no runs

describe("huawei-vrp", () => {
  const trunk = (allowed: number[]): PortIntent => ({ name: "10GE1/0/1", description: "", enabled: true, mode: "trunk", allowed });

  it("takes VLAN 1 off a trunk unless the trunk carries it", () => {
    expect(objectOf(base("huawei-vrp", { ports: [trunk([10])] }), "port:10GE1/0/1").apply).toContain(" undo port trunk allow-pass vlan 1");
    expect(objectOf(base("huawei-vrp", { ports: [trunk([1, 10])] }), "port:10GE1/0/1").apply).not.toContain(" undo port trunk allow-pass vlan 1");
    // pruned to nothing: VLAN 1 still goes, and no allow-pass line is left
    const empty = objectOf(base("huawei-vrp", { ports: [trunk([])] }), "port:10GE1/0/1").apply;
    expect(empty).toContain(" undo port trunk allow-pass vlan 1");
    expect(empty.some((l) => /^ port trunk allow-pass/.test(l))).toBe(false);
  });

  it("writes at most ten VLAN items per allow-pass and vlan batch line", () => {
    const i = base("huawei-vrp", { ports: [trunk([...many, 200, 201, 202])], vlans: [...many, 200, 201, 202].map((id) => ({ id, name: `v${id}` })) });
    const allow = objectOf(i, "port:10GE1/0/1").apply.filter((l) => l.startsWith(" port trunk allow-pass vlan "));
    expect(allow).toHaveLength(3);
    for (const l of allow) expect(l.replace(" port trunk allow-pass vlan ", "").replace(/ to /g, "-").split(" ").length).toBeLessThanOrEqual(10);
    expect(allow[2]).toBe(" port trunk allow-pass vlan 140 142 144 200 to 202");
    const cfg = PLATFORMS["huawei-vrp"].fullConfig(i, PLATFORMS["huawei-vrp"].objects(i));
    expect(cfg.split("\n").filter((l) => l.startsWith("vlan batch "))).toEqual([
      "vlan batch 100 102 104 106 108 110 112 114 116 118",
      "vlan batch 120 122 124 126 128 130 132 134 136 138",
      "vlan batch 140 142 144 200 to 202",
    ]);
  });

  it("reads a list back however the device cut it: the lines add up", () => {
    expect(foldVrp(["port link-type trunk", "port trunk allow-pass vlan 10 20", "port trunk allow-pass vlan 30 to 31"])).toEqual(["port link-type trunk", "port trunk allow-pass vlan 10 20 30 to 31"]);
    const i = base("huawei-vrp", { ports: [trunk(many)] });
    const o = objectOf(i, "port:10GE1/0/1");
    // the device packs 23 items as 10 + 10 + 3, citydc wrote the same; a display cut 12 + 11 reads the same
    const display = ["#", "interface 10GE1/0/1", " port link-type trunk", " undo port trunk allow-pass vlan 1", ` port trunk allow-pass vlan ${many.slice(0, 12).join(" ")}`, ` port trunk allow-pass vlan ${many.slice(12).join(" ")}`, "#"].join("\n");
    expect(PLATFORMS["huawei-vrp"].parseReadBack(o, display)).toEqual({ present: true, fields: o.fields });
    expect(PLATFORMS["huawei-vrp"].parseReadBack(o, display.replace(" 144", "")).fields).toHaveProperty("missing");
  });

  it("passive LACP is refused before rendering (CE has none); manual mode is the hidden default", async () => {
    const { parseInventory } = await import("../../../model/load");
    const yaml = await import("js-yaml");
    const inv = fabric("huawei-vrp");
    const doc = JSON.parse(JSON.stringify(inv));
    doc.devices[2].lags[0].lacp = "passive";
    const found = (d: unknown) => parseInventory(yaml.dump(d), "t.yaml").diagnostics.map((x) => `${x.code} ${x.path}`);
    expect(found(doc)).toContain("E_PLATFORM_FEATURE /devices/2/lags/0/lacp");
    expect(found(JSON.parse(JSON.stringify(inv)))).not.toContain("E_PLATFORM_FEATURE /devices/2/lags/0/lacp");
    const i = base("huawei-vrp", { lags: [{ name: "Eth-Trunk1", lacp: "static", members: [], port: { name: "Eth-Trunk1", description: "", enabled: true, mode: "trunk", allowed: [10] } }] });
    const o = objectOf(i, "lag:Eth-Trunk1");
    expect(o.apply).toContain(" mode manual load-balance");
    expect(PLATFORMS["huawei-vrp"].parseReadBack(o, o.apply.filter((l) => !/manual/.test(l)).join("\n"))).toEqual({ present: true, fields: o.fields });
  });
});

describe("huawei-vrp interface names", () => {
  it("split lanes (100GE1/0/1:1) and four-level CSS names (10GE1/1/0/1) are valid; others are not", async () => {
    const { CAPABILITIES } = await import("../../../model/capabilities");
    const ok = ["100GE1/0/1:1", "100GE1/0/1:4", "40GE1/0/2:1", "10GE1/1/0/1", "25GE2/0/1", "50GE1/0/3", "200GE1/0/1", "400GE1/0/1:2", "MEth0/0/0"];
    const bad = ["100GE1/0/1:", "100GE1/0/1:9", "10GE1/0", "10GE1/1/0/1/2", "XGE1/0/1"];
    for (const n of ok) expect(CAPABILITIES["huawei-vrp"].interfacePattern.test(n), n).toBe(true);
    for (const n of bad) expect(CAPABILITIES["huawei-vrp"].interfacePattern.test(n), n).toBe(false);
  });
  it("a split lane renders under its own name, in the 100GE view it keeps", () => {
    const i = base("huawei-vrp", { ports: [{ name: "100GE1/0/1:2", description: "", enabled: true, mode: "access", vlan: 10, speed: "25G" }] });
    expect(objectOf(i, "port:100GE1/0/1:2").apply.slice(0, 3)).toEqual(["interface 100GE1/0/1:2", " port link-type access", " port default vlan 10"]);
  });
});

describe("cisco-nxos", () => {
  let devs: RenderedDevice[];
  let leaf: RenderedDevice;
  let spine: RenderedDevice;
  beforeEach(() => {
    devs = renderInventory(fabric("cisco-nxos"));
    leaf = devs.find((d) => d.device === "leaf1")!;
    spine = devs.find((d) => d.device === "spine1")!;
  });

  it("a LAG member is put on the port-channel's layer before it joins", () => {
    const m = leaf.objects.find((o) => o.key === "port:Ethernet1/49")!;
    expect(m.apply).toEqual(["interface Ethernet1/49", "  description to spine1 Ethernet1/49", "  switchport", "  channel-group 1 force mode active", "  no shutdown", "exit"]);
    const i = base("cisco-nxos", {
      lags: [{ name: "port-channel5", lacp: "active", members: ["Ethernet1/5"], port: { name: "port-channel5", description: "", enabled: true, mode: "routed", address: "10.0.0.0/31" } }],
      ports: [{ name: "Ethernet1/5", description: "", enabled: true, mode: "routed", lag: "port-channel5" }],
    });
    expect(objectOf(i, "port:Ethernet1/5").apply).toContain("  no switchport");
  });

  it("reads a member back as the device displays it (inherited lines, no `force`)", () => {
    const m = leaf.objects.find((o) => o.key === "port:Ethernet1/49")!;
    const display = ["interface Ethernet1/49", "  description to spine1 Ethernet1/49", "  switchport", "  switchport mode trunk", "  switchport trunk allowed vlan 10,120,130", "  channel-group 1 mode active", "  no shutdown"].join("\n");
    expect(PLATFORMS["cisco-nxos"].parseReadBack(m, display)).toEqual({ present: true, fields: m.fields });
  });

  it("merges `switchport trunk allowed vlan add` continuation lines", () => {
    expect(foldNxos(["switchport trunk allowed vlan 10,20-21", "switchport trunk allowed vlan add 30,40"])).toEqual(["switchport trunk allowed vlan 10,20-21,30,40"]);
  });

  it("global static routes come before the VRF contexts", () => {
    const lines = spine.config.split("\n");
    expect(lines.indexOf("ip route 10.101.0.0/24 10.254.1.1")).toBeLessThan(lines.indexOf("vrf context city"));
    expect(lines.indexOf("ip route 10.101.0.0/24 10.254.1.1")).toBeGreaterThan(lines.indexOf("feature bgp"));
  });
});

describe("arista-eos", () => {
  it("puts the VRF's route distinguisher under router bgp", () => {
    const spine = renderInventory(fabric("arista-eos")).find((d) => d.device === "spine1")!;
    const bgp = spine.objects.find((o) => o.kind === "bgp")!;
    expect(bgp.apply.slice(-4)).toEqual(["   vrf city", "      rd 65001:100", "   exit", "exit"]);
    expect(spine.objects.find((o) => o.key === "vrf:city")!.fields).toEqual({ name: "city", rd: "65001:100" });
  });

  it("a device without BGP holds no RD: the vrf object says so, and the model warns", async () => {
    const spine2 = renderInventory(fabric("arista-eos")).find((d) => d.device === "spine2")!;
    expect(spine2.objects.find((o) => o.key === "vrf:city")!.fields).toEqual({ name: "city" });
    const { parseInventory } = await import("../../../model/load");
    const yaml = await import("js-yaml");
    const r = parseInventory(yaml.dump(JSON.parse(JSON.stringify(fabric("arista-eos")))), "t.yaml");
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}`)).toContain("W_VRF_RD_UNUSED /vrfs/0/rd");
  });

  it("a changed RD is removed before the new one is set; a VRF that leaves loses its section", () => {
    const i = (rd: string, vrfs = [{ name: "city", rd }]) => base("arista-eos", { vrfs, bgp: { asn: 65001, networks: [], neighbors: [] } });
    const o = objectOf(i("65001:100"), "bgp");
    const n = objectOf(i("65001:101"), "bgp");
    const cs = changeSet(PLATFORMS["arista-eos"], [o], [n]);
    expect(cs.changes[0]!.commands.slice(0, 5)).toEqual(["router bgp 65001", "   vrf city", "      no rd", "   exit", "exit"]);
    const gone = changeSet(PLATFORMS["arista-eos"], [o], [objectOf(i("x", []), "bgp")]);
    expect(gone.changes[0]!.commands.slice(0, 3)).toEqual(["router bgp 65001", "   no vrf city", "exit"]);
  });
});

describe("VRRP default priority (VRP, NX-OS, EOS)", () => {
  const gw = (priority: number) => ({ vlan: 120, address: "10.10.120.3/24", vrrp: { vrid: 120, virtualAddress: "10.10.120.1", priority } });
  for (const [platform, line, reset] of [
    ["huawei-vrp", " vrrp vrid 120 priority 110", " undo vrrp vrid 120 priority"],
    ["cisco-nxos", "    priority 110", "    no priority"],
    ["arista-eos", "   vrrp 120 priority-level 110", "   no vrrp 120 priority-level"],
  ] as const) {
    it(`${platform}: priority 100 is not written; going back to 100 resets it`, () => {
      const o = objectOf(base(platform, { gateways: [gw(110)] }), "gateway:120");
      const n = objectOf(base(platform, { gateways: [gw(100)] }), "gateway:120");
      expect(o.apply).toContain(line);
      expect(n.apply.some((l) => /priority/.test(l))).toBe(false);
      const cs = changeSet(PLATFORMS[platform], [o], [n]);
      expect(cs.changes[0]!.commands).toContain(reset);
      // a device showing no priority line is in sync with priority 100
      expect(PLATFORMS[platform].parseReadBack(n, n.apply.join("\n")).fields).toEqual(n.fields);
    });
  }
});

describe("junos", () => {
  const srx = inventory({
    sites: [{ name: "br1", role: "branch", asn: 65011 }],
    devices: [
      device("fw1", "br1", {
        platform: "junos",
        role: "wan",
        model: "SRX380",
        loopback: "10.254.0.14",
        management: { address: "10.254.0.14", port: 22, user: "netops", interface: "fxp0" },
        interfaces: [iface("xe-0/0/16", { mode: "routed", address: "10.254.1.7/31" }), iface("ge-0/0/1", { mode: "routed", address: "10.104.0.1/24" })],
        routes: [{ prefix: "0.0.0.0/0", nextHop: "10.254.1.6" }],
      }),
    ],
  });

  it("an SRX gets one zone with its routed interfaces and a policy that permits inside it", () => {
    const fw = renderInventory(srx)[0]!;
    const sec = fw.objects.find((o) => o.kind === "security")!;
    expect(sec.apply).toEqual([
      "set security zones security-zone citydc interfaces ge-0/0/1.0",
      "set security zones security-zone citydc interfaces xe-0/0/16.0",
      "set security zones security-zone citydc interfaces lo0.0",
      "set security zones security-zone citydc host-inbound-traffic system-services ping",
      "set security policies from-zone citydc to-zone citydc policy citydc-permit match source-address any",
      "set security policies from-zone citydc to-zone citydc policy citydc-permit match destination-address any",
      "set security policies from-zone citydc to-zone citydc policy citydc-permit match application any",
      "set security policies from-zone citydc to-zone citydc policy citydc-permit then permit",
    ]);
    // an MX (no flow mode) gets none
    const mx = { ...srx, devices: [{ ...srx.devices[0]!, model: "MX204" }] };
    expect(renderInventory(mx)[0]!.objects.some((o) => o.kind === "security")).toBe(false);
  });

  it("the VLAN gateway read-back matches every line of the gateway, wherever Junos keeps it", () => {
    const spine = renderInventory(fabric("junos")).find((d) => d.device === "spine1")!;
    const gw = spine.objects.find((o) => o.key === "gateway:120")!;
    expect(gw.readBack).toBe('show configuration | display set | match "interfaces irb unit 120 |irb.120$"');
    // what that command prints on the device: the irb unit, the VLAN's l3-interface, the instance's interface
    const display = [
      "set interfaces irb unit 120 family inet address 10.10.120.2/24 vrrp-group 120 virtual-address 10.10.120.1",
      "set interfaces irb unit 120 family inet address 10.10.120.2/24 vrrp-group 120 priority 110",
      "set vlans video l3-interface irb.120",
      "set routing-instances city interface irb.120",
    ].join("\n");
    expect(PLATFORMS.junos.parseReadBack(gw, display)).toEqual({ present: true, fields: gw.fields });
    expect(PLATFORMS.junos.parseReadBack(gw, display.split("\n").slice(0, 3).join("\n")).fields).toMatchObject({ missing: ["set routing-instances city interface irb.120"] });
  });
});
