/**
 * The same work done by Ansible, for the comparison in `npm run bench`: an inventory, a playbook and an
 * ansible.cfg generated from the citydc inventory (the per-device intent, so both tools push the same
 * pruned VLAN lists), run with `ansible-playbook` against the same lab switches with the same SSH key and
 * the same pinned host keys (a known_hosts file, StrictHostKeyChecking=yes).
 *
 * The playbook is what a network team would write with the openvswitch.openvswitch collection: bridge,
 * ports (access tag), bonds (LACP), trunk lists (openvswitch_db), each module run per item. Ansible gets
 * its fastest safe settings: pipelining, SSH ControlPersist, one fork per switch, no fact gathering.
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { dump } from "js-yaml";
import type { Inventory } from "../model/types";
import type { DeviceIntent } from "../intent/types";

export interface LabDeviceLogin {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly hostKey: string;
}

export interface AnsibleFiles {
  readonly dir: string;
  readonly config: string;
  readonly playbook: string;
  readonly knownHosts: string;
}

/** The bridge citydc's ovs platform and the lab use. */
export const OVS_BRIDGE = "br0";

interface HostVars {
  ansible_host: string;
  ansible_port: number;
  ansible_user: string;
  /** The VLANs, recorded as bridge external_ids like citydc does (OVS has no VLAN table). */
  vlans: Record<string, string>;
  ports: { name: string; tag?: number }[];
  bonds: { name: string; interfaces: string[]; lacp: string }[];
  /** vlan_mode of every managed port and bond. */
  modes: { name: string; value: string }[];
  trunks: { name: string; value: string }[];
  /** Bond access VLANs and native VLANs. */
  tags: { name: string; value: number }[];
}

function ovsList(values: readonly number[]): string {
  return values.length ? `[${values.join(", ")}]` : "[4095]";
}

/** Host variables of one ovs device from its intent: the same state citydc's ovs platform pushes. */
export function hostVars(intent: DeviceIntent, login: LabDeviceLogin): HostVars {
  const vars: HostVars = {
    ansible_host: login.host,
    ansible_port: login.port,
    ansible_user: login.user,
    vlans: Object.fromEntries(intent.vlans.map((v) => [`citydc-vlan-${v.id}`, v.name])),
    ports: [],
    bonds: [],
    modes: [],
    trunks: [],
    tags: [],
  };
  const vlanSettings = (name: string, p: DeviceIntent["ports"][number]) => {
    if (p.mode === "access" && p.vlan !== undefined) vars.modes.push({ name, value: "access" });
    if (p.mode === "trunk") {
      vars.modes.push({ name, value: p.native !== undefined ? "native-untagged" : "trunk" });
      vars.trunks.push({ name, value: ovsList(p.allowed ?? []) });
      if (p.native !== undefined) vars.tags.push({ name, value: p.native });
    }
  };
  for (const p of intent.ports) {
    if (p.lag || !p.enabled) continue;
    if (p.mode === "access" && p.vlan !== undefined) vars.ports.push({ name: p.name, tag: p.vlan });
    else if (p.mode === "trunk") vars.ports.push({ name: p.name });
    else continue;
    vlanSettings(p.name, p);
  }
  for (const l of intent.lags) {
    vars.bonds.push({ name: l.name, interfaces: [...l.members], lacp: l.lacp === "static" ? "off" : l.lacp });
    if (l.port.mode === "access" && l.port.vlan !== undefined) vars.tags.push({ name: l.name, value: l.port.vlan });
    vlanSettings(l.name, l.port);
  }
  return vars;
}

const PLAYBOOK = [
  {
    name: "Open vSwitch switches as the citydc inventory says (bench comparison)",
    hosts: "switches",
    gather_facts: false,
    tasks: [
      { name: "bridge", "openvswitch.openvswitch.openvswitch_bridge": { bridge: OVS_BRIDGE, state: "present" } },
      {
        // openvswitch_bridge's external_ids fails on a bridge without any (collection 2.1.1), so: the db module.
        name: "VLANs (bridge external_ids)",
        "openvswitch.openvswitch.openvswitch_db": { table: "Bridge", record: OVS_BRIDGE, col: "external_ids", key: "{{ item.key }}", value: "{{ item.value }}" },
        loop: "{{ vlans | dict2items }}",
        loop_control: { label: "{{ item.key }}" },
      },
      {
        name: "access and trunk ports",
        "openvswitch.openvswitch.openvswitch_port": {
          bridge: OVS_BRIDGE,
          port: "{{ item.name }}",
          tag: "{{ item.tag | default(omit) }}",
          external_ids: { citydc: "managed" },
          state: "present",
        },
        loop: "{{ ports }}",
        loop_control: { label: "{{ item.name }}" },
      },
      {
        name: "LACP bonds",
        "openvswitch.openvswitch.openvswitch_bond": {
          bridge: OVS_BRIDGE,
          port: "{{ item.name }}",
          interfaces: "{{ item.interfaces }}",
          lacp: "{{ item.lacp }}",
          external_ids: { citydc: "managed" },
          state: "present",
        },
        loop: "{{ bonds }}",
        loop_control: { label: "{{ item.name }}" },
      },
      {
        name: "VLAN modes",
        "openvswitch.openvswitch.openvswitch_db": { table: "Port", record: "{{ item.name }}", col: "vlan_mode", value: "{{ item.value }}" },
        loop: "{{ modes }}",
        loop_control: { label: "{{ item.name }}" },
      },
      {
        // openvswitch_db cannot set a multi-VLAN trunk list idempotently (the value's spaces split the
        // ovs-vsctl arguments; without them it never compares equal), so the usual pattern: read, compare,
        // set only when different, and only report in check mode.
        name: "trunk VLAN lists",
        "ansible.builtin.shell":
          'cur=$(ovs-vsctl -t 5 get Port {{ item.name }} trunks); if [ "$cur" = "{{ item.value }}" ]; then echo same; ' +
          'elif [ "{{ ansible_check_mode }}" = "True" ]; then echo changed; ' +
          "else ovs-vsctl -t 5 set Port {{ item.name }} 'trunks={{ item.value }}' && echo changed; fi",
        check_mode: false,
        register: "trunk_result",
        changed_when: "'changed' in trunk_result.stdout",
        loop: "{{ trunks }}",
        loop_control: { label: "{{ item.name }}" },
      },
      {
        name: "bond access VLANs and native VLANs",
        "openvswitch.openvswitch.openvswitch_db": { table: "Port", record: "{{ item.name }}", col: "tag", value: "{{ item.value }}" },
        loop: "{{ tags }}",
        loop_control: { label: "{{ item.name }}" },
      },
    ],
  },
];

/** Writes ansible.cfg, the playbook and known_hosts into `dir` (inventories come from writeInventory). */
export function writeAnsibleFiles(dir: string, logins: readonly LabDeviceLogin[], keyFile: string, forks: number): AnsibleFiles {
  mkdirSync(dir, { recursive: true });
  const knownHosts = join(dir, "known_hosts");
  writeFileSync(knownHosts, logins.map((l) => `[${l.host}]:${l.port} ${l.hostKey}`).join("\n") + "\n", { mode: 0o600 });
  const config = join(dir, "ansible.cfg");
  writeFileSync(
    config,
    [
      "[defaults]",
      "host_key_checking = True",
      `forks = ${forks}`,
      "gathering = explicit",
      "interpreter_python = /usr/bin/python3",
      "retry_files_enabled = False",
      "stdout_callback = default",
      `private_key_file = ${keyFile}`,
      `local_tmp = ${join(dir, "tmp")}`,
      "",
      "[ssh_connection]",
      "pipelining = True",
      "transfer_method = piped",
      `control_path_dir = ${join(dir, "cp")}`,
      `ssh_args = -o ControlMaster=auto -o ControlPersist=300s -o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -o BatchMode=yes`,
      "",
    ].join("\n"),
  );
  const playbook = join(dir, "playbook.yml");
  writeFileSync(playbook, dump(PLAYBOOK, { lineWidth: -1, noRefs: true }));
  return { dir, config, playbook, knownHosts };
}

/** Writes an Ansible inventory (YAML, host vars inline) for the ovs devices of `inv`. */
export function writeInventory(file: string, inv: Inventory, intents: ReadonlyMap<string, DeviceIntent>, logins: readonly LabDeviceLogin[]): string {
  const byName = new Map(logins.map((l) => [l.name, l]));
  const hosts: Record<string, HostVars> = {};
  for (const d of inv.devices) {
    if (d.platform !== "ovs") continue;
    const intent = intents.get(d.name);
    const login = byName.get(d.name);
    if (!intent || !login) continue;
    hosts[d.name] = hostVars(intent, login);
  }
  writeFileSync(file, dump({ switches: { hosts } }, { lineWidth: -1, noRefs: true, flowLevel: 4 }));
  return file;
}

export interface PlaybookRun {
  readonly wallMs: number;
  readonly code: number;
  readonly ok: number;
  readonly changed: number;
  readonly failed: number;
  readonly unreachable: number;
  /** Module runs (task items) over all hosts, from the recap. */
  readonly tail: string;
}

/**
 * Closes the SSH master connections Ansible left behind (ControlPersist) for these files, so that no
 * session outlives the lab it was opened to. Only our own masters: those whose control sockets are in
 * our control_path_dir.
 */
export function closeConnections(files: AnsibleFiles, logins: readonly LabDeviceLogin[]): void {
  const cp = join(files.dir, "cp");
  if (!existsSync(cp)) return;
  for (const sock of readdirSync(cp)) {
    spawnSync("ssh", ["-o", `ControlPath=${join(cp, sock)}`, "-O", "exit", "dummy"], { stdio: "ignore", timeout: 5000 });
  }
  void logins;
}

/** Runs ansible-playbook; `check` adds --check (dry run: what would change). */
export function runPlaybook(files: AnsibleFiles, inventory: string, check: boolean): Promise<PlaybookRun> {
  const args = ["-i", inventory, files.playbook, ...(check ? ["--check"] : [])];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("ansible-playbook", args, {
      cwd: files.dir,
      env: { ...process.env, ANSIBLE_CONFIG: files.config, ANSIBLE_NOCOLOR: "1", ANSIBLE_HOME: join(files.dir, "home") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const sum = { ok: 0, changed: 0, failed: 0, unreachable: 0 };
      for (const m of out.matchAll(/ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/g)) {
        sum.ok += Number(m[1]);
        sum.changed += Number(m[2]);
        sum.unreachable += Number(m[3]);
        sum.failed += Number(m[4]);
      }
      resolve({ wallMs, code: code ?? 1, ...sum, tail: out.trim().split("\n").slice(-12).join("\n") });
    });
  });
}
