/**
 * Read-back proof: every config object of the inventory is read from its device over SSH (the object's
 * own readBack command) and parsed by its platform; the facts found must equal the object's fields.
 * Also used to prove that a device holds none of a set of objects (after destroy or a removal).
 */
import * as fs from "fs";
import type { ConfigObject } from "../platforms/types";
import { platformOf } from "../platforms/registry";
import { compareDevice } from "../audit/drift";
import { openSession } from "../transport/index";
import type { LabInfo } from "./index";
import { canonicalJson } from "../util/canonical";

export interface DeviceReadBack {
  readonly device: string;
  readonly objects: number;
  /** Objects found with the expected facts. */
  readonly matching: number;
  /** "port:p5: missing" / "vlan:120: vlan 120 != 130" / "session: ..." */
  readonly problems: readonly string[];
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
  expect: "present" | "absent" = "present",
): Promise<DeviceReadBack[]> {
  const key = fs.readFileSync(info.keyFile, "utf8");
  const results: DeviceReadBack[] = [];
  await Promise.all(
    [...objects.entries()].map(async ([device, objs]) => {
      const target = targetFor(info, device, key);
      if (!target || objs.length === 0) return;
      const platform = platformOf(target.platform);
      const problems: string[] = [];
      let matching = 0;
      try {
        const session = await openSession(target);
        try {
          const outputs = await session.show(objs.map((o) => o.readBack));
          if (expect === "absent") {
            objs.forEach((o, i) => {
              if (platform.parseReadBack(o, outputs[i] ?? "").present) problems.push(`${o.key}: still present`);
              else matching++;
            });
          } else {
            // the same comparison as `citydc drift`
            const drift = compareDevice(platform, objs, outputs);
            for (const d of drift) {
              if (d.status === "missing") problems.push(`${d.key}: missing`);
              else problems.push(`${d.key}: ${d.fields.map((f) => `${f.field} ${canonicalJson(f.found)} != ${canonicalJson(f.intended)}`).join("; ")}`);
            }
            matching = objs.length - drift.length;
          }
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
