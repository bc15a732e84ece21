/**
 * The running configuration as the backups keep it (Platform.runningConfig): recorded outputs of this
 * machine's Open vSwitch and FRRouting turned into stable text, volatile header lines of the vendor CLIs left out.
 */
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../../platforms";
import { ovsRunningConfigText } from "../../../platforms/ovs";

const fixture = (p: string) => fs.readFileSync(path.join(__dirname, "fixtures", p), "utf8");

describe("running configuration text", () => {
  it("ovs: bridge, VLANs and ports as lines in name order, without UUIDs", () => {
    const text = ovsRunningConfigText(fixture("ovs/running-config.json.txt"));
    expect(text).toBe(
      [
        "bridge br0 datapath_type=netdev",
        "vlan 120 videoconferencing (bridge br0)",
        "vlan 130 ip-telephony (bridge br0)",
        "vlan 140 backup (bridge br0)",
        "vlan 300 university (bridge br0)",
        "port bond0 vlan_mode=trunk trunks=120,130,140,300 lacp=active interfaces=p1,p2 external_ids:citydc=managed",
        "port br0 type:br0=internal",
        "port p5 vlan_mode=access tag=120 external_ids:citydc=managed",
        "port p6 vlan_mode=access tag=140 external_ids:citydc=managed",
        "port p7 vlan_mode=access tag=300 external_ids:citydc=managed",
        "port p8 vlan_mode=access tag=130 external_ids:citydc=managed",
        "",
      ].join("\n"),
    );
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("ovs: the same switch listed in another row order gives the same text", () => {
    const docs = fixture("ovs/running-config.json.txt").trim().split("\n").map((l) => JSON.parse(l) as { data: unknown[] });
    for (const d of docs) d.data.reverse();
    const shuffled = docs.map((d) => JSON.stringify(d)).join("\n") + "\n";
    expect(ovsRunningConfigText(shuffled)).toBe(ovsRunningConfigText(fixture("ovs/running-config.json.txt")));
  });

  it("ovs: RSTP on the bridge, an edge port's other_config and its interface's MTU request are on their lines", () => {
    const docs = [
      { data: [["br0", "netdev", true, ["map", [["rstp-priority", "4096"]]], ["map", [["citydc-vlan-120", "video"]]]]], headings: ["name", "datapath_type", "rstp_enable", "other_config", "external_ids"] },
      {
        data: [["p5", "access", 120, ["set", []], ["set", []], ["set", []], ["uuid", "u5"], ["map", [["rstp-port-admin-edge", "true"]]], ["map", [["citydc", "managed"]]]]],
        headings: ["name", "vlan_mode", "tag", "trunks", "lacp", "bond_mode", "interfaces", "other_config", "external_ids"],
      },
      { data: [[["uuid", "u5"], "p5", "", 9000]], headings: ["_uuid", "name", "type", "mtu_request"] },
    ];
    expect(ovsRunningConfigText(docs.map((d) => JSON.stringify(d)).join("\n") + "\n")).toBe(
      [
        "bridge br0 datapath_type=netdev rstp_enable=true other_config:rstp-priority=4096",
        "vlan 120 video (bridge br0)",
        "port p5 vlan_mode=access tag=120 mtu_request:p5=9000 other_config:rstp-port-admin-edge=true external_ids:citydc=managed",
        "",
      ].join("\n"),
    );
  });

  it("ovs: an output it does not understand is kept as it came", () => {
    expect(ovsRunningConfigText("ovs-vsctl: unix:/run/db.sock: database connection failed\n")).toBe("ovs-vsctl: unix:/run/db.sock: database connection failed\n");
    expect(ovsRunningConfigText("")).toBe("");
  });

  it("frr: show running-config without vtysh's banner lines", () => {
    const raw = fixture("frr/show-running-config.txt");
    const text = PLATFORMS.frr.runningConfig.text!(raw);
    expect(raw).toMatch(/^Building configuration/);
    expect(text.startsWith("!\nfrr version")).toBe(true);
    expect(text).toContain("router bgp 65101");
  });

  it("vendor CLIs: the time stamps of the header are left out, the configuration is kept", () => {
    const nxos = PLATFORMS["cisco-nxos"].runningConfig.text!("!Command: show running-config\n!Time: Mon Jan  5 10:00:01 2026\n\nversion 10.3(2)\nvlan 120\n  name video\n");
    expect(nxos).toBe("!Command: show running-config\n\nversion 10.3(2)\nvlan 120\n  name video\n");
    const vrp = PLATFORMS["huawei-vrp"].runningConfig.text!("!Software Version V200R022C00SPC500\n!Last configuration was updated at 2026-01-05 10:00:01+00:00\n#\nsysname leaf1\n#\nreturn\n");
    expect(vrp).toBe("!Software Version V200R022C00SPC500\n#\nsysname leaf1\n#\nreturn\n");
    const junos = PLATFORMS.junos.runningConfig.text!("## Last commit: 2026-01-05 10:00:01 UTC by citydc\nset system host-name r1\n");
    expect(junos).toBe("set system host-name r1\n");
    const eos = PLATFORMS["arista-eos"].runningConfig.text!("! Command: show running-config\n! Startup-config last modified at Mon Jan  5 10:00:01 2026 by admin\n!\nhostname leaf1\nend\n");
    expect(eos).toBe("! Command: show running-config\n!\nhostname leaf1\nend\n");
  });
});
