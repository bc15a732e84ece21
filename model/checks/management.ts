/**
 * management: how citydc reaches a device must be an address it can log in to, and the interface that
 * carries that traffic is never configured by citydc (the renderers leave it out, so settings on it
 * would be silently dropped). Codes: E_MANAGEMENT_ADDRESS (not an IPv4 or IPv6 address, a port written
 * into it, or an address no device can own: unspecified, broadcast, multicast), E_MANAGEMENT_PORT (the
 * management interface also has port settings, a LAG membership or a host).
 */
import { notUnicast, parseIpv4, parseIpv6 } from "../ip";
import { endpointKey, type Check } from "./context";

export const management: Check = (ctx) => {
  ctx.inv.devices.forEach((d, di) => {
    const m = d.management;
    const path = `/devices/${di}/management`;
    const a = m.address;
    if (parseIpv4(a) === undefined && parseIpv6(a) === undefined) {
      const withPort = /^(.+):([0-9]{1,5})$/.exec(a);
      const hostPart = withPort?.[1]?.replace(/^\[(.*)\]$/, "$1");
      const hint =
        withPort && hostPart && (parseIpv4(hostPart) !== undefined || parseIpv6(hostPart) !== undefined)
          ? `write the address alone (address: ${hostPart}) and the SSH port as port: ${withPort[2]}`
          : "write one IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10), without a prefix length or port";
      ctx.error("E_MANAGEMENT_ADDRESS", `${path}/address`, `management address '${a}' of ${d.name} is not an IPv4 or IPv6 address`, hint);
    } else {
      const why = notUnicast(a);
      if (why) ctx.error("E_MANAGEMENT_ADDRESS", `${path}/address`, `management address ${a} of ${d.name} is ${why}; no device can be reached there`, `use the address ${d.name} answers SSH on (its management or loopback address)`);
    }

    const name = m.interface;
    if (name === undefined) return;
    const i = d.interfaces.findIndex((x) => x.name === name);
    if (i >= 0) {
      const x = d.interfaces[i]!;
      const set = (["mode", "vlan", "allowed", "native", "address", "vrf", "lag"] as const).filter((k) => x[k] !== undefined);
      if (set.length > 0) {
        ctx.error(
          "E_MANAGEMENT_PORT",
          `/devices/${di}/interfaces/${i}/${set[0]}`,
          `${d.name} ${name} is the management interface (management.interface), which citydc never configures, but it also has ${set.join(", ")}: that would be left out of the configuration`,
          `use another interface for this port, or set management.interface to the real out-of-band port (and remove ${set.join(", ")} from ${name})`,
        );
      }
    }
    for (const u of ctx.portUses.get(endpointKey(d.name, name)) ?? []) {
      if (!u.what.startsWith("host ")) continue;
      ctx.error("E_MANAGEMENT_PORT", `${u.path}/interface`, `${u.what} is attached to ${d.name} ${name}, the management interface, which citydc never configures`, `attach the host to an access port, or correct management.interface of ${d.name}`);
    }
  });
};
