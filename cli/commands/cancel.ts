/**
 * `citydc cancel --stack NAME [--force] [--no-refresh] [--backend URL] [--work-dir DIR]`: recovers a stack
 * whose run was killed (engine killed, CI runner lost). Releases the stack's lock, reports the operations the
 * killed run left pending and the devices that may be half done, drops those operations from the state and
 * reads the half-done devices back, so the next `citydc up` converges (pulumi/recover.ts).
 * Refuses while a run on this machine still holds the lock (unless --force).
 * Exit: 0 recovered (or nothing to recover), 1 a live run holds the lock, or a half-done device could not be
 * read back (its state stays at its last apply: `citydc up --refresh` once it answers), 2 usage or set-up.
 */
import { parseArgs } from "../../util/args";
import { displayBackend } from "../../pulumi/env";
import { CliError } from "../../util/errors";
import { asCliError, backendOf, holderAlive, lockFiles, STACK_OPTIONS, stackName, stackOptions } from "../stackRun";

const USAGE = "usage: citydc cancel --stack NAME [--force] [--no-refresh] [--backend URL] [--work-dir DIR] [--progress]";

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...STACK_OPTIONS, force: { type: "boolean" }, "no-refresh": { type: "boolean" } });
  if (args.options.help) {
    process.stdout.write(`${USAGE}

After a run was killed (the engine killed, the CI runner lost), the stack stays locked and every later run is
refused. This releases the lock, lists what the killed run left unfinished (the devices whose change may be half
done), removes those unfinished operations from the state and reads the half-done devices back, so that the
next \`citydc up\` converges. It refuses while a run on this machine still holds the lock (--force: release it anyway).
--no-refresh: do not contact the half-done devices (then run \`citydc up --refresh\`).

exit codes: 0 recovered or nothing to recover, 1 a live run holds the lock or a half-done device could not be read
back, 2 usage or set-up error
`);
    return 0;
  }
  const stack = stackName(args, USAGE);
  const opts = stackOptions(args);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  const locks = lockFiles(backendOf(opts), stack);
  const live = locks.filter((l) => l.holder && holderAlive({ pid: l.holder.pid, hostname: l.holder.hostname }) === true);
  if (live.length > 0 && !args.options.force) {
    for (const l of live) {
      process.stderr.write(
        `citydc cancel: stack ${stack} is being changed right now by pulumi pid ${l.holder!.pid} (${l.holder!.username}@${l.holder!.hostname}, since ${l.holder!.timestamp}): ` +
          `let it finish, or stop it cleanly (Ctrl-C in its terminal, or kill -INT ${l.holder!.pid}); --force releases the lock anyway\n`,
      );
    }
    return 1;
  }
  for (const l of locks) {
    const h = l.holder;
    const alive = h ? holderAlive({ pid: h.pid, hostname: h.hostname }) : undefined;
    out(`lock: ${h ? `pulumi pid ${h.pid} of ${h.username}@${h.hostname} since ${h.timestamp}` : l.file} (${alive === false ? "that run is gone" : alive === true ? "still running: released because of --force" : "held from another machine"})`);
  }

  const { recoverStack } = await import("../../pulumi/recover");
  const result = await recoverStack(stack, { ...opts, ...(args.options["no-refresh"] ? { refresh: false } : {}) }).catch((err: unknown) => {
    if (err instanceof Error && err.name === "StackNotFoundError") throw new CliError(`no stack ${stack} on the backend ${displayBackend(backendOf(opts))}: nothing to recover`, 2);
    return asCliError(err);
  });
  out(`stack ${stack}: lock released${locks.length === 0 ? " (there was none)" : ""}`);
  if (result.pending.length === 0) out("no operation was left pending: no device was in the middle of a change");
  else {
    out(`${result.pending.length} operation(s) the stopped run left unfinished, removed from the state:`);
    for (const p of result.pending) {
      const what = p.type === "citydc:device:DeviceConfig" ? `device ${p.device}: its change may be half done` : p.site ? `verification of site ${p.site}: runs again with the next up` : p.device ? `config backup ${p.name}: runs again with the next up` : p.urn;
      out(`  ${p.operation.padEnd(9)} ${what}`);
    }
  }
  if (result.halfDone.length > 0) out(`devices that may be half done: ${result.halfDone.join(", ")}`);
  const r = result.refreshed;
  if (r) {
    const read = r.devices.map((d) => d.new?.device ?? d.name);
    if (r.ok) out(`read back from the devices (the state now says what they hold): ${read.join(", ") || "none"}`);
    else {
      for (const f of r.failures) process.stderr.write(`citydc cancel: ${f.device ? `device ${f.device}: ` : ""}${f.message.split("\n")[0]}\n`);
      out(`could not read back every half-done device: their state stays at the last apply; once they answer, run \`citydc up --stack ${stack} --refresh\``);
      return 1;
    }
  } else if (result.halfDone.length > 0 && args.options["no-refresh"]) {
    out(`not read back (--no-refresh): run \`citydc up --stack ${stack} --refresh\` to read every device first`);
  }
  out(`next: \`citydc up --stack ${stack}\` converges (add --refresh to read every device first)`);
  return 0;
}
