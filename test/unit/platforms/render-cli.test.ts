import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UsageError, CliError } from "../../../util/errors";
import { run } from "../../../cli/commands/render";

/** As cli/main.ts does: usage and CLI errors become their exit code. */
async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv.slice(1));
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliError) return e.exitCode;
    throw e;
  }
}

const ROOT = join(__dirname, "..", "..", "..");
const inv = (n: string) => join(ROOT, "inventory", `${n}.yaml`);

describe("citydc render", () => {
  let dir = "";
  let out = "";
  let err = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "citydc-render-"));
    out = err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes every device of the city in its vendor's syntax, and an index (exit 0)", async () => {
    expect(await main(["render", inv("kragujevac"), "--out", dir])).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as { devices: { device: string; platform: string; file: string; objects: number; counts: Record<string, number> }[] };
    expect(index.devices).toHaveLength(14);
    expect(readdirSync(dir).sort()).toEqual(["index.json", ...index.devices.map((d) => d.file)].sort());
    const spine = index.devices.find((d) => d.device === "kg-dc1-spine1")!;
    expect(spine).toMatchObject({ platform: "huawei-vrp", file: "kg-dc1-spine1.cfg" });
    expect(spine.counts.gateway).toBe(10);
    expect(readFileSync(join(dir, "kg-dc1-spine1.cfg"), "utf8")).toContain("vrrp vrid 120 virtual-ip 10.10.120.1");
    expect(readFileSync(join(dir, "kg-cityhall-wan1.set"), "utf8")).toContain("set protocols bgp group citydc-external neighbor 10.254.1.0 peer-as 65001");
    expect(readFileSync(join(dir, "kg-jkp-wan1.cfg"), "utf8")).toContain("feature bgp");
  });

  it("--device and --format json write the config objects of the named devices only", async () => {
    expect(await main(["render", inv("lab"), "--out", dir, "--format", "json", "--device", "lab-dc1-spine1", "--device", "lab-dc1-border1"])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["index.json", "lab-dc1-border1.json", "lab-dc1-spine1.json"]);
    const spine = JSON.parse(readFileSync(join(dir, "lab-dc1-spine1.json"), "utf8")) as { objects: { key: string; apply: string[] }[] };
    expect(spine.objects.map((o) => o.key)).toContain("lag:bond0");
  });

  it("an invalid inventory exits 1 with located diagnostics and writes nothing", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "version: 1\nname: x\n");
    expect(await main(["render", bad, "--out", join(dir, "o")])).toBe(1);
    expect(err).toContain("E_SCHEMA_REQUIRED");
    expect(err).toContain(`${bad}:1:1`);
    expect(readdirSync(dir)).toEqual(["bad.yaml"]);
  });

  it("usage and I/O errors exit 2", async () => {
    expect(await main(["render", inv("lab")])).toBe(2); // no --out
    expect(await main(["render", inv("lab"), "--out", dir, "--format", "xml"])).toBe(2);
    expect(await main(["render", inv("lab"), "--out", dir, "--device", "nope"])).toBe(2);
    expect(await main(["render", join(dir, "missing.yaml"), "--out", dir])).toBe(2);
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(await main(["render", inv("lab"), "--out", join(file, "sub")])).toBe(2);
    // A directory that cannot be made under /proc is an error, not a hang (Node 20's recursive mkdir spins there).
    expect(await main(["render", inv("lab"), "--out", "/proc/citydc-no-such-dir/out"])).toBe(2);
  });
});
