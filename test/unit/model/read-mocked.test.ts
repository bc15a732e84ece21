/**
 * What the one reader of inventory files (model/read.ts) does when the system answers in ways a test cannot
 * arrange with real files on Linux, or not as root: a FIFO, a block device, a socket or some other kind of
 * special file behind the descriptor, a read that would block (EAGAIN), an open refused for permissions (EACCES,
 * EPERM) or because the path is a directory (EISDIR), a file that grows while it is read or comes back in
 * short reads. `fs` is mocked in this file only: each call goes to the real module unless a test replaces it
 * for one call, and the file itself is a real one in the temporary directory.
 */
import * as fs from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ioDiagnostic, readInventoryFile, tooLarge } from "../../../model/read";

vi.mock("fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("fs")>();
  return { ...real, openSync: vi.fn(real.openSync), fstatSync: vi.fn(real.fstatSync), readSync: vi.fn(real.readSync) };
});

const MiB = 1024 * 1024;

/** An error as the fs module throws it, with its errno code. */
const sysError = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

/** Stats of an open descriptor that is of one kind only. */
function statsOf(kind: "directory" | "fifo" | "char" | "block" | "socket" | "other"): fs.Stats {
  return {
    size: 0,
    isFile: () => false,
    isDirectory: () => kind === "directory",
    isFIFO: () => kind === "fifo",
    isCharacterDevice: () => kind === "char",
    isBlockDevice: () => kind === "block",
    isSocket: () => kind === "socket",
    isSymbolicLink: () => false,
  } as unknown as fs.Stats;
}

/**
 * A read that copies `pieces` one per call, whatever length was asked (a piece longer than the request is
 * cut), and writes `#` into the rest of the buffer it was given, which the reader must not use; 0 when the
 * pieces are used up. It counts the bytes asked for and refuses to go on past `calls` reads.
 */
function source(pieces: (() => Buffer)[], calls = 64) {
  const seen = { asked: 0, calls: 0 };
  vi.mocked(fs.readSync).mockImplementation(((_fd: number, buf: NodeJS.ArrayBufferView, offset: number, length: number) => {
    seen.calls++;
    if (seen.calls > calls) throw new Error(`read called more than ${calls} times`);
    seen.asked += length;
    const b = buf as Buffer;
    b.fill(0x23, offset, offset + length);
    const piece = pieces.shift()?.();
    if (piece === undefined || length === 0) return 0;
    return piece.copy(b, offset, 0, Math.min(length, piece.length));
  }) as unknown as typeof fs.readSync);
  return seen;
}

describe("reading an inventory file when the system answers oddly", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), "citydc-read-mocked-"));
    file = join(dir, "inv.yaml");
    fs.writeFileSync(file, "version: 1\n");
  });
  afterEach(() => {
    vi.mocked(fs.openSync).mockReset();
    vi.mocked(fs.fstatSync).mockReset();
    vi.mocked(fs.readSync).mockReset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a FIFO, a block device and a socket are named as such; a device is told to be saved to a file first", () => {
    const device = "pass the inventory file itself (a pipe or device is not read: save it to a file first)";
    for (const [kind, name] of [
      ["fifo", "a FIFO (named pipe)"],
      ["block", "a block device"],
      ["socket", "a socket"],
      ["char", "a character device"],
    ] as const) {
      vi.mocked(fs.fstatSync).mockReturnValueOnce(statsOf(kind));
      expect(readInventoryFile(file), kind).toEqual({ diagnostics: [ioDiagnostic(file, `${file} is ${name}, not a regular file`, device)] });
    }
    vi.mocked(fs.fstatSync).mockReturnValueOnce(statsOf("directory"));
    expect(readInventoryFile(file)).toEqual({ diagnostics: [ioDiagnostic(file, `${file} is a directory, not a regular file`, "pass the inventory YAML file, e.g. inventory/kragujevac.yaml")] });
  });

  it("a special file of no kind the reader knows is refused too, and said once not to be a regular file", () => {
    vi.mocked(fs.fstatSync).mockReturnValueOnce(statsOf("other"));
    expect(readInventoryFile(file)).toEqual({
      diagnostics: [ioDiagnostic(file, `${file} is a special file, not a regular file`, "pass the inventory file itself (a pipe or device is not read: save it to a file first)")],
    });
  });

  it("a read that would block (EAGAIN) is E_IO at once, not retried", () => {
    const seen = source([]);
    vi.mocked(fs.readSync).mockImplementationOnce(() => {
      throw sysError("EAGAIN", "EAGAIN: resource temporarily unavailable, read");
    });
    expect(readInventoryFile(file)).toEqual({ diagnostics: [ioDiagnostic(file, `cannot read ${file}: it would block`, "pass a regular inventory file")] });
    expect(seen.calls).toBe(0);
  });

  it("any other failing read is E_IO with the system's own words", () => {
    vi.mocked(fs.readSync).mockImplementationOnce(() => {
      throw sysError("EIO", "EIO: i/o error, read");
    });
    expect(readInventoryFile(file)).toEqual({ diagnostics: [ioDiagnostic(file, `cannot read ${file}: EIO: i/o error, read`, "pass a readable inventory file")] });
  });

  it("an open refused for permissions (EACCES or EPERM) says so and points at the file's permissions", () => {
    for (const code of ["EACCES", "EPERM"]) {
      vi.mocked(fs.openSync).mockImplementationOnce(() => {
        throw sysError(code, `${code}: operation not allowed, open '${file}'`);
      });
      expect(readInventoryFile(file), code).toEqual({ diagnostics: [ioDiagnostic(file, `cannot read ${file}: permission denied`, "check the file's permissions")] });
    }
  });

  it("an open refused because the path is a directory (EISDIR) says so", () => {
    vi.mocked(fs.openSync).mockImplementationOnce(() => {
      throw sysError("EISDIR", `EISDIR: illegal operation on a directory, open '${file}'`);
    });
    expect(readInventoryFile(file)).toEqual({ diagnostics: [ioDiagnostic(file, `cannot read ${file}: it is a directory`, "pass a readable inventory file")] });
  });

  it("a file that grows past the cap while it is read: E_FILE_TOO_LARGE after reading one byte more than the cap", () => {
    const full = () => Buffer.alloc(4 * MiB, 0x61);
    const seen = source(Array.from({ length: 10 }, () => full));
    expect(readInventoryFile(file, 2 * MiB)).toEqual({ diagnostics: [tooLarge(file, "file is larger than 2 MiB", 2 * MiB)] });
    expect(tooLarge(file, "file is larger than 2 MiB", 2 * MiB).message).toBe("file is larger than 2 MiB, more than the 2 MiB an inventory may have");
    expect(seen.asked).toBe(2 * MiB + 1);
  });

  it("short reads are joined without the unused part of each buffer", () => {
    source([() => Buffer.from("version: 1\n"), () => Buffer.from("name: t\n"), () => Buffer.from("sites: []\n")]);
    expect(readInventoryFile(file)).toEqual({ bytes: Buffer.from("version: 1\nname: t\nsites: []\n"), diagnostics: [] });
  });

  it("a file that ends exactly at the cap is read whole", () => {
    const seen = source([() => Buffer.alloc(MiB, 0x62), () => Buffer.alloc(MiB, 0x63)]);
    const r = readInventoryFile(file, 2 * MiB);
    expect(r.diagnostics).toEqual([]);
    // compared as bytes (a deep comparison of 2 MiB element by element is slow)
    expect(r.bytes?.equals(Buffer.concat([Buffer.alloc(MiB, 0x62), Buffer.alloc(MiB, 0x63)]))).toBe(true);
    expect(seen.asked).toBe(2 * MiB + 1);
  });
});
