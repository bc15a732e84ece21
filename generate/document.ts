/**
 * Turns an Inventory (defaults applied) back into the document an engineer would write: fields equal
 * to their documented default are left out (interface enabled: true, device height 1, SSH port 22,
 * link bgp: false, empty lists), then YAML text with a schema comment for editors.
 */
import { dump } from "js-yaml";
import type { Inventory } from "../model/types";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function strip(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => strip(v) ?? null);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      const s = strip(v);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return value as Json;
}

/** The inventory as a plain document with defaults left out. */
export function toDocument(inv: Inventory): Record<string, Json> {
  const doc = strip(inv) as Record<string, Json>;
  for (const d of doc.devices as Record<string, Json>[]) {
    if (d.height === 1) delete d.height;
    const mgmt = d.management as Record<string, Json>;
    if (mgmt.port === 22) delete mgmt.port;
    for (const key of ["lags", "routes"]) if (Array.isArray(d[key]) && (d[key] as Json[]).length === 0) delete d[key];
    for (const i of d.interfaces as Record<string, Json>[]) if (i.enabled === true) delete i.enabled;
    const bgp = d.bgp as Record<string, Json> | undefined;
    if (bgp) for (const key of ["networks", "neighbors"]) if ((bgp[key] as Json[]).length === 0) delete bgp[key];
  }
  for (const v of doc.vlans as Record<string, Json>[]) if ((v.gateways as Json[]).length === 0) delete v.gateways;
  for (const l of doc.links as Record<string, Json>[]) if (l.bgp === false) delete l.bgp;
  for (const p of doc.dr as Record<string, Json>[]) for (const key of ["vlans", "services"]) if ((p[key] as Json[]).length === 0) delete p[key];
  for (const key of ["vrfs", "hosts", "services", "dr"]) if ((doc[key] as Json[]).length === 0) delete doc[key];
  return doc;
}

export interface YamlOptions {
  /** Header comment lines (without "# "). */
  readonly header?: readonly string[];
  /** Path of the JSON Schema for the yaml-language-server comment. */
  readonly schema?: string;
}

export function inventoryToYaml(inv: Inventory, options: YamlOptions = {}): string {
  const head: string[] = [];
  if (options.schema) head.push(`# yaml-language-server: $schema=${options.schema}`);
  for (const line of options.header ?? []) head.push(`# ${line}`);
  const body = dump(toDocument(inv), { lineWidth: -1, noRefs: true, flowLevel: 5 });
  return (head.length ? head.join("\n") + "\n" : "") + body;
}
