/**
 * The characters no inventory text may hold (model/text.ts), by Unicode category and by name (the names are
 * those of the Unicode Character Database, UnicodeData.txt, as people know them), and the walk that finds
 * them in a parsed document with a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`) and a position counted
 * in characters, not UTF-16 units.
 */
import { describe, expect, it } from "vitest";
import { describeCharacter, FORBIDDEN_CHARACTER, firstForbidden, plainSource, replaceForbidden, replaceForbiddenWith, textProblems } from "../../../model/text";

describe("the forbidden characters", () => {
  it("controls, format characters, separators, surrogates, private use and noncharacters", () => {
    for (const cp of [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xad, 0x061c, 0x200b, 0x200e, 0x2028, 0x2029, 0x202e, 0x2066, 0xfeff, 0xe000, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff, 0xe0001]) {
      expect(FORBIDDEN_CHARACTER.test(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
    }
    expect(FORBIDDEN_CHARACTER.test("\ud800")).toBe(true);
  });
  it("takes every printable character, in any script", () => {
    for (const s of [" ", "a", "~", "é", "Ђ", "č", "日本", "😀", "\u00a0", "\ufdcf", "\ufdf0", "\ufffd", "\u{1fffd}"]) expect(FORBIDDEN_CHARACTER.test(s), s).toBe(false);
  });
});

describe("describeCharacter", () => {
  it("names the characters people paste by accident", () => {
    const named: Record<number, string> = {
      0x09: "TAB", 0x0a: "LINE FEED", 0x0d: "CARRIAGE RETURN", 0x1b: "ESCAPE", 0x7f: "DELETE", 0x85: "NEXT LINE (NEL)", 0x9b: "CONTROL SEQUENCE INTRODUCER",
      0xad: "SOFT HYPHEN", 0x061c: "ARABIC LETTER MARK", 0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER",
      0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR", 0x202a: "LEFT-TO-RIGHT EMBEDDING",
      0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING", 0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
      0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
      0xfeff: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
    };
    for (const [cp, name] of Object.entries(named)) expect(describeCharacter(Number(cp))).toBe(`U+${Number(cp).toString(16).toUpperCase().padStart(4, "0")} ${name}`);
  });
  it("the others by kind, with the code point in four or more upper-case hex digits", () => {
    expect(describeCharacter(0x00)).toBe("U+0000 a control character");
    expect(describeCharacter(0x1f)).toBe("U+001F a control character");
    expect(describeCharacter(0x80)).toBe("U+0080 a control character");
    expect(describeCharacter(0x9f)).toBe("U+009F a control character");
    expect(describeCharacter(0xa0)).toBe("U+00A0 an invisible or format character");
    expect(describeCharacter(0xd800)).toBe("U+D800 an unpaired surrogate");
    expect(describeCharacter(0xdfff)).toBe("U+DFFF an unpaired surrogate");
    expect(describeCharacter(0xe000)).toBe("U+E000 an invisible or format character");
    expect(describeCharacter(0xd7ff)).toBe("U+D7FF an invisible or format character");
    expect(describeCharacter(0x10ffff)).toBe("U+10FFFF an invisible or format character");
  });
});

describe("finding and replacing", () => {
  it("the first forbidden character's UTF-16 index and code point", () => {
    expect(firstForbidden("clean")).toBeUndefined();
    expect(firstForbidden("a\u202eb\tc")).toEqual({ index: 1, codePoint: 0x202e });
    expect(firstForbidden("😀\u{e0001}")).toEqual({ index: 2, codePoint: 0xe0001 });
  });
  it("replaces every one, by a space unless told otherwise", () => {
    expect(replaceForbidden("a\tb\u200bc\n")).toBe("a b c ");
    expect(replaceForbidden("a\tb", "")).toBe("ab");
    expect(replaceForbiddenWith("a\tb\u202e", (c) => `<${c.codePointAt(0)}>`)).toBe("a<9>b<8238>");
  });
  it("a plain source: printable ASCII and line breaks, no escape and no block scalar", () => {
    expect(plainSource("a: b\r\nc: [1, 2]\n")).toBe(true);
    for (const s of ["a: \"x\\ty\"", "a: |\n  b", "a: >\n  b", "a: é", "a:\tb", "a: \u007f"]) expect(plainSource(s), JSON.stringify(s)).toBe(false);
  });
});

describe("textProblems", () => {
  it("every string value and key, with its pointer and the character counted as people count", () => {
    const doc = { devices: [{ name: "sw\u202e1" }, { name: "ok", "de/s~c": "😀😀\tx" }], "bad\u200bkey": 1 };
    expect(textProblems(doc)).toEqual({
      // a key when its mapping is walked, before the values under it
      problems: [
        { path: "/bad\u200bkey", atKey: true, message: "key contains U+200B ZERO WIDTH SPACE at character 4", hint: "remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)" },
        { path: "/devices/0/name", atKey: false, message: "text contains U+202E RIGHT-TO-LEFT OVERRIDE at character 3", hint: "remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)" },
        { path: "/devices/1/de~1s~0c", atKey: false, message: "text contains U+0009 TAB at character 3", hint: "remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)" },
      ],
      omitted: 0,
    });
  });
  it("keeps at most `max` and counts the rest; a clean document and scalars give none", () => {
    const r = textProblems(["\t", "\n", "\r", "ok", 5, null, true], 2);
    expect(r.problems.map((p) => p.path)).toEqual(["/0", "/1"]);
    expect(r.omitted).toBe(1);
    expect(textProblems({ a: ["b", 1, { c: "d" }] })).toEqual({ problems: [], omitted: 0 });
    expect(textProblems("\t").problems.map((p) => p.path)).toEqual([""]);
  });
  it("walks a node shared by two places once (YAML aliases)", () => {
    const shared = { n: "x\t" };
    expect(textProblems({ a: shared, b: shared }).problems.map((p) => p.path)).toEqual(["/a/n"]);
  });
  it("a lone high surrogate before the character counts as one character", () => {
    expect(textProblems("\ud83d\t").problems[0]!.message).toBe("text contains U+D83D an unpaired surrogate at character 1");
    expect(textProblems("a\ud83d\ude00b\u0007").problems[0]!.message).toBe("text contains U+0007 a control character at character 4");
  });
});
