/**
 * Whether twinbuild can write any project at all for a backend (family,
 * version, style): if it can write neither of the two smallest projects (one
 * module; one package), it can write none, and a fuzz run would search for
 * ever. Used by `fuzz` (a usage error) and `backends` (a column).
 */
import type { Backend } from '../backends/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import { renderLimits } from './canRender.js';
import { canRenderFor } from './forBackend.js';

type BackendLike = Pick<Backend, 'family' | 'version'> & { spec: { style?: Backend['spec']['style'] } };

/** The smallest projects (one module; one package): if a backend can take neither, it can take none. */
const TRIVIAL_MODELS: ProjectModel[] = [
  { name: 'a', version: '0', description: 'a', dependencies: [], layout: 'flat', packages: [], modules: [{ name: 'a', source: '' }] },
  { name: 'a', version: '0', description: 'a', dependencies: [], layout: 'flat', packages: [{ name: 'a', init: '', modules: [], data: [], subpackages: [] }], modules: [] },
];

/** Why no project can be written for `backend`, or undefined when some can. */
export function cannotWriteProjects(backend: BackendLike): string | undefined {
  const limits = TRIVIAL_MODELS.map((m) => renderLimits(m, backend.family, backend.version));
  if (TRIVIAL_MODELS.some((m, i) => limits[i]!.length === 0 && canRenderFor(m, backend))) return undefined;
  return limits.flat()[0] ?? `style=${backend.spec.style} is not available for this version`;
}
