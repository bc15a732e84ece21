#!/usr/bin/env node
"use strict";
// Entry point of `npx citydc`: runs the compiled CLI (npm install / npm run build compiles it).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("citydc: not built yet; run `npm install` (or `npm run build`) in " + path.join(__dirname, "..") + "\n");
  process.exit(2);
}
const cli = require(main);
// Write errors on stdout/stderr: EPIPE (`citydc ... | head`) keeps the command's exit code; any other
// (disk full, `> /dev/full`) is one line on stderr and exit 2, never a stack trace (cli/main.ts guardOutput).
cli.guardOutput();
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write("citydc: internal error: " + (err && err.message ? err.message : String(err)) + "\n"); process.exitCode = 2; },
);
