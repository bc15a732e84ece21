/** Errors the CLI turns into a message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = 2) {
    super(message);
    this.name = "CliError";
  }
}

/** Wrong arguments: exit 2 with the command's usage hint. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}
