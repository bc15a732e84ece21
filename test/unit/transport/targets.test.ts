import { describe, expect, it } from "vitest";
import { loginOf as targetOf } from "../../../transport/targets";
import type { Device } from "../../../model/types";

function device(over: Partial<Device["management"]> = {}): Device {
  return {
    name: "leaf1",
    site: "dc1",
    height: 1,
    role: "leaf",
    platform: "ovs",
    management: { address: "10.0.0.5", port: 22, user: "netops", ...over },
    interfaces: [],
    lags: [],
    routes: [],
  };
}

describe("login targets", () => {
  const keys = new Map([
    ["leaf1", "ssh-ed25519 BYNAME"],
    ["[10.0.0.5]:2222", "ssh-ed25519 BYPORT"],
    ["10.0.0.5", "ssh-ed25519 BYADDR"],
  ]);

  it("pins the inventory's host key first", () => {
    expect(targetOf(device({ hostKey: "ssh-ed25519 INVENTORY" }), keys)).toEqual({ host: "10.0.0.5", port: 22, user: "netops", hostKey: "ssh-ed25519 INVENTORY" });
  });

  it("then the host-keys file by device name, by [address]:port, and by bare address on port 22 only", () => {
    expect(targetOf(device(), keys).hostKey).toBe("ssh-ed25519 BYNAME");
    const byPort = new Map([...keys].filter(([k]) => k !== "leaf1"));
    expect(targetOf(device({ port: 2222 }), byPort).hostKey).toBe("ssh-ed25519 BYPORT");
    expect(targetOf(device(), byPort).hostKey).toBe("ssh-ed25519 BYADDR");
    expect(targetOf(device({ port: 2200 }), new Map([["10.0.0.5", "ssh-ed25519 BYADDR"]])).hostKey).toBe("");
  });

  it("leaves the key empty when nothing pins it (preview works, every login is refused)", () => {
    expect(targetOf(device(), new Map()).hostKey).toBe("");
  });
});
