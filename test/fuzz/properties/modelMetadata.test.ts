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

  it('takes Requires-Python clauses as packaging does: `>=3.0, >=3` is one clause; `>=3.1` is not `>=3`; `~=3.0` keeps its zero', () => {
    const twice = { ...richModel, requiresPython: '>=3.0, >=3' };
    const only = (line: string): string => WRITTEN.replace('Requires-Python: !=3.9.*,>=3.8', `Requires-Python: ${line}`);
    expect(metadataFieldDifferences(twice, only('>=3.0'))).toEqual([]);
    expect(metadataFieldDifferences(twice, only('>=3'))).toEqual([]);
    expect(metadataFieldDifferences(twice, only('>=3.1'))).toHaveLength(1);
    expect(metadataFieldDifferences({ ...richModel, requiresPython: '~=3.0' }, only('~=3'))).toHaveLength(1);
    expect(metadataFieldDifferences({ ...richModel, requiresPython: '==3.0.*' }, only('==3.*'))).toHaveLength(1);
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

describe('self-referencing extras in METADATA', () => {
  const model = { ...richModel, optionalDependencies: [{ name: 'cli', requirements: ['click>=8'] }], selfReferencingExtra: { name: 'all' } };
  const header = ['Metadata-Version: 2.4', `Name: ${richModel.name}`, `Version: ${richModel.version}`];
  const meta = (lines: string[]): string => [...header, ...lines, ''].join('\n');
  const literal = ['Requires-Dist: click>=8; extra == "cli"', `Requires-Dist: ${richModel.name}[cli]; extra == "all"`];
  const expanded = ['Requires-Dist: click>=8; extra == "cli"', "Requires-Dist: click>=8; extra == 'all'"];
  const requires = (ds: ReturnType<typeof metadataFieldDifferences>) => ds.filter((d) => (d.a ?? '').startsWith('Requires-Dist'));

  it('accepts the literal line from setuptools and the expansion from hatchling 1.24+, each its own form only', () => {
    expect(requires(metadataFieldDifferences(model, meta(literal), { family: 'setuptools', version: '80.9.0' }))).toEqual([]);
    expect(requires(metadataFieldDifferences(model, meta(expanded), { family: 'hatchling', version: '1.27.0' }))).toEqual([]);
    expect(requires(metadataFieldDifferences(model, meta(literal), { family: 'hatchling', version: '1.22.5' }))).toEqual([]);
    expect(requires(metadataFieldDifferences(model, meta(expanded), { family: 'setuptools', version: '80.9.0' }))).toHaveLength(1);
    expect(requires(metadataFieldDifferences(model, meta(literal), { family: 'hatchling', version: '1.27.0' }))).toHaveLength(1);
    // Without a target, either form.
    expect(requires(metadataFieldDifferences(model, meta(literal)))).toEqual([]);
    expect(requires(metadataFieldDifferences(model, meta(expanded)))).toEqual([]);
  });

  it('reports a self-reference that is neither written nor expanded', () => {
    const ds = requires(metadataFieldDifferences(model, meta(['Requires-Dist: click>=8; extra == "cli"'])));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.diff).toContain('-Requires-Dist: click; extra == "all"');
  });
});
