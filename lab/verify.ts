/**
 * Read-back proof: every config object of the inventory is read from its device over SSH (the object's
 * own readBack command) and parsed by its platform; the facts found must equal the object's fields.
 * Also used to prove that a device holds none of a set of objects (after destroy or a removal).
 */
import * as fs from "fs";
import type { ConfigObject, Platform } from "../platforms/types";
import { openSession } from "../transport/index";
import type { LabInfo } from "./index";

export interface DeviceReadBack {
  readonly device: string;
  readonly objects: number;
  /** Objects found with the expected facts. */
  readonly matching: number;
  /** "port:p5: missing" / "vlan:120: vlan 120 != 130" / "session: ..." */
  readonly problems: readonly string[];
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    return `{${Object.keys(v as object).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

function differences(want: ConfigObject["fields"], got: ConfigObject["fields"] | undefined): string[] {
  if (!got) return [];
  const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
  return [...keys].filter((k) => canonical(want[k]) !== canonical(got[k])).map((k) => `${k} ${canonical(got[k])} != ${canonical(want[k])}`);
}

function targetFor(info: LabInfo, device: string, privateKey: string) {
  const d = info.devices.find((x) => x.name === device);
  if (!d) return undefined;
  return {
    device, platform: (d.kind === "switch" ? "ovs" : "frr") as "ovs" | "frr", host: d.host, port: d.port, user: d.user,
    hostKey: d.hostKey, privateKey, timeoutMs: 15_000,
  };
}

/**
 * Reads back the objects of every lab device. `expect: "present"` wants each object with its fields;
 * `expect: "absent"` wants none of them on the device.
 */
export async function readBackAll(
  info: LabInfo,
  objects: ReadonlyMap<string, readonly ConfigObject[]>,
  platforms: Readonly<Record<string, Platform>>,
  expect: "present" | "absent" = "present",
): Promise<DeviceReadBack[]> {
  const key = fs.readFileSync(info.keyFile, "utf8");
  const results: DeviceReadBack[] = [];
  await Promise.all(
    [...objects.entries()].map(async ([device, objs]) => {
      const target = targetFor(info, device, key);
      if (!target || objs.length === 0) return;
      const platform = platforms[target.platform]!;
      const problems: string[] = [];
      let matching = 0;
      try {
        const session = await openSession(target);
        try {
          const outputs = await session.show(objs.map((o) => o.readBack));
          objs.forEach((o, i) => {
            const r = platform.parseReadBack(o, outputs[i] ?? "");
            if (expect === "absent") {
              if (r.present) problems.push(`${o.key}: still present`);
              else matching++;
              return;
            }
            if (!r.present) return problems.push(`${o.key}: missing`);
            const diff = differences(o.fields, r.fields);
            if (diff.length) problems.push(`${o.key}: ${diff.join("; ")}`);
            else matching++;
          });
        } finally {
          await session.close();
        }
      } catch (err) {
        problems.push(`session: ${err instanceof Error ? err.message : String(err)}`);
      }
      results.push({ device, objects: objs.length, matching, problems });
    }),
  );
  return results.sort((a, b) => (a.device < b.device ? -1 : 1));
}
