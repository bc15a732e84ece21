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
// `citydc ... | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => { if (err && err.code === "EPIPE") process.exit(process.exitCode || 0); throw err; });
}
require(main).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write("citydc: internal error: " + (err && err.message ? err.message : String(err)) + "\n"); process.exitCode = 2; },
);
