import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findPulumiRoot, LAB_PASSPHRASE, pulumiEnv, PulumiSetupError, toolchainBin } from "../../../pulumi/env";

const saved = { ...process.env };
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-env-"));
  for (const k of ["PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "CITYDC_BACKEND_URL", "CITYDC_LAB_PASSPHRASE", "CITYDC_PULUMI_ROOT", "CITYDC_PULUMI_HOME"]) delete process.env[k];
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("offline Pulumi environment", () => {
  it("points at a local file backend, a private PULUMI_HOME, and turns off update checks and plugin downloads", () => {
    const env = pulumiEnv("lab", { root: tmp });
    expect(env.PULUMI_BACKEND_URL).toBe(`file://${path.join(tmp, ".state")}`);
    expect(env.PULUMI_HOME).toBe(path.join(tmp, ".pulumi-home"));
    expect(env.PULUMI_SKIP_UPDATE_CHECK).toBe("true");
    expect(env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION).toBe("true");
    expect(fs.existsSync(path.join(tmp, ".state"))).toBe(true);
  });

  it("takes a backend from CITYDC_BACKEND_URL or a directory", () => {
    process.env.CITYDC_BACKEND_URL = `file://${tmp}/b1`;
    expect(pulumiEnv("lab", { root: tmp }).PULUMI_BACKEND_URL).toBe(`file://${tmp}/b1`);
    expect(pulumiEnv("lab", { root: tmp, backendUrl: path.join(tmp, "b2") }).PULUMI_BACKEND_URL).toBe(`file://${path.join(tmp, "b2")}`);
  });

  it("uses the lab passphrase for the lab only; primary and dr need one from the environment", () => {
    process.env.PULUMI_CONFIG_PASSPHRASE = "from-env";
    expect(pulumiEnv("lab", { root: tmp }).PULUMI_CONFIG_PASSPHRASE).toBe(LAB_PASSPHRASE);
    expect(pulumiEnv("primary", { root: tmp }).PULUMI_CONFIG_PASSPHRASE).toBe("from-env");
    delete process.env.PULUMI_CONFIG_PASSPHRASE;
    expect(() => pulumiEnv("primary", { root: tmp })).toThrow(PulumiSetupError);
    expect(() => pulumiEnv("dr", { root: tmp })).toThrow(/PULUMI_CONFIG_PASSPHRASE/);
    process.env.PULUMI_CONFIG_PASSPHRASE_FILE = path.join(tmp, "pass");
    expect(pulumiEnv("dr", { root: tmp }).PULUMI_CONFIG_PASSPHRASE_FILE).toBe(path.join(tmp, "pass"));
    expect(pulumiEnv("dr", { root: tmp, passphrase: "given" }).PULUMI_CONFIG_PASSPHRASE).toBe("given");
  });

  it("finds the CLI on PATH, else in the toolchain cache, else says how to get it", () => {
    process.env.PATH = path.join(tmp, "empty");
    process.env.CITYDC_CACHE = path.join(tmp, "cache");
    expect(() => findPulumiRoot()).toThrow(/scripts\/toolchain\.sh/);
    const cached = toolchainBin();
    fs.mkdirSync(cached, { recursive: true });
    fs.writeFileSync(path.join(cached, "pulumi"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findPulumiRoot()).toBe(path.dirname(cached));
    const onPath = path.join(tmp, "opt", "pulumi", "bin");
    fs.mkdirSync(onPath, { recursive: true });
    fs.writeFileSync(path.join(onPath, "pulumi"), "#!/bin/sh\n", { mode: 0o755 });
    process.env.PATH = onPath;
    expect(findPulumiRoot()).toBe(path.join(tmp, "opt", "pulumi"));
  });
});
