/**
 * The interactive shell driver, for CLIs that take configuration only as typed lines (Huawei VRP,
 * NX-OS, EOS; FRR's vtysh as a login shell in the lab). One PTY session per apply:
 *   login -> prompt -> paging off -> enter config mode -> one line at a time, each answered by a prompt;
 *   the first line whose output matches an error pattern stops the run: the dialect's abort, leave
 *   config mode, and a TransportError naming the line (nothing after it is sent);
 *   then commit (where the platform has one), leave config mode, save (answering confirmations).
 * The platform's ShellDialect (platforms/types.ts) holds every CLI-specific string.
 */
import type { Client, ClientChannel } from "ssh2";
import type { ShellDialect } from "../platforms/types";
import { TransportError, type ApplyResult, type DeviceSession, type DeviceTarget } from "./types";
import { redact, timeoutOf } from "./connect";

/** Terminal control sequences and carriage returns out; what is left is the text a person would read. */
export function cleanTerminal(raw: string): string {
  return raw
    .replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, "") // CSI
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, "") // OSC
    .replace(/\x1b[=>()][0-9A-Za-z]?/g, "")
    .replace(/[^\n\x08]\x08/g, "") // a character and its backspace
    .replace(/\r+\n/g, "\n")
    .replace(/\r/g, "")
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");
}

/** The first output line that matches one of the error patterns, or undefined. */
export function firstError(output: string, patterns: readonly RegExp[]): string | undefined {
  for (const line of output.split("\n")) {
    if (patterns.some((p) => p.test(line))) return line.trim();
  }
  return undefined;
}

/**
 * The lines of a script that the driver types between entering and leaving config mode. A wrapped
 * shell script may carry the dialect's own enter/commit/exit/save lines for display: those are dropped
 * here, because the driver sends them itself at the right moment.
 */
export function configLines(script: readonly string[], d: ShellDialect): string[] {
  let lines = script.map((l) => l.trimEnd()).filter((l) => l.trim().length > 0);
  const dropHead = (seq: readonly string[]) => {
    if (seq.length && seq.every((s, i) => lines[i]?.trim() === s.trim())) lines = lines.slice(seq.length);
  };
  const dropTail = (seq: readonly string[]) => {
    const off = lines.length - seq.length;
    if (seq.length && off >= 0 && seq.every((s, i) => lines[off + i]?.trim() === s.trim())) lines = lines.slice(0, off);
  };
  dropHead(d.pagingOff);
  dropHead(d.enterConfig);
  dropTail(d.save);
  dropTail(d.exitConfig);
  dropTail(d.commit);
  return lines;
}

interface Waiter {
  readonly requireEcho: boolean;
  readonly resolve: (text: string) => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class ShellSession implements DeviceSession {
  private pending = "";
  private answeredAt = -1;
  private waiter: Waiter | undefined;
  private closed = false;
  private transcript: string[] = [];

  private constructor(
    private readonly client: Client,
    private readonly stream: ClientChannel,
    private readonly target: DeviceTarget,
    private readonly dialect: ShellDialect,
  ) {
    stream.on("data", (b: Buffer) => this.onData(b.toString("utf8")));
    stream.stderr?.on("data", (b: Buffer) => this.onData(b.toString("utf8")));
    stream.on("close", () => {
      this.closed = true;
      const w = this.waiter;
      if (w) {
        this.waiter = undefined;
        clearTimeout(w.timer);
        w.reject(new TransportError(target.device, "command", `the CLI session ended unexpectedly${this.pending ? `: ${redact(this.pending.trim().split("\n").slice(-3).join(" | "), target)}` : ""}`));
      }
    });
  }

  /** Opens a PTY shell, waits for the first prompt and turns paging off. */
  static async open(client: Client, target: DeviceTarget, dialect: ShellDialect): Promise<ShellSession> {
    const stream = await new Promise<ClientChannel>((resolve, reject) => {
      client.shell({ term: "dumb", cols: 1000, rows: 48 }, (err, ch) => {
        if (err) reject(new TransportError(target.device, "unreachable", `the device refused an interactive shell: ${redact(err.message, target)}`));
        else resolve(ch);
      });
    });
    const s = new ShellSession(client, stream, target, dialect);
    await s.waitPrompt(false);
    for (const line of dialect.pagingOff) {
      const out = await s.send(line);
      const err = firstError(out, dialect.errorPatterns);
      if (err) throw new TransportError(target.device, "command", `\`${line}\` was refused: ${err}`);
    }
    return s;
  }

  private onData(chunk: string): void {
    this.pending += cleanTerminal(chunk);
    this.check();
  }

  private check(): void {
    const w = this.waiter;
    if (!w) return;
    const lastNl = this.pending.lastIndexOf("\n");
    const lastLine = this.pending.slice(lastNl + 1);
    for (const c of this.dialect.confirmations) {
      if (this.answeredAt < this.pending.length && c.pattern.test(lastLine)) {
        this.answeredAt = this.pending.length;
        this.stream.write(c.answer + "\r");
        return;
      }
    }
    if (w.requireEcho && lastNl < 0) return;
    if (!this.dialect.prompt.test(lastLine) && !this.dialect.prompt.test(this.pending)) return;
    this.waiter = undefined;
    clearTimeout(w.timer);
    const text = this.pending;
    this.pending = "";
    this.answeredAt = -1;
    w.resolve(text);
  }

  private waitPrompt(requireEcho: boolean, what = "the prompt"): Promise<string> {
    if (this.closed) return Promise.reject(new TransportError(this.target.device, "command", "the CLI session is closed"));
    const ms = timeoutOf(this.target);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const seen = redact(this.pending.trim().split("\n").slice(-2).join(" | "), this.target);
        reject(new TransportError(this.target.device, "timeout", `no prompt after ${what} within ${ms} ms${seen ? ` (last output: ${seen})` : ""}`));
      }, ms);
      this.waiter = { requireEcho, resolve, reject, timer };
      this.check();
    });
  }

  /** Types one line and returns its output (without the echoed line and the next prompt). */
  async send(line: string): Promise<string> {
    this.pending = "";
    this.stream.write(line + "\r");
    const text = await this.waitPrompt(true, `\`${line}\``);
    const lines = text.split("\n");
    const output = lines.slice(1, -1).join("\n");
    this.transcript.push(lines.slice(0, -1).join("\n"));
    return redact(output, this.target);
  }

  /** Sends lines, stopping at the first error; returns the failing line and its error. */
  private async sendAll(lines: readonly string[]): Promise<{ index: number; line: string; error: string } | undefined> {
    for (let i = 0; i < lines.length; i++) {
      const out = await this.send(lines[i]!);
      const error = firstError(out, this.dialect.errorPatterns);
      if (error) return { index: i, line: lines[i]!, error };
    }
    return undefined;
  }

  /** After a failure in config mode: abort, leave config mode. True when the abort itself succeeded. */
  private async rollback(): Promise<boolean> {
    try {
      const abortFailed = await this.sendAll(this.dialect.abort);
      await this.sendAll(this.dialect.exitConfig);
      return abortFailed === undefined;
    } catch {
      return false;
    }
  }

  async apply(script: readonly string[]): Promise<ApplyResult> {
    const d = this.dialect;
    const lines = configLines(script, d);
    const enter = await this.sendAll(d.enterConfig);
    if (enter) throw new TransportError(this.target.device, "command", `cannot enter configuration mode: \`${enter.line}\`: ${enter.error}`);
    const failed = await this.sendAll(lines);
    if (failed) {
      const rolled = await this.rollback();
      const sent = failed.index;
      const msg = `line ${failed.index + 1} of ${lines.length} \`${failed.line}\` was refused: ${failed.error}; ` +
        `${sent} line(s) before it were sent, none after it` +
        (d.abort.length ? (rolled ? "; the change was aborted" : "; the abort FAILED, check the device") : "");
      throw new TransportError(this.target.device, rolled ? "command" : "rollback", msg);
    }
    const commit = await this.sendAll(d.commit);
    if (commit) {
      const rolled = await this.rollback();
      throw new TransportError(this.target.device, rolled ? "command" : "rollback", `commit refused: ${commit.error}${rolled ? "; the change was aborted" : "; the abort FAILED, check the device"}`);
    }
    const exit = await this.sendAll(d.exitConfig);
    if (exit) throw new TransportError(this.target.device, "command", `cannot leave configuration mode: ${exit.error}`);
    const save = await this.sendAll(d.save);
    if (save) throw new TransportError(this.target.device, "command", `the change is live but saving it failed: ${save.error}`);
    return { output: redact(this.transcript.join("\n"), this.target) };
  }

  async show(commands: readonly string[]): Promise<string[]> {
    const outputs: string[] = [];
    for (const c of commands) {
      const out = await this.send(c);
      const err = firstError(out, this.dialect.errorPatterns);
      if (err) throw new TransportError(this.target.device, "command", `\`${c}\` was refused: ${err}`);
      outputs.push(out);
    }
    return outputs;
  }

  async close(): Promise<void> {
    if (!this.closed) this.stream.end();
    this.client.end();
  }
}
