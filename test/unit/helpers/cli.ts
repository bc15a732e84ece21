import { vi } from "vitest";
import { CliError } from "../../../util/errors";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs one `citydc` subcommand in process, capturing stdout and stderr; a CliError becomes its exit
 * code and message as cli/main.ts maps it.
 */
export async function runCommand(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array, cb?: unknown) => {
    out.push(String(s));
    if (typeof cb === "function") cb();
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    err.push(String(s));
    return true;
  });
  try {
    let code: number;
    try {
      code = await command(argv);
    } catch (x) {
      if (!(x instanceof CliError)) throw x;
      err.push(x.message);
      code = x.exitCode;
    }
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
