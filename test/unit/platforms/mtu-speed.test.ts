/**
 * MTU and speed reach the devices, the config objects' fields (so plan, diff --impact and drift see
 * them) and the read-back. Syntax per platform:
 *  - huawei-vrp: `mtu` in layer 3 interface views (46..9600), `jumboframe enable` in layer 2 and Eth-Trunk
 *    views (default 9216), `speed 1000` on a 10GE port, `speed 40000` on a 100GE one (Huawei CloudEngine
 *    6800 V300R023C00 Command Reference, Interface Management);
 *  - cisco-nxos: `mtu` on routed ports, 9216 (the system jumbo MTU) on switch ports, `speed` in Mbit/s
 *    (Cisco Nexus 9000 NX-OS Interfaces Configuration Guide);
 *  - arista-eos: `mtu`, `speed forced 10000full` (Arista EOS User Manual, Ethernet ports);
 *  - junos: the media `mtu` includes the Ethernet header (+14, +18 on a trunk), `speed` only where the
 *    name does not fix it (Junos OS Interfaces Fundamentals);
 *  - ovs: `mtu_request` on each Interface row (ovs-vswitchd.conf.db(5)).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RenderedDevice } from "../../../pipeline/index";
import type { Inventory, PlatformName } from "../../../model/types";
import { inventoryChangeSets, renderInventory } from "../../../pipeline/index";
import { PLATFORMS } from "../../../platforms";
import { fabric, NAMES } from "./fabric";

/** The fabric with a jumbo MTU on the leaf1 <-> spine1 LAG (both ends) and on the spine's WAN port. */
function jumbo(platform: PlatformName): Inventory {
  const inv = fabric(platform);
  const L = NAMES[platform]!.lag;
  const wan = NAMES[platform]!.i[7]!;
  return {
    ...inv,
    devices: inv.devices.map((d) => {
      if (d.name === "leaf1") return { ...d, lags: d.lags.map((l) => (l.name === L(1) ? { ...l, mtu: 9000 } : l)) };
      if (d.name === "spine1")
        return { ...d, lags: d.lags.map((l) => (l.name === L(11) ? { ...l, mtu: 9000 } : l)), interfaces: d.interfaces.map((i) => (i.name === wan ? { ...i, mtu: 9000 } : i)) };
      return d;
    }),
  };
}

const LAG_LINE: Record<string, string> = {
  "huawei-vrp": " jumboframe enable 9022",
  "cisco-nxos": "  mtu 9216",
  "arista-eos": "   mtu 9000",
  junos: "set interfaces ae1 mtu 9018",
};
const WAN_LINE: Record<string, string> = {
  "huawei-vrp": " mtu 9000",
  "cisco-nxos": "  mtu 9000",
  "arista-eos": "   mtu 9000",
  junos: "set interfaces xe-0/0/47 mtu 9014",
};

for (const platform of Object.keys(NAMES) as PlatformName[]) {
  describe(`MTU on ${platform}`, () => {
    let before: Inventory;
    let after: Inventory;
    let leaf: RenderedDevice;
    let spine: RenderedDevice;
    beforeEach(() => {
      before = fabric(platform);
      after = jumbo(platform);
      leaf = renderInventory(after).find((d) => d.device === "leaf1")!;
      spine = renderInventory(after).find((d) => d.device === "spine1")!;
    });
    const L = NAMES[platform]!.lag;

    it("a jumbo LAG sets the switch-port frame size on the LAG, a routed port its MTU", () => {
      const lag = leaf.objects.find((o) => o.key === `lag:${L(1)}`)!;
      expect(lag.apply).toContain(LAG_LINE[platform]);
      expect(lag.fields.mtu).toBe(9000);
      // members take it from the LAG: no MTU line of their own
      const member = leaf.objects.find((o) => o.key === `port:${NAMES[platform]!.i[0]}`)!;
      expect(member.apply.some((l) => /mtu|jumboframe/.test(l))).toBe(false);
      expect(spine.objects.find((o) => o.key === `port:${NAMES[platform]!.i[7]}`)!.apply).toContain(WAN_LINE[platform]);
    });

    it("diff --impact: the change reaches both ends of the link", () => {
      const { sets } = inventoryChangeSets(before, after);
      expect(sets.map((s) => s.device).sort()).toEqual(["leaf1", "spine1"]);
      const lagChange = sets.find((s) => s.device === "leaf1")!.changes.find((c) => c.key === `lag:${L(1)}`)!;
      expect(lagChange.fields).toMatchObject({ mtu: { new: 9000 } });
    });

    it("taking the MTU away again undoes it (re-sending the lines would keep it)", () => {
      const undo: Record<string, string> = { "huawei-vrp": " undo jumboframe enable", "cisco-nxos": "  no mtu", "arista-eos": "   no mtu" };
      if (!undo[platform]) return; // junos replaces the whole interface
      const { sets } = inventoryChangeSets(after, before);
      const c = sets.find((x) => x.device === "leaf1")!.changes.find((x) => x.key === `lag:${L(1)}`)!;
      expect(c.commands).toContain(undo[platform]);
    });

    it("a device showing the lines reads back in sync; one without them drifts", () => {
      const lag = leaf.objects.find((o) => o.key === `lag:${L(1)}`)!;
      const p = PLATFORMS[platform];
      // as displayed: Junos `display set` lists each member of `[ a b ]` on its own line
      const shown = lag.apply.flatMap((l) => {
        const m = /^(.*) \[ (.+) \]$/.exec(l);
        return m ? m[2]!.split(" ").map((x) => `${m[1]} ${x}`) : [l];
      });
      expect(p.parseReadBack(lag, shown.join("\n")).fields).toEqual(lag.fields);
      expect(p.parseReadBack(lag, shown.filter((l) => l !== LAG_LINE[platform]).join("\n")).fields).toHaveProperty("missing");
    });
  });
}

describe("speed", () => {
  const at = (platform: PlatformName, name: string, speed: string) => {
    const inv = fabric(platform);
    const i = { ...inv, devices: inv.devices.map((d) => (d.name === "leaf1" ? { ...d, interfaces: [...d.interfaces, { name, enabled: true, mode: "access" as const, vlan: 120, speed }] } : d)) };
    return renderInventory(i).find((d) => d.device === "leaf1")!.objects.find((o) => o.key === `port:${name}`)!;
  };
  it("huawei-vrp: nothing at the name's own speed, `speed` below it", () => {
    expect(at("huawei-vrp", "10GE1/0/10", "10G").apply.some((l) => /speed/.test(l))).toBe(false);
    expect(at("huawei-vrp", "10GE1/0/10", "1G").apply).toContain(" speed 1000");
    expect(at("huawei-vrp", "100GE1/0/10", "40G").apply).toContain(" speed 40000");
    // a split lane (4*25GE) runs at what the split gives
    expect(at("huawei-vrp", "100GE1/0/10:1", "25G").apply.some((l) => /speed/.test(l))).toBe(false);
  });
  it("cisco-nxos and arista-eos: always, in their units", () => {
    expect(at("cisco-nxos", "Ethernet1/10", "25G").apply).toContain("  speed 25000");
    const eos = at("arista-eos", "Ethernet10", "100G");
    expect(eos.apply).toContain("   speed forced 100gfull");
    expect(at("arista-eos", "Ethernet11", "10G").apply).toContain("   speed forced 10000full");
    // a release that displays the newer form reads back in sync
    expect(PLATFORMS["arista-eos"].parseReadBack(eos, eos.apply.join("\n").replace("speed forced 100gfull", "speed 100g")).fields).toEqual(eos.fields);
  });
  it("junos: only where the name leaves it open", () => {
    expect(at("junos", "xe-0/0/10", "10G").apply.some((l) => /speed/.test(l))).toBe(false);
    expect(at("junos", "ge-0/0/10", "100M").apply).toContain("set interfaces ge-0/0/10 speed 100m");
    expect(at("junos", "mge-0/0/10", "2.5G").apply).toContain("set interfaces mge-0/0/10 speed 2.5g");
  });
  it("the speed is a field of the port (plan, diff and drift compare it)", () => {
    expect(at("cisco-nxos", "Ethernet1/10", "25G").fields.speed).toBe("25G");
  });
});

describe("ovs", () => {
  it("mtu_request on the port's Interface row, on each member of a bond; cleared when it goes", () => {
    const inv = fabric("huawei-vrp");
    const lab: Inventory = {
      ...inv,
      sites: inv.sites.map(({ stp: _stp, ...site }) => site),
      devices: [
        { name: "s1", site: "dc1", height: 1, role: "leaf", platform: "ovs", management: { address: "127.0.0.1", port: 2201, user: "c" }, routes: [], interfaces: [{ name: "p1", enabled: true, mode: "trunk", allowed: [10], mtu: 9000 }, { name: "p2", enabled: true, lag: "bond0" }, { name: "p3", enabled: true, lag: "bond0" }], lags: [{ name: "bond0", lacp: "active", mode: "trunk", allowed: [10], mtu: 9000 }] },
      ],
      links: [],
      hosts: [],
      vlans: [inv.vlans[0]!],
    };
    const objs = renderInventory(lab)[0]!.objects;
    expect(objs.find((o) => o.key === "port:p1")!.apply).toContain("set interface p1 mtu_request=9000");
    expect(objs.find((o) => o.key === "lag:bond0")!.apply).toEqual(expect.arrayContaining(["set interface p2 mtu_request=9000", "set interface p3 mtu_request=9000"]));
    const without = renderInventory({ ...lab, devices: [{ ...lab.devices[0]!, interfaces: lab.devices[0]!.interfaces.map((i) => ({ ...i, mtu: undefined })) }] })[0]!.objects;
    const change = PLATFORMS.ovs.change!(objs.find((o) => o.key === "port:p1")!, without.find((o) => o.key === "port:p1")!)!;
    expect(change).toContain("clear interface p1 mtu_request");
    // read-back from the recorded shape of `list port ... -- list interface p1`
    const p1 = objs.find((o) => o.key === "port:p1")!;
    const out = [
      JSON.stringify({ headings: ["name", "tag", "trunks", "vlan_mode", "external_ids"], data: [["p1", ["set", []], 10, "trunk", ["map", [["citydc", "managed"]]]]] }),
      JSON.stringify({ headings: ["_uuid", "name", "mtu_request"], data: [[["uuid", "u1"], "p1", 9000]] }),
    ].join("\n");
    expect(PLATFORMS.ovs.parseReadBack(p1, out).fields).toEqual(p1.fields);
    expect(PLATFORMS.ovs.parseReadBack(p1, out.replace("9000", '["set",[]]')).fields).not.toHaveProperty("mtu");
  });
});
