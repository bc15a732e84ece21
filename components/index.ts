export { DeviceConfig, type DeviceConfigArgs } from "./deviceConfig";
export { DrSite, DrParityError, type DrSiteArgs } from "./drSite";
export { buildNetwork, type BuiltNetwork, type NetworkArgs } from "./network";
export { Rack, type RackArgs } from "./rack";
export { Site, type SiteArgs } from "./site";
export { NetworkDevice, type NetworkDeviceArgs } from "./networkDevice";
export { TYPES, linkKey, type DeviceBuild, type NetworkBuild } from "./types";
export { lagFacts, linkFacts, vlanFacts, type LagFacts, type LinkFacts, type VlanFacts } from "./facts";
export { backupName, citydcCommand, configDigest, verifyName, type CheckSettings, type VerifySpec, type VerifySpecBase } from "./checks";
