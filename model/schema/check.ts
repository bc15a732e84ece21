/**
 * The JSON Schema check (ajv, draft 2020-12, strict mode). The schema is compiled at build time
 * (schema/build.ts -> schema/validator.generated.ts, ajv standalone code), so a run pays a few
 * milliseconds instead of ~200 ms of compilation; a unit test keeps the two in step. Each ajv
 * error becomes a Diagnostic with a stable code, the JSON path and a hint taken from the schema's
 * own descriptions (the same text an editor shows).
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import schemaJson from "../../inventory/schema/inventory.schema.json";
import { validate as generated } from "./validator.generated";
import { didYouMean } from "../suggest";

export const INVENTORY_SCHEMA: object = schemaJson;

export interface SchemaProblem {
  readonly code: string;
  readonly path: string;
  /** Point at the key itself rather than its value (unknown keys). */
  readonly atKey: boolean;
  readonly message: string;
  readonly hint: string;
}

function validator(): ValidateFunction {
  return generated as ValidateFunction;
}

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  $ref?: string;
}

function describe(node: SchemaNode | undefined): string {
  if (!node) return "";
  if (node.description) return node.description;
  if (node.$ref?.startsWith("#/$defs/")) {
    const def = (schemaJson as { $defs: Record<string, SchemaNode> }).$defs[node.$ref.slice(8)];
    return def?.description ?? "";
  }
  return "";
}

/**
 * A value as the inventory's author would write it in YAML, for a message: `.nan`, `.inf`, `-.inf`,
 * `null`, a date as written, strings quoted; control and format characters as \uXXXX (a message must
 * never carry a terminal escape); long values cut. Lists and mappings are named, not printed.
 */
export function show(v: unknown, max = 60): string {
  let text: string;
  if (typeof v === "number") text = Number.isNaN(v) ? ".nan" : v === Infinity ? ".inf" : v === -Infinity ? "-.inf" : String(v);
  else if (v === null || v === undefined) text = "null";
  else if (v instanceof Date) text = Number.isNaN(v.getTime()) ? "an invalid date" : v.toISOString().replace(/T00:00:00\.000Z$/, "");
  else if (Array.isArray(v)) return v.length === 0 ? "[]" : `a list of ${v.length}`;
  else if (typeof v === "object") return "a mapping";
  else if (typeof v === "string") text = JSON.stringify(v.length > max ? v.slice(0, max) : v).replace(/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) + (v.length > max ? "..." : "");
  else text = String(v);
  return text;
}

const quote = show;

/** A key as show() writes it, without the quotes: `platfrom`, or the first 60 characters and `...`. */
function unquoted(key: string): string {
  const shown = show(key);
  return shown.endsWith("...") ? `${shown.slice(1, -4)}...` : shown.slice(1, -1);
}

function toProblem(e: ErrorObject): SchemaProblem | undefined {
  const parent = e.parentSchema as SchemaNode | undefined;
  const schema = e.schema as unknown;
  const here = e.instancePath;
  const about = describe(parent);
  switch (e.keyword) {
    case "required": {
      const key = (e.params as { missingProperty: string }).missingProperty;
      const help = describe(parent?.properties?.[key]);
      return { code: "E_SCHEMA_REQUIRED", path: here, atKey: false, message: `missing required key '${key}'`, hint: `add '${key}:'${help ? ` (${help})` : ""}` };
    }
    case "additionalProperties": {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      return {
        code: "E_SCHEMA_UNKNOWN_KEY",
        path: `${here}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        atKey: true,
        message: `unknown key '${unquoted(key)}'${key.length > 100 ? "" : didYouMean(key, known)}`,
        hint: `remove it or use one of: ${known.join(", ")} (keys are camelCase)`,
      };
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const value = e.data;
      const suggestion = typeof value === "string" ? didYouMean(value, allowed.map(String)) : "";
      return { code: "E_SCHEMA_ENUM", path: here, atKey: false, message: `${quote(value)} is not allowed${suggestion}`, hint: `use one of: ${allowed.join(", ")}${about ? ` (${about})` : ""}` };
    }
    case "const": {
      if (here === "/version") return { code: "E_SCHEMA_VERSION", path: here, atKey: false, message: `unsupported inventory version ${quote(e.data)}`, hint: "this citydc reads inventory version 1: write `version: 1`" };
      return { code: "E_SCHEMA_ENUM", path: here, atKey: false, message: `must be ${quote(schema)}`, hint: about || `write ${quote(schema)}` };
    }
    case "type": {
      const want = (e.params as { type: string }).type;
      const article = /^[aeiou]/.test(want) ? "an" : "a";
      const got = Array.isArray(e.data) ? "a list" : e.data === null ? "empty (null)" : e.data instanceof Date ? "a date (quote it to keep it text)" : typeof e.data === "object" ? "a mapping" : typeof e.data === "number" && !Number.isFinite(e.data) ? `the YAML float ${quote(e.data)}` : `${typeof e.data} ${quote(e.data)}`;
      const wanted = want === "array" ? "a list" : want === "object" ? "a mapping (key: value)" : `${article} ${want}`;
      return { code: "E_SCHEMA_TYPE", path: here, atKey: false, message: `must be ${wanted}, found ${got}`, hint: `write ${wanted}${about ? ` (${about})` : ""}` };
    }
    case "anyOf":
      return { code: "E_SCHEMA_TYPE", path: here, atKey: false, message: `${quote(e.data)} is not valid here`, hint: `write a valid value${about ? `: ${about}` : ""}` };
    case "pattern":
      return { code: "E_SCHEMA_FORMAT", path: here, atKey: false, message: `${quote(e.data)} is not in the expected format`, hint: about ? `write it as expected: ${about}` : `must match ${String(schema)}` };
    case "minimum":
    case "maximum":
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems": {
      const limit = (e.params as { limit: number }).limit;
      const low = e.keyword.startsWith("min");
      const also = about ? ` (${about})` : "";
      if (e.keyword.endsWith("Length") || e.keyword.endsWith("Items")) {
        const noun = e.keyword.endsWith("Length") ? "character" : "item";
        const count = `${low ? "at least" : "at most"} ${limit} ${noun}${limit === 1 ? "" : "s"}`;
        const problem = noun === "character" ? (low ? "is too short" : "is too long") : low ? "has too few items" : "has too many items";
        const hint = noun === "character" ? (low ? `write ${count}` : `shorten it to ${count}`) : `list ${count}`;
        return { code: "E_SCHEMA_RANGE", path: here, atKey: false, message: `${quote(e.data)} ${problem}: must have ${count}`, hint: `${hint}${also}` };
      }
      const what = low ? "at least" : "at most";
      return { code: "E_SCHEMA_RANGE", path: here, atKey: false, message: `${quote(e.data)} is out of range: must be ${what} ${limit}`, hint: `use a value ${what} ${limit}${also}` };
    }
    case "uniqueItems": {
      const { i, j } = e.params as { i: number; j: number };
      const first = Math.min(i, j);
      const again = Math.max(i, j);
      const list = Array.isArray(e.data) ? e.data : [];
      return { code: "E_SCHEMA_DUPLICATE_ITEM", path: `${here}/${again}`, atKey: false, message: `items ${first + 1} and ${again + 1} are the same (${quote(list[again])})`, hint: "list each value once" };
    }
    default:
      return { code: "E_SCHEMA", path: here, atKey: false, message: e.message ?? "does not match the schema", hint: about || "see inventory/schema/inventory.schema.json" };
  }
}

/** Schema problems of a parsed document (empty when it conforms). */
export function checkSchema(data: unknown): SchemaProblem[] {
  return schemaProblems(data).problems;
}

/**
 * At most `max` schema problems of a parsed document, and how many more there are. The compiled
 * validator stores at most MAX_STORED_SCHEMA_ERRORS of ajv's errors but counts them all, so a file with
 * a million errors costs time linear in its size and memory bounded by the cap. `omitted` counts the
 * problems not returned: the converted ones past `max` and the errors the validator did not store.
 */
export function schemaProblems(data: unknown, max = Infinity): { problems: SchemaProblem[]; omitted: number } {
  const validate = validator() as ValidateFunction & { errorCount?: number };
  if (validate(data)) return { problems: [], omitted: 0 };
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  let omitted = Math.max(0, (validate.errorCount ?? errors.length) - errors.length);
  for (const e of errors) {
    // "all" or a list: a list reports its own item errors; anything else gets the one anyOf error.
    if (/\/anyOf\/0\//.test(e.schemaPath)) continue;
    if (/\/anyOf\/1\/type$/.test(e.schemaPath)) continue;
    if (e.keyword === "anyOf" && Array.isArray(e.data)) continue;
    const p = toProblem(e);
    if (!p) continue;
    // A value checked both by its item schema and by a $ref (a VLAN ID) fails both with one message.
    const key = `${p.code}\u0000${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problems.length < max) problems.push(p);
    else omitted++;
  }
  return { problems, omitted };
}
