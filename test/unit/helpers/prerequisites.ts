/**
 * Tests that need something of the machine (root, sshd, the Pulumi CLI, Open vSwitch, Ansible) skip when
 * it is missing on a developer's machine, with the reason in the test name. Under CI (`CI=true`) a missing
 * prerequisite is a failure instead: CI installs everything, so a skip there would hide a test that never ran.
 */

/** True when the run is CI's (`CI` set to anything but "", "0" or "false"). */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? "").trim().toLowerCase();
  return v !== "" && v !== "0" && v !== "false";
}

/**
 * Call at the top of a test file with the reason its tests would skip (undefined when nothing is missing).
 * Under CI it throws, which fails the file with the reason.
 */
export function requirePrerequisite(what: string, missing: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (missing && underCi(env)) {
    throw new Error(`${what}: ${missing}. Under CI a missing prerequisite fails instead of skipping (scripts/setup.sh installs it).`);
  }
}
