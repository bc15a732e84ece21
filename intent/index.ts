/** Layer 2: per-device intent from the inventory (pure, platform neutral). */
export { deriveIntent, fabricFacts, defaultVrid } from "./derive";
export type { FabricFacts } from "./derive";
export type * from "./types";
