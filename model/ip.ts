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
