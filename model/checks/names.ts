/**
 * names: interface and LAG names must be valid for the device's platform (patterns in
 * platforms/capabilities.ts), or the rendered configuration would be refused by the device.
 * Codes: E_IFNAME_INVALID, E_LAGNAME_INVALID.
 */
import { CAPABILITIES } from "../capabilities";
import type { PlatformName } from "../types";
import type { Check } from "./context";

const EXAMPLES: Record<PlatformName, { iface: string; lag: string }> = {
  ovs: { iface: "p1, eth1", lag: "bond0" },
  frr: { iface: "eth1", lag: "bond0" },
  "huawei-vrp": { iface: "10GE1/0/1, 100GE1/0/49, GE1/0/1, a split lane 100GE1/0/1:1, in a CSS 10GE1/1/0/1", lag: "Eth-Trunk1" },
  "cisco-nxos": { iface: "Ethernet1/1, Ethernet1/49/1", lag: "port-channel10" },
  "arista-eos": { iface: "Ethernet1, Ethernet49/1", lag: "Port-Channel10" },
  junos: { iface: "xe-0/0/1, ge-0/0/1, et-0/0/48", lag: "ae0" },
};

export const names: Check = (ctx) => {
  ctx.inv.devices.forEach((d, di) => {
    const caps = CAPABILITIES[d.platform];
    const ex = EXAMPLES[d.platform];
    d.interfaces.forEach((x, i) => {
      if (!caps.interfacePattern.test(x.name)) {
        ctx.error("E_IFNAME_INVALID", `/devices/${di}/interfaces/${i}/name`, `'${x.name}' is not a valid ${d.platform} interface name (device ${d.name})`, `use the platform's naming, e.g. ${ex.iface}`);
      }
    });
    d.lags.forEach((x, i) => {
      if (!caps.lagPattern.test(x.name)) {
        ctx.error("E_LAGNAME_INVALID", `/devices/${di}/lags/${i}/name`, `'${x.name}' is not a valid ${d.platform} LAG name (device ${d.name})`, `use the platform's naming, e.g. ${ex.lag}`);
      }
    });
    const mi = d.management.interface;
    if (mi !== undefined && !caps.interfacePattern.test(mi) && !d.lags.some((l) => l.name === mi)) {
      ctx.error("E_IFNAME_INVALID", `/devices/${di}/management/interface`, `'${mi}' is not a valid ${d.platform} interface name (device ${d.name})`, `use the platform's naming, e.g. ${ex.iface}`);
    }
  });
};
