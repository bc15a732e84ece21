/**
 * A real sshd on 127.0.0.1 that accepts the test's key on several ports and records every exec channel
 * (the command and its stdin) instead of running it: the devices of a stack for tests of the Pulumi side
 * (real engine, real provider, real SSH transport) on machines without the lab. Needs root and sshd.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";

export interface Recorded {
  readonly port: number;
  readonly command: string;
  readonly input: string;
}

export interface RecordingSshd {
  readonly dir: string;
  readonly hostKey: string;
  readonly clientKey: string;
  readonly ports: readonly number[];
  /** Every exec channel so far, in order. */
  sessions(): Recorded[];
  stop(): Promise<void>;
}

export const SSHD = ["/usr/sbin/sshd", "/usr/bin/sshd"].find((p) => fs.existsSync(p));

export function canRunSshd(): string | undefined {
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "needs root to start sshd";
  if (!SSHD) return "needs openssh-server (sshd)";
  if (spawnSync("ssh-keygen", ["-?"]).error) return "needs ssh-keygen";
  return undefined;
}

export function keygen(file: string): void {
  const r = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

export function waitPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`sshd did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** A real sshd on 127.0.0.1 whose every login runs `forceCommand` (sshd's ForceCommand), with keys of its own. */
export interface ForcedSshd {
  readonly hostKey: string;
  readonly clientKey: string;
  stop(): Promise<void>;
}

/**
 * Starts sshd on `ports` with a fresh host key and client key under `dir`; every session, exec or shell,
 * runs `forceCommand` (the original command in SSH_ORIGINAL_COMMAND, the local port in SSH_CONNECTION).
 */
export async function startForcedSshd(dir: string, ports: readonly number[], forceCommand: string): Promise<ForcedSshd> {
  fs.mkdirSync("/run/sshd", { recursive: true });
  const hostKeyFile = path.join(dir, "host_ed25519");
  const clientKeyFile = path.join(dir, "client_ed25519");
  keygen(hostKeyFile);
  keygen(clientKeyFile);
  fs.copyFileSync(`${clientKeyFile}.pub`, path.join(dir, "authorized_keys"));
  const config = path.join(dir, "sshd_config");
  fs.writeFileSync(
    config,
    [
      ...ports.map((p) => `Port ${p}`),
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKeyFile}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
      "StrictModes no",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "PermitRootLogin prohibit-password",
      `ForceCommand ${forceCommand}`,
      "MaxStartups 100",
      "LogLevel ERROR",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(SSHD!, ["-D", "-f", config, "-E", path.join(dir, "sshd.log")], { stdio: "ignore" });
  await Promise.all(ports.map((p) => waitPort(p, 10_000)));
  const [type, blob] = fs.readFileSync(`${hostKeyFile}.pub`, "utf8").trim().split(/\s+/);
  return {
    hostKey: `${type} ${blob}`,
    clientKey: fs.readFileSync(clientKeyFile, "utf8"),
    async stop() {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await done;
      }
    },
  };
}

/**
 * `after`: shell lines each session runs once it has recorded its command and stdin (`$port` is set),
 * e.g. to make one device fail with a message of its own.
 */
export async function startRecordingSshd(dir: string, ports: readonly number[], after: readonly string[] = []): Promise<RecordingSshd> {
  fs.mkdirSync(path.join(dir, "log"), { recursive: true });
  const record = path.join(dir, "record.sh");
  fs.writeFileSync(
    record,
    [
      "#!/bin/sh",
      `port=$(echo "$SSH_CONNECTION" | awk '{print $4}')`,
      `f="${dir}/log/$(date +%s%N).$port.$$"`,
      `printf '%s' "$SSH_ORIGINAL_COMMAND" > "$f.cmd"`,
      `cat > "$f.in"`,
      ...after,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  const sshd = await startForcedSshd(dir, ports, record);
  return {
    dir,
    hostKey: sshd.hostKey,
    clientKey: sshd.clientKey,
    ports,
    sessions() {
      const files = fs.readdirSync(path.join(dir, "log")).filter((f) => f.endsWith(".cmd")).sort();
      return files.map((f) => {
        const base = f.slice(0, -4);
        const port = Number(base.split(".")[1]);
        const input = fs.existsSync(path.join(dir, "log", `${base}.in`)) ? fs.readFileSync(path.join(dir, "log", `${base}.in`), "utf8") : "";
        return { port, command: fs.readFileSync(path.join(dir, "log", f), "utf8"), input };
      });
    },
    stop: () => sshd.stop(),
  };
}
