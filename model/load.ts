/**
 * The inventory loader: text -> YAML -> JSON Schema -> defaults -> semantic checks -> Inventory.
 * Every problem comes back as a Diagnostic with file, line, column, JSON path, object, message and
 * hint; nothing here throws for bad input. `inventory` is set only when there is no error
 * (warnings allowed). Pure apart from `loadInventory` reading its one file.
 */
import { runChecksLimited } from "./checks";
import { normalize } from "./normalize";
import { describeObject } from "./objects";
import { schemaProblems } from "./schema/check";
import { plainSource, textProblems } from "./text";
import { decode, parseYaml } from "./parse";
import { readInventoryFile } from "./read";
import { MAX_DIAGNOSTICS } from "./diagnostics";
import type { Diagnostic, Inventory } from "./types";

export interface LoadResult {
  inventory?: Inventory;
  diagnostics: Diagnostic[];
  file: string;
  /** Counts (see `summarize`) whenever the file parsed to a mapping, even if it is invalid. */
  summary?: Record<string, number>;
  /**
   * The model with defaults applied whenever the schema check passed, even when a semantic check failed
   * (callers that can live with some findings, like the primary stack with only DR parity failing, use it).
   */
  normalized?: Inventory;
  /**
   * Problems found but not in `diagnostics`: at most MAX_DIAGNOSTICS are kept (a file can hold
   * millions); absent when nothing was left out.
   */
  omitted?: { errors: number; warnings: number };
}

export { MAX_DIAGNOSTICS };

/** Parses and validates inventory text (a file's content or a git revision's blob). */
export function parseInventory(text: string | Buffer, file: string): LoadResult {
  const decoded = decode(text, file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics, file };
  const parsed = parseYaml(decoded.text, file);
  if (parsed.diagnostics.length || !parsed.map) return { diagnostics: parsed.diagnostics, file };
  const data = parsed.data;
  const map = parsed.map;
  const summary = summarize(data as Inventory);

  const located = (code: string, severity: "error" | "warning", path: string, message: string, hint: string, atKey = false): Diagnostic => {
    const pos = map.locate(path, atKey);
    const object = describeObject(data, path);
    return { code, severity, file, line: pos.line, column: pos.column, path, ...(object ? { object } : {}), message, hint };
  };

  // Text anywhere in the document and the schema: reported together, at most MAX_DIAGNOSTICS of them.
  const texts = plainSource(decoded.text) ? { problems: [], omitted: 0 } : textProblems(data, MAX_DIAGNOSTICS);
  const schema = schemaProblems(data, MAX_DIAGNOSTICS - texts.problems.length);
  if (texts.problems.length || schema.problems.length || texts.omitted || schema.omitted) {
    const diagnostics = [
      ...texts.problems.map((p) => located("E_TEXT_CONTROL", "error", p.path, p.message, p.hint, p.atKey)),
      ...schema.problems.map((p) => located(p.code, "error", p.path, p.message, p.hint, p.atKey)),
    ];
    sortByPlace(diagnostics);
    const omitted = texts.omitted + schema.omitted;
    return { diagnostics, file, summary, ...(omitted ? { omitted: { errors: omitted, warnings: 0 } } : {}) };
  }
  const inventory = normalize(data as Record<string, unknown>);
  let checked;
  try {
    checked = runChecksLimited(inventory, MAX_DIAGNOSTICS);
  } catch (err) {
    // A bug in a check must not become a stack trace for the user; say what happened instead.
    const message = err instanceof Error ? err.message : String(err);
    return {
      file,
      summary,
      diagnostics: [{ code: "E_INTERNAL", severity: "error", file, line: 0, column: 0, path: "", message: `internal error in the semantic checks: ${message}`, hint: "please report this with the inventory file; the schema check passed" }],
    };
  }
  const diagnostics = checked.findings.map((f) => located(f.code, f.severity, f.path, f.message, f.hint));
  sortByPlace(diagnostics);
  const { errors, warnings } = checked.omitted;
  const valid = errors === 0 && !diagnostics.some((d) => d.severity === "error");
  const base = { diagnostics, file, summary: summarize(inventory), normalized: inventory, ...(errors || warnings ? { omitted: { errors, warnings } } : {}) };
  return valid ? { inventory, ...base } : base;
}

function sortByPlace(diagnostics: Diagnostic[]): void {
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Reads and validates an inventory file (through read.ts: regular files only, never blocking, at most
 * MAX_INVENTORY_BYTES read); I/O problems become an E_IO diagnostic (callers exit 2).
 */
export function loadInventory(file: string): LoadResult {
  const read = readInventoryFile(file);
  if (!read.bytes) return { file, diagnostics: read.diagnostics };
  return parseInventory(read.bytes, file);
}

/**
 * Counts for reports: sites, racks, devices, interfaces, lags, vlans, links, hosts, tenants, vrfs.
 * Tolerant of documents that failed validation (missing or malformed lists count as 0).
 */
export function summarize(inv: Inventory): Record<string, number> {
  const n = (x: unknown) => (Array.isArray(x) ? x.length : 0);
  let interfaces = 0;
  let lags = 0;
  const devices = Array.isArray(inv.devices) ? inv.devices : [];
  for (const d of devices) {
    if (d === null || typeof d !== "object") continue;
    interfaces += n(d.interfaces);
    lags += n(d.lags);
  }
  return {
    sites: n(inv.sites),
    racks: n(inv.racks),
    devices: devices.length,
    interfaces,
    lags,
    vlans: n(inv.vlans),
    links: n(inv.links),
    hosts: n(inv.hosts),
    tenants: n(inv.tenants),
    vrfs: n(inv.vrfs),
  };
}
