/**
 * The platforms layer: the registry (one module per network OS behind the Platform interface) and the
 * change set between two sets of config objects. Rendering a whole inventory is the pipeline's job.
 */
export { PLATFORMS, findPlatform, platformOf } from "./registry";
export { changeSet, ManagementPathError } from "./changeset";
export type { ChangeSetOptions } from "./changeset";
