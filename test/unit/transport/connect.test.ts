import { describe, it, expect } from "vitest";
import { parsePinnedKey, redact, connect } from "../../../transport/connect";
import { TransportError } from "../../../transport/types";

// A real ed25519 public key line (from ssh-keygen), used only as data.
const ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBPEbU9U1g8ZWq7DKkBdTK8G2d0uGbOmQm1GrQGgQ2JZ";

describe("host key pins", () => {
  it("parses a pinned key and checks that its type matches the blob", () => {
    const k = parsePinnedKey(`${ED} comment`);
    expect(k?.type).toBe("ssh-ed25519");
    expect(k?.blob.length).toBe(51);
    expect(parsePinnedKey(ED.replace("ssh-ed25519", "ssh-rsa"))).toBeUndefined();
    expect(parsePinnedKey("not a key")).toBeUndefined();
    expect(parsePinnedKey("")).toBeUndefined();
  });

  it("refuses to connect without a valid pin or without credentials, before any network traffic", async () => {
    const base = { device: "sw1", platform: "ovs" as const, host: "127.0.0.1", port: 1, user: "u", hostKey: "" , password: "pw-secret-1"};
    await expect(connect(base)).rejects.toMatchObject({ kind: "hostkey", device: "sw1" });
    await expect(connect({ ...base, hostKey: ED, password: undefined })).rejects.toBeInstanceOf(TransportError);
    await expect(connect({ ...base, hostKey: ED, password: undefined })).rejects.toMatchObject({ kind: "auth" });
  });

  it("never lets a secret through redact", () => {
    const t = { device: "d", platform: "ovs" as const, host: "h", port: 22, user: "u", hostKey: ED, password: "s3cr3t-pass" };
    expect(redact("login s3cr3t-pass failed s3cr3t-pass", t)).not.toContain("s3cr3t-pass");
  });

  it("reports a closed port as unreachable and a bad private key as auth, without echoing the key", async () => {
    const t = { device: "d", platform: "ovs" as const, host: "127.0.0.1", port: 9, user: "u", hostKey: ED, privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-key-material\n-----END OPENSSH PRIVATE KEY-----\n", timeoutMs: 2000 };
    const err = await connect(t).catch((e: TransportError) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).kind).toBe("auth");
    expect((err as TransportError).message).not.toContain("not-a-key-material");
    const err2 = await connect({ ...t, privateKey: undefined, password: "x-secret-x" }).catch((e: TransportError) => e);
    expect((err2 as TransportError).kind).toBe("unreachable");
    expect((err2 as TransportError).message).not.toContain("x-secret-x");
  });
});
