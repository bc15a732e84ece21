/** IPv4 arithmetic for the checks: addresses as unsigned 32-bit numbers, prefixes as [network, last]. */

export interface Prefix {
  /** The address as written (may have host bits set, e.g. an interface address). */
  readonly address: number;
  readonly length: number;
  /** First and last address of the network. */
  readonly network: number;
  readonly last: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (address === undefined || !/^(0|[1-9][0-9]?)$/.test(lenText)) return undefined;
  const length = Number(lenText);
  if (length > 32) return undefined;
  const size = 2 ** (32 - length);
  const network = Math.floor(address / size) * size;
  return { address, length, network, last: network + size - 1 };
}

export function contains(prefix: Prefix, address: number): boolean {
  return address >= prefix.network && address <= prefix.last;
}

/** True when the address is a usable host address of the prefix (not network/broadcast, except /31 and /32). */
export function usableIn(prefix: Prefix, address: number): boolean {
  if (!contains(prefix, address)) return false;
  if (prefix.length >= 31) return true;
  return address !== prefix.network && address !== prefix.last;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

export function formatPrefix(p: Prefix): string {
  return `${formatIpv4(p.network)}/${p.length}`;
}

/**
 * An IPv6 address as 8 groups, or undefined when the text is not one (RFC 4291 section 2.2: eight
 * groups of 1-4 hex digits, at most one `::`, optionally an IPv4 address as the last 32 bits; no zone,
 * no prefix length).
 */
export function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(text)) return undefined;
  let body = text;
  let tail: number[] = [];
  if (body.includes(".")) {
    // the last 32 bits written as IPv4: "::ffff:192.0.2.1", "64:ff9b::192.0.2.1"
    const i = body.lastIndexOf(":");
    if (i < 0) return undefined;
    const v4 = parseIpv4(body.slice(i + 1));
    if (v4 === undefined) return undefined;
    tail = [v4 >>> 16, v4 & 0xffff];
    body = body.slice(0, i + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  if (!head) return undefined;
  if (halves.length === 1) {
    const all = [...head, ...tail];
    return all.length === 8 ? all : undefined;
  }
  const rest = groups(halves[1]!);
  if (!rest) return undefined;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return undefined; // "::" stands for at least one group
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

/** Why an address cannot be a device's own unicast address ("the unspecified address"), or undefined when it can. */
export function notUnicast(text: string): string | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) {
    if (v4 === 0) return "the unspecified address 0.0.0.0";
    if (v4 === 0xffffffff) return "the limited broadcast address";
    if (v4 >>> 28 === 0xe) return "a multicast address (224.0.0.0/4)";
    if (v4 >>> 28 === 0xf) return "a reserved address (240.0.0.0/4)";
    if (v4 >>> 24 === 0) return "an address of 0.0.0.0/8 ('this network')";
    return undefined;
  }
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if (v6.every((g) => g === 0)) return "the unspecified address ::";
  if (v6[0]! >>> 8 === 0xff) return "a multicast address (ff00::/8)";
  return undefined;
}

/** A route distinguisher "ASN:NN" or "IPv4:NN" checked against RFC 4364's three types; the problem, or undefined when valid. */
export function rdProblem(rd: string): string | undefined {
  const colon = rd.lastIndexOf(":");
  const admin = rd.slice(0, colon);
  const assigned = rd.slice(colon + 1);
  if (colon <= 0 || !/^[0-9]+$/.test(assigned)) return "is not ASN:NN or IPv4:NN";
  const nn = Number(assigned);
  if (parseIpv4(admin) !== undefined) return nn > 0xffff ? `assigned number ${assigned} is above 65535 (type 1, IPv4:NN)` : undefined;
  if (!/^[0-9]+$/.test(admin)) return "is not ASN:NN or IPv4:NN";
  const asn = Number(admin);
  if (asn > 0xffffffff || admin.length > 10) return `AS number ${admin} is above 4294967295`;
  if (asn > 0xffff) return nn > 0xffff ? `with a 4-byte AS number (${admin}) the assigned number ${assigned} must be at most 65535 (type 2)` : undefined;
  return nn > 0xffffffff || assigned.length > 10 ? `assigned number ${assigned} is above 4294967295 (type 0, ASN:NN)` : undefined;
}

/** The canonical form of a valid RD (numbers without leading zeros), to compare two RDs. */
export function canonicalRd(rd: string): string {
  const colon = rd.lastIndexOf(":");
  const admin = rd.slice(0, colon);
  const nn = String(Number(rd.slice(colon + 1)));
  return `${parseIpv4(admin) !== undefined ? admin : String(Number(admin))}:${nn}`;
}
