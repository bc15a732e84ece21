/**
 * The login of the commands that citydc's command resources run (`citydc verify`, `citydc backup`): the
 * resource hands the stack's credentials over as the secrets CITYDC_LOGIN_KEY / CITYDC_LOGIN_PASSWORD (never on
 * a command line); run by hand, the same commands take them as `citydc drift` does (CITYDC_SSH_PASSWORD,
 * CITYDC_SSH_KEY_FILE, else the stack's citydc:sshKeyFile).
 */
import { CliError } from "../util/errors";
import { credentialsFromEnv, type Credentials } from "../transport/targets";

export function loginCredentials(env: NodeJS.ProcessEnv, stackKeyFile?: string): Credentials {
  const key = env.CITYDC_LOGIN_KEY;
  const password = env.CITYDC_LOGIN_PASSWORD;
  if (key || password) return { ...(key ? { privateKey: key } : {}), ...(password ? { password } : {}) };
  try {
    return credentialsFromEnv(env, stackKeyFile).credentials;
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
}

/** A JSON document from an environment variable, or undefined when the variable is not set. */
export function jsonFromEnv<T>(env: NodeJS.ProcessEnv, name: string): T | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new CliError(`${name} is not JSON (it is set by citydc's command resources)`, 2);
  }
}
