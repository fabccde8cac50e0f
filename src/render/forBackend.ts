/**
 * Rendering for a resolved backend: its family, its version, and the
 * configuration style its spec asks for (`style=`), or the family's default.
 */
import type { Backend } from '../backends/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import { canRender } from './canRender.js';
import { unsupportedFeatures, type RenderTarget } from './capabilities.js';
import type { FileMap } from './fileMap.js';
import { render } from './render.js';

type BackendLike = Pick<Backend, 'family' | 'version'> & { spec: { style?: Backend['spec']['style'] } };

/** The generator target a backend stands for (family, version, style). */
export function targetOf(backend: BackendLike): RenderTarget {
  return { family: backend.family, version: backend.version, ...(backend.spec.style ? { style: backend.spec.style } : {}) };
}

/** The project files `model` is written as for `backend`. */
export function renderFor(model: ProjectModel, backend: BackendLike): FileMap {
  return render(model, backend.family, { familyVersion: backend.version, ...(backend.spec.style ? { style: backend.spec.style } : {}) });
}

/** Whether `backend` (in its style) expresses `model` faithfully. */
export function canRenderFor(model: ProjectModel, backend: BackendLike): boolean {
  return canRender(model, backend.family, backend.version) && (backend.spec.style === undefined || unsupportedFeatures(model, targetOf(backend)).length === 0);
}
