/**
 * The CI files run here as far as they can without a network, a state backend or devices: every step of
 * .github/workflows/inventory.yml and every script line of docs/gitlab-ci.yml that runs citydc is run with
 * bash on the samples (validate, diff --impact against an earlier revision from git, plan of a stack
 * without state, docs), with the CI's expressions and variables set as a pull request would set them, its
 * output folders moved to a temporary directory. What cannot run here (the machine set-up, posting the
 * comment, an action) is named; an apply's command line is checked to parse (`--help` appended:
 * an unknown flag would still fail).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import * as yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citydc-ci-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A revision of the city inventory that differs from the working copy (the diff has something to show). */
function baseRevision(): string {
  const now = fs.readFileSync(path.join(ROOT, "inventory/kragujevac.yaml"), "utf8");
  const revs = execFileSync("git", ["log", "--format=%H", "--", "inventory/kragujevac.yaml"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").filter(Boolean);
  for (const r of revs) {
    const old = spawnSync("git", ["show", `${r}:inventory/kragujevac.yaml`], { cwd: ROOT, encoding: "utf8" });
    if (old.status === 0 && old.stdout !== now) return r;
  }
  return "HEAD";
}
const BASE = baseRevision();

/** The environment of a CI run here: no state backend, no passphrase, no credentials of this machine. */
function ciEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", ...extra };
  for (const k of ["CITYDC_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "CITYDC_SSH_PASSWORD", "CITYDC_AUDIT_DIR"]) if (!(k in extra)) delete env[k];
  return env;
}

function bash(script: string, env: NodeJS.ProcessEnv): { status: number; out: string; err: string } {
  const r = spawnSync("bash", ["-eo", "pipefail", "-c", script], { cwd: ROOT, env, encoding: "utf8", timeout: 240_000 });
  return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** An apply's command line, checked to parse: `--help` appended (flags are parsed before help is printed). */
const parseOnly = (line: string): string => line.replace(/(node bin\/citydc\.js up\b.*)$/m, "$1 --help");

const wellFormed = (files: string[]): void => {
  expect(files.length).toBeGreaterThan(0);
  const r = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
};

// ------------------------------------------------------------------ GitHub Actions

interface GhStep {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
interface GhJob {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly env?: Record<string, string>;
  readonly concurrency?: { group: string; "cancel-in-progress": boolean };
  readonly steps: GhStep[];
}
const workflow = yaml.load(fs.readFileSync(path.join(ROOT, ".github/workflows/inventory.yml"), "utf8")) as {
  on: { pull_request: { paths: string[] }; push: { branches: string[] } };
  jobs: Record<string, GhJob>;
};

/** `${{ ... }}` as GitHub would fill it in for a pull request of this repository without settings. */
function expr(value: string, ctx: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
    if (e in ctx) return ctx[e]!;
    if (/^(vars|secrets)\./.test(e)) return "";
    throw new Error(`no value for \${{ ${e} }} in the test`);
  });
}

/** Runs a job's steps in order; returns what was run and what was left out, and why. */
function runGhJob(id: string, overrides: Record<string, string>): { ran: string[]; left: string[]; failed: { step: string; status: number; err: string }[] } {
  const job = workflow.jobs[id]!;
  const ctx = { "github.event.pull_request.base.sha": BASE, "env.OUT": overrides.OUT ?? "", "env.DOCS_OUT": overrides.DOCS_OUT ?? "", "env.CITYDC_AUDIT_DIR": overrides.CITYDC_AUDIT_DIR ?? "" };
  const jobEnv = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, expr(String(v), ctx)]));
  const ran: string[] = [];
  const left: string[] = [];
  const failed: { step: string; status: number; err: string }[] = [];
  const githubEnv = path.join(tmp, `${id}.github-env`);
  fs.writeFileSync(githubEnv, "");
  for (const step of job.steps) {
    const name = step.name ?? step.uses ?? "?";
    if (!step.run) {
      left.push(`${name} (an action)`);
      continue;
    }
    if (/scripts\/setup\.sh/.test(step.run)) {
      left.push(`${name} (the machine set-up: done before the tests)`);
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v), ctx)]));
    const env = ciEnv({ ...jobEnv, ...stepEnv, ...overrides, GITHUB_ENV: githubEnv });
    const r = bash(parseOnly(step.run), env);
    ran.push(name);
    if (r.status !== 0) failed.push({ step: name, status: r.status, err: r.err.trim().split("\n").slice(-3).join(" | ") });
  }
  return { ran, left, failed };
}

describe(".github/workflows/inventory.yml", () => {
  it("runs on pull requests touching inventory/ and pushes to main; applies each stack in its own job, one at a time", () => {
    expect(workflow.on.pull_request.paths).toContain("inventory/**");
    expect(workflow.on.push.branches).toEqual(["main"]);
    const applies = Object.entries(workflow.jobs).filter(([, j]) => j.steps.some((s) => /citydc\.js up\b/.test(s.run ?? "")));
    expect(applies.map(([id]) => id)).toEqual(["apply-primary", "apply-dr"]);
    const groups = applies.map(([, j]) => j.concurrency!.group);
    expect(new Set(groups).size).toBe(applies.length);
    for (const [, j] of applies) {
      expect(j.concurrency!["cancel-in-progress"]).toBe(false);
      expect(j.if).toMatch(/push/);
      expect(j.steps.some((s) => /upload-artifact/.test(s.uses ?? ""))).toBe(true);
      expect(j.steps.find((s) => /citydc\.js up\b/.test(s.run ?? ""))!.run).toMatch(/--stack "\$STACK"/);
    }
    expect(workflow.jobs["apply-dr"]!.needs).toBe("apply-primary");
    expect(workflow.jobs.docs!.steps.some((s) => /upload-artifact/.test(s.uses ?? ""))).toBe(true);
  });

  it("the pull-request job: validate, diff --impact against the base, plan per stack, docs, the comment", () => {
    const OUT = path.join(tmp, "gh-review");
    const r = runGhJob("review", { OUT });
    expect(r.failed).toEqual([]);
    expect(r.ran).toEqual(["state backend and passphrase (only when the repository has them)", "validate", "diff --impact against the base branch", "plan primary", "plan dr", "docs of the proposed inventory", "the comment"]);
    expect(r.left).toEqual([
      "actions/checkout@v4 (an action)",
      "actions/cache@v4 (an action)",
      "set up (Debian packages, Pulumi toolchain, npm packages, the CLI) (the machine set-up: done before the tests)",
      "actions/upload-artifact@v4 (an action)",
      "post the comment (or update the one posted before) (an action)",
    ]);
    // the comment step posts the file the steps above wrote
    const post = workflow.jobs.review!.steps.find((s) => /github-script/.test(s.uses ?? ""))!;
    expect(post.env!.COMMENT).toBe("${{ env.OUT }}/comment.md");
    expect(String(post.with!.script)).toMatch(/createComment/);
    const diff = fs.readFileSync(path.join(OUT, "1-diff.md"), "utf8");
    expect(diff).toMatch(/^## Inventory diff/);
    if (BASE !== "HEAD") expect(diff).toContain("## Impact on the devices");
    for (const [stack, file] of [["primary", "2-plan-primary.md"], ["dr", "3-plan-dr.md"]] as const) {
      const plan = fs.readFileSync(path.join(OUT, file), "utf8");
      expect(plan).toContain(`## citydc plan: stack \`${stack}\``);
      expect(plan).toContain("```mermaid");
      expect(plan).toContain(`(${path.join(OUT, "assets", `plan-${stack}.svg`)})`);
    }
    wellFormed(fs.readdirSync(path.join(OUT, "assets")).map((f) => path.join(OUT, "assets", f)));
    expect(fs.existsSync(path.join(OUT, "docs/index.html"))).toBe(true);
    const full = fs.readFileSync(path.join(OUT, "full.md"), "utf8");
    expect(full).toContain("## Inventory diff");
    expect(full).toContain("## citydc plan: stack `dr`");
    // the comment is the whole text, or its head with a note when the text is more than a comment holds
    const comment = fs.readFileSync(path.join(OUT, "comment.md"), "utf8");
    expect(comment.length).toBeLessThanOrEqual(65_536);
    if (Buffer.byteLength(full) > 60_000) {
      expect(full.startsWith(comment.slice(0, 50_000))).toBe(true);
      expect(comment).toMatch(/cut here: the whole text is in the citydc-review artifact/);
    } else expect(comment).toBe(full);
    // no backend and no passphrase set: nothing exported for the later steps
    expect(fs.readFileSync(path.join(tmp, "review.github-env"), "utf8")).toBe("");
  }, 300_000);

  it("the apply jobs refuse without a backend, and their commands parse", () => {
    for (const id of ["apply-primary", "apply-dr"]) {
      const records = path.join(tmp, `records-${id}`);
      const r = runGhJob(id, { CITYDC_AUDIT_DIR: records });
      // the settings step stops the job here (no backend in this repository's test), the rest still parses
      expect(r.failed.map((f) => f.step)).toEqual(["state backend, passphrase and device login (all required to apply)"]);
      expect(r.ran).toContain("apply");
      const up = bash(parseOnly(workflow.jobs[id]!.steps.find((s) => s.name === "apply")!.run!), ciEnv({ STACK: workflow.jobs[id]!.env!.STACK! }));
      expect(up.status).toBe(0);
      expect(up.out).toMatch(/^usage: citydc up --stack NAME/);
    }
  });

  it("the docs job writes both sites", () => {
    const DOCS_OUT = path.join(tmp, "gh-docs");
    const r = runGhJob("docs", { DOCS_OUT });
    expect(r.failed).toEqual([]);
    expect(r.ran).toEqual(["docs"]);
    for (const s of ["kragujevac", "lab"]) expect(fs.existsSync(path.join(DOCS_OUT, s, "index.html"))).toBe(true);
  }, 120_000);
});

// ------------------------------------------------------------------ GitLab CI

interface GlJob {
  readonly extends?: string;
  readonly stage?: string;
  readonly script?: string[];
  readonly variables?: Record<string, string>;
  readonly resource_group?: string;
  readonly needs?: string[];
}
const gitlab = yaml.load(fs.readFileSync(path.join(ROOT, "docs/gitlab-ci.yml"), "utf8")) as Record<string, GlJob> & { default: { before_script: string[] } };

function glJob(id: string): GlJob {
  const j = gitlab[id]!;
  const base = j.extends ? glJob(j.extends) : {};
  return { ...base, ...j, variables: { ...(base.variables ?? {}), ...(j.variables ?? {}) } };
}

function runGlJob(id: string, vars: Record<string, string>): { status: number; err: string } {
  const j = glJob(id);
  const script = j.script!.map(parseOnly).join("\n");
  const r = bash(script, ciEnv({ ...(j.variables ?? {}), CI_MERGE_REQUEST_DIFF_BASE_SHA: BASE, ...vars }));
  return { status: r.status, err: r.err.trim().split("\n").slice(-3).join(" | ") };
}

describe("docs/gitlab-ci.yml", () => {
  it("the same jobs: review, an apply per stack in its own resource group, docs", () => {
    expect(gitlab.default.before_script.join("\n")).toMatch(/scripts\/setup\.sh/);
    expect(glJob("apply-primary").resource_group).toBe("citydc-apply-primary");
    expect(glJob("apply-dr").resource_group).toBe("citydc-apply-dr");
    expect(glJob("apply-dr").needs).toEqual(["apply-primary"]);
    expect(glJob("apply-primary").script!.join("\n")).toMatch(/up --stack "\$STACK"/);
  });

  it("the review job's script runs on the samples (the note is posted only with a token, none here)", () => {
    const OUT = path.join(tmp, "gl-review");
    const r = runGlJob("review", { OUT });
    expect(r).toEqual({ status: 0, err: expect.any(String) });
    const comment = fs.readFileSync(path.join(OUT, "comment.md"), "utf8");
    expect(comment).toContain("## Inventory diff");
    expect(comment).toContain("## citydc plan: stack `primary`");
    wellFormed(fs.readdirSync(path.join(OUT, "assets")).map((f) => path.join(OUT, "assets", f)));
  }, 300_000);

  it("the apply and docs jobs' scripts parse and run", () => {
    for (const id of ["apply-primary", "apply-dr"]) expect(runGlJob(id, { CITYDC_AUDIT_DIR: path.join(tmp, "gl-records") }).status).toBe(0);
    const DOCS_OUT = path.join(tmp, "gl-docs");
    expect(runGlJob("docs", { DOCS_OUT }).status).toBe(0);
    expect(fs.existsSync(path.join(DOCS_OUT, "kragujevac/sites/kg-dc1-topology.svg"))).toBe(true);
  }, 120_000);
});
