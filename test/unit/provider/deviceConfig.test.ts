import { createHash } from "crypto";
import { describe, expect, it } from "vitest";
import { DeviceConfigProvider, type ProviderDeps } from "../../../provider/deviceConfigProvider";
import { SECRET_SIG, SIG_KEY, isSecret, wrapSecret } from "../../../provider/secrets";
import type { FullObject, LeanObject, StoredObject } from "../../../provider/types";
import type { ConfigObject, DeviceChangeSet, Platform } from "../../../platforms/types";
import type { DeviceIntent } from "../../../intent/types";
import { changeSet as realChangeSet } from "../../../platforms/changeset";
import { TransportError, type DeviceSession, type DeviceTarget } from "../../../transport/types";

const PASSWORD = "s3cret-pass-word";

/** An object as the fake platform renders it (and as an earlier citydc kept it in state, lines and all). */
function obj(kind: StoredObject["kind"], name: string, fields: StoredObject["fields"] = {}): FullObject {
  return { kind, summary: `${kind} ${name}`, fields, apply: [`add ${kind} ${name} ${JSON.stringify(fields)}`], remove: [`del ${kind} ${name}`], readBack: `show ${kind} ${name}` };
}

/** The digest a lean object keeps, computed here on its own: sha256 of the apply lines, each with a line end, first 32 hex digits. */
function digestOf(apply: readonly string[]): string {
  return createHash("sha256").update(apply.map((l) => `${l}\n`).join("")).digest("hex").slice(0, 32);
}

function leanObj(o: FullObject): LeanObject {
  return { kind: o.kind, fields: o.fields, digest: digestOf(o.apply) };
}

/** The fake platform renders exactly the objects its fake intent lists. */
function fakeIntent(objects: Record<string, FullObject>): DeviceIntent {
  return { device: "leaf1", fake: Object.entries(objects).map(([key, o]) => ({ key, ...o })) } as unknown as DeviceIntent;
}

const fakePlatform = {
  name: "ovs",
  wrap: (cmds: readonly string[]) => ["BEGIN", ...cmds, "COMMIT"],
  parseReadBack: () => ({ present: true }),
  objects: (intent: DeviceIntent) => (intent as unknown as { fake: (FullObject & { key: string })[] }).fake.map((o) => ({ device: intent.device, ...o })),
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

function setup(opts: { fail?: TransportError; readBack?: Record<string, string>; realChangeSet?: boolean } = {}) {
  const rec: Recorded = { targets: [], applied: [], shown: [], closed: 0 };
  const changeSets: { olds: string[]; news: string[] }[] = [];
  const deps: ProviderDeps = {
    platform: (name) => (name === "ovs" ? { ...fakePlatform, parseReadBack: (o: ConfigObject, out: string) => (out === "absent" ? { present: false } : out === "same" ? { present: true, fields: o.fields } : { present: true, fields: JSON.parse(out) }) } as Platform : undefined),
    changeSet: (p, olds, news) => {
      changeSets.push({ olds: olds.map((x) => x.key), news: news.map((x) => x.key) });
      return opts.realChangeSet ? realChangeSet(p, olds, news) : fakeChangeSet(p, olds, news);
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

/** Lean inputs (what the program passes today): the intent the objects render from, and per object kind, fields, digest. */
function inputs(objects: Record<string, FullObject>, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    device: "leaf1",
    site: "dc1",
    platform: "ovs",
    target: { host: "127.0.0.1", port: 2202, user: "citydc", hostKey: "ssh-ed25519 AAAAC3Nza" },
    management: {},
    credentials: wrapSecret({ password: PASSWORD }),
    intent: fakeIntent(objects),
    objects: Object.fromEntries(Object.entries(objects).map(([k, o]) => [k, leanObj(o)])),
    ...over,
  };
}

/** State as citydc wrote it before the lean state: each object with its lines, no intent. */
function earlierState(objects: Record<string, FullObject>, over: Record<string, unknown> = {}): Record<string, unknown> {
  const { intent: _intent, ...rest } = inputs(objects, over);
  return { ...rest, objects };
}

const base: Record<"vlan:120" | "port:p5" | "lag:bond0", FullObject> = {
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
    expect(objects["port:p5"]).toEqual({ kind: "port", fields: { mode: "access", vlan: 999 }, digest: digestOf(['add port p5 {"mode":"access","vlan":120}']) });
    expect(objects["lag:bond0"]).toEqual({ kind: "lag", fields: { lacp: "active" }, digest: digestOf(['add lag bond0 {"lacp":"active"}']) });
    // the read-back commands are rendered from the intent, in apply order
    expect(rec.shown).toEqual([["show vlan 120", "show lag bond0", "show port p5"]]);
    expect(isSecret((r.props as Record<string, unknown>).credentials)).toBe(true);
  });

  it("keeps no line of configuration in its state: the intent once, and per object its kind, fields and digest", async () => {
    const { provider } = setup();
    const outs = (await provider.create("urn", inputs(base))).outs as Record<string, unknown>;
    expect(outs.objects).toEqual({
      "vlan:120": { kind: "vlan", fields: { id: 120, name: "video" }, digest: digestOf(['add vlan 120 {"id":120,"name":"video"}']) },
      "port:p5": { kind: "port", fields: { mode: "access", vlan: 120 }, digest: digestOf(['add port p5 {"mode":"access","vlan":120}']) },
      "lag:bond0": { kind: "lag", fields: { lacp: "active" }, digest: digestOf(['add lag bond0 {"lacp":"active"}']) },
    });
    expect(JSON.stringify(outs.objects)).not.toMatch(/"(apply|remove|readBack|summary)"/);
    expect(outs.intent).toBeDefined();
  });

  it("check refuses lean objects without the intent they are rendered from, and a lean object without a digest", async () => {
    const { provider } = setup();
    const { intent: _i, ...noIntent } = inputs(base);
    expect((await provider.check("urn", {}, noIntent)).failures.map((f) => f.property)).toEqual(["intent"]);
    const noDigest = inputs(base, { objects: { "vlan:120": { kind: "vlan", fields: { id: 120 } } } });
    expect((await provider.check("urn", {}, noDigest)).failures.map((f) => f.property)).toEqual(["objects.vlan:120"]);
    // state of the earlier shape is still accepted (it is the olds of the first update after the upgrade)
    expect((await provider.check("urn", {}, earlierState(base))).failures).toEqual([]);
  });

  it("state of the earlier shape with the same objects: a change (the state is rewritten lean) whose update sends nothing", async () => {
    const { provider, rec, changeSets } = setup({ realChangeSet: true });
    const d = await provider.diff("leaf1", "urn", earlierState(base), inputs(base));
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const r = await provider.update("leaf1", "urn", earlierState(base), inputs(base));
    expect(rec.targets).toHaveLength(0);
    expect(rec.applied).toEqual([]);
    expect(changeSets[0]!.olds).toEqual(["vlan:120", "lag:bond0", "port:p5"]);
    const outs = r.outs as { objects: Record<string, unknown>; intent?: unknown };
    expect(outs.intent).toBeDefined();
    expect(JSON.stringify(outs.objects)).not.toMatch(/"(apply|remove|readBack)"/);
    // and once lean, the same objects are no change at all
    expect((await provider.diff("leaf1", "urn", r.outs as Record<string, unknown>, inputs(base))).changes).toBe(false);
  });

  it("state of the earlier shape with a change: exactly the delta is sent, a removal with the lines the state kept", async () => {
    const { provider, rec } = setup({ realChangeSet: true });
    const earlier = { ...base, "lag:bond0": { ...base["lag:bond0"], remove: ["del lag bond0 (as an earlier citydc rendered it)"] } };
    const news = { "vlan:120": base["vlan:120"], "port:p5": obj("port", "p5", { mode: "access", vlan: 130 }) };
    await provider.update("leaf1", "urn", earlierState(earlier), inputs(news));
    expect(rec.applied).toEqual([["BEGIN", 'add port p5 {"mode":"access","vlan":130}', "del lag bond0 (as an earlier citydc rendered it)", "COMMIT"]]);
  });

  it("an object whose lines changed since it was applied (same fields, a newer citydc renders it otherwise) is sent again", async () => {
    const { provider, rec } = setup({ realChangeSet: true });
    const applied = inputs(base);
    const stale = { ...(applied.objects as Record<string, LeanObject>), "vlan:120": { ...leanObj(base["vlan:120"]), digest: digestOf(["vlan 120 as an earlier renderer wrote it"]) } };
    const olds = { ...applied, objects: stale };
    expect((await provider.diff("leaf1", "urn", olds, inputs(base))).changes).toBe(true);
    await provider.update("leaf1", "urn", olds, inputs(base));
    expect(rec.applied).toEqual([["BEGIN", base["vlan:120"].apply[0], "COMMIT"]]);
  });

  it("a lean update renders the old objects from the old intent and the new ones from the new intent", async () => {
    const { provider, rec } = setup({ realChangeSet: true });
    const news = { "vlan:120": base["vlan:120"], "vlan:130": obj("vlan", "130", { id: 130 }), "port:p5": obj("port", "p5", { mode: "access", vlan: 130 }) };
    await provider.update("leaf1", "urn", inputs(base), inputs(news));
    expect(rec.applied).toEqual([["BEGIN", 'add vlan 130 {"id":130}', 'add port p5 {"mode":"access","vlan":130}', "del lag bond0", "COMMIT"]]);
  });

  it("read leaves alone a lean object its intent no longer renders (nothing to read it back with)", async () => {
    const { provider, rec } = setup();
    const props = inputs(base);
    const unknown = { kind: "route", fields: { prefix: "10.9.0.0/16" }, digest: digestOf(["route 10.9.0.0/16"]) };
    const r = await provider.read("leaf1", "urn", { ...props, objects: { ...(props.objects as Record<string, LeanObject>), "route:gone": unknown } });
    expect((r.props as { objects: Record<string, unknown> }).objects["route:gone"]).toEqual(unknown);
    expect(rec.shown).toEqual([["show vlan 120", "show lag bond0", "show port p5"]]);
  });
});
