import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  COMMAND_PLUGIN_VERSION,
  commandPluginBinary,
  commandPluginDir,
  findPulumiRoot,
  hasCommandPlugin,
  LAB_PASSPHRASE,
  preparePulumiHome,
  pulumiEnv,
  PulumiSetupError,
  toolchainBin,
} from "../../../pulumi/env";

const saved = { ...process.env };
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-env-"));
  for (const k of ["PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "CITYDC_BACKEND_URL", "CITYDC_LAB_PASSPHRASE", "CITYDC_PULUMI_ROOT", "CITYDC_PULUMI_HOME", "PULUMI_HOME", "CITYDC_CACHE"]) delete process.env[k];
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
    expect(pulumiEnv("dr", { root: tmp, passphrase: "given-passphrase" }).PULUMI_CONFIG_PASSPHRASE).toBe("given-passphrase");
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

  describe("the command plugin in a Pulumi home", () => {
    /** A stand-in for `pulumi plugin install ... --file`: logs its home and arguments, installs like Pulumi does. */
    function fakePulumi(): { bin: string; calls: () => string[] } {
      const log = path.join(tmp, "calls.log");
      const bin = path.join(tmp, "fake-pulumi");
      fs.writeFileSync(
        bin,
        [
          "#!/bin/sh",
          `echo "$PULUMI_HOME $*" >> '${log}'`,
          'for a; do file=$a; done', // the last argument is the --file value
          `d="$PULUMI_HOME/plugins/resource-command-v${COMMAND_PLUGIN_VERSION}"`,
          'mkdir -p "$d" && cp "$file" "$d/pulumi-resource-command"',
          "",
        ].join("\n"),
        { mode: 0o755 },
      );
      return { bin, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []) };
    }

    function cachedPlugin(): string {
      process.env.CITYDC_CACHE = path.join(tmp, "cache");
      const file = path.join(tmp, "cache", "toolchain", `pulumi-command-v${COMMAND_PLUGIN_VERSION}`, "bin", "pulumi-resource-command");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
      return file;
    }

    it("installs the cached binary into a home that lacks it, exactly once, and leaves a ready home alone", async () => {
      const binary = cachedPlugin();
      const pulumi = fakePulumi();
      const home = path.join(tmp, "home-a");
      expect(hasCommandPlugin(home)).toBe(false);
      await preparePulumiHome(home, pulumi.bin);
      expect(hasCommandPlugin(home)).toBe(true);
      expect(pulumi.calls()).toEqual([`${home} plugin install resource command v${COMMAND_PLUGIN_VERSION} --exact --file ${binary}`]);
      await preparePulumiHome(home, pulumi.bin);
      expect(pulumi.calls()).toHaveLength(1);

      const ready = path.join(tmp, "home-b");
      fs.mkdirSync(commandPluginDir(ready), { recursive: true });
      fs.writeFileSync(path.join(commandPluginDir(ready), "pulumi-resource-command"), "", { mode: 0o755 });
      await preparePulumiHome(ready, pulumi.bin);
      expect(pulumi.calls()).toHaveLength(1);
    });

    it("treats an install Pulumi has not finished (a .partial marker) as missing", () => {
      const home = path.join(tmp, "home-c");
      fs.mkdirSync(commandPluginDir(home), { recursive: true });
      fs.writeFileSync(path.join(commandPluginDir(home), "pulumi-resource-command"), "", { mode: 0o755 });
      fs.writeFileSync(`${commandPluginDir(home)}.partial`, "");
      expect(hasCommandPlugin(home)).toBe(false);
    });

    it("takes the binary from the user's Pulumi home when the cache has none", () => {
      process.env.CITYDC_CACHE = path.join(tmp, "empty-cache");
      process.env.PULUMI_HOME = path.join(tmp, "user-home");
      expect(commandPluginBinary()).toBeUndefined();
      const file = path.join(commandPluginDir(process.env.PULUMI_HOME), "pulumi-resource-command");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "", { mode: 0o755 });
      expect(commandPluginBinary()).toBe(file);
      const cached = cachedPlugin();
      expect(commandPluginBinary()).toBe(cached);
    });

    it("says to run scripts/toolchain.sh when no binary is anywhere", async () => {
      process.env.CITYDC_CACHE = path.join(tmp, "empty-cache");
      process.env.PULUMI_HOME = path.join(tmp, "no-home");
      const pulumi = fakePulumi();
      await expect(preparePulumiHome(path.join(tmp, "home-d"), pulumi.bin)).rejects.toThrow(PulumiSetupError);
      await expect(preparePulumiHome(path.join(tmp, "home-d"), pulumi.bin)).rejects.toThrow(/scripts\/toolchain\.sh/);
      expect(pulumi.calls()).toEqual([]);
    });

    it("reports a failed install as a set-up error naming the home", async () => {
      cachedPlugin();
      const bin = path.join(tmp, "broken-pulumi");
      fs.writeFileSync(bin, "#!/bin/sh\necho 'error: disk full' >&2\nexit 1\n", { mode: 0o755 });
      const home = path.join(tmp, "home-e");
      await expect(preparePulumiHome(home, bin)).rejects.toThrow(new RegExp(`${home}.*disk full`));
    });
  });
});
