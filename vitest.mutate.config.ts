import { defineConfig } from "vitest/config";

// The tests `npm run mutate` runs against each mutant (stryker.config.mjs): the fast unit tests of the pure
// core (model and its checks, intent, platforms and change sets, audit's diff and impact). Left out: tests
// that run the CLI or other processes (model/cli, platforms/render-cli, the audit CLIs), the property-based
// tests, Ansible's parsers, the live Open vSwitch test, nft in a scratch namespace (frr-nft), the layer and test-rule checks (they read source
// files, not behaviour), the slow hostile-file limits, the schema file checks (schema.test.ts: the JSON file
// and the generated validator, no behaviour) and everything end to end.
// Run it alone with `npx vitest run -c vitest.mutate.config.ts`.
//
// Stryker switches mutants on at run time, so the modules need not load again for every mutant: the tests
// share one module cache (isolate: false), which is what makes a mutant take a fraction of a second
// instead of seconds. The files that mock a module keep their own.
const ISOLATED = ["test/unit/model/codes-rare.test.ts", "test/unit/model/codes-hypothetical.test.ts", "test/unit/model/*-mocked.test.ts"];

const FOLDERS: Record<string, string> = {
  model: "test/unit/model/*.test.ts",
  intent: "test/unit/intent/*.test.ts",
  platforms: "test/unit/platforms/*.test.ts",
  audit: "test/unit/audit/{diff,diff-fields,diff-groups,drift,impact,readback}.test.ts",
};
// CITYDC_MUTATE_TESTS=model (or intent, platforms, audit; comma-separated) narrows the suite to those folders'
// tests: a run over model/ then counts only what the model's own tests kill, and a static mutant (which runs
// every test) costs the model tests, not the whole suite. Unset: every folder.
const chosen = (process.env.CITYDC_MUTATE_TESTS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
for (const c of chosen) if (!(c in FOLDERS)) throw new Error(`CITYDC_MUTATE_TESTS: unknown folder ${JSON.stringify(c)} (use ${Object.keys(FOLDERS).join(", ")})`);
const folders = chosen.length > 0 ? chosen : Object.keys(FOLDERS);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "mutate",
          include: folders.map((f) => FOLDERS[f]!),
          exclude: [
            "test/unit/platforms/ansible-parsers.test.ts",
            "test/unit/platforms/frr-nft.test.ts",
            "test/unit/platforms/ovs-live.test.ts",
            "test/unit/platforms/render-cli.test.ts",
            // the model's CLI runs, the slow limits (hostile files, 4 million YAML nodes), the schema file
            // checks, and the files with a module mock (in the isolated project below)
            "test/unit/model/cli.test.ts",
            "test/unit/model/hostile-files.test.ts",
            "test/unit/model/parse-limits.test.ts",
            "test/unit/model/schema.test.ts",
            ...ISOLATED,
          ],
          testTimeout: 60_000,
          isolate: false,
        },
      },
      ...(folders.includes("model") ? [{ test: { name: "mutate-isolated", include: ISOLATED, testTimeout: 60_000 } }] : []),
    ],
  },
});
