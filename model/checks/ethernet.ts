/**
 * ethernet: MTU and speed must be what the platform can set and what the far end expects. Codes:
 * E_PLATFORM_FEATURE (an MTU on a platform without a per-port MTU setting: frr), E_MTU_RANGE (an IP MTU
 * above the platform's limit for that kind of port), E_LAG_MTU (a member's MTU differs from its LAG's;
 * members take the LAG's), E_LINK_MTU (the two ends of a link set different MTUs), W_LINK_MTU (one end
 * sets an MTU, the other keeps the default 1500), E_SPEED_UNSUPPORTED (a speed the port cannot be set to
 * on its platform, e.g. a 25GE CloudEngine port at 10G, an xe- Junos port at 1G), W_SPEED_NOT_SET (a speed
 * on a platform whose links have none to set: ovs, frr; it only documents the link).
 */
import { CAPABILITIES } from "../capabilities";
import type { Interface, Lag } from "../types";
import type { Check } from "./context";

export const ethernet: Check = (ctx) => {
  const inv = ctx.inv;
  inv.devices.forEach((d, di) => {
    const caps = CAPABILITIES[d.platform];
    const lagByName = new Map(d.lags.map((l, li) => [l.name, { l, li }] as const));
    let undocumented = false;
    const mtuOf = (x: Interface | Lag, path: string, l2: boolean, routed: boolean): void => {
      if (x.mtu === undefined) return;
      if (!caps.mtu) {
        ctx.error("E_PLATFORM_FEATURE", path, `${d.name} (${d.platform}) cannot set an MTU (${x.name})`, d.platform === "frr" ? "FRR has no MTU command: set the Linux link MTU outside citydc, or remove mtu" : "remove mtu");
        return;
      }
      const max = routed ? caps.mtu.l3Max : l2 ? caps.mtu.l2Max : Math.max(caps.mtu.l2Max, caps.mtu.l3Max);
      if (x.mtu > max) {
        ctx.error("E_MTU_RANGE", path, `MTU ${x.mtu} on ${d.name} ${x.name} is above what ${d.platform} carries on a ${routed ? "routed port" : l2 ? "switch port" : "port"} (${max})`, `use an IP MTU of at most ${max} (9000 is the usual jumbo value)`);
      }
    };
    d.lags.forEach((l, li) => mtuOf(l, `/devices/${di}/lags/${li}/mtu`, l.mode !== "routed", l.mode === "routed"));
    d.interfaces.forEach((x, i) => {
      const base = `/devices/${di}/interfaces/${i}`;
      const lag = x.lag === undefined ? undefined : lagByName.get(x.lag);
      if (lag && x.mtu !== undefined && lag.l.mtu !== undefined && x.mtu !== lag.l.mtu) {
        ctx.error("E_LAG_MTU", `${base}/mtu`, `${d.name} ${x.name} has MTU ${x.mtu} but its LAG ${lag.l.name} has ${lag.l.mtu}`, `leave mtu off the members (they take the LAG's ${lag.l.mtu}), or set the same value`);
      }
      const mode = lag ? lag.l.mode : x.mode;
      mtuOf(x, `${base}/mtu`, mode === "access" || mode === "trunk", mode === "routed");
      if (x.speed === undefined) return;
      if (!caps.speeds) {
        // once per device: the platform, not the port, is the reason
        if (!undocumented) ctx.warn("W_SPEED_NOT_SET", `${base}/speed`, `${d.name} (${d.platform}) has no port speed to set: speeds on its ports (${x.speed} on ${x.name}) only document the links`, "leave speed off lab links, or keep it as documentation");
        undocumented = true;
        return;
      }
      const row = caps.speeds.find((r) => r.name.test(x.name));
      if (row && !row.speeds.includes(x.speed)) {
        ctx.error("E_SPEED_UNSUPPORTED", `${base}/speed`, `${d.name} ${x.name} cannot run at ${x.speed} on ${d.platform} (this port: ${row.speeds.join(", ")})`, d.platform === "junos" ? "Junos names a port after its optic's speed: use the name the device gives it (ge-, xe-, et-)" : `use one of ${row.speeds.join(", ")}, or a port of that speed`);
      }
    });
  });

  // The two ends of a link carry the same packets: the same MTU (a LAG member's is its LAG's).
  const effective = (device: string, name: string): number | undefined => {
    const p = ctx.port(device, name);
    if (!p) return undefined;
    if (p.kind === "lag") return p.lag!.mtu;
    const i = p.iface!;
    if (i.lag !== undefined) {
      const li = p.device.lags.get(i.lag);
      const l = li === undefined ? undefined : p.device.device.lags[li];
      return l?.mtu ?? i.mtu;
    }
    return i.mtu;
  };
  inv.links.forEach((l, k) => {
    const a = effective(l.a.device, l.a.interface);
    const b = effective(l.b.device, l.b.interface);
    if (a === b) return;
    const ends = `${l.a.device} ${l.a.interface} <-> ${l.b.device} ${l.b.interface}`;
    if (a !== undefined && b !== undefined) {
      ctx.error("E_LINK_MTU", `/links/${k}/b/interface`, `MTU mismatch on ${ends}: ${a} vs ${b}`, "set the same MTU on both ends (frames larger than the smaller one are dropped)");
    } else {
      const [set, unset] = a !== undefined ? [l.a, l.b] : [l.b, l.a];
      ctx.warn("W_LINK_MTU", `/links/${k}/${a !== undefined ? "b" : "a"}/interface`, `${set.device} ${set.interface} sets MTU ${a ?? b}, ${unset.device} ${unset.interface} keeps the default (1500)`, `set mtu on ${unset.device} ${unset.interface} too`);
    }
  });
};
