import { readFileSync } from "fs";
import { join } from "path";
import * as yaml from "js-yaml";
import { parseInventory, type LoadResult } from "../../../model/load";

export const ROOT = join(__dirname, "..", "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures");

/** The minimal valid inventory as plain data, fresh for each call. */
export function minimal(): any {
  return yaml.load(readFileSync(join(FIXTURES, "valid", "minimal.yaml"), "utf8"));
}

/** Validates a document given as data. */
export function validate(doc: unknown): LoadResult {
  return parseInventory(yaml.dump(doc, { lineWidth: -1 }), "test.yaml");
}

export function codes(r: LoadResult): string[] {
  return r.diagnostics.map((d) => d.code).sort();
}
