/**
 * subnets: addressing that routes. Codes: E_SUBNET_HOST_BITS (a VLAN subnet written with host bits,
 * 10.10.120.1/24), E_SUBNET_OVERLAP (two VLAN subnets overlap in one VRF; sorted sweep, O(n log n)),
 * E_GATEWAY_OUTSIDE (a VLAN gateway, a gateway device's address or a host's gateway outside the
 * subnet, or the network/broadcast address), E_GATEWAY_MISSING (two or more gateway devices but no
 * virtual `gateway:`, or gateways without a subnet), E_HOST_SUBNET (a host outside the subnet of its
 * access VLAN, or with another prefix length), E_HOST_TENANT (a host of one tenant in another
 * tenant's VLAN), E_ADDRESS_DUPLICATE (one address twice in one VRF).
 */
import { formatPrefix, parseIpv4, parsePrefix, usableIn, type Prefix } from "../ip";
import type { Check } from "./context";

export const subnets: Check = (ctx) => {
  const inv = ctx.inv;
  // `${vrf}|${ip}` -> who has it. A VLAN gateway that no gateway device serves may be taken by one
  // routed port (a router port facing the VLAN is its gateway).
  const addresses = new Map<string, { who: string; open: boolean }>();
  const claim = (vrf: string | undefined, ip: number | undefined, who: string, path: string, kind: "gateway" | "router" | "other" = "other") => {
    if (ip === undefined) return;
    const key = `${vrf ?? ""}|${ip}`;
    const other = addresses.get(key);
    if (other === undefined) addresses.set(key, { who, open: kind === "gateway" });
    else if (other.open && kind === "router") addresses.set(key, { who, open: false });
    else ctx.error("E_ADDRESS_DUPLICATE", path, `${who} uses an address that ${other.who} already has${vrf ? ` (VRF ${vrf})` : ""}`, "give each interface, gateway and host its own address");
  };

  const perVrf = new Map<string, { p: Prefix; vi: number }[]>();
  const vlanSubnet = new Map<number, Prefix>(); // by VLAN index (IDs in VLAN groups repeat)
  inv.vlans.forEach((v, vi) => {
    const base = `/vlans/${vi}`;
    const p = v.subnet ? parsePrefix(v.subnet) : undefined;
    if (p) {
      if (p.address !== p.network) {
        ctx.error("E_SUBNET_HOST_BITS", `${base}/subnet`, `VLAN ${v.id} subnet ${v.subnet} has host bits set`, `write the network address: ${formatPrefix(p)}`);
      }
      vlanSubnet.set(vi, p);
      const k = v.vrf ?? "";
      const list = perVrf.get(k);
      if (list) list.push({ p, vi });
      else perVrf.set(k, [{ p, vi }]);
    }
    const gw = v.gateway ? parseIpv4(v.gateway) : undefined;
    if (gw !== undefined) {
      if (!p) ctx.error("E_GATEWAY_MISSING", `${base}/gateway`, `VLAN ${v.id} has a gateway but no subnet`, "add `subnet:` with the VLAN's network");
      else if (!usableIn(p, gw)) ctx.error("E_GATEWAY_OUTSIDE", `${base}/gateway`, `VLAN ${v.id} gateway ${v.gateway} is not a usable address of ${v.subnet}`, `use a host address inside ${v.subnet} (not the network or broadcast address)`);
      claim(v.vrf, gw, `VLAN ${v.id} gateway`, `${base}/gateway`, v.gateways.length === 0 ? "gateway" : "other");
    }
    if (v.gateways.length > 0 && !p) {
      ctx.error("E_GATEWAY_MISSING", `${base}/gateways`, `VLAN ${v.id} has gateway devices but no subnet`, "add `subnet:` and `gateway:` to the VLAN");
    } else if (v.gateways.length > 0 && gw === undefined && (v.gateways.length > 1 || v.gateways[0]!.address === undefined)) {
      ctx.error("E_GATEWAY_MISSING", `${base}/gateways`, `VLAN ${v.id} has ${v.gateways.length > 1 ? "several gateway devices (VRRP)" : "a gateway device"} but no \`gateway:\` address`, "add `gateway:` (the virtual address hosts use)");
    }
    v.gateways.forEach((g, gi) => {
      const path = `${base}/gateways/${gi}/address`;
      if (g.address === undefined) {
        if (v.gateways.length > 1) ctx.error("E_GATEWAY_MISSING", `${base}/gateways/${gi}`, `gateway device ${g.device} of VLAN ${v.id} has no own address (needed for VRRP)`, "add `address:` with this device's own address in the subnet");
        return;
      }
      const a = parseIpv4(g.address);
      if (p && a !== undefined && !usableIn(p, a)) {
        ctx.error("E_GATEWAY_OUTSIDE", path, `gateway address ${g.address} of ${g.device} is not a usable address of VLAN ${v.id}'s subnet ${v.subnet}`, `use a host address inside ${v.subnet}`);
      }
      if (v.gateways.length > 1 || a !== gw) claim(v.vrf, a, `${g.device} VLAN ${v.id} gateway`, path);
    });
  });

  for (const [vrf, list] of perVrf) {
    list.sort((x, y) => x.p.network - y.p.network || y.p.last - x.p.last);
    let widest = list[0]!;
    for (let k = 1; k < list.length; k++) {
      const cur = list[k]!;
      if (cur.p.network <= widest.p.last) {
        const a = inv.vlans[widest.vi]!;
        const b = inv.vlans[cur.vi]!;
        ctx.error("E_SUBNET_OVERLAP", `/vlans/${cur.vi}/subnet`, `VLAN ${b.id} subnet ${b.subnet} overlaps VLAN ${a.id} subnet ${a.subnet}${vrf ? ` in VRF ${vrf}` : " in the global table"}`, "give each VLAN its own subnet, or put them in different VRFs");
      }
      if (cur.p.last > widest.p.last) widest = cur;
    }
  }

  inv.hosts.forEach((h, hi) => {
    const base = `/hosts/${hi}`;
    const hp = parsePrefix(h.address);
    const port = ctx.port(h.attach.device, h.attach.interface);
    const s = port ? ctx.settings(port) : undefined;
    const site = ctx.siteOf(h.attach.device);
    const at = s?.mode === "access" && s.vlan !== undefined && site !== undefined ? ctx.vlanAt(site, s.vlan) : undefined;
    const vi = at?.index;
    const v = at?.vlan;
    const subnet = vi !== undefined ? vlanSubnet.get(vi) : undefined;
    if (v && v.tenant !== h.tenant && ctx.tenants.has(v.tenant) && ctx.tenants.has(h.tenant)) {
      ctx.error("E_HOST_TENANT", `${base}/tenant`, `host ${h.name} (tenant ${h.tenant}) is in VLAN ${v.id}, which belongs to tenant ${v.tenant}`, `attach the host to a VLAN of tenant ${h.tenant}, or correct its tenant`);
    }
    if (hp && subnet && (!usableIn(subnet, hp.address) || hp.length !== subnet.length)) {
      ctx.error("E_HOST_SUBNET", `${base}/address`, `host ${h.name} address ${h.address} does not fit VLAN ${v!.id}'s subnet ${v!.subnet}`, `use a free address in ${v!.subnet} with prefix length /${subnet.length}`);
    }
    if (hp && h.gateway !== undefined) {
      const g = parseIpv4(h.gateway);
      if (g !== undefined && !usableIn(hp, g)) {
        ctx.error("E_GATEWAY_OUTSIDE", `${base}/gateway`, `host ${h.name} gateway ${h.gateway} is outside its own subnet ${formatPrefix(hp)}`, "use the VLAN's gateway address");
      } else if (v?.gateway !== undefined && v.gateway !== h.gateway) {
        ctx.warn("W_HOST_GATEWAY", `${base}/gateway`, `host ${h.name} uses gateway ${h.gateway}, VLAN ${v.id}'s gateway is ${v.gateway}`, `use ${v.gateway} unless this host routes elsewhere on purpose`);
      }
    }
    if (hp) claim(v?.vrf, hp.address, `host ${h.name}`, `${base}/address`);
  });

  inv.devices.forEach((d, di) => {
    const routed = [
      ...d.interfaces.map((x, i) => ({ x, path: `/devices/${di}/interfaces/${i}/address` })),
      ...d.lags.map((x, i) => ({ x, path: `/devices/${di}/lags/${i}/address` })),
    ];
    for (const { x, path } of routed) {
      const p = x.address && x.mode === "routed" ? parsePrefix(x.address) : undefined;
      if (!p) continue;
      if (p.length < 31 && (p.address === p.network || p.address === p.last)) {
        ctx.error("E_GATEWAY_OUTSIDE", path, `${d.name} ${x.name} address ${x.address} is the network or broadcast address`, "use a host address of the subnet");
      }
      claim(x.vrf, p.address, `${d.name} ${x.name}`, path, "router");
    }
    if (d.loopback !== undefined) claim(undefined, parseIpv4(d.loopback), `${d.name} loopback`, `/devices/${di}/loopback`);
  });
};
