import { describe, expect, it } from "vitest";
import { combinedExit, parallelStacks, reportLines, withoutStackOptions, DEFAULT_PARALLEL_STACKS } from "../../../cli/multiStack";
import { MULTI_STACK_OPTIONS, stackName, stackNames } from "../../../cli/stackRun";
import { parseArgs } from "../../../util/args";

const parse = (argv: string[]) => parseArgs(argv, MULTI_STACK_OPTIONS);

describe("several stacks in one command", () => {
  it("--stack repeated gives the stacks in order; once gives one", () => {
    expect(stackNames(parse(["--stack", "a", "--stack=b", "--stack", "c"]), "u")).toEqual(["a", "b", "c"]);
    expect(stackNames(parse(["--stack", "lab"]), "u")).toEqual(["lab"]);
    expect(stackName(parse(["--stack", "lab"]), "u")).toBe("lab");
  });

  it("refuses a stack given twice, a bad name, none, and --parallel-stacks with one stack", () => {
    expect(() => stackNames(parse(["--stack", "a", "--stack", "a"]), "u")).toThrow(/--stack a is given twice/);
    expect(() => stackNames(parse(["--stack", "a b"]), "u")).toThrow(/not a stack name/);
    expect(() => stackNames(parse([]), "u")).toThrow(/--stack NAME is required/);
    expect(() => stackNames(parse(["--stack", "a", "--parallel-stacks", "2"]), "u")).toThrow(/--parallel-stacks is for several stacks/);
    expect(() => stackName(parse(["--stack", "a", "--stack", "b"]), "u")).toThrow(/one --stack at a time/);
  });

  it("--parallel-stacks takes a whole number from 1", () => {
    expect(parallelStacks(undefined)).toBe(DEFAULT_PARALLEL_STACKS);
    expect(parallelStacks("3")).toBe(3);
    for (const bad of ["0", "-1", "two", "1.5", ""]) expect(() => parallelStacks(bad), bad).toThrow(/--parallel-stacks must be a whole number/);
  });

  it("each stack's run gets every option but the stack options", () => {
    expect(withoutStackOptions(["--stack", "a", "--yes", "--stack=b", "--parallel-stacks", "2", "--backend", "postgres://x", "--parallel-stacks=3", "--format", "json"])).toEqual([
      "--yes",
      "--backend",
      "postgres://x",
      "--format",
      "json",
    ]);
  });

  it("the run's exit code: 0 only when every stack exited 0, 130 when interrupted", () => {
    const e = (stack: string, code: number | null) => ({ stack, code, durationMs: 1000, stdout: "" });
    expect(combinedExit([e("a", 0), e("b", 0)], false)).toBe(0);
    expect(combinedExit([e("a", 0), e("b", 1)], false)).toBe(1);
    expect(combinedExit([e("a", 2), e("b", 0)], false)).toBe(1);
    expect(combinedExit([e("a", 0), e("b", null)], true)).toBe(130);
    expect(combinedExit([e("a", 130), e("b", 0)], false)).toBe(130);
    const lines = reportLines("citydc up", [e("site-a", 0), e("wan", 1), e("dr", null)], 2);
    expect(lines[0]).toBe("citydc up: 3 stacks, 2 failed (at most 2 at a time)");
    expect(lines.slice(1)).toEqual(["  ok          site-a  exit 0  1.0 s", "  FAILED      wan     exit 1  1.0 s", "  not run     dr      exit -  1.0 s"]);
  });
});
