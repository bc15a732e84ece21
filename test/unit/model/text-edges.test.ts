/**
 * The edges of model/text.ts: the two noncharacters at the end of every plane and their printable
 * neighbours, every forbidden character replaced (not only the first), the kind named for code points just
 * inside and just outside the control ranges, and the position of a forbidden character counted after
 * characters outside the BMP whose surrogates sit at the ends of the surrogate ranges.
 */
import { describe, expect, it } from "vitest";
import { describeCharacter, FORBIDDEN_CHARACTER, firstForbidden, replaceForbidden, textProblems } from "../../../model/text";

describe("the noncharacters of every plane", () => {
  it("the last two code points of each of the 17 planes are forbidden, the one before them is not (planes 0 to 14)", () => {
    for (let plane = 0; plane <= 16; plane++) {
      const base = plane * 0x10000;
      expect(FORBIDDEN_CHARACTER.test(String.fromCodePoint(base + 0xfffe)), `plane ${plane} FFFE`).toBe(true);
      expect(FORBIDDEN_CHARACTER.test(String.fromCodePoint(base + 0xffff)), `plane ${plane} FFFF`).toBe(true);
      if (plane <= 14) expect(FORBIDDEN_CHARACTER.test(String.fromCodePoint(base + 0xfffd)), `plane ${plane} FFFD`).toBe(false);
    }
  });

  it("a character outside the BMP is matched whole, at the index of its first UTF-16 unit", () => {
    expect(firstForbidden("x\u{2fffe}")).toEqual({ index: 1, codePoint: 0x2fffe });
    expect(firstForbidden("\u{10000}\u{10ffff}")).toEqual({ index: 2, codePoint: 0x10ffff });
    expect(replaceForbidden("a\u{5ffff}b")).toBe("a b");
  });

  it("every forbidden character of a text is replaced, however many", () => {
    expect(replaceForbidden("\t\ta\u202eb\u{effff}", "_")).toBe("__a_b_");
  });
});

describe("describeCharacter at the edges of the control ranges", () => {
  it("the space after the C0 controls is not called a control; the last C0 and an unnamed C1 control are", () => {
    expect(describeCharacter(0x20)).toBe("U+0020 an invisible or format character");
    expect(describeCharacter(0x1f)).toBe("U+001F a control character");
    expect(describeCharacter(0x81)).toBe("U+0081 a control character");
  });
});

describe("the position of a forbidden character after characters outside the BMP", () => {
  const at = (s: string): string => textProblems(s).problems[0]!.message;

  it("a pair whose high surrogate is D800 counts as one character", () => {
    // U+10000 LINEAR B SYLLABLE B008 A: D800 DC00
    expect(at("\u{10000}\t")).toBe("text contains U+0009 TAB at character 2");
    // U+103C0 OLD PERSIAN SIGN ZA: D800 DFC0
    expect(at("a\u{103c0}b\u202e")).toBe("text contains U+202E RIGHT-TO-LEFT OVERRIDE at character 4");
  });

  it("a pair whose low surrogate is DC00 or DFFF counts as one character", () => {
    // U+1F400 RAT: D83D DC00; U+1F3FF EMOJI MODIFIER FITZPATRICK TYPE-6: D83C DFFF
    expect(at("\u{1f400}\n")).toBe("text contains U+000A LINE FEED at character 2");
    expect(at("\u{1f3ff}\u{1f3ff}\u200b")).toBe("text contains U+200B ZERO WIDTH SPACE at character 3");
  });

  it("a key is counted the same way", () => {
    expect(textProblems({ "\u{1f400}\u{10000}k\u0085": 1 }).problems).toEqual([
      {
        path: "/\u{1f400}\u{10000}k\u0085",
        atKey: true,
        message: "key contains U+0085 NEXT LINE (NEL) at character 4",
        hint: "remove the invisible or control character (retype the text; on a device it could end a line, a quoted string or a command)",
      },
    ]);
  });
});
