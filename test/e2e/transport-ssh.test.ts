/**
 * The SSH transport against real lab devices: an Open vSwitch switch (exec driver) and an FRR router
 * whose `citydc-cli` login has vtysh as its shell (interactive shell driver, same prompt and error
 * behaviour as vendor CLIs). The file starts its own small lab and removes it at the end.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { labUp, labDown, type LabInfo } from "../../lab/index";
import { openSession, openShellSession, TransportError } from "../../transport/index";
import type { DeviceTarget } from "../../transport/types";
import type { ShellDialect } from "../../platforms/types";
import type { Inventory, Device } from "../../model/types";
import { PLATFORMS } from "../../platforms/index";

const dev = (name: string, platform: "ovs" | "frr", port: number): Device => ({
  name, site: "t", height: 1, role: platform === "ovs" ? "leaf" : "border", platform,
  management: { address: "127.0.0.1", port, user: "citydc" },
  interfaces: [], lags: [], routes: [],
});

const inventory: Inventory = {
  version: 1, name: "e2e-transport", tenants: [], vrfs: [], sites: [], racks: [], vlans: [], services: [], dr: [], hosts: [],
  devices: [dev("cdt-sw1", "ovs", 2311), dev("cdt-r1", "frr", 2312)],
  links: [{ a: { device: "cdt-r1", interface: "eth1" }, b: { device: "cdt-sw1", interface: "p1" }, kind: "uplink", bgp: false }],
};

// vtysh behaves like the vendor CLIs: a prompt per mode, "% ..." on a refused line.
const vtysh: ShellDialect = {
  prompt: /^[\w.-]+(\([\w.-]+\))?# ?$/,
  pagingOff: ["terminal length 0"],
  enterConfig: ["configure terminal"],
  commit: [],
  abort: [],
  exitConfig: ["end"],
  save: ["write memory"],
  errorPatterns: [/^% /],
  confirmations: [],
};

let info: LabInfo;
let key: string;
let dir: string;

function target(device: string, extra: Partial<DeviceTarget> = {}): DeviceTarget {
  const d = info.devices.find((x) => x.name === device)!;
  return {
    device, platform: d.kind === "switch" ? "ovs" : "frr", host: d.host, port: d.port, user: d.user,
    hostKey: d.hostKey, privateKey: key, timeoutMs: 10_000, ...extra,
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-transport-"));
  labDown(inventory); // a clean slate, whatever an interrupted run left
  info = labUp(inventory, { dir }).info;
  key = fs.readFileSync(info.keyFile, "utf8");
});

afterAll(() => {
  labDown(inventory);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("exec driver (ovs)", () => {
  it("runs the whole script in one channel and reads back with show", async () => {
    const s = await openSession(target("cdt-sw1"));
    try {
      await s.apply(["ovs-vsctl --may-exist add-port br0 p1 tag=120"]);
      const [ports, tag] = await s.show(["ovs-vsctl list-ports br0", "ovs-vsctl get port p1 tag"]);
      expect(ports!.trim().split("\n")).toEqual(["p1"]);
      expect(tag!.trim()).toBe("120");
    } finally {
      await s.close();
    }
  });

  it("stops at the first failing line (sh -e) and reports the device's error as a command error", async () => {
    const s = await openSession(target("cdt-sw1"));
    try {
      const err = await s.apply(["ovs-vsctl set port p1 tag=130", "ovs-vsctl set port nosuchport tag=1", "ovs-vsctl set port p1 tag=140"]).catch((e) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect(err.kind).toBe("command");
      expect(err.device).toBe("cdt-sw1");
      const [tag] = await s.show(["ovs-vsctl get port p1 tag"]);
      expect(tag!.trim()).toBe("130");
    } finally {
      await s.close();
    }
  });

  it("ends a script that hangs with a timeout error", async () => {
    const s = await openSession(target("cdt-sw1", { timeoutMs: 1500 }));
    try {
      const err = await s.apply(["sleep 20"]).catch((e) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect(err.kind).toBe("timeout");
    } finally {
      await s.close();
    }
  });

  it("refuses a host key that is not the pinned one, a wrong login and a closed port", async () => {
    const other = info.devices.find((d) => d.name === "cdt-r1")!.hostKey;
    await expect(openSession(target("cdt-sw1", { hostKey: other }))).rejects.toMatchObject({ kind: "hostkey", device: "cdt-sw1" });
    await expect(openSession(target("cdt-sw1", { user: "citydc-nobody" }))).rejects.toMatchObject({ kind: "auth" });
    await expect(openSession(target("cdt-sw1", { port: 2319 }))).rejects.toMatchObject({ kind: "unreachable" });
    const bad = await openSession(target("cdt-sw1", { privateKey: undefined, password: "pw-never-shown" })).catch((e) => e);
    expect(bad.kind).toBe("auth");
    expect(String(bad.message)).not.toContain("pw-never-shown");
  });
});

describe("exec driver (frr): plain vtysh reaches this router", () => {
  it("configures and reads back through vtysh in one exec channel", async () => {
    const s = await openSession(target("cdt-r1"));
    try {
      await s.apply(["vtysh -c 'configure terminal' -c 'interface eth1' -c 'ip address 10.77.0.1/31'"]);
      const [run] = await s.show(["vtysh -c 'show running-config'"]);
      expect(run).toContain("hostname cdt-r1");
      expect(run).toMatch(/interface eth1\n ip address 10\.77\.0\.1\/31/);
    } finally {
      await s.close();
    }
  });
});

describe("frr platform script over the exec driver: checked whole before anything is applied", () => {
  it("applies a good change and saves it", async () => {
    const s = await openSession(target("cdt-r1"));
    try {
      await s.apply(PLATFORMS.frr.wrap(["interface eth1", " description frr-wrap-ok", "exit"]));
      const [run] = await s.show(["vtysh -c 'show running-config'"]);
      expect(run).toMatch(/interface eth1\n( .*\n)* description frr-wrap-ok/);
      expect(fs.readFileSync("/etc/frr/citydc-cdt-r1/frr.conf", "utf8")).toContain("description frr-wrap-ok");
    } finally {
      await s.close();
    }
  });

  it("a refused line fails the run and nothing before it is applied", async () => {
    const s = await openSession(target("cdt-r1"));
    try {
      const script = PLATFORMS.frr.wrap(["interface eth1", " description frr-wrap-partial", "exit", "no such command here"]);
      const err = await s.apply(script).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).kind).toBe("command");
      const [run] = await s.show(["vtysh -c 'show running-config'"]);
      expect(run).not.toContain("frr-wrap-partial");
    } finally {
      await s.close();
    }
  });
});

describe("shell driver against vtysh as a login shell", () => {
  it("applies a good change line by line and saves it", async () => {
    const s = await openShellSession(target("cdt-r1", { user: info.cliUser }), vtysh);
    try {
      await s.apply(["configure terminal", "interface eth1", "description shell-ok", "exit", "end", "write memory"]);
      const [run] = await s.show(["show running-config"]);
      expect(run).toMatch(/interface eth1\n description shell-ok/);
    } finally {
      await s.close();
    }
    expect(fs.readFileSync("/etc/frr/citydc-cdt-r1/frr.conf", "utf8")).toContain("description shell-ok");
  });

  it("stops at the first refused line: nothing after it is applied, and the error names the line", async () => {
    const s = await openShellSession(target("cdt-r1", { user: info.cliUser }), vtysh);
    try {
      const err = await s
        .apply(["interface eth1", "description before-error", "no-such-command at all", "description after-error", "exit", "ip route 10.99.0.0/24 10.77.0.0"])
        .catch((e) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect(err.kind).toBe("command");
      expect(err.message).toContain("no-such-command at all");
      const [run] = await s.show(["show running-config"]);
      expect(run).toContain("description before-error");
      expect(run).not.toContain("description after-error");
      expect(run).not.toContain("10.99.0.0/24");
    } finally {
      await s.close();
    }
  });
});
