/**
 * The layers of docs/architecture.md, held against the code: every import of every source file (static,
 * `import()` and `require()`), resolved to its folder. Fails on an import that runs up a layer or across
 * to another folder of the same layer, on a circle of imports between files, on the pure core importing
 * Pulumi or SSH, and on code under inventory/.
 */
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** Layer of each top-level folder, bottom (1) to top; the same number means "neither imports the other". */
const LAYER: Record<string, number> = {
  util: 1,
  model: 2,
  intent: 3,
  generate: 3,
  platforms: 4,
  pipeline: 5,
  transport: 5,
  provider: 6,
  components: 7,
  stacks: 8,
  pulumi: 9,
  audit: 10,
  bench: 10,
  lab: 11,
  publish: 11,
  cli: 12,
};
const PURE = ["util", "model", "intent", "generate", "platforms", "pipeline"];

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) sources(rel, out);
    else if (/\.ts$/.test(e.name)) out.push(rel);
  }
  return out;
}

const files = Object.keys(LAYER).flatMap((d) => sources(d));
const SPEC = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^import\s+)["']([^"']+)["']/gm;

interface Import {
  readonly from: string;
  readonly spec: string;
  /** Repo-relative file, for a relative import that resolves to a source file. */
  readonly to?: string;
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.join(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, "index.ts"), base]) if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
  return undefined;
}

const imports: Import[] = files.flatMap((f) =>
  [...fs.readFileSync(path.join(ROOT, f), "utf8").matchAll(SPEC)].map((m) => {
    const spec = m[1]!;
    const to = spec.startsWith(".") ? resolve(f, spec) : undefined;
    return { from: f, spec, ...(to ? { to } : {}) };
  }),
);
const folder = (f: string): string => f.split(path.sep)[0]!;

describe("layers (docs/architecture.md)", () => {
  it("reads the imports of every source folder", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.filter((i) => i.to).length).toBeGreaterThan(300);
    // relative imports all resolve (a typo here would hide an arrow)
    expect(imports.filter((i) => i.spec.startsWith(".") && !i.to && !i.spec.endsWith(".json")).map((i) => `${i.from}: ${i.spec}`)).toEqual([]);
  });

  it("no import runs up a layer or across to another folder of the same layer", () => {
    const bad = imports
      .filter((i) => i.to && folder(i.to) !== folder(i.from) && LAYER[folder(i.to)] !== undefined)
      .filter((i) => LAYER[folder(i.to!)]! >= LAYER[folder(i.from)]!)
      .map((i) => `${i.from} -> ${i.to}`);
    expect(bad).toEqual([]);
  });

  it("nothing outside cli/ imports cli/", () => {
    expect(imports.filter((i) => i.to && folder(i.to) === "cli" && folder(i.from) !== "cli").map((i) => `${i.from} -> ${i.to}`)).toEqual([]);
  });

  it("the pure core imports no Pulumi, no SSH and no process or network module", () => {
    const bad = imports.filter((i) => PURE.includes(folder(i.from)) && /^(@pulumi\/|ssh2|child_process|net$|http)/.test(i.spec)).map((i) => `${i.from}: ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it("no circle of imports between files", () => {
    const edges = new Map<string, string[]>();
    for (const i of imports) if (i.to && i.to.endsWith(".ts")) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...trail.slice(trail.indexOf(f)), f].join(" -> "));
        return;
      }
      state.set(f, "open");
      for (const t of edges.get(f) ?? []) visit(t, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(circles).toEqual([]);
  });

  it("inventory/ holds no code", () => {
    const walk = (d: string): string[] =>
      fs.readdirSync(path.join(ROOT, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    expect(walk("inventory").filter((f) => !/\.(ya?ml|json|md)$/.test(f))).toEqual([]);
  });
});
