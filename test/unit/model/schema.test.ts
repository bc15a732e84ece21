/** The JSON Schema: strict draft 2020-12, documented, and in step with types.ts and capabilities. */
import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { PLATFORM_NAMES } from "../../../model/capabilities";
import { ROOT } from "./helpers";

const schema = JSON.parse(readFileSync(join(ROOT, "inventory", "schema", "inventory.schema.json"), "utf8"));

/** Every schema object that has `properties`, with its location. */
function objects(node: any, where: string, out: { where: string; node: any }[] = []): { where: string; node: any }[] {
  if (node === null || typeof node !== "object") return out;
  if (node.properties) out.push({ where, node });
  for (const [k, v] of Object.entries(node)) objects(v, `${where}/${k}`, out);
  return out;
}

describe("inventory.schema.json", () => {
  it("compiles with Ajv2020 in strict mode", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("documents every property and closes every object", () => {
    const missing: string[] = [];
    for (const { where, node } of objects(schema, "#")) {
      if (node.additionalProperties !== false) missing.push(`${where}: additionalProperties`);
      for (const [k, v] of Object.entries<any>(node.properties)) if (!v.description) missing.push(`${where}/${k}: description`);
    }
    expect(missing).toEqual([]);
  });

  it("lists the platforms of model/capabilities.ts", () => {
    expect([...schema.$defs.device.properties.platform.enum].sort()).toEqual([...PLATFORM_NAMES].sort());
  });

  it("uses the camelCase keys of model/types.ts", () => {
    const types = readFileSync(join(ROOT, "model", "types.ts"), "utf8");
    const fields = new Set([...types.matchAll(/readonly (\w+)\??:/g)].map((m) => m[1]));
    for (const { node } of objects(schema, "#")) for (const k of Object.keys(node.properties)) expect(fields, k).toContain(k);
  });

  it("samples point editors at the schema", () => {
    for (const f of ["kragujevac.yaml", "lab.yaml"]) {
      expect(readFileSync(join(ROOT, "inventory", f), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./schema/inventory.schema.json");
    }
  });
});

describe("validator.generated.ts", () => {
  it("is the compilation of the current schema (regenerate: node dist/model/schema/build.js)", async () => {
    const { generateValidatorSource } = await import("../../../model/schema/build");
    const committed = readFileSync(join(ROOT, "model", "schema", "validator.generated.ts"), "utf8");
    expect(generateValidatorSource(schema) === committed).toBe(true);
  });
});
