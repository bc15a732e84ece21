/**
 * The CLIs of huawei-vrp, cisco-nxos and arista-eos as the shell driver and the read-back meet them, from the
 * vendors' documentation (documented behaviour, not a device):
 *  - huawei-vrp (CloudEngine 8800/6800 V200R022 Command Reference, "CLI Overview"): prompts `<HUAWEI>` (user
 *    view), `[~HUAWEI]` / `[*HUAWEI-vlan10]` (system view and sub-views, `*` with uncommitted changes), `Error:`
 *    messages, `[Y/N]:` questions, `screen-length 0 temporary`, `system-view`, `commit`, `clear configuration
 *    candidate`, `return`, `save`; the header lines `!Software Version ...`, `!Last configuration was updated
 *    at ...`, `!Time: ...` of `display current-configuration`;
 *  - cisco-nxos (Nexus 9000 Fundamentals Configuration Guide): `switch#`, `switch(config-if)#`, `% ` and `ERROR: `
 *    messages, `Continue? [y/n] [n]` and `(y/n)  [n]` questions, `copy running-config startup-config`; the
 *    `!Command:`, `!Running configuration last done at:`, `!Time:` and `!Startup config saved at:` lines;
 *  - arista-eos (EOS User Manual, "Configuration sessions"): `switch>`, `switch#`, `switch(config-s-NAME)#`,
 *    `% ` messages, `configure session NAME`, `commit`, `abort`; the `! device:`, `! Time:` and
 *    `! Startup-config last modified at` lines of `show running-config`.
 */
import { describe, expect, it } from "vitest";
import { EOS_DIALECT, aristaEos } from "../../../platforms/arista-eos";
import { NXOS_DIALECT, ciscoNxos } from "../../../platforms/cisco-nxos";
import { VRP_DIALECT, huaweiVrp } from "../../../platforms/huawei-vrp";
import type { ConfigObject, ShellDialect } from "../../../platforms/types";

const words = (d: ShellDialect) => {
  const { prompt: _p, errorPatterns: _e, confirmations: _c, ...rest } = d;
  return rest;
};
const isError = (d: ShellDialect, out: string) => d.errorPatterns.some((p) => p.test(out));
const port = (apply: string[]): ConfigObject => ({ device: "d", kind: "port", key: "port:x", summary: "", fields: { name: "x" }, apply, remove: [], readBack: "" });

describe("huawei-vrp CLI", () => {
  it("prompts of the user view, the system view and its sub-views, at the end of the output only", () => {
    for (const ok of ["<HUAWEI>", "[~HUAWEI]", "[*HUAWEI-vlan10]", "[~HUAWEI-10GE1/0/1]", "out\n<kg-dc1.sw:1> ", "[HUAWEI]"]) expect(VRP_DIALECT.prompt.test(ok), ok).toBe(true);
    for (const no of ["HUAWEI>", "<HUAWEI> display", "[#HUAWEI]", "x<HUAWEI>", "<HUA WEI>", "[~HUAWEI"]) expect(VRP_DIALECT.prompt.test(no), no).toBe(false);
  });

  it("words: paging off, system view, commit, the candidate cleared on error, return, save", () => {
    expect(words(VRP_DIALECT)).toEqual({ pagingOff: ["screen-length 0 temporary"], enterConfig: ["system-view"], commit: ["commit"], abort: ["clear configuration candidate"], exitConfig: ["return"], save: ["save"] });
  });

  it("`Error:` at a line start is an error; a question [Y/N] is answered Y", () => {
    expect(isError(VRP_DIALECT, "vlan 5000\n            ^\nError: Wrong parameter found at '^' position.\n")).toBe(true);
    expect(isError(VRP_DIALECT, " description Error: none\nInfo: done\n")).toBe(false);
    expect(VRP_DIALECT.errorPatterns).toHaveLength(1);
    const [q] = VRP_DIALECT.confirmations;
    expect(VRP_DIALECT.confirmations).toHaveLength(1);
    expect(q!.answer).toBe("Y");
    for (const ok of ["Warning: The current configuration will be written to the device. Continue? [Y/N]:", "Continue? [y/n] ", "[Y/N]"]) expect(q!.pattern.test(ok), ok).toBe(true);
    expect(q!.pattern.test("[Y/N]: later")).toBe(false);
  });

  it("the kept configuration drops the update and time stamps, keeps the version line", () => {
    expect(huaweiVrp.runningConfig.command).toBe("display current-configuration");
    const t = huaweiVrp.runningConfig.text!;
    expect(t("!Software Version V200R022C00\n!Last configuration was updated at 2026-12-02 10:00:00+00:00\n!Last configuration was saved at 2026-12-01\n!Time: x\n#\nsysname sw1\n")).toBe("!Software Version V200R022C00\n#\nsysname sw1\n");
    expect(t(" description !Time: x\n")).toBe(" description !Time: x\n");
  });

  it("read-back: lines never displayed are not looked for; owned settings shown but not intended are drift", () => {
    const o = port(["interface 10GE1/0/1", " description to exit", " undo shutdown", " port link-type access", "quit"]);
    expect(huaweiVrp.parseReadBack(o, "interface 10GE1/0/1\n description to exit\n")).toEqual({ present: true, fields: { name: "x" } });
    expect(huaweiVrp.parseReadBack(o, "interface 10GE1/0/1\n")).toEqual({ present: true, fields: { name: "x", missing: ["description to exit"] } });
    const shown = "interface 10GE1/0/1\n description to exit\n mtu 9216\n jumboframe enable 9216\n speed 10000\n stp edged-port enable\n stp loop-protection\n vrrp vrid 1 priority 120\n";
    expect(huaweiVrp.parseReadBack(o, shown).fields?.unexpected).toEqual(["mtu 9216", "jumboframe enable 9216", "speed 10000", "stp edged-port enable", "stp loop-protection", "vrrp vrid 1 priority 120"]);
    expect(huaweiVrp.parseReadBack(o, "interface 10GE1/0/1\n description to exit\n stp root-protection\n mtu 9216 x\n").fields?.unexpected).toEqual(["stp root-protection"]);
  });
});

describe("cisco-nxos CLI", () => {
  it("prompts of exec and configuration modes, at the end of the output only", () => {
    for (const ok of ["sw1# ", "sw1#", "sw1(config)# ", "out\nkg-dc1.sw_1(config-if)#", "sw1(config-vpc-domain)# "]) expect(NXOS_DIALECT.prompt.test(ok), ok).toBe(true);
    for (const no of ["sw1> ", "sw1# show", "sw1(conf)# ", "sw1#  ", "x sw1# "]) expect(NXOS_DIALECT.prompt.test(no), no).toBe(false);
  });

  it("words: paging off, configure terminal, no commit or abort, end, copy running-config startup-config", () => {
    expect(words(NXOS_DIALECT)).toEqual({ pagingOff: ["terminal length 0"], enterConfig: ["configure terminal"], commit: [], abort: [], exitConfig: ["end"], save: ["copy running-config startup-config"] });
  });

  it("`% ` and `ERROR: ` at a line start are errors; both question forms are answered y", () => {
    expect(NXOS_DIALECT.errorPatterns.map((p) => ["% Invalid command at '^' marker.", "ERROR: VLAN 5000 is out of range"].map((t) => p.test(t)))).toEqual([
      [true, false],
      [false, true],
    ]);
    for (const no of ["  description ERROR: none", "Error: lower case", " 100% done", "%Invalid"]) expect(isError(NXOS_DIALECT, no), no).toBe(false);
    const [q] = NXOS_DIALECT.confirmations;
    expect(NXOS_DIALECT.confirmations).toHaveLength(1);
    expect(q!.answer).toBe("y");
    for (const ok of ["Continue? [y/n] [n]", "Do you want to continue? (y/n)  [n] ", "Continue (y/n)?", "Continue? [y/n]  "]) expect(q!.pattern.test(ok), ok).toBe(true);
    expect(q!.pattern.test("[y/n] [n] more")).toBe(false);
  });

  it("the kept configuration drops the time and save stamps, keeps the command line", () => {
    expect(ciscoNxos.runningConfig.command).toBe("show running-config");
    const t = ciscoNxos.runningConfig.text!;
    expect(t("!Command: show running-config\n!Running configuration last done at: Wed Dec  2 10:00:00 2026\n!Time: Wed Dec  2 10:01:00 2026\n!Startup config saved at: x\nhostname sw1\n")).toBe("!Command: show running-config\nhostname sw1\n");
    expect(t("  description !Time: x\n")).toBe("  description !Time: x\n");
  });

  it("read-back: lines never displayed are not looked for; owned settings shown but not intended are drift", () => {
    const o = port(["interface Ethernet1/1", "  description to exit", "  switchport", "  switchport mode access", "  no shutdown", "exit"]);
    expect(ciscoNxos.parseReadBack(o, "interface Ethernet1/1\n  description to exit\n")).toEqual({ present: true, fields: { name: "x" } });
    const shown = "interface Ethernet1/1\n  description to exit\n  mtu 9216\n  speed 10000\n  spanning-tree port type edge\n  spanning-tree port type edge trunk\n  spanning-tree guard root\n  priority 120\n";
    expect(ciscoNxos.parseReadBack(o, shown).fields?.unexpected).toEqual(["mtu 9216", "speed 10000", "spanning-tree port type edge", "spanning-tree port type edge trunk", "spanning-tree guard root", "priority 120"]);
    expect(ciscoNxos.parseReadBack(o, "interface Ethernet1/1\n  description to exit\n  spanning-tree guard loop\n  no mtu 9216\n").fields?.unexpected).toEqual(["spanning-tree guard loop"]);
  });
});

describe("arista-eos CLI", () => {
  it("prompts of exec, privileged and session modes, at the end of the output only", () => {
    for (const ok of ["sw1>", "sw1# ", "sw1(config-s-citydc)#", "out\nkg.sw-1(config-s-citydc-if-Et1)# "]) expect(EOS_DIALECT.prompt.test(ok), ok).toBe(true);
    for (const no of ["sw1$", "sw1(conf)#", "sw1# show", "sw1#  ", "x sw1#"]) expect(EOS_DIALECT.prompt.test(no), no).toBe(false);
  });

  it("words: a named configuration session, committed or aborted (both leave it), then saved", () => {
    expect(words(EOS_DIALECT)).toEqual({ pagingOff: ["terminal length 0"], enterConfig: ["configure session citydc"], commit: ["commit"], abort: ["abort"], exitConfig: [], save: ["copy running-config startup-config"] });
    expect(EOS_DIALECT.confirmations).toEqual([]);
  });

  it("`% ` at a line start is an error", () => {
    expect(isError(EOS_DIALECT, "vlan 5000\n% Invalid input (at token 1: '5000')\n")).toBe(true);
    expect(isError(EOS_DIALECT, "   description 100% up\n")).toBe(false);
    expect(EOS_DIALECT.errorPatterns).toHaveLength(1);
  });

  it("the kept configuration drops the time and startup stamps, keeps the device line", () => {
    expect(aristaEos.runningConfig.command).toBe("show running-config");
    const t = aristaEos.runningConfig.text!;
    expect(t("! Command: show running-config\n! device: sw1 (DCS-7280SR3, EOS-4.30.1F)\n! Time: Wed Dec 2\n! Startup-config last modified at Wed Dec 2\nhostname sw1\n")).toBe("! Command: show running-config\n! device: sw1 (DCS-7280SR3, EOS-4.30.1F)\nhostname sw1\n");
    expect(t("   description ! Time: x\n")).toBe("   description ! Time: x\n");
  });

  it("read-back: lines never displayed are not looked for; owned settings shown but not intended are drift", () => {
    const o = port(["interface Ethernet1", "   description to exit", "   switchport", "   switchport mode access", "   no shutdown", "exit"]);
    expect(aristaEos.parseReadBack(o, "interface Ethernet1\n   description to exit\n")).toEqual({ present: true, fields: { name: "x" } });
    const shown = "interface Ethernet1\n   description to exit\n   mtu 9214\n   speed 10000\n   spanning-tree portfast\n   spanning-tree guard loop\n   vrrp 1 priority-level 120\n";
    expect(aristaEos.parseReadBack(o, shown).fields?.unexpected).toEqual(["mtu 9214", "speed 10000", "spanning-tree portfast", "spanning-tree guard loop", "vrrp 1 priority-level 120"]);
    expect(aristaEos.parseReadBack(o, "interface Ethernet1\n   description to exit\n   spanning-tree guard root\n   mtu 9214 x\n").fields?.unexpected).toEqual(["spanning-tree guard root"]);
  });
});
