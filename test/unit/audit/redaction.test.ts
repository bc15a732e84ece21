/**
 * One redaction for records, the transport and the provider (util/redact.ts, issue 12): every form a
 * secret travels in, secret-looking configuration arguments, private keys of any format; secrets too
 * short to redact are refused where they enter (exit 2), not silently left in the text.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { buildRunRecord, knownSecrets } from "../../../audit/records";
import type { StackRunResult } from "../../../pulumi/stacks";
import { pulumiEnv, PulumiSetupError } from "../../../pulumi/env";
import { redact as transportRedact } from "../../../transport/connect";
import { credentialsFromEnv } from "../../../transport/targets";
import { CliError } from "../../../util/errors";
import { MIN_SECRET_LENGTH, redact, redactor, secretForms, secretTooShort } from "../../../util/redact";

const tmp = mkdtempSync(join(tmpdir(), "citydc-redact-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SECRET = 'p@ss w"rd/1 \u00e9\\x';
const KEY = ["-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", "QyNTUxOQAAACBCm0gF6l2vB3sUj9q1g3vYk5t0b2o2q8xX2lZ0k7bH6QAAAJgQy3PqEMtz", "-----END OPENSSH PRIVATE KEY-----", ""].join("\n");

describe("every form of a known secret", () => {
  const clean = redactor([SECRET, KEY]);
  const forms: [string, string][] = [
    ["as is", SECRET],
    ["JSON-escaped", JSON.stringify(SECRET).slice(1, -1)],
    ["JSON with \\u escapes", JSON.stringify(SECRET).slice(1, -1).replace(/\u00e9/g, "\\u00e9")],
    ["URL-encoded", encodeURIComponent(SECRET)],
    ["URL-encoded, lower-case hex", encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ["form-encoded", encodeURIComponent(SECRET).replace(/%20/g, "+")],
    ["shell-quoted", SECRET.replace(/'/g, `'\\''`)],
    ["base64", Buffer.from(SECRET).toString("base64")],
    ["a key with CR LF line ends", KEY.replace(/\n/g, "\r\n")],
    ["a key JSON-escaped", JSON.stringify(KEY).slice(1, -1)],
    ["one line of a key", KEY.split("\n")[2]!],
  ];
  for (const [name, form] of forms) {
    it(`${name}`, () => {
      const out = clean(`before ${form} after`);
      expect(out).toContain("[secret]");
      for (const f of secretForms(SECRET)) expect(out).not.toContain(f);
      for (const line of KEY.split("\n").filter((l) => l.length >= MIN_SECRET_LENGTH)) expect(out).not.toContain(line);
      expect(out.startsWith("before ")).toBe(true);
    });
  }

  it("any length, in one pass (a replacement is never scanned again)", () => {
    expect(redact("a-b-a", ["a"])).toBe("[secret]-b-[secret]");
    expect(redact("secret", ["e"])).toBe("s[secret]cr[secret]t");
  });
});

describe("secret-looking text, whoever's it is", () => {
  const cases: [string, string][] = [
    ["enable secret sha512 $6$salt$0123456789abcdefhash", "enable secret sha512 [secret]"],
    ["username admin password 7 0822455D0A16", "username admin password 7 [secret]"],
    ["tacacs-server key 7 060506324F41", "tacacs-server key 7 [secret]"],
    ["ip ospf message-digest-key 1 md5 Wh4tEver", "ip ospf message-digest-key 1 md5 [secret]"],
    ["local-user a password irreversible-cipher abc123", "local-user a password irreversible-cipher [secret]"],
    ['set system login user x authentication encrypted-password "$6$salt$hash"', "set system login user x authentication encrypted-password [secret]"],
    ['set protocols bgp group g authentication-key "$9$abcDEF"', "set protocols bgp group g authentication-key [secret]"],
    ["snmp-server community citydc-ro RO", "snmp-server community [secret] RO"],
    ["Authorization: Basic bmV0b3BzOnBAc3MgdyJyZC8x", "Authorization: Basic [secret]"],
    ["clone https://netops:hunter2x@git.example/x", "clone https://netops:[secret]@git.example/x"],
    ["-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "[secret]"],
    ["-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIEow (cut short", "[secret]"],
    ["---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56wAAA\n---- END SSH2 ENCRYPTED PRIVATE KEY ----", "[secret]"],
    ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\nAAAAsecretpart\nPrivate-MAC: 0a1b2c3d\nnext", "[secret]\nnext"],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text.slice(0, 50)), () => expect(redact(text)).toBe(want));

  it("leaves ordinary configuration and citydc's own messages alone", () => {
    for (const t of ["vlan 120 name video", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI", "no password or private key for netops@10.0.0.1:22", "interface 10GE1/0/1 description to spine"]) expect(redact(t)).toBe(t);
  });
});

describe("secrets too short to redact are refused where they enter", () => {
  it("secretTooShort", () => {
    expect(secretTooShort("x", "1234567")).toMatch(/7 characters/);
    expect(secretTooShort("x", "12345678")).toBeUndefined();
    expect(secretTooShort("x", undefined)).toBeUndefined();
  });

  it("CITYDC_SSH_PASSWORD (drift, the program): a CliError with exit 2", () => {
    expect(() => credentialsFromEnv({ CITYDC_SSH_PASSWORD: "abc" })).toThrow(CliError);
    try {
      credentialsFromEnv({ CITYDC_SSH_PASSWORD: "abc" });
    } catch (err) {
      expect((err as CliError).exitCode).toBe(2);
      expect((err as Error).message).not.toContain("abc");
    }
    expect(credentialsFromEnv({ CITYDC_SSH_PASSWORD: "long-enough-1" }).credentials.password).toBe("long-enough-1");
  });

  it("the stack passphrase (every stack command): PulumiSetupError, exit 2", () => {
    expect(() => pulumiEnv("primary", { root: tmp, passphrase: "short" })).toThrow(PulumiSetupError);
    const file = join(tmp, "pass");
    writeFileSync(file, "tiny\n");
    const saved = { ...process.env };
    try {
      delete process.env.PULUMI_CONFIG_PASSPHRASE;
      process.env.PULUMI_CONFIG_PASSPHRASE_FILE = file;
      expect(() => pulumiEnv("primary", { root: tmp })).toThrow(/at least 8 characters/);
      process.env.CITYDC_LAB_PASSPHRASE = "lab";
      expect(() => pulumiEnv("lab", { root: tmp })).toThrow(PulumiSetupError);
    } finally {
      process.env = saved;
    }
  });
});

describe("records, the transport and the provider use it", () => {
  /** A run result that echoes a secret everywhere a message can go. */
  function result(secret: string, hidden: readonly string[]): StackRunResult {
    const r: StackRunResult = {
      stack: "lab",
      kind: "update",
      ok: false,
      summary: { update: 1 },
      steps: [],
      devices: [{ urn: "urn:x::d1", type: "citydc:device:DeviceConfig", name: "d1", op: "update", diffs: [], error: `device d1: ${secret} ${encodeURIComponent(secret)}` }],
      failures: [{ device: "d1", message: `auth failed for ${JSON.stringify(secret)}` }],
      error: `update failed: ${secret}`,
      durationMs: 1,
      stdout: "",
    };
    return Object.defineProperty(r, "secrets", { value: hidden, enumerable: false });
  }

  it("a record redacts the run's own secrets (its stack config) without any caller passing them", () => {
    const stackSecret = "stack-config-s3cret";
    const rec = buildRunRecord({ stack: "lab", result: result(stackSecret, [stackSecret]), inventoryFile: "inventory/lab.yaml", env: {}, postChecks: [{ name: `check ${stackSecret}`, ok: true, detail: stackSecret }] });
    const text = JSON.stringify(rec);
    for (const f of secretForms(stackSecret)) expect(text).not.toContain(f);
    // the result's secrets never show when it is serialized
    expect(JSON.stringify(result(stackSecret, [stackSecret]))).not.toMatch(/"secrets"/);
  });

  it("the preview's secrets and the environment's (passphrase file, key file) count too", () => {
    const pass = join(tmp, "passphrase");
    writeFileSync(pass, "file-passphrase-123\n");
    const env = { PULUMI_CONFIG_PASSPHRASE_FILE: pass, CITYDC_LAB_PASSPHRASE: "lab-passphrase-x" };
    expect(knownSecrets(env)).toEqual(expect.arrayContaining(["lab-passphrase-x", "file-passphrase-123\n"]));
    const preview = result("preview-secret-9", ["preview-secret-9"]);
    const rec = buildRunRecord({ stack: "lab", result: result("file-passphrase-123 lab-passphrase-x", []), preview, inventoryFile: "x", env });
    const text = JSON.stringify(rec);
    expect(text).not.toContain("file-passphrase-123");
    expect(text).not.toContain("lab-passphrase-x");
  });

  it("the transport redacts every form of the target's secrets and secret-looking device output", () => {
    const t = { device: "d", platform: "ovs" as const, host: "h", port: 22, user: "u", hostKey: "k", password: SECRET };
    const out = transportRedact(`echo ${encodeURIComponent(SECRET)}\nsecret 5 $1$abc$def\n${JSON.stringify(SECRET)}`, t);
    expect(out).not.toContain(encodeURIComponent(SECRET));
    expect(out).not.toContain("$1$abc$def");
    expect(out).not.toContain(JSON.stringify(SECRET).slice(1, -1));
  });
});
