/** The metadata generators: each gives the same values for a seed, only valid values, and shrinks to a smallest value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifiers } from '../../generators/classifiers.js';
import { entryPoints } from '../../generators/entryPoints.js';
import { keywords } from '../../generators/keywords.js';
import { license } from '../../generators/license.js';
import { licenseFiles } from '../../generators/licenseFiles.js';
import { optionalDependencies } from '../../generators/optionalDependencies.js';
import { people } from '../../generators/people.js';
import { readme } from '../../generators/readme.js';
import { requiresPython } from '../../generators/requiresPython.js';
import { sdistFiles } from '../../generators/sdistFiles.js';
import { setuptoolsOptions } from '../../generators/setuptoolsOptions.js';
import { urls } from '../../generators/urls.js';
import { scriptFiles, wheelDataFiles } from '../../generators/wheelData.js';
import { shrinkTo } from './shrink.js';
import {
  entryPointProblems,
  extrasProblems,
  filesProblems,
  licenseProblems,
  peopleProblems,
  readmeProblems,
  requirementProblems,
  requiresPythonProblems,
  scriptProblems,
  urlsProblems,
  wheelDataProblems,
} from './validators.js';

/** The fast-check contract of one generator: determinism, validity, replayable values. */
function contract<T>(name: string, make: () => fc.Arbitrary<T>, problems: (value: T) => string[]): void {
  describe(name, () => {
    it('gives the same values for the same seed', () => {
      expect(fc.sample(make(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(make(), { seed: 42, numRuns: 100 }));
    });
    it('only produces valid values', () => {
      fc.assert(
        fc.property(make(), (value) => {
          expect(problems(value)).toEqual([]);
        }),
        { numRuns: 1000, seed: 7 },
      );
    });
    it('can shrink values it did not generate (from JSON)', () => {
      const arb = make();
      const values = fc.sample(arb, { seed: 9, numRuns: 300 }).map((v) => JSON.parse(JSON.stringify(v)) as T);
      expect(values.filter((v) => !arb.canShrinkWithoutContext(v))).toEqual([]);
    });
  });
}

contract('requiresPython', () => requiresPython(), requiresPythonProblems);
contract('readme', () => readme(), readmeProblems);
contract('license', () => license(), licenseProblems);
contract('licenseFiles', () => licenseFiles(), (f) => filesProblems(f, 'license file'));
contract('people', () => people(), (p) => peopleProblems(p, 'people'));
contract('keywords', () => keywords(), (k) => (k.length > 0 && k.every((x) => x !== '' && !x.includes(',') && x.trim() === x) && new Set(k).size === k.length ? [] : ['keywords']));
contract('classifiers', () => classifiers(), (c) => (c.length > 0 && new Set(c).size === c.length && c.every((x) => x.includes(' :: ') && !x.startsWith('License ::')) ? [] : ['classifiers']));
contract('urls', () => urls(), urlsProblems);
contract('optionalDependencies', () => optionalDependencies(), extrasProblems);
contract('entryPoints', () => entryPoints(), entryPointProblems);
contract('sdistFiles', () => sdistFiles(), (f) => filesProblems(f, 'sdist file'));
contract('wheelDataFiles', () => wheelDataFiles(), wheelDataProblems);
contract('scriptFiles', () => scriptFiles(), scriptProblems);
contract('setuptoolsOptions', () => setuptoolsOptions(), (o) => (o.setupRequires?.requirements ?? []).flatMap(requirementProblems));

describe('coverage and shrinking of the metadata generators', () => {
  it('wheelDataFiles: files at the root and in folders, empty and not; shrinks to one empty a.txt', () => {
    const values = fc.sample(wheelDataFiles(), { seed: 1, numRuns: 500 }).flat();
    expect(values.some((f) => !f.path.includes('/'))).toBe(true);
    expect(values.some((f) => f.path.split('/').length === 3)).toBe(true);
    expect(values.some((f) => f.content === '')).toBe(true);
    expect(values.some((f) => f.content.length > 0)).toBe(true);
    expect(shrinkTo(wheelDataFiles(), () => true).minimal).toEqual([{ path: 'a.txt', content: '' }]);
  });

  it('scriptFiles: shell and Python scripts with every #! line; shrinks to one shell script a', () => {
    const values = fc.sample(scriptFiles(), { seed: 1, numRuns: 500 }).flat();
    for (const start of ['#!/bin/sh\n', '#!/usr/bin/env python3\n', '#!/usr/bin/python -u\n', '#!python\n', 'print(']) expect(values.some((s) => s.content.startsWith(start)), start).toBe(true);
    for (const ext of ['.sh', '.py']) expect(values.some((s) => s.path.endsWith(ext)), ext).toBe(true);
    expect(shrinkTo(scriptFiles(), () => true).minimal).toEqual([{ path: 'a', content: '#!/bin/sh\necho 0\n' }]);
  });

  it('requiresPython: every operator, spaces, two clauses; === only last and with a full version; shrinks to >=3', () => {
    const specs = fc.sample(requiresPython(), { seed: 1, numRuns: 3000 });
    for (const op of ['>=', '>', '<', '<=', '==', '!=', '~=', '===']) expect(specs.some((s) => s.split(/, ?/).some((c) => c.startsWith(op) && !c.startsWith(`${op}=`))), op).toBe(true);
    for (const pattern of [/\.\*/, /, /, /,[^ ]/, /[<>=] [0-9]/, /2\.7/]) expect(specs.some((s) => pattern.test(s)), String(pattern)).toBe(true);
    expect(specs.filter((s) => /===/.test(s)).every((s) => /===[0-9]+\.[0-9]+\.[0-9]+$/.test(s))).toBe(true);
    expect(shrinkTo(requiresPython(), () => true).minimal).toBe('>=3');
    // Without `strict`, also what setuptools or hatchling refuse.
    const loose = fc.sample(requiresPython({ strict: false }), { seed: 1, numRuns: 5000 });
    expect(loose.some((s) => /===[^,]*,/.test(s) || /===[0-9]+(\.[0-9]+)?$/.test(s))).toBe(true);
  });

  it('readme: every content type and form, text beyond ASCII; shrinks to a Markdown file', () => {
    const values = fc.sample(readme(), { seed: 1, numRuns: 1000 });
    for (const ct of ['text/markdown', 'text/x-rst', 'text/plain']) expect(values.some((r) => r.contentType === ct), ct).toBe(true);
    for (const form of ['file', 'file-table', 'inline']) expect(values.some((r) => r.form === form), form).toBe(true);
    expect(values.some((r) => /[^\x00-\x7f]/.test(r.text))).toBe(true);
    expect(fc.sample(readme({ forms: ['inline'] }), { seed: 1, numRuns: 100 }).every((r) => r.form === 'inline')).toBe(true);
    expect(shrinkTo(readme(), () => true).minimal).toEqual({ contentType: 'text/markdown', form: 'file', text: '# a\n' });
    expect(shrinkTo(readme(), (r) => r.contentType === 'text/x-rst').minimal).toEqual({ contentType: 'text/x-rst', form: 'file', text: 'a\n=\n' });
  });

  it('license: SPDX expressions (compound, lowercase), text and file; shrinks to MIT', () => {
    const values = fc.sample(license(), { seed: 1, numRuns: 1000 });
    for (const kind of ['spdx', 'text', 'file'] as const) expect(values.some((l) => l.kind === kind), kind).toBe(true);
    const expressions = values.flatMap((l) => (l.kind === 'spdx' ? [l.expression] : []));
    for (const pattern of [/ OR /, / AND /, / WITH /, /\(/, /^[a-z0-9 .-]+$/, /LicenseRef-/]) expect(expressions.some((e) => pattern.test(e)), String(pattern)).toBe(true);
    expect(values.some((l) => l.kind === 'file' && l.path.includes('/'))).toBe(true);
    expect(fc.sample(license({ kinds: ['text'] }), { seed: 1, numRuns: 100 }).every((l) => l.kind === 'text')).toBe(true);
    expect(shrinkTo(license(), () => true).minimal).toEqual({ kind: 'spdx', expression: 'MIT' });
  });

  it('licenseFiles: root and sub-folder paths; shrinks to one LICENSE', () => {
    const values = fc.sample(licenseFiles(), { seed: 1, numRuns: 500 });
    expect(values.some((fs) => fs.some((f) => f.path.includes('/')))).toBe(true);
    expect(values.some((fs) => fs.length === 3)).toBe(true);
    expect(shrinkTo(licenseFiles(), () => true).minimal).toEqual([{ path: 'LICENSE', content: '\n' }]);
  });

  it('people: names beyond ASCII, quoted names, email only, name only; shrinks to one name', () => {
    const values = fc.sample(people(), { seed: 1, numRuns: 1000 }).flat();
    expect(values.some((p) => /[^\x00-\x7f]/.test(p.name ?? ''))).toBe(true);
    expect(values.some((p) => (p.name ?? '').startsWith('J. '))).toBe(true);
    expect(values.some((p) => p.name === undefined)).toBe(true);
    expect(values.some((p) => p.email === undefined)).toBe(true);
    expect(values.some((p) => p.name !== undefined && p.email !== undefined)).toBe(true);
    expect(fc.sample(people({ emailOnly: false }), { seed: 1, numRuns: 300 }).flat().every((p) => p.name !== undefined)).toBe(true);
    expect(shrinkTo(people(), () => true).minimal).toEqual([{ name: 'a' }]);
  });

  it('optionalDependencies: unnormalized extra names, empty extras; shrinks to one empty extra a', () => {
    const values = fc.sample(optionalDependencies(), { seed: 1, numRuns: 500 }).flat();
    expect(values.some((e) => /[A-Z]/.test(e.name) && /[-_.]/.test(e.name))).toBe(true);
    expect(values.some((e) => e.requirements.length === 0)).toBe(true);
    expect(values.some((e) => e.requirements.some((r) => r.includes(';')))).toBe(true);
    expect(shrinkTo(optionalDependencies(), () => true).minimal).toEqual([{ name: 'a', requirements: [] }]);
  });

  it('entryPoints: console, GUI and custom groups; shrinks to one console script', () => {
    const values = fc.sample(entryPoints(), { seed: 1, numRuns: 500 }).flat();
    for (const g of ['console_scripts', 'gui_scripts', 'my.plugins']) expect(values.some((x) => x.group === g), g).toBe(true);
    expect(values.some((x) => !x.group.endsWith('_scripts') && x.entries.some((e) => !e.value.includes(':')))).toBe(true);
    expect(shrinkTo(entryPoints(), () => true).minimal).toEqual([{ group: 'console_scripts', entries: [{ name: 'a', value: 'a:a' }] }]);
  });

  it('urls, keywords, classifiers, sdistFiles, setuptoolsOptions shrink to their smallest values', () => {
    expect(shrinkTo(urls(), () => true).minimal).toEqual([{ label: 'Homepage', url: 'https://example.org/' }]);
    expect(shrinkTo(keywords(), () => true).minimal).toEqual(['a']);
    expect(shrinkTo(classifiers(), () => true).minimal).toEqual(['Programming Language :: Python :: 3']);
    expect(shrinkTo(sdistFiles(), () => true).minimal).toEqual([{ path: 'CHANGELOG.md', content: '' }]);
    expect(shrinkTo(setuptoolsOptions(), () => true).minimal).toEqual({});
    expect(shrinkTo(setuptoolsOptions(), (o) => o.setupRequires?.spelling === 'comments').minimal).toEqual({ setupRequires: { spelling: 'comments', requirements: ['a'] } });
  });

  it('sdistFiles: docs, tests and changelogs, Python files that compile', () => {
    const values = fc.sample(sdistFiles(), { seed: 1, numRuns: 500 }).flat();
    for (const prefix of ['docs/', 'tests/', 'CHANGELOG', 'docs/guide/']) expect(values.some((f) => f.path.startsWith(prefix)), prefix).toBe(true);
  });
});
