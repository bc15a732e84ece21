/** The citydc Pulumi program (inline, run through pulumi/stacks.ts). Placeholder until the model lands. */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { ProgramSettings } from "./settings";

export function program(_settings: Partial<ProgramSettings> & { root: string; stack: string }): PulumiFn {
  return async () => ({});
}
