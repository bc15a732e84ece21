/**
 * The topology of a change in `diff --impact --format markdown` and `plan --format markdown`: Mermaid inline,
 * and with --assets an SVG by Graphviz dot, the changed devices and links marked, their neighbours shown.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { afterAll, describe, expect, it } from "vitest";
import { run as diff } from "../../../cli/commands/diff";
import { loadInventory } from "../../../model/load";
import { formatMarkdown, type Plan, type PlanDevice } from "../../../pulumi/planReport";
import { changePicture, marksFromPlan } from "../../../publish/changes";
import { runCommand } from "../helpers/cli";

const ROOT = path.resolve(__dirname, "../../..");
const CITY = path.join(ROOT, "inventory/kragujevac.yaml");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-changes-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// leaf4's spare port becomes a storage port, the JKP WAN link stops running BGP
const changed = path.join(tmp, "changed.yaml");
fs.writeFileSync(
  changed,
  fs
    .readFileSync(CITY, "utf8")
    .replace('{ name: 10GE1/0/48, speed: 10G, enabled: false, description: "spare" }', '{ name: 10GE1/0/48, speed: 10G, mode: access, vlan: 150, description: "second storage port" }')
    .replace('{ kind: wan, bgp: true, description: "JKP metro fibre"', '{ kind: wan, bgp: false, description: "JKP metro fibre"'),
);

const texts = (svg: string): string[] => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#45;/g, "-"));

describe("diff --impact --format markdown: the topology of the change", () => {
  it("inline Mermaid with the changed devices marked; with --assets an SVG next to it, linked", async () => {
    const assets = path.join(tmp, "assets");
    const r = await runCommand(diff, [CITY, changed, "--impact", "--format", "markdown", "--assets", assets]);
    expect(r.code).toBe(1);
    const svgFile = path.join(assets, "diff-impact.svg");
    expect(r.out).toContain(`![devices and links this change touches](${svgFile})`);
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(r.out)?.[1] ?? "";
    expect(mermaid).toMatch(/^flowchart TB/);
    for (const d of ["kg-dc1-leaf4", "kg-dc1-border1", "kg-jkp-wan1"]) expect(mermaid).toContain(`${d}<br/>`);
    expect(mermaid).toMatch(/kg-dc1-leaf4<br\/>leaf \[changed\]/);
    expect(mermaid).toMatch(/kg-jkp-wan1<br\/>wan \[changed\]/);
    // a neighbour is drawn, unmarked
    expect(mermaid).toMatch(/kg-dc1-spine1<br\/>spine"/);
    // a device the change does not reach is not
    expect(mermaid).not.toContain("kg-dc1-leaf1");
    expect(mermaid).toMatch(/classDef changed/);
    expect(mermaid).toMatch(/linkStyle \d+ stroke:#c92a2a/);
    // the section sits in the impact, before the devices
    expect(r.out.indexOf("### Topology of the change")).toBeGreaterThan(r.out.indexOf("## Impact on the devices"));
    const svg = fs.readFileSync(svgFile, "utf8");
    expect(spawnSync("xmllint", ["--noout", svgFile]).status).toBe(0);
    const t = texts(svg);
    expect(t).toContain("kg-dc1-leaf4");
    expect(t.filter((x) => x === "[changed]").length).toBe(3);
    expect(t.some((x) => /WAN .*\[changed\]/.test(x))).toBe(true);
  });

  it("without --assets only the Mermaid; without a change no picture; --assets needs --impact --format markdown", async () => {
    const r = await runCommand(diff, [CITY, changed, "--impact", "--format", "markdown"]);
    expect(r.out).toContain("```mermaid");
    expect(r.out).not.toContain("![");
    const same = await runCommand(diff, [CITY, CITY, "--impact", "--format", "markdown"]);
    expect(same.code).toBe(0);
    expect(same.out).not.toContain("Topology of the change");
    expect((await runCommand(diff, [CITY, changed, "--format", "markdown", "--assets", tmp])).code).toBe(2);
    expect((await runCommand(diff, [CITY, changed, "--impact", "--assets", tmp])).code).toBe(2);
    // text output is as it was: no picture
    expect((await runCommand(diff, [CITY, changed, "--impact"])).out).not.toContain("mermaid");
  });
});

describe("diff --impact: a removed device and its link are drawn, marked removed", () => {
  it("kg-nsz-wan1 and its WAN links gone: all in the picture, from the old side", async () => {
    const text = fs.readFileSync(CITY, "utf8");
    const cut = text.slice(0, text.indexOf("  - name: kg-nsz-wan1")) + text.slice(text.indexOf("  - name: kg-unikg-wan1"));
    const removed = path.join(tmp, "removed.yaml");
    // its two WAN links (to the border and to the DR site) go with it
    fs.writeFileSync(removed, cut.split("\n").filter((l) => !l.includes("kg-nsz-wan1, interface: xe-0/0/1")).join("\n"));
    const assets = path.join(tmp, "removed-assets");
    const r = await runCommand(diff, [CITY, removed, "--impact", "--format", "markdown", "--assets", assets]);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/kg-nsz-wan1<br\/>wan \[removed\]/);
    expect(r.out).toMatch(/\|"wan: 10GE1\/0\/4 - xe-0\/0\/16, 10G \[removed\]"\|/);
    expect(r.out).toMatch(/\|"wan: 10GE1\/0\/7 - xe-0\/0\/17, 10G \[removed\]"\|/);
    const svg = fs.readFileSync(path.join(assets, "diff-impact.svg"), "utf8");
    expect(texts(svg)).toContain("kg-nsz-wan1");
    expect(texts(svg).filter((x) => x === "[removed]").length).toBe(1);
    expect(texts(svg).some((x) => /^WAN 10G \[removed\]$/.test(x))).toBe(true);
  });
});

describe("plan --format markdown: the topology of the change", () => {
  const inv = loadInventory(CITY).inventory!;
  const dev = (device: string, action: PlanDevice["action"], keys: string[]): PlanDevice => ({
    device,
    site: inv.devices.find((d) => d.name === device)!.site,
    platform: "huawei-vrp",
    action,
    changes: keys.map((key) => ({ key, kind: key.split(":")[0] as "port", action: action === "create" ? ("add" as const) : ("change" as const), summary: key, commands: [] })),
    script: [],
    notes: [],
  });
  const plan: Plan = {
    stack: "primary",
    kind: "preview",
    ok: true,
    counts: { devices: { create: 0, update: 1, delete: 0, replace: 0, same: 1 }, objects: { add: 0, change: 1, remove: 0 } },
    sites: [{ site: "kg-dc1", devices: [dev("kg-dc1-border1", "update", ["lag:Eth-Trunk20"]), dev("kg-dc1-leaf1", "same", [])] }],
    failures: [],
  };

  it("marks the updated device and the links of its changed LAG, after the counts", () => {
    const marks = marksFromPlan(inv, plan);
    expect([...marks.devices]).toEqual([["kg-dc1-border1", "changed"]]);
    // Eth-Trunk20's members are the two DCI fibres
    expect([...marks.links.keys()].sort()).toEqual(inv.links.filter((l) => l.kind === "dci").map((l) => [`${l.a.device}:${l.a.interface}`, `${l.b.device}:${l.b.interface}`].sort().join(" <-> ")).sort());
    const assets = path.join(tmp, "plan-assets");
    const pic = changePicture(inv, marks, { title: "plan", assets: { dir: assets, name: "plan-primary.svg" } })!;
    const md = formatMarkdown(plan, { picture: pic.markdown });
    expect(md.split("\n").slice(0, 5).join("\n")).toMatch(/## citydc plan: stack `primary`\n\n.*\n\n### Topology of the change/);
    expect(md).toContain(`(${path.join(assets, "plan-primary.svg")})`);
    const svg = fs.readFileSync(path.join(assets, "plan-primary.svg"), "utf8");
    expect(texts(svg).filter((x) => /^DCI .*\[changed\]$/.test(x)).length).toBe(2);
    // without a picture the Markdown is as before
    expect(formatMarkdown(plan)).not.toContain("Topology");
  });
});
