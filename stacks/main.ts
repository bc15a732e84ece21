/**
 * The program as a Pulumi Node.js main module (Pulumi.yaml `main`), for any Node.js language host: the
 * module's export is the program function. citydc's own language host and the Automation API call
 * `program()` from ./index directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { currentRepoRoot } from "../util/repo";
import { program } from "./index";

export = async (): Promise<Record<string, unknown>> => (await program({ root: currentRepoRoot(), stack: pulumi.getStack() })()) as Record<string, unknown>;
