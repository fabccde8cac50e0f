/**
 * What twinbuild knows about each backend family: the distribution on the
 * package index, the module imported to probe for it, the default hook object,
 * and what else a `==VERSION` environment needs so that the hooks work when
 * called directly (twinbuild calls hooks itself and does not install what
 * get_requires_for_build_* returns).
 */
import { gte, lt, valid } from '@renovatebot/pep440';
import type { Family } from './types.js';

export interface HookRef {
  module: string;
  object?: string;
}

/** One distribution that implements a family. */
export interface FamilyImpl {
  /** Name on the package index. */
  distribution: string;
  /** Module imported to find out whether (and which version) it is installed. */
  module: string;
  /** Hook object it provides. */
  hook: HookRef;
}

export interface FamilyInfo {
  family: Family;
  /** The current implementation (what `==VERSION` installs for current versions). */
  primary: FamilyImpl;
  /**
   * Every implementation, most preferred first. Probing an interpreter takes
   * the first that imports (pdm: pdm.backend, else the older pdm.pep517).
   */
  impls: FamilyImpl[];
  /** Which implementation `FAMILY==version` installs. */
  implFor(version: string): FamilyImpl;
  /** Requirements installed next to `DIST==version` in a managed environment. */
  extraRequirements(version: string): string[];
}

const cmp = (version: string, op: (a: string, b: string) => boolean, other: string): boolean =>
  valid(version) !== null && op(version, other);

function family(
  name: Family,
  impls: FamilyImpl[],
  extras: (version: string) => string[] = () => [],
  implFor?: (version: string) => FamilyImpl,
): FamilyInfo {
  const primary = impls[0]!;
  return {
    family: name,
    primary,
    impls,
    implFor: implFor ?? (() => primary),
    extraRequirements: extras,
  };
}

const PDM_BACKEND: FamilyImpl = { distribution: 'pdm-backend', module: 'pdm.backend', hook: { module: 'pdm.backend' } };
const PDM_PEP517: FamilyImpl = { distribution: 'pdm-pep517', module: 'pdm.pep517', hook: { module: 'pdm.pep517.api' } };

export const FAMILY_INFO: Record<Family, FamilyInfo> = {
  setuptools: family(
    'setuptools',
    [{ distribution: 'setuptools', module: 'setuptools', hook: { module: 'setuptools.build_meta' } }],
    // bdist_wheel moved into setuptools in 70.1; before that it came from
    // `wheel`, whose 0.46 turned wheel.bdist_wheel into an alias of
    // setuptools' (absent there), so older setuptools need wheel < 0.46.
    (v) => (cmp(v, lt, '70.1') ? ['wheel<0.46'] : []),
  ),
  hatchling: family(
    'hatchling',
    [{ distribution: 'hatchling', module: 'hatchling', hook: { module: 'hatchling.build' } }],
    // build_editable imports `editables`. Releases before 1.22 depend on it;
    // later ones only ask for it through get_requires_for_build_editable, which
    // twinbuild does not install from, so always put it in the environment.
    () => ['editables>=0.3'],
  ),
  flit: family('flit', [{ distribution: 'flit-core', module: 'flit_core', hook: { module: 'flit_core.buildapi' } }]),
  poetry: family('poetry', [
    { distribution: 'poetry-core', module: 'poetry.core', hook: { module: 'poetry.core.masonry.api' } },
  ]),
  pdm: family(
    'pdm',
    [PDM_BACKEND, PDM_PEP517],
    // pdm-backend's build_editable imports `editables` in the 2.0/2.1 releases
    // and asks for it through get_requires_for_build_editable: put it in the
    // environment, as for hatchling.
    (v) => (cmp(v, gte, '2.0.0') ? ['editables>=0.3'] : []),
    // pdm-backend starts at 2.0.0; the 0.x/1.x releases were pdm-pep517.
    (v) => (cmp(v, gte, '2.0.0') ? PDM_BACKEND : PDM_PEP517),
  ),
  uv: family('uv', [{ distribution: 'uv-build', module: 'uv_build', hook: { module: 'uv_build' } }]),
};

export function familyInfo(name: Family): FamilyInfo {
  return FAMILY_INFO[name];
}

/** Whether a hook module belongs to the family's own distribution (setuptools.build_meta, its __legacy__ object, ...). */
export function isOwnHook(module: string, family: Family): boolean {
  return FAMILY_INFO[family].impls.some((impl) => module === impl.hook.module || module === impl.module || module.startsWith(`${impl.module}.`));
}
