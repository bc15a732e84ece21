/**
 * The checks' address arithmetic (model/ip.ts), case by case: dotted-quad IPv4 (four decimal parts 0..255,
 * no leading zeros), prefixes and their usable hosts (RFC 3021: both addresses of a /31 are usable), IPv6 text
 * (RFC 4291 section 2.2: eight groups, one `::` for at least one group, an IPv4 tail), addresses that cannot
 * be a device's own (RFC 6890's special ranges: 0.0.0.0/8, 224.0.0.0/4, 240.0.0.0/4, the limited broadcast,
 * `::`, ff00::/8), and route distinguishers (RFC 4364 section 4.2: type 0 ASN2:NN4, type 1 IPv4:NN2, type 2
 * ASN4:NN2).
 */
import { describe, expect, it } from "vitest";
import { canonicalRd, contains, formatIpv4, formatPrefix, notUnicast, parseIpv4, parseIpv6, parsePrefix, rdProblem, usableIn } from "../../../model/ip";

describe("parseIpv4", () => {
  it("four decimal parts, each 0..255", () => {
    expect(parseIpv4("0.0.0.0")).toBe(0);
    expect(parseIpv4("10.1.2.3")).toBe(10 * 2 ** 24 + 1 * 2 ** 16 + 2 * 256 + 3);
    expect(parseIpv4("255.255.255.255")).toBe(2 ** 32 - 1);
    expect(parseIpv4("192.168.100.200")).toBe(0xc0a864c8);
  });
  it("refuses what is not a dotted quad", () => {
    for (const bad of ["", "10.1.2", "10.1.2.3.4", "10.1.2.256", "10.1.2.03", "10.1.2.-1", "10.1.2.x", "10.1..3", " 10.1.2.3", "1000.1.2.3", "10.1.2.3 "]) expect(parseIpv4(bad), bad).toBeUndefined();
  });
});

describe("parsePrefix, contains, usableIn, formatting", () => {
  it("an address with its length: the network and the last address", () => {
    expect(parsePrefix("10.1.2.3/24")).toEqual({ address: parseIpv4("10.1.2.3"), length: 24, network: parseIpv4("10.1.2.0"), last: parseIpv4("10.1.2.255") });
    expect(parsePrefix("10.1.2.3/32")).toEqual({ address: parseIpv4("10.1.2.3"), length: 32, network: parseIpv4("10.1.2.3"), last: parseIpv4("10.1.2.3") });
    expect(parsePrefix("0.0.0.0/0")).toEqual({ address: 0, length: 0, network: 0, last: 2 ** 32 - 1 });
    expect(parsePrefix("10.1.2.5/31")).toMatchObject({ network: parseIpv4("10.1.2.4"), last: parseIpv4("10.1.2.5") });
  });
  it("refuses a missing or bad length and a bad address", () => {
    for (const bad of ["10.1.2.3", "10.1.2.3/", "10.1.2.3/33", "10.1.2.3/024", "10.1.2.3/100", "10.1.2.3/x", "10.1.2/24", "10.1.2.3/2 "]) expect(parsePrefix(bad), bad).toBeUndefined();
  });
  it("contains takes both ends of the network and nothing outside", () => {
    const p = parsePrefix("10.1.2.0/24")!;
    expect([parseIpv4("10.1.1.255"), parseIpv4("10.1.2.0"), parseIpv4("10.1.2.255"), parseIpv4("10.1.3.0")].map((a) => contains(p, a!))).toEqual([false, true, true, false]);
  });
  it("usable hosts: not the network or broadcast address, except on a /31 and a /32", () => {
    const p = parsePrefix("10.1.2.0/24")!;
    expect(["10.1.2.0", "10.1.2.1", "10.1.2.254", "10.1.2.255", "10.1.3.1"].map((a) => usableIn(p, parseIpv4(a)!))).toEqual([false, true, true, false, false]);
    const p31 = parsePrefix("10.1.2.4/31")!;
    expect(["10.1.2.4", "10.1.2.5", "10.1.2.6"].map((a) => usableIn(p31, parseIpv4(a)!))).toEqual([true, true, false]);
    const p32 = parsePrefix("10.1.2.9/32")!;
    expect(usableIn(p32, parseIpv4("10.1.2.9")!)).toBe(true);
    const p30 = parsePrefix("10.1.2.8/30")!;
    expect(["10.1.2.8", "10.1.2.9", "10.1.2.11"].map((a) => usableIn(p30, parseIpv4(a)!))).toEqual([false, true, false]);
  });
  it("formats addresses and prefixes (the network, not the address written)", () => {
    expect(formatIpv4(0xc0a864c8)).toBe("192.168.100.200");
    expect(formatIpv4(2 ** 32 - 1)).toBe("255.255.255.255");
    expect(formatPrefix(parsePrefix("10.1.2.3/22")!)).toBe("10.1.0.0/22");
  });
});

describe("parseIpv6", () => {
  it("eight groups, `::` for one or more zero groups, an IPv4 tail", () => {
    expect(parseIpv6("2001:db8:0:0:0:0:0:1")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("2001:db8::1")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("fe80::")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("1:2:3:4:5:6::8")).toEqual([1, 2, 3, 4, 5, 6, 0, 8]);
    expect(parseIpv6("FFFF:abcd::")).toEqual([0xffff, 0xabcd, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("::ffff:192.0.2.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    expect(parseIpv6("64:ff9b::192.0.2.1")).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0201]);
    expect(parseIpv6("1:2:3:4:5:6:192.0.2.1")).toEqual([1, 2, 3, 4, 5, 6, 0xc000, 0x0201]);
  });
  it("refuses what RFC 4291 does not allow", () => {
    for (const bad of [
      "", ":", "1", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7::8", "::1:2:3:4:5:6:7:8",
      "1.2.3.4", "::1.2.3", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4", "2001:db8::1/64", "fe80::1%eth0", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7",
    ]) expect(parseIpv6(bad), bad).toBeUndefined();
  });
});

describe("notUnicast", () => {
  it("names each range a device's own address cannot be in", () => {
    expect(notUnicast("0.0.0.0")).toBe("the unspecified address 0.0.0.0");
    expect(notUnicast("255.255.255.255")).toBe("the limited broadcast address");
    expect(notUnicast("224.0.0.5")).toBe("a multicast address (224.0.0.0/4)");
    expect(notUnicast("239.255.255.255")).toBe("a multicast address (224.0.0.0/4)");
    expect(notUnicast("240.0.0.1")).toBe("a reserved address (240.0.0.0/4)");
    expect(notUnicast("255.255.255.254")).toBe("a reserved address (240.0.0.0/4)");
    expect(notUnicast("0.1.2.3")).toBe("an address of 0.0.0.0/8 ('this network')");
    expect(notUnicast("::")).toBe("the unspecified address ::");
    expect(notUnicast("ff02::1")).toBe("a multicast address (ff00::/8)");
  });
  it("takes unicast addresses, on both sides of each range, and what is no address at all", () => {
    for (const ok of ["1.0.0.0", "10.0.0.1", "223.255.255.255", "::1", "fe80::1", "feff::1", "2001:db8::1", "not an address"]) expect(notUnicast(ok), ok).toBeUndefined();
  });
});

describe("route distinguishers", () => {
  it("the three types of RFC 4364 and their limits", () => {
    expect(rdProblem("65001:10")).toBeUndefined();
    expect(rdProblem("65535:4294967295")).toBeUndefined();
    expect(rdProblem("65001:4294967296")).toBe("assigned number 4294967296 is above 4294967295 (type 0, ASN:NN)");
    expect(rdProblem("65001:00000000001")).toBe("assigned number 00000000001 is above 4294967295 (type 0, ASN:NN)");
    expect(rdProblem("10.0.0.1:65535")).toBeUndefined();
    expect(rdProblem("10.0.0.1:65536")).toBe("assigned number 65536 is above 65535 (type 1, IPv4:NN)");
    expect(rdProblem("65536:65535")).toBeUndefined();
    expect(rdProblem("4294967295:1")).toBeUndefined();
    expect(rdProblem("65536:65536")).toBe("with a 4-byte AS number (65536) the assigned number 65536 must be at most 65535 (type 2)");
    expect(rdProblem("4294967296:1")).toBe("AS number 4294967296 is above 4294967295");
    expect(rdProblem("00000000001:1")).toBe("AS number 00000000001 is above 4294967295");
  });
  it("refuses what is not ASN:NN or IPv4:NN", () => {
    for (const bad of ["", "65001", ":10", "65001:", "65001:x", "as65001:10", "10.0.0:1", "65001:-1"]) expect(rdProblem(bad), bad).toBe("is not ASN:NN or IPv4:NN");
  });
  it("the canonical form drops leading zeros, keeps an IPv4 administrator as written", () => {
    expect(canonicalRd("065001:010")).toBe("65001:10");
    expect(canonicalRd("10.0.0.1:007")).toBe("10.0.0.1:7");
    expect(canonicalRd("65001:10")).toBe("65001:10");
  });
});
