/**
 * routing: BGP sessions and static routes must be able to come up. Codes: E_BGP_LINK (a link with
 * bgp: true whose ends are not routed with addresses, or whose devices have no bgp.asn),
 * W_ROUTE_NEXTHOP (a static route's next hop is in none of the device's connected subnets).
 */
import { contains, parseIpv4, parsePrefix, type Prefix } from "../ip";
import type { Check } from "./context";

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
      }
      if (!port.device.device.bgp) {
        ctx.error("E_BGP_LINK", `/links/${li}/${side}/device`, `link has bgp: true but ${e.device} has no bgp section`, `add \`bgp: { asn: ... }\` to ${e.device}`);
      }
    }
  });
  const gatewaySubnets = new Map<string, Prefix[]>();
  for (const v of inv.vlans) {
    const p = v.subnet ? parsePrefix(v.subnet) : undefined;
    if (!p) continue;
    for (const g of v.gateways) {
      const list = gatewaySubnets.get(g.device);
      if (list) list.push(p);
      else gatewaySubnets.set(g.device, [p]);
    }
  }
  inv.devices.forEach((d, di) => {
    if (d.routes.length === 0) return;
    const connected: Prefix[] = [];
    for (const x of [...d.interfaces, ...d.lags]) {
      const p = x.mode === "routed" && x.address ? parsePrefix(x.address) : undefined;
      if (p) connected.push(p);
    }
    connected.push(...(gatewaySubnets.get(d.name) ?? []));
    d.routes.forEach((r, ri) => {
      const nh = parseIpv4(r.nextHop);
      if (nh === undefined || connected.some((p) => contains(p, nh))) return;
      ctx.warn("W_ROUTE_NEXTHOP", `/devices/${di}/routes/${ri}/nextHop`, `next hop ${r.nextHop} of route ${r.prefix} on ${d.name} is in none of its connected subnets`, "use the address of a neighbor on a routed port or gateway VLAN of this device");
    });
  });
};
