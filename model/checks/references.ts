/**
 * references: every name or ID that points at another object must resolve. Near misses get a
 * "did you mean". Codes: E_REF_UNKNOWN (nothing with that name/ID), E_RACK_SITE (a device's rack
 * stands at another site), E_VRF_TENANT (a VLAN in a VRF of another tenant), E_SERVICE_TENANT (a
 * service on a VLAN of another tenant).
 */
import type { Check, CheckContext } from "./context";

function ref(ctx: CheckContext, value: string | undefined, known: Map<string, unknown> | Set<string>, path: string, what: string, section: string): void {
  if (value === undefined || known.has(value)) return;
  ctx.error("E_REF_UNKNOWN", path, `unknown ${what} '${value}'${ctx.suggest(value, known.keys())}`, `use the name of a ${what} defined under ${section}, or define '${value}' there`);
}

function vlanRef(ctx: CheckContext, id: number | undefined, path: string): void {
  if (id === undefined || ctx.vlans.has(id)) return;
  ctx.error("E_REF_UNKNOWN", path, `unknown VLAN ${id}`, `define VLAN ${id} under vlans: (id, name, tenant, purpose, sites), or use an existing VLAN ID`);
}

export const references: Check = (ctx) => {
  const inv = ctx.inv;
  inv.vrfs.forEach((v, i) => ref(ctx, v.tenant, ctx.tenants, `/vrfs/${i}/tenant`, "tenant", "tenants:"));
  inv.sites.forEach((s, i) => {
    ref(ctx, s.protects, ctx.sites, `/sites/${i}/protects`, "site", "sites:");
    ref(ctx, s.tenant, ctx.tenants, `/sites/${i}/tenant`, "tenant", "tenants:");
  });
  inv.racks.forEach((r, i) => ref(ctx, r.site, ctx.sites, `/racks/${i}/site`, "site", "sites:"));
  inv.devices.forEach((d, di) => {
    const base = `/devices/${di}`;
    ref(ctx, d.site, ctx.sites, `${base}/site`, "site", "sites:");
    ref(ctx, d.rack, ctx.racks, `${base}/rack`, "rack", "racks:");
    if (d.rack !== undefined) {
      const ri = ctx.racks.get(d.rack);
      const rack = ri === undefined ? undefined : inv.racks[ri];
      if (rack && rack.site !== d.site) {
        ctx.error("E_RACK_SITE", `${base}/rack`, `rack ${rack.name} stands at site ${rack.site}, but device ${d.name} is at site ${d.site}`, `move the device to a rack at ${d.site}, or correct the device's site`);
      }
    }
    vlanRef(ctx, d.management.vlan, `${base}/management/vlan`);
    const lags = new Set(d.lags.map((l) => l.name));
    d.interfaces.forEach((x, i) => {
      // Fast path: most interfaces reference only known VLANs and nothing else.
      if (x.lag === undefined && x.vrf === undefined && (x.vlan === undefined || ctx.vlans.has(x.vlan)) && (x.native === undefined || ctx.vlans.has(x.native)) && !Array.isArray(x.allowed)) return;
      const p = `${base}/interfaces/${i}`;
      if (x.lag !== undefined && !lags.has(x.lag)) {
        ctx.error("E_REF_UNKNOWN", `${p}/lag`, `unknown LAG '${x.lag}' on device ${d.name}${ctx.suggest(x.lag, lags)}`, `add the LAG under devices[${d.name}].lags, or correct the name`);
      }
      ref(ctx, x.vrf, ctx.vrfs, `${p}/vrf`, "vrf", "vrfs:");
      vlanRef(ctx, x.vlan, `${p}/vlan`);
      vlanRef(ctx, x.native, `${p}/native`);
      if (Array.isArray(x.allowed)) x.allowed.forEach((v, k) => vlanRef(ctx, v, `${p}/allowed/${k}`));
    });
    d.lags.forEach((x, i) => {
      const p = `${base}/lags/${i}`;
      ref(ctx, x.vrf, ctx.vrfs, `${p}/vrf`, "vrf", "vrfs:");
      vlanRef(ctx, x.vlan, `${p}/vlan`);
      vlanRef(ctx, x.native, `${p}/native`);
      if (Array.isArray(x.allowed)) x.allowed.forEach((v, k) => vlanRef(ctx, v, `${p}/allowed/${k}`));
    });
    d.routes.forEach((r, i) => ref(ctx, r.vrf, ctx.vrfs, `${base}/routes/${i}/vrf`, "vrf", "vrfs:"));
  });
  inv.vlans.forEach((v, i) => {
    ref(ctx, v.tenant, ctx.tenants, `/vlans/${i}/tenant`, "tenant", "tenants:");
    ref(ctx, v.vrf, ctx.vrfs, `/vlans/${i}/vrf`, "vrf", "vrfs:");
    const vrf = v.vrf === undefined ? undefined : inv.vrfs[ctx.vrfs.get(v.vrf) ?? -1];
    if (vrf && vrf.tenant !== v.tenant && ctx.tenants.has(vrf.tenant) && ctx.tenants.has(v.tenant)) {
      ctx.error("E_VRF_TENANT", `/vlans/${i}/vrf`, `VLAN ${v.id} belongs to tenant ${v.tenant}, but VRF ${vrf.name} belongs to tenant ${vrf.tenant}`, `put VLAN ${v.id} in a VRF of tenant ${v.tenant} (or the global table), or correct the VLAN's tenant`);
    }
    v.sites.forEach((s, k) => ref(ctx, s, ctx.sites, `/vlans/${i}/sites/${k}`, "site", "sites:"));
    v.gateways.forEach((g, k) => ref(ctx, g.device, ctx.devices, `/vlans/${i}/gateways/${k}/device`, "device", "devices:"));
  });
  const end = (device: string, port: string, path: string) => {
    const d = ctx.devices.get(device);
    if (!d) {
      ref(ctx, device, ctx.devices, `${path}/device`, "device", "devices:");
      return;
    }
    if (ctx.port(device, port)) return;
    const names = [...d.interfaces.keys(), ...d.lags.keys()];
    ctx.error("E_REF_UNKNOWN", `${path}/interface`, `device ${device} has no interface or LAG '${port}'${ctx.suggest(port, names)}`, `add '${port}' to devices[${device}].interfaces (or lags), or correct the name`);
  };
  inv.links.forEach((l, i) => {
    end(l.a.device, l.a.interface, `/links/${i}/a`);
    end(l.b.device, l.b.interface, `/links/${i}/b`);
  });
  inv.hosts.forEach((h, i) => {
    ref(ctx, h.tenant, ctx.tenants, `/hosts/${i}/tenant`, "tenant", "tenants:");
    end(h.attach.device, h.attach.interface, `/hosts/${i}/attach`);
  });
  inv.services.forEach((s, i) => {
    ref(ctx, s.tenant, ctx.tenants, `/services/${i}/tenant`, "tenant", "tenants:");
    s.vlans.forEach((v, k) => {
      vlanRef(ctx, v, `/services/${i}/vlans/${k}`);
      const vlan = inv.vlans[ctx.vlans.get(v) ?? -1];
      if (vlan && vlan.tenant !== s.tenant && ctx.tenants.has(vlan.tenant) && ctx.tenants.has(s.tenant)) {
        ctx.error("E_SERVICE_TENANT", `/services/${i}/vlans/${k}`, `service ${s.name} (tenant ${s.tenant}) uses VLAN ${v}, which belongs to tenant ${vlan.tenant}`, `use a VLAN of tenant ${s.tenant} for service ${s.name}, or correct the service's tenant`);
      }
    });
  });
  inv.dr.forEach((r, i) => {
    ref(ctx, r.site, ctx.sites, `/dr/${i}/site`, "site", "sites:");
    ref(ctx, r.protects, ctx.sites, `/dr/${i}/protects`, "site", "sites:");
    r.vlans.forEach((v, k) => vlanRef(ctx, v, `/dr/${i}/vlans/${k}`));
    r.services.forEach((s, k) => ref(ctx, s, ctx.services, `/dr/${i}/services/${k}`, "service", "services:"));
  });
};
