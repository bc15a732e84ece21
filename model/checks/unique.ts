/**
 * unique: names and IDs identify objects everywhere (diffs, Pulumi names, references), so each may
 * appear once. Codes: E_DUPLICATE (same name/ID twice in one list, or an interface and a LAG with
 * the same name on one device), E_DUPLICATE_MANAGEMENT (two devices with the same SSH address and
 * port), W_DUPLICATE_VLAN_NAME (two VLAN IDs with one name: legal, but confusing). Route
 * distinguishers identify a VRF's routes: each is within RFC 4364's ranges (E_VRF_RD) and used by one
 * VRF (E_DUPLICATE, compared as numbers: 65001:0100 is 65001:100).
 */
import { canonicalRd, rdProblem } from "../ip";
import type { Check } from "./context";

function dupes<T>(ctx: Parameters<Check>[0], items: readonly T[], key: (x: T) => string | number, path: (i: number) => string, what: string, code = "E_DUPLICATE", fix?: string, shown?: (x: T) => string): void {
  const first = new Map<string | number, number>();
  items.forEach((x, i) => {
    const k = key(x);
    const f = first.get(k);
    if (f === undefined) {
      first.set(k, i);
      return;
    }
    const message = `${what} ${shown ? shown(x) : `'${k}'`} is defined again (first at item ${f + 1})`;
    const hint = fix ?? `give each ${what} a unique ${typeof k === "number" || what === "VLAN" ? "ID" : "name"}, or merge the two entries`;
    if (code.startsWith("W_")) ctx.warn(code, path(i), message, hint);
    else ctx.error(code, path(i), message, hint);
  });
}

export const unique: Check = (ctx) => {
  const inv = ctx.inv;
  dupes(ctx, inv.tenants, (x) => x.name, (i) => `/tenants/${i}/name`, "tenant");
  dupes(ctx, inv.vrfs, (x) => x.name, (i) => `/vrfs/${i}/name`, "vrf");
  dupes(ctx, inv.sites, (x) => x.name, (i) => `/sites/${i}/name`, "site");
  dupes(ctx, inv.racks, (x) => x.name, (i) => `/racks/${i}/name`, "rack");
  dupes(ctx, inv.devices, (x) => x.name, (i) => `/devices/${i}/name`, "device");
  // a VLAN ID (and name) is unique among the VLANs outside groups, and within each group
  const inGroup = (x: { group?: string }, k: string | number): string | number => (x.group === undefined ? k : `${x.group}/${k}`);
  const ofGroup = (x: { group?: string }, k: string | number): string => (x.group === undefined ? `'${k}'` : `'${k}' of group '${x.group}'`);
  dupes(ctx, inv.vlans, (x) => inGroup(x, x.id), (i) => `/vlans/${i}/id`, "VLAN", "E_DUPLICATE", undefined, (x) => ofGroup(x, x.id));
  dupes(ctx, inv.vlans, (x) => inGroup(x, x.name), (i) => `/vlans/${i}/name`, "VLAN name", "W_DUPLICATE_VLAN_NAME", "give each VLAN its own name (within its group), so that reports and devices tell them apart", (x) => ofGroup(x, x.name));
  dupes(ctx, inv.vlanGroups ?? [], (x) => x.name, (i) => `/vlanGroups/${i}/name`, "VLAN group");
  dupes(ctx, inv.mlag ?? [], (x) => x.name, (i) => `/mlag/${i}/name`, "mlag pair");
  dupes(ctx, inv.hosts, (x) => x.name, (i) => `/hosts/${i}/name`, "host");
  dupes(ctx, inv.services, (x) => x.name, (i) => `/services/${i}/name`, "service");
  dupes(ctx, inv.dr, (x) => x.site, (i) => `/dr/${i}/site`, "DR protection for site", "E_DUPLICATE", "list each DR site once, with every VLAN and service it protects");
  const rds = new Map<string, string>();
  inv.vrfs.forEach((v, i) => {
    if (v.rd === undefined) return;
    const problem = rdProblem(v.rd);
    if (problem) {
      ctx.error("E_VRF_RD", `/vrfs/${i}/rd`, `route distinguisher ${v.rd} of VRF ${v.name}: ${problem}`, "write ASN:NN (2-byte AS, NN up to 4294967295; or 4-byte AS, NN up to 65535) or IPv4:NN (NN up to 65535), e.g. 65001:100");
      return;
    }
    const key = canonicalRd(v.rd);
    const other = rds.get(key);
    if (other !== undefined) ctx.error("E_DUPLICATE", `/vrfs/${i}/rd`, `route distinguisher ${v.rd} of VRF ${v.name} is already VRF ${other}'s`, `give each VRF its own route distinguisher (e.g. ${key.replace(/:\d+$/, ":<n>")} with another number)`);
    else rds.set(key, v.name);
  });
  const mgmt = new Map<string, string>();
  inv.devices.forEach((d, di) => {
    dupes(ctx, d.interfaces, (x) => x.name, (i) => `/devices/${di}/interfaces/${i}/name`, `interface of ${d.name}`);
    dupes(ctx, d.lags, (x) => x.name, (i) => `/devices/${di}/lags/${i}/name`, `LAG of ${d.name}`);
    const ifnames = new Set(d.interfaces.map((i) => i.name));
    d.lags.forEach((l, li) => {
      if (ifnames.has(l.name)) ctx.error("E_DUPLICATE", `/devices/${di}/lags/${li}/name`, `LAG '${l.name}' has the same name as an interface of ${d.name}`, "rename the LAG (e.g. Eth-Trunk1, bond0) so links can tell the two apart");
    });
    const endpoint = `${d.management.address}:${d.management.port}`;
    const other = mgmt.get(endpoint);
    if (other !== undefined && other !== d.name) {
      ctx.error("E_DUPLICATE_MANAGEMENT", `/devices/${di}/management`, `management address ${endpoint} is also used by device ${other}`, "give each device its own management address or SSH port");
    } else mgmt.set(endpoint, d.name);
  });
};
