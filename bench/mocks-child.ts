/**
 * One run of the citydc Pulumi program under Pulumi's mocks (no engine, no device), in its own process:
 *   node dist/bench/mocks-child.js <inventory.yaml>
 * Prints one JSON line: resources registered, by type, and the times (load + program, registration).
 * Started by bench/mocks.ts; never by tests.
 */
import { resolve } from "path";

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? "");
  const t0 = process.hrtime.bigint();
  const pulumi = await import("@pulumi/pulumi");
  const byType: Record<string, number> = {};
  let count = 0;
  let last = t0;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        count++;
        byType[args.type] = (byType[args.type] ?? 0) + 1;
        last = process.hrtime.bigint();
        return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "citydc",
    "bench",
    false,
  );
  const { runInPulumiStack } = await import("@pulumi/pulumi/runtime/stack");
  const { program } = await import("../stacks/index");
  const root = resolve(__dirname, "..", "..");
  const tLoaded = process.hrtime.bigint();
  const fn = program({ root, stack: "bench", inventory: file, sites: [], requireDrParity: false, credentials: { privateKey: "bench-not-a-key" } });
  const tStart = process.hrtime.bigint();
  await runInPulumiStack(fn);
  // Registrations still in flight settle after the program returns: wait until the count stops growing.
  for (let seen = -1; seen !== count; ) {
    seen = count;
    await new Promise((r) => setTimeout(r, 300));
  }
  const tEnd = last;
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  process.stdout.write(
    JSON.stringify({
      resources: count,
      byType,
      loadMs: ms(t0, tLoaded),
      programMs: ms(tStart, tEnd),
      lastRegistrationMs: ms(tStart, last),
    }) + "\n",
  );
}

main().catch((err) => {
  process.stderr.write(`mocks-child: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
