/**
 * lags: members of one LAG must be interchangeable. Codes: E_LAG_MEMBER_MISMATCH (members with
 * different speed, MTU or admin state), W_LAG_EMPTY (a LAG without members that no link uses).
 */
import { type Check, endpointKey } from "./context";

export const lags: Check = (ctx) => {
  for (const d of ctx.devices.values()) {
    const dev = d.device;
    dev.lags.forEach((l, li) => {
      const members = d.members.get(l.name) ?? [];
      if (members.length === 0) {
        if (!ctx.portUses.has(endpointKey(dev.name, l.name))) {
          ctx.warn("W_LAG_EMPTY", `/devices/${d.index}/lags/${li}`, `LAG ${dev.name} ${l.name} has no member interfaces`, `add \`lag: ${l.name}\` to its member interfaces, or remove the LAG`);
        }
        return;
      }
      const first = dev.interfaces[members[0]!]!;
      for (const m of members.slice(1)) {
        const x = dev.interfaces[m]!;
        const path = `/devices/${d.index}/interfaces/${m}`;
        if (x.speed !== undefined && first.speed !== undefined && x.speed !== first.speed) {
          ctx.error("E_LAG_MEMBER_MISMATCH", `${path}/speed`, `${dev.name} ${x.name} runs at ${x.speed} but ${first.name} (same LAG ${l.name}) at ${first.speed}`, "members of one LAG must have the same speed");
        }
        if (x.mtu !== first.mtu) {
          ctx.error("E_LAG_MEMBER_MISMATCH", `${path}/mtu`, `${dev.name} ${x.name} has MTU ${x.mtu ?? "default"} but ${first.name} (same LAG ${l.name}) has ${first.mtu ?? "default"}`, "members of one LAG must have the same MTU");
        }
        if (x.enabled !== first.enabled) {
          ctx.warn("W_LAG_MEMBER_DISABLED", `${path}/enabled`, `${dev.name} ${x.name} is ${x.enabled ? "enabled" : "disabled"} but ${first.name} (same LAG ${l.name}) is ${first.enabled ? "enabled" : "disabled"}`, "check that this is intended (a member taken out for maintenance)");
        }
      }
    });
  }
};
