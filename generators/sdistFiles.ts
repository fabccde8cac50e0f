/**
 * `sdistFiles(options?)`: files that belong in the sdist only
 * (`ProjectFileModel[]`): a changelog at the root, documentation under
 * `docs/` (nested sometimes), tests under `tests/` (Python files that
 * compile, and test data). Paths come from a fixed vocabulary, distinct,
 * never a readme or license file name (backends include those by other
 * rules), never hidden, never a glob character.
 *
 * Shrinks toward one empty `CHANGELOG.md`.
 */
import fc from 'fast-check';
import type { ProjectFileModel } from '../src/model/projectModel.js';
import { moduleSource } from './moduleSource.js';
import { textLine } from './_internals/chars.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, incompatible } from './_internals/unmap.js';

export interface SdistFilesOptions {
  /** Most files (default 4). */
  maxFiles?: number;
  /** Letters beyond ASCII in texts sometimes (default true). */
  nonAscii?: boolean;
}

/** Text files the sdist carries, by path. The first is where shrinking goes. */
export const SDIST_TEXT_PATHS = [
  'CHANGELOG.md',
  'CHANGES.rst',
  'HISTORY.txt',
  'docs/index.md',
  'docs/usage.rst',
  'docs/guide/advanced.md',
  'tests/data/input.txt',
  'tox.ini',
] as const;

/** Python files the sdist carries (never imported by a build). */
export const SDIST_PYTHON_PATHS = ['tests/__init__.py', 'tests/test_basic.py', 'tests/conftest.py', 'docs/conf.py'] as const;

function text(nonAscii: boolean): fc.Arbitrary<string> {
  const lines = fc.array(textLine(50, 0, nonAscii), { minLength: 1, maxLength: 4 }).map(
    (ls) => ls.map((l) => `${l}\n`).join(''),
    (value) => {
      const t = asString(value, 'text');
      return t.endsWith('\n') ? t.slice(0, -1).split('\n') : incompatible('text');
    },
  );
  return shrinkTowards(fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: lines }), () => '');
}

export function sdistFiles(options: SdistFilesOptions = {}): fc.Arbitrary<ProjectFileModel[]> {
  const { maxFiles = 4, nonAscii = true } = options;
  const file = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.record({ path: fc.constantFrom(...SDIST_TEXT_PATHS), content: text(nonAscii) }) },
    { weight: 2, arbitrary: fc.record({ path: fc.constantFrom(...SDIST_PYTHON_PATHS), content: moduleSource() }) },
  );
  return fc.uniqueArray(file, { minLength: 1, maxLength: Math.max(1, maxFiles), selector: (f) => f.path.toLowerCase() });
}
