/**
 * Natural keys for diagnostics: the JSON path "/devices/3/interfaces/5/vlan" becomes
 * "device kg-dc1-leaf1 interface 10GE1/0/5", so people see which object is at fault.
 */

type Json = unknown;

function field(node: Json, key: string): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const v = (node as Record<string, unknown>)[key];
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

function end(node: Json): string {
  const d = field(node, "device") ?? "?";
  const i = field(node, "interface") ?? "?";
  return `${d}:${i}`;
}

const LABELS: Record<string, (item: Json, index: number) => string> = {
  tenants: (x, i) => `tenant ${field(x, "name") ?? `#${i + 1}`}`,
  vrfs: (x, i) => `vrf ${field(x, "name") ?? `#${i + 1}`}`,
  sites: (x, i) => `site ${field(x, "name") ?? `#${i + 1}`}`,
  racks: (x, i) => `rack ${field(x, "name") ?? `#${i + 1}`}`,
  devices: (x, i) => `device ${field(x, "name") ?? `#${i + 1}`}`,
  interfaces: (x, i) => `interface ${field(x, "name") ?? `#${i + 1}`}`,
  lags: (x, i) => `lag ${field(x, "name") ?? `#${i + 1}`}`,
  routes: (x, i) => `route ${field(x, "prefix") ?? `#${i + 1}`}`,
  neighbors: (x, i) => `neighbor ${field(x, "address") ?? `#${i + 1}`}`,
  vlans: (x, i) => `vlan ${field(x, "id") ?? `#${i + 1}`}`,
  gateways: (x, i) => `gateway ${field(x, "device") ?? `#${i + 1}`}`,
  links: (x, i) => {
    if (x === null || typeof x !== "object") return `link #${i + 1}`;
    const l = x as Record<string, unknown>;
    return `link ${end(l.a)} <-> ${end(l.b)}`;
  },
  hosts: (x, i) => `host ${field(x, "name") ?? `#${i + 1}`}`,
  services: (x, i) => `service ${field(x, "name") ?? `#${i + 1}`}`,
  dr: (x, i) => `dr ${field(x, "site") ?? `#${i + 1}`}`,
  mlag: (x, i) => `mlag pair ${field(x, "name") ?? `#${i + 1}`}`,
  vlanGroups: (x, i) => `vlan group ${field(x, "name") ?? `#${i + 1}`}`,
  rules: (x, i) => `policy rule ${field(x, "name") ?? `#${i + 1}`}`,
  classes: (x, i) => `qos class ${field(x, "name") ?? `#${i + 1}`}`,
  marking: (x, i) => `qos marking #${i + 1}${field(x, "class") ? ` (${field(x, "class")})` : ""}`,
  instances: (x, i) => `mst instance ${field(x, "id") ?? `#${i + 1}`}`,
};

/** "device kg-dc1-leaf1 interface 10GE1/0/5" for a path into the document; undefined at the top level. */
export function describeObject(root: Json, path: string): string | undefined {
  if (!path || path === "/") return undefined;
  const segments = path.slice(1).split("/");
  const parts: string[] = [];
  let node: Json = root;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") break;
    const next: Json = Array.isArray(node) ? node[Number(seg)] : (node as Record<string, unknown>)[seg];
    const label = LABELS[seg];
    const idx = segments[i + 1];
    const item = Array.isArray(next) && idx !== undefined ? next[Number(idx)] : undefined;
    if (label && Array.isArray(next) && idx !== undefined && /^\d+$/.test(idx) && item !== null && typeof item === "object") {
      parts.push(label(next[Number(idx)], Number(idx)));
      node = next[Number(idx)];
      i++;
      continue;
    }
    if (seg === "bgp") parts.push("bgp");
    node = next;
  }
  return parts.length ? parts.join(" ") : undefined;
}

/** A JSON pointer from segments. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
