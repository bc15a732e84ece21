/**
 * A throw-away PostgreSQL cluster for the tests of the shared state backend and for the benchmark: `initdb` in a temp dir, the server
 * on a free loopback port (no Unix socket outside the dir), password login only, run as the `postgres` user
 * (or nobody: the server refuses to run as root), stopped and removed by `stop()`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

export interface Postgres {
  readonly dir: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** postgres://user:password@127.0.0.1:port/database?sslmode=disable */
  readonly url: string;
  /** Runs one SQL statement with psql; its output as psql prints it unaligned (-At). */
  sql(statement: string): string;
  stop(): void;
}

const BIN = ["/usr/lib/postgresql/15/bin", ...fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : []]
  .find((d) => fs.existsSync(path.join(d, "initdb")) && fs.existsSync(path.join(d, "pg_ctl")));

/** The unprivileged user the server runs as. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  for (const name of ["postgres", "nobody"]) {
    const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (r.status === 0 && g.status === 0) return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  return undefined;
}

/** Why this machine cannot start a cluster (undefined: it can). */
export function canRunPostgres(): string | undefined {
  if (!BIN) return "needs PostgreSQL (Debian package postgresql: scripts/setup.sh installs it)";
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "needs root (to run the server as an unprivileged user)";
  if (!serverUser()) return "needs a postgres or nobody user";
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(prefix = "citydc-pg-"): Promise<Postgres> {
  const why = canRunPostgres();
  if (why) throw new Error(why);
  const owner = serverUser()!;
  // a dir the server user can reach (a root-only temp dir above it would stop it)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  fs.mkdirSync(data, { mode: 0o700 });
  const password = `pg-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const pwfile = path.join(dir, "pwfile");
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  for (const p of [dir, data, pwfile]) fs.chownSync(p, owner.uid, owner.gid);
  const as = (args: string[]) => spawnSync("setpriv", ["--reuid", String(owner.uid), "--regid", String(owner.gid), "--clear-groups", ...args], { encoding: "utf8", cwd: dir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } });
  const init = as([path.join(BIN!, "initdb"), "-D", data, "-U", "citydc", "--pwfile", pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-instructions"]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  fs.rmSync(pwfile);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=100`;
  const start = as([path.join(BIN!, "pg_ctl"), "-D", data, "-l", path.join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}\n${fs.existsSync(path.join(dir, "server.log")) ? fs.readFileSync(path.join(dir, "server.log"), "utf8") : ""}`);
  const database = "citydc_state";
  const pg: Postgres = {
    dir,
    port,
    user: "citydc",
    password,
    database,
    url: `postgres://citydc:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}?sslmode=disable`,
    sql(statement: string) {
      const r = spawnSync(path.join(BIN!, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "citydc", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement], {
        encoding: "utf8",
        env: { ...process.env, PGPASSWORD: password },
      });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return r.stdout.trim();
    },
    stop() {
      as([path.join(BIN!, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const created = spawnSync(path.join(BIN!, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "citydc", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", `CREATE DATABASE ${database}`], {
    encoding: "utf8",
    env: { ...process.env, PGPASSWORD: password },
  });
  if (created.status !== 0) {
    pg.stop();
    throw new Error(`createdb failed: ${created.stderr}`);
  }
  return pg;
}
