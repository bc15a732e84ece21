/**
 * routing: BGP sessions and static routes must be able to come up. Codes: E_BGP_LINK (a link with
 * bgp: true whose ends are not routed with addresses, whose devices have no bgp.asn, or whose ends are
 * in a VRF: citydc renders the sessions of links in the global BGP instance only), E_BGP_ROUTER_ID (two
 * BGP devices with one router ID, `bgp.routerId` or else the loopback), E_BGP_NEIGHBOR (a neighbor that
 * is one of the device's own addresses), E_ROUTE_NEXTHOP (a static route's next hop is one of the
 * device's own addresses, or is connected only in another VRF than the route's), W_ROUTE_NEXTHOP (the
 * next hop is in none of the device's connected subnets).
 */
import { contains, parseIpv4, parsePrefix, type Prefix } from "../ip";
import type { Check } from "./context";

const table = (vrf: string | undefined): string => (vrf ? `VRF ${vrf}` : "the global table");

export const routing: Check = (ctx) => {
  const inv = ctx.inv;
  inv.links.forEach((l, li) => {
    if (!l.bgp) return;
    for (const side of ["a", "b"] as const) {
      const e = l[side];
      const port = ctx.port(e.device, e.interface);
      if (!port) continue;
      const s = ctx.settings(port);
      if (s.mode !== "routed" || s.address === undefined) {
        ctx.error("E_BGP_LINK", `/links/${li}/${side}/interface`, `link has bgp: true but ${e.device} ${e.interface} is not a routed port with an address`, "set `mode: routed` and `address:` on both ends, or set bgp: false");
      } else if (s.vrf !== undefined) {
        ctx.error(
          "E_BGP_LINK",
          `/links/${li}/${side}/interface`,
          `link has bgp: true but ${e.device} ${e.interface} is in VRF ${s.vrf}: citydc runs the BGP sessions of links in the global table, where this session could never come up`,
          `take the link's ends out of VRF ${s.vrf} (leave out \`vrf:\`), or set bgp: false and configure BGP for VRF ${s.vrf} on the device yourself`,
        );
      }
      if (!port.device.device.bgp) {
        ctx.error("E_BGP_LINK", `/links/${li}/${side}/device`, `link has bgp: true but ${e.device} has no bgp section`, `add \`bgp: { asn: ... }\` to ${e.device}`);
      }
    }
  });

  // Subnets a device routes per VRF (routed ports, VLAN gateways) and its own addresses (any VRF).
  const gatewayOf = new Map<string, { p: Prefix; vrf?: string; own: number[] }[]>();
  for (const v of inv.vlans) {
    const p = v.subnet ? parsePrefix(v.subnet) : undefined;
    if (!p) continue;
    const vip = v.gateway ? parseIpv4(v.gateway) : undefined;
    for (const g of v.gateways) {
      const own = [g.address ? parseIpv4(g.address) : v.gateways.length === 1 ? vip : undefined, v.gateways.length > 1 ? vip : undefined].filter((x): x is number => x !== undefined);
      const list = gatewayOf.get(g.device);
      const entry = { p, own, ...(v.vrf !== undefined ? { vrf: v.vrf } : {}) };
      if (list) list.push(entry);
      else gatewayOf.set(g.device, [entry]);
    }
  }

  const routerIds = new Map<string, string>();
  inv.devices.forEach((d, di) => {
    if (ctx.devices.get(d.name)?.index !== di) return; // a duplicate device: E_DUPLICATE
    const connected: { p: Prefix; vrf?: string }[] = [];
    const own = new Map<number, string>();
    const port = (x: { mode?: string; address?: string; vrf?: string; name: string }) => {
      const p = x.mode === "routed" && x.address ? parsePrefix(x.address) : undefined;
      if (!p) return;
      connected.push({ p, ...(x.vrf !== undefined ? { vrf: x.vrf } : {}) });
      own.set(p.address, `its ${x.name} address`);
    };
    for (const x of d.interfaces) if (x.lag === undefined && x.mode === "routed") port(x);
    for (const x of d.lags) if (x.mode === "routed") port(x);
    for (const g of gatewayOf.get(d.name) ?? []) {
      connected.push({ p: g.p, ...(g.vrf !== undefined ? { vrf: g.vrf } : {}) });
      for (const a of g.own) own.set(a, "its VLAN gateway address");
    }
    const lo = d.loopback ? parseIpv4(d.loopback) : undefined;
    if (lo !== undefined) own.set(lo, "its loopback");
    const rid = d.bgp?.routerId ? parseIpv4(d.bgp.routerId) : undefined;
    if (rid !== undefined && !own.has(rid)) own.set(rid, "its router ID");

    if (d.bgp) {
      const id = d.bgp.routerId ?? d.loopback;
      if (id !== undefined) {
        const other = routerIds.get(id);
        const path = d.bgp.routerId !== undefined ? `/devices/${di}/bgp/routerId` : `/devices/${di}/loopback`;
        if (other !== undefined) {
          ctx.error("E_BGP_ROUTER_ID", path, `BGP router ID ${id} of ${d.name} is also the router ID of ${other}${d.bgp.routerId === undefined ? " (taken from the loopback)" : ""}`, `give each BGP router its own router ID (bgp.routerId, or a unique loopback); a peer with the same ID is refused`);
        } else routerIds.set(id, d.name);
      }
      d.bgp.neighbors.forEach((n, ni) => {
        const a = parseIpv4(n.address);
        const mine = a === undefined ? undefined : own.get(a);
        if (mine) ctx.error("E_BGP_NEIGHBOR", `/devices/${di}/bgp/neighbors/${ni}/address`, `BGP neighbor ${n.address} of ${d.name} is ${mine}: a router cannot peer with itself`, "use the address of the neighbor's end of the link (e.g. the other address of the /31)");
      });
    }

    d.routes.forEach((r, ri) => {
      const nh = parseIpv4(r.nextHop);
      if (nh === undefined) return;
      const path = `/devices/${di}/routes/${ri}/nextHop`;
      const mine = own.get(nh);
      if (mine) {
        ctx.error("E_ROUTE_NEXTHOP", path, `next hop ${r.nextHop} of route ${r.prefix} on ${d.name} is ${mine}: the route would point at the device itself`, "use the address of the neighbor that forwards the traffic (the other end of the link)");
        return;
      }
      const here = connected.filter((c) => contains(c.p, nh));
      if (here.some((c) => c.vrf === r.vrf)) return;
      if (here.length > 0) {
        const tables = [...new Set(here.map((c) => table(c.vrf)))];
        ctx.error("E_ROUTE_NEXTHOP", `/devices/${di}/routes/${ri}/${r.vrf !== undefined ? "vrf" : "nextHop"}`, `next hop ${r.nextHop} of route ${r.prefix} (${table(r.vrf)}) on ${d.name} is connected only in ${tables.join(" and ")}`, `put the route in ${tables.join(" or ")}, or use a next hop connected in ${table(r.vrf)}`);
        return;
      }
      ctx.warn("W_ROUTE_NEXTHOP", path, `next hop ${r.nextHop} of route ${r.prefix} on ${d.name} is in none of its connected subnets`, "use the address of a neighbor on a routed port or gateway VLAN of this device");
    });
  });
};
