/**
 * The ovs platform against a real ovsdb-server (Open vSwitch's database; no vswitchd, no datapath, no
 * namespace needed): the rendered lab spine applies in one ovs-vsctl transaction, a retried apply
 * converges, every object reads back with the facts it was rendered with, and change sets (a LAG
 * dissolved, a VLAN removed, and back) leave the database as the new intent says. Skipped where
 * ovsdb-server is not installed.
 */
import { execFileSync, execSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventory } from "../../../model/load";
import type { Inventory } from "../../../model/types";
import { changeSet, PLATFORMS } from "../../../platforms";
import { renderInventory } from "../../../pipeline/index";
import { requirePrerequisite } from "../helpers/prerequisites";

const SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
const available = existsSync(SCHEMA) && (() => {
  try {
    execFileSync("ovsdb-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
requirePrerequisite("ovs on a real ovsdb-server", available ? undefined : `needs Open vSwitch (${SCHEMA} and ovsdb-server)`);

describe.skipIf(!available)("ovs on a real ovsdb-server", () => {
  let dir = "";
  let db = "";
  const sh = (cmd: string): string => execSync(cmd.replace(/^ovs-vsctl /, `ovs-vsctl --db=${db} --no-wait `), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const inv = loadInventory(join(__dirname, "..", "..", "..", "inventory", "lab.yaml")).inventory!;
  const spineOf = (i: Inventory) => renderInventory(i).find((d) => d.device === "lab-dc1-spine1")!;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citydc-ovsdb-"));
    db = `unix:${dir}/db.sock`;
    execFileSync("ovsdb-tool", ["create", `${dir}/conf.db`, SCHEMA]);
    execFileSync("ovsdb-server", [`${dir}/conf.db`, `--remote=punix:${dir}/db.sock`, `--pidfile=${dir}/ovsdb.pid`, `--unixctl=${dir}/ovsdb.ctl`, "--detach", `--log-file=${dir}/ovsdb.log`]);
    sh("ovs-vsctl init");
    sh("ovs-vsctl -- add-br br0 -- set bridge br0 datapath_type=netdev");
  });

  afterAll(() => {
    if (!dir) return;
    try {
      const pid = Number(readFileSync(`${dir}/ovsdb.pid`, "utf8").trim());
      if (pid > 0) process.kill(pid);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const readsBackAsRendered = (objects: ReturnType<typeof spineOf>["objects"]): void => {
    for (const o of objects) {
      const r = PLATFORMS.ovs.parseReadBack(o, sh(o.readBack));
      expect(r.present, o.key).toBe(true);
      expect(r.fields, o.key).toEqual(o.fields);
    }
  };

  it("applies the whole device in one transaction, twice (idempotent), and reads every object back", () => {
    const spine = spineOf(inv);
    const script = PLATFORMS.ovs.wrap(spine.objects.flatMap((o) => o.apply));
    expect(script).toHaveLength(1);
    sh(script[0]!);
    sh(script[0]!);
    readsBackAsRendered(spine.objects);
    expect(sh("ovs-vsctl list-ports br0").split("\n").filter(Boolean).sort()).toEqual(["bond0", "bond1", "p3", "p5"]);
    // the DCI bond's members carry its jumbo MTU
    expect(sh("ovs-vsctl get interface p4 mtu_request").trim()).toBe("9000");
  });

  it("dissolves the bond into an access port and back with change sets", () => {
    const mod = JSON.parse(JSON.stringify(inv)) as Inventory & { devices: { name: string; lags: unknown[]; interfaces: unknown[] }[]; links: { b: { device: string; interface: string } }[] };
    const s = mod.devices.find((d) => d.name === "lab-dc1-spine1")!;
    s.lags = (s.lags as { name: string }[]).filter((l) => l.name !== "bond0");
    s.interfaces = (s.interfaces as { name: string }[]).map((i) => (i.name === "p1" ? { name: "p1", mode: "access", vlan: 120, enabled: true } : i.name === "p2" ? { name: "p2", enabled: true } : i));
    mod.links = mod.links.filter((l) => !(l.b.device === "lab-dc1-spine1" && ["p1", "p2"].includes(l.b.interface)));
    const before = spineOf(inv);
    const after = spineOf(mod);
    const forward = changeSet(PLATFORMS.ovs, before.objects, after.objects);
    expect(forward.changes.map((c) => `${c.action} ${c.key}`)).toEqual(["change lag:bond1", "add port:p1", "change port:p3", "remove lag:bond0", "remove vlan:300", "remove vlan:140"]);
    sh(forward.script[0]!);
    readsBackAsRendered(after.objects);
    expect(sh("ovs-vsctl list-ports br0").split("\n").filter(Boolean).sort()).toEqual(["bond1", "p1", "p3", "p5"]);
    expect(sh("ovs-vsctl --format=json --columns=external_ids list bridge br0")).not.toContain("citydc-vlan-140");

    const back = changeSet(PLATFORMS.ovs, after.objects, before.objects);
    sh(back.script[0]!);
    readsBackAsRendered(before.objects);
    expect(sh("ovs-vsctl list-ports br0").split("\n").filter(Boolean).sort()).toEqual(["bond0", "bond1", "p3", "p5"]);
  });
});
