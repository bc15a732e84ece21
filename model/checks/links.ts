/**
 * links: the two ends of a cable must agree. Codes: E_LINK_SELF (both ends on one device),
 * E_LINK_MODE (access vs trunk, a configured end facing an unconfigured one...), E_LINK_VLANS
 * (different access VLAN or allowed list), E_LINK_NATIVE (different native VLAN), E_LINK_SPEED,
 * E_LINK_SUBNET (routed ends not in one subnet; a routed end outside the VLAN of the access port it
 * faces), E_LINK_LAG (a LAG member facing a plain port, or one LAG's members going to different
 * LAGs; the two halves of a multi-chassis LAG count as one), E_LINK_DCI (a dci link that does not join
 * a primary site and its DR site), E_LINK_LACP (the two LAGs of a link disagree on LACP: static against
 * LACP, or passive on both ends, which never starts a negotiation). A mismatch of two LAGs is reported
 * once, not once per member cable.
 */
import { contains, parsePrefix } from "../ip";
import type { Check, PortSettings } from "./context";

function sameAllowed(a: PortSettings["allowed"], b: PortSettings["allowed"]): boolean {
  const x = a ?? "all";
  const y = b ?? "all";
  if (x === "all" || y === "all") return x === y;
  if (x.length !== y.length) return false;
  const s = new Set(x);
  return y.every((v) => s.has(v));
}

function fmtAllowed(a: PortSettings["allowed"]): string {
  return a === undefined || a === "all" ? "all" : `[${a.join(", ")}]`;
}

export const links: Check = (ctx) => {
  const inv = ctx.inv;
  const reported = new Set<string>();
  const lagPeers = new Map<string, { peer: string; path: string }>();
  const lacpReported = new Set<string>();
  inv.links.forEach((l, li) => {
    const path = `/links/${li}`;
    if (l.a.device === l.b.device) {
      ctx.error("E_LINK_SELF", `${path}/b/device`, `link connects ${l.a.device} to itself (${l.a.interface} <-> ${l.b.interface})`, "a link joins two different devices: correct one end");
      return;
    }
    const pa = ctx.port(l.a.device, l.a.interface);
    const pb = ctx.port(l.b.device, l.b.interface);
    if (!pa || !pb) return; // references check
    const a = ctx.settings(pa);
    const b = ctx.settings(pb);
    const ends = `${l.a.device} ${l.a.interface} <-> ${l.b.device} ${l.b.interface}`;

    if (l.kind === "dci") {
      const sa = ctx.siteOf(l.a.device);
      const sb = ctx.siteOf(l.b.device);
      const site = (n?: string) => (n === undefined ? undefined : inv.sites[ctx.sites.get(n) ?? -1]);
      const A = site(sa);
      const B = site(sb);
      if (A && B && !(A.protects === B.name || B.protects === A.name)) {
        ctx.error("E_LINK_DCI", `${path}/kind`, `dci link ${ends} joins sites ${A.name} and ${B.name}, which are not a primary and its DR site`, "use kind fabric/uplink/wan for this link, or set `protects:` on the DR site");
      }
    }

    // LAG membership must match on both ends, and a LAG's members all go to one peer LAG.
    const aMember = pa.kind === "interface" && a.lag !== undefined;
    const bMember = pb.kind === "interface" && b.lag !== undefined;
    if (aMember !== bMember) {
      const [m, o] = aMember ? [l.a, l.b] : [l.b, l.a];
      ctx.error("E_LINK_LAG", `${path}/${aMember ? "b" : "a"}/interface`, `${m.device} ${m.interface} is a LAG member but ${o.device} ${o.interface} is not`, `make ${o.device} ${o.interface} a member of a LAG too, or take ${m.interface} out of its LAG`);
      return;
    }
    if (aMember && bMember) {
      for (const [x, y, xd, yd, side] of [[a, b, l.a.device, l.b.device, "a"], [b, a, l.b.device, l.a.device, "b"]] as const) {
        const key = `${xd}\u0000${x.lag}`;
        // the two halves of a multi-chassis LAG are one peer
        const pair = ctx.mlagOf.get(yd);
        const half = pair !== undefined && ctx.port(yd, y.lag!)?.lag?.mlag === true;
        const peer = half ? `${pair.pair.devices.join("+")} ${y.lag}` : `${yd} ${y.lag}`;
        const seen = lagPeers.get(key);
        if (!seen) lagPeers.set(key, { peer, path });
        else if (seen.peer !== peer) {
          ctx.error("E_LINK_LAG", `${path}/${side}/interface`, `members of ${xd} ${x.lag} go to ${seen.peer} and to ${peer}`, `cable all members of ${x.lag} to one LAG on one device (or split them into two LAGs)`);
        }
      }
    }

    if (a.lag !== undefined && b.lag !== undefined && a.lacp !== undefined && b.lacp !== undefined) {
      const key = `${l.a.device}\u0000${a.lag}\u0000${l.b.device}\u0000${b.lag}`;
      if (!lacpReported.has(key)) {
        lacpReported.add(key);
        const lags = `${l.a.device} ${a.lag} (${a.lacp}) <-> ${l.b.device} ${b.lag} (${b.lacp})`;
        if ((a.lacp === "static") !== (b.lacp === "static")) {
          const [fix, lagName] = a.lacp === "static" ? [l.a.device, a.lag] : [l.b.device, b.lag];
          ctx.error("E_LINK_LACP", `${path}/${a.lacp === "static" ? "a" : "b"}/interface`, `LACP mismatch on ${lags}: one end runs LACP, the other is a static LAG, so the LACP end never bundles its members`, `set lacp: active on ${fix} ${lagName} (or static on both ends)`);
        } else if (a.lacp === "passive" && b.lacp === "passive") {
          ctx.error("E_LINK_LACP", `${path}/b/interface`, `both ends of ${lags} are LACP passive: neither starts the negotiation, the LAG never comes up`, `set lacp: active on at least one end (${l.a.device} ${a.lag} or ${l.b.device} ${b.lag})`);
        }
      }
    }

    if (a.speed !== undefined && b.speed !== undefined && a.speed !== b.speed) {
      ctx.error("E_LINK_SPEED", `${path}/b/interface`, `speed mismatch on ${ends}: ${a.speed} vs ${b.speed}`, "set the same speed on both ends (or use matching optics)");
    }

    // Compare what the two ends carry; for LAGs once per pair of LAGs.
    const pairKey = aMember ? `${l.a.device}\u0000${a.lag}\u0000${l.b.device}\u0000${b.lag}` : undefined;
    if (pairKey) {
      if (reported.has(pairKey)) return;
      reported.add(pairKey);
    }
    const where = aMember ? `${l.a.device} ${a.lag} <-> ${l.b.device} ${b.lag}` : ends;
    const modes = `${a.mode ?? "unconfigured"}/${b.mode ?? "unconfigured"}`;
    if (a.mode === undefined && b.mode === undefined) return;
    if (a.mode === b.mode) {
      if (a.mode === "access" && a.vlan !== b.vlan) {
        ctx.error("E_LINK_VLANS", `${path}/b/interface`, `access VLAN mismatch on ${where}: ${a.vlan} vs ${b.vlan}`, "put both ends in the same VLAN");
      } else if (a.mode === "trunk") {
        if (!sameAllowed(a.allowed, b.allowed)) {
          ctx.error("E_LINK_VLANS", `${path}/b/interface`, `allowed VLANs differ on ${where}: ${fmtAllowed(a.allowed)} vs ${fmtAllowed(b.allowed)}`, "allow the same VLANs on both ends of the trunk");
        }
        if (a.native !== b.native) {
          ctx.error("E_LINK_NATIVE", `${path}/b/interface`, `native VLAN differs on ${where}: ${a.native ?? "none"} vs ${b.native ?? "none"}`, "set the same native VLAN on both ends (or none on both)");
        }
      } else if (a.mode === "routed") {
        const x = a.address ? parsePrefix(a.address) : undefined;
        const y = b.address ? parsePrefix(b.address) : undefined;
        if (x && y && (x.network !== y.network || x.length !== y.length)) {
          ctx.error("E_LINK_SUBNET", `${path}/b/interface`, `routed ends of ${where} are in different subnets: ${a.address} vs ${b.address}`, "address both ends from one subnet (e.g. a /31)");
        } else if (x && y && x.address === y.address) {
          ctx.error("E_LINK_SUBNET", `${path}/b/interface`, `both ends of ${where} have address ${a.address}`, "give each end its own address in the subnet");
        }
      }
      return;
    }
    // A router port facing an access port: the router's address must be in that VLAN's subnet.
    if ((a.mode === "routed" && b.mode === "access") || (a.mode === "access" && b.mode === "routed")) {
      const [r, s, rside] = a.mode === "routed" ? [a, b, "a"] : [b, a, "b"];
      // the VLAN the ID means at the switch's site (an ID in a VLAN group may mean another elsewhere)
      const sw = a.mode === "access" ? l.a.device : l.b.device;
      const site = ctx.siteOf(sw);
      const vlan = s.vlan === undefined ? undefined : site !== undefined ? ctx.vlanAt(site, s.vlan)?.vlan : inv.vlans[ctx.vlans.get(s.vlan) ?? -1];
      const subnet = vlan?.subnet ? parsePrefix(vlan.subnet) : undefined;
      const addr = r.address ? parsePrefix(r.address) : undefined;
      if (vlan && subnet && addr && (!contains(subnet, addr.address) || addr.length !== subnet.length)) {
        ctx.error("E_LINK_SUBNET", `${path}/${rside}/interface`, `routed end of ${where} has ${r.address}, outside VLAN ${vlan.id}'s subnet ${vlan.subnet}`, `give the routed port an address in ${vlan.subnet}`);
      }
      return;
    }
    // A router's gateway port: no mode, facing an access port of a VLAN the router is a gateway of (the
    // intent makes it the routed port that carries the gateway's address).
    if ((a.mode === undefined && b.mode === "access") || (a.mode === "access" && b.mode === undefined)) {
      const [rdev, s] = a.mode === undefined ? [l.a.device, b] : [l.b.device, a];
      const site = ctx.siteOf(a.mode === "access" ? l.a.device : l.b.device);
      const vlan = s.vlan === undefined ? undefined : site !== undefined ? ctx.vlanAt(site, s.vlan)?.vlan : inv.vlans[ctx.vlans.get(s.vlan) ?? -1];
      if (vlan?.gateways.some((g) => g.device === rdev)) return;
    }
    ctx.error("E_LINK_MODE", `${path}/b/interface`, `mode mismatch on ${where}: ${modes}`, "configure both ends alike: trunk-trunk, access-access (same VLAN), routed-routed, or a routed port facing an access port (or, on a router that is the VLAN's gateway, a port without a mode)");
  });
};
