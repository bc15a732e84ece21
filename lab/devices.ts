/**
 * One lab device: an Open vSwitch instance (userspace datapath, own database and sockets) or an FRR
 * instance (zebra, staticd, bgpd in their own pathspace), each in the device's network namespace, plus
 * an sshd on the device's management port whose sessions run on that device.
 */
import * as fs from "fs";
import * as path from "path";
import { run, capture, LabError } from "./run";
import { alive, stop, waitFor, readPid } from "./procs";
import type { LabDevice } from "./topology";
import { CLI_USER, RUN_ROOT } from "./topology";

const OVS_SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
const FRR_LIB = "/usr/lib/frr";
/** FRR daemons a lab router runs (zebra first: the others connect to it). */
export const FRR_DAEMONS = ["zebra", "staticd", "bgpd"] as const;
/** The bridge the lab creates on every switch ("the chassis"); citydc configures its ports. */
export const BRIDGE = "br0";
const VTYSH_SHELL = `${RUN_ROOT}/bin/citydc-vtysh`;

export function ovsEnv(d: LabDevice): NodeJS.ProcessEnv {
  return { ...process.env, OVS_RUNDIR: d.runDir, OVS_DBDIR: d.runDir, OVS_LOGDIR: d.runDir };
}

function writeIfChanged(file: string, text: string, mode: number): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
  return true;
}

// ------------------------------------------------------------------ Open vSwitch

export function ovsRunning(d: LabDevice): boolean {
  return alive(`${d.runDir}/ovsdb-server.pid`, "ovsdb-server") && alive(`${d.runDir}/ovs-vswitchd.pid`, "ovs-vswitchd");
}

export function ensureOvs(d: LabDevice): string[] {
  const changed: string[] = [];
  const env = ovsEnv(d);
  const db = `${d.runDir}/conf.db`;
  if (!fs.existsSync(db)) {
    run("ovsdb-tool", ["create", db, OVS_SCHEMA]);
    changed.push(`${d.name}: ovs database`);
  }
  if (!alive(`${d.runDir}/ovsdb-server.pid`, "ovsdb-server")) {
    run("ovsdb-server", [
      db,
      `--remote=punix:${d.runDir}/db.sock`,
      `--pidfile=${d.runDir}/ovsdb-server.pid`,
      `--log-file=${d.runDir}/ovsdb-server.log`,
      "--detach",
      "--no-chdir",
    ], { env });
    run("ovs-vsctl", ["--no-wait", "--timeout=10", "init"], { env });
    changed.push(`${d.name}: ovsdb-server`);
  }
  if (!alive(`${d.runDir}/ovs-vswitchd.pid`, "ovs-vswitchd")) {
    run("ip", [
      "netns", "exec", d.namespace,
      "ovs-vswitchd",
      `unix:${d.runDir}/db.sock`,
      `--pidfile=${d.runDir}/ovs-vswitchd.pid`,
      `--log-file=${d.runDir}/ovs-vswitchd.log`,
      "--detach",
      "--no-chdir",
    ], { env });
    changed.push(`${d.name}: ovs-vswitchd`);
  }
  const exists = capture("ovs-vsctl", ["--timeout=10", "br-exists", BRIDGE], { env }).status === 0;
  if (!exists) {
    run("ovs-vsctl", ["--timeout=20", "--may-exist", "add-br", BRIDGE, "--", "set", "bridge", BRIDGE, "datapath_type=netdev"], { env });
    changed.push(`${d.name}: bridge ${BRIDGE} (netdev)`);
  }
  return changed;
}

export function stopOvs(runDir: string): void {
  stop(`${runDir}/ovs-vswitchd.pid`, "ovs-vswitchd");
  stop(`${runDir}/ovsdb-server.pid`, "ovsdb-server");
}

// ------------------------------------------------------------------ FRRouting

export function frrRunDir(pathspace: string): string {
  return `/var/run/frr/${pathspace}`;
}

export function frrConfDir(pathspace: string): string {
  return `/etc/frr/${pathspace}`;
}

export function frrRunning(d: LabDevice): boolean {
  return FRR_DAEMONS.every((dm) => alive(`${frrRunDir(d.pathspace)}/${dm}.pid`, dm));
}

function chownFrr(p: string): void {
  run("chown", ["frr:frr", p]);
}

export function ensureFrr(d: LabDevice): string[] {
  const changed: string[] = [];
  const runDir = frrRunDir(d.pathspace);
  const confDir = frrConfDir(d.pathspace);
  for (const dir of [runDir, confDir]) {
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      chownFrr(dir);
    }
  }
  const conf = `${confDir}/frr.conf`;
  if (!fs.existsSync(conf)) {
    fs.writeFileSync(conf, `hostname ${d.name}\nservice integrated-vtysh-config\n!\n`, { mode: 0o640 });
    chownFrr(conf);
  }
  const vconf = `${confDir}/vtysh.conf`;
  if (!fs.existsSync(vconf)) {
    // vtysh takes the prompt's hostname from here.
    fs.writeFileSync(vconf, `service integrated-vtysh-config\nhostname ${d.name}\n`, { mode: 0o640 });
    chownFrr(vconf);
  }
  // A router forwards: the namespace's kernel table carries what zebra installs.
  const fwd = capture("ip", ["netns", "exec", d.namespace, "sysctl", "-n", "net.ipv4.ip_forward"]).stdout.trim();
  if (fwd !== "1") {
    run("ip", ["netns", "exec", d.namespace, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]);
    changed.push(`${d.name}: ip forwarding`);
  }
  for (const dm of FRR_DAEMONS) {
    const pidfile = `${runDir}/${dm}.pid`;
    if (alive(pidfile, dm)) continue;
    fs.rmSync(pidfile, { force: true });
    // Own UTS namespace too, so the daemons call themselves by the device's name (running-config hostname).
    run("ip", [
      "netns", "exec", d.namespace, "unshare", "--uts", "/bin/sh", "-c", 'hostname "$0" && exec "$@"', d.name,
      `${FRR_LIB}/${dm}`, "-N", d.pathspace, "-d", "-P", "0", "-i", pidfile,
    ]);
    if (!waitFor(() => alive(pidfile, dm), 10_000)) throw new LabError(`${d.name}: ${dm} did not start`, `see the system log; try \`lab down\` then \`lab up\``);
    changed.push(`${d.name}: ${dm}`);
  }
  // The daemons need a moment to open their vty sockets before vtysh can reach them all.
  waitFor(() => FRR_DAEMONS.every((dm) => fs.existsSync(`${runDir}/${dm}.vty`)), 10_000);
  return changed;
}

export function stopFrr(pathspace: string): void {
  const runDir = frrRunDir(pathspace);
  for (const dm of [...FRR_DAEMONS].reverse()) stop(`${runDir}/${dm}.pid`, dm);
  // Any other daemon that left a pid file in this pathspace.
  if (fs.existsSync(runDir)) for (const f of fs.readdirSync(runDir)) if (f.endsWith(".pid")) stop(path.join(runDir, f));
}

// ------------------------------------------------------------------ accounts

function accountExists(user: string): boolean {
  return capture("getent", ["passwd", user]).status === 0;
}

function recordAccount(user: string, root: string): void {
  const file = `${root}/accounts`;
  const have = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
  if (!have.includes(user)) fs.appendFileSync(file, `${user}\n`);
}

/**
 * The device login must be a system account whose sessions may enter the namespace: root, an existing
 * account, or a "citydc*" name that the lab creates as an alias of root (key login only, on 127.0.0.1)
 * and removes again on `lab down`.
 */
export function ensureAccount(user: string, shell = "/bin/sh", root = RUN_ROOT): string[] {
  if (accountExists(user)) return [];
  if (!user.startsWith("citydc")) {
    throw new LabError(
      `login user ${user} does not exist on this machine`,
      "use root or a name starting with citydc in the lab inventory (the lab creates citydc* accounts itself)",
    );
  }
  run("useradd", ["--system", "--password", "*", "--non-unique", "--uid", "0", "--gid", "0", "--no-create-home", "--home-dir", root, "--shell", shell, user]);
  recordAccount(user, root);
  return [`account ${user}`];
}

export function removeAccounts(root = RUN_ROOT): void {
  const file = `${root}/accounts`;
  if (!fs.existsSync(file)) return;
  for (const user of fs.readFileSync(file, "utf8").split("\n")) {
    if (user.startsWith("citydc") && accountExists(user)) capture("userdel", ["--force", user]);
  }
  fs.rmSync(file, { force: true });
}

/** The vtysh login shell of CLI_USER: vtysh of the router whose sshd set CITYDC_FRR_PATHSPACE. */
export function ensureCliAccount(): string[] {
  const changed: string[] = [];
  fs.mkdirSync(path.dirname(VTYSH_SHELL), { recursive: true });
  const script = [
    "#!/bin/sh",
    "# citydc lab: vtysh as a login shell, on the router whose sshd set CITYDC_FRR_PATHSPACE.",
    '[ -n "$CITYDC_FRR_PATHSPACE" ] || { echo "citydc-vtysh: no router for this session" >&2; exit 1; }',
    'if [ "$1" = "-c" ]; then exec /usr/bin/vtysh -N "$CITYDC_FRR_PATHSPACE" -c "$2"; fi',
    'exec /usr/bin/vtysh -N "$CITYDC_FRR_PATHSPACE"',
    "",
  ].join("\n");
  if (writeIfChanged(VTYSH_SHELL, script, 0o755)) changed.push("vtysh login shell");
  changed.push(...ensureAccount(CLI_USER, VTYSH_SHELL));
  return changed;
}

// ------------------------------------------------------------------ sshd

export function sshdRunning(d: LabDevice): boolean {
  return alive(`${d.runDir}/sshd.pid`, "sshd");
}

/** The session wrapper: every command sent to the device runs in its namespace with its OVS / FRR. */
function sessionScript(d: LabDevice): string {
  return [
    "#!/bin/sh",
    `# citydc lab: a login session on device ${d.name}.`,
    `export OVS_RUNDIR=${d.runDir} OVS_DBDIR=${d.runDir} CITYDC_DEVICE=${d.name}`,
    `export PATH=${d.runDir}/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    'if [ -n "$SSH_ORIGINAL_COMMAND" ]; then',
    `  exec ip netns exec ${d.namespace} /bin/sh -c "$SSH_ORIGINAL_COMMAND"`,
    "fi",
    `exec ip netns exec ${d.namespace} /bin/sh -i`,
    "",
  ].join("\n");
}

/**
 * `citydc-vrrp`, a router's VRRP front end: its groups are keepalived `vrrp_instance`s (keepalived.conf(5)),
 * one file each under the router's FRR configuration directory, keepalived's pid files in its FRR run
 * directory (so stopping the router stops keepalived). Arguments: `vrrp N interface I address A/L priority P`
 * or `no vrrp N`, each checked before any is written; then `keepalived -t` tests the whole configuration and
 * keepalived is started (VRRP only) or reloaded (SIGHUP), or stopped when no group is left. `show` prints the
 * groups as configured. Runs in the router's namespace (the session wrapper's PATH).
 */
export function vrrpScript(d: Pick<LabDevice, "name" | "pathspace">): string {
  const conf = `${frrConfDir(d.pathspace)}/keepalived`;
  const run = frrRunDir(d.pathspace);
  return [
    "#!/bin/sh",
    `# citydc lab: VRRP (keepalived) on router ${d.name}`,
    `dir=${conf}; run=${run}`,
    'mkdir -p "$dir" "$run"',
    'fail() { echo "citydc-vrrp: $*" >&2; exit 2; }',
    'num() { case "$1" in ""|*[!0-9]*) return 1;; esac; [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }',
    'if [ "$1" = show ]; then',
    '  for f in "$dir"/vrrp-*.conf; do [ -e "$f" ] && sed -n "1s/^# //p" "$f"; done',
    "  exit 0",
    "fi",
    "# every line first: nothing is written unless all of them are understood",
    "check() {",
    "  set -f; set -- $1; set +f",
    '  case "$1" in',
    '    vrrp) [ $# -eq 8 ] && [ "$3" = interface ] && [ "$5" = address ] && [ "$7" = priority ] || fail "% Invalid line: $a"',
    '          num "$2" 1 255 || fail "% virtual router id out of range (1-255): $a"',
    '          num "$8" 1 254 || fail "% priority out of range (1-254): $a"',
    '          case "$4" in ""|*[!A-Za-z0-9_.-]*) fail "% bad interface: $a";; esac',
    '          case "$6" in *.*.*.*/*) ;; *) fail "% bad address: $a";; esac',
    '          case "$6" in *[!0-9./]*) fail "% bad address: $a";; esac ;;',
    '    no) [ $# -eq 3 ] && [ "$2" = vrrp ] && num "$3" 1 255 || fail "% Invalid line: $a" ;;',
    '    *) fail "% Unknown command: $a" ;;',
    "  esac",
    "}",
    "write() {",
    "  set -f; set -- $1; set +f",
    '  if [ "$1" = no ]; then rm -f "$dir/vrrp-$3.conf"; return; fi',
    '  printf "# %s\\nvrrp_instance citydc_vrid%s {\\n    state BACKUP\\n    interface %s\\n    virtual_router_id %s\\n    priority %s\\n    advert_int 1\\n    virtual_ipaddress {\\n        %s\\n    }\\n}\\n" "$a" "$2" "$4" "$2" "$8" "$6" > "$dir/vrrp-$2.conf"',
    "}",
    'for a in "$@"; do check "$a"; done',
    'for a in "$@"; do write "$a"; done',
    `printf "global_defs {\\n    router_id %s\\n}\\ninclude %s/vrrp-*.conf\\n" ${d.name} "$dir" > "$dir/keepalived.conf"`,
    'pid=$(cat "$run/keepalived.pid" 2>/dev/null)',
    'if ! ls "$dir"/vrrp-*.conf >/dev/null 2>&1; then',
    '  [ -n "$pid" ] && kill "$pid" 2>/dev/null',
    "  exit 0",
    "fi",
    'keepalived -t -f "$dir/keepalived.conf" >/dev/null 2>&1 || fail "% keepalived refused its configuration ($dir)"',
    'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -HUP "$pid"; exit 0; fi',
    'exec keepalived --vrrp -f "$dir/keepalived.conf" -p "$run/keepalived.pid" -r "$run/vrrp.pid" </dev/null >/dev/null 2>&1',
    "",
  ].join("\n");
}

function sshdConfig(d: LabDevice, hostKeyFile: string): string {
  const users = d.kind === "router" ? `${d.user} ${CLI_USER}` : d.user;
  return [
    `# citydc lab: sshd of device ${d.name}`,
    `Port ${d.port}`,
    `ListenAddress ${d.address}`,
    `HostKey ${hostKeyFile}`,
    `PidFile ${d.runDir}/sshd.pid`,
    `AuthorizedKeysFile ${d.runDir}/authorized_keys`,
    "PubkeyAuthentication yes",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "UsePAM no",
    "PermitRootLogin prohibit-password",
    `AllowUsers ${users}`,
    "X11Forwarding no",
    "AllowTcpForwarding no",
    "AllowAgentForwarding no",
    "PrintMotd no",
    "PrintLastLog no",
    "MaxSessions 32",
    "MaxStartups 64",
    "LoginGraceTime 30",
    `SetEnv CITYDC_DEVICE=${d.name} CITYDC_FRR_PATHSPACE=${d.pathspace}`,
    `Match User ${d.user}`,
    `  ForceCommand ${d.runDir}/session.sh`,
    "",
  ].join("\n");
}

export function ensureSshd(d: LabDevice, hostKeyFile: string, clientPublicKey: string): string[] {
  const changed: string[] = [];
  fs.mkdirSync("/run/sshd", { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
  fs.mkdirSync(`${d.runDir}/bin`, { recursive: true });
  let dirty = writeIfChanged(`${d.runDir}/session.sh`, sessionScript(d), 0o755);
  if (d.kind === "router") {
    dirty = writeIfChanged(`${d.runDir}/bin/vtysh`, `#!/bin/sh\nexec /usr/bin/vtysh -N ${d.pathspace} "$@"\n`, 0o755) || dirty;
    // not a change of the sshd: written without restarting it
    writeIfChanged(`${d.runDir}/bin/citydc-vrrp`, vrrpScript(d), 0o755);
  }
  dirty = writeIfChanged(`${d.runDir}/authorized_keys`, `${clientPublicKey} citydc-lab\n`, 0o600) || dirty;
  const cfg = `${d.runDir}/sshd_config`;
  dirty = writeIfChanged(cfg, sshdConfig(d, hostKeyFile), 0o600) || dirty;
  const pidfile = `${d.runDir}/sshd.pid`;
  if (dirty && alive(pidfile, "sshd")) {
    stop(pidfile, "sshd");
  }
  if (!alive(pidfile, "sshd")) {
    run("/usr/sbin/sshd", ["-t", "-f", cfg]);
    run("/usr/sbin/sshd", ["-f", cfg, "-E", `${d.runDir}/sshd.log`]);
    if (!waitFor(() => alive(pidfile, "sshd"), 5000)) throw new LabError(`${d.name}: sshd did not start`, `see ${d.runDir}/sshd.log`);
    changed.push(`${d.name}: sshd on ${d.address}:${d.port}`);
  }
  return changed;
}

export function stopSshd(runDir: string): void {
  stop(`${runDir}/sshd.pid`, "sshd");
}

export { readPid };
