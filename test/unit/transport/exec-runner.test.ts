/**
 * The exec driver runs each platform's script the way its lines are meant to be read: ovs and frr
 * scripts are shell lines (`sh -e`), Junos lines go to the login CLI on a channel without a terminal and
 * never through a shell, so a description like `$(touch /tmp/x)` is text, not a command (issue 12).
 */
import { EventEmitter } from "events";
import type { Client } from "ssh2";
import { describe, expect, it } from "vitest";
import { ExecSession } from "../../../transport/exec";
import { TransportError, type DeviceTarget } from "../../../transport/types";
import type { PlatformName } from "../../../model/types";
import { findPlatform } from "../../../platforms/registry";

class FakeChannel extends EventEmitter {
  readonly stderr = new EventEmitter();
  input = "";
  constructor(private readonly reply: string) {
    super();
  }
  end(data?: string): void {
    this.input += data ?? "";
    setImmediate(() => {
      this.emit("data", Buffer.from(this.reply));
      this.emit("exit", 0);
      this.emit("close");
    });
  }
  close(): void {
    this.emit("close");
  }
}

/** A client that records which kind of channel each script used. */
function fakeClient(reply = "") {
  const calls: { kind: "exec" | "shell"; command?: string; pty?: unknown; channel: FakeChannel }[] = [];
  const client = {
    exec: (command: string, cb: (e: Error | undefined, ch: FakeChannel) => void) => {
      const channel = new FakeChannel(reply);
      calls.push({ kind: "exec", command, channel });
      cb(undefined, channel);
    },
    shell: (pty: unknown, cb: (e: Error | undefined, ch: FakeChannel) => void) => {
      const channel = new FakeChannel(reply);
      calls.push({ kind: "shell", pty, channel });
      cb(undefined, channel);
    },
    end: () => undefined,
  } as unknown as Client;
  return { client, calls };
}

const target = (platform: PlatformName): DeviceTarget => ({ device: "r1", platform, host: "127.0.0.1", port: 22, user: "netops", hostKey: "x", password: "pw", timeoutMs: 2000 });

describe("how the exec driver runs a script", () => {
  it("ovs and frr: `sh -e` with the script on stdin", async () => {
    for (const p of ["ovs", "frr"] as const) {
      const { client, calls } = fakeClient();
      await new ExecSession(client, target(p)).apply(["echo one", "echo two"]);
      expect(calls.map((c) => `${c.kind} ${c.command}`)).toEqual(["exec sh -e"]);
      expect(calls[0]!.channel.input).toBe("echo one\necho two\n");
    }
  });

  it("junos: the login CLI reads the lines (no terminal, no shell); shell syntax in a description stays text", async () => {
    const junos = findPlatform("junos")!;
    const line = `set interfaces xe-0/0/1 description ${"\"$(touch /tmp/citydc-pwned) `id` \\\\\""}`;
    const { client, calls } = fakeClient("[edit]\ncommit complete\n");
    await new ExecSession(client, target("junos")).apply(junos.wrap([line]));
    expect(calls.map((c) => c.kind)).toEqual(["shell"]);
    expect(calls[0]!.pty).toBe(false);
    expect(calls.some((c) => c.kind === "exec" && /\bsh\b/.test(c.command ?? ""))).toBe(false);
    expect(calls[0]!.channel.input).toBe(`configure private\n${line}\ncommit and-quit\n`);
  });

  it("junos: an error the CLI prints fails the apply (its exit status does not say)", async () => {
    const { client } = fakeClient("[edit]\nerror: configuration check-out failed\n");
    await expect(new ExecSession(client, target("junos")).apply(["configure private", "commit and-quit"])).rejects.toBeInstanceOf(TransportError);
  });
});
