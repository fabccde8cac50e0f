import { describe, expect, it } from 'vitest';
import { metadataFieldDifferences } from '../../../src/fuzz/properties/_modelMetadata.js';
import { signatureOf } from '../../../src/fuzz/signature.js';
import { richModel } from '../../render/fixtures.js';

/** METADATA as a backend writes it for richModel, with the fields spelled as backends legitimately vary them. */
const WRITTEN = [
  'Metadata-Version: 2.4',
  'Name: rich_project-x',
  'Version: 1!2.0rc1',
  'Summary: Rich «demo» 100%',
  'Keywords: alpha beta, zeta',
  'Classifier: Programming Language :: Python :: 3',
  'Classifier: Programming Language :: Python :: 3.12',
  'Classifier: Typing :: Typed',
  'Project-URL: homepage, https://example.org/',
  'Project-URL: Bug Tracker, https://example.org/issues',
  'Requires-Python: !=3.9.*,>=3.8',
  'Provides-Extra: dev-tools',
  'Provides-Extra: empty',
  '',
  '# Rich',
].join('\n');

describe('the wheel METADATA against the model (spec)', () => {
  it('accepts the spellings backends legitimately differ in: name and version forms, keyword order and spacing, specifier order, URL labels, extra classifiers, extra names', () => {
    expect(metadataFieldDifferences(richModel, WRITTEN)).toEqual([]);
  });

  it.each([
    ['Keywords', WRITTEN.replace('Keywords: alpha beta, zeta', 'Keywords: alpha,beta,zeta')],
    ['Keywords', WRITTEN.replace('Keywords: alpha beta, zeta\n', '')],
    ['Summary', WRITTEN.replace('Summary: Rich «demo» 100%', 'Summary: Rich demo 100%')],
    ['Classifier', WRITTEN.replace('Classifier: Typing :: Typed\n', '')],
    ['Provides-Extra', WRITTEN.replace('Provides-Extra: empty\n', '')],
    ['Project-URL', WRITTEN.replace('https://example.org/issues', 'https://example.org/issue')],
    ['Requires-Python', WRITTEN.replace('Requires-Python: !=3.9.*,>=3.8', 'Requires-Python: >=3.8')],
    ['Version', WRITTEN.replace('Version: 1!2.0rc1', 'Version: 2.0rc1')],
    ['Name', WRITTEN.replace('Name: rich_project-x', 'Name: rich-project')],
  ])('reports a %s field that says something else, as that field of METADATA', (field, text) => {
    const ds = metadataFieldDifferences(richModel, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.a).toMatch(new RegExp(`^${field}: `));
    expect(signatureOf('spec', ds).text).toBe(`spec|wheel:content:dist-info/METADATA[${field}]`);
  });

  it('wants no Requires-Python, keywords or URLs the model does not have, and judges no summary the model lacks', () => {
    const bare = { ...richModel, requiresPython: undefined, keywords: undefined, urls: undefined, description: null };
    const ds = metadataFieldDifferences(bare, WRITTEN);
    expect(ds.map((d) => d.a!.split(':')[0]).sort()).toEqual(['Keywords', 'Project-URL', 'Requires-Python']);
  });

  describe('PEP 794 import names the model declares', () => {
    const declared = { ...richModel, modules: [{ name: 'tool', source: '' }], namespacePackages: undefined, importNames: { private: 'first' as const, spelling: 'spaced' as const } };
    const withNames = (lines: string[]): string => WRITTEN.replace('Provides-Extra: empty\n', `Provides-Extra: empty\n${lines.map((l) => `${l}\n`).join('')}`);

    it('accepts the names in any order, with any white space around the `;` of `; private`', () => {
      expect(metadataFieldDifferences(declared, withNames(['Import-Name: tool', 'Import-Name: rich;private']))).toEqual([]);
      expect(metadataFieldDifferences(declared, withNames(['Import-Name: rich ; private', 'Import-Name: tool']))).toEqual([]);
    });

    it.each([
      ['a dropped mark', ['Import-Name: rich', 'Import-Name: tool']],
      ['a mark on another name', ['Import-Name: rich; private', 'Import-Name: tool; private']],
      ['a missing name', ['Import-Name: rich; private']],
      ['no field at all', []],
    ])('reports %s as the Import-Name field', (_what, lines) => {
      const ds = metadataFieldDifferences(declared, withNames(lines));
      expect(ds).toHaveLength(1);
      expect(ds[0]!.a).toMatch(/^Import-Name: /);
    });

    it('judges no import names when the model declares none (flit-core writes its module as one)', () => {
      expect(metadataFieldDifferences(richModel, withNames(['Import-Name: tool']))).toEqual([]);
    });
  });
});
