/**
 * Spanning tree and multi-chassis LAG pairs on every platform that has them, from the fabric fixture
 * (two spines as a pair, a leaf dual-homed to both with one LAG). Syntax per platform, named in each
 * platform file: Huawei CloudEngine 6800 V300R023C00 Command Reference (STP/RSTP/MSTP, M-LAG) and the
 * V200R019C10 Configuration Guide "Configuring a DFS Group"; Cisco Nexus 9000 NX-OS Layer 2 Switching
 * Configuration Guide (STP, STP extensions) and Interfaces Configuration Guide ("Configuring vPCs");
 * Arista EOS User Manual (Spanning Tree, MLAG); Junos OS Layer 2 Bridging and Spanning-Tree and
 * Multichassis Link Aggregation User Guides; ovs-vswitchd.conf.db(5) (RSTP).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RenderedDevice } from "../../../pipeline/index";
import type { Inventory, PlatformName } from "../../../model/types";
import { renderInventory } from "../../../pipeline/index";
import { PLATFORMS } from "../../../platforms";
import { deriveIntent } from "../../../intent";
import type { DeviceIntent } from "../../../intent/types";
import { fabric, NAMES } from "./fabric";

/** A device's display of an object: its lines without mode navigation; Junos lists `[ a b ]` one per line. */
function shown(lines: readonly string[]): string {
  return lines
    .filter((l) => !/^\s*(exit|quit)$/.test(l))
    .flatMap((l) => {
      const m = /^(.*) \[ (.+) \]$/.exec(l);
      return m ? m[2]!.split(" ").map((x) => `${m[1]} ${x}`) : [l];
    })
    .join("\n");
}

describe("spanning-tree roles derived from what each port faces", () => {
  let intents: Map<string, DeviceIntent>;
  let leaf: DeviceIntent;
  let spine: DeviceIntent;
  beforeEach(() => {
    intents = deriveIntent(fabric("cisco-nxos"));
    leaf = intents.get("leaf1")!;
    spine = intents.get("spine1")!;
  });
  it("leaf: loop guard on the uplink, edge ports towards the host and the hypervisor", () => {
    expect(leaf.lags[0]!.port.stp).toEqual({ guard: "loop" });
    expect(leaf.ports.find((p) => p.name === "Ethernet1/1")!.stp).toEqual({ edge: true });
    expect(leaf.ports.find((p) => p.name === "Ethernet1/2")!.stp).toEqual({ edge: true });
    expect(leaf.stp).toMatchObject({ mode: "mstp", region: "dc1-fabric", revision: 1, bpduProtection: true, instances: [{ id: 1, vlans: [120, 130] }] });
    expect(leaf.stp!.priority).toBeUndefined();
  });
  it("spines: root guard on the downlink, none on the peer link; the pair shares the root priority", () => {
    expect(spine.lags.find((l) => l.name === "port-channel11")!.port.stp).toEqual({ guard: "root" });
    expect(spine.lags.find((l) => l.name === "port-channel1")!.port.stp).toBeUndefined();
    expect(spine.stp!.priority).toBe(4096);
    expect(intents.get("spine2")!.stp!.priority).toBe(4096);
  });
  it("no spanning tree at a site that sets none (and none on routers)", () => {
    const inv = fabric("cisco-nxos");
    const plain: Inventory = { ...inv, sites: inv.sites.map(({ stp: _s, ...x }) => x) };
    const i = deriveIntent(plain);
    expect(i.get("leaf1")!.stp).toBeUndefined();
    expect(i.get("leaf1")!.ports.every((p) => p.stp === undefined)).toBe(true);
    expect(i.get("wan1")!.stp).toBeUndefined();
  });
  it("the multi-chassis pair: roles, keepalive, the dual-homed LAG's id", () => {
    expect(spine.mlag).toEqual({ name: "spines", domain: 10, peer: "spine2", role: "primary", peerLink: "port-channel1", localAddress: "192.0.2.1", peerAddress: "192.0.2.2", peerVlan: 4094, lags: [{ name: "port-channel11", id: 11 }] });
    expect(intents.get("spine2")!.mlag!.role).toBe("secondary");
    expect(spine.lags.find((l) => l.name === "port-channel1")!.peerLink).toBe(true);
    expect(leaf.mlag).toBeUndefined();
    expect(leaf.lags[0]!.members).toEqual(["Ethernet1/49", "Ethernet1/50"]);
    expect(leaf.lags[0]!.port.description).toBe("to spine1 and spine2 port-channel11");
  });
});

const LINES: Record<string, { stp: string[]; mlag: string[]; half: string[]; peer: string[]; edge: string }> = {
  "huawei-vrp": { stp: ["stp mode rstp", "stp priority 4096", "stp v-stp enable"], mlag: ["dfs-group 10", " priority 150", " source ip 192.0.2.1 peer 192.0.2.2"], half: [" dfs-group 10 m-lag 11", " stp root-protection"], peer: [" peer-link 1"], edge: " stp edged-port enable" },
  "cisco-nxos": { stp: ["spanning-tree mode mst", "  instance 1 vlan 120,130", "spanning-tree mst 0-1 priority 4096"], mlag: ["vpc domain 10", "  role priority 100", "  peer-keepalive destination 192.0.2.2 source 192.0.2.1"], half: ["  vpc 11", "  spanning-tree guard root"], peer: ["  vpc peer-link", "  spanning-tree port type network"], edge: "  spanning-tree port type edge" },
  "arista-eos": { stp: ["spanning-tree mode mstp", "   instance 1 vlan 120,130", "spanning-tree mst 0 priority 4096", "spanning-tree mst 1 priority 4096"], mlag: ["mlag configuration", "   peer-address 10.255.255.1", "   peer-link Port-Channel1", "   ip address 10.255.255.0/31"], half: ["   mlag 11", "   spanning-tree guard root"], peer: ["   switchport trunk group MLAG", "   switchport trunk allowed vlan 120,130,4094"], edge: "   spanning-tree portfast" },
  junos: {
    stp: ["set protocols mstp configuration-name dc1-fabric", "set protocols mstp bridge-priority 4k", "set protocols mstp msti 1 vlan 120", "set protocols mstp interface ae11 no-root-port"],
    mlag: ["set protocols iccp local-ip-addr 192.0.2.1", "set multi-chassis multi-chassis-protection 192.0.2.2 interface ae1"],
    half: ["set interfaces ae11 aggregated-ether-options mc-ae mc-ae-id 11", "set interfaces ae11 aggregated-ether-options mc-ae chassis-id 0", "set interfaces ae11 aggregated-ether-options lacp system-id 02:00:0a:00:00:0b"],
    peer: [],
    edge: "set protocols mstp interface xe-0/0/1 edge",
  },
};

for (const platform of Object.keys(NAMES) as PlatformName[]) {
  describe(`spanning tree and the pair on ${platform}`, () => {
    let devs: RenderedDevice[];
    let spine: RenderedDevice;
    let leaf: RenderedDevice;
    beforeEach(() => {
      devs = renderInventory(fabric(platform));
      spine = devs.find((d) => d.device === "spine1")!;
      leaf = devs.find((d) => d.device === "leaf1")!;
    });
    const L = NAMES[platform]!.lag;
    const x = LINES[platform]!;
    const obj = (d: typeof spine, key: string) => d.objects.find((o) => o.key === key)!;

    it("renders the bridge, the pair, the halves and the edge ports", () => {
      expect(obj(spine, "stp").apply).toEqual(expect.arrayContaining(x.stp));
      expect(obj(spine, "mlag").apply).toEqual(expect.arrayContaining(x.mlag));
      expect(obj(spine, `lag:${L(11)}`).apply).toEqual(expect.arrayContaining(x.half));
      expect(obj(spine, `lag:${L(1)}`).apply).toEqual(expect.arrayContaining(x.peer));
      const edgeIn = platform === "junos" ? obj(leaf, "stp") : obj(leaf, `port:${NAMES[platform]!.i[4]}`);
      expect(edgeIn.apply).toContain(x.edge);
    });

    it("the objects come in apply order: spanning tree and the pair before the LAGs that name them", () => {
      const kinds = spine.objects.map((o) => o.kind);
      expect(kinds.indexOf("stp")).toBeLessThan(kinds.indexOf("mlag"));
      expect(kinds.indexOf("mlag")).toBeLessThan(kinds.indexOf("lag"));
    });

    it("a device that shows the lines reads back in sync; a missing line is drift", () => {
      for (const key of ["stp", "mlag", `lag:${L(11)}`]) {
        const o = obj(spine, key);
        expect(PLATFORMS[platform].parseReadBack(o, shown(o.apply)), key).toEqual({ present: true, fields: o.fields });
        const cut = shown(o.apply).split("\n");
        cut.splice(Math.floor(cut.length / 2), 1);
        expect(PLATFORMS[platform].parseReadBack(o, cut.join("\n")).fields, key).toHaveProperty("missing");
      }
    });
  });
}

describe("huawei-vrp MSTP (a site without an M-LAG pair)", () => {
  it("region, instances ten VLAN items a line, a priority per instance", () => {
    const i = {
      device: "d",
      site: "s",
      platform: "huawei-vrp",
      role: "spine",
      vlans: [],
      ports: [],
      lags: [],
      gateways: [],
      routes: [],
      vrfs: [],
      management: {},
      stp: { mode: "mstp", priority: 4096, region: "kg", revision: 2, instances: [{ id: 1, vlans: Array.from({ length: 12 }, (_, k) => 100 + 2 * k) }], bpduProtection: false, vlans: [], edge: [], loopGuard: [], rootGuard: [], mlag: false },
    } as unknown as DeviceIntent;
    const o = PLATFORMS["huawei-vrp"].objects(i).find((x) => x.kind === "stp")!;
    expect(o.apply).toEqual([
      "stp mode mstp",
      "stp region-configuration",
      " region-name kg",
      " revision-level 2",
      " instance 1 vlan 100 102 104 106 108 110 112 114 116 118",
      " instance 1 vlan 120 122",
      "quit",
      "stp instance 0 priority 4096",
      "stp instance 1 priority 4096",
    ]);
    // `stp mode mstp` is the default (not displayed); the CIST priority may be shown without its instance
    const display = o.apply.filter((l) => l !== "stp mode mstp" && l !== "quit").map((l) => l.replace("stp instance 0 priority", "stp priority"));
    expect(PLATFORMS["huawei-vrp"].parseReadBack(o, display.join("\n")).fields).toEqual(o.fields);
  });
});

describe("ovs RSTP", () => {
  it("RSTP on the bridge, edge ports marked; bonds take no part", () => {
    const inv = fabric("huawei-vrp");
    const lab: Inventory = {
      ...inv,
      sites: [{ name: "dc1", role: "primary", stp: { mode: "rstp", revision: 0, instances: [] } }],
      devices: [
        { name: "s1", site: "dc1", height: 1, role: "spine", platform: "ovs", management: { address: "127.0.0.1", port: 2201, user: "c" }, routes: [], interfaces: [{ name: "p1", enabled: true, mode: "access", vlan: 10 }, { name: "p2", enabled: true, lag: "bond0" }, { name: "p3", enabled: true, lag: "bond0" }], lags: [{ name: "bond0", lacp: "active", mode: "trunk", allowed: [10] }] },
      ],
      links: [],
      hosts: [],
      mlag: [],
      vlans: [inv.vlans[0]!],
    };
    const objs = renderInventory(lab)[0]!.objects;
    expect(objs.find((o) => o.kind === "stp")!.apply).toEqual(["set bridge br0 rstp_enable=true other_config:rstp-priority=4096"]);
    expect(objs.find((o) => o.key === "port:p1")!.apply).toContain("set port p1 vlan_mode=access tag=10 other_config:rstp-port-admin-edge=true external_ids:citydc=managed");
    expect(objs.find((o) => o.key === "lag:bond0")!.apply.join(" ")).not.toContain("rstp");
    const stp = objs.find((o) => o.kind === "stp")!;
    const out = JSON.stringify({ headings: ["rstp_enable", "other_config"], data: [[true, ["map", [["rstp-priority", "4096"]]]]] });
    expect(PLATFORMS.ovs.parseReadBack(stp, out)).toEqual({ present: true, fields: stp.fields });
    expect(PLATFORMS.ovs.parseReadBack(stp, out.replace("true", "false")).present).toBe(false);
  });
});
