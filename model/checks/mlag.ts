/**
 * mlag: a multi-chassis LAG pair is two switches of one platform at one site, joined by a peer link, with
 * the same downstream LAGs on both. Codes: E_REF_UNKNOWN (a pair names an unknown device),
 * E_PLATFORM_FEATURE (a platform without multi-chassis LAG, or a pair whose site runs a spanning tree the
 * pair cannot: a CloudEngine M-LAG pair runs V-STP, which is RSTP), E_MLAG_PAIR (the two devices at
 * different sites or on different platforms, a device in two pairs), E_MLAG_PEER_LINK (the peer link is not
 * a trunk LAG of that name on both devices, or its members are not cabled to each other),
 * E_MLAG_LAG (a LAG marked mlag on a device in no pair, a half without its twin on the peer, twins that
 * differ in mode, VLANs or LACP), E_MLAG_KEEPALIVE (keepalive addresses that are missing where the platform
 * needs them, equal, or on a platform whose keepalive runs on the peer VLAN: without prefix or in two
 * subnets), E_MLAG_PEER_VLAN (arista-eos: the peer VLAN is also an inventory VLAN at the site).
 */
import { CAPABILITIES } from "../capabilities";
import { contains, parsePrefix } from "../ip";
import type { Device, Lag } from "../types";
import type { Check } from "./context";

const sameList = (a: Lag["allowed"], b: Lag["allowed"]): boolean => {
  const x = a ?? "all";
  const y = b ?? "all";
  if (x === "all" || y === "all") return x === y;
  return x.length === y.length && x.every((v) => y.includes(v));
};

export const mlag: Check = (ctx) => {
  const inv = ctx.inv;
  const pairs = inv.mlag ?? [];
  const seen = new Map<string, string>();
  pairs.forEach((pair, pi) => {
    const base = `/mlag/${pi}`;
    const devs: Device[] = [];
    pair.devices.forEach((name, k) => {
      const d = ctx.devices.get(name)?.device;
      if (!d) {
        ctx.error("E_REF_UNKNOWN", `${base}/devices/${k}`, `mlag pair ${pair.name} names unknown device '${name}'${ctx.suggest(name, ctx.devices.keys())}`, "use the name of a switch in devices:");
        return;
      }
      const other = seen.get(name);
      if (other !== undefined) ctx.error("E_MLAG_PAIR", `${base}/devices/${k}`, other === pair.name ? `${name} is in two mlag pairs named ${other}` : `${name} is in mlag pairs ${other} and ${pair.name}`, "a switch belongs to one pair");
      seen.set(name, pair.name);
      devs.push(d);
    });
    if (devs.length !== 2) return;
    const [a, b] = devs as [Device, Device];
    if (a.site !== b.site) ctx.error("E_MLAG_PAIR", `${base}/devices/1`, `mlag pair ${pair.name}: ${a.name} is at ${a.site}, ${b.name} at ${b.site}`, "pair two switches of one site");
    if (a.platform !== b.platform) {
      ctx.error("E_MLAG_PAIR", `${base}/devices/1`, `mlag pair ${pair.name}: ${a.name} runs ${a.platform}, ${b.name} ${b.platform}`, "pair two switches of one platform");
      return;
    }
    const caps = CAPABILITIES[a.platform].mlag;
    if (!caps) {
      ctx.error("E_PLATFORM_FEATURE", `${base}/devices/0`, `${a.name} (${a.platform}) cannot do multi-chassis LAG`, "pair switches of a platform with M-LAG, vPC, MLAG or MC-LAG, or use one LAG per switch");
      return;
    }
    const st = inv.sites[ctx.sites.get(a.site) ?? -1]?.stp;
    if (st && !caps.stp.includes(st.mode)) {
      ctx.error("E_PLATFORM_FEATURE", `${base}/devices/0`, `mlag pair ${pair.name} (${a.platform}) runs as one bridge with ${caps.stp.join(" or ")}, but site ${a.site} runs ${st.mode}`, `set the site's stp mode to ${caps.stp[0]}`);
    }

    // The peer link: a trunk LAG of that name on both, cabled to each other.
    const peerLinks = devs.map((d) => ctx.devices.get(d.name)!).map((e) => ({ e, li: e.lags.get(pair.peerLink) }));
    for (const { e, li } of peerLinks) {
      if (li === undefined) ctx.error("E_MLAG_PEER_LINK", `${base}/peerLink`, `mlag pair ${pair.name}: ${e.device.name} has no LAG ${pair.peerLink}`, `add LAG ${pair.peerLink} (mode trunk) to ${e.device.name}, its members cabled to the peer`);
      else if (e.device.lags[li]!.mode !== "trunk") ctx.error("E_MLAG_PEER_LINK", `/devices/${e.index}/lags/${li}/mode`, `the peer link ${pair.peerLink} of ${e.device.name} is ${e.device.lags[li]!.mode === "access" ? "an" : "a"} ${e.device.lags[li]!.mode} LAG`, "make the peer link a trunk");
    }
    if (peerLinks.every((x) => x.li !== undefined)) {
      // the device at a link's end when that end is a member of the peer LAG
      const peerEnd = (x: { device: string; interface: string }): string | undefined => {
        const p = ctx.port(x.device, x.interface);
        return p !== undefined && ctx.settings(p).lag === pair.peerLink ? x.device : undefined;
      };
      const cabled = inv.links.some((l) => {
        const ends = [peerEnd(l.a), peerEnd(l.b)];
        return ends.includes(a.name) && ends.includes(b.name);
      });
      if (!cabled) ctx.error("E_MLAG_PEER_LINK", `${base}/peerLink`, `mlag pair ${pair.name}: no link joins ${a.name} ${pair.peerLink} and ${b.name} ${pair.peerLink}`, "add the peer link's cables to links: (kind: peer)");
    }

    // Keepalive.
    const ka = pair.keepalive;
    if (caps.keepalive === "peer-vlan") {
      if (!ka) ctx.error("E_MLAG_KEEPALIVE", base, `mlag pair ${pair.name} (${a.platform}) needs keepalive addresses on its peer VLAN`, "add keepalive: [10.255.255.0/31, 10.255.255.1/31] (one per switch, in device order)");
      else {
        const [pa, pb] = ka.map((x) => (x.includes("/") ? parsePrefix(x) : undefined));
        if (ka[0] === ka[1]) {
          ctx.error("E_MLAG_KEEPALIVE", `${base}/keepalive`, `mlag pair ${pair.name}: both switches would keep alive from ${ka[0]}`, "give each switch its own keepalive address, both in one subnet, e.g. 10.255.255.0/31 and 10.255.255.1/31");
        } else if (!pa || !pb || !contains(pa, pb.address) || pa.length !== pb.length) {
          ctx.error("E_MLAG_KEEPALIVE", `${base}/keepalive`, `mlag pair ${pair.name}: the keepalive addresses ${ka.join(", ")} are not two addresses with prefix length in one subnet`, "give both with their prefix length, e.g. 10.255.255.0/31 and 10.255.255.1/31");
        }
      }
      const peerVlan = pair.peerVlan ?? 4094;
      const clash = ctx.vlanAt(a.site, peerVlan);
      if (clash) ctx.error("E_MLAG_PEER_VLAN", `${base}/peerVlan`, `mlag pair ${pair.name} uses VLAN ${peerVlan} on its peer link, which is also VLAN ${clash.vlan.name} at ${a.site}`, "choose another peerVlan, or renumber that VLAN");
    } else {
      const addrs = ka ?? [a.management.address, b.management.address];
      if (addrs[0] === addrs[1]) ctx.error("E_MLAG_KEEPALIVE", `${base}${ka ? "/keepalive" : ""}`, `mlag pair ${pair.name}: both switches would keep alive from ${addrs[0]}`, "give each switch its own keepalive address");
      else if (!ka && (a.management.inband || b.management.inband)) {
        // dual-active detection must not depend on the peer link or the pair itself
        ctx.error("E_MLAG_KEEPALIVE", base, `mlag pair ${pair.name}: a switch is managed in band, so its management address would keep alive over the pair's own VLANs`, "give keepalive addresses of an out-of-band or routed interface");
      }
    }
  });

  // Downstream LAG halves: the same LAG on both switches of the pair.
  for (const e of ctx.devices.values()) {
    e.device.lags.forEach((l, li) => {
      if (!l.mlag) return;
      const path = `/devices/${e.index}/lags/${li}/mlag`;
      const pair = ctx.mlagOf.get(e.device.name);
      if (!pair) {
        ctx.error("E_MLAG_LAG", path, `${e.device.name} ${l.name} is marked mlag, but ${e.device.name} is in no mlag pair`, "add an mlag: pair with this switch and its peer, or remove mlag");
        return;
      }
      if (l.name === pair.pair.peerLink) {
        ctx.error("E_MLAG_LAG", path, `${e.device.name} ${l.name} is the peer link of ${pair.pair.name}; it cannot be a downstream half too`, "remove mlag from the peer link");
        return;
      }
      const peerName = pair.pair.devices.find((x) => x !== e.device.name)!;
      const peer = ctx.devices.get(peerName);
      const ti = peer?.lags.get(l.name);
      const twin = ti === undefined ? undefined : peer!.device.lags[ti];
      if (!twin || !twin.mlag) {
        ctx.error("E_MLAG_LAG", path, `${e.device.name} ${l.name} is one half of a multi-chassis LAG, but ${peerName} has no ${l.name} marked mlag`, `add ${l.name} (mlag: true, same settings) to ${peerName}`);
        return;
      }
      if (twin.mode !== l.mode || twin.vlan !== l.vlan || twin.native !== l.native || twin.lacp !== l.lacp || !sameList(twin.allowed, l.allowed)) {
        ctx.error("E_MLAG_LAG", path, `${e.device.name} ${l.name} and ${peerName} ${l.name} (one multi-chassis LAG) differ in mode, VLANs or LACP`, "give both halves the same mode, VLANs and LACP mode");
      }
    });
  }
};
