/**
 * racks: devices occupy rack units [position, position + height - 1]; two devices may not share a
 * unit and a device may not stick out of the top of its rack. Codes: E_RACK_OVERLAP,
 * E_RACK_OVERFLOW, E_RACK_POSITION (a position without a rack); W_RACK_POSITION (racked device
 * without a position: it cannot be drawn or checked). Sorting per rack keeps it O(n log n).
 */
import type { Check } from "./context";

export const racks: Check = (ctx) => {
  const inv = ctx.inv;
  const byRack = new Map<string, { di: number; bottom: number; top: number }[]>();
  inv.devices.forEach((d, di) => {
    if (d.rack === undefined) {
      if (d.position !== undefined) {
        ctx.error("E_RACK_POSITION", `/devices/${di}/position`, `device ${d.name} has a rack position but no rack`, "add `rack:` with the rack's name, or remove `position:`");
      }
      return;
    }
    if (d.position === undefined) {
      ctx.warn("W_RACK_POSITION", `/devices/${di}/rack`, `device ${d.name} is in rack ${d.rack} but has no position`, "add `position:` (the lowest rack unit it occupies) so overlaps can be checked");
      return;
    }
    const ri = ctx.racks.get(d.rack);
    if (ri === undefined) return; // unknown rack: references check
    const rack = inv.racks[ri]!;
    const top = d.position + d.height - 1;
    if (top > rack.height) {
      ctx.error("E_RACK_OVERFLOW", `/devices/${di}/position`, `device ${d.name} occupies U${d.position}-U${top}, above the top of rack ${rack.name} (${rack.height}U)`, `use a position at most ${rack.height - d.height + 1}, or correct the rack height`);
    }
    const list = byRack.get(d.rack);
    const slot = { di, bottom: d.position, top };
    if (list) list.push(slot);
    else byRack.set(d.rack, [slot]);
  });
  for (const [rack, slots] of byRack) {
    slots.sort((x, y) => x.bottom - y.bottom || x.di - y.di);
    let highest = slots[0]!;
    for (let k = 1; k < slots.length; k++) {
      const s = slots[k]!;
      if (s.bottom <= highest.top) {
        const a = inv.devices[highest.di]!;
        const b = inv.devices[s.di]!;
        ctx.error("E_RACK_OVERLAP", `/devices/${s.di}/position`, `device ${b.name} (U${s.bottom}-U${s.top}) overlaps device ${a.name} (U${highest.bottom}-U${highest.top}) in rack ${rack}`, `move ${b.name} to rack units that ${a.name} (U${highest.bottom}-U${highest.top}) does not use`);
      }
      if (s.top > highest.top) highest = s;
    }
  }
};
