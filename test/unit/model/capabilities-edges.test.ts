/**
 * The edges of each platform's naming in model/capabilities.ts: names with numbers of more than one digit
 * where the vendor numbers that far, names with something before or after the part the vendor defines, and
 * the speed row a port's name picks. Sources, per platform: Huawei CloudEngine 12800/8800/6800/5800
 * configuration guide, interface management (type slot/card/port, slots 1..16 on a CE12816, `port split`
 * lanes); Cisco Nexus 9000 NX-OS interfaces configuration guide (Ethernet slot/port, slots up to 16 on a
 * Nexus 9516, breakout ports slot/port/lane) and the Nexus 2000 FEX configuration guide (host ports
 * EthernetFEX/1/port, FEX numbers 100..199, up to 48 ports); Arista EOS user manual, Ethernet ports
 * (EthernetN, modular Ethernetslot/port/lane, e.g. 36 ports on a 7500R line card); Junos OS interface naming
 * overview (type-fpc/pic/port, FPC 0..11 on an MX960); Linux IFNAMSIZ for frr.
 */
import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../../model/capabilities";
import type { PlatformName } from "../../../model/types";
import { minimal, validate } from "./helpers";

const refused = (p: PlatformName, names: string[]): string[] => names.filter((x) => !CAPABILITIES[p].interfacePattern.test(x));
const accepted = (p: PlatformName, names: string[]): string[] => names.filter((x) => CAPABILITIES[p].interfacePattern.test(x));

describe("interface names the vendors document, at the edges of each pattern", () => {
  it("huawei-vrp: a slot of two digits (CE12816), and the management port only as MEth alone", () => {
    expect(refused("huawei-vrp", ["10GE12/0/1", "100GE16/0/36", "GE10/0/48", "10GE1/12/0/1"])).toEqual([]);
    expect(accepted("huawei-vrp", ["xMEth0/0/0", "Vlanif-MEth0/0/0"])).toEqual([]);
  });

  it("cisco-nxos: a slot of two digits (Nexus 9516), a FEX host port, mgmt0 and nothing after it", () => {
    expect(refused("cisco-nxos", ["Ethernet16/36", "Ethernet10/1/4", "Ethernet101/1/48", "Ethernet199/1/10"])).toEqual([]);
    expect(accepted("cisco-nxos", ["vEthernet1/1", "xEthernet1/1/1", "mgmt01", "mgmt0.1", "mgmt0/1"])).toEqual([]);
  });

  it("arista-eos: two-digit ports and modular ports of two digits, Management alone", () => {
    expect(refused("arista-eos", ["Ethernet10", "Ethernet48", "Ethernet3/36/1", "Ethernet3/12", "Ethernet49/1"])).toEqual([]);
    expect(accepted("arista-eos", ["xManagement1", "vManagement1"])).toEqual([]);
  });

  it("junos: an FPC of two digits (MX960)", () => {
    expect(refused("junos", ["xe-10/0/0", "et-11/1/3", "ge-10/3/47"])).toEqual([]);
  });

  it("frr: bonds as Linux names them, bondN and nothing around it", () => {
    const lag = CAPABILITIES.frr.lagPattern;
    expect(["bond0", "bond12", "bond100"].filter((x) => !lag.test(x))).toEqual([]);
    expect(["xbond0", "mybond1", "bond0x", "bond1.10", "bond12a"].filter((x) => lag.test(x))).toEqual([]);
  });
});

describe("the numbers in a name are the device's: citydc checks the shape, a number of any width in each place", () => {
  // Not names a shipping model gives (no CloudEngine numbers its MEth port past one digit, no Junos PIC or
  // em/fxp/me port reaches 10 today): citydc does not bound these numbers, so a larger model's names pass.
  it("every numbered place takes two digits", () => {
    expect(refused("huawei-vrp", ["MEth10/0/0", "MEth0/10/0", "MEth0/0/10"])).toEqual([]);
    expect(refused("arista-eos", ["Management10"])).toEqual([]);
    expect(refused("junos", ["ge-0/10/0", "em10", "fxp10", "me10"])).toEqual([]);
  });
});

describe("the speed row a port's name picks, seen in the findings", () => {
  const CODES = ["E_IFNAME_INVALID", "E_SPEED_UNSUPPORTED"];
  const found = (platform: PlatformName, ports: [string, string][]): string[] => {
    const d = minimal();
    d.devices[1] = { name: "x1", site: "dc2", role: "border", platform, management: { address: "127.0.0.9", user: "c" }, interfaces: ports.map(([name, speed]) => ({ name, speed })) };
    return validate(d)
      .diagnostics.filter((x) => CODES.includes(x.code))
      .map((x) => `${x.code} ${x.path} ${x.message}`);
  };

  it("huawei-vrp: the type is read at the start of the name, so a misspelt name gets no type's speeds", () => {
    const names = ["x10GE1/0/1", "x25GE1/0/1", "x40GE1/0/1", "x50GE1/0/1", "x100GE1/0/1", "x200GE1/0/1", "x400GE1/0/1"];
    expect(found("huawei-vrp", names.map((n) => [n, "800G"]))).toEqual(names.map((n, i) => `E_IFNAME_INVALID /devices/1/interfaces/${i}/name '${n}' is not a valid huawei-vrp interface name (device x1)`));
  });

  it("huawei-vrp: a lane is a colon and digits at the very end of the name", () => {
    expect(found("huawei-vrp", [["100GE1/0/1:1x", "40G"], ["100GE1/0/1:12", "40G"], ["100GE1/0/1:2", "40G"]])).toEqual([
      "E_IFNAME_INVALID /devices/1/interfaces/0/name '100GE1/0/1:1x' is not a valid huawei-vrp interface name (device x1)",
      "E_IFNAME_INVALID /devices/1/interfaces/1/name '100GE1/0/1:12' is not a valid huawei-vrp interface name (device x1)",
      "E_SPEED_UNSUPPORTED /devices/1/interfaces/1/speed x1 100GE1/0/1:12 cannot run at 40G on huawei-vrp (this port: 10G, 25G, 50G, 100G)",
      "E_SPEED_UNSUPPORTED /devices/1/interfaces/2/speed x1 100GE1/0/1:2 cannot run at 40G on huawei-vrp (this port: 10G, 25G, 50G, 100G)",
    ]);
  });

  it("cisco-nxos: only a name that starts with Ethernet has Ethernet's speeds", () => {
    expect(found("cisco-nxos", [["vEthernet1/1", "2.5G"], ["Ethernet1/1", "2.5G"]])).toEqual([
      "E_IFNAME_INVALID /devices/1/interfaces/0/name 'vEthernet1/1' is not a valid cisco-nxos interface name (device x1)",
      "E_SPEED_UNSUPPORTED /devices/1/interfaces/1/speed x1 Ethernet1/1 cannot run at 2.5G on cisco-nxos (this port: 100M, 1G, 10G, 25G, 40G, 50G, 100G, 200G, 400G)",
    ]);
  });

  it("junos: the optic's prefix counts at the start of the name only", () => {
    expect(found("junos", [["vxe-0/0/1", "1G"], ["vet-0/0/1", "1G"], ["vmge-0/0/1", "25G"], ["xe-0/0/1", "1G"]])).toEqual([
      "E_IFNAME_INVALID /devices/1/interfaces/0/name 'vxe-0/0/1' is not a valid junos interface name (device x1)",
      "E_IFNAME_INVALID /devices/1/interfaces/1/name 'vet-0/0/1' is not a valid junos interface name (device x1)",
      "E_IFNAME_INVALID /devices/1/interfaces/2/name 'vmge-0/0/1' is not a valid junos interface name (device x1)",
      "E_SPEED_UNSUPPORTED /devices/1/interfaces/3/speed x1 xe-0/0/1 cannot run at 1G on junos (this port: 10G)",
    ]);
  });
});
