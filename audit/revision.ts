/**
 * Reads one side of a diff: a file path, or `<git-revision>:<path>` read with `git show` from the
 * repository that contains the current directory. A path that exists as a file always wins, so a file
 * whose name contains a colon is still read as a file. Paths after the colon are relative to the
 * repository root (as `git show` reads them); "./x" is relative to the current directory.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, statSync } from "fs";
import { CliError } from "../util/errors";

export interface SourceText {
  readonly source: string;
  /** Name used in diagnostics: the path, or "<rev>:<path>". */
  readonly file: string;
  readonly text: string;
  /** Full commit id when read from git. */
  readonly commit?: string;
}

function git(args: string[], cwd: string): { ok: boolean; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
    return { ok: true, stdout, stderr: "" };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: string };
    if (e.code === "ENOENT") throw new CliError("git is not installed; give the revision as a file path instead", 2);
    return { ok: false, stdout: e.stdout ?? "", stderr: String(e.stderr ?? "") };
  }
}

export function readSource(spec: string, cwd: string = process.cwd()): SourceText {
  if (spec === "") throw new CliError("an empty inventory argument; give a file path or <revision>:<path>", 2);
  const asFile = existsSync(spec) ? spec : undefined;
  if (asFile !== undefined) {
    if (!statSync(asFile).isFile()) throw new CliError(`${spec} is not a file`, 2);
    return { source: spec, file: spec, text: readFileSync(asFile, "utf8") };
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
  const shown = git(["show", `${id}:${path}`], cwd);
  if (!shown.ok) throw new CliError(`${spec}: revision '${rev}' (${id.slice(0, 12)}) has no file '${path}' (paths are relative to the repository root)`, 2);
  return { source: spec, file: spec, text: shown.stdout, commit: id };
}
