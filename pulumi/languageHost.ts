/**
 * citydc's own `pulumi-language-nodejs`: a language host that runs THE citydc program (stacks/index.ts) for
 * plain `pulumi preview|up|refresh|destroy --stack NAME`, built on the Automation API's in-process language
 * server. The official Node.js language host is a Go binary whose module the proxy here refuses; this one
 * serves the same gRPC service for this one program. Found by Pulumi through Pulumi.yaml
 * (plugins.languages: path ./provider/language). `npx citydc plan|up|destroy` do not need it.
 */
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { repoRoot } from "../util/repo";

/* eslint-disable @typescript-eslint/no-require-imports */
const langrpc = require("@pulumi/pulumi/proto/language_grpc_pb");
const { LanguageServer } = require("@pulumi/pulumi/automation/server") as {
  LanguageServer: new (program: () => Promise<unknown>) => Record<string, (call: { request: { getArgsList(): string[]; setArgsList(a: string[]): void; getPwd?(): string } }, cb: unknown) => unknown>;
};

export async function serveLanguageHost(argv: string[]): Promise<void> {
  // The engine passes its address as the last argument (flags like -root=... may come first).
  const engineAddress = argv.filter((a) => !a.startsWith("-")).pop() ?? "";
  let root: string | undefined;
  const server = new LanguageServer(async () => {
    const { program } = await import("../stacks/index");
    return program({ root: root ?? repoRoot(), stack: pulumi.getStack() })();
  });
  const run = server.run!.bind(server);
  server.run = (call, cb) => {
    // The project's own checkout when pulumi runs in one; else the checkout this host belongs to.
    const pwd = call.request.getPwd?.();
    root = undefined;
    if (pwd) {
      try {
        root = repoRoot(pwd);
      } catch {
        root = undefined;
      }
    }
    if (call.request.getArgsList().length === 0 && engineAddress) call.request.setArgsList([engineAddress]);
    return run(call, cb);
  };
  const grpcServer = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
  grpcServer.addService(langrpc.LanguageRuntimeService, server as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    grpcServer.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  process.stdout.write(`${port}\n`);
}

if (require.main === module) {
  serveLanguageHost(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`citydc language host: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
