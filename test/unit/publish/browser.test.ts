/**
 * The docs site as a person sees it: the generated pages opened from disk in headless Chromium (Debian's
 * chromium). The index, the kg-dc1 topology and a rack elevation are screenshotted; the PNGs are decoded and
 * must not be blank (luminance variance, share of ink), and a blank page's screenshot must be (the check can
 * fail). The DOM Chromium built from each page (--dump-dom) must hold the expected names as text.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { pathToFileURL } from "url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as docs } from "../../../cli/commands/docs";
import { loadInventory } from "../../../model/load";
import { runCommand } from "../helpers/cli";
import { inkOf, readPng } from "../helpers/png";

const ROOT = path.resolve(__dirname, "../../..");
const CITY = path.join(ROOT, "inventory/kragujevac.yaml");
const inv = loadInventory(CITY).inventory!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-browser-"));
const site = path.join(tmp, "site");
const profile = path.join(tmp, "profile");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CHROMIUM = "chromium";

function chromium(args: string[]): { status: number; out: string; err: string } {
  const r = spawnSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", `--user-data-dir=${profile}`, ...args], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw new Error("chromium is not installed: install the Debian package chromium (or run scripts/setup.sh)");
  return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function screenshot(file: string, size: string): { variance: number; ink: number; width: number } {
  const png = path.join(tmp, `${path.basename(file)}.png`);
  const r = chromium([`--window-size=${size}`, `--screenshot=${png}`, pathToFileURL(file).href]);
  expect(r.status, r.err).toBe(0);
  const g = readPng(fs.readFileSync(png));
  return { ...inkOf(g), width: g.width };
}

/** The text of the DOM Chromium built (tags dropped, entities of the names decoded). */
function domText(file: string): string {
  const r = chromium(["--dump-dom", pathToFileURL(file).href]);
  expect(r.status, r.err).toBe(0);
  expect(r.out.length).toBeGreaterThan(100);
  return r.out.replace(/<[^>]*>/g, "\n").replace(/&#45;/g, "-").replace(/&amp;/g, "&");
}

beforeAll(async () => {
  expect((await runCommand(docs, [CITY, "--out", site])).code).toBe(0);
});

describe("the docs in headless Chromium", () => {
  it("a blank page screenshots blank (the check below can fail)", () => {
    const blank = path.join(tmp, "blank.html");
    fs.writeFileSync(blank, "<!DOCTYPE html><html><body></body></html>\n");
    const s = screenshot(blank, "800,600");
    expect(s.ink).toBe(0);
    expect(s.variance).toBeLessThan(1);
  });

  it("the index: the city's name, its sites and devices, and a picture that is not blank", () => {
    const index = path.join(site, "index.html");
    const text = domText(index);
    expect(text).toContain(`${inv.name}: the network`);
    for (const s of inv.sites) expect(text).toContain(s.name);
    for (const d of inv.devices) expect(text).toContain(d.name);
    const s = screenshot(index, "1280,1600");
    expect(s.width).toBe(1280);
    expect(s.ink).toBeGreaterThan(0.02);
    expect(s.variance).toBeGreaterThan(100);
  });

  it("the kg-dc1 topology: every device of the site and the far ends as SVG text, drawn", () => {
    const topo = path.join(site, "sites/kg-dc1-topology.svg");
    const text = domText(topo).split("\n").map((l) => l.trim());
    for (const d of inv.devices.filter((x) => x.site === "kg-dc1")) expect(text).toContain(d.name);
    for (const l of inv.links.filter((x) => x.kind === "wan" || x.kind === "dci")) expect(text).toContain(l.b.device);
    const s = screenshot(topo, "1600,1000");
    expect(s.ink).toBeGreaterThan(0.02);
    expect(s.variance).toBeGreaterThan(100);
    // the site page inlines it: the same names in the page's DOM
    const page = domText(path.join(site, "sites/kg-dc1.html"));
    for (const d of inv.devices.filter((x) => x.site === "kg-dc1")) expect(page).toContain(d.name);
  });

  it("a rack elevation: its devices and unit numbers as SVG text, drawn", () => {
    const rack = inv.racks.find((r) => inv.devices.filter((d) => d.rack === r.name).length >= 2)!;
    const file = path.join(site, `racks/${rack.name}.svg`);
    const text = domText(file).split("\n").map((l) => l.trim());
    expect(text).toContain(rack.name);
    for (const d of inv.devices.filter((x) => x.rack === rack.name)) expect(text).toContain(d.name);
    for (const u of [1, rack.height]) expect(text).toContain(String(u));
    const s = screenshot(file, "520,1000");
    expect(s.ink).toBeGreaterThan(0.05);
    expect(s.variance).toBeGreaterThan(100);
  });

  it("every SVG of the site is well-formed XML (xmllint)", () => {
    const svgs: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith(".svg")) svgs.push(path.join(d, e.name));
      }
    };
    walk(site);
    expect(svgs.length).toBe(1 + inv.sites.length + inv.racks.length);
    const r = spawnSync("xmllint", ["--noout", ...svgs], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
