import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { run as drift } from "../../../cli/commands/drift";
import { CliError } from "../../../util/errors";
import { runCommand } from "../helpers/cli";
import { readStackConfig } from "../../../stacks/settings";

const ROOT = path.resolve(__dirname, "../../..");
const VENDORS = path.join(ROOT, "test/fixtures/readback/vendors.yaml");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-drift-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `citydc drift ...` in process: exit code (CliError as main maps it), stdout, stderr. */
const citydc = (...argv: string[]) => runCommand(drift, argv);

describe("citydc drift arguments (exit 2, no device contacted)", () => {
  it("needs an inventory or a stack", async () => {
    expect((await citydc()).code).toBe(2);
    expect((await citydc("--inventory", path.join(tmp, "none.yaml"))).code).toBe(2);
    expect((await citydc("--stack", "no-such-stack")).code).toBe(2);
    expect((await citydc("--inventory", VENDORS, "--parallel", "0")).code).toBe(2);
  });

  it("refuses unknown devices and sites", async () => {
    expect((await citydc("--inventory", VENDORS, "--device", "nope")).code).toBe(2);
    expect((await citydc("--inventory", VENDORS, "--site", "nope")).code).toBe(2);
  });

  it("an invalid inventory prints its diagnostics", async () => {
    const bad = path.join(tmp, "bad.yaml");
    fs.writeFileSync(bad, fs.readFileSync(VENDORS, "utf8").replace("vlan: 120, description: \"video MCU\" }", "vlan: 999, description: \"video MCU\" }"));
    const r = await citydc("--inventory", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+/);
  });

  it("devices without a pinned host key are reported, never logged into: exit 2", async () => {
    const r = await citydc("--inventory", VENDORS, "--format", "json");
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { counts: { devices: number; unreachable: number }; devices: { status: string; errorKind: string }[] };
    expect(j.counts).toMatchObject({ devices: 4, unreachable: 4 });
    expect(j.devices.every((d) => d.status === "error" && d.errorKind === "config")).toBe(true);
  });
});

describe("stack config for drift", () => {
  it("reads the lab stack as the stack program does", () => {
    const c = readStackConfig(ROOT, "lab");
    expect(c.inventory).toBe(path.join(ROOT, "inventory/lab.yaml"));
    expect(c.sites).toEqual(["lab-dc1", "lab-dc2"]);
    expect(c.hostKeysFile).toBe(path.join(ROOT, ".lab/lab/hostkeys.json"));
  });
  it("a stack without an inventory is an error", () => {
    fs.mkdirSync(path.join(tmp, "stacks"));
    fs.writeFileSync(path.join(tmp, "stacks", "Pulumi.x.yaml"), "config:\n  citydc:sites: [a]\n");
    expect(() => readStackConfig(tmp, "x")).toThrow(CliError);
  });
});
