/**
 * inband: in-band management puts the management address on the VLAN interface of management.vlan, so
 * the VLAN, its subnet and the device must allow it. Codes: E_INBAND_VLAN (no management.vlan),
 * E_PLATFORM_FEATURE (a platform without VLAN interfaces: ovs, frr), E_INBAND_SUBNET (the address or its
 * gateway outside the management VLAN's subnet, or the VLAN has no subnet), E_INBAND_GATEWAY (the device
 * is also a VLAN gateway of its management VLAN: one VLAN interface cannot be both), E_INBAND_ROUTING
 * (a management default route on a device that routes: BGP or its own default route would compete).
 */
import { CAPABILITIES } from "../capabilities";
import { contains, parseIpv4, parsePrefix } from "../ip";
import type { Check } from "./context";

export const inband: Check = (ctx) => {
  const inv = ctx.inv;
  inv.devices.forEach((d, di) => {
    const ib = d.management.inband;
    if (!ib) return;
    const base = `/devices/${di}/management`;
    const vlan = d.management.vlan;
    if (vlan === undefined) {
      ctx.error("E_INBAND_VLAN", `${base}/inband`, `${d.name} has in-band management but no management VLAN`, "set management.vlan to the VLAN whose interface carries the management address");
      return;
    }
    if (!CAPABILITIES[d.platform].features.includes("inband")) {
      ctx.error("E_PLATFORM_FEATURE", `${base}/inband`, `${d.name} (${d.platform}) has no VLAN interface for in-band management`, "manage this device out of band (management.interface), or remove inband");
      return;
    }
    const v = ctx.vlanAt(d.site, vlan)?.vlan;
    const subnet = v?.subnet ? parsePrefix(v.subnet) : undefined;
    if (!subnet) {
      if (v) ctx.error("E_INBAND_SUBNET", `${base}/inband`, `management VLAN ${vlan} of ${d.name} has no subnet to put the management address in`, `give VLAN ${vlan} a subnet`);
      return; // an unknown VLAN is the references check's
    }
    const addr = parseIpv4(d.management.address);
    if (addr === undefined || !contains(subnet, addr) || ib.prefixLength !== subnet.length) {
      ctx.error("E_INBAND_SUBNET", `${base}/address`, `${d.name}'s management address ${d.management.address}/${ib.prefixLength} is not in VLAN ${vlan}'s subnet ${v!.subnet}`, `use an address of ${v!.subnet} with prefixLength ${subnet.length}`);
    }
    const gw = ib.gateway === undefined ? undefined : parseIpv4(ib.gateway);
    if (ib.gateway !== undefined && (gw === undefined || !contains(subnet, gw))) {
      ctx.error("E_INBAND_SUBNET", `${base}/inband/gateway`, `${d.name}'s management gateway ${ib.gateway} is not in VLAN ${vlan}'s subnet ${v!.subnet}`, `use the VLAN's gateway (${v!.gateway ?? "an address of the subnet"})`);
    }
    if (v!.gateways.some((g) => g.device === d.name)) {
      ctx.error("E_INBAND_GATEWAY", `${base}/vlan`, `${d.name} is a gateway of VLAN ${vlan} and would manage itself on the same VLAN interface`, "manage it on its gateway address without inband, or on another VLAN");
    }
    const bgp = d.bgp !== undefined || inv.links.some((l) => l.bgp && (l.a.device === d.name || l.b.device === d.name));
    if (ib.gateway !== undefined && (bgp || d.routes.some((r) => r.prefix === "0.0.0.0/0" && r.vrf === undefined))) {
      ctx.error("E_INBAND_ROUTING", `${base}/inband/gateway`, `${d.name} routes (BGP or its own default route): a management default route would compete with it`, "leave out inband.gateway on a device that routes");
    }
  });
};
