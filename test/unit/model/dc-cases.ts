/**
 * Check cases for the data-center features (spanning tree, multi-chassis LAGs, MTU and speed, in-band
 * management, VLAN groups, DR path redundancy, platform limits): each mutation of the minimal valid
 * inventory must produce its code. Run by checks-dc.test.ts; the coverage test in checks.test.ts counts them.
 */
export interface DcCase {
  readonly name: string;
  readonly code: string;
  /** JSON path of the finding, when the case pins it. */
  readonly path?: string;
  readonly mutate: (d: any) => void;
}

const sw1 = (d: any) => d.devices[0];

/** sw1 becomes an EOS switch with a VRF gateway and no BGP. */
function eosWithVrf(d: any): void {
  d.vrfs = [{ name: "city", tenant: "city", rd: "65001:100" }];
  Object.assign(sw1(d), { platform: "arista-eos", interfaces: [{ name: "Ethernet1", mode: "access", vlan: 10 }, { name: "Ethernet2", mode: "trunk", allowed: [10] }] });
  d.links[0].a.interface = "Ethernet2";
  d.hosts[0].attach.interface = "Ethernet1";
  d.vlans[0].vrf = "city";
  d.vlans[0].gateway = "10.0.10.1";
  d.vlans[0].gateways = [{ device: "sw1", address: "10.0.10.1" }];
}

export const DC_CASES: DcCase[] = [
  // platform
  { name: "VRF route distinguisher on EOS without BGP", code: "W_VRF_RD_UNUSED", path: "/vrfs/0/rd", mutate: eosWithVrf },
];
