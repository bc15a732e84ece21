import { describe, expect, it } from "vitest";
import { DeviceConfigProvider, type ProviderDeps } from "../../../provider/deviceConfigProvider";
import { SECRET_SIG, SIG_KEY, isSecret, wrapSecret } from "../../../provider/secrets";
import type { StoredObject } from "../../../provider/types";
import type { ConfigObject, DeviceChangeSet, Platform } from "../../../platforms/types";
import { TransportError, type DeviceSession, type DeviceTarget } from "../../../transport/types";

const PASSWORD = "s3cret-pass-word";

function obj(kind: StoredObject["kind"], name: string, fields: StoredObject["fields"] = {}): StoredObject {
  return { kind, summary: `${kind} ${name}`, fields, apply: [`add ${kind} ${name} ${JSON.stringify(fields)}`], remove: [`del ${kind} ${name}`], readBack: `show ${kind} ${name}` };
}

const fakePlatform = {
  name: "ovs",
  wrap: (cmds: readonly string[]) => ["BEGIN", ...cmds, "COMMIT"],
  parseReadBack: () => ({ present: true }),
} as unknown as Platform;

/** A simple delta: adds and changes apply, removals remove (the real one is platforms/changeset.ts). */
function fakeChangeSet(p: Platform, olds: readonly ConfigObject[], news: readonly ConfigObject[]): DeviceChangeSet {
  const o = new Map(olds.map((x) => [x.key, x]));
  const n = new Map(news.map((x) => [x.key, x]));
  const changes = [
    ...news.filter((x) => JSON.stringify(o.get(x.key)?.fields) !== JSON.stringify(x.fields) || !o.has(x.key)).map((x) => ({ action: o.has(x.key) ? ("change" as const) : ("add" as const), key: x.key, kind: x.kind, summary: x.summary, commands: x.apply })),
    ...olds.filter((x) => !n.has(x.key)).map((x) => ({ action: "remove" as const, key: x.key, kind: x.kind, summary: x.summary, commands: x.remove })),
  ];
  return { device: olds[0]?.device ?? news[0]!.device, platform: "ovs", changes, script: p.wrap(changes.flatMap((c) => c.commands)) };
}

interface Recorded {
  targets: DeviceTarget[];
  applied: string[][];
  shown: string[][];
  closed: number;
}

function setup(opts: { fail?: TransportError; readBack?: Record<string, string> } = {}) {
  const rec: Recorded = { targets: [], applied: [], shown: [], closed: 0 };
  const changeSets: { olds: string[]; news: string[] }[] = [];
  const deps: ProviderDeps = {
    platform: (name) => (name === "ovs" ? { ...fakePlatform, parseReadBack: (o: ConfigObject, out: string) => (out === "absent" ? { present: false } : out === "same" ? { present: true, fields: o.fields } : { present: true, fields: JSON.parse(out) }) } as Platform : undefined),
    changeSet: (p, olds, news) => {
      changeSets.push({ olds: olds.map((x) => x.key), news: news.map((x) => x.key) });
      return fakeChangeSet(p, olds, news);
    },
    openSession: async (target) => {
      rec.targets.push(target);
      if (opts.fail) throw opts.fail;
      const s: DeviceSession = {
        apply: async (script) => {
          rec.applied.push([...script]);
          return { output: "" };
        },
        show: async (cmds) => {
          rec.shown.push([...cmds]);
          return cmds.map((c) => opts.readBack?.[c] ?? "same");
        },
        close: async () => {
          rec.closed++;
        },
      };
      return s;
    },
  };
  return { provider: new DeviceConfigProvider(deps), rec, changeSets };
}

function inputs(objects: Record<string, StoredObject>, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    device: "leaf1",
    site: "dc1",
    platform: "ovs",
    target: { host: "127.0.0.1", port: 2202, user: "citydc", hostKey: "ssh-ed25519 AAAAC3Nza" },
    management: {},
    credentials: wrapSecret({ password: PASSWORD }),
    objects,
    ...over,
  };
}

const base = {
  "vlan:120": obj("vlan", "120", { id: 120, name: "video" }),
  "port:p5": obj("port", "p5", { mode: "access", vlan: 120 }),
  "lag:bond0": obj("lag", "bond0", { lacp: "active" }),
};

describe("DeviceConfig provider", () => {
  it("check refuses a device without a pinned host key and credentials that are not secret", async () => {
    const { provider, rec } = setup();
    const bad = inputs(base, { target: { host: "127.0.0.1", port: 22, user: "u", hostKey: "AAAAC3Nza" }, credentials: { password: PASSWORD } });
    const r = await provider.check("urn", {}, bad);
    expect(r.failures.map((f) => f.property).sort()).toEqual(["credentials", "target.hostKey"]);
    expect(rec.targets).toHaveLength(0);
    const ok = await provider.check("urn", {}, inputs(base));
    expect(ok.failures).toEqual([]);
  });

  it("create applies every object in kind order in one wrapped session", async () => {
    const { provider, rec } = setup();
    const r = await provider.create("urn", inputs(base));
    expect(r.id).toBe("leaf1");
    expect(rec.targets).toHaveLength(1);
    expect(rec.targets[0]!.password).toBe(PASSWORD);
    expect(rec.targets[0]!.hostKey).toBe("ssh-ed25519 AAAAC3Nza");
    expect(rec.applied).toEqual([["BEGIN", base["vlan:120"].apply[0], base["lag:bond0"].apply[0], base["port:p5"].apply[0], "COMMIT"]]);
    expect(rec.closed).toBe(1);
  });

  it("keeps the credentials secret in its outputs", async () => {
    const { provider } = setup();
    const r = await provider.create("urn", inputs(base));
    const outs = r.outs as Record<string, unknown>;
    expect(isSecret(outs.credentials)).toBe(true);
    expect((outs.credentials as Record<string, unknown>)[SIG_KEY]).toBe(SECRET_SIG);
  });

  it("diff reports no change for the same objects and a change when one object differs", async () => {
    const { provider, rec } = setup();
    const same = await provider.diff("leaf1", "urn", inputs(base), inputs({ ...base }));
    expect(same.changes).toBe(false);
    const moved = await provider.diff("leaf1", "urn", inputs(base), inputs({ ...base, "port:p5": obj("port", "p5", { mode: "access", vlan: 130 }) }));
    expect(moved.changes).toBe(true);
    expect(moved.replaces).toEqual([]);
    const renamed = await provider.diff("leaf1", "urn", inputs(base), inputs(base, { platform: "frr" }));
    expect(renamed.replaces).toEqual(["platform"]);
    expect(renamed.deleteBeforeReplace).toBe(true);
    expect(rec.targets).toHaveLength(0);
  });

  it("update sends exactly the delta in one session", async () => {
    const { provider, rec, changeSets } = setup();
    const news = { ...base, "port:p5": obj("port", "p5", { mode: "access", vlan: 130 }), "vlan:130": obj("vlan", "130", { id: 130 }) };
    delete (news as Record<string, unknown>)["lag:bond0"];
    await provider.update("leaf1", "urn", inputs(base), inputs(news));
    expect(rec.targets).toHaveLength(1);
    expect(rec.applied).toEqual([["BEGIN", news["vlan:130"].apply[0], news["port:p5"].apply[0], base["lag:bond0"].remove[0], "COMMIT"]]);
    expect(changeSets[0]!.olds).toEqual(["vlan:120", "lag:bond0", "port:p5"]);
  });

  it("update with rotated credentials only opens no session and stores the new secret", async () => {
    const { provider, rec } = setup();
    const d = await provider.diff("leaf1", "urn", inputs(base), inputs(base, { credentials: wrapSecret({ password: "rotated-pass" }) }));
    expect(d.changes).toBe(true);
    const r = await provider.update("leaf1", "urn", inputs(base), inputs(base, { credentials: wrapSecret({ password: "rotated-pass" }) }));
    expect(rec.targets).toHaveLength(0);
    expect(((r.outs as Record<string, { value: { password: string } }>).credentials).value.password).toBe("rotated-pass");
  });

  it("update to a new address pushes the whole configuration", async () => {
    const { provider, rec, changeSets } = setup();
    await provider.update("leaf1", "urn", inputs(base), inputs(base, { target: { host: "127.0.0.2", port: 22, user: "citydc", hostKey: "ssh-ed25519 AAAAC3Nza" } }));
    expect(changeSets[0]!.olds).toEqual([]);
    expect(rec.applied[0]).toHaveLength(Object.keys(base).length + 2);
  });

  it("a failed device raises an error naming it and its transport error kind, without the password", async () => {
    const { provider } = setup({ fail: new TransportError("leaf1", "auth", `login refused for password ${PASSWORD}`) });
    const err = await provider.create("urn", inputs(base)).catch((e: unknown) => e as Error & { device: string; kind: string });
    expect(err.device).toBe("leaf1");
    expect(err.kind).toBe("auth");
    expect(err.message).toContain("leaf1");
    expect(err.message).not.toContain(PASSWORD);
  });

  it("the error never carries the password in an encoded form either, nor a secret the device printed", async () => {
    const { provider } = setup({ fail: new TransportError("leaf1", "command", `GET /login?pw=${encodeURIComponent(PASSWORD)} "${JSON.stringify(PASSWORD).slice(1, -1)}"\nsecret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0`) });
    const err = await provider.create("urn", inputs(base)).catch((e: unknown) => e as Error);
    expect(err.message).toContain("leaf1");
    for (const f of [PASSWORD, encodeURIComponent(PASSWORD), "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0"]) expect(err.message).not.toContain(f);
  });

  it("refuses to log in to a device whose host key is not pinned", async () => {
    const { provider, rec } = setup();
    const unpinned = inputs(base, { target: { host: "127.0.0.1", port: 22, user: "u", hostKey: "" } });
    expect((await provider.check("urn", {}, unpinned)).failures).toEqual([]);
    const err = await provider.create("urn", unpinned).catch((e: unknown) => e as { kind: string; device: string });
    expect(err).toMatchObject({ kind: "hostkey", device: "leaf1" });
    expect(rec.targets).toHaveLength(0);
  });

  it("check fails the preview when the platform refuses the change (management path)", async () => {
    const { provider } = setup();
    const refusing = new DeviceConfigProvider({
      ...(provider as unknown as { deps: ProviderDeps }).deps,
      changeSet: () => {
        throw new Error("removal of management VLAN 10: it would cut the management path");
      },
    });
    const r = await refusing.check("urn", inputs(base), inputs({ "vlan:120": base["vlan:120"] }));
    expect(r.failures.map((f) => f.property)).toEqual(["objects"]);
    expect(r.failures[0]!.reason).toContain("leaf1");
    // a new resource (no olds) has nothing to refuse
    expect((await refusing.check("urn", {}, inputs(base))).failures).toEqual([]);
  });

  it("delete leaves the management interface and VLAN on the device", async () => {
    const { provider, rec } = setup();
    const withMgmt = { ...base, "vlan:10": obj("vlan", "10", { id: 10 }), "port:mgmt0": obj("port", "mgmt0", {}) };
    await provider.delete("leaf1", "urn", inputs(withMgmt, { management: { interface: "mgmt0", vlan: 10 } }));
    expect(rec.applied).toHaveLength(1);
    expect(rec.applied[0]!.join("\n")).not.toContain("del vlan 10");
    expect(rec.applied[0]!.join("\n")).not.toContain("del port mgmt0");
    expect(rec.applied[0]!.join("\n")).toContain("del vlan 120");
  });

  it("deleting a renamed device's old resource keeps what its successor just pushed to the same box", async () => {
    const { provider, rec } = setup();
    // the successor (new name, same address) is created first, then the old resource is deleted
    await provider.create("urn:new", inputs({ "vlan:120": base["vlan:120"], "port:p5": base["port:p5"] }, { device: "leaf1-new" }));
    await provider.delete("leaf1", "urn:old", inputs(base));
    expect(rec.applied).toHaveLength(2);
    expect(rec.applied[1]).toEqual(["BEGIN", base["lag:bond0"].remove[0], "COMMIT"]);
  });

  it("delete removes every object in one session", async () => {
    const { provider, rec } = setup();
    await provider.delete("leaf1", "urn", inputs(base));
    expect(rec.applied).toEqual([["BEGIN", ...["vlan:120", "lag:bond0", "port:p5"].map((k) => base[k as keyof typeof base].remove[0]), "COMMIT"]]);
  });

  it("read reports what the device holds: missing objects drop out, drifted facts are kept", async () => {
    const { provider, rec } = setup({ readBack: { "show vlan 120": "absent", "show port p5": JSON.stringify({ mode: "access", vlan: 999 }) } });
    const r = await provider.read("leaf1", "urn", inputs(base));
    const objects = (r.props as { objects: Record<string, StoredObject> }).objects;
    expect(Object.keys(objects).sort()).toEqual(["lag:bond0", "port:p5"]);
    expect(objects["port:p5"]!.fields).toEqual({ mode: "access", vlan: 999 });
    expect(objects["lag:bond0"]).toEqual(base["lag:bond0"]);
    expect(rec.shown).toHaveLength(1);
    expect(isSecret((r.props as Record<string, unknown>).credentials)).toBe(true);
  });
});
