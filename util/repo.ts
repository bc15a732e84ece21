/**
 * Where the citydc checkout is: the nearest directory that holds both Pulumi.yaml and package.json.
 * Relative paths in stack config, the default lab inventory and the state folders hang off it.
 */
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./errors";

/** The checkout above `from` (default: the one this file belongs to). Throws an exit-2 error when there is none. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new CliError(`cannot find the citydc repo (Pulumi.yaml) above ${from}`, 2);
    dir = up;
  }
}

/** The checkout the user stands in, else the one this code belongs to. */
export function currentRepoRoot(cwd: string = process.cwd()): string {
  try {
    return repoRoot(cwd);
  } catch {
    return repoRoot();
  }
}
