/**
 * The one way an inventory file's bytes are read (validate, render, plan and up through the loader, and
 * both sides of `diff` and `drift` through audit/revision.ts), so every command applies the same file
 * checks:
 *
 *  - the file is opened with O_NONBLOCK, so a FIFO without a writer cannot block the open, and the open
 *    descriptor is checked with fstat (no window between a stat and the open): anything but a regular
 *    file (directory, FIFO, character or block device, socket) is refused as E_IO;
 *  - at most MAX_INVENTORY_BYTES + 1 bytes are ever read, whatever size the file reports (/proc files
 *    and devices report 0): more is E_FILE_TOO_LARGE, before any parsing.
 *
 * Decoding (strict UTF-8, NUL bytes, empty files) is parse.ts's `decode`, which every caller runs next.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "fs";
import { MAX_INVENTORY_BYTES } from "./parse";
import type { Diagnostic } from "./types";

export interface ReadResult {
  /** The file's bytes, when it could be read and is within the cap. */
  readonly bytes?: Buffer;
  /** E_IO (the caller exits 2) or E_FILE_TOO_LARGE; empty when `bytes` is set. */
  readonly diagnostics: Diagnostic[];
}

const CHUNK = 1 << 20;

/** "a FIFO", "a character device", ... for a file that is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}

export function ioDiagnostic(file: string, message: string, hint: string): Diagnostic {
  return { code: "E_IO", severity: "error", file, line: 0, column: 0, path: "", message, hint };
}

export function tooLarge(file: string, what: string, max: number = MAX_INVENTORY_BYTES): Diagnostic {
  return {
    code: "E_FILE_TOO_LARGE",
    severity: "error",
    file,
    line: 1,
    column: 1,
    path: "",
    message: `${what}, more than the ${(max / 1024 / 1024).toFixed(0)} MiB an inventory may have`,
    hint: "check that this is the inventory file; split very large networks into one inventory per site",
  };
}

/** Reads an inventory file with the checks above. Never throws, never blocks on a special file. */
export function readInventoryFile(file: string, max: number = MAX_INVENTORY_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return { diagnostics: [openError(file, err)] };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = kindOf(st);
      return {
        diagnostics: [
          ioDiagnostic(
            file,
            `${file} is ${kind}, not a regular file`,
            st.isDirectory() ? "pass the inventory YAML file, e.g. inventory/kragujevac.yaml" : "pass the inventory file itself (a pipe or device is not read: save it to a file first)",
          ),
        ],
      };
    }
    if (st.size > max) return { diagnostics: [tooLarge(file, `file is ${(st.size / 1024 / 1024).toFixed(1)} MiB`, max)] };
    // Read to the end, but never more than max + 1 bytes: the reported size may be 0 or wrong.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, max + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      let n: number;
      try {
        n = readSync(fd, buf, 0, want, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EAGAIN") {
          return { diagnostics: [ioDiagnostic(file, `cannot read ${file}: it would block`, "pass a regular inventory file")] };
        }
        throw err;
      }
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > max) return { diagnostics: [tooLarge(file, `file is larger than ${(max / 1024 / 1024).toFixed(0)} MiB`, max)] };
    return { bytes: Buffer.concat(chunks, total), diagnostics: [] };
  } catch (err) {
    return { diagnostics: [openError(file, err)] };
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* nothing to do */
    }
  }
}

function openError(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "ENOTDIR"
          ? "a part of the path is not a directory"
          : code === "ELOOP"
            ? "too many symbolic links"
            : code === "EISDIR"
              ? "it is a directory"
              : (err as Error).message;
  const hint = code === "ENOENT" || code === "ENOTDIR" ? "check the path (e.g. inventory/kragujevac.yaml)" : code === "EACCES" || code === "EPERM" ? "check the file's permissions" : "pass a readable inventory file";
  return ioDiagnostic(file, `cannot read ${file}: ${why}`, hint);
}
