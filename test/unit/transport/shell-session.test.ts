/**
 * The shell driver with the product's VRP dialect against a scripted CLI that behaves like Huawei VRP
 * (prompts <name> / [~name], an "Error:" line on a refused command, a [Y/N] question on save). The real driver is also tested against
 * FRR's vtysh in test/e2e/transport-ssh.test.ts.
 */
import { describe, it, expect } from "vitest";
import { EventEmitter } from "events";
import type { Client } from "ssh2";
import { ShellSession } from "../../../transport/shell";
import { TransportError, type DeviceTarget } from "../../../transport/types";
import { VRP_DIALECT } from "../../../platforms/huawei-vrp";

// the product's own dialect (platforms/huawei-vrp.ts), not one written for the test
const vrp = VRP_DIALECT;

/** A scripted VRP-like CLI: records every line it receives. */
class FakeCli extends EventEmitter {
  readonly received: string[] = [];
  readonly stderr = new EventEmitter();
  private mode: "user" | "system" = "user";
  private buffer = "";
  private asking = false;

  constructor(private readonly refuse: string) {
    super();
    setImmediate(() => this.emit("data", Buffer.from("Info: The max number of VTY users is 21.\r\n\r\n<CE1>")));
  }

  private prompt(): string {
    return this.mode === "user" ? "<CE1>" : "[~CE1]";
  }

  write(data: string): boolean {
    this.buffer += data;
    let i: number;
    while ((i = this.buffer.indexOf("\r")) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 1);
      this.handle(line);
    }
    return true;
  }

  private handle(line: string): void {
    this.received.push(line);
    let out = `${line}\r\n`;
    if (this.asking) {
      this.asking = false;
      out += "Now saving the current configuration to the slot 1\r\nInfo: Save the configuration successfully.\r\n";
    } else if (line === "save") {
      this.asking = true;
      setImmediate(() => this.emit("data", Buffer.from(`${out}Warning: The current configuration will be written to the device. Continue? [Y/N]:`)));
      return;
    } else if (line === "system-view") this.mode = "system";
    else if (line === "return") this.mode = "user";
    else if (line.startsWith("display ")) out += "#\r\nvlan 120\r\n description video\r\n#\r\n";
    else if (line === this.refuse) out += "                  ^\r\nError: Unrecognized command found at '^' position.\r\n";
    setImmediate(() => this.emit("data", Buffer.from(`${out}\x1b[0m${this.prompt()}`)));
  }

  end(): void {
    this.emit("close");
  }
}

function session(refuse = "no such line") {
  const cli = new FakeCli(refuse);
  const client = { shell: (_o: unknown, cb: (e: Error | undefined, s: FakeCli) => void) => cb(undefined, cli), end: () => undefined } as unknown as Client;
  const target: DeviceTarget = { device: "ce1", platform: "huawei-vrp", host: "127.0.0.1", port: 22, user: "u", hostKey: "x", password: "pw", timeoutMs: 2000 };
  return { cli, open: () => ShellSession.open(client, target, vrp) };
}

describe("shell driver (scripted VRP-like CLI)", () => {
  it("logs in, turns paging off, enters config mode, sends every line, commits, leaves and saves with confirmation", async () => {
    const { cli, open } = session();
    const s = await open();
    await s.apply(["system-view", "vlan 120", " description video", "quit", "commit", "return", "save"]);
    expect(cli.received).toEqual(["screen-length 0 temporary", "system-view", "vlan 120", " description video", "quit", "commit", "return", "save", "Y"]);
    await s.close();
  });

  it("stops at the first refused line, aborts, leaves config mode and names the line", async () => {
    const { cli, open } = session("interface 10GE1/0/99");
    const s = await open();
    const err = await s.apply(["vlan 120", "interface 10GE1/0/99", " port default vlan 120", "quit"]).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.kind).toBe("command");
    expect(err.device).toBe("ce1");
    expect(err.message).toContain("interface 10GE1/0/99");
    expect(cli.received).toEqual(["screen-length 0 temporary", "system-view", "vlan 120", "interface 10GE1/0/99", "clear configuration candidate", "return"]);
    expect(cli.received).not.toContain("commit");
    expect(cli.received).not.toContain("save");
  });

  it("reports a failed abort as a rollback error", async () => {
    const { cli, open } = session("clear configuration candidate");
    const s = await open();
    const err = await s.apply(["vlan 120", "clear configuration candidate"]).catch((e) => e);
    expect(err.kind).toBe("rollback");
    expect(cli.received.slice(-2)).toEqual(["clear configuration candidate", "return"]);
  });

  it("returns each show command's output without the echo and the prompt", async () => {
    const { open } = session();
    const s = await open();
    const [out] = await s.show(["display current-configuration"]);
    expect(out).toBe("#\nvlan 120\n description video\n#");
  });
});
