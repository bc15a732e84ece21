/**
 * The one redaction of citydc: run records (audit/records.ts), the SSH transport (every error and every
 * device output), the Pulumi provider (its failure messages) and the engine output of a stack run
 * (pulumi/stacks.ts) all call `redactor(secrets)`. It replaces, in one pass (a replacement is never
 * scanned again):
 *
 *  - every known secret (login password, private key, the stack's secret config, the passphrase) of any
 *    length, in the forms it travels in: as is, trimmed, with LF or CR LF line ends, each line of a
 *    multi-line key, JSON-escaped (also with non-ASCII as \uXXXX), URL-encoded (also as a form, and with
 *    lower-case hex), shell single-quoted, base64;
 *  - private keys whoever they belong to: PEM and OpenSSH blocks (also cut short), SSH2/ssh.com blocks,
 *    PuTTY key files (from the header through Private-MAC);
 *  - crypt(3) and Junos hashes ($1$, $2b$, $5$, $6$, $y$, $9$...), HTTP Basic/Bearer credentials and the
 *    password in a URL (`ssh://user:password@host`);
 *  - the argument of configuration keywords that carry secrets (password, secret, key-string, md5,
 *    pre-shared-key, authentication-key, community, `key <level>`...), keeping the level or algorithm
 *    word (`secret sha512 [secret]`, `key 7 [secret]`).
 *
 * Secrets shorter than MIN_SECRET_LENGTH are refused where they enter (`secretTooShort`): replacing a
 * two-letter password everywhere would both mangle every record and show the password by where the
 * marks fall.
 */

import { readFileSync } from "fs";

export const REDACTED = "[secret]";

/** Shortest password or passphrase citydc accepts (shorter ones cannot be redacted without giving them away). */
export const MIN_SECRET_LENGTH = 8;

/** Why a secret is refused where it enters ("CITYDC_SSH_PASSWORD is 3 characters..."), or undefined. */
export function secretTooShort(what: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const n = [...value.trim()].length;
  if (n >= MIN_SECRET_LENGTH) return undefined;
  return `${what} is ${n} character${n === 1 ? "" : "s"} long; citydc needs secrets of at least ${MIN_SECRET_LENGTH} characters (a shorter one cannot be kept out of records and logs without giving it away): use a longer password or passphrase`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The forms a secret may take in text that reaches a record, a log or a message. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>();
  const add = (s: string | undefined) => {
    if (s !== undefined && s !== "") forms.add(s);
  };
  for (const s of new Set([secret, secret.trim()])) {
    if (s === "") continue;
    add(s);
    const lf = s.replace(/\r\n/g, "\n");
    add(lf);
    add(lf.replace(/\n/g, "\r\n"));
    // Each line of a multi-line secret (a key body), where it is long enough to be the secret's own.
    if (lf.includes("\n")) for (const line of lf.split("\n")) if (line.trim().length >= MIN_SECRET_LENGTH) add(line.trim());
    const json = JSON.stringify(s).slice(1, -1);
    add(json);
    add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    add(JSON.stringify(lf).slice(1, -1));
    const url = encodeURIComponent(s);
    add(url);
    add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    add(url.replace(/%20/g, "+"));
    add(s.replace(/'/g, `'\\''`));
    add(Buffer.from(s, "utf8").toString("base64").replace(/=+$/, ""));
  }
  return [...forms];
}

const BLOCKS: readonly RegExp[] = [
  // PEM / OpenSSH private keys (RSA, EC, ENCRYPTED, OPENSSH...), also when the END line never came
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
  // RFC 4716-style private keys (ssh.com, "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----")
  /---- BEGIN SSH2 [A-Z ]*PRIVATE KEY ----[\s\S]*?(?:---- END SSH2 [A-Z ]*PRIVATE KEY ----|$)/g,
  // PuTTY key files: from the header to the MAC line (the private part sits between)
  /PuTTY-User-Key-File-\d+:[\s\S]*?(?:Private-MAC:\s*[0-9A-Fa-f]+|Private-Hash:\s*[0-9A-Fa-f]+|$)/g,
];

// crypt(3) hashes and Junos "$9$" secrets: the whole token
const HASHES = /\$(?:1|2[abxy]?|5|6|7|8|9|y|gy|sha1|md5)\$[^\s"',;]+/g;

// Words of citydc's own messages ("no password or private key for ..."): never a secret (too short).
const PROSE = String.raw`(?:or|and|for|of|to|is|are|was|the|a|an|in|on|at|not|no|nor|file|given|set|missing|required|configured|from|with)`;
// A keyword that carries a secret, optional level/algorithm words (kept), then the secret (replaced).
const LEVEL = String.raw`(?:[0-9]|sha256|sha512|md5|cipher|irreversible-cipher|simple|plain|plain-text|clear|encrypted|hashed|hidden|scrypt|type\s+[0-9]+)`;
const KEYWORDS = new RegExp(
  String.raw`\b((?:encrypted-|simple-|plain-text-)?password|passwd|passphrase|secret|pre-shared-key|authentication-key|auth-key|key-string|community|psk|md5|key(?=\s+${LEVEL}\s))((?:\s+${LEVEL}(?=\s))*)(\s+|\s*[:=]\s*)(?!${PROSE}\b)("[^"]*"|'[^']*'|[^\s"',;]+)`,
  "gi",
);

// HTTP credentials (Basic carries base64 of user:password) and the password of a URL's user part.
const HTTP_AUTH = /\b(authorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]+/gi;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi;

/** A function that redacts `secrets` (and the patterns above) from any text. */
export function redactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) if (s) for (const f of secretForms(s)) forms.add(f);
  // Longest first, so a key is replaced whole before any of its lines.
  const known = [...forms].sort((a, b) => b.length - a.length);
  const knownRe = known.length ? new RegExp(known.map(escapeRegExp).join("|"), "g") : undefined;
  return (text: string): string => {
    if (typeof text !== "string" || text === "") return text;
    let out = text;
    for (const re of BLOCKS) out = out.replace(re, REDACTED);
    if (knownRe) out = out.replace(knownRe, REDACTED);
    out = out.replace(HASHES, REDACTED);
    out = out.replace(HTTP_AUTH, `$1${REDACTED}`).replace(URL_PASSWORD, `$1${REDACTED}@`);
    out = out.replace(KEYWORDS, (m, word: string, level: string, sep: string, value: string) => (value === REDACTED || /^\[secret\]/.test(value) ? m : `${word}${level}${sep}${REDACTED}`));
    return out;
  };
}

/** `redactor(secrets)(text)`. */
export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
  return redactor(secrets)(text);
}

/** Secret values of an environment: the login password and key file, the stack passphrase (and its file). */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  for (const k of ["CITYDC_SSH_PASSWORD", "PULUMI_CONFIG_PASSPHRASE", "CITYDC_LAB_PASSPHRASE"]) if (env[k]) out.push(env[k]!);
  for (const k of ["CITYDC_SSH_KEY_FILE", "PULUMI_CONFIG_PASSPHRASE_FILE"]) {
    const file = env[k];
    if (!file) continue;
    try {
      out.push(readFileSync(file, "utf8"));
    } catch {
      /* unreadable: nothing to redact */
    }
  }
  return out;
}
