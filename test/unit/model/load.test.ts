/**
 * The loader's own work (model/load.ts and model/normalize.ts): the defaults every downstream layer relies
 * on, written out for a bare and a full document; fresh objects (YAML aliases share theirs); what a result
 * holds for a valid file, a semantic error and a schema error; the counts of a summary; the cap on kept
 * diagnostics with the count of the rest.
 */
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { MAX_DIAGNOSTICS, parseInventory, summarize } from "../../../model/load";
import { normalize } from "../../../model/normalize";
import { minimal, validate } from "./helpers";

const bare = (): any => ({
  version: 1,
  name: "t",
  tenants: [{ name: "city" }],
  sites: [{ name: "dc1", role: "primary" }],
  devices: [{ name: "sw1", site: "dc1", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", user: "u" } }],
});

describe("defaults", () => {
  it("a bare document: empty lists, height 1, SSH port 22, no qos, no policies", () => {
    expect(normalize(bare())).toEqual({
      version: 1,
      name: "t",
      tenants: [{ name: "city" }],
      vrfs: [],
      sites: [{ name: "dc1", role: "primary" }],
      racks: [],
      devices: [{ name: "sw1", site: "dc1", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", user: "u", port: 22 }, height: 1, interfaces: [], lags: [], routes: [] }],
      vlans: [],
      vlanGroups: [],
      links: [],
      mlag: [],
      hosts: [],
      services: [],
      dr: [],
    });
    const n = normalize(bare()) as any;
    expect("bgp" in n.devices[0]).toBe(false);
    expect("stp" in n.devices[0]).toBe(false);
    expect("qos" in n).toBe(false);
    expect("policies" in n).toBe(false);
  });

  it("empty qos and policies sections: marking by purpose and tenant isolation on, or as written", () => {
    const n = normalize({ ...bare(), qos: {}, policies: {} }) as any;
    expect(n.qos).toEqual({ classes: [], marking: [], markByPurpose: true });
    expect(n.policies).toEqual({ tenantIsolation: true, management: { jumpHosts: [] }, rules: [] });
    const off = normalize({ ...bare(), qos: { markByPurpose: false }, policies: { tenantIsolation: false, management: { jumpHosts: ["10.0.0.1"] } } }) as any;
    expect(off.qos.markByPurpose).toBe(false);
    expect(off.policies).toEqual({ tenantIsolation: false, management: { jumpHosts: ["10.0.0.1"] }, rules: [] });
    expect(normalize({ ...bare(), qos: null, policies: null } as any)).toMatchObject({ qos: undefined, policies: undefined });
  });

  it("every default of a full document, and every value written kept", () => {
    const n = normalize({
      ...bare(),
      vrfs: [{ name: "v", tenant: "city" }],
      sites: [
        { name: "dc1", role: "primary", stp: { mode: "mstp", region: "r", instances: [{ id: 1, vlans: [10] }] } },
        { name: "dc2", role: "dr", protects: "dc1", stp: { mode: "rstp", revision: 3 } },
      ],
      racks: [{ name: "r1", site: "dc1", height: 42 }],
      devices: [
        {
          name: "sw1", site: "dc1", role: "leaf", platform: "huawei-vrp", height: 2,
          management: { address: "127.0.0.1", port: 2201, user: "u", inband: { vlan: 99, address: "10.9.9.1/24" } },
          stp: { priority: 4096 }, bgp: { asn: 65001 },
          interfaces: [{ name: "10GE1/0/1", mode: "trunk", allowed: [10] }, { name: "10GE1/0/2", enabled: false }],
          lags: [{ name: "Eth-Trunk1", mode: "trunk", allowed: [10] }, { name: "Eth-Trunk2", mode: "access", vlan: 10, lacp: "static", mlag: true }],
          routes: [{ prefix: "0.0.0.0/0", nextHop: "10.0.0.1" }],
        },
        { name: "sw2", site: "dc2", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", user: "u" }, stp: { enabled: false }, bgp: { asn: 65002, networks: ["10.0.0.0/24"], neighbors: [{ address: "10.0.0.9", remoteAs: 1 }] } },
      ],
      vlans: [{ id: 10, name: "v", tenant: "city", purpose: "video", sites: ["dc1"], gateways: [{ device: "sw1", address: "10.0.10.1/24" }] }, { id: 11, name: "w", tenant: "city", purpose: "data" }],
      vlanGroups: [{ name: "g", sites: ["dc1"] }],
      links: [{ kind: "dci", a: { device: "sw1", interface: "p1" }, b: { device: "sw2", interface: "p1" } }, { kind: "wan", a: { device: "sw1", interface: "p2" }, b: { device: "sw2", interface: "p2" }, bgp: true }],
      mlag: [{ name: "p", devices: ["sw1", "sw2"], peerLink: "Eth-Trunk9" }, { name: "q", devices: ["sw1", "sw2"], peerLink: "Eth-Trunk8", domain: 7, keepalive: ["10.0.0.1", "10.0.0.2"] }],
      hosts: [{ name: "h", tenant: "city", address: "10.0.10.5/24", attach: { device: "sw1", interface: "p3" } }],
      services: [{ name: "s", tenant: "city", vlans: [10] }],
      dr: [{ site: "dc2", protects: "dc1" }, { site: "dc2", protects: "dc1", vlans: [10], services: ["s"] }],
      qos: { classes: [{ name: "voice", dscp: "ef" }], marking: [{ class: "voice", vlan: 10 }, { class: "voice", vlan: 11, ports: [5060] }] },
      policies: { rules: [{ name: "r", from: { any: true }, to: { vlan: 10 }, action: "allow" }, { name: "s", from: { any: true }, to: { vlan: 10 }, action: "deny", protocol: "tcp", ports: [22] }], management: { from: ["10.0.0.0/8"] } },
    }) as any;
    expect(n.sites).toEqual([
      { name: "dc1", role: "primary", stp: { mode: "mstp", region: "r", instances: [{ id: 1, vlans: [10] }], revision: 0 } },
      { name: "dc2", role: "dr", protects: "dc1", stp: { mode: "rstp", revision: 3, instances: [] } },
    ]);
    expect(n.devices).toEqual([
      {
        name: "sw1", site: "dc1", role: "leaf", platform: "huawei-vrp", height: 2,
        management: { address: "127.0.0.1", port: 2201, user: "u", inband: { vlan: 99, address: "10.9.9.1/24" } },
        stp: { priority: 4096, enabled: true }, bgp: { asn: 65001, networks: [], neighbors: [] },
        interfaces: [{ name: "10GE1/0/1", mode: "trunk", allowed: [10], enabled: true }, { name: "10GE1/0/2", enabled: false }],
        lags: [{ name: "Eth-Trunk1", mode: "trunk", allowed: [10], lacp: "active", mlag: false }, { name: "Eth-Trunk2", mode: "access", vlan: 10, lacp: "static", mlag: true }],
        routes: [{ prefix: "0.0.0.0/0", nextHop: "10.0.0.1" }],
      },
      { name: "sw2", site: "dc2", role: "leaf", platform: "ovs", management: { address: "127.0.0.1", user: "u", port: 22 }, stp: { enabled: false }, bgp: { asn: 65002, networks: ["10.0.0.0/24"], neighbors: [{ address: "10.0.0.9", remoteAs: 1 }] }, height: 1, interfaces: [], lags: [], routes: [] },
    ]);
    expect(n.vlans).toEqual([
      { id: 10, name: "v", tenant: "city", purpose: "video", sites: ["dc1"], gateways: [{ device: "sw1", address: "10.0.10.1/24" }] },
      { id: 11, name: "w", tenant: "city", purpose: "data", sites: [], gateways: [] },
    ]);
    expect(n.vlanGroups).toEqual([{ name: "g", sites: ["dc1"] }]);
    expect(n.links.map((l: any) => l.bgp)).toEqual([false, true]);
    expect(n.mlag).toEqual([
      { name: "p", devices: ["sw1", "sw2"], peerLink: "Eth-Trunk9", domain: 1 },
      { name: "q", devices: ["sw1", "sw2"], peerLink: "Eth-Trunk8", domain: 7, keepalive: ["10.0.0.1", "10.0.0.2"] },
    ]);
    expect(n.hosts).toEqual([{ name: "h", tenant: "city", address: "10.0.10.5/24", attach: { device: "sw1", interface: "p3" } }]);
    expect(n.services).toEqual([{ name: "s", tenant: "city", vlans: [10] }]);
    expect(n.dr).toEqual([
      { site: "dc2", protects: "dc1", vlans: [], services: [] },
      { site: "dc2", protects: "dc1", vlans: [10], services: ["s"] },
    ]);
    expect(n.qos).toEqual({ classes: [{ name: "voice", dscp: "ef" }], marking: [{ class: "voice", vlan: 10, ports: [] }, { class: "voice", vlan: 11, ports: [5060] }], markByPurpose: true });
    expect(n.policies).toEqual({
      tenantIsolation: true,
      management: { from: ["10.0.0.0/8"], jumpHosts: [] },
      rules: [
        { name: "r", from: { any: true }, to: { vlan: 10 }, action: "allow", protocol: "any", ports: [] },
        { name: "s", from: { any: true }, to: { vlan: 10 }, action: "deny", protocol: "tcp", ports: [22] },
      ],
    });
  });

  it("fresh objects: what YAML aliases share, the model does not", () => {
    const text = [
      "version: 1",
      "name: t",
      "tenants: [{ name: city }]",
      "sites: [{ name: dc1, role: primary, stp: { mode: mstp, region: r, instances: [{ id: 1, vlans: &v [10] }] } }]",
      "devices:",
      "  - { name: a, site: dc1, role: leaf, platform: ovs, management: &m { address: 127.0.0.1, user: u, inband: &ib { vlan: 10, address: 10.0.0.1/24 } }, bgp: &b { asn: 1, networks: *v, neighbors: [&n { address: 10.0.0.2, remoteAs: 2 }] }, stp: &s { priority: 0 }, interfaces: [&i { name: p1, mode: trunk, allowed: *v }], lags: [&l { name: bond0, mode: trunk, allowed: *v }], routes: [&r { prefix: 0.0.0.0/0, nextHop: 10.0.0.9 }] }",
      "  - { name: b, site: dc1, role: leaf, platform: ovs, management: *m, bgp: *b, stp: *s, interfaces: [*i], lags: [*l], routes: [*r] }",
      "vlans: [{ id: 10, name: v, tenant: city, purpose: video, sites: &st [dc1], gateways: [&g { device: a, address: 10.0.0.1/24 }] }, { id: 11, name: w, tenant: city, purpose: data, sites: *st, gateways: [*g] }]",
      "vlanGroups: [{ name: g1, sites: *st }, { name: g2, sites: *st }]",
      "links: [&k { kind: fabric, a: &ea { device: a, interface: p1 }, b: &eb { device: b, interface: p1 } }]",
      "mlag: [{ name: p, devices: &d [a, b], peerLink: bond0, keepalive: &ka [10.0.0.1, 10.0.0.2] }, { name: q, devices: *d, peerLink: bond1, keepalive: *ka }]",
      "hosts: [{ name: h1, tenant: city, address: 10.0.0.5/24, attach: &at { device: a, interface: p2 } }, { name: h2, tenant: city, address: 10.0.0.6/24, attach: *at }]",
      "services: [{ name: s1, tenant: city, vlans: *v }, { name: s2, tenant: city, vlans: *v }]",
      "dr: [{ site: dc1, protects: dc1, vlans: *v, services: &sv [s1] }, { site: dc1, protects: dc1, vlans: *v, services: *sv }]",
      "qos: { classes: [], marking: [{ class: c, vlan: 10, ports: &pt [1] }, { class: c, vlan: 11, ports: *pt }] }",
      "policies: { management: { jumpHosts: &j [10.0.0.1] }, rules: [{ name: r1, from: &f { any: true }, to: &t { vlan: 10 }, action: allow, ports: *pt }, { name: r2, from: *f, to: *t, action: deny, ports: *pt }] }",
      "",
    ].join("\n");
    const raw = yaml.load(text) as any;
    const n = normalize(raw) as any;
    const [a, b] = n.devices;
    const distinct = (x: unknown, y: unknown, what: string) => expect(x, what).not.toBe(y);
    distinct(a.management, b.management, "management");
    distinct(a.management.inband, b.management.inband, "inband");
    distinct(a.bgp, b.bgp, "bgp");
    distinct(a.bgp.networks, b.bgp.networks, "bgp networks");
    distinct(a.bgp.neighbors[0], b.bgp.neighbors[0], "bgp neighbor");
    distinct(a.stp, b.stp, "device stp");
    distinct(a.interfaces[0], b.interfaces[0], "interface");
    distinct(a.interfaces[0].allowed, b.interfaces[0].allowed, "interface allowed");
    distinct(a.lags[0], b.lags[0], "lag");
    distinct(a.lags[0].allowed, b.lags[0].allowed, "lag allowed");
    distinct(a.routes[0], b.routes[0], "route");
    distinct(a.interfaces[0].allowed, n.sites[0].stp.instances[0].vlans, "instance vlans");
    distinct(n.sites[0].stp.instances[0].vlans, raw.sites[0].stp.instances[0].vlans, "instance vlans of the document");
    distinct(n.vlans[0].sites, n.vlans[1].sites, "vlan sites");
    distinct(n.vlans[0].gateways[0], n.vlans[1].gateways[0], "gateway");
    distinct(n.vlanGroups[0].sites, n.vlanGroups[1].sites, "group sites");
    distinct(n.links[0].a, raw.links[0].a, "link end a");
    distinct(n.links[0].b, raw.links[0].b, "link end b");
    distinct(n.mlag[0].devices, n.mlag[1].devices, "mlag devices");
    distinct(n.mlag[0].keepalive, n.mlag[1].keepalive, "mlag keepalive");
    distinct(n.hosts[0].attach, n.hosts[1].attach, "host attach");
    distinct(n.services[0].vlans, n.services[1].vlans, "service vlans");
    distinct(n.dr[0].vlans, n.dr[1].vlans, "dr vlans");
    distinct(n.dr[0].services, n.dr[1].services, "dr services");
    distinct(n.qos.marking[0].ports, n.qos.marking[1].ports, "marking ports");
    distinct(n.policies.management.jumpHosts, raw.policies.management.jumpHosts, "jump hosts");
    distinct(n.policies.rules[0].from, n.policies.rules[1].from, "rule from");
    distinct(n.policies.rules[0].to, n.policies.rules[1].to, "rule to");
    distinct(n.policies.rules[0].ports, n.policies.rules[1].ports, "rule ports");
    // and nothing of the document changed
    expect(raw).toEqual(yaml.load(text));
  });
});

describe("a load's result", () => {
  it("a valid file: the inventory (also as `normalized`), its summary, no omitted count", () => {
    const r = validate(minimal());
    expect(r.inventory).toBeDefined();
    expect(r.normalized).toBe(r.inventory);
    expect(r.summary).toEqual({ sites: 2, racks: 1, devices: 2, interfaces: 4, lags: 0, vlans: 1, links: 1, hosts: 1, tenants: 2, vrfs: 0 });
    expect(r.file).toBe("test.yaml");
    expect("omitted" in r).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W_DR_SINGLE_PATH"]);
  });

  it("a semantic error: no inventory, but the normalized model and the summary", () => {
    const d = minimal();
    d.devices[0].interfaces[0].vlan = 11;
    const r = validate(d);
    expect(r.inventory).toBeUndefined();
    expect(r.normalized?.devices[0]?.height).toBe(1);
    expect(r.summary?.devices).toBe(2);
  });

  it("a schema error: neither, but the summary of what was written", () => {
    const d = minimal();
    d.devices[0].colour = "red";
    d.devices.push({ name: "x" });
    const r = validate(d);
    expect(r.inventory).toBeUndefined();
    expect(r.normalized).toBeUndefined();
    expect(r.summary).toEqual({ sites: 2, racks: 1, devices: 3, interfaces: 4, lags: 0, vlans: 1, links: 1, hosts: 1, tenants: 2, vrfs: 0 });
  });

  it("a file that does not parse has no summary", () => {
    expect(parseInventory("a: [", "x.yaml")).toEqual({ file: "x.yaml", diagnostics: [expect.objectContaining({ code: "E_YAML_SYNTAX" })] });
    expect(parseInventory(Buffer.from([0xff]), "x.yaml")).toEqual({ file: "x.yaml", diagnostics: [expect.objectContaining({ code: "E_FILE_ENCODING" })] });
  });

  it("summaries count what is there and tolerate what is malformed", () => {
    expect(summarize({ devices: "x", sites: {}, vlans: 3 } as any)).toEqual({ sites: 0, racks: 0, devices: 0, interfaces: 0, lags: 0, vlans: 0, links: 0, hosts: 0, tenants: 0, vrfs: 0 });
    expect(summarize({ devices: [null, 5, { interfaces: [1, 2], lags: [1] }, { interfaces: "x" }], racks: [1], links: [1, 2], hosts: [1, 2, 3], tenants: [1], vrfs: [1, 2] } as any)).toEqual({
      sites: 0, racks: 1, devices: 4, interfaces: 2, lags: 1, vlans: 0, links: 2, hosts: 3, tenants: 1, vrfs: 2,
    });
  });

  it("text and schema problems are reported together, in file order, the key itself for an unknown key", () => {
    const d = minimal();
    d.devices[1].colour = "red";
    d.devices[0].interfaces[0].description = "a\u202eb";
    const r = validate(d);
    // helpers.ts writes the document in js-yaml's block style: the description's value on line 31, sw2's colour key on line 52
    expect(r.diagnostics.map((x) => `${x.line}:${x.column} ${x.code} ${x.path}`)).toEqual(["31:22 E_TEXT_CONTROL /devices/0/interfaces/0/description", "52:5 E_SCHEMA_UNKNOWN_KEY /devices/1/colour"]);
  });

  it(`at most MAX_DIAGNOSTICS (${MAX_DIAGNOSTICS}) kept, schema and semantic alike; the rest counted`, () => {
    const schema = minimal();
    for (let i = 0; i < MAX_DIAGNOSTICS + 5; i++) schema.hosts.push({ name: `h${i}`, tenant: "city", address: "10.0.10.11/24", attach: { device: "sw1", interface: "p1" }, colour: "red" });
    const s = validate(schema);
    expect(s.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(s.omitted).toEqual({ errors: 5, warnings: 0 });
    const semantic = minimal();
    semantic.devices[0].interfaces = Array.from({ length: MAX_DIAGNOSTICS + 3 }, (_, i) => ({ name: `q${i}`, mode: "access", vlan: 11 }));
    const m = validate(semantic);
    expect(m.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(m.omitted?.errors).toBeGreaterThan(0);
    expect(m.inventory).toBeUndefined();
  });
});
