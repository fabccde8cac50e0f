import { describe, expect, it } from 'vitest';
import { expandSelfReferences, isSelfReference } from '../../src/pep/selfReference.js';

describe('expandSelfReferences', () => {
  const literal = ['o>=1; extra == "cli"', 'p; python_version >= "3.8" and extra == "cli"', 'Acme_Tool[cli]; extra == "all"'];

  it('replaces a self-reference by the referenced extra\'s requirements under its own extra', () => {
    expect(expandSelfReferences('acme-tool', literal)).toEqual([
      'o>=1; extra == "cli"',
      'p; python_version >= "3.8" and extra == "cli"',
      'o>=1; extra == "all"',
      'p; python_version >= "3.8" and extra == "all"',
    ]);
  });

  it('leaves requirements on other projects, and self-references under other markers, alone', () => {
    const other = ['other[cli]; extra == "all"', 'acme[cli]; extra == "all" or os_name == "nt"'];
    expect(expandSelfReferences('acme', other)).toEqual(other);
    expect(isSelfReference('acme', 'acme>=1[cli]; extra == "all"')).toBe(false);
    expect(isSelfReference('ACME', 'acme[cli]; extra == "all"')).toBe(true);
  });

  it('follows chains and stops at cycles', () => {
    const chain = ['q; extra == "c"', 'a[c]; extra == "b"', 'a[b]; extra == "all"', 'a[all]; extra == "c"'];
    const out = expandSelfReferences('a', chain);
    expect(out).toContain('q; extra == "all"');
    expect(out).toContain('q; extra == "b"');
    expect(out.some((r) => r.startsWith('a['))).toBe(false);
  });
});
