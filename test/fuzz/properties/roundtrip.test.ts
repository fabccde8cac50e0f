/**
 * `roundtrip` and files excluded from the sdist only: the tree's wheel ships
 * them and the sdist's wheel cannot, as the configuration asks; that alone is
 * no finding (flit-core 4.2.0 and hatchling gave one per such project before).
 */
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../../src/compare/types.js';
import { withoutSdistOnlyExclusions } from '../../../src/fuzz/properties/roundtrip.js';
import type { ProjectModel } from '../../../src/model/projectModel.js';

const model: ProjectModel = {
  name: 'demo',
  version: '1.0',
  description: null,
  dependencies: [],
  layout: 'src',
  packages: [{ name: 'pkg', init: '', modules: [], data: [], subpackages: [] }],
  modules: [],
  excludedFiles: [
    { path: '_scratch/old.bak', content: '', scope: 'sdist', rule: 'folder' },
    { path: 'notes.tmp', content: '', scope: 'both', rule: 'path' },
  ],
};
const only = (path: string): Difference => ({ artifact: 'wheel', kind: 'only-in-a', path, a: '0 bytes of text' });
const record = (...rows: string[]): Difference => ({
  artifact: 'wheel',
  kind: 'content',
  path: '{dist-info}/RECORD',
  diff: ['--- a/{dist-info}/RECORD', '+++ b/{dist-info}/RECORD', '@@ -1,3 +1,2 @@', ' pkg/__init__.py,sha256=x,0', ...rows].join('\n'),
});

describe('roundtrip: files excluded from the sdist only', () => {
  it('drops their wheel members and a RECORD that differs by their rows alone', () => {
    expect(withoutSdistOnlyExclusions(model, [only('pkg/_scratch/old.bak'), record('-pkg/_scratch/old.bak,sha256=y,0')])).toEqual([]);
  });

  it('keeps everything else: other members, a RECORD with other rows, a file excluded from both, the sdist', () => {
    const kept = [
      only('pkg/other.bak'),
      only('pkg/notes.tmp'), // excluded from both: the tree's wheel must not have it either
      record('-pkg/_scratch/old.bak,sha256=y,0', '-pkg/other.bak,sha256=z,0'),
      { artifact: 'sdist', kind: 'only-in-a', path: 'pkg/_scratch/old.bak', a: '' } as Difference,
      { artifact: 'wheel', kind: 'only-in-b', path: 'pkg/_scratch/old.bak', b: '' } as Difference,
    ];
    expect(withoutSdistOnlyExclusions(model, kept)).toEqual(kept);
  });

  it('leaves a model without such files alone', () => {
    const differences = [only('pkg/_scratch/old.bak'), record('-pkg/_scratch/old.bak,sha256=y,0')];
    expect(withoutSdistOnlyExclusions({ ...model, excludedFiles: undefined }, differences)).toBe(differences);
  });
});
