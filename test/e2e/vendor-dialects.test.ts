/**
 * The product's own shell dialects (VRP, NX-OS, EOS, Junos) through the real shell driver over a real SSH
 * login, against scripted CLIs written from each vendor's documentation (helpers/vendor-cli.cjs names the
 * guides). DOCUMENTED BEHAVIOUR, NOT A DEVICE: the scripted CLI plays prompts per mode, paging, error
 * markers, confirmation questions, and what commit, abort and leaving configuration mode do; it does not
 * check configuration syntax (golden files and Ansible's parsers do that).
 *
 * For each platform: a device of the city inventory is configured in one session (its real objects, the
 * platform's wrap, the driver picked by its capabilities), its running configuration is read back whole
 * (longer than a page: paging must be off), and a change with a refused line in the middle stops at
 * that line and leaves the running configuration as it was (NX-OS, which has no candidate, keeps the
 * lines before it, as its guide says, and the error says how many).
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { canRunSshd, startForcedSshd, type ForcedSshd } from "./helpers/recordingSshd";
import { requirePrerequisite } from "../unit/helpers/prerequisites";
import { loadNetwork } from "../../pipeline/index";
import { platformOf } from "../../platforms/registry";
import { openSession } from "../../transport/index";
import { TransportError, type DeviceTarget } from "../../transport/types";
import type { PlatformName } from "../../model/types";
import type { ConfigObject } from "../../platforms/types";

const CITY = path.join(__dirname, "..", "..", "inventory", "kragujevac.yaml");
const CLI = path.join(__dirname, "helpers", "vendor-cli.cjs");
/** Lines per page of the scripted CLIs (a terminal of 10 lines): every running configuration read is longer. */
const PAGE = 10;

interface Case {
  readonly platform: PlatformName;
  readonly vendor: "vrp" | "nxos" | "eos" | "junos";
  readonly port: number;
  readonly device: string;
  /** A line the CLI refuses (a VLAN number out of range), written as the platform writes that command. */
  readonly refused: string;
  /** Valid lines before and after it. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const CASES: readonly Case[] = [
  { platform: "huawei-vrp", vendor: "vrp", port: 2361, device: "kg-dc1-leaf1", refused: "vlan 4095",
    before: ["vlan 3001", " name drill-before", "quit"], after: ["vlan 3002", " name drill-after", "quit"] },
  { platform: "cisco-nxos", vendor: "nxos", port: 2362, device: "kg-jkp-wan1", refused: "vlan 4095",
    before: ["vlan 3001", "  name drill-before", "  exit"], after: ["vlan 3002", "  name drill-after", "  exit"] },
  { platform: "arista-eos", vendor: "eos", port: 2363, device: "kg-registry-wan1", refused: "vlan 4095",
    before: ["vlan 3001", "   name drill-before", "   exit"], after: ["vlan 3002", "   name drill-after", "   exit"] },
  { platform: "junos", vendor: "junos", port: 2364, device: "kg-cityhall-wan1", refused: "set vlans drill-bad vlan-id 4095",
    before: ["set vlans drill-before vlan-id 3001"], after: ["set vlans drill-after vlan-id 3002"] },
];

const why = canRunSshd();
requirePrerequisite("scripted vendor CLIs over a real sshd", why);

let dir: string;
let sshd: ForcedSshd | undefined;
let hostKey: string;
let clientKey: string;

const stateFile = (c: Case): string => path.join(dir, `${c.vendor}.json`);
interface CliState {
  running: unknown[];
  saved: unknown[];
  log: { mode?: string; line?: string; event?: string }[];
}
const stateOf = (c: Case): CliState => JSON.parse(fs.readFileSync(stateFile(c), "utf8")) as CliState;

function target(c: Case): DeviceTarget {
  return { device: c.device, platform: c.platform, host: "127.0.0.1", port: c.port, user: "root", hostKey, privateKey: clientKey, timeoutMs: 10_000 };
}

/** The lines of an object that the running configuration must show (navigation lines are not shown). */
const shownLines = (o: ConfigObject): string[] => o.apply.map((l) => l.trim()).filter((l) => !/^(quit|exit|#|!)$/.test(l));

describe.skipIf(!!why)("the product's shell dialects against scripted CLIs (documented behaviour, not devices)", () => {
  const net = loadNetwork(CITY);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-e2e-dialects-"));
    const login = path.join(dir, "login.sh");
    fs.writeFileSync(
      login,
      [
        "#!/bin/sh",
        `port=$(echo "$SSH_CONNECTION" | awk '{print $4}')`,
        "case $port in",
        ...CASES.map((c) => `  ${c.port}) exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${c.vendor} ${JSON.stringify(stateFile(c))} ${PAGE} ;;`),
        "esac",
        "exit 1",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    sshd = await startForcedSshd(dir, CASES.map((c) => c.port), login);
    hostKey = sshd.hostKey;
    clientKey = sshd.clientKey;
  });

  afterAll(async () => {
    await sshd?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    describe(`${c.platform} (scripted from the vendor's guide)`, () => {
      it("the platform's driver is the shell driver, with the product's dialect", () => {
        const p = platformOf(c.platform);
        expect(p.capabilities.transport).toBe("shell");
        expect(p.shell).toBeDefined();
      });

      it("configures a device in one session: every object's lines live, the whole running configuration read back past a page", async () => {
        const objects = net.objects.get(c.device)!;
        expect(objects.length).toBeGreaterThan(3);
        const p = platformOf(c.platform);
        const script = p.wrap(objects.flatMap((o) => o.apply));
        const s = await openSession(target(c));
        let running: string;
        try {
          await s.apply(script);
          [running] = await s.show([p.runningConfig.command]);
        } finally {
          await s.close();
        }
        const shown = new Set(running!.split("\n").map((l) => l.trim()));
        expect(running!.split("\n").length).toBeGreaterThan(PAGE); // longer than the CLI's page
        expect(running!).not.toMatch(/More|\(more\)/);
        for (const o of objects) for (const l of shownLines(o)) expect(shown.has(l), `${o.key}: ${l}`).toBe(true);
        const st = stateOf(c);
        expect(st.log.filter((e) => e.event === "commit").length).toBe(c.vendor === "nxos" ? 0 : 1);
        // what the dialect saves (Junos: a commit is persistent, nothing to save)
        if (c.vendor !== "junos") expect(st.saved).toEqual(st.running);
        // paging was turned off before anything else was typed
        const firstTyped = st.log.find((e) => e.line !== undefined)!.line;
        expect(firstTyped).toBe(p.shell!.pagingOff[0]);
      });

      it("a refused line mid-change: the driver stops there, sends nothing after it, and the change is not live", async () => {
        const p = platformOf(c.platform);
        const before = stateOf(c).running;
        const s = await openSession(target(c));
        let error: unknown;
        try {
          await s.apply(p.wrap([...c.before, c.refused, ...c.after]));
        } catch (e) {
          error = e;
        } finally {
          await s.close();
        }
        expect(error).toBeInstanceOf(TransportError);
        const msg = (error as Error).message;
        expect(msg).toContain(`\`${c.refused}\` was refused`);
        expect(msg).toContain(`${c.before.length} line(s) before it were sent, none after it`);
        const st = stateOf(c);
        const typed = st.log.filter((e) => e.line !== undefined).map((e) => e.line!);
        for (const l of c.after.filter((x) => !/^\s*(quit|exit)$/.test(x))) expect(typed).not.toContain(l.trim());
        if (c.vendor === "nxos") {
          // no candidate: the lines before the refused one took effect (Fundamentals guide); said in the error
          expect(JSON.stringify(st.running)).toContain("drill-before");
          expect(msg).not.toContain("aborted");
        } else {
          expect(st.running).toEqual(before);
          expect(msg).toContain("the change was aborted");
        }
        expect(JSON.stringify(st.running)).not.toContain("drill-after");
      });
    });
  }

  it("junos: shell syntax in a description reaches the CLI as text and is committed as text", async () => {
    const c = CASES.find((x) => x.vendor === "junos")!;
    const marker = path.join(dir, "pwned");
    const p = platformOf("junos");
    const line = `set interfaces ge-0/0/7 description "$(touch ${marker}) \`touch ${marker}\`"`;
    const s = await openSession(target(c));
    try {
      await s.apply(p.wrap([line]));
    } finally {
      await s.close();
    }
    expect(fs.existsSync(marker)).toBe(false);
    expect(stateOf(c).running).toContain(line);
  });
});
