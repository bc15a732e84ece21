/**
 * The real `citydc` on generated inputs, each run in a child process under a generous wall clock limit and
 * an address-space limit (test/unit/helpers/bounded.ts): a hang or a blow-up fails the property, a slow
 * run does not (no duration is asserted). Every run ends with exit 0, 1 or 2 and no stack trace; exit 1
 * comes with a located message (file:line:column, code, fix); exit 2 with a message on stderr.
 */
import * as fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { citydcBounded, STACK_TRACE } from "../helpers/bounded";
import { byteDamage, damage, mutate, mutation, params, ROOT, toYaml, VALID_TEXTS, validDoc } from "./arbitraries";

const tmp = mkdtempSync(join(tmpdir(), "citydc-cli-prop-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const minimal = VALID_TEXTS.find((t) => t.name.endsWith("minimal.yaml"))!.text;

/** Inputs of the kinds the issue found, at sizes fast-check picks. */
type Input = { kind: string; write: (file: string) => void };

const input: fc.Arbitrary<Input> = fc.oneof(
  fc.record({ which: fc.nat(), ms: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ which, ms }) => ({ kind: "mutated", write: (f: string) => writeFileSync(f, toYaml(mutate(validDoc(which), ms))) })),
  fc.record({ which: fc.nat(), ds: fc.array(byteDamage, { minLength: 1, maxLength: 2 }) }).map(({ which, ds }) => ({ kind: "bytes", write: (f: string) => writeFileSync(f, damage(VALID_TEXTS[which % VALID_TEXTS.length]!.text, ds)) })),
  fc.record({ n: fc.integer({ min: 1000, max: 200_000 }), dupes: fc.boolean() }).map(({ n, dupes }) => ({
    kind: `allowed list of ${n}`,
    write: (f: string) => writeFileSync(f, minimal.replace("allowed: [10] }\n  - name: sw2", `allowed: [${Array.from({ length: n }, (_, i) => (dupes ? i % 7 : 5000 + i)).join(",")}] }\n  - name: sw2`)),
  })),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => ({
    kind: `${n} unknown keys`,
    write: (f: string) => writeFileSync(f, minimal.replace("    platform: ovs\n", `    platform: ovs\n${Array.from({ length: n }, (_, i) => `    k${i}: ${i}`).join("\n")}\n`)),
  })),
  fc.integer({ min: 10, max: 3000 }).map((n) => ({
    kind: `${n} hosts on unknown devices`,
    write: (f: string) => writeFileSync(f, minimal.replace("hosts:\n", `hosts:\n${Array.from({ length: n }, (_, i) => `  - { name: x${i}, tenant: city, address: 10.1.${i >> 7}.${(i & 127) + 1}/16, attach: { device: nope${i}, interface: p1 } }`).join("\n")}\n`)),
  })),
  fc.integer({ min: 2, max: 40 }).map((n) => ({
    kind: `aliases nested ${n} deep`,
    write: (f: string) => writeFileSync(f, `${minimal}\nx0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n${Array.from({ length: n }, (_, i) => `x${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]`).join("\n")}\n`),
  })),
  fc.integer({ min: 10, max: 500 }).map((n) => ({ kind: `nesting ${n} deep`, write: (f: string) => writeFileSync(f, `version: 1\nname: ${"[".repeat(n)}${"]".repeat(n)}\n`) })),
);

const command = fc.constantFrom("validate", "validate --json", "render", "diff");

describe("the CLI on generated inputs, bounded", () => {
  it("ends with 0, 1 or 2, without a stack trace; 1 is located, 2 is explained", () => {
    let n = 0;
    fc.assert(
      fc.property(input, command, (inp, cmd) => {
        const file = join(tmp, `in-${n++}.yaml`);
        inp.write(file);
        const args = cmd === "render" ? ["render", file, "--out", join(tmp, `out-${n}`)] : cmd === "diff" ? ["diff", join(ROOT, "inventory", "lab.yaml"), file] : [...cmd.split(" ").slice(0, 1), file, ...cmd.split(" ").slice(1)];
        const r = citydcBounded(args, { timeoutMs: 60_000, memoryBytes: 2 * 1024 ** 3 });
        const what = `${args.join(" ")} (${inp.kind})`;
        if (process.env.PROPERTY_LOG) console.log(what, r.status);
        expect(r.timedOut, `${what} did not end`).toBe(false);
        expect(r.killed, `${what} was killed (${r.signal})`).toBe(false);
        expect([0, 1, 2], `${what}: ${r.stderr.slice(0, 500)}`).toContain(r.status);
        expect(r.stdout + r.stderr, what).not.toMatch(STACK_TRACE);
        const located = /:\d+:\d+ {2}(error|warning) [EW]_[A-Z0-9_]+ {2}[^\n]+\n\s+fix: \S/;
        if (cmd === "validate --json") {
          const report = JSON.parse(r.stdout);
          if (r.status === 1) {
            expect(report.errors.length + report.omitted.errors, what).toBeGreaterThan(0);
            for (const e of report.errors) expect(e.line, `${what}: ${e.code}`).toBeGreaterThan(0);
          }
        } else if (r.status === 1 && cmd !== "diff") {
          expect(cmd === "validate" ? r.stdout : r.stderr, what).toMatch(located);
        } else if (r.status === 2) {
          expect(r.stderr.trim().length, what).toBeGreaterThan(0);
          // diff of an invalid inventory: the located diagnostics, then why
          if (cmd === "diff" && /invalid inventory/.test(r.stderr)) expect(r.stderr, what).toMatch(located);
        }
        rmSync(file, { force: true });
      }),
      params(24),
    );
  });
});
