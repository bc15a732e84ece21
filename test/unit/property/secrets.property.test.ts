/**
 * Properties of the redaction with planted secrets: whatever the secret, in whatever form it is written
 * (as is, JSON-escaped, URL-encoded, in a configuration line, inside a key), it is absent from the real
 * redaction's output, from a run record written by the real record writer, from a provider failure and
 * from the transport's output. The end-to-end version (a real `citydc up`) is test/e2e/secrets-run.test.ts.
 */
import * as fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { buildRunRecord, writeRunRecord } from "../../../audit/records";
import { DeviceConfigProvider, type ProviderDeps } from "../../../provider/deviceConfigProvider";
import { changeSet, findPlatform } from "../../../platforms/index";
import { wrapSecret } from "../../../provider/secrets";
import type { StackRunResult } from "../../../pulumi/stacks";
import { redact as transportRedact } from "../../../transport/connect";
import { TransportError } from "../../../transport/types";
import { redactor, secretForms } from "../../../util/redact";
import { params, secret } from "./arbitraries";

const tmp = mkdtempSync(join(tmpdir(), "citydc-secret-prop-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The ways a secret ends up in text. */
const FORMS: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => JSON.stringify(s),
  (s) => JSON.stringify({ password: s }),
  (s) => encodeURIComponent(s),
  (s) => `https://u:${encodeURIComponent(s)}@host/`,
  (s) => encodeURIComponent(s).replace(/%20/g, "+"),
  (s) => `'${s.replace(/'/g, `'\\''`)}'`,
  (s) => Buffer.from(s).toString("base64"),
  (s) => s.replace(/\n/g, "\r\n"),
  (s) => `login failed: ${s} (retry)`,
];

const formArb = fc.integer({ min: 0, max: FORMS.length - 1 });

function noSecret(text: string, s: string): void {
  for (const f of secretForms(s)) expect(text.includes(f), `${JSON.stringify(f)} in ${JSON.stringify(text.slice(0, 300))}`).toBe(false);
}

describe("redaction properties", () => {
  it("the redaction removes every known form of a planted secret", () => {
    fc.assert(
      fc.property(secret, formArb, fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (s, k, before, after) => {
        noSecret(redactor([s])(`${before}${FORMS[k]!(s)}${after}`), s);
      }),
      params(300),
    );
  });

  it("a run record, written by the real writer, holds none of the run's secrets wherever they were planted", () => {
    fc.assert(
      fc.property(secret, secret, formArb, formArb, (stackSecret, envPassword, k1, k2) => {
        const planted = `${FORMS[k1]!(stackSecret)} / ${FORMS[k2]!(envPassword)}`;
        const result: StackRunResult = {
          stack: "lab",
          kind: "update",
          ok: false,
          summary: { update: 1 },
          steps: [],
          devices: [{ urn: "urn:pulumi:lab::citydc::citydc:device:DeviceConfig::d1", type: "citydc:device:DeviceConfig", name: "d1", op: "update", diffs: [], error: planted }],
          failures: [{ device: "d1", message: planted }],
          error: planted,
          durationMs: 1,
          stdout: planted,
        };
        Object.defineProperty(result, "secrets", { value: [stackSecret], enumerable: false });
        const record = buildRunRecord({ stack: "lab", result, inventoryFile: "inventory/lab.yaml", env: { CITYDC_SSH_PASSWORD: envPassword }, postChecks: [{ name: "check", ok: false, detail: planted }] });
        const file = writeRunRecord(record, tmp, tmp);
        const text = readFileSync(file, "utf8");
        rmSync(file);
        noSecret(text, stackSecret);
        noSecret(text, envPassword);
      }),
      params(60),
    );
  });

  it("a provider failure and the transport's output hold none of the device's credentials", async () => {
    await fc.assert(
      fc.asyncProperty(secret, formArb, async (password, k) => {
        const deps: ProviderDeps = {
          platform: findPlatform,
          changeSet,
          openSession: async () => {
            throw new TransportError("d1", "command", `the device said: ${FORMS[k]!(password)}`);
          },
        };
        const provider = new DeviceConfigProvider(deps);
        const objects = { "vlan:10": { kind: "vlan", summary: "VLAN 10", fields: { id: 10 }, apply: ["add-br br0"], remove: ["del-br br0"], readBack: "ovs-vsctl list port" } };
        const inputs = { device: "d1", site: "s", platform: "ovs", target: { host: "127.0.0.1", port: 22, user: "u", hostKey: "ssh-ed25519 AAAA" }, management: {}, credentials: wrapSecret({ password }), objects };
        const err = (await provider.create("urn", inputs).catch((e: unknown) => e)) as Error;
        expect(err).toBeInstanceOf(Error);
        expect(err.message).toMatch(/the device said/); // the failure came through the session, with its text
        noSecret(err.message, password);
        const target = { device: "d1", platform: "ovs" as const, host: "h", port: 22, user: "u", hostKey: "k", password };
        noSecret(transportRedact(`output: ${FORMS[k]!(password)}`, target), password);
      }),
      params(60),
    );
  });
});
