/**
 * QoS marking and ACLs on the twin's FRR routers are nftables chains (nft(8), nftables 1.0.6 as Debian 12
 * ships it). The independent parser here is nft itself: every chain the city's twin renders is checked with
 * `nft -c`, applied in a scratch network namespace, listed back and read back object by object (the rules as
 * nft prints them must be exactly the object's), applied a second time (one chain each, nothing doubled), and
 * removed. A line nft refuses fails the check before anything is applied. Needs root and nft (scripts/setup.sh
 * installs nftables).
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twinInventory } from "../../../lab/twin";
import { parseInventory } from "../../../model/load";
import { renderInventory, type RenderedDevice } from "../../../pipeline/index";
import { frr, NFT } from "../../../platforms/frr";
import type { ConfigObject } from "../../../platforms/types";
import { requirePrerequisite } from "../helpers/prerequisites";

const ROOT = join(__dirname, "..", "..", "..");
const root = typeof process.getuid === "function" && process.getuid() === 0;
const hasNft = spawnSync("sh", ["-c", "command -v nft"]).status === 0;
requirePrerequisite("nftables chains of the twin's routers", root && hasNft ? undefined : "needs root and nft (Debian's nftables)");

const NS = `citydc-nft-${process.pid}`;
const inNs = (args: string[], input?: string) => spawnSync("ip", ["netns", "exec", NS, ...args], { encoding: "utf8", input });
const nftFile = (lines: readonly string[]): string => lines.filter((l) => l.startsWith(NFT)).map((l) => l.slice(NFT.length)).join("\n") + "\n";

function twinDevices(): RenderedDevice[] {
  const doc = yaml.load(readFileSync(join(ROOT, "inventory", "kragujevac.yaml"), "utf8")) as Record<string, unknown>;
  const twin = twinInventory(doc).doc;
  const r = parseInventory(yaml.dump(twin, { lineWidth: -1 }), "twin.yaml");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return renderInventory(r.inventory!).filter((d) => d.platform === "frr");
}

describe.skipIf(!root || !hasNft)("nftables on the twin's FRR routers (nft -c, apply, list, read back, re-apply, remove)", () => {
  const devices = twinDevices();
  const nftObjects = (d: RenderedDevice): ConfigObject[] => d.objects.filter((o) => o.kind === "acl" || o.kind === "qos");

  beforeAll(() => {
    spawnSync("ip", ["netns", "add", NS]);
  });
  afterAll(() => {
    spawnSync("ip", ["netns", "del", NS]);
  });

  it("the twin of the city puts ACLs on the gateway and border routers and marking on the gateways", () => {
    const byDevice = new Map(devices.map((d) => [d.device, nftObjects(d).map((o) => o.key)] as const));
    expect(byDevice.get("kg-dc1-spine1-rt")).toEqual(["qos", ...[10, 100, 110, 120, 130, 140, 150, 200].map((v) => `acl:CITYDC-V${v}-IN`)]);
    expect(byDevice.get("kg-dc1-border1-rt")).toEqual(["acl:CITYDC-KG-CITYHALL-IN", "acl:CITYDC-KG-JKP-IN", "acl:CITYDC-KG-REGISTRY-IN", "acl:CITYDC-KG-NSZ-IN"]);
    // the branch routers hold none: their traffic is filtered where it enters the data centers
    expect(byDevice.get("kg-jkp-wan1")).toEqual([]);
  });

  for (const name of ["kg-dc1-spine1-rt", "kg-dc1-border1-rt", "kg-dc2-leaf1-rt"]) {
    it(`${name}: every chain passes nft -c, applies, reads back exactly, re-applies without doubling, and is removed`, () => {
      const d = devices.find((x) => x.device === name)!;
      const objects = nftObjects(d);
      expect(objects.length).toBeGreaterThan(0);
      const all = objects.flatMap((o) => o.apply);
      const check = inNs(["nft", "-c", "-f", "-"], nftFile(all));
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
      for (let round = 0; round < 2; round++) {
        const apply = inNs(["nft", "-f", "-"], nftFile(all));
        expect(apply.status, apply.stderr).toBe(0);
        for (const o of objects) {
          const shown = inNs(["sh", "-c", o.readBack]);
          expect(shown.status, shown.stderr).toBe(0);
          const rb = frr.parseReadBack(o, shown.stdout);
          expect(rb.present).toBe(true);
          expect(rb.fields, `${o.key}\n${shown.stdout}`).toEqual(o.fields);
        }
      }
      // a rule typed by hand into a chain is drift
      const first = objects.find((o) => o.kind === "acl")!;
      const chain = String(first.fields.name);
      expect(inNs(["nft", "add", "rule", "ip", "citydc", chain, "ip", "saddr", "192.0.2.1", "drop"]).status).toBe(0);
      const drifted = frr.parseReadBack(first, inNs(["sh", "-c", first.readBack]).stdout);
      expect(drifted.fields?.unexpected).toEqual(["ip saddr 192.0.2.1 drop"]);
      const remove = inNs(["nft", "-f", "-"], nftFile(objects.flatMap((o) => o.remove)));
      expect(remove.status, remove.stderr).toBe(0);
      for (const o of objects) expect(frr.parseReadBack(o, inNs(["sh", "-c", o.readBack]).stdout).present).toBe(false);
    });
  }

  it("a line nft refuses fails the check, and nothing of the file is applied", () => {
    const d = devices.find((x) => x.device === "kg-dc1-spine1-rt")!;
    const acl = d.objects.find((o) => o.kind === "acl")!;
    const bad = [...acl.apply, `${NFT}add rule ip citydc ${String(acl.fields.name)} ip saddr 10.0.0.0/33 accept`];
    expect(inNs(["nft", "-c", "-f", "-"], nftFile(bad)).status).not.toBe(0);
    expect(inNs(["nft", "-f", "-"], nftFile(bad)).status).not.toBe(0);
    expect(frr.parseReadBack(acl, inNs(["sh", "-c", acl.readBack]).stdout).present).toBe(false);
  });

  it("the session script checks vtysh's and nft's lines before it applies either, and applies nft's last", () => {
    const d = devices.find((x) => x.device === "kg-dc1-spine1-rt")!;
    const lines = d.objects.filter((o) => o.kind === "port" || o.kind === "acl").flatMap((o) => o.apply);
    const [script] = frr.wrap(lines);
    const at = (s: string) => script!.indexOf(s);
    expect(at('vtysh -C -f "$f"')).toBeGreaterThan(0);
    expect(at('nft -c -f "$n"')).toBeGreaterThan(at('vtysh -C -f "$f"'));
    expect(at('vtysh -f "$f"')).toBeGreaterThan(at('nft -c -f "$n"'));
    expect(at('nft -f "$n"')).toBeGreaterThan(at("vtysh -c 'write memory'"));
    // and vtysh never sees an nft line
    expect(script).not.toMatch(/printf '%s\\n' [^>]*'add chain[^>]*> "\$f"/);
  });
});
