import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import type { ProjectModel } from '../../model/projectModel.js';
import { canonicalizeName } from '../../pep/name.js';
import { sdistAsProject } from './_sdistFiles.js';
import { fileContent } from '../../render/fileMap.js';

/**
 * hatchling's `support-legacy` (`HatchlingOptionsModel.supportLegacy`): the
 * sdist must hold a generated `setup.py` at its top folder that calls
 * setuptools' `setup()` with the project's name and version (hatchling's
 * `construct_setup_py_file`). Its absence is a `spec-problem` with code
 * `legacy-setup-py:missing`; a `setup.py` that names another project or
 * version, `legacy-setup-py:metadata`. Only for hatchling (no other family
 * renders the option; the capability table keeps it from them). A failed or
 * unreadable sdist gives none (the build failure or archive problem is the
 * finding).
 */
export function legacySetupPyDifferences(model: ProjectModel, family: string, sdist: ArchiveView | null): Difference[] {
  if (family !== 'hatchling' || model.hatchling?.supportLegacy !== true || sdist === null) return [];
  const files = sdistAsProject(sdist);
  if (files === null) return [];
  const data = files['setup.py'];
  if (data === undefined) {
    return [{ artifact: 'sdist', kind: 'spec-problem', code: 'legacy-setup-py:missing', path: 'setup.py', a: 'lacks setup.py, which support-legacy = true asks the sdist to hold' }];
  }
  const content = fileContent(data);
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const name = /^\s*name=['"]([^'"]*)['"],$/m.exec(text)?.[1];
  const version = /^\s*version=['"]([^'"]*)['"],$/m.exec(text)?.[1];
  const problems: string[] = [];
  if (!/^from setuptools import setup$/m.test(text) || !/^setup\($/m.test(text)) problems.push('it does not call setuptools.setup()');
  if (name === undefined || canonicalizeName(name) !== canonicalizeName(model.name)) problems.push(`name=${JSON.stringify(name ?? null)}, not the project's ${JSON.stringify(model.name)}`);
  if (version === undefined) problems.push('it gives no version');
  if (problems.length === 0) return [];
  return [{ artifact: 'sdist', kind: 'spec-problem', code: 'legacy-setup-py:metadata', path: 'setup.py', a: `the generated setup.py does not describe the project: ${problems.join('; ')}` }];
}
