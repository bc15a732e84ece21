/**
 * model/capabilities.ts against what each vendor documents, written out here: the interface and LAG names a
 * device gives (Huawei CloudEngine configuration guide, interface naming and `port split`; Cisco Nexus 9000
 * NX-OS interfaces configuration guide; Arista EOS user manual, Ethernet ports and port channels; Junos OS
 * interface naming overview), the VLANs each reserves, the MTU and speed settings, and what each platform
 * can do. The Linux limits of ovs and frr come from IFNAMSIZ (16 bytes with the NUL).
 */
import { describe, expect, it } from "vitest";
import { CAPABILITIES, PLATFORM_NAMES } from "../../../model/capabilities";
import type { PlatformName } from "../../../model/types";

const NAMES: Record<PlatformName, { readonly ports: string[]; readonly notPorts: string[]; readonly lags: string[]; readonly notLags: string[] }> = {
  ovs: {
    ports: ["p1", "eth1", "a", "a_b.c-d", "x".repeat(15), "Veth9"],
    notPorts: ["x".repeat(16), "1p", "p/1", "p 1", "", "-p"],
    lags: ["bond0", "bond12"],
    notLags: ["bond", "bondx", "xbond0", "bond0x", "Bond0"],
  },
  frr: {
    ports: ["eth1", "ens3", "x".repeat(15)],
    notPorts: ["x".repeat(16), "0eth", "eth 1"],
    lags: ["bond0"],
    notLags: ["bond", "team0"],
  },
  "huawei-vrp": {
    ports: ["GE1/0/1", "10GE1/0/1", "25GE1/0/48", "40GE1/0/1", "50GE1/0/2", "100GE1/0/1", "100GE1/0/1:1", "100GE1/0/1:8", "200GE1/0/1", "400GE1/0/1", "10GE1/1/0/1", "MEth0/0/0"],
    notPorts: ["10GE1/0", "10GE1/0/1/2/3", "100GE1/0/1:9", "100GE1/0/1:0", "XGE1/0/1", "GE1/0/1x", "MEth0/0", "10ge1/0/1", "800GE1/0/1", "x10GE1/0/1", "MEth0/0/0/0"],
    lags: ["Eth-Trunk1", "Eth-Trunk100"],
    notLags: ["Eth-Trunk", "eth-trunk1", "Eth-Trunk1.1", "xEth-Trunk1"],
  },
  "cisco-nxos": {
    ports: ["Ethernet1/1", "Ethernet1/49/4", "mgmt0"],
    notPorts: ["Ethernet1", "Ethernet1/1/1/1", "mgmt1", "ethernet1/1", "Eth1/1", "Ethernet1/1x", "xmgmt0"],
    lags: ["port-channel10", "port-channel1"],
    notLags: ["Port-Channel10", "port-channel", "port-channel1x", "xport-channel1"],
  },
  "arista-eos": {
    ports: ["Ethernet1", "Ethernet1/1", "Ethernet3/1/2", "Management1"],
    notPorts: ["Ethernet1/1/1/1", "Management", "ethernet1", "Et1", "Ethernet", "Management1/1", "xEthernet1"],
    lags: ["Port-Channel1", "Port-Channel2000"],
    notLags: ["port-channel1", "Port-Channel", "Port-Channel1x", "xPort-Channel1"],
  },
  junos: {
    ports: ["ge-0/0/0", "xe-1/2/3", "et-0/0/1", "mge-0/0/1", "em0", "fxp0", "me0"],
    notPorts: ["ge-0/0", "fe-0/0/0", "em", "ge-0/0/0.0", "ge-0/0/0/0", "xge-0/0/0", "fxp", "me0x", "xem0"],
    lags: ["ae0", "ae12"],
    notLags: ["ae", "ae0.0", "Ae0", "xae0"],
  },
};

describe("platform capabilities, as the vendors document them", () => {
  it("every platform is described here", () => {
    expect([...PLATFORM_NAMES].sort()).toEqual(Object.keys(NAMES).sort());
  });

  for (const p of Object.keys(NAMES) as PlatformName[]) {
    it(`${p}: the interface and LAG names the device gives, and no others`, () => {
      const caps = CAPABILITIES[p];
      const n = NAMES[p];
      expect(n.ports.filter((x) => !caps.interfacePattern.test(x)), "ports refused").toEqual([]);
      expect(n.notPorts.filter((x) => caps.interfacePattern.test(x)), "non-ports accepted").toEqual([]);
      expect(n.lags.filter((x) => !caps.lagPattern.test(x)), "LAGs refused").toEqual([]);
      expect(n.notLags.filter((x) => caps.lagPattern.test(x)), "non-LAGs accepted").toEqual([]);
    });
  }

  it("reserved VLANs: CloudEngine 4064-4094, NX-OS 3968-4094, none elsewhere; VLAN IDs up to 4094 everywhere", () => {
    const span = (p: PlatformName) => {
      const r = CAPABILITIES[p].reservedVlans;
      return r.length === 0 ? "none" : `${r[0]}-${r.at(-1)} (${r.length})`;
    };
    expect(Object.fromEntries(PLATFORM_NAMES.map((p) => [p, span(p)]))).toEqual({
      ovs: "none",
      frr: "none",
      "huawei-vrp": "4064-4094 (31)",
      "cisco-nxos": "3968-4094 (127)",
      "arista-eos": "none",
      junos: "none",
    });
    for (const p of PLATFORM_NAMES) expect(CAPABILITIES[p].maxVlan, p).toBe(4094);
  });

  it("delivery, commit, features, LACP modes, spanning tree and multi-chassis LAG per platform", () => {
    const summary = Object.fromEntries(
      PLATFORM_NAMES.map((p) => {
        const c = CAPABILITIES[p];
        return [p, { transport: c.transport, commit: c.commit, features: c.features, lacp: c.lacp, stp: c.stp, stpSkipsLags: c.stpSkipsLags ?? false, mlag: c.mlag ?? null, rdNeedsBgp: c.rdNeedsBgp ?? false, mtu: c.mtu ?? null }];
      }),
    );
    const vendor = ["l2", "lag", "gateway", "vrrp", "static-routes", "bgp", "inband"];
    expect(summary).toEqual({
      ovs: { transport: "exec", commit: false, features: ["l2", "lag"], lacp: ["active", "passive", "static"], stp: ["rstp"], stpSkipsLags: true, mlag: { keepalive: "management", stp: ["rstp"] }, rdNeedsBgp: false, mtu: { l3Max: 9216, l2Max: 9216 } },
      frr: { transport: "exec", commit: false, features: ["gateway", "vrrp", "static-routes", "bgp"], lacp: ["active", "passive", "static"], stp: [], stpSkipsLags: false, mlag: null, rdNeedsBgp: false, mtu: null },
      "huawei-vrp": { transport: "shell", commit: true, features: vendor, lacp: ["active", "static"], stp: ["mstp", "rstp"], stpSkipsLags: false, mlag: { keepalive: "management", stp: ["rstp"] }, rdNeedsBgp: false, mtu: { l3Max: 9216, l2Max: 9216 } },
      "cisco-nxos": { transport: "shell", commit: false, features: vendor, lacp: ["active", "passive", "static"], stp: ["mstp", "rstp"], stpSkipsLags: false, mlag: { keepalive: "management", stp: ["mstp", "rstp"] }, rdNeedsBgp: false, mtu: { l3Max: 9216, l2Max: 9216 } },
      "arista-eos": { transport: "shell", commit: false, features: vendor, lacp: ["active", "passive", "static"], stp: ["mstp", "rstp"], stpSkipsLags: false, mlag: { keepalive: "peer-vlan", stp: ["mstp", "rstp"] }, rdNeedsBgp: true, mtu: { l3Max: 9214, l2Max: 9214 } },
      junos: { transport: "shell", commit: true, features: vendor, lacp: ["active", "passive", "static"], stp: ["mstp", "rstp"], stpSkipsLags: false, mlag: { keepalive: "management", stp: ["mstp", "rstp"] }, rdNeedsBgp: false, mtu: { l3Max: 9202, l2Max: 9198 } },
    });
  });

  it("the speeds a port can be set to, by its name (the first row that matches; none: any speed, absent: no setting)", () => {
    const speeds = (p: PlatformName, port: string): string => {
      const rows = CAPABILITIES[p].speeds;
      if (!rows) return "no setting";
      return rows.find((r) => r.name.test(port))?.speeds.join(" ") ?? "any";
    };
    expect(speeds("ovs", "p1")).toBe("no setting");
    expect(speeds("frr", "eth1")).toBe("no setting");
    const vrp = ["GE1/0/1", "10GE1/0/1", "25GE1/0/1", "40GE1/0/1", "50GE1/0/1", "100GE1/0/1", "200GE1/0/1", "400GE1/0/1", "100GE1/0/1:2", "MEth0/0/0"].map((x) => `${x}: ${speeds("huawei-vrp", x)}`);
    expect(vrp).toEqual([
      "GE1/0/1: 1G 100M",
      "10GE1/0/1: 10G 1G",
      "25GE1/0/1: 25G",
      "40GE1/0/1: 40G",
      "50GE1/0/1: 50G",
      "100GE1/0/1: 100G 40G",
      "200GE1/0/1: 200G",
      "400GE1/0/1: 400G",
      "100GE1/0/1:2: 10G 25G 50G 100G",
      "MEth0/0/0: any",
    ]);
    expect(speeds("cisco-nxos", "Ethernet1/1")).toBe("100M 1G 10G 25G 40G 50G 100G 200G 400G");
    expect(speeds("cisco-nxos", "mgmt0")).toBe("any");
    expect(speeds("arista-eos", "Ethernet1")).toBe("100M 1G 2.5G 5G 10G 25G 40G 50G 100G 200G 400G 800G");
    expect(speeds("arista-eos", "Management1")).toBe("any");
    expect(["ge-0/0/1", "xe-0/0/1", "et-0/0/1", "mge-0/0/1", "em0"].map((x) => `${x}: ${speeds("junos", x)}`)).toEqual([
      "ge-0/0/1: 1G 100M",
      "xe-0/0/1: 10G",
      "et-0/0/1: 25G 40G 50G 100G 200G 400G 800G",
      "mge-0/0/1: 100M 1G 2.5G 5G 10G",
      "em0: any",
    ]);
  });

  it("Junos flow-mode firewalls (SRX, vSRX) by model; other models and platforms are not", () => {
    const zones = CAPABILITIES.junos.securityZones!;
    expect(["SRX300", "vSRX", "srx4600", "VSRX3.0"].filter((m) => !zones.test(m))).toEqual([]);
    expect(["QFX5120", "EX4300", "MX204", "xSRX", "a-SRX"].filter((m) => zones.test(m))).toEqual([]);
    expect(PLATFORM_NAMES.filter((p) => CAPABILITIES[p].securityZones)).toEqual(["junos"]);
  });
});
