/**
 * The `citydc` command: a thin dispatcher over the pure layers, the Pulumi side, the lab and the audit
 * tools. Every subcommand module exports `run(argv): Promise<number>` and returns its exit code:
 * 0 success / valid / in sync, 1 invalid / different / drift, 2 usage or I/O error.
 * Modules load lazily so `citydc validate` does not pay for Pulumi's start-up.
 */
import { writeSync } from "fs";
import { UsageError, CliError } from "../util/errors";

type Runner = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Runner }> = {
  validate: { summary: "check an inventory file (schema and semantic checks)", load: () => require("./commands/validate").run },
  render: { summary: "write each device's configuration in its platform's syntax", load: () => require("./commands/render").run },
  plan: { summary: "preview a stack and print the change per site, device and object", load: () => require("./commands/plan").run },
  up: { summary: "apply a stack (preview, then push to the devices)", load: () => require("./commands/up").run },
  destroy: { summary: "remove everything a stack configured from its devices", load: () => require("./commands/destroy").run },
  cancel: { summary: "recover a stack whose run was killed: release its lock, report and clear what was left half done", load: () => require("./commands/cancel").run },
  diff: { summary: "compare two inventory revisions by object (--impact for device changes)", load: () => require("./commands/diff").run },
  drift: { summary: "compare the running devices with the inventory", load: () => require("./commands/drift").run },
  verify: { summary: "read a stack's sites back from their devices (and the lab's data plane): is it what the inventory says?", load: () => require("./commands/verify").run },
  backup: { summary: "print a device's running configuration (secrets redacted)", load: () => require("./commands/backup").run },
  audit: { summary: "list and show the records of past runs", load: () => require("./commands/audit").run },
  lab: { summary: "start, stop or inspect the local lab (up|down|status)", load: () => require("./commands/lab").run },
  twin: { summary: "the inventory's own network emulated on this machine: up|status|verify|drill|down", load: () => require("./commands/twin").run },
  demo: { summary: "the main job on the embedded default: lab + lab stack + proof", load: () => require("./commands/demo").run },
  docs: { summary: "write a static documentation site: topology and rack pictures, VLAN tables, device pages, cabling plan", load: () => require("./commands/docs").run },
  generate: { summary: "write a synthetic inventory of any size", load: () => require("./commands/generate").run },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ["usage: citydc <command> [options]", "", "commands:", ...lines, "", "Run `citydc <command> --help` for a command's options."].join("\n");
}

/**
 * Errors writing standard output or error. EPIPE (the reader left: `citydc ... | head`) is not a failure
 * of the run: exit with the command's own code. Any other (disk full, `> /dev/full`, a vanished
 * terminal) means the output is lost: one line on stderr, if it can still be written, and exit 2 (an
 * I/O error), never an uncaught exception with a stack trace and exit 1 ("invalid").
 */
export function guardOutput(exit: (code: number) => never = (code) => process.exit(code)): void {
  let failed = false;
  for (const [stream, name] of [
    [process.stdout, "standard output"],
    [process.stderr, "standard error"],
  ] as const) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err?.code === "EPIPE") exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      if (failed) return;
      failed = true;
      try {
        writeSync(2, `citydc: cannot write to ${name}: ${err?.code ?? err?.message ?? String(err)}\n`);
      } catch {
        /* stderr is gone too: the exit code says it */
      }
      exit(2);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // A usage error: the usage goes to stderr (stdout may be a file a script reads).
    process.stderr.write(`citydc: no command given\n\n${usage()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage() + "\n");
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`citydc: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.load()(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`citydc ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`citydc ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`citydc ${name}: ${message}\n`);
    if (process.env.CITYDC_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + "\n");
    return 2;
  }
}
