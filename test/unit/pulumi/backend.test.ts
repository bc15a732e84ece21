import * as path from "path";
import { describe, expect, it } from "vitest";
import { backendPassword, backendUrl, displayBackend, pulumiEnv } from "../../../pulumi/env";

describe("the state backend URL", () => {
  it("a directory or file:// is the file backend; postgres:// (and postgresql://) the PostgreSQL one", () => {
    expect(backendUrl("/tmp/x", "/repo")).toBe("file:///tmp/x");
    expect(backendUrl("rel", "/repo")).toBe(`file://${path.resolve("rel")}`);
    expect(backendUrl("file:///s", "/repo")).toBe("file:///s");
    expect(backendUrl("postgres://u:pw-long-enough@db:5432/state?sslmode=require", "/repo")).toBe("postgres://u:pw-long-enough@db:5432/state?sslmode=require");
    expect(backendUrl("postgresql://u@db/state", "/repo")).toBe("postgres://u@db/state");
  });

  it("CITYDC_BACKEND_URL when no option is given, else <root>/.state", () => {
    const before = process.env.CITYDC_BACKEND_URL;
    try {
      process.env.CITYDC_BACKEND_URL = "postgres://ci@db/state";
      expect(backendUrl(undefined, "/repo")).toBe("postgres://ci@db/state");
      delete process.env.CITYDC_BACKEND_URL;
      expect(backendUrl(undefined, "/repo")).toBe("file:///repo/.state");
    } finally {
      if (before === undefined) delete process.env.CITYDC_BACKEND_URL;
      else process.env.CITYDC_BACKEND_URL = before;
    }
  });

  it("refuses other schemes and unreadable postgres URLs in one line that never shows the password", () => {
    expect(() => backendUrl("s3://bucket", "/r")).toThrow(/s3:\/\/ is not one citydc runs on/);
    expect(() => backendUrl("", "/r")).toThrow(/is empty/);
    for (const bad of ["postgres://u:secret-pass@/db", "postgres://u:secret-pass@[::1/db"]) {
      let message = "";
      try {
        backendUrl(bad, "/r");
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/postgres:\/\//);
      expect(message).not.toContain("secret-pass");
      expect(message).not.toContain("\n");
    }
  });

  it("the password: decoded for redaction, masked for display; a short one is refused before any run", () => {
    expect(backendPassword("postgres://u:p%40ss-word-1@db/s")).toBe("p@ss-word-1");
    expect(backendPassword("postgres://u@db/s")).toBeUndefined();
    expect(backendPassword("file:///x")).toBeUndefined();
    expect(displayBackend("postgres://u:p%40ss-word-1@db/s")).toBe("postgres://u:****@db/s");
    expect(() => pulumiEnv("lab", { root: "/tmp", backendUrl: "postgres://u:short@db/s", pulumiHome: "/tmp/citydc-unit-home" })).toThrow(/password of the state backend URL is 5 characters/);
  });
});

describe("opening a stack on a fresh PostgreSQL database", () => {
  const RACE = "failed to create table pulumi_state: pq: duplicate key value violates unique constraint \"pg_type_typname_nsp_index\" (23505)";
  const PG = "postgres://citydc:pw-long-enough@127.0.0.1:5432/state?sslmode=disable";
  const failing = (errors: string[]) => {
    let calls = 0;
    const open = async () => {
      calls++;
      const e = errors.shift();
      if (e !== undefined) throw new Error(`exit status 255\n\nstderr: error: ${e}`);
      return "stack";
    };
    return { open, calls: () => calls };
  };

  it("retries the CLI's table creation that lost the race to another run, and gets the stack", async () => {
    const { openRetryingTableRace } = await import("../../../pulumi/stacks");
    const f = failing([RACE]);
    await expect(openRetryingTableRace(f.open, PG)).resolves.toBe("stack");
    expect(f.calls()).toBe(2);
  });

  it("does not retry any other failure, nor on a file backend, and gives up after four tries", async () => {
    const { openRetryingTableRace } = await import("../../../pulumi/stacks");
    const login = failing(["pq: password authentication failed for user \"citydc\""]);
    await expect(openRetryingTableRace(login.open, PG)).rejects.toThrow(/password authentication failed/);
    expect(login.calls()).toBe(1);
    const file = failing([RACE]);
    await expect(openRetryingTableRace(file.open, "file:///tmp/state")).rejects.toThrow(/failed to create table/);
    expect(file.calls()).toBe(1);
    const always = failing([RACE, RACE, RACE, RACE, RACE]);
    await expect(openRetryingTableRace(always.open, PG)).rejects.toThrow(/23505/);
    expect(always.calls()).toBe(4);
  });
});
