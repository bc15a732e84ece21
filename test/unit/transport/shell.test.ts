import { describe, it, expect } from "vitest";
import { cleanTerminal, configLines, firstError } from "../../../transport/shell";
import type { ShellDialect } from "../../../platforms/types";

const vrp: ShellDialect = {
  prompt: /^[<\[][\w.-]+(-[\w-]+)?[>\]]$/,
  pagingOff: ["screen-length 0 temporary"],
  enterConfig: ["system-view immediately"],
  commit: ["commit"],
  abort: ["abort"],
  exitConfig: ["return"],
  save: ["save"],
  errorPatterns: [/^Error:/, /^\s*\^$/],
  confirmations: [{ pattern: /\[Y\/N\]:?\s*$/, answer: "Y" }],
};

describe("shell driver helpers", () => {
  it("strips terminal control sequences and carriage returns", () => {
    expect(cleanTerminal("\x1b[?2004hrouter# show\r\r\nline\x1b[0m\r\nab\x08c")).toBe("router# show\nline\nac");
  });

  it("drops the dialect's own enter/commit/exit/save lines from a wrapped script", () => {
    const script = ["system-view immediately", "vlan 120", " name video", "quit", "commit", "return", "save"];
    expect(configLines(script, vrp)).toEqual(["vlan 120", " name video", "quit"]);
    expect(configLines(["vlan 120", "", "quit"], vrp)).toEqual(["vlan 120", "quit"]);
  });

  it("finds the first line matching an error pattern", () => {
    expect(firstError("ok\nError: Wrong parameter found at '^' position.\nError: again", vrp.errorPatterns)).toBe("Error: Wrong parameter found at '^' position.");
    expect(firstError("all fine\n", vrp.errorPatterns)).toBeUndefined();
  });
});
