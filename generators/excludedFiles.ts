/**
 * `excludedFiles()`: files that must not ship (`ExcludedFileModel[]`), in the
 * folder of the model's first top-level package: a scratch or backup file
 * beside the modules, or a file in a scratch folder, each with a scope
 * (`both`, `sdist`) and a rule (`path`, `glob`, `folder`). Paths come from a
 * fixed vocabulary whose extensions no other generator uses (`.bak`,
 * `.orig`, `.tmp`, `.log`), so a glob of folder and extension matches only
 * excluded files; the folder rule only for files in a folder. Files whose
 * rules could reach each other (a glob, a folder) share one scope.
 *
 * Shrinks toward one empty `notes.bak` excluded from both artifacts by path.
 */
import fc from 'fast-check';
import type { ExcludedFileModel, ExcludeRule, ExcludeScope } from '../src/model/projectModel.js';
import { textLine } from './_internals/chars.js';
import { asString, incompatible } from './_internals/unmap.js';

/** Paths relative to the package folder. The first is where shrinking goes. */
export const EXCLUDED_PATHS = ['notes.bak', 'draft.orig', 'session.log', '_scratch/todo.tmp', '_scratch/old.bak', '_scratch/deep/trace.log'] as const;

function excludedFile(scopes: readonly ExcludeScope[]): fc.Arbitrary<ExcludedFileModel> {
  return fc
    .record({
      path: fc.constantFrom(...EXCLUDED_PATHS),
      content: fc.oneof(
        fc.constant(''),
        textLine(40, 1, false).map(
          (l) => `${l}\n`,
          (v) => {
            const t = asString(v, 'content');
            return t.endsWith('\n') ? t.slice(0, -1) : incompatible('content');
          },
        ),
      ),
      scope: fc.constantFrom<ExcludeScope>(...scopes),
      rule: fc.constantFrom<ExcludeRule>('path', 'glob', 'folder'),
    })
    .filter((f) => f.rule !== 'folder' || f.path.includes('/'));
}

export interface ExcludedFilesOptions {
  /** Most files (default 3). */
  maxFiles?: number;
  /** Scopes to choose from, the first where shrinking goes (default both, sdist). */
  scopes?: readonly ExcludeScope[];
}

export function excludedFiles(options: ExcludedFilesOptions = {}): fc.Arbitrary<ExcludedFileModel[]> {
  const { maxFiles = 3, scopes = ['both', 'sdist'] } = options;
  if (scopes.length === 0) throw new Error('excludedFiles: `scopes` must not be empty');
  // One scope per model when rules could reach across files (a glob of the same extension, a folder).
  return fc
    .uniqueArray(excludedFile(scopes), { minLength: 1, maxLength: Math.max(1, maxFiles), selector: (f) => f.path })
    .filter((files) => files.every((f) => f.rule === 'path') || files.every((f) => f.scope === files[0]!.scope));
}
