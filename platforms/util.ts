/** Small pure helpers shared by the platform modules. */
import { replaceForbidden } from "../model/text";
import type { ConfigObject, ObjectKind } from "./types";

/** Contiguous runs of sorted, de-duplicated VLAN ids: [[10,10],[20,30]]. */
export function vlanRuns(ids: readonly number[]): [number, number][] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else runs.push([v, v]);
  }
  return runs;
}

/** "10,20-30" (NX-OS, EOS): runs of two or more become a range. */
export function dashRanges(ids: readonly number[]): string {
  return vlanRuns(ids)
    .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
    .join(",");
}

/** "10 20 to 30" (Huawei VRP). */
export function vrpRanges(ids: readonly number[]): string {
  return vlanRuns(ids)
    .map(([a, b]) => (a === b ? `${a}` : `${a} to ${b}`))
    .join(" ");
}

/**
 * The same list cut into pieces of at most `items` items (one VLAN or one `a to b` range each), for
 * VRP commands that take `{ vlan-id1 [ to vlan-id2 ] } &<1-10>` per line: `vlan batch`, `instance ... vlan`,
 * and `port trunk allow-pass vlan` on the releases that allow ten per line.
 */
export function vrpRangeChunks(ids: readonly number[], items = 10): string[] {
  const parts = vlanRuns(ids).map(([a, b]) => (a === b ? `${a}` : `${a} to ${b}`));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += items) out.push(parts.slice(i, i + items).join(" "));
  return out;
}

/** Expands "10,20-22" or "10 20 to 22" back into ids. */
export function parseVlanList(text: string): number[] {
  const out: number[] = [];
  const t = text.trim().replace(/\s+to\s+/g, "-");
  if (t === "" || t === "none") return out;
  for (const part of t.split(/[\s,]+/)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    for (let v = a; v <= b; v++) out.push(v);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** An inventory speed in Mbit/s: "100M" -> 100, "2.5G" -> 2500, "100G" -> 100000. */
export function speedMbps(speed: string): number {
  const m = /^(\d+(?:\.\d+)?)([MG])$/.exec(speed);
  if (!m) return 0;
  return Math.round(Number(m[1]) * (m[2] === "G" ? 1000 : 1));
}

/** Frame size a switch port needs for an IP MTU: Ethernet header, one VLAN tag and the FCS on top. */
export const l2Frame = (mtu: number): number => mtu + 22;

/** "10.0.0.1/24" -> ["10.0.0.1", "255.255.255.0"]. */
export function addressAndMask(cidr: string): [string, string] {
  const [addr, lenText] = cidr.split("/");
  return [addr!, maskOf(Number(lenText ?? "32"))];
}

export function maskOf(len: number): string {
  const bits = len <= 0 ? 0 : len >= 32 ? 0xffffffff : (0xffffffff << (32 - len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 0xff).join(".");
}

export function maskLength(mask: string): number {
  let n = 0;
  for (const part of mask.split(".")) {
    let b = Number(part);
    while (b & 0x80) {
      n++;
      b = (b << 1) & 0xff;
    }
  }
  return n;
}

/** Quotes a word for POSIX sh when it holds anything but safe characters. */
export function shQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * How free text (descriptions; names where the inventory allows more than a fixed pattern) is written
 * for each platform: the one rule per platform, whatever the field. Validation already refuses control
 * and format characters (E_TEXT_CONTROL, model/text.ts); rendering does not rely on that:
 *
 *  - every character model/text.ts forbids and every kind of white space becomes one space; no leading
 *    or trailing space; at most `max` characters (never half of a surrogate pair);
 *  - line CLIs (huawei-vrp, cisco-nxos, arista-eos, frr: `description TEXT` runs to the end of the
 *    line): no `?` (opens the CLI's help), no `"`; NX-OS also no `;` (its CLI runs `a ; b` as two
 *    commands) and no `|`;
 *  - junos: a double-quoted string whenever the text is not one plain word, `\` and `"` escaped inside
 *    it, no `?`; the exec transport gives these lines to the Junos CLI, never to a shell
 *    (transport/exec.ts), so `$` and backquotes are plain characters;
 *  - ovs (nothing rendered today): letters, digits and `_.,:/@+=-` only, the words joined by `-`, so
 *    the value is one safe shell and ovsdb word.
 */
export type TextPlatform = "ovs" | "frr" | "huawei-vrp" | "cisco-nxos" | "arista-eos" | "junos";

const TEXT_RULES: Readonly<Record<TextPlatform, { readonly max: number; readonly drop: RegExp }>> = {
  "huawei-vrp": { max: 242, drop: /["?]/g },
  "cisco-nxos": { max: 254, drop: /["?;|]/g },
  "arista-eos": { max: 240, drop: /["?]/g },
  frr: { max: 80, drop: /["?]/g },
  junos: { max: 900, drop: /[?]/g },
  ovs: { max: 63, drop: /[^A-Za-z0-9 _.,:/@+=-]/g },
};

/** Free text for a device of `platform` (see above); "" when nothing printable is left. */
export function deviceText(platform: TextPlatform, s: string, max: number = TEXT_RULES[platform].max): string {
  const rule = TEXT_RULES[platform];
  let t = s;
  // Fast path: plain printable ASCII without anything to drop or collapse (most descriptions).
  // eslint-disable-next-line no-control-regex
  if (!(t.length <= max && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(t) && !/ {2}/.test(t) && !(rule.drop.lastIndex = 0, rule.drop.test(t)))) {
    t = replaceForbidden(t, " ").replace(rule.drop, " ").replace(/\s+/g, " ").trim();
    if (t.length > max) t = cut(t, max).trimEnd();
  }
  rule.drop.lastIndex = 0;
  if (platform === "ovs") return t.replace(/ /g, "-");
  if (platform === "junos") return /^[A-Za-z0-9_.\/:-]+$/.test(t) ? t : `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return t;
}

/** `[prefix + text]` with the platform's text, or no line at all when nothing printable is left (`description` alone is incomplete). */
export function textLine(platform: TextPlatform, prefix: string, s: string, max?: number): string[] {
  const t = deviceText(platform, s, max);
  return t === "" ? [] : [`${prefix}${t}`];
}

/** The first `max` UTF-16 units of `s`, one fewer when that would split a surrogate pair. */
function cut(s: string, max: number): string {
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Description text a line CLI accepts (the huawei-vrp/arista-eos/frr rule of `deviceText`), default at most 80 characters. */
export function cleanText(s: string, max = 80): string {
  return deviceText("frr", s, max);
}

export function obj(
  device: string,
  kind: ObjectKind,
  key: string,
  summary: string,
  fields: ConfigObject["fields"],
  apply: readonly string[],
  remove: readonly string[],
  readBack: string,
): ConfigObject {
  return { device, kind, key, summary, fields, apply, remove, readBack };
}

/** Removes undefined values so fields compare as JSON. */
export function defined(fields: Record<string, unknown>): ConfigObject["fields"] {
  const out: Record<string, string | number | boolean | readonly (string | number)[]> = {};
  for (const k in fields) {
    const v = fields[k];
    if (v !== undefined) out[k] = v as string | number | boolean | readonly (string | number)[];
  }
  return out;
}

/** The sections of an indented configuration text: header line -> body lines (trimmed). */
export function sections(text: string, isHeader: (line: string) => boolean = (l) => !/^\s/.test(l)): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (line === "") continue;
    if (isHeader(line)) {
      const key = line.trim();
      current = out.get(key) ?? [];
      out.set(key, current);
    } else if (current) current.push(line.trim());
  }
  return out;
}

export const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function listField(f: ConfigObject["fields"], k: string): number[] {
  const v = f[k];
  return Array.isArray(v) ? (v as number[]) : [];
}

/**
 * A running-configuration output as text to keep and diff: line ends unified, trailing spaces and the lines
 * matching `volatile` (time stamps, banners that change with every change) dropped, one final newline.
 */
export function configText(volatile?: RegExp): (output: string) => string {
  return (output) => {
    const lines = output.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd());
    const kept = volatile ? lines.filter((l) => !volatile.test(l)) : lines;
    while (kept.length > 0 && kept[0] === "") kept.shift();
    while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
    return kept.length > 0 ? kept.join("\n") + "\n" : "";
  };
}
