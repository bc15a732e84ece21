/**
 * Characters no inventory text may hold: they are invisible, reorder what a reader sees, or end a
 * line, a quoted string or a command on some device CLI or terminal. One definition for the whole
 * project: the loader refuses them in every string of the document (E_TEXT_CONTROL, with the code point
 * and where it is), and the platforms' text rendering (platforms/util.ts `deviceText`) drops the same
 * characters again, so a value that reaches a device can never carry one.
 *
 *  - C0 controls U+0000-U+001F (tab, line feed, carriage return, escape...), DEL, C1 controls
 *    U+0080-U+009F (NEL, CSI...): Unicode category Cc;
 *  - format characters (Cf): bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 *    U+2066-U+2069), marks (U+200E, U+200F, U+061C), zero-width characters (U+200B-U+200D, U+2060),
 *    the byte order mark U+FEFF, the soft hyphen, tags...;
 *  - the line and paragraph separators U+2028 and U+2029 (Zl, Zp);
 *  - unpaired surrogates (Cs: only reachable through YAML escapes) and private-use characters (Co);
 *  - noncharacters (U+FDD0-U+FDEF and the last two code points of every plane).
 */

/** Matches one character that may not appear in inventory text. */
export const FORBIDDEN_CHARACTER = new RegExp(
  `[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}\\u{FDD0}-\\u{FDEF}${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join("")}]`,
  "u",
);
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN_CHARACTER.source, "gu");

/** Names of the characters people most often paste by accident, for messages. */
const NAMES: Readonly<Record<number, string>> = {
  0x09: "TAB",
  0x0a: "LINE FEED",
  0x0d: "CARRIAGE RETURN",
  0x1b: "ESCAPE",
  0x7f: "DELETE",
  0x85: "NEXT LINE (NEL)",
  0x9b: "CONTROL SEQUENCE INTRODUCER",
  0xad: "SOFT HYPHEN",
  0x061c: "ARABIC LETTER MARK",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE". */
export function describeCharacter(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? "a control character" : cp >= 0xd800 && cp <= 0xdfff ? "an unpaired surrogate" : "an invisible or format character");
  return `${hex} ${name}`;
}

/** The first forbidden character of `s`: its index (UTF-16) and code point, or undefined when the text is clean. */
export function firstForbidden(s: string): { index: number; codePoint: number } | undefined {
  const m = FORBIDDEN_CHARACTER.exec(s);
  if (!m) return undefined;
  return { index: m.index, codePoint: m[0].codePointAt(0)! };
}

/** `s` with every forbidden character replaced by `by`. */
export function replaceForbidden(s: string, by = " "): string {
  return s.replace(FORBIDDEN_GLOBAL, by);
}

/** `s` with every forbidden character replaced by what `by` returns for it. */
export function replaceForbiddenWith(s: string, by: (c: string) => string): string {
  return s.replace(FORBIDDEN_GLOBAL, by);
}

export interface TextProblem {
  /** JSON pointer of the string (or of the key, `atKey`). */
  readonly path: string;
  readonly atKey: boolean;
  readonly message: string;
  readonly hint: string;
}

/** How many code points precede UTF-16 index `at` (what a person counts as characters). */
function codePointIndex(s: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < at) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

const escapeSegment = (s: string): string => s.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * True when no string parsed from this YAML source can hold a forbidden character: the source is
 * printable ASCII and line breaks only, with no escape (`\`) and no block scalar (`|`, `>`, which keep
 * line breaks). Most inventories are, and then the walk below is skipped (about 80 ms at 1,000 switches).
 */
export function plainSource(text: string): boolean {
  return !/[^\n\r\x20-\x7e]|[\\|>]/.test(text);
}

/**
 * Every string value and mapping key of a parsed document that holds a forbidden character, at most
 * `max` of them (and the count of the rest). Linear in the document; aliases are walked once.
 */
export function textProblems(root: unknown, max = Infinity): { problems: TextProblem[]; omitted: number } {
  const problems: TextProblem[] = [];
  let omitted = 0;
  const seen = new Set<object>();
  const report = (path: string, atKey: boolean, s: string, bad: { index: number; codePoint: number }) => {
    if (problems.length >= max) {
      omitted++;
      return;
    }
    const what = atKey ? "key" : "text";
    problems.push({
      path,
      atKey,
      message: `${what} contains ${describeCharacter(bad.codePoint)} at character ${codePointIndex(s, bad.index) + 1}`,
      hint: "remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)",
    });
  };
  // An explicit stack: documents may be deep (up to the parser's depth limit) and wide.
  const stack: [unknown, string][] = [[root, ""]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      const bad = firstForbidden(node);
      if (bad) report(path, false, node, bad);
      continue;
    }
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}/${i}`]);
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const p = `${path}/${escapeSegment(k)}`;
      const bad = firstForbidden(k);
      if (bad) report(p, true, k, bad);
      stack.push([(node as Record<string, unknown>)[k], p]);
    }
  }
  return { problems, omitted };
}
