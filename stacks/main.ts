/**
 * The program as a Pulumi Node.js main module (Pulumi.yaml `main`) for the Node.js language host that plain
 * `pulumi preview|up|refresh|destroy --stack NAME` runs: the module's export is the program function. The
 * Automation API (pulumi/stacks.ts) calls `program()` from ./index directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { currentRepoRoot } from "../util/repo";
import { program } from "./index";

export = async (): Promise<Record<string, unknown>> => (await program({ root: currentRepoRoot(), stack: pulumi.getStack() })()) as Record<string, unknown>;
