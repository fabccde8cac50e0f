import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/compare/types.js';
import { installedDiffEnabled, oneSidedInstalled } from '../../src/install/installedDiff.js';

const d = (code: string, path: string, b: string): Difference => ({ artifact: 'wheel', kind: 'installed', code, path, a: 'want', b });

describe('diff: installed-tree comparison', () => {
  it('is on at the semantic level with TWINBUILD_DIFF_INSTALLED=1 only', () => {
    expect(installedDiffEnabled('semantic', { TWINBUILD_DIFF_INSTALLED: '1' })).toBe(true);
    expect(installedDiffEnabled('semantic', {})).toBe(false);
    expect(installedDiffEnabled('content', { TWINBUILD_DIFF_INSTALLED: '1' })).toBe(false);
  });

  it('keeps what one side gets wrong and the other does not, each said for its side', () => {
    const both = d('import', 'pkg', 'ModuleNotFoundError');
    const out = oneSidedInstalled([both, d('missing-file', 'data/x', 'absent')], [both, d('unexpected-file', 'purelib/x', 'installed')]);
    expect(out).toEqual([
      { artifact: 'wheel', kind: 'installed', code: 'missing-file', path: 'data/x', a: 'absent', b: 'as the model says' },
      { artifact: 'wheel', kind: 'installed', code: 'unexpected-file', path: 'purelib/x', a: 'as the model says', b: 'installed' },
    ]);
  });
});
