import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { load } from "js-yaml";
import { optionsFromArgv, run } from "../../../cli/commands/generate";
import { UsageError } from "../../../util/errors";

describe("citydc generate: arguments", () => {
  it("reads the size flags", () => {
    const { options, out } = optionsFromArgv(["--sites", "4", "--racks-per-site", "3", "--leafs-per-rack", "6", "--spines=4", "--branches", "0", "--vlans", "12", "--interfaces-per-leaf", "32", "--platform", "junos", "--seed", "9", "--out", "x.yaml"]);
    expect(options).toMatchObject({ sites: 4, racksPerSite: 3, leafsPerRack: 6, spines: 4, branches: 0, vlans: 12, interfacesPerLeaf: 32, platform: "junos", seed: 9, lab: false });
    expect(out).toBe("x.yaml");
  });

  it("applies the lab defaults with --lab", () => {
    const { options } = optionsFromArgv(["--lab", "--port-base", "23000"]);
    expect(options).toMatchObject({ lab: true, platform: "ovs", spines: 1, branches: 0, portBase: 23000 });
  });

  it.each([
    [["--sites", "two"]],
    [["--sites", "-1"]],
    [["--platform", "ios"]],
    [["--frobnicate"]],
    [["positional"]],
    [["--user", "Bad User"]],
  ])("refuses %j with a usage error", (argv) => {
    expect(() => optionsFromArgv(argv)).toThrow(UsageError);
  });

  it("turns impossible sizes into a usage error", async () => {
    await expect(run(["--leafs-per-rack", "99"])).rejects.toThrow(UsageError);
  });

  it("an unwritable --out is an I/O error (exit 2), not a hang or a stack trace", async () => {
    await expect(run(["--sites", "1", "--out", "/proc/citydc-nope/sub/x.yaml"])).rejects.toMatchObject({ exitCode: 2 });
  });

  it("writes the file given by --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "citydc-gen-"));
    const file = join(dir, "sub", "inv.yaml");
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await run(["--sites", "1", "--racks-per-site", "2", "--leafs-per-rack", "2", "--out", file])).toBe(0);
    } finally {
      process.stderr.write = stderr;
    }
    const doc = load(readFileSync(file, "utf8")) as { devices: { role: string }[] };
    rmSync(dir, { recursive: true, force: true });
    expect(doc.devices.filter((d) => d.role === "leaf").length).toBe(4);
  });
});
