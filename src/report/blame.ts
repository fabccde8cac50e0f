/**
 * Which file of the minimal project a difference is about, if any: the
 * project file a differing archive member was built from (the same path, as
 * in an sdist, or the path under a source folder, as `src/pkg/mod.py` for a
 * wheel's `pkg/mod.py`). GitHub annotations name it with `file=`, SARIF as a
 * related location; a difference in generated files (METADATA, RECORD) has
 * none.
 */
import type { Difference } from '../compare/types.js';

const MEMBER_KINDS = new Set<Difference['kind']>(['only-in-a', 'only-in-b', 'content', 'executable', 'mode', 'mtime', 'owner']);

export function blamedFile(d: Difference, projectFiles: Record<string, string>): string | undefined {
  if (!MEMBER_KINDS.has(d.kind) || d.path === '' || d.path.startsWith('{')) return undefined;
  const names = Object.keys(projectFiles);
  return names.find((n) => n === d.path) ?? names.filter((n) => n.endsWith(`/${d.path}`)).sort((x, y) => x.length - y.length)[0];
}
