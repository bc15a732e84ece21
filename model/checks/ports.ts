/**
 * ports: each interface and LAG has settings that fit its mode. Codes: E_PORT_MODE (access without
 * a VLAN, a VLAN list on a routed port, routed without an address, a native VLAN outside the allowed
 * list, VLAN settings without a mode...), E_LAG_MEMBER_MODE (a LAG member with its own mode or VLANs:
 * the LAG carries them).
 */
import type { Interface, Lag } from "../types";
import type { Check, CheckContext } from "./context";

/** The common, correct cases, decided without allocating anything. */
function plainlyFine(x: Interface | Lag): boolean {
  switch (x.mode) {
    case "access":
      return x.vlan !== undefined && x.allowed === undefined && x.native === undefined && x.address === undefined && x.vrf === undefined;
    case "trunk":
      return x.vlan === undefined && x.address === undefined && x.vrf === undefined && (x.native === undefined || !Array.isArray(x.allowed));
    case "routed":
      return x.address !== undefined && x.vlan === undefined && x.allowed === undefined && x.native === undefined;
    default:
      return x.vlan === undefined && x.allowed === undefined && x.native === undefined && x.address === undefined && x.vrf === undefined;
  }
}

function modeRules(ctx: CheckContext, x: Interface | Lag, path: string, what: string): void {
  if (plainlyFine(x)) return;
  const bad = (field: string, message: string, hint: string) => ctx.error("E_PORT_MODE", `${path}/${field}`, `${what}: ${message}`, hint);
  const has = (k: "vlan" | "allowed" | "native" | "address" | "vrf") => x[k] !== undefined;
  switch (x.mode) {
    case "access":
      if (!has("vlan")) bad("mode", "access port without a VLAN", "add `vlan: <id>`, or make it a trunk");
      for (const k of ["allowed", "native", "address", "vrf"] as const) if (has(k)) bad(k, `'${k}' does not apply to an access port`, `remove '${k}', or change the mode`);
      break;
    case "trunk":
      for (const k of ["vlan", "address", "vrf"] as const) if (has(k)) bad(k, `'${k}' does not apply to a trunk`, k === "vlan" ? "use `allowed:` (and `native:`) on a trunk" : `remove '${k}', or make the port routed`);
      if (x.native !== undefined && Array.isArray(x.allowed) && !x.allowed.includes(x.native)) {
        bad("native", `native VLAN ${x.native} is not in the allowed list`, `add ${x.native} to allowed, or change the native VLAN`);
      }
      break;
    case "routed":
      if (!has("address")) bad("mode", "routed port without an address", "add `address: <ip>/<len>`");
      for (const k of ["vlan", "allowed", "native"] as const) if (has(k)) bad(k, `'${k}' does not apply to a routed port`, `remove '${k}', or change the mode`);
      break;
    default:
      for (const k of ["vlan", "allowed", "native", "address", "vrf"] as const) if (has(k)) bad(k, `'${k}' is set but the port has no mode`, "add `mode: access`, `trunk` or `routed`");
  }
}

export const ports: Check = (ctx) => {
  ctx.inv.devices.forEach((d, di) => {
    d.interfaces.forEach((x, i) => {
      if (x.lag === undefined && plainlyFine(x)) return;
      const path = `/devices/${di}/interfaces/${i}`;
      if (x.lag !== undefined) {
        for (const k of ["mode", "vlan", "allowed", "native", "address", "vrf"] as const) {
          if (x[k] !== undefined) ctx.error("E_LAG_MEMBER_MODE", `${path}/${k}`, `${d.name} ${x.name} is a member of ${x.lag} but sets '${k}'`, `remove '${k}' from the member; set it on LAG ${x.lag} instead`);
        }
        return;
      }
      modeRules(ctx, x, path, `${d.name} ${x.name}`);
    });
    d.lags.forEach((x, i) => modeRules(ctx, x, `/devices/${di}/lags/${i}`, `${d.name} ${x.name}`));
  });
};
