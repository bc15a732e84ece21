/**
 * Properties of rendering with hostile free text: whatever text ends up in a description (interfaces,
 * LAGs, BGP neighbours, links, VLANs), no platform's rendered lines break its syntax (the per-platform
 * checker of test/unit/platforms/oracle.ts), even when validation is bypassed; and text that validation
 * accepts reaches the device as the platform's rule says, not mangled further.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInventory } from "../../../model/load";
import type { Inventory, PlatformName } from "../../../model/types";
import { renderInventory } from "../../../pipeline/index";
import { findPlatform } from "../../../platforms/registry";
import { deviceText } from "../../../platforms/util";
import { firstForbidden } from "../../../model/text";
import { fabric } from "../platforms/fabric";
import { descriptionOf, syntaxProblems } from "../platforms/oracle";
import { hostileText, params, VALID_TEXTS } from "./arbitraries";

const PLATFORMS = ["huawei-vrp", "cisco-nxos", "arista-eos", "junos"] as const;

/** Bases to put text into: the vendor fabric of each platform, and the valid sample inventories (ovs, frr, VRP, Junos, NX-OS, EOS). */
const BASES: (() => Inventory)[] = [
  ...PLATFORMS.map((p) => () => fabric(p)),
  ...VALID_TEXTS.map((t) => () => parseInventory(t.text, t.name).inventory!),
];

/** `inv` with `texts` (used round-robin) in every description the model has. */
function withText(inv: Inventory, texts: readonly string[]): Inventory {
  let k = 0;
  const next = () => texts[k++ % texts.length]!;
  const copy = structuredClone(inv) as any;
  for (const d of copy.devices) {
    d.interfaces = d.interfaces.map((i: any) => ({ ...i, description: next() }));
    d.lags = d.lags.map((l: any) => ({ ...l, description: next() }));
    if (d.bgp) d.bgp = { ...d.bgp, neighbors: [...d.bgp.neighbors.map((n: any) => ({ ...n, description: next() })), { address: "192.0.2.254", remoteAs: 64999, description: next() }] };
  }
  for (const l of copy.links) l.description = next();
  for (const v of copy.vlans) v.description = next();
  return copy;
}

function checkRendered(inv: Inventory): void {
  for (const d of renderInventory(inv)) {
    const lines = d.objects.flatMap((o) => [...o.apply, ...o.remove]);
    expect(syntaxProblems(d.platform, lines), d.device).toEqual([]);
    const script = findPlatform(d.platform)!.wrap(d.objects.flatMap((o) => o.apply));
    expect(syntaxProblems(d.platform, script, "script"), d.device).toEqual([]);
    for (const line of d.config.split("\n")) expect(syntaxProblems(d.platform, [line]), `${d.device}: ${line}`).toEqual([]);
  }
}

describe("rendering properties", () => {
  it("hostile text in every description breaks no platform's syntax (validation bypassed)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(hostileText, { minLength: 1, maxLength: 6 }), (which, texts) => {
        checkRendered(withText(BASES[which % BASES.length]!(), texts));
      }),
      params(120),
    );
  });

  it("text validation accepts reaches the device as the platform's rule writes it", () => {
    const accepted = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => firstForbidden(s) === undefined);
    fc.assert(
      fc.property(fc.constantFrom<PlatformName>(...PLATFORMS), accepted, (platform, text) => {
        const inv = withText(fabric(platform), [text]);
        for (const d of renderInventory(inv)) {
          if (d.platform !== platform) continue;
          const line = d.objects.flatMap((o) => o.apply).find((l) => /^\s*(?:set interfaces \S+ )?description /.test(l));
          const want = deviceText(platform, text);
          if (want === "" || want === '""') expect(line === undefined || descriptionOf(platform, line) === "").toBe(true);
          else {
            expect(line, d.device).toBeDefined();
            const shown = descriptionOf(platform, line!);
            expect(shown).toBe(platform === "junos" ? deviceText("junos", text).replace(/^"(.*)"$/s, "$1").replace(/\\(.)/g, "$1") : want);
          }
        }
      }),
      params(150),
    );
  });
});
