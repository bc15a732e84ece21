/**
 * The exec driver runs ovs and frr scripts as the shell lines they are (`sh -e`). Junos lines are CLI
 * commands and never go through a shell: the shell driver types them at the CLI (a description like
 * `$(touch /tmp/x)` is text, not a command; test/e2e/vendor-dialects.test.ts types one at a scripted CLI).
 */
import { EventEmitter } from "events";
import type { Client } from "ssh2";
import { describe, expect, it } from "vitest";
import { ExecSession } from "../../../transport/exec";
import type { DeviceTarget } from "../../../transport/types";
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

  it("only shell-line platforms use it: Junos lines are CLI commands, typed by the shell driver", () => {
    const junos = findPlatform("junos")!;
    expect(junos.capabilities.transport).toBe("shell");
    expect(junos.shell?.enterConfig).toEqual(["configure private"]);
    for (const p of ["ovs", "frr"] as const) expect(findPlatform(p)!.capabilities.transport).toBe("exec");
  });
});
