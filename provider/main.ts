/**
 * Entry point of the `pulumi-resource-citydc` plugin (provider/pulumi-resource-citydc execs node on this
 * file). Serves `citydc:device:DeviceConfig` over Pulumi's provider gRPC protocol.
 */
import { main } from "@pulumi/pulumi/provider";
import { changeSet, findPlatform } from "../platforms/index";
import { openSession } from "../transport/index";
import { DeviceConfigProvider, type ProviderDeps } from "./deviceConfigProvider";
import { DEVICE_CONFIG_TYPE } from "./types";

/** The real platforms, change sets and SSH transport. */
export function realDeps(): ProviderDeps {
  return {
    platform: findPlatform,
    changeSet,
    openSession,
  };
}

/** Adapts the provider to @pulumi/pulumi/provider's interface (one resource type). */
export function serve(provider: DeviceConfigProvider, args: string[]): Promise<void> {
  const only = (urn: string) => {
    const type = urn.split("::")[2]?.split("$").pop();
    if (type !== DEVICE_CONFIG_TYPE) throw new Error(`citydc provider: unknown resource type ${type}`);
  };
  return main(
    {
      version: provider.version,
      check: async (urn, olds, news) => (only(urn), provider.check(urn, olds, news)),
      diff: async (id, urn, olds, news) => (only(urn), provider.diff(id, urn, olds, news)),
      create: async (urn, inputs) => (only(urn), provider.create(urn, inputs)),
      read: async (id, urn, props) => (only(urn), provider.read(id, urn, props ?? {})),
      update: async (id, urn, olds, news) => (only(urn), provider.update(id, urn, olds, news)),
      delete: async (id, urn, props) => (only(urn), provider.delete(id, urn, props)),
    },
    args,
  );
}

if (require.main === module) {
  void serve(new DeviceConfigProvider(realDeps()), process.argv.slice(2));
}
