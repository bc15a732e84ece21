/**
 * A site's verification (lab/verification.ts), with fake devices: each problem names device and object, the
 * data-plane checks belong to exactly one site of a stack (lab/probe.ts siteChecks), and the lab's own
 * inventory splits into its two sites' checks.
 */
import * as path from "path";
import { describe, expect, it } from "vitest";
import { deviceProblems, verificationText, verifySite } from "../../../lab/verification";
import { expectations, siteChecks } from "../../../lab/probe";
import { loadNetwork, devicesOf } from "../../../pipeline/index";
import { platformOf } from "../../../platforms/registry";
import type { DeviceSession, DeviceTarget } from "../../../transport/types";
import type { DeviceDrift } from "../../../audit/drift";

const LAB = path.resolve(__dirname, "../../../inventory/lab.yaml");
const net = loadNetwork(LAB);
const inv = net.inventory!;

/** Fake devices that answer every read-back with what the platform would print for the intended objects, but one port. */
function fakeSessions(tamper: { device: string; command: RegExp; output: string } | undefined) {
  const logins: string[] = [];
  const open = async (t: DeviceTarget): Promise<DeviceSession> => {
    logins.push(t.device);
    return {
      apply: async () => ({ output: "" }),
      show: async (commands) =>
        commands.map((c) => {
          if (tamper && t.device === tamper.device && tamper.command.test(c)) return tamper.output;
          return "";
        }),
      close: async () => undefined,
    };
  };
  return { open, logins };
}

describe("site verification", () => {
  it("names the device, the object and the field of each problem", () => {
    const d: DeviceDrift = {
      device: "lab-dc1-leaf2", site: "lab-dc1", platform: "ovs", address: "127.0.0.1:2203", status: "drift", checked: 7,
      drift: [
        { status: "different", key: "port:p5", kind: "port", summary: "port p5 access VLAN 120", fields: [{ field: "vlan", intended: 120, found: 999 }] },
        { status: "missing", key: "vlan:300", kind: "vlan", summary: "VLAN 300 (university)", fields: [] },
      ],
    };
    expect(deviceProblems(d)).toEqual([
      "lab-dc1-leaf2 port:p5 (port p5 access VLAN 120): vlan found 999, intended 120",
      "lab-dc1-leaf2 vlan:300 (VLAN 300 (university)): missing on the device",
    ]);
    expect(deviceProblems({ ...d, status: "unreachable", drift: [], errorKind: "unreachable", error: "cannot reach citydc@127.0.0.1:2203: ECONNREFUSED" })).toEqual([
      "lab-dc1-leaf2: not checked: unreachable: cannot reach citydc@127.0.0.1:2203: ECONNREFUSED",
    ]);
  });

  it("reads back only the site's devices; every problem is in the verdict line", async () => {
    const fake = fakeSessions(undefined);
    const target = (d: { name: string; platform: DeviceTarget["platform"] }): DeviceTarget => ({ device: d.name, platform: d.platform, host: "127.0.0.1", port: 1, user: "u", hostKey: "ssh-ed25519 AAAA", privateKey: "k" });
    const report = await verifySite(inv, { platform: (n) => platformOf(n), devices: (i) => devicesOf(i), openSession: fake.open, target }, { site: "lab-dc2", dataPlane: false });
    expect(fake.logins.sort()).toEqual(inv.devices.filter((d) => d.site === "lab-dc2").map((d) => d.name).sort());
    // the fake devices hold nothing: every object is missing, each named
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBe(report.objects);
    expect(report.problems.every((p) => / missing on the device$/.test(p))).toBe(true);
    const text = verificationText(report, "lab");
    expect(text.split("\n")[0]).toBe(`verify site lab-dc2 (stack lab): 2 device(s), ${report.objects} config object(s) read back`);
    expect(text).toContain(`FAILED: site lab-dc2: ${report.problems.length} problem(s): ${report.problems[0]}`);
  });

  it("a device that cannot be logged in to is a problem of its own", async () => {
    const report = await verifySite(
      inv,
      { platform: (n) => platformOf(n), devices: (i) => devicesOf(i), openSession: async () => Promise.reject(Object.assign(new Error("x: cannot reach"), { kind: "unreachable" })), target: () => "no pinned SSH host key for x" },
      { site: "lab-dc2", dataPlane: false },
    );
    expect(report.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^lab-dc2-leaf1: not checked: config: no pinned SSH host key/)]));
  });
});

describe("data-plane checks per site", () => {
  it("each check of the lab belongs to exactly one of its sites: the later of the two it spans", () => {
    const all = expectations(inv).map((c) => `${c.kind} ${c.from.name} ${c.to.name}`).sort();
    const dc1 = siteChecks(inv, "lab-dc1", []).map((c) => `${c.kind} ${c.from.name} ${c.to.name}`);
    const dc2 = siteChecks(inv, "lab-dc2", ["lab-dc1"]).map((c) => `${c.kind} ${c.from.name} ${c.to.name}`);
    expect([...dc1, ...dc2].sort()).toEqual(all);
    expect(dc1.filter((c) => dc2.includes(c))).toEqual([]);
    // video3 is at the DR site: its checks with the primary's hosts are the DR site's
    expect(dc2.some((c) => c.includes("lab-video3") && c.includes("lab-video1"))).toBe(true);
    expect(dc1.some((c) => c.includes("lab-video3"))).toBe(false);
  });

  it("a site verified alone (no site before it) leaves out the checks that reach other sites", () => {
    const alone = siteChecks(inv, "lab-dc2", []);
    expect(alone.every((c) => [c.from.name, c.to.name].every((h) => inv.hosts.find((x) => x.name === h)!.attach.device.startsWith("lab-dc2")))).toBe(true);
  });
});
