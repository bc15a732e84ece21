/**
 * The platforms layer: the registry (PLATFORMS), rendering, change sets.
 */
export { PLATFORMS, platformOf } from "./registry";
export { changeSet, inventoryChangeSets, ManagementPathError } from "./changeset";
export type { ChangeSetOptions } from "./changeset";
export { renderDevice, renderEach, renderInventory } from "./render";
export type { RenderedDevice } from "./render";
