/**
 * The exec driver (ovs, frr): a configuration script runs in ONE channel as `sh -e` with the script on
 * stdin, so the whole change is one session and it stops at the first failing line; every value in
 * those lines is quoted by its platform. Read-only commands run one exec channel each over the same
 * connection. (Junos lines are CLI commands, not shell lines: the shell driver types them, shell.ts.)
 */
import type { Client, ClientChannel } from "ssh2";
import { TransportError, type ApplyResult, type DeviceSession, type DeviceTarget } from "./types";
import { redact, timeoutOf } from "./connect";

interface ExecOutcome {
  readonly code: number | null;
  readonly signal?: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** The last lines of a device's error output, for a message. */
export function tail(text: string, lines = 12): string {
  const all = text.trim().split(/\r?\n/);
  return all.slice(-lines).join("\n");
}

export function execOnce(client: Client, target: DeviceTarget, command: string, input?: string): Promise<ExecOutcome> {
  return runChannel(target, (cb) => client.exec(command, cb), {
    timeout: (ms) => `no answer to \`${command}\` within ${ms} ms`,
    refused: "the device refused an exec channel",
    input,
  });
}

/**
 * One channel from open to close: what it printed (redacted), its exit status or signal; a timeout or a
 * refused channel is a TransportError. `input` goes to its stdin, which is then closed.
 */
function runChannel(
  target: DeviceTarget,
  open: (cb: (err: Error | undefined, ch: ClientChannel) => void) => void,
  words: { timeout: (ms: number) => string; refused: string; input?: string },
): Promise<ExecOutcome> {
  const ms = timeoutOf(target);
  return new Promise((resolve, reject) => {
    let stream: ClientChannel | undefined;
    const timer = setTimeout(() => {
      stream?.close();
      reject(new TransportError(target.device, "timeout", words.timeout(ms)));
    }, ms);
    open((err, ch) => {
      if (err) {
        clearTimeout(timer);
        return reject(new TransportError(target.device, "unreachable", `${words.refused}: ${redact(err.message, target)}`));
      }
      stream = ch;
      const out: Buffer[] = [];
      const errs: Buffer[] = [];
      let code: number | null = null;
      let signal: string | undefined;
      ch.on("data", (b: Buffer) => out.push(b));
      ch.stderr.on("data", (b: Buffer) => errs.push(b));
      ch.on("exit", (c: number | null, sig?: string) => {
        code = c;
        signal = sig;
      });
      ch.on("close", () => {
        clearTimeout(timer);
        resolve({
          code,
          signal,
          stdout: redact(Buffer.concat(out).toString("utf8"), target),
          stderr: redact(Buffer.concat(errs).toString("utf8"), target),
        });
      });
      if (words.input !== undefined) ch.end(words.input);
      else ch.end();
    });
  });
}

export class ExecSession implements DeviceSession {
  constructor(
    private readonly client: Client,
    private readonly target: DeviceTarget,
  ) {}

  async apply(script: readonly string[]): Promise<ApplyResult> {
    const r = await execOnce(this.client, this.target, "sh -e", script.join("\n") + "\n");
    if (r.code !== 0) {
      const why = r.code === null ? `ended by signal ${r.signal ?? "?"}` : `exit status ${r.code}`;
      const detail = tail(r.stderr) || tail(r.stdout);
      throw new TransportError(this.target.device, "command", `the configuration script failed (${why})${detail ? `: ${detail}` : ""}`);
    }
    return { output: r.stdout + r.stderr };
  }

  async show(commands: readonly string[]): Promise<string[]> {
    const outputs: string[] = [];
    for (const c of commands) {
      // A read-back command may fail because its object is absent ("no row p5 in table Port"): that is an
      // answer for the platform's parser, not a transport failure. Its stdout is returned as is.
      const r = await execOnce(this.client, this.target, c);
      outputs.push(r.stdout);
    }
    return outputs;
  }

  async close(): Promise<void> {
    this.client.end();
  }
}
