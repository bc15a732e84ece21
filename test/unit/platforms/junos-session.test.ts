/**
 * Junos: the candidate-configuration change (delete the old object, set the new one, live at the commit),
 * the session script, the `display set` read-back and the CLI as the shell driver meets it. From the Junos OS
 * CLI User Guide: `configure private`, `commit and-quit`, `rollback 0`, `exit configuration-mode` and its
 * `[yes,no] (no)` question, `show configuration | display set` (one statement a line, each member of
 * `[ a b ]` on its own line, first line `## Last commit: ...`), the prompts `user@host>` and `user@host#`,
 * and the error texts `syntax error`, `error:`, `unknown command`, `missing argument`, `invalid value`.
 */
import { describe, expect, it } from "vitest";
import { JUNOS_DIALECT, junos } from "../../../platforms/junos";
import type { ConfigObject } from "../../../platforms/types";

const obj = (kind: ConfigObject["kind"], fields: ConfigObject["fields"] = {}, apply: string[] = [`set ${kind} new`]): ConfigObject => ({
  device: "d",
  kind,
  key: kind,
  summary: "",
  fields,
  apply,
  remove: [`delete ${kind}`],
  readBack: "",
});

describe("junos: changes in the candidate", () => {
  it("every kind whose statements may lose parts is deleted and set again", () => {
    for (const kind of ["port", "lag", "gateway", "bgp", "vrf", "stp", "mlag", "management", "qos", "acl", "security"] as const) {
      expect(junos.change!(obj(kind), obj(kind)), kind).toEqual([`delete ${kind}`, `set ${kind} new`]);
    }
  });

  it("a VLAN renamed is deleted and set again; a VLAN otherwise changed, a route or the system is set over", () => {
    expect(junos.change!(obj("vlan", { id: 10, name: "a" }), obj("vlan", { id: 10, name: "b" }))).toEqual(["delete vlan", "set vlan new"]);
    expect(junos.change!(obj("vlan", { id: 10, name: "a" }), obj("vlan", { id: 10, name: "a" }))).toBeUndefined();
    expect(junos.change!(obj("route"), obj("route"))).toBeUndefined();
    expect(junos.change!(obj("system"), obj("system"))).toBeUndefined();
  });

  it("one private candidate, committed and left in one step; nothing for no lines", () => {
    expect(junos.wrap(["set a", "delete b"])).toEqual(["configure private", "set a", "delete b", "commit and-quit"]);
    expect(junos.wrap([])).toEqual([]);
  });
});

describe("junos: read-back from display set", () => {
  const o = obj("port", { name: "xe-0/0/1" }, ["set interfaces xe-0/0/1 description x", "set interfaces xe-0/0/1 unit 0 family ethernet-switching vlan members [ v10 v20 ]"]);

  it("each member of a bracketed list is its own line", () => {
    const shown = "set interfaces xe-0/0/1 description x\nset interfaces xe-0/0/1 unit 0 family ethernet-switching vlan members v10\nset interfaces xe-0/0/1 unit 0 family ethernet-switching vlan members v20\n";
    expect(junos.parseReadBack(o, shown)).toEqual({ present: true, fields: { name: "xe-0/0/1" } });
    const oneGone = shown.split("\n").filter((l) => !l.endsWith("v20")).join("\n");
    expect(junos.parseReadBack(o, oneGone)).toEqual({ present: true, fields: { name: "xe-0/0/1", missing: ["set interfaces xe-0/0/1 unit 0 family ethernet-switching vlan members v20"] } });
    expect(junos.parseReadBack(o, "set interfaces xe-0/0/2 description x\n")).toEqual({ present: false });
  });

  it("a line that only looks like a list is compared as it is", () => {
    const plain = obj("system", {}, ["set system host-name [x]"]);
    expect(junos.parseReadBack(plain, "set system host-name [x]\n").present).toBe(true);
  });

  it("the kept configuration drops the commit stamp line, nothing else", () => {
    expect(junos.runningConfig.command).toBe("show configuration | display set");
    const t = junos.runningConfig.text!;
    expect(t("## Last commit: 2026-12-02 10:00:00 UTC by netops\nset system host-name sw1\n")).toBe("set system host-name sw1\n");
    expect(t("## Last changed: 2026-12-02\nset system host-name sw1\n")).toBe("set system host-name sw1\n");
    expect(t("set interfaces xe-0/0/1 description \"## Last commit: x\"\n")).toBe("set interfaces xe-0/0/1 description \"## Last commit: x\"\n");
  });

  it("the full configuration is every object's set lines under a header naming the device", () => {
    const i = { device: "sw9", site: "s", platform: "junos" as const, role: "leaf", vlans: [], ports: [], lags: [], gateways: [], routes: [], vrfs: [], management: {} };
    expect(junos.fullConfig(i, [obj("vlan", {}, ["set vlans v10 vlan-id 10"]), obj("route", {}, ["set routing-options static route 0.0.0.0/0 next-hop 10.0.0.1"])])).toBe(
      "## sw9: configuration rendered by citydc (display set)\nset vlans v10 vlan-id 10\nset routing-options static route 0.0.0.0/0 next-hop 10.0.0.1\n",
    );
  });
});

describe("junos: the CLI as the shell driver meets it (JUNOS_DIALECT)", () => {
  it("prompts of operational and configuration mode, at the end of the output only", () => {
    for (const ok of ["netops@sw1> ", "netops@sw1#", "[edit]\nnetops@kg-dc1.sw_1# "]) expect(JUNOS_DIALECT.prompt.test(ok), ok).toBe(true);
    for (const no of ["sw1> ", "netops@sw1> show", "netops@sw1%", "x netops@sw1# ", "netops@sw1#  "]) expect(JUNOS_DIALECT.prompt.test(no), no).toBe(false);
  });

  it("paging off, a private candidate, commit and-quit, rollback and leave on error, no separate save", () => {
    const { prompt: _p, errorPatterns: _e, confirmations: _c, ...words } = JUNOS_DIALECT;
    expect(words).toEqual({ pagingOff: ["set cli screen-length 0"], enterConfig: ["configure private"], commit: ["commit and-quit"], abort: ["rollback 0", "exit configuration-mode"], exitConfig: [], save: [] });
  });

  it("each documented error text is an error, indented or not; ordinary output is not", () => {
    const isError = (out: string) => JUNOS_DIALECT.errorPatterns.some((p) => p.test(out));
    for (const e of ["set foo\n        ^\nsyntax error.\n", "error: configuration check-out failed\n", "  unknown command.\n", "missing argument.\n", "invalid value 'x'\n"]) expect(isError(e), e).toBe(true);
    for (const ok of ["commit complete\n", "set interfaces xe-0/0/1 description \"no syntax error here\"\n", "[edit]\n"]) expect(isError(ok), ok).toBe(false);
    // each pattern on its own
    expect(JUNOS_DIALECT.errorPatterns.map((p) => ["syntax error", "error: x", "unknown command", "missing argument", "invalid value"].map((t) => p.test(t)))).toEqual([
      [true, false, false, false, false],
      [false, true, false, false, false],
      [false, false, true, false, false],
      [false, false, false, true, false],
      [false, false, false, false, true],
    ]);
  });

  it("the question on leaving with uncommitted changes is answered yes (discard)", () => {
    expect(JUNOS_DIALECT.confirmations).toHaveLength(1);
    const [q] = JUNOS_DIALECT.confirmations;
    expect(q!.answer).toBe("yes");
    expect(q!.pattern.test("Discard uncommitted changes? [yes,no] (yes) ")).toBe(true);
    expect(q!.pattern.test("Exit with uncommitted changes? [yes,no] (no)")).toBe(true);
    expect(q!.pattern.test("[yes,no] (no) trailing text")).toBe(false);
  });
});
