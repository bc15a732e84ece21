/**
 * The platforms' small pure helpers (platforms/util.ts), case by case, edges included: VLAN lists in each
 * vendor's words, masks, speeds, shell quoting, configuration sections and the running-config text kept
 * for backups. Free text per platform has its own file (device-text.test.ts).
 */
import { describe, expect, it } from "vitest";
import {
  addressAndMask,
  cleanText,
  deviceText,
  configText,
  dashRanges,
  defined,
  l2Frame,
  listField,
  maskLength,
  maskOf,
  obj,
  parseVlanList,
  sameList,
  sections,
  shQuote,
  speedMbps,
  textLine,
  vlanRuns,
  vrpRangeChunks,
  vrpRanges,
} from "../../../platforms/util";

describe("VLAN lists", () => {
  it("runs of sorted, de-duplicated ids", () => {
    expect(vlanRuns([30, 10, 11, 12, 12, 20, 31])).toEqual([[10, 12], [20, 20], [30, 31]]);
    expect(vlanRuns([])).toEqual([]);
    expect(vlanRuns([5])).toEqual([[5, 5]]);
  });

  it("in NX-OS/EOS words (a,b-c) and in VRP words (a b to c)", () => {
    expect(dashRanges([1, 2, 3, 7, 9, 10])).toBe("1-3,7,9-10");
    expect(dashRanges([])).toBe("");
    expect(vrpRanges([1, 2, 3, 7, 9, 10])).toBe("1 to 3 7 9 to 10");
  });

  it("VRP's lines of at most ten items", () => {
    const ids = Array.from({ length: 12 }, (_, k) => 100 + 2 * k);
    expect(vrpRangeChunks(ids)).toEqual(["100 102 104 106 108 110 112 114 116 118", "120 122"]);
    expect(vrpRangeChunks([1, 2, 3, 5, 6, 9], 2)).toEqual(["1 to 3 5 to 6", "9"]);
    expect(vrpRangeChunks([])).toEqual([]);
    expect(vrpRangeChunks(Array.from({ length: 10 }, (_, k) => 1 + 2 * k))).toHaveLength(1);
  });

  it("parsed back from either vendor's words", () => {
    expect(parseVlanList("10,20-22")).toEqual([10, 20, 21, 22]);
    expect(parseVlanList(" 10 20 to 22  30 ")).toEqual([10, 20, 21, 22, 30]);
    expect(parseVlanList("22-20")).toEqual([]);
    expect(parseVlanList("5,5,3")).toEqual([3, 5]);
    expect(parseVlanList("none")).toEqual([]);
    expect(parseVlanList("")).toEqual([]);
    expect(parseVlanList("1,x,4")).toEqual([1, 4]);
    // a word that only holds a number is not one
    expect(parseVlanList("1,x4,5y,7-8z")).toEqual([1]);
    expect(parseVlanList("10 20  to   22")).toEqual([10, 20, 21, 22]);
  });
});

describe("numbers", () => {
  it("speeds in Mbit/s", () => {
    expect(speedMbps("100M")).toBe(100);
    expect(speedMbps("2.5G")).toBe(2500);
    expect(speedMbps("100G")).toBe(100000);
    expect(speedMbps("10T")).toBe(0);
    expect(speedMbps("G")).toBe(0);
    expect(speedMbps("2.55G")).toBe(2550);
    expect(speedMbps("x10G")).toBe(0);
    expect(speedMbps("10Gb")).toBe(0);
  });

  it("the frame for an IP MTU: header, one tag and the FCS", () => {
    expect(l2Frame(1500)).toBe(1522);
  });

  it("masks from prefix lengths and back", () => {
    expect(addressAndMask("10.0.0.1/24")).toEqual(["10.0.0.1", "255.255.255.0"]);
    expect(addressAndMask("10.0.0.1")).toEqual(["10.0.0.1", "255.255.255.255"]);
    expect(maskOf(0)).toBe("0.0.0.0");
    expect(maskOf(1)).toBe("128.0.0.0");
    expect(maskOf(31)).toBe("255.255.255.254");
    expect(maskOf(32)).toBe("255.255.255.255");
    expect(maskOf(-1)).toBe("0.0.0.0");
    expect(maskOf(33)).toBe("255.255.255.255");
    expect(maskLength("255.255.255.0")).toBe(24);
    expect(maskLength("255.255.254.0")).toBe(23);
    expect(maskLength("255.255.255.255")).toBe(32);
    expect(maskLength("0.0.0.0")).toBe(0);
    expect(maskLength("255.128.0.0")).toBe(9);
  });
});

describe("text", () => {
  it("a word for POSIX sh: safe characters as they are, anything else single-quoted", () => {
    expect(shQuote("eth1")).toBe("eth1");
    expect(shQuote("a_b@c%d+e=f:g,h./-")).toBe("a_b@c%d+e=f:g,h./-");
    expect(shQuote("two words")).toBe("'two words'");
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
    expect(shQuote("")).toBe("''");
    expect(shQuote("$HOME")).toBe("'$HOME'");
  });

  it("a text line, or none when nothing printable is left; line-CLI text of at most 80 characters", () => {
    expect(textLine("frr", " description ", "to isp")).toEqual([" description to isp"]);
    expect(textLine("frr", " description ", " ?? ")).toEqual([]);
    expect(textLine("frr", "d ", "abcdef", 3)).toEqual(["d abc"]);
    expect(cleanText("x".repeat(100))).toBe("x".repeat(80));
    expect(cleanText("a  b", 2)).toBe("a");
    expect(cleanText("a  b")).toBe("a b");
    // a control character is a space, not nothing
    expect(cleanText("a\u0007b")).toBe("a b");
  });

  it("a cut never splits a surrogate pair", () => {
    // U+10000 is the pair D800 DC00, U+1F600 the pair D83D DE00
    expect(cleanText("ab\u{10000}c", 3)).toBe("ab");
    expect(cleanText("ab\u{1F600}c", 3)).toBe("ab");
    expect(cleanText("ab\u{1F600}c", 4)).toBe("ab\u{1F600}");
    expect(cleanText("abcd", 3)).toBe("abc");
  });

  it("ovs: letters, digits and a few marks only, the words joined by dashes", () => {
    expect(deviceText("ovs", "to spine; 1 (a)")).toBe("to-spine-1-a");
    expect(deviceText("ovs", "host_1.a:b/c@d+e=f,g-h")).toBe("host_1.a:b/c@d+e=f,g-h");
  });
});

describe("objects and fields", () => {
  it("an object from its parts", () => {
    expect(obj("d", "vlan", "vlan:10", "VLAN 10", { id: 10 }, ["vlan 10"], ["undo vlan 10"], "show")).toEqual({
      device: "d",
      kind: "vlan",
      key: "vlan:10",
      summary: "VLAN 10",
      fields: { id: 10 },
      apply: ["vlan 10"],
      remove: ["undo vlan 10"],
      readBack: "show",
    });
  });

  it("undefined values dropped, false, 0 and empty kept", () => {
    expect(defined({ a: undefined, b: false, c: 0, d: "", e: [] })).toEqual({ b: false, c: 0, d: "", e: [] });
    expect(Object.keys(defined({ a: undefined, b: 1 }))).toEqual(["b"]);
  });

  it("lists: equal in order; a field as a list or nothing", () => {
    expect(sameList([1, 2], [1, 2])).toBe(true);
    expect(sameList([1, 2], [2, 1])).toBe(false);
    expect(sameList([1], [1, 2])).toBe(false);
    expect(sameList([], [])).toBe(true);
    expect(listField({ a: [1, 2], b: 3 }, "a")).toEqual([1, 2]);
    expect(listField({ a: [1, 2], b: 3 }, "b")).toEqual([]);
    expect(listField({}, "c")).toEqual([]);
  });
});

describe("configuration text", () => {
  it("sections: header -> trimmed body lines; a header seen twice gathers both bodies; lines before any header dropped", () => {
    const text = " stray\ninterface a\n  description x  \n\ninterface b\n shutdown\ninterface a\n mtu 9000\r\nvlan 10\n";
    const s = sections(text);
    expect([...s.entries()]).toEqual([
      ["interface a", ["description x", "mtu 9000"]],
      ["interface b", ["shutdown"]],
      ["vlan 10", []],
    ]);
    const byHash = sections("set a\n#\nset b\n", (l) => l === "#");
    expect([...byHash.entries()]).toEqual([["#", ["set b"]]]);
    // a header is named without its indentation
    expect([...sections("  vrf a\n   x\n", (l) => l.trim().startsWith("vrf")).keys()]).toEqual(["vrf a"]);
  });

  it("running-config text: line ends unified, trailing spaces and volatile lines dropped, blank edges trimmed, one final newline", () => {
    const t = configText(/^! Last change/);
    expect(t("\r\n\r\n! Last change: now\r\nhostname a  \r\n\r\nvlan 10\r\n\r\n\r\n")).toBe("hostname a\n\nvlan 10\n");
    expect(t("! Last change: now\n")).toBe("");
    expect(configText()("a\rb\n")).toBe("a\nb\n");
    expect(configText()("")).toBe("");
  });
});
