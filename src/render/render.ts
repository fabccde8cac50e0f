/**
 * `render(model, family, options?)`: the files of a project for one backend
 * family. Renderings of one model for different families contain the same
 * packages, modules and data files byte for byte and differ only in
 * configuration (`pyproject.toml`, later `setup.cfg` / `setup.py`), and are
 * meant to make every backend ship the same files.
 *
 * Adding a family is one file `src/render/<family>.ts` exporting a
 * `FamilyRenderer`, plus one line in `RENDERERS`.
 */
import { ConfigError } from '../errors.js';
import type { Family } from '../backends/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { ConfigStyle, FileMap } from './fileMap.js';
import type { FamilyRenderer, RenderOptions } from './_internals/familyRenderer.js';
import { flitRenderer } from '../families/flit/render.js';
import { hatchlingRenderer } from '../families/hatchling/render.js';
import { pdmRenderer } from '../families/pdm/render.js';
import { poetryRenderer } from '../families/poetry/render.js';
import { setuptoolsRenderer } from '../families/setuptools/render.js';
import { uvRenderer } from '../families/uv/render.js';

export { canRender, renderLimits } from './canRender.js';

const RENDERERS: Partial<Record<Family, FamilyRenderer>> = {
  setuptools: setuptoolsRenderer,
  hatchling: hatchlingRenderer,
  flit: flitRenderer,
  poetry: poetryRenderer,
  pdm: pdmRenderer,
  uv: uvRenderer,
};

/** Families `render` supports, in a stable order. */
export function renderableFamilies(): Family[] {
  return (Object.keys(RENDERERS) as Family[]).sort();
}

/** Styles `render` supports for `family` (default first); empty when the family is not supported. */
export function renderStyles(family: Family): ConfigStyle[] {
  return [...(RENDERERS[family]?.styles ?? [])];
}

export function render(model: ProjectModel, family: Family, options: RenderOptions = {}): FileMap {
  const renderer = RENDERERS[family];
  if (renderer === undefined) {
    throw new ConfigError(
      `render: no renderer for backend family '${family}' yet`,
      `supported families: ${renderableFamilies().join(', ')}`,
    );
  }
  const style = options.style ?? renderer.defaultStyle?.(options.familyVersion) ?? renderer.styles[0];
  if (style === undefined || !renderer.styles.includes(style)) {
    throw new ConfigError(
      `render: family '${family}' cannot be rendered in style '${String(style)}' yet`,
      `supported styles for ${family}: ${renderer.styles.join(', ')}`,
    );
  }
  return renderer.render(model, { style, ...(options.familyVersion === undefined ? {} : { familyVersion: options.familyVersion }) });
}
