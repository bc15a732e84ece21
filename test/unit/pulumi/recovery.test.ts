/**
 * The pure parts of crash recovery, locks and interrupts: the engine's lock refusal parsed, a lock holder on this
 * machine told alive from gone, pending operations of a checkpoint named by device, a backup failure worded
 * as a device's, the backups and verifications `up` replaces for a repair, the interrupt report.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { backupFailure, checkRole, lockHolders, urnType, type StackRunResult } from "../../../pulumi/stacks";
import { pendingOperations } from "../../../pulumi/recover";
import { holderAlive, lockedMessage, lockFiles } from "../../../cli/stackRun";
import { failureLine, forcedChecks, interruptReport } from "../../../cli/commands/up";
import type { Plan } from "../../../pulumi/planReport";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-recovery-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const URN = (type: string, name: string) => `urn:pulumi:lab::citydc::citydc:network:Site$citydc:network:Rack$citydc:network:Switch$${type}::${name}`;

describe("locks", () => {
  const refusal = [
    "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.",
    "  file:///tmp/state/.pulumi/locks/organization/citydc/lab/2370e6c2.json: created by root@vm (pid 25506) at 2026-12-01T12:44:38.099964508Z",
  ].join("\n");

  it("reads who holds the lock from the engine's refusal", () => {
    expect(lockHolders(refusal)).toEqual([{ user: "root", host: "vm", pid: 25506, since: "2026-12-01T12:44:38.099964508Z" }]);
    expect(lockHolders("error: something else")).toBeUndefined();
  });

  it("tells a live holder on this machine from a gone one; another machine cannot be told", () => {
    expect(holderAlive({ pid: process.pid, hostname: os.hostname() })).toBe(true);
    expect(holderAlive({ pid: 2 ** 22 + 12345, hostname: os.hostname() })).toBe(false);
    expect(holderAlive({ pid: process.pid, hostname: "elsewhere.invalid" })).toBeUndefined();
  });

  it("the message names the holder and the one command that frees the stack", () => {
    const gone = lockedMessage("lab", [{ user: "root", host: os.hostname(), pid: 2 ** 22 + 12345, since: "T" }]);
    expect(gone).toContain("(no longer running: a run that was killed). That run is gone: release the lock with `citydc cancel --stack lab`, then run up again.");
    const live = lockedMessage("lab", [{ user: "root", host: os.hostname(), pid: process.pid, since: "T" }]);
    expect(live).toContain("(still running). Wait for it to finish; if no run is going on (it was killed, its machine lost), release the lock with `citydc cancel --stack lab`.");
  });

  it("finds the lock files of a stack on a file backend", () => {
    const dir = path.join(tmp, "state", ".pulumi", "locks", "organization", "citydc", "lab");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "a.json"), JSON.stringify({ pid: 7, username: "ci", hostname: "runner", timestamp: "T" }));
    fs.writeFileSync(path.join(dir, "a.json.attrs"), "{}");
    expect(lockFiles(`file://${path.join(tmp, "state")}`, "lab")).toEqual([{ file: path.join(dir, "a.json"), holder: { pid: 7, username: "ci", hostname: "runner", timestamp: "T" } }]);
    expect(lockFiles(`file://${path.join(tmp, "state")}`, "primary")).toEqual([]);
    expect(lockFiles("s3://bucket", "lab")).toEqual([]);
  });
});

describe("pending operations and failures", () => {
  it("names the device of each pending operation of a checkpoint", () => {
    const ops = pendingOperations({
      version: 3,
      deployment: {
        pending_operations: [
          { resource: { urn: URN("citydc:device:DeviceConfig", "lab-dc1-leaf2"), type: "citydc:device:DeviceConfig" }, type: "updating" },
          { resource: { urn: URN("command:remote:Command", "lab-dc1-leaf2:config-after"), type: "command:remote:Command" }, type: "creating" },
          { resource: { urn: "urn:pulumi:lab::citydc::citydc:network:Site$command:local:Command::lab-dc1:verify", type: "command:local:Command" }, type: "creating" },
        ],
      },
    });
    expect(ops.map((o) => [o.operation, o.device ?? o.site, o.name])).toEqual([
      ["updating", "lab-dc1-leaf2", "lab-dc1-leaf2"],
      ["creating", "lab-dc1-leaf2", "lab-dc1-leaf2:config-after"],
      ["creating", "lab-dc1", "lab-dc1:verify"],
    ]);
  });

  it("knows the command resources by type and name; a URN's type is its last", () => {
    expect(checkRole("command:remote:Command", "leaf1:config-before")).toEqual({ role: "before", device: "leaf1" });
    expect(checkRole("command:local:Command", "dc1:verify")).toEqual({ role: "verify", site: "dc1" });
    expect(checkRole("citydc:device:DeviceConfig", "leaf1:config-before")).toBeUndefined();
    expect(urnType(URN("command:remote:Command", "x"))).toBe("command:remote:Command");
  });

  it("words a backup's failure as a device's, with the transport kind", () => {
    expect(backupFailure("leaf1", "before", "after 3 failed attempts: ssh: handshake failed: ssh: host key mismatch")).toBe(
      "device leaf1: the config backup before its change failed: hostkey: the device's host key is not the pinned one, login refused: after 3 failed attempts: ssh: handshake failed: ssh: host key mismatch",
    );
    expect(backupFailure("leaf1", "after", "after 3 failed attempts: dial tcp 127.0.0.1:2404: connect: connection refused")).toMatch(/^device leaf1: the config backup after its change failed: unreachable: /);
    expect(backupFailure("leaf1", "after", "ssh: unable to authenticate, attempted methods [none publickey]")).toMatch(/failed: auth: /);
  });

  it("a verification's failure prints its verdict", () => {
    const message = 'exit status 1: running "citydc verify --site dc1":\nverify site dc1\nFAILED: site dc1: 1 problem(s): leaf2 port:p5 (port p5): vlan found 999, intended 120';
    expect(failureLine({ site: "dc1", message })).toBe("verification of site dc1 failed: site dc1: 1 problem(s): leaf2 port:p5 (port p5): vlan found 999, intended 120");
    expect(failureLine({ device: "leaf1", message: "device leaf1 (ovs at u@h:1): apply failed: unreachable: x\nmore" })).toBe("device leaf1 (ovs at u@h:1): apply failed: unreachable: x");
  });
});

function plan(devices: { device: string; site: string; action: "update" | "same"; changes: number }[]): Plan {
  const sites = [...new Set(devices.map((d) => d.site))].map((site) => ({
    site,
    devices: devices.filter((d) => d.site === site).map((d) => ({
      device: d.device, site: d.site, platform: "ovs", action: d.action, notes: [], script: [],
      changes: Array.from({ length: d.changes }, (_, i) => ({ action: "change" as const, key: `port:p${i}`, kind: "port" as const, summary: "p", commands: [] })),
    })),
  }));
  return { stack: "lab", kind: "preview", ok: true, counts: { devices: { create: 0, update: 1, delete: 0, replace: 0, same: 1 }, objects: { add: 0, change: 1, remove: 0 } }, sites, failures: [] };
}

describe("repairs and interrupts in up", () => {
  const check = (name: string, op: "same" | "replace", role: "before" | "after" | "verify", who: string) =>
    ({ urn: `u:${name}`, name, role, ...(role === "verify" ? { site: who } : { device: who }), op, done: false }) as const;

  it("replaces the unchanged backups and site verification of a device that gets a change (a repair)", () => {
    const preview = {
      checks: [
        check("leaf2:config-before", "same", "before", "leaf2"),
        check("leaf2:config-after", "same", "after", "leaf2"),
        check("leaf1:config-before", "same", "before", "leaf1"),
        check("dc1:verify", "same", "verify", "dc1"),
        check("dc2:verify", "same", "verify", "dc2"),
        check("leaf3:config-before", "replace", "before", "leaf3"),
      ],
    } as unknown as StackRunResult;
    const p = plan([
      { device: "leaf2", site: "dc1", action: "update", changes: 1 },
      { device: "leaf1", site: "dc1", action: "same", changes: 0 },
    ]);
    expect(forcedChecks(preview, p)).toEqual(["u:leaf2:config-before", "u:leaf2:config-after", "u:dc1:verify"]);
  });

  it("after an interrupt lists the devices applied and those not", () => {
    const p = plan([
      { device: "leaf1", site: "dc1", action: "update", changes: 1 },
      { device: "leaf2", site: "dc1", action: "update", changes: 1 },
      { device: "spine1", site: "dc1", action: "same", changes: 0 },
    ]);
    const result = { devices: [{ name: "leaf2", op: "update", done: true, new: { device: "leaf2" } }, { name: "leaf1", op: "update", done: false, new: { device: "leaf1" } }] } as unknown as StackRunResult;
    expect(interruptReport("lab", p, result)).toBe(
      [
        "citydc up: interrupted: the engine stopped stack lab cleanly and wrote its state.",
        "  applied:     leaf2",
        "  not applied: leaf1",
        "  The state is true for every device; `citydc up --stack lab` applies the rest.",
        "",
      ].join("\n"),
    );
  });
});
