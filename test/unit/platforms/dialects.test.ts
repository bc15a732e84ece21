/**
 * The product's shell dialects against the text each vendor documents: prompts in every mode the driver
 * passes through, the error lines of a refused command, and the questions the CLI asks. Samples from:
 *  - huawei-vrp: CloudEngine 8800/6800 V200R022 Configuration Guide, Basic Configuration (`<HUAWEI>`,
 *    `[~HUAWEI]`, `[*HUAWEI]` with uncommitted changes, `[~HUAWEI-vlan10]`, `[*HUAWEI-10GE1/0/1]`;
 *    "Error: Unrecognized command found at '^' position."; `save`: "Continue? [Y/N]:");
 *  - cisco-nxos: Nexus 9000 NX-OS Fundamentals Configuration Guide (`switch#`, `switch(config)#`,
 *    `switch(config-if)#`; "% Invalid command at '^' marker."; "[y/n]" questions such as
 *    "Do you want to continue? (y/n)  [n]");
 *  - arista-eos: EOS User Manual (`switch>`, `switch#`, `switch(config-s-citydc)#`,
 *    `switch(config-s-citydc-if-Et1)#`; "% Invalid input", "% Incomplete command");
 *  - junos: Junos OS CLI User Guide (`user@router>`, `user@router#` after `[edit]`; "syntax error.",
 *    "error: commit failed: (statements constraint check failed)"; "Exit with uncommitted changes?
 *    [yes,no] (yes)").
 * What a dialect must not take for a prompt or an error is checked too: a configuration line, a
 * description that mentions "error".
 */
import { describe, expect, it } from "vitest";
import { findPlatform } from "../../../platforms/registry";
import type { PlatformName } from "../../../model/types";
import { firstError } from "../../../transport/shell";

interface Samples {
  readonly prompts: readonly string[];
  readonly notPrompts: readonly string[];
  readonly errors: readonly string[];
  readonly notErrors: readonly string[];
  readonly questions: readonly [string, string][];
}

const SAMPLES: Record<string, Samples> = {
  "huawei-vrp": {
    prompts: ["<HUAWEI>", "[~HUAWEI]", "[*HUAWEI]", "[~HUAWEI-vlan10]", "[*HUAWEI-10GE1/0/1]", "[~kg-dc1-leaf1-Eth-Trunk1]"],
    notPrompts: [" port trunk allow-pass vlan 10 20", "#", "Info: The max number of VTY users is 21."],
    errors: ["Error: Unrecognized command found at '^' position.", "Error: Wrong parameter found at '^' position.", "Error: The VLAN does not exist."],
    notErrors: [" description Error-budget dashboard uplink", "Info: Save the configuration successfully.", "Warning: The current configuration will be written to the device."],
    questions: [["Warning: The current configuration will be written to the device. Continue? [Y/N]:", "Y"]],
  },
  "cisco-nxos": {
    prompts: ["switch#", "switch# ", "switch(config)#", "switch(config-if)# ", "kg-jkp-wan1(config-vlan)#"],
    notPrompts: ["  switchport trunk allowed vlan 10,20", "interface Ethernet1/1"],
    errors: ["% Invalid command at '^' marker.", "% Incomplete command at '^' marker.", "ERROR: VLAN 4095 is reserved"],
    notErrors: ["  description 100% uplink", "Copy complete."],
    questions: [["Do you want to continue? (y/n)  [n]", "y"], ["Continue? [y/n] [n]", "y"]],
  },
  "arista-eos": {
    prompts: ["switch>", "switch#", "switch(config-s-citydc)#", "switch(config-s-citydc-if-Et1)# ", "kg-registry-wan1(config-s-citydc-vlan-10)#"],
    notPrompts: ["   switchport trunk allowed vlan 10,20-30", "Pagination disabled."],
    errors: ["% Invalid input", "% Incomplete command", "% Invalid input (at token 1: '4095')"],
    notErrors: ["   description % of traffic", "Copy completed successfully."],
    questions: [],
  },
  junos: {
    prompts: ["netops@kg-cityhall-wan1>", "netops@kg-cityhall-wan1> ", "netops@kg-cityhall-wan1#", "netops@kg-cityhall-wan1# "],
    notPrompts: ["[edit]", "set interfaces ge-0/0/1 description uplink", "commit complete"],
    errors: ["syntax error.", "    syntax error, expecting <command>.", "error: commit failed: (statements constraint check failed)", "error: configuration check-out failed", "unknown command."],
    notErrors: ["warning: uncommitted changes will be discarded on exit", "commit complete", "set interfaces ge-0/0/1 description \"error budget\""],
    questions: [["Exit with uncommitted changes? [yes,no] (yes) ", "yes"]],
  },
};

describe("the product's shell dialects read what the vendors document", () => {
  for (const [name, s] of Object.entries(SAMPLES)) {
    const d = findPlatform(name as PlatformName)!.shell!;
    describe(name, () => {
      it("has a dialect", () => expect(d).toBeDefined());
      it("knows every documented prompt, at the end of output too, and no configuration line", () => {
        for (const p of s.prompts) {
          expect(d.prompt.test(p), p).toBe(true);
          expect(d.prompt.test(`some output\n${p}`), `after output: ${p}`).toBe(true);
        }
        for (const p of s.notPrompts) expect(d.prompt.test(p), p).toBe(false);
      });
      it("takes every documented error line for an error, and no normal output", () => {
        for (const e of s.errors) expect(firstError(`line before\n${e}\nline after`, d.errorPatterns), e).toBe(e.trim());
        for (const e of s.notErrors) expect(firstError(e, d.errorPatterns), e).toBeUndefined();
      });
      it("answers the documented questions", () => {
        for (const [q, answer] of s.questions) {
          const c = d.confirmations.find((x) => x.pattern.test(q));
          expect(c, q).toBeDefined();
          expect(c!.answer).toBe(answer);
        }
      });
      it("turns paging off and enters configuration mode as its guide says", () => {
        const expected: Record<string, [string, string]> = {
          "huawei-vrp": ["screen-length 0 temporary", "system-view"],
          "cisco-nxos": ["terminal length 0", "configure terminal"],
          "arista-eos": ["terminal length 0", "configure session citydc"],
          junos: ["set cli screen-length 0", "configure private"],
        };
        expect([d.pagingOff[0], d.enterConfig[0]]).toEqual(expected[name]);
      });
    });
  }
});
