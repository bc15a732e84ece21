/** `citydc validate` as a process: exit codes, human report and --json shape. */
import { spawnSync, execFileSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./helpers";

function citydc(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "citydc.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Newest modification time of the sources the validate command is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(f.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const dir of ["inventory", "util", "model", "intent", "platforms", "pipeline", "audit", "cli"]) walk(join(ROOT, dir));
  return newest;
}

beforeAll(() => {
  // `npm test` compiles first; rebuild only when dist is missing or older than the sources (a
  // rebuild while other test files run their compiled code could race with them).
  const built = join(ROOT, "dist", "cli", "commands", "validate.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) return;
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, stdio: "ignore" });
  } catch {
    /* type errors elsewhere in the tree still emit our files */
  }
}, 180_000);

describe("citydc validate", () => {
  it("exits 0 for both samples", () => {
    for (const f of ["inventory/kragujevac.yaml", "inventory/lab.yaml"]) {
      const r = citydc("validate", f);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toContain("valid");
    }
  });

  it("exits 1 for an invalid inventory and prints file:line:col, code and fix", () => {
    const f = join(FIXTURES, "broken", "link-speed.yaml");
    const r = citydc("validate", f);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${f}:32:`);
    expect(r.out).toContain("E_LINK_SPEED");
    expect(r.out).toContain("fix:");
    expect(r.out).toContain("link sw1:p2 <-> sw2:p2");
    expect(r.err).toBe("");
  });

  it("exits 1 for unreadable content (binary, encoding, YAML)", () => {
    for (const f of ["binary.yaml", "latin1.yaml", "yaml-syntax.yaml", "alias-bomb.yaml", "empty.yaml"]) {
      expect(citydc("validate", join(FIXTURES, "broken", f)).code).toBe(1);
    }
  });

  it("exits 2 for usage and I/O errors", () => {
    expect(citydc("validate").code).toBe(2);
    expect(citydc("validate", "a.yaml", "b.yaml").code).toBe(2);
    expect(citydc("validate", "--bogus", "inventory/lab.yaml").code).toBe(2);
    const missing = citydc("validate", "no/such/file.yaml");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file");
    expect(missing.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("--json prints valid, errors with place and hint, and the summary", () => {
    const ok = citydc("validate", "inventory/lab.yaml", "--json");
    expect(ok.code).toBe(0);
    const good = JSON.parse(ok.out);
    expect(good).toMatchObject({ valid: true, errors: [], summary: { sites: 2, devices: 6, hosts: 9 } });
    for (const k of ["sites", "racks", "devices", "interfaces", "lags", "vlans", "links", "hosts", "tenants", "vrfs"]) expect(typeof good.summary[k]).toBe("number");

    const bad = citydc("validate", join(FIXTURES, "broken", "unknown-device.yaml"), "--json");
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out);
    expect(report.valid).toBe(false);
    expect(report.errors.map((e: any) => e.code).sort()).toEqual(["E_DR_NO_DCI", "E_REF_UNKNOWN"]);
    for (const e of report.errors) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(["code", "file", "line", "column", "path", "message", "hint"]));
      expect(e.line).toBeGreaterThan(0);
    }
    expect(report.summary.devices).toBe(2);

    const io = citydc("validate", "no/such/file.yaml", "--json");
    expect(io.code).toBe(2);
    expect(JSON.parse(io.out).errors[0].code).toBe("E_IO");
  });
});
