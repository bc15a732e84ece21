/**
 * Pulumi's wire form of a secret value: the engine hands secrets to a provider that accepts them
 * (the Node.js provider server does) as `{ [SIG_KEY]: SECRET_SIG, value }`, and a provider that returns
 * a value in that form keeps it secret in state. Constants of the Pulumi RPC protocol.
 */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function isSecret(v: unknown): v is { value: unknown } {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Removes secret wrappers anywhere in a value. */
export function unwrapDeep(v: unknown): unknown {
  if (isSecret(v)) return unwrapDeep(v.value);
  if (Array.isArray(v)) return v.map(unwrapDeep);
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = unwrapDeep(x);
    return out;
  }
  return v;
}

export function wrapSecret<T>(value: T): { [SIG_KEY]: string; value: T } {
  return { [SIG_KEY]: SECRET_SIG, value };
}
