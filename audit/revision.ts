/**
 * Reads one side of a diff: a file path, or `<git-revision>:<path>` read with `git cat-file` from the
 * repository that contains the current directory. A path that exists as a file always wins, so a file
 * whose name contains a colon is still read as a file. Paths after the colon are relative to the
 * repository root (as `git show` reads them); "./x" is relative to the current directory. Both kinds
 * pass the checks `validate` applies (model/read.ts for files, the same size cap for blobs, strict
 * UTF-8 in `parseInventory`).
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { MAX_INVENTORY_BYTES } from "../model/parse";
import { readInventoryFile, tooLarge } from "../model/read";
import type { Diagnostic } from "../model/types";
import { CliError } from "../util/errors";

export interface SourceText {
  readonly source: string;
  /** Name used in diagnostics: the path, or "<rev>:<path>". */
  readonly file: string;
  /**
   * The raw bytes (read with the loader's own bounded reader, or from git within the same cap), for
   * `parseInventory`, which decodes them as strictly as `validate` does. Absent when `diagnostics` says why.
   */
  readonly bytes?: Buffer;
  /** File-level problems found while reading (E_FILE_TOO_LARGE); I/O problems throw instead. */
  readonly diagnostics: Diagnostic[];
  /** Full commit id when read from git. */
  readonly commit?: string;
}

function git(args: string[], cwd: string): { ok: boolean; stdout: string; stderr: string } {
  const r = gitBytes(args, cwd, 1 << 20);
  return { ok: r.ok, stdout: r.stdout.toString("utf8"), stderr: r.stderr };
}

function gitBytes(args: string[], cwd: string, maxBuffer: number): { ok: boolean; stdout: Buffer; stderr: string } {
  try {
    const stdout = execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer });
    return { ok: true, stdout, stderr: "" };
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; code?: string };
    if (e.code === "ENOENT") throw new CliError("git is not installed; give the revision as a file path instead", 2);
    return { ok: false, stdout: e.stdout ?? Buffer.alloc(0), stderr: String(e.stderr ?? "") };
  }
}

export function readSource(spec: string, cwd: string = process.cwd()): SourceText {
  if (spec === "") throw new CliError("an empty inventory argument; give a file path or <revision>:<path>", 2);
  const asFile = existsSync(spec) ? spec : undefined;
  if (asFile !== undefined) {
    // The same reader as `validate`: regular files only, without blocking, at most the size cap.
    const read = readInventoryFile(asFile);
    const io = read.diagnostics.find((d) => d.code === "E_IO");
    if (io) throw new CliError(`${io.message} (${io.hint})`, 2);
    return { source: spec, file: spec, ...(read.bytes ? { bytes: read.bytes } : {}), diagnostics: read.diagnostics };
  }
  const colon = spec.indexOf(":");
  if (colon <= 0) throw new CliError(`${spec}: no such file (for a git revision write <revision>:<path>, e.g. main:inventory/kragujevac.yaml)`, 2);
  const rev = spec.slice(0, colon);
  const path = spec.slice(colon + 1);
  if (path === "") throw new CliError(`${spec}: no path after the revision (write <revision>:<path>)`, 2);
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (!top.ok) throw new CliError(`${spec}: no such file, and ${cwd} is not inside a git repository to read revision '${rev}' from`, 2);
  const commit = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd);
  if (!commit.ok) throw new CliError(`${spec}: unknown git revision '${rev}' (try a branch, tag or commit id: git log --oneline)`, 2);
  const id = commit.stdout.trim();
  const object = `${id}:${path}`;
  const type = git(["cat-file", "-t", object], cwd);
  if (!type.ok) throw new CliError(`${spec}: revision '${rev}' (${id.slice(0, 12)}) has no file '${path}' (paths are relative to the repository root)`, 2);
  const kind = type.stdout.trim();
  if (kind === "tree") throw new CliError(`${spec}: '${path}' is a directory in revision '${rev}' (${id.slice(0, 12)}); give the inventory file inside it, e.g. ${rev}:${path.replace(/\/+$/, "")}/kragujevac.yaml`, 2);
  if (kind !== "blob") throw new CliError(`${spec}: '${path}' is a ${kind} in revision '${rev}', not a file`, 2);
  const size = Number(git(["cat-file", "-s", object], cwd).stdout.trim());
  if (!Number.isFinite(size) || size > MAX_INVENTORY_BYTES) {
    return { source: spec, file: spec, diagnostics: [tooLarge(spec, `file is ${(size / 1024 / 1024).toFixed(1)} MiB`)], commit: id };
  }
  const shown = gitBytes(["cat-file", "blob", object], cwd, MAX_INVENTORY_BYTES + 1);
  if (!shown.ok) throw new CliError(`${spec}: cannot read '${path}' from revision '${rev}': ${shown.stderr.trim() || "git cat-file failed"}`, 2);
  return { source: spec, file: spec, bytes: shown.stdout, diagnostics: [], commit: id };
}
