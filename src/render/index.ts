/** Public surface of the render stage. */
export type { ConfigStyle, FileMap } from './fileMap.js';
export type { FamilyRenderer, RenderOptions } from './_internals/familyRenderer.js';
export { render, renderStyles, renderableFamilies } from './render.js';
