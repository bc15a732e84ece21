/**
 * `citydc docs`: the static documentation site of an inventory, as a list of files (path -> bytes) in a
 * fixed order. Pages come from the model and the intents of pipeline/, the device configurations from its
 * renderer, the topology pictures from Graphviz `dot` (publish/dot.ts), the rack elevations from
 * publish/rack.ts. No clock, no random, no absolute path: the same inventory gives the same bytes.
 *
 *   index.html, README.md        the city at a glance: sites, tenants, VRFs, counts, links to the rest
 *   city-topology.svg            every site
 *   cabling.csv                  one row per cable (site, rack, device, port, far device, far port, kind, speed)
 *   sites/<site>.html|.md        topology, racks, VLAN table, DR protection (and what rides each DCI)
 *   sites/<site>-topology.svg
 *   racks/<rack>.svg             one elevation per rack
 *   devices/<device>.html|.md    role, platform, rack, management, interfaces, LAGs, gateways, routes, BGP
 *   devices/<device>.config.txt  the rendered configuration
 */
import type { DeviceIntent, PortIntent } from "../intent/types";
import type { Device, Inventory, Link, Site } from "../model/types";
import { renderDevice } from "../pipeline/index";
import { naturalCompare } from "../util/natural";
import { toDot, renderSvg } from "./dot";
import { buildGraph, bundleText, type GraphEdge, type NetworkGraph } from "./graph";
import { toMermaid } from "./mermaid";
import { toHtml, toMarkdown, type Block, type Inline, type Page, type Text } from "./page";
import { rackContent, rackSvg, unitRanges } from "./rack";

export interface DocsOptions {
  /** Sites to document; empty: every site. */
  readonly sites?: readonly string[];
  /** The inventory's file name as shown on the pages (relative, as the user gave it). */
  readonly source: string;
  /** Lays DOT text out as SVG (default: Graphviz dot). */
  readonly layout?: (dot: string) => string;
}

export interface DocFile {
  readonly path: string;
  readonly content: string;
}

/** A file name for an object name (device, site, rack names are plain, but never trust a path). */
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, "_");
}

const link = (text: string, href: string): Inline => ({ text, href });
const code = (c: string): Inline => ({ code: c });

/** The far end of each port of each device: "device port" of the link, or the host attached. */
interface FarEnd {
  readonly device: string;
  readonly port?: string;
  readonly kind: string;
}

function farEnds(inv: Inventory): Map<string, FarEnd[]> {
  const far = new Map<string, FarEnd[]>();
  const add = (k: string, e: FarEnd): void => void far.set(k, [...(far.get(k) ?? []), e]);
  for (const l of inv.links) {
    add(`${l.a.device}\0${l.a.interface}`, { device: l.b.device, port: l.b.interface, kind: l.kind });
    add(`${l.b.device}\0${l.b.interface}`, { device: l.a.device, port: l.a.interface, kind: l.kind });
  }
  for (const h of inv.hosts) add(`${h.attach.device}\0${h.attach.interface}`, { device: h.name, kind: "host" });
  return far;
}

function vlanText(p: PortIntent): string {
  if (p.mode === "access") return `${p.vlan ?? ""}`;
  if (p.mode === "trunk") return `${(p.allowed ?? []).join(",")}${p.native !== undefined ? ` (native ${p.native})` : ""}`;
  if (p.mode === "routed") return `${p.address ?? ""}${p.vrf ? ` vrf ${p.vrf}` : ""}`;
  return "";
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function cablingCsv(inv: Inventory, sites: ReadonlySet<string>): string {
  const dev = new Map(inv.devices.map((d) => [d.name, d] as const));
  const speed = (d: string, port: string): string => dev.get(d)?.interfaces.find((i) => i.name === port)?.speed ?? "";
  type Row = [string, string, string, string, string, string, string, string];
  const rows: Row[] = [];
  const rowOf = (near: { device: string; interface: string }, far: { device: string; interface: string }, kind: string, sp: string): Row => {
    const d = dev.get(near.device);
    return [d?.site ?? "", d?.rack ?? "", near.device, near.interface, far.device, far.interface, kind, sp];
  };
  const cmp = (x: Row, y: Row): number => {
    for (let i = 0; i < x.length; i++) {
      const c = naturalCompare(x[i]!, y[i]!);
      if (c) return c;
    }
    return 0;
  };
  for (const l of inv.links as readonly Link[]) {
    const sa = dev.get(l.a.device)?.site ?? "";
    const sb = dev.get(l.b.device)?.site ?? "";
    if (!sites.has(sa) && !sites.has(sb)) continue;
    const sp = speed(l.a.device, l.a.interface) || speed(l.b.device, l.b.interface);
    const ra = rowOf(l.a, l.b, l.kind, sp);
    const rb = rowOf(l.b, l.a, l.kind, sp);
    rows.push(cmp(ra, rb) <= 0 ? ra : rb);
  }
  for (const h of inv.hosts) {
    const d = dev.get(h.attach.device);
    if (!d || !sites.has(d.site)) continue;
    rows.push([d.site, d.rack ?? "", d.name, h.attach.interface, h.name, "", "host", speed(d.name, h.attach.interface)]);
  }
  rows.sort(cmp);
  const head = ["site", "rack", "device", "port", "far device", "far port", "kind", "speed"];
  return [head, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

function siteWhat(s: Site): string {
  if (s.role === "dr") return `disaster-recovery site${s.protects ? ` of ${s.protects}` : ""}`;
  if (s.role === "branch") return `branch${s.authority ? `: ${s.authority}` : ""}`;
  return "primary data center";
}

/** What a bundle of a device carries (its LAG's or port's VLANs, from the intent). */
function carried(intent: DeviceIntent | undefined, bundle: string): readonly number[] {
  if (!intent) return [];
  const lag = intent.lags.find((l) => l.name === bundle);
  const port = lag?.port ?? intent.ports.find((p) => p.name === bundle);
  if (!port) return [];
  if (port.mode === "trunk") return port.allowed ?? [];
  if (port.mode === "access" && port.vlan !== undefined) return [port.vlan];
  return [];
}

export function buildDocs(inv: Inventory, intents: ReadonlyMap<string, DeviceIntent>, opts: DocsOptions): DocFile[] {
  const layout = opts.layout ?? ((d: string) => renderSvg(d));
  const sites = inv.sites.filter((s) => !opts.sites || opts.sites.length === 0 || opts.sites.includes(s.name));
  const siteSet = new Set(sites.map((s) => s.name));
  const devices = inv.devices.filter((d) => siteSet.has(d.site)).sort((a, b) => naturalCompare(a.name, b.name));
  const racks = inv.racks.filter((r) => siteSet.has(r.site));
  const far = farEnds(inv);
  const files: DocFile[] = [];
  const vlanName = new Map(inv.vlans.map((v) => [v.id, v.name] as const));
  const deviceLink = (name: string, from: "" | "../"): Inline => (siteSet.has(inv.devices.find((d) => d.name === name)?.site ?? "") ? link(name, `${from}devices/${fileSafe(name)}.html`) : name);

  // ---------------------------------------------------------------- the city
  const cityGraph = buildGraph(inv, { sites: sites.map((s) => s.name) });
  const citySvg = layout(toDot(inv, cityGraph, { title: `${inv.name}: ${sites.length === inv.sites.length ? "every site" : sites.map((s) => s.name).join(", ")}`, labels: false }));
  files.push({ path: "city-topology.svg", content: citySvg });
  const interfaces = devices.reduce((n, d) => n + d.interfaces.length, 0);
  const links = inv.links.filter((l) => devices.some((d) => d.name === l.a.device || d.name === l.b.device));
  const index: Block[] = [
    { p: `${inv.description ?? inv.name}. Generated by citydc docs from ${opts.source}.` },
    { h: 1, text: "At a glance" },
    {
      table: {
        head: ["sites", "racks", "devices", "interfaces", "links", "VLANs", "tenants", "VRFs", "hosts", "services"],
        rows: [[`${sites.length}`, `${racks.length}`, `${devices.length}`, `${interfaces}`, `${links.length}`, `${inv.vlans.filter((v) => v.sites.some((s) => siteSet.has(s))).length}`, `${inv.tenants.length}`, `${inv.vrfs.length}`, `${inv.hosts.filter((h) => devices.some((d) => d.name === h.attach.device)).length}`, `${inv.services.length}`]],
      },
    },
    { h: 1, text: "Sites" },
    {
      table: {
        head: ["site", "role", "description", "tenant", "AS", "racks", "devices"],
        rows: sites.map((s) => [
          link(s.name, `sites/${fileSafe(s.name)}.html`),
          siteWhat(s),
          s.description ?? "",
          s.tenant ?? "",
          s.asn !== undefined ? `${s.asn}` : "",
          `${racks.filter((r) => r.site === s.name).length}`,
          `${devices.filter((d) => d.site === s.name).length}`,
        ]),
      },
    },
    { h: 1, text: "Tenants" },
    {
      table: {
        head: ["tenant", "description", "VRFs", "VLANs"],
        rows: inv.tenants.map((t) => [t.name, t.description ?? "", inv.vrfs.filter((v) => v.tenant === t.name).map((v) => v.name).join(", "), inv.vlans.filter((v) => v.tenant === t.name).map((v) => `${v.id}`).join(", ")]),
      },
    },
    { h: 1, text: "VRFs" },
    {
      table: {
        head: ["VRF", "tenant", "route distinguisher", "description", "VLANs"],
        rows: inv.vrfs.map((v) => [v.name, v.tenant, v.rd ?? "", v.description ?? "", inv.vlans.filter((x) => x.vrf === v.name).map((x) => `${x.id}`).join(", ")]),
      },
    },
    { h: 1, text: "Topology" },
    { picture: { file: "city-topology.svg", alt: `${inv.name} topology`, svg: citySvg } },
    mermaidBlock(inv, cityGraph, "city-topology.svg", false),
    { h: 1, text: "Devices" },
    {
      table: {
        head: ["device", "site", "role", "platform", "rack", "configuration"],
        rows: devices.map((d) => [deviceLink(d.name, ""), d.site, d.role, d.platform, d.rack ? `${d.rack}${d.position !== undefined ? ` U${d.position}` : ""}` : "", link("config", `devices/${fileSafe(d.name)}.config.txt`)]),
      },
    },
    { h: 1, text: "Cabling" },
    { p: [link("cabling.csv", "cabling.csv"), ` lists ${links.length + inv.hosts.filter((h) => devices.some((d) => d.name === h.attach.device)).length} cables (site, rack, device, port, far device, far port, kind, speed).`] },
  ];
  const indexPage: Page = { title: `${inv.name}: the network`, blocks: index };
  files.push({ path: "index.html", content: toHtml(indexPage) });
  files.push({ path: "README.md", content: toMarkdown({ ...indexPage, blocks: index.map(rewriteLinks) }) });
  files.push({ path: "cabling.csv", content: cablingCsv(inv, siteSet) });

  // ---------------------------------------------------------------- per site
  for (const s of sites) {
    const graph = buildGraph(inv, { sites: [s.name] });
    const topo = layout(toDot(inv, graph, { title: `${s.name}: ${siteWhat(s)}` }));
    const topoFile = `${fileSafe(s.name)}-topology.svg`;
    files.push({ path: `sites/${topoFile}`, content: topo });
    const blocks: Block[] = [{ p: `${siteWhat(s)}${s.description ? `: ${s.description}` : ""}${s.tenant ? `; tenant ${s.tenant}` : ""}${s.asn !== undefined ? `; AS ${s.asn}` : ""}.` }];
    blocks.push({ h: 1, text: "Topology" }, { picture: { file: topoFile, alt: `${s.name} topology`, svg: topo } }, mermaidBlock(inv, graph, topoFile));
    blocks.push({ h: 1, text: "Links" }, { table: { head: ["kind", "from", "to", "cables", "speed"], rows: graph.edges.map((e) => [e.kind, `${e.a.device} ${e.a.bundle}`, `${e.b.device} ${e.b.bundle}`, `${e.members}: ${e.a.ports.join(", ")} / ${e.b.ports.join(", ")}`, e.speed]) } });
    const siteRacks = racks.filter((r) => r.site === s.name);
    if (siteRacks.length > 0) {
      blocks.push({ h: 1, text: "Racks" });
      for (const r of siteRacks) {
        const svg = rackSvg(inv, r);
        const file = `racks/${fileSafe(r.name)}.svg`;
        files.push({ path: file, content: svg });
        const c = rackContent(inv, r);
        blocks.push({ h: 2, text: r.name }, { p: `${r.height} U, ${c.placed.length} devices, ${c.free.length} U free (${unitRanges(c.free) || "none"}).` }, { picture: { file: `../${file}`, alt: `rack ${r.name}`, svg } });
      }
    }
    const vlans = inv.vlans.filter((v) => v.sites.includes(s.name)).sort((a, b) => a.id - b.id || naturalCompare(a.group ?? "", b.group ?? ""));
    const siteDevices = devices.filter((d) => d.site === s.name);
    blocks.push({ h: 1, text: "VLANs" });
    blocks.push({
      table: {
        head: ["ID", "name", "tenant", "VRF", "subnet", "gateway", "carried by"],
        rows: vlans.map((v) => {
          const on = siteDevices.filter((d) => intents.get(d.name)?.vlans.some((x) => x.id === v.id)).map((d) => d.name);
          const gw = v.gateway ? `${v.gateway}${v.gateways.length ? ` (${v.gateways.map((g) => g.device).join(", ")}${v.gateways.length > 1 ? ", VRRP" : ""})` : ""}` : v.gateways.map((g) => g.device).join(", ");
          return [`${v.group ? `${v.group}/` : ""}${v.id}`, v.name, v.tenant, v.vrf ?? "", v.subnet ?? "", gw, on.join(", ")];
        }),
      },
    });
    const dr = inv.dr.filter((d) => d.site === s.name || d.protects === s.name);
    if (dr.length > 0) {
      blocks.push({ h: 1, text: "DR protection" });
      for (const p of dr) {
        blocks.push({ p: `${p.site} protects ${p.protects}: VLANs ${p.vlans.map((id) => `${id} (${vlanName.get(id) ?? "?"})`).join(", ")}; services ${p.services.join(", ") || "none"}.` });
        const between = buildGraph(inv, { sites: [p.protects, p.site] }).edges.filter((e) => e.kind === "dci");
        const rows = between.map((e: GraphEdge) => {
          const vl = carried(intents.get(e.a.device), e.a.bundle);
          const services = inv.services.filter((sv) => sv.vlans.some((id) => vl.includes(id))).map((sv) => sv.name);
          return [`${e.a.device} ${e.a.bundle}`, `${e.b.device} ${e.b.bundle}`, bundleText(e.members, e.speed) || "1 cable", vl.map((id) => `${id} ${vlanName.get(id) ?? ""}`.trim()).join(", "), services.join(", ")] as Text[];
        });
        blocks.push({ table: { head: ["DCI end", "far end", "cables", "VLANs it carries", "services riding it"], rows } });
        const missing = p.vlans.filter((id) => !between.some((e) => carried(intents.get(e.a.device), e.a.bundle).includes(id)));
        if (missing.length) blocks.push({ p: `not carried by any DCI: VLAN ${missing.join(", ")}` });
      }
    }
    blocks.push({ h: 1, text: "Devices" }, { table: { head: ["device", "role", "platform", "rack"], rows: siteDevices.map((d) => [deviceLink(d.name, "../"), d.role, d.platform, d.rack ? `${d.rack}${d.position !== undefined ? ` U${d.position}` : ""}` : ""]) } });
    const page: Page = { title: `site ${s.name}`, blocks, home: "../index.html" };
    files.push({ path: `sites/${fileSafe(s.name)}.html`, content: toHtml(page) });
    files.push({ path: `sites/${fileSafe(s.name)}.md`, content: toMarkdown({ ...page, blocks: blocks.map(rewriteLinks) }) });
  }

  // ---------------------------------------------------------------- per device
  for (const d of devices) {
    const intent = intents.get(d.name);
    if (!intent) continue;
    const r = renderDevice(intent);
    const page = devicePage(inv, d, intent, far);
    files.push({ path: `devices/${fileSafe(d.name)}.html`, content: toHtml(page) });
    files.push({ path: `devices/${fileSafe(d.name)}.md`, content: toMarkdown({ ...page, blocks: page.blocks.map(rewriteLinks) }) });
    files.push({ path: `devices/${fileSafe(d.name)}.config.txt`, content: r.config });
  }
  return files.sort((a, b) => naturalCompare(a.path, b.path));
}

/**
 * Mermaid for a graph, or a line saying it is too large for it: GitHub refuses to draw big diagrams (and a
 * thousand-node flowchart is no help to read), so beyond MERMAID_MAX nodes the Markdown points at the SVG.
 */
const MERMAID_MAX = 120;
function mermaidBlock(inv: Inventory, graph: NetworkGraph, svgFile: string, labels = true): Block {
  if (graph.nodes.length > MERMAID_MAX) return { p: [`${graph.nodes.length} devices: too many for a Mermaid diagram; see `, link(svgFile, svgFile), "."] };
  return { mermaid: toMermaid(inv, graph, { labels }) };
}

/** In the Markdown, links point at the Markdown pages, not the HTML ones. */
function rewriteLinks(b: Block): Block {
  const fix = (t: Text): Text => (Array.isArray(t) ? (t as readonly Inline[]).map(fixOne) : fixOne(t as Inline));
  const fixOne = (i: Inline): Inline => (typeof i === "object" && "href" in i ? { text: i.text, href: i.href.replace(/\.html$/, ".md").replace(/^index\.md$/, "README.md").replace(/^\.\.\/index\.md$/, "../README.md") } : i);
  if ("p" in b) return { p: fix(b.p) };
  if ("list" in b) return { list: b.list.map(fix) };
  if ("table" in b) return { table: { head: b.table.head, rows: b.table.rows.map((r) => r.map(fix)) } };
  return b;
}

function devicePage(inv: Inventory, d: Device, intent: DeviceIntent, far: Map<string, FarEnd[]>): Page {
  const farText = (port: string): string =>
    (far.get(`${d.name}\0${port}`) ?? []).map((f) => (f.port ? `${f.device} ${f.port} (${f.kind})` : `${f.device} (${f.kind})`)).join("; ");
  const m = d.management;
  const mgmt = [`${m.address} port ${m.port}, user ${m.user}`, m.interface ? `interface ${m.interface}` : "", m.vlan !== undefined ? `VLAN ${m.vlan}` : "", m.inband ? `in band /${m.inband.prefixLength}${m.inband.gateway ? ` via ${m.inband.gateway}` : ""}` : "out of band"].filter(Boolean).join(", ");
  const rack = d.rack ? `${d.rack}${d.position !== undefined ? `, U${d.position}${d.height > 1 ? `-${d.position + d.height - 1}` : ""}` : ", no position"}` : "none";
  const blocks: Block[] = [
    {
      table: {
        head: ["site", "role", "platform", "model", "rack", "management", "loopback"],
        rows: [[{ text: d.site, href: `../sites/${fileSafe(d.site)}.html` }, d.role, d.platform, d.model ?? "", rack, mgmt, d.loopback ?? ""]],
      },
    },
    { p: [{ text: "rendered configuration", href: `${fileSafe(d.name)}.config.txt` }, ` (${d.platform})`] },
    { h: 1, text: "Interfaces" },
    {
      table: {
        head: ["interface", "speed", "mode", "VLANs / address", "LAG", "far end", "description", "state"],
        rows: intent.ports.map((p) => [code(p.name), p.speed ?? "", p.lag ? "LAG member" : p.mode, vlanText(p), p.lag ?? "", farText(p.name), p.description, p.enabled ? "up" : "shut"]),
      },
    },
    { h: 1, text: "LAGs" },
    {
      table: {
        head: ["LAG", "LACP", "mode", "VLANs / address", "members", "multi-chassis", "far end", "description"],
        rows: intent.lags.map((l) => [
          code(l.name),
          l.lacp,
          l.port.mode,
          vlanText(l.port),
          l.members.join(", "),
          l.peerLink ? "peer link" : l.mlag ? `M-LAG ${l.mlag.id}` : "",
          [...new Set([...l.members.map(farText), farText(l.name)].filter(Boolean))].join("; "),
          l.port.description,
        ]),
      },
    },
    { h: 1, text: "Gateways" },
    { table: { head: ["VLAN", "address", "VRF", "VRRP"], rows: intent.gateways.map((g) => [`${g.vlan}`, g.address, g.vrf ?? "", g.vrrp ? `group ${g.vrrp.vrid}, virtual ${g.vrrp.virtualAddress}, priority ${g.vrrp.priority}` : ""]) } },
    { h: 1, text: "Static routes" },
    { table: { head: ["prefix", "next hop", "VRF"], rows: intent.routes.map((r) => [r.prefix, r.nextHop, r.vrf ?? ""]) } },
    { h: 1, text: "BGP" },
  ];
  if (intent.bgp) {
    blocks.push({ p: `AS ${intent.bgp.asn}${intent.bgp.routerId ? `, router id ${intent.bgp.routerId}` : ""}; networks ${intent.bgp.networks.join(", ") || "none"}.` });
    blocks.push({ table: { head: ["neighbour", "remote AS", "description"], rows: intent.bgp.neighbors.map((n) => [n.address, `${n.remoteAs}`, n.description]) } });
  } else blocks.push({ p: "no BGP" });
  if (intent.mlag) blocks.push({ h: 1, text: "Multi-chassis LAG" }, { p: `${intent.mlag.name}: ${intent.mlag.role}, peer ${intent.mlag.peer}, peer link ${intent.mlag.peerLink}, domain ${intent.mlag.domain}` });
  return { title: `device ${d.name}`, blocks, home: "../index.html" };
}
