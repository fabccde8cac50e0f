import { describe, expect, it } from 'vitest';
import type { ArchiveEntry, ArchiveView } from '../../src/archive/types.js';
import { compareViews } from '../../src/compare/compareViews.js';
import { normalizeArtifact } from '../../src/normalize/normalizeArtifact.js';
import { canonicalEntryPoints } from '../../src/normalize/rules/fieldOrder.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (path: string, text: string): ArchiveEntry => ({ path, type: 'file', mode: 0o644, size: text.length, mtime: null, data: enc(text) });
const wheel = (meta: string, eps = ''): ArchiveView => ({
  format: 'wheel',
  filename: 'a-0-py3-none-any.whl',
  entries: [file('a-0.dist-info/METADATA', meta), ...(eps ? [file('a-0.dist-info/entry_points.txt', eps)] : [])],
  problems: [],
});
const diff = (a: ArchiveView, b: ArchiveView, level: 'content' | 'semantic') =>
  compareViews(normalizeArtifact(a, new Uint8Array(), level), normalizeArtifact(b, new Uint8Array(), level)).map((d) => `${d.kind} ${d.path}`);

describe('semantic rules for field order, white space, Dynamic and entry points', () => {
  const head = 'Metadata-Version: 2.4\nName: a\nVersion: 0\n';
  it.each([
    ['Keywords order', `${head}Keywords: r,a\n`, `${head}Keywords: a,r\n`],
    ['Classifier order', `${head}Classifier: Programming Language :: Python :: 3\nClassifier: Framework :: Pytest\n`, `${head}Classifier: Framework :: Pytest\nClassifier: Programming Language :: Python :: 3\n`],
    ['License-File order and Dynamic', `${head}Dynamic: license-file\nLicense-File: LICENSES/MIT.txt\nLicense-File: LICENSE\n`, `${head}License-File: LICENSE\nLicense-File: LICENSES/MIT.txt\n`],
    ['white-space-only continuation line', `${head}License: \n             \n`, `${head}License: \n`],
    ['an empty Summary and none', `${head}Summary: \n`, head],
    ['an empty License and none', `${head}License: \n   \n`, head],
    ['Requires-Python specifiers in another order (=== has no canonical range)', `${head}Requires-Python: >=3, ===3.0.0\n`, `${head}Requires-Python: ===3.0.0,>=3\n`],
    ['marker operands of and in another order', `${head}Requires-Dist: b; extra == "x" and python_version >= "3.8"\n`, `${head}Requires-Dist: b; python_version >= "3.8" and extra == "x"\n`],
  ])('%s: equal at semantic, different at content', (_name, a, b) => {
    expect(diff(wheel(a), wheel(b), 'semantic')).toEqual([]);
    expect(diff(wheel(a), wheel(b), 'content')).toEqual(['content {dist-info}/METADATA']);
  });

  it('still sees a keyword, classifier or license file that is missing', () => {
    expect(diff(wheel(`${head}Keywords: a,r\n`), wheel(`${head}Keywords: a\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    expect(diff(wheel(`${head}Classifier: X\nClassifier: Y\n`), wheel(`${head}Classifier: X\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    expect(diff(wheel(`${head}License-File: A\nLicense-File: B\n`), wheel(`${head}License-File: A\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    expect(diff(wheel(`${head}License: MIT\n  more\n`), wheel(`${head}License: MIT\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    expect(diff(wheel(`${head}Summary: s\n`), wheel(head), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    expect(diff(wheel(`${head}Requires-Python: >=3, ===3.0.0\n`), wheel(`${head}Requires-Python: ===3.0.1,>=3\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
    // or binds looser than and: (a or b) and c is not a or (b and c).
    expect(diff(wheel(`${head}Requires-Dist: b; os_name == "nt" or python_version >= "3.8" and extra == "x"\n`), wheel(`${head}Requires-Dist: b; extra == "x" and os_name == "nt" or python_version >= "3.8"\n`), 'semantic')).toEqual(['content {dist-info}/METADATA']);
  });

  it('compares entry points as sorted groups of entries', () => {
    const a = '[flake8.extension]\na = a\n\n[gui_scripts]\na = a:a\n';
    const b = '[gui_scripts]\na=a:a\n\n[flake8.extension]\na = a\n';
    expect(canonicalEntryPoints(a)).toBe(canonicalEntryPoints(b));
    expect(diff(wheel(head, a), wheel(head, b), 'semantic')).toEqual([]);
    expect(diff(wheel(head, a), wheel(head, '[gui_scripts]\na = a:b\n\n[flake8.extension]\na = a\n'), 'semantic')).toEqual(['content {dist-info}/entry_points.txt']);
  });
});
