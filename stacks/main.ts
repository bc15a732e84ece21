/**
 * The program as a Pulumi Node.js main module (Pulumi.yaml `main`), for any Node.js language host: the
 * module's export is the program function. citydc's own language host and the Automation API call
 * `program()` from ./index directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { repoRoot } from "../pulumi/env";
import { program } from "./index";

function root(): string {
  try {
    return repoRoot(process.cwd());
  } catch {
    return repoRoot();
  }
}

export = async (): Promise<Record<string, unknown>> => (await program({ root: root(), stack: pulumi.getStack() })()) as Record<string, unknown>;
