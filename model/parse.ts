/**
 * Reading the inventory text safely: bytes -> UTF-8 text -> YAML document, with a map from JSON
 * paths back to line and column. Every failure is a Diagnostic (code, place, hint), never a throw.
 *
 * Positions: js-yaml's `listener` reports every node it opens and closes. We keep, for each mapping
 * and sequence it builds (by object identity), the offsets of its children in order; a JSON path is
 * then located by walking the parsed data from the root. Building this costs one small array per
 * container; offsets become line/column only for the few paths that carry a diagnostic.
 */
import * as yaml from "js-yaml";
import type { Diagnostic } from "./types";

/** Largest inventory accepted (bytes). A 1,000-switch / 50,000-interface inventory is about 6 MB. */
export const MAX_INVENTORY_BYTES = 64 * 1024 * 1024;
/** Most nodes the document may expand to through aliases (protects against "billion laughs"). */
export const MAX_EXPANDED_NODES = 5_000_000;
/** Keys that merge keys (<<) may copy in total (js-yaml's default of 10,000 is too small for big inventories). */
export const MAX_MERGE_KEYS = 2_000_000;
/** Deepest nesting accepted; the inventory format itself is at most 6 levels deep. */
export const MAX_DEPTH = 64;
/**
 * Most YAML nodes (mappings, lists, keys and scalars) a document may have; counted while it is parsed,
 * so a file of millions of tiny values is refused before it costs memory. A generated 1,000-switch
 * inventory (5.9 MB, 51,000 interfaces) has about 610,000.
 */
export const MAX_NODES = 4_000_000;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Children of one mapping or sequence: [offset0, value0, offset1, value1, ...] in source order. */
interface NodeInfo {
  readonly offset: number;
  readonly children: unknown[];
  /** For a mapping, built on its first lookup: where each key and its value are. */
  index?: KeyIndex;
  /** The same with every child taken as a possible key; built only when `index` misses. */
  shifted?: KeyIndex;
}

interface KeyIndex {
  /** Key -> child number k of the first key child paired with the key's current value (key at k, value at k+1). */
  readonly paired: Map<string, number>;
  /** Key -> child number of its first occurrence, for keys never found paired. */
  readonly keyOnly: Map<string, number>;
}

export class SourceMap {
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    private readonly nodes: WeakMap<object, NodeInfo>,
    private readonly root: unknown,
  ) {}

  /** Line/column (1-based) of the node at `path` ("/devices/3/interfaces/5/vlan"), or of its nearest existing ancestor. */
  locate(path: string, preferKey = false): Position {
    let node: unknown = this.root;
    let offset = this.nodes.get(node as object)?.offset ?? 0;
    if (path === "" || path === "/") return this.position(offset);
    const segments = path.slice(1).split("/").map(unescapePointer);
    for (const segment of segments) {
      if (node === null || typeof node !== "object") break;
      const info = this.nodes.get(node);
      if (!info) break;
      const found = Array.isArray(node) ? this.itemOffset(info, node, segment) : this.keyOffsets(info, node as Record<string, unknown>, segment);
      if (!found) break;
      offset = found.key !== undefined && preferKey && segment === segments[segments.length - 1] ? found.key : found.value;
      node = Array.isArray(node) ? node[Number(segment)] : (node as Record<string, unknown>)[segment];
    }
    return this.position(offset);
  }

  /** Line/column (1-based) of a character offset, skipping blanks and comments before the node. */
  position(offset: number): Position {
    const text = this.text;
    let i = offset;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x23 /* # */) {
        while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      } else break;
    }
    if (i >= text.length) i = Math.min(offset, Math.max(0, text.length - 1));
    return offsetToPosition(this.starts(), i);
  }

  private starts(): number[] {
    if (!this.lineStarts) this.lineStarts = lineStarts(this.text);
    return this.lineStarts;
  }

  private itemOffset(info: NodeInfo, _node: unknown[], segment: string): { value: number; key?: number } | undefined {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0) return undefined;
    const at = index * 2;
    if (at >= info.children.length) return undefined;
    return { value: info.children[at] as number };
  }

  private keyOffsets(info: NodeInfo, node: Record<string, unknown>, key: string): { value: number; key?: number } | undefined {
    // Children alternate key and value: that pairing first, then (rarely needed: merge keys) any child
    // equal to the key and followed by the key's value, then the key alone. The first match wins, as a
    // scan of the children would find it; each index is built once per mapping, so locating k errors in
    // one mapping costs O(k), not O(k^2).
    const c = info.children;
    info.index ??= buildKeyIndex(c, node, 2);
    let k = info.index.paired.get(key);
    if (k === undefined) {
      info.shifted ??= buildKeyIndex(c, node, 1);
      k = info.shifted.paired.get(key);
    }
    if (k !== undefined) return { key: c[2 * k] as number, value: c[2 * k + 2] as number };
    const only = info.index.keyOnly.get(key) ?? info.shifted?.keyOnly.get(key);
    return only === undefined ? undefined : { key: c[2 * only] as number, value: c[2 * only] as number };
  }
}

/** One pass over a mapping's children, every `step`-th child taken as a key. */
function buildKeyIndex(c: readonly unknown[], node: Record<string, unknown>, step: 1 | 2): KeyIndex {
  const paired = new Map<string, number>();
  const keyOnly = new Map<string, number>();
  const count = c.length / 2;
  for (let k = 0; k < count; k += step) {
    const candidate = c[2 * k + 1];
    if (candidate !== null && typeof candidate === "object") continue;
    const name = typeof candidate === "string" ? candidate : String(candidate);
    if (paired.has(name)) continue;
    if (k + 1 < count && Object.prototype.hasOwnProperty.call(node, name) && sameValue(c[2 * k + 3], node[name])) paired.set(name, k);
    else if (!keyOnly.has(name)) keyOnly.set(name, k);
  }
  return { paired, keyOnly };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Where each line starts. Line breaks are as YAML reads them: LF, CR LF, or a CR alone. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function offsetToPosition(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export interface ParsedSource {
  readonly data?: unknown;
  readonly map?: LazySourceMap;
  readonly diagnostics: Diagnostic[];
}

function fileError(file: string, code: string, message: string, hint: string, line = 0, column = 0): Diagnostic {
  return { code, severity: "error", file, line, column, path: "", message, hint };
}

/** Bytes or text -> decoded text, or a diagnostic for huge, binary, non-UTF-8 or empty input. */
export function decode(input: string | Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > MAX_INVENTORY_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      diagnostics: [
        fileError(file, "E_FILE_TOO_LARGE", `file is ${mb(size)} MiB, more than the ${mb(MAX_INVENTORY_BYTES)} MiB an inventory may have`, "check that this is the inventory file; split very large networks into one inventory per site", 1, 1),
      ],
    };
  }
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const nul = input.indexOf(0);
    if (nul >= 0) return { diagnostics: [binaryError(file, input, nul)] };
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      // Everything before the bad byte is valid UTF-8: decode it to count lines and characters.
      const before = new TextDecoder("utf-8").decode(input.subarray(0, at));
      const pos = offsetToPosition(lineStarts(before), before.length);
      const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, "0");
      const next = Array.from(input.subarray(at + 1, Math.min(at + 4, input.length)), hex).join(" ");
      return {
        diagnostics: [
          fileError(file, "E_FILE_ENCODING", `file is not valid UTF-8: byte ${hex(input[at]!)} at offset ${at}${next ? ` (followed by ${next})` : ""} does not start a UTF-8 character`, "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)", pos.line, pos.column),
        ],
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\0");
  if (nul >= 0) return { diagnostics: [binaryError(file, text, nul)] };
  if (text.trim() === "") {
    return { diagnostics: [fileError(file, "E_FILE_EMPTY", "file is empty", "start from inventory/lab.yaml or inventory/kragujevac.yaml; an inventory needs at least version, name, tenants, sites and devices", 1, 1)] };
  }
  return { text, diagnostics: [] };
}

function binaryError(file: string, input: string | Uint8Array, at: number): Diagnostic {
  const head = typeof input === "string" ? input.slice(0, at) : new TextDecoder("utf-8").decode(input.subarray(0, at));
  const pos = offsetToPosition(lineStarts(head), head.length);
  return fileError(file, "E_FILE_BINARY", `file looks binary (NUL byte at offset ${at})`, "pass the YAML inventory file, not an archive or compiled file", pos.line, pos.column);
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629, table 3-7 of
 * Unicode: no overlong forms, no encoded surrogates, nothing above U+10FFFF). The same bytes the
 * fatal TextDecoder refuses.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[k];
    return c !== undefined && c >= lo && c <= hi;
  };
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else return i;
  }
  return n;
}

/**
 * Parses the text again with js-yaml's listener and records, for each mapping and sequence (by
 * identity), where its children start. Only done when a diagnostic needs a position, so valid
 * files pay nothing for it.
 */
function buildSourceMap(text: string, file: string): SourceMap {
  const nodes = new WeakMap<object, NodeInfo>();
  const offsets: number[] = [];
  // children[depth]: the flat [offset, value, ...] list of the node open at that depth (null until a child closes).
  const children: (unknown[] | null)[] = [[]];
  const listener = (event: "open" | "close", state: { position: number; result: unknown }) => {
    if (event === "open") {
      offsets.push(state.position);
      children.push(null);
      return;
    }
    const offset = offsets.pop()!;
    const own = children.pop() ?? [];
    const result = state.result;
    if (result !== null && typeof result === "object" && !nodes.has(result)) nodes.set(result, { offset, children: own });
    const top = children.length - 1;
    const parent = children[top] ?? (children[top] = []);
    parent.push(offset, result);
  };
  let data: unknown;
  try {
    data = yaml.load(text, { ...loadOptions(file), listener } as yaml.LoadOptions);
  } catch {
    data = undefined;
  }
  const rootOffset = (children[0]![0] as number | undefined) ?? 0;
  if (data !== null && typeof data === "object" && !nodes.has(data)) nodes.set(data, { offset: rootOffset, children: [] });
  return new SourceMap(text, nodes, data);
}

function loadOptions(file: string): yaml.LoadOptions {
  return { filename: file, json: false, schema: yaml.DEFAULT_SCHEMA, maxDepth: MAX_DEPTH, maxTotalMergeKeys: MAX_MERGE_KEYS } as yaml.LoadOptions;
}

/** A SourceMap built on first use. */
export class LazySourceMap {
  private map: SourceMap | undefined;
  constructor(private readonly text: string, private readonly file: string) {}
  get(): SourceMap {
    return (this.map ??= buildSourceMap(this.text, this.file));
  }
  locate(path: string, preferKey = false): Position {
    return this.get().locate(path, preferKey);
  }
  position(offset: number): Position {
    return this.get().position(offset);
  }
}

const TOO_MANY_NODES = new Error("too many YAML nodes");

/** YAML text -> data + (lazy) source map, or diagnostics (syntax, duplicate keys, alias bombs, wrong top-level type). */
export function parseYaml(text: string, file: string): ParsedSource {
  let data: unknown;
  let nodes = 0;
  // Counting the nodes as they are parsed stops a document of millions of tiny values early.
  const listener = (event: "open" | "close") => {
    if (event === "open" && ++nodes > MAX_NODES) throw TOO_MANY_NODES;
  };
  try {
    data = yaml.load(text, { ...loadOptions(file), listener } as yaml.LoadOptions);
  } catch (err) {
    if (err === TOO_MANY_NODES) {
      return {
        diagnostics: [
          fileError(file, "E_FILE_TOO_LARGE", `the document has more than ${MAX_NODES.toLocaleString("en")} values (keys, items and scalars)`, "check that this is the inventory file; split very large networks into one inventory per site", 1, 1),
        ],
      };
    }
    return { diagnostics: [yamlError(err, file, text)] };
  }
  const map = new LazySourceMap(text, file);
  if (data === undefined || data === null) {
    return { map, diagnostics: [fileError(file, "E_FILE_EMPTY", "file has no YAML content (only comments or blank lines)", "an inventory needs at least version, name, tenants, sites and devices; start from inventory/lab.yaml", 1, 1)] };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    const kind = Array.isArray(data) ? "a list" : `a ${typeof data}`;
    const pos = map.locate("");
    return {
      map,
      diagnostics: [fileError(file, "E_TOP_LEVEL", `the document is ${kind}; an inventory is a mapping with keys version, name, tenants, sites, devices, ...`, "write the inventory as `key: value` lines at the top level (see inventory/lab.yaml)", pos.line, pos.column)],
    };
  }
  // Aliases share objects in memory, but everything that walks the tree pays for each use.
  if (/[\s\[{,:-]\*[^\s]/.test(text) && expandedSize(data, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    return {
      map,
      diagnostics: [
        fileError(file, "E_YAML_ALIAS_BOMB", `aliases expand the document to more than ${MAX_EXPANDED_NODES.toLocaleString("en")} nodes`, "aliases (*name) may reuse small pieces such as VLAN lists; do not nest aliases of aliases", 1, 1),
      ],
    };
  }
  return { data, map, diagnostics: [] };
}

/** Number of nodes the tree has when every alias is expanded; stops counting past `cap`. Linear in distinct nodes. */
export function expandedSize(root: unknown, cap: number): number {
  const memo = new Map<object, number>();
  const size = (node: unknown, depth: number): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return cap + 1;
    memo.set(node, cap + 1); // a cycle counts as infinite
    let total = 1;
    const values = Array.isArray(node) ? node : Object.values(node);
    for (const v of values) {
      total += size(v, depth + 1);
      if (total > cap) break;
    }
    memo.set(node, total);
    return total;
  };
  return size(root, 0);
}

/** Where the second document of a multi-document stream starts (its `---` line). */
function secondDocument(text: string): Position | undefined {
  const re = /^---(?=\s|$)/gm;
  let m: RegExpExecArray | null;
  let seenContent = false;
  let last = 0;
  while ((m = re.exec(text))) {
    // A leading `---` before any content opens the first document.
    if (!seenContent) seenContent = /^\s*[^\s#]/m.test(text.slice(last, m.index).replace(/^#.*$/gm, ""));
    if (seenContent) return offsetToPosition(lineStarts(text), m.index);
    last = m.index + 3;
  }
  return undefined;
}

function yamlError(err: unknown, file: string, text: string): Diagnostic {
  if (err instanceof yaml.YAMLException) {
    const mark = (err as yaml.YAMLException & { mark?: { line: number; column: number; position: number } }).mark;
    const reason = err.reason || "invalid YAML";
    const line = mark ? mark.line + 1 : 0;
    const column = mark ? mark.column + 1 : 0;
    if (/duplicated mapping key/.test(reason)) {
      const key = mark ? /^["']?([^"':\n{}[\],]+)/.exec(text.slice(mark.position, mark.position + 200))?.[1]?.trim() : undefined;
      return fileError(file, "E_YAML_DUPLICATE_KEY", `${key ? `key '${key}'` : "a key"} appears twice in one mapping`, "remove or rename one of the two keys (YAML would silently keep only one)", line, column);
    }
    if (/maxDepth|nesting exceeded/.test(reason)) {
      return fileError(file, "E_YAML_TOO_DEEP", `nesting deeper than ${MAX_DEPTH} levels`, "the inventory format is at most a few levels deep; check the indentation", line, column);
    }
    if (/maxTotalMergeKeys|abnormal merge sequence size/.test(reason)) {
      return fileError(file, "E_YAML_ALIAS_BOMB", `YAML merge keys (<<) copy too much: ${reason}`, "aliases (*name) and merge keys (<<) may reuse small pieces only", line, column);
    }
    if (/cannot merge mappings/.test(reason)) {
      return fileError(file, "E_YAML_SYNTAX", "a merge key (<<) must be given a mapping, an alias of one, or a list of those", "write `<<: *name` (an anchored mapping) or `<<: { key: value }`, or remove the `<<:` line", line, column);
    }
    if (/expected a single document/.test(reason)) {
      const at = secondDocument(text);
      return fileError(file, "E_YAML_SYNTAX", "the file holds more than one YAML document (---)", "keep the whole inventory in one document: remove the extra `---` separators", at?.line ?? line, at?.column ?? column);
    }
    return fileError(file, "E_YAML_SYNTAX", `YAML syntax error: ${reason}`, "fix the YAML at this line (indentation, a missing colon, an unclosed quote or bracket)", line, column);
  }
  const message = err instanceof Error ? err.message : String(err);
  return fileError(file, "E_YAML_SYNTAX", `cannot read YAML: ${message}`, "check that the file is a YAML inventory");
}
