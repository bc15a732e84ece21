/**
 * A rack elevation as SVG: the rack's units numbered from the bottom (U1) to the top, each device drawn over
 * the units it fills with its name, role and model, the empty units left open and counted. A rack is a
 * column of units, so its drawing is a grid by definition (no layout engine needed). Pure and
 * deterministic: the same rack gives the same bytes.
 */
import type { Device, Inventory, Rack } from "../model/types";
import { naturalCompare } from "../util/natural";
import { ROLE_FILL } from "./dot";

const U = 20;
const LEFT = 44;
const WIDTH = 300;
const TOP = 64;

export function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export interface RackContent {
  readonly rack: Rack;
  /** Devices placed in the rack (with a position), bottom to top. */
  readonly placed: readonly Device[];
  /** Devices of the rack without a position (listed under the drawing). */
  readonly unplaced: readonly Device[];
  /** Units no device fills, bottom to top. */
  readonly free: readonly number[];
}

export function rackContent(inv: Inventory, rack: Rack): RackContent {
  const inRack = inv.devices.filter((d) => d.rack === rack.name);
  const placed = inRack.filter((d) => d.position !== undefined).sort((a, b) => a.position! - b.position! || naturalCompare(a.name, b.name));
  const unplaced = inRack.filter((d) => d.position === undefined).sort((a, b) => naturalCompare(a.name, b.name));
  const used = new Set<number>();
  for (const d of placed) for (let u = d.position!; u < d.position! + d.height; u++) used.add(u);
  const free: number[] = [];
  for (let u = 1; u <= rack.height; u++) if (!used.has(u)) free.push(u);
  return { rack, placed, unplaced, free };
}

/** "1-36, 39" for a list of units. */
export function unitRanges(units: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j]! + 1) j++;
    parts.push(i === j ? `${units[i]}` : `${units[i]}-${units[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

export function rackSvg(inv: Inventory, rack: Rack): string {
  const c = rackContent(inv, rack);
  const h = rack.height;
  const height = TOP + h * U + 40 + c.unplaced.length * 16;
  const width = Math.max(LEFT + WIDTH + 20, LEFT + 20 + Math.ceil((rack.description?.length ?? 0) * 6.2));
  const y = (unit: number): number => TOP + (h - unit) * U; // top edge of a unit
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, sans-serif" role="img" aria-label="${xml(`rack ${rack.name}`)}">`);
  out.push(`<title>${xml(`rack ${rack.name} (${rack.site}), ${h} U`)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${LEFT}" y="22" font-size="15" font-weight="bold">${xml(rack.name)}</text>`);
  out.push(`<text x="${LEFT}" y="36" font-size="11" fill="#495057">${xml(`${rack.site}, ${h} U, ${c.free.length} U free`)}</text>`);
  if (rack.description) out.push(`<text x="${LEFT}" y="50" font-size="10" fill="#495057">${xml(rack.description)}</text>`);
  out.push(`<rect x="${LEFT - 4}" y="${TOP - 4}" width="${WIDTH + 8}" height="${h * U + 8}" fill="#343a40" rx="3"/>`);
  for (let u = h; u >= 1; u--) {
    out.push(`<text x="${LEFT - 10}" y="${y(u) + U / 2 + 4}" font-size="10" text-anchor="end" fill="#495057">${u}</text>`);
  }
  const free = new Set(c.free);
  for (let u = h; u >= 1; u--) {
    if (!free.has(u)) continue;
    out.push(`<rect class="empty" data-unit="${u}" x="${LEFT}" y="${y(u) + 1}" width="${WIDTH}" height="${U - 2}" fill="#f8f9fa" stroke="#dee2e6"/>`);
  }
  for (const d of c.placed) {
    const top = y(d.position! + d.height - 1);
    const hh = d.height * U;
    const fill = ROLE_FILL[d.role];
    out.push(`<g class="device" data-device="${xml(d.name)}">`);
    out.push(`<rect x="${LEFT}" y="${top + 1}" width="${WIDTH}" height="${hh - 2}" fill="${fill}" stroke="#212529" rx="2"/>`);
    const units = d.height > 1 ? `U${d.position}-${d.position! + d.height - 1}` : `U${d.position}`;
    if (d.height > 1) {
      out.push(`<text x="${LEFT + 8}" y="${top + hh / 2 - 2}" font-size="12" font-weight="bold">${xml(d.name)}</text>`);
      out.push(`<text x="${LEFT + 8}" y="${top + hh / 2 + 12}" font-size="10" fill="#343a40">${xml(`${d.role} · ${d.platform}${d.model ? ` · ${d.model}` : ""}`)}</text>`);
    } else {
      out.push(`<text x="${LEFT + 8}" y="${top + U / 2 + 4}" font-size="11" font-weight="bold">${xml(d.name)}</text>`);
      out.push(`<text x="${LEFT + 150}" y="${top + U / 2 + 4}" font-size="9" fill="#343a40">${xml(`${d.role} · ${d.model ?? d.platform}`)}</text>`);
    }
    out.push(`<text x="${LEFT + WIDTH - 6}" y="${top + 12}" font-size="8" text-anchor="end" fill="#495057">${units}</text>`);
    out.push(`</g>`);
  }
  let ty = TOP + h * U + 24;
  out.push(`<text x="${LEFT}" y="${ty}" font-size="10" fill="#495057">${xml(c.free.length ? `empty units: ${unitRanges(c.free)}` : "no empty unit")}</text>`);
  for (const d of c.unplaced) {
    ty += 16;
    out.push(`<text x="${LEFT}" y="${ty}" font-size="10" fill="#c92a2a">${xml(`in the rack without a position: ${d.name} (${d.role})`)}</text>`);
  }
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
