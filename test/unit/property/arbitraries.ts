/**
 * Generators for the property suite (fast-check): inventories from the JSON Schema itself, mutations of
 * valid inventories (the samples, the minimal fixture, small generated ones), hostile values and text,
 * byte-level damage, and secrets. Every suite runs with a fixed seed (PROPERTY_SEED, default below) and a
 * modest number of runs (PROPERTY_RUNS scales them), so a run is reproducible and fast; fast-check prints
 * the seed and the shrunk counterexample when a property fails.
 */
import * as fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import * as yaml from "js-yaml";
import { DEFAULTS, LAB_DEFAULTS, generateInventory } from "../../../generate/generator";
import { inventoryToYaml } from "../../../generate/document";

export const ROOT = join(__dirname, "..", "..", "..");
export const SEED = Number(process.env.PROPERTY_SEED ?? 20261201);
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);

/** fast-check parameters: the fixed seed and `runs` scaled by PROPERTY_RUNS. */
export function params(runs: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(runs * SCALE)), endOnFailure: true, verbose: 1 };
}

// ------------------------------------------------------------------ seeds: valid inventories as text

const read = (p: string): string => readFileSync(join(ROOT, p), "utf8");

/** Valid inventories to mutate: the two samples, the minimal fixture, two small generated ones. */
export const VALID_TEXTS: readonly { readonly name: string; readonly text: string }[] = [
  { name: "inventory/lab.yaml", text: read("inventory/lab.yaml") },
  { name: "inventory/kragujevac.yaml", text: read("inventory/kragujevac.yaml") },
  { name: "test/fixtures/valid/minimal.yaml", text: read("test/fixtures/valid/minimal.yaml") },
  { name: "generated (huawei-vrp, 2 sites)", text: inventoryToYaml(generateInventory({ ...DEFAULTS, sites: 2, racksPerSite: 1, leafsPerRack: 2, interfacesPerLeaf: 6, vlans: 4, branches: 2, hostsPerLeaf: 1 })) },
  { name: "generated (lab)", text: inventoryToYaml(generateInventory({ ...DEFAULTS, ...LAB_DEFAULTS, lab: true, sites: 2, racksPerSite: 1, leafsPerRack: 2 })) },
];

export const validDoc = (i: number): any => yaml.load(VALID_TEXTS[i % VALID_TEXTS.length]!.text);

// ------------------------------------------------------------------ hostile values

/** Text a careless or hostile editor could paste: controls, bidi, separators, quotes, shell syntax... */
export const HOSTILE_PIECES = [
  "\\", '"', "'", "?", ";", "|", "`", "$(id)", "${HOME}", "&&", "\t", "\n", "\r", "\r\n", "\u0000", "\u001b[31m", "\u007f",
  "\u0085", "\u009b", "\u00a0", "\u00ad", "\u061c", "\u200b", "\u200e", "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffe",
  "\ud800", "\udfff", "\ud83d\ude00", "\u0301", "#", "!", "{", "}", "[", "]", ":", "- ", "*a", "&a", "<<", "%", "--", " ", "  ",
] as const;

export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 2, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) }), { maxLength: 12 })
  .map((parts) => parts.join(""));

/** Values of every kind, with the boundaries the inventory cares about. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 4094, 4095, 65535, 65536, 2 ** 31, 2 ** 32, 2 ** 53, 1e308, NaN, Infinity, -Infinity, null, "", " ", "all", true, false, [], {}, "0.0.0.0", "255.255.255.255", ":", "::", "10.0.0.1/24", "a".repeat(300)),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.string({ maxLength: 3 })), { maxLength: 6 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
);

// ------------------------------------------------------------------ mutations of a parsed document

type Path = (string | number)[];

/** Every path of a document (containers and leaves), in a stable order. */
export function paths(root: unknown): Path[] {
  const out: Path[] = [];
  const walk = (node: unknown, at: Path) => {
    out.push(at);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
  };
  walk(root, []);
  return out;
}

export type Mutation =
  | { readonly op: "replace"; readonly at: number; readonly value: unknown }
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "duplicate"; readonly at: number }
  | { readonly op: "unknown-key"; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: "wrap"; readonly at: number }
  | { readonly op: "swap"; readonly at: number; readonly other: number }
  /** A plausible edit: a number nudged, a string replaced by another string of the same document (a reference to another object). */
  | { readonly op: "tweak"; readonly at: number; readonly pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("unknown-key" as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_PIECES)), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("wrap" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant("tweak" as const), at: fc.nat(), pick: fc.nat() }) },
);

function parentOf(root: any, p: Path): { parent: any; key: string | number } | undefined {
  if (p.length === 0) return undefined;
  let node = root;
  for (const k of p.slice(0, -1)) node = node[k as never];
  return { parent: node, key: p[p.length - 1]! };
}

/** Applies mutations to a copy of `doc` (a path index wraps around the document's paths). */
export function mutate(doc: unknown, ms: readonly Mutation[]): unknown {
  let root: any = structuredClone(doc);
  for (const m of ms) {
    const all = paths(root);
    const p = all[m.at % all.length]!;
    const where = parentOf(root, p);
    const get = () => (where ? where.parent[where.key] : root);
    const set = (v: unknown) => {
      if (where) where.parent[where.key] = v;
      else root = v;
    };
    switch (m.op) {
      case "replace":
        set(structuredClone(m.value));
        break;
      case "delete":
        if (!where) break;
        if (Array.isArray(where.parent)) where.parent.splice(Number(where.key), 1);
        else delete where.parent[where.key];
        break;
      case "duplicate":
        if (where && Array.isArray(where.parent)) where.parent.push(structuredClone(get()));
        break;
      case "unknown-key": {
        const node = get();
        if (node !== null && typeof node === "object" && !Array.isArray(node)) node[m.key] = structuredClone(m.value);
        break;
      }
      case "wrap":
        set([get()]);
        break;
      case "tweak": {
        const v = get();
        if (typeof v === "number") set([v + 1, v - 1, 0, 1, 4094, 4095, v * 2, 65535][m.pick % 8]);
        else if (typeof v === "string") {
          const strings = all.map((q) => q.reduce<any>((n, k) => n?.[k], root)).filter((x): x is string => typeof x === "string");
          if (strings.length) set(strings[m.pick % strings.length]);
        }
        break;
      }
      case "swap": {
        const q = all[m.other % all.length]!;
        const other = parentOf(root, q);
        if (!where || !other || p.join("/").startsWith(q.join("/")) || q.join("/").startsWith(p.join("/"))) break;
        const a = get();
        set(other.parent[other.key]);
        other.parent[other.key] = a;
        break;
      }
    }
  }
  return root;
}

/** YAML text of a document; values YAML cannot write as they are (undefined, functions) are dropped. */
export function toYaml(doc: unknown): string {
  try {
    return yaml.dump(doc, { lineWidth: -1, noRefs: true, skipInvalid: true });
  } catch {
    return JSON.stringify(doc) ?? "null";
  }
}

// ------------------------------------------------------------------ the JSON Schema as a generator

const SCHEMA = JSON.parse(read("inventory/schema/inventory.schema.json"));

/**
 * Documents built from the schema's own definitions: objects with their required keys and some optional
 * ones, values of the declared type (patterns through fast-check's stringMatching), lists of a few
 * items; now and then a value of the wrong type, out of range, or an unknown key, so both sides of
 * every rule are reached.
 */
export function fromSchema(node: any = SCHEMA, depth = 0): fc.Arbitrary<unknown> {
  const wrong = hostileValue;
  if (node.$ref) return fromSchema(SCHEMA.$defs[node.$ref.replace("#/$defs/", "")], depth);
  const right = ((): fc.Arbitrary<unknown> => {
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    if (node.anyOf) return fc.oneof(...node.anyOf.map((n: any) => fromSchema(n, depth)));
    switch (node.type) {
      case "integer":
        return fc.integer({ min: node.minimum ?? -10, max: Math.min(node.maximum ?? 70000, 2 ** 31 - 1) });
      case "boolean":
        return fc.boolean();
      case "string":
        if (node.pattern) return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length <= (node.maxLength ?? 255));
        return fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 20, 20) });
      case "array":
        return depth > 4 ? fc.constant([]) : fc.array(fromSchema(node.items, depth + 1), { minLength: node.minItems ?? 0, maxLength: 3 });
      case "object": {
        if (depth > 5) return fc.constant({});
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries<any>(node.properties ?? {})) props[k] = fromSchema(v, depth + 1);
        return fc.record(props, { requiredKeys: node.required ?? [] });
      }
      default:
        return fc.anything({ maxDepth: 1 });
    }
  })();
  return fc.oneof({ weight: 80, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

// ------------------------------------------------------------------ bytes

/** Byte sequences that are not UTF-8 (surrogates, overlong forms, too high, lone continuations...). */
export const invalidUtf8 = fc.constantFrom([0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xc1, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xbf], [0xe9], [0xff], [0xfe], [0xe2, 0x82], [0xf0, 0x9f, 0x98]);

export type ByteDamage =
  | { readonly op: "insert"; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: "truncate"; readonly at: number }
  | { readonly op: "line-ends"; readonly to: "\r\n" | "\r" };

export const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), bytes: fc.oneof(invalidUtf8, fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }), fc.constantFrom([0], [0xef, 0xbb, 0xbf], [0x0d], [0x09])) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("line-ends" as const), to: fc.constantFrom("\r\n" as const, "\r" as const) }),
);

export function damage(text: string, ds: readonly ByteDamage[]): Buffer {
  let b = Buffer.from(text, "utf8");
  for (const d of ds) {
    if (d.op === "line-ends") b = Buffer.from(b.toString("latin1").replace(/\r?\n/g, d.to), "latin1");
    else if (d.op === "truncate") b = b.subarray(0, d.at % (b.length + 1));
    else {
      const at = d.at % (b.length + 1);
      b = Buffer.concat([b.subarray(0, at), Buffer.from(d.bytes), b.subarray(at)]);
    }
  }
  return b;
}

// ------------------------------------------------------------------ secrets

/** Secrets long enough to be accepted, with the characters that change between encodings. */
export const secret: fc.Arbitrary<string> = fc
  .tuple(fc.string({ minLength: 8, maxLength: 24 }), fc.array(fc.constantFrom('"', "\\", "/", "%", " ", "'", "&", "+", "=", "\u00e9", "\u010d", "\n", "$", "@"), { maxLength: 4 }))
  .map(([s, extra]) => `${s}${extra.join("")}`)
  .filter((s) => s.trim().length >= 8 && !/\[secret\]/.test(s));
