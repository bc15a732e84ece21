/** What the citydc program needs to know about its stack (from stack config, or overrides of a run). */
export interface ProgramSettings {
  /** Repo root: relative paths in the stack config are resolved against it. */
  readonly root: string;
  readonly stack: string;
  /** Inventory file (config `citydc:inventory`). */
  readonly inventory: string;
  /** Sites this stack configures (config `citydc:sites`, a list; or `citydc:site`). Empty: every site. */
  readonly sites: readonly string[];
  /** File of pinned host keys, "<device or address> <key type> <key>" per line (config `citydc:hostKeysFile`). */
  readonly hostKeysFile?: string;
  /** Refuse to run when the inventory's DR parity checks fail (default: true for a stack that holds a DR site). */
  readonly requireDrParity?: boolean;
  /** Login secrets; default config `citydc:sshPassword`/`citydc:sshPrivateKey`, else CITYDC_SSH_PASSWORD / CITYDC_SSH_KEY_FILE. */
  readonly credentials?: { readonly password?: string; readonly privateKey?: string };
}
