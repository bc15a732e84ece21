/**
 * `citydc docs <inventory> --out DIR [--site NAME]...`: writes the inventory's documentation as a static site
 * openable from disk (publish/site.ts lists what is in it): pages in HTML and Markdown, topology pictures laid
 * out by Graphviz dot, rack elevations, VLAN tables, DR protection, a page and the rendered configuration per
 * device, the cabling plan as CSV. Exit 0 written, 1 invalid inventory, 2 usage or I/O error (or Graphviz
 * missing).
 */
import * as fs from "fs";
import * as path from "path";
import { formatDiagnostics } from "../../model/diagnostics";
import { loadNetwork } from "../../pipeline/index";
import { buildDocs } from "../../publish/site";
import { parseArgs } from "../../util/args";
import { CliError, UsageError } from "../../util/errors";
import { makeDirs } from "../../util/dirs";

const HELP = `usage: citydc docs <inventory.yaml> --out DIR [--site NAME]...

Writes a static documentation site of the inventory, openable from disk: index.html and README.md
(the city at a glance), per site a topology picture (SVG, laid out by Graphviz dot), rack elevations
(SVG), a VLAN table and the DR protection, per device a page and its rendered configuration, and the
cabling plan (cabling.csv). The Markdown pages carry the topology as Mermaid too.

  --out DIR      directory to write (created when missing; a file of the same name is overwritten)
  --site NAME    only this site (may be given more than once); default every site

Needs Graphviz (Debian package graphviz). The same inventory always gives the same bytes.

exit codes: 0 written, 1 invalid inventory, 2 usage or I/O error (or Graphviz missing)`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: { type: "string" }, site: { type: "string", multiple: true }, help: { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length ? "give exactly one inventory file" : `missing inventory file\n\n${HELP}`);
  const out = args.options.out;
  if (typeof out !== "string" || out === "") throw new UsageError(`--out DIR is required\n\n${HELP}`);
  const file = args.positionals[0]!;
  const wanted = (args.options.site as string[] | undefined) ?? [];

  const net = loadNetwork(file);
  if (net.diagnostics.some((d) => d.code === "E_IO")) {
    process.stderr.write(formatDiagnostics(net.diagnostics.filter((d) => d.code === "E_IO")) + "\n");
    return 2;
  }
  const inv = net.inventory;
  if (!inv || (net.intents.size === 0 && inv.devices.length > 0)) {
    process.stderr.write(`${file}: INVALID, no docs written; run \`citydc validate ${file}\`\n`);
    process.stderr.write(formatDiagnostics(net.diagnostics.filter((d) => d.severity === "error"), { max: 20 }) + "\n");
    return 1;
  }
  const warnings = net.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length > 0) process.stderr.write(formatDiagnostics(warnings, { max: 20 }) + "\n");
  const names = new Set(inv.sites.map((s) => s.name));
  const unknown = wanted.filter((s) => !names.has(s));
  if (unknown.length > 0) throw new UsageError(`no site ${unknown.map((s) => `'${s}'`).join(", ")} in ${file} (sites: ${[...names].join(", ")})`);

  const files = buildDocs(inv, net.intents, { sites: wanted, source: path.basename(file) });
  try {
    makeDirs(out);
    fs.accessSync(out, fs.constants.W_OK);
    for (const f of files) {
      const target = path.join(out, f.path);
      makeDirs(path.dirname(target));
      fs.writeFileSync(target, f.content);
    }
  } catch (err) {
    throw new CliError(`cannot write to ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; choose another --out`, 2);
  }
  const count = (re: RegExp): number => files.filter((f) => re.test(f.path)).length;
  process.stdout.write(
    `${file}: wrote ${files.length} files to ${out}: ${count(/^sites\/.*\.html$/)} site pages, ${count(/^racks\//)} rack elevations, ${count(/^devices\/.*\.html$/)} device pages, cabling.csv (open ${path.join(out, "index.html")})\n`,
  );
  return 0;
}
