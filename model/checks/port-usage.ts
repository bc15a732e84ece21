/**
 * port-usage: one cable per port. Codes: E_PORT_REUSE (an interface in two links or with two hosts,
 * or a link on a LAG and on one of its members), E_PORT_HOST_LINK (a host and a link on one
 * interface: hosts attach to access ports only), E_HOST_PORT (a host on a trunk, routed port, LAG or
 * LAG member).
 */
import { type Check, endpointKey } from "./context";

export const portUsage: Check = (ctx) => {
  for (const [key, uses] of ctx.portUses) {
    if (uses.length < 2) continue;
    const [device, port] = key.split("\u0000") as [string, string];
    const hosts = uses.filter((u) => u.what.startsWith("host "));
    const links = uses.filter((u) => !u.what.startsWith("host "));
    for (let k = 1; k < uses.length; k++) {
      const u = uses[k]!;
      const first = uses[0]!;
      if (hosts.length && links.length) {
        ctx.error("E_PORT_HOST_LINK", `${u.path}/interface`, `${device} ${port} is used by ${first.what} and by ${u.what}`, "a host needs its own access port: attach it to a free interface, or remove the link");
      } else {
        ctx.error("E_PORT_REUSE", `${u.path}/interface`, `${device} ${port} is already used by ${first.what}; now also ${u.what}`, "each interface takes one cable: use a free interface for one of them");
      }
    }
  }
  // A LAG used by a link while one of its members is cabled on its own.
  for (const d of ctx.devices.values()) {
    for (const [lag, members] of d.members) {
      const lagUses = ctx.portUses.get(endpointKey(d.device.name, lag));
      if (!lagUses) continue;
      for (const m of members) {
        const name = d.device.interfaces[m]!.name;
        const memberUses = ctx.portUses.get(endpointKey(d.device.name, name));
        if (!memberUses) continue;
        ctx.error("E_PORT_REUSE", `${memberUses[0]!.path}/interface`, `${d.device.name} ${name} is a member of ${lag}, which ${lagUses[0]!.what} already uses`, `describe either the LAG or its member cables, not both`);
      }
    }
  }
  ctx.inv.hosts.forEach((h, i) => {
    const port = ctx.port(h.attach.device, h.attach.interface);
    if (!port) return; // unknown: references check
    const path = `/hosts/${i}/attach/interface`;
    if (port.kind === "lag") {
      ctx.error("E_HOST_PORT", path, `host ${h.name} is attached to LAG ${port.name}`, "attach the host to a physical access port");
      return;
    }
    const x = port.iface!;
    if (x.lag !== undefined) ctx.error("E_HOST_PORT", path, `host ${h.name} is attached to ${x.name}, a member of ${x.lag}`, "attach the host to a free access port");
    else if (x.mode !== "access") ctx.error("E_HOST_PORT", path, `host ${h.name} is attached to ${h.attach.device} ${x.name}, which is ${x.mode ? `a ${x.mode} port` : "not configured (no mode)"}`, `set \`mode: access\` and \`vlan:\` on ${x.name}, or attach the host to an access port`);
  });
};
