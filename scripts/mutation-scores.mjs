#!/usr/bin/env node
// Scores per core folder from one or more Stryker JSON reports (the mutation-testing-report schema), the
// table TESTING.md keeps: `npm run mutate:scores -- [report.json ...] [--files] [--survivors] [--static]`.
// Without a file it reads every report in reports/mutation/ (mutation.json and the <name>.json of runs named
// with CITYDC_MUTATE_NAME, see stryker.config.mjs), oldest first. Several reports are merged; a source file
// in more than one keeps the newest report's results.
// --files gives the score of each file and how many mutants it left alive;
// --survivors lists every survivor and uncovered mutant (file:line, mutator, replacement);
// --static counts, per file, the mutants Stryker found static (reached while modules load, not by a test).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const paths = args.filter((a) => !a.startsWith("--"));
if (paths.length === 0) {
  const dir = "reports/mutation";
  let names = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.startsWith("incremental-") && f !== "stryker-incremental.json");
  } catch {
    // no folder: no run yet
  }
  if (names.length === 0) {
    console.error(`mutation-scores: no report in ${dir}/ (run npm run mutate first)`);
    process.exit(2);
  }
  paths.push(...names.map((f) => join(dir, f)).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs));
}

const files = new Map();
for (const p of paths) {
  let report;
  try {
    report = JSON.parse(readFileSync(p, "utf8"));
  } catch (e) {
    console.error(`mutation-scores: cannot read ${p}: ${e.message}`);
    process.exit(2);
  }
  for (const [name, f] of Object.entries(report.files ?? {})) files.set(name, f);
}

// model/checks belongs to model/; the audit files are one row
const folderOf = (name) => (name.startsWith("audit/") ? "audit/ (diff, impact)" : name.split("/")[0] + "/");
const blank = () => ({ files: 0, killed: 0, timeout: 0, survived: 0, nocov: 0, compile: 0, ignored: 0, static: 0 });
const rows = new Map();
const perFile = [];
const survivors = [];
for (const [name, f] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const row = rows.get(folderOf(name)) ?? blank();
  rows.set(folderOf(name), row);
  row.files++;
  const mine = blank();
  for (const m of f.mutants) {
    const key = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "nocov",
      CompileError: "compile", Ignored: "ignored" }[m.status];
    if (key) { row[key]++; mine[key]++; }
    if (m.static) { row.static++; mine.static++; }
    if (m.status === "Survived" || m.status === "NoCoverage") {
      survivors.push(`${name}:${m.location.start.line}:${m.location.start.column} ${m.status === "NoCoverage" ? "(no coverage) " : ""}${m.mutatorName} -> ${JSON.stringify(m.replacement ?? "")}`);
    }
  }
  perFile.push([name, mine]);
}

const score = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.nocov;
  return valid === 0 ? "n/a" : `${((100 * (r.killed + r.timeout)) / valid).toFixed(1)}%`;
};
console.log("| folder | files | killed | timeout | survived | no cov. | ignored | compile err. | score |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const [folder, r] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| \`${folder}\` | ${r.files} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.nocov} | ${r.ignored} | ${r.compile} | **${score(r)}** |`);
}
if (flags.has("--static")) {
  console.log("\nstatic mutants per file:");
  for (const [name, r] of perFile.filter(([, r]) => r.static > 0).sort(([, a], [, b]) => b.static - a.static)) {
    console.log(`  ${String(r.static).padStart(5)}  ${name}`);
  }
}
if (flags.has("--files")) {
  console.log("\nper file:");
  for (const [name, r] of perFile) console.log(`  ${score(r).padStart(6)}  ${String(r.survived + r.nocov).padStart(4)} left  ${name}`);
}
if (flags.has("--survivors")) {
  console.log(`\n${survivors.length} survivors:`);
  for (const s of survivors) console.log("  " + s);
}
