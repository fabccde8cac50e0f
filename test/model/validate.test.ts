/**
 * Corpus files with the extended model: every generated model loads, a
 * model of the first format still loads, and a stranger's file cannot make
 * a renderer write outside the project, over a configuration file, or a line
 * break into setup.cfg.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { CorpusFormatError, validateCorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { richModel } from '../render/fixtures.js';
import { corpusEntry, smallModel } from '../corpus/fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const load = (model: unknown): void => {
  validateCorpusFile(JSON.parse(JSON.stringify({ ...corpusEntry(), model })), 'test.json');
};
const withModel = (edit: (m: Json) => void): Json => {
  const m = JSON.parse(JSON.stringify(richModel)) as Json;
  edit(m);
  return m;
};

describe('corpus files with extended models', () => {
  it('loads every generated model, and models of the first format', () => {
    fc.assert(
      fc.property(projectModel(), (model: ProjectModel) => {
        load(model);
      }),
      { numRuns: 300, seed: 3 },
    );
    load(smallModel());
    load(richModel);
    load({ ...richModel, licenseFilePatterns: ['**/NOTICE*', 'LICEN[CS]E', 'LICENSES/?IT.txt'] });
    load({ ...richModel, dynamicVersion: true, wheelData: [{ path: 'share/a/x.json', content: '' }], scriptFiles: [{ path: 'run.sh', content: '#!/bin/sh\n' }], setuptools: { packageData: 'manifest' }, configSettings: { buildNumber: '2x1' } });
    load({ ...richModel, packages: [], modules: [], namespacePackages: undefined, dynamicVersion: undefined, excludedFiles: undefined, strayBytecode: undefined, metaPackage: true });
    load({ ...richModel, readme: { contentType: 'text/x-rst', form: 'file-table', text: 'a\n=\n', path: 'docs/about.txt' } });
    load({ ...richModel, excludedFiles: [{ path: 'notes.bak', content: 'x\n', scope: 'both', rule: 'glob' }, { path: '_scratch/deep/t.log', content: '', scope: 'sdist', rule: 'folder' }] });
  });

  const rejected: [string, (m: Json) => void, RegExp][] = [
    ['a license file outside the project', (m) => (m.licenseFiles[0].path = '../LICENSE'), /licenseFiles\[0\]\.path/],
    ['an absolute sdist file', (m) => (m.sdistFiles[0].path = '/etc/passwd'), /sdistFiles\[0\]\.path/],
    ['a hidden file', (m) => (m.sdistFiles[0].path = 'docs/.env'), /sdistFiles\[0\]\.path/],
    ['a root setup.py', (m) => (m.sdistFiles[0].path = 'setup.py'), /configuration or Python file/],
    ['a root pdm_build.py (pdm-backend runs it)', (m) => (m.sdistFiles[0].path = 'pdm_build.py'), /configuration or Python file/],
    ['a .pth file', (m) => (m.licenseFiles[0].path = 'evil.pth'), /configuration or Python file/],
    ['a file under src/', (m) => (m.sdistFiles[0].path = 'src/x.txt'), /under src/],
    ['a path with a space (MANIFEST.in splits on spaces)', (m) => (m.sdistFiles[0].path = 'docs/a b.md'), /safe relative path/],
    ['a license.file path with a glob character', (m) => (m.license = { kind: 'file', path: 'LICENSE*', content: '' }), /license\.path/],
    ['a line break in a keyword', (m) => (m.keywords[0] = 'a\ncmdclass = x'), /keywords\[0\]/],
    ['a line break in a dependency', (m) => (m.dependencies[0] = 'a\n[options]'), /dependencies\[0\]/],
    ['a line break in an author name', (m) => (m.authors[0].name = 'x\ny'), /authors\[0\]\.name/],
    ['a comma in an author name', (m) => (m.authors[0].name = 'Smith, J'), /authors\[0\]\.name/],
    ['an extra name that is not a name', (m) => (m.optionalDependencies[0].name = 'a = b'), /optionalDependencies\[0\]\.name/],
    ['an entry point value with code', (m) => (m.entryPoints[0].entries[0].value = 'os:system("x")'), /entries\[0\]\.value/],
    ['a setup_requires with a backslash', (m) => (m.setuptools.setupRequires.requirements[0] = 'a \\'), /setupRequires\.requirements\[0\]/],
    ['an unknown setuptools option', (m) => (m.setuptools.cmdclass = true), /setuptools\.cmdclass/],
    ['a non-boolean scenario', (m) => (m.setuptools.mainGuard = 'yes'), /setuptools\.mainGuard/],
    ['a metapackage with modules', (m) => (m.metaPackage = true), /metaPackage/],
    ['a metapackage that is not true', (m) => ((m.metaPackage = false), (m.packages = []), (m.modules = [])), /metaPackage/],
    ['a project with no tree that is no metapackage', (m) => ((m.packages = []), (m.modules = []), delete m.namespacePackages), /packages/],
    ['a metapackage with a dynamic version', (m) => ((m.metaPackage = true), (m.packages = []), (m.modules = []), delete m.namespacePackages, (m.dynamicVersion = true)), /dynamic version/],
    ['a build number carrying another option', (m) => (m.configSettings = { buildNumber: '1 --dist-dir=/tmp' }), /configSettings\.buildNumber/],
    ['an unknown config setting', (m) => (m.configSettings = { pythonTag: 'py2' }), /configSettings\.pythonTag/],
    ['an unknown readme form', (m) => (m.readme.form = 'url'), /readme\.form/],
    ['a readme path outside the project', (m) => ((m.readme.form = 'file-table'), (m.readme.path = '../README.md')), /readme\.path/],
    ['a readme path on an inline readme', (m) => ((m.readme.form = 'inline'), (m.readme.path = 'docs/intro.md')), /inline readme has no file/],
    ['a file-form readme whose extension says another type', (m) => ((m.readme.form = 'file'), (m.readme.contentType = 'text/markdown'), (m.readme.path = 'docs/intro.rst')), /\.md extension/],
    ['a readme path that is an sdist-only file (without case)', (m) => ((m.readme.form = 'file-table'), (m.readme.path = m.sdistFiles[0].path.toUpperCase())), /names the same file as/],
    ['an unknown license kind', (m) => (m.license = { kind: 'url' }), /license\.kind/],
    ['a namespace with a bad name', (m) => (m.namespacePackages[0].name = '../x'), /namespacePackages\[0\]\.name/],
    ['a bad package inside a namespace', (m) => (m.namespacePackages[0].packages[0].name = 'a/b'), /namespacePackages\[0\]\.packages\[0\]\.name/],
    ['a stub with a bad name', (m) => (m.packages[0].stubs[0].name = '../x'), /stubs\[0\]\.name/],
    ['a non-boolean typed', (m) => (m.packages[0].typed = 'yes'), /typed/],
    ['a top-level module shadowing the build tools', (m) => m.modules.push({ name: 'setuptools', source: '' }), /shadow/],
    ['a top-level namespace shadowing the standard library', (m) => (m.namespacePackages[0].name = 'os'), /shadow/],
    ['a requires-python with a line break', (m) => (m.requiresPython = '>=3\n'), /requiresPython/],
    ['a lone surrogate', (m) => (m.readme.text = '\ud800'), /well-formed/],
    ['a non-boolean dynamicVersion', (m) => (m.dynamicVersion = 'yes'), /dynamicVersion/],
    ['wheel data outside the data folder', (m) => (m.wheelData = [{ path: '../setup.py', content: '' }]), /wheelData\[0\]\.path/],
    ['a script in a folder', (m) => (m.scriptFiles = [{ path: 'bin/x', content: '' }]), /scriptFiles\[0\]\.path/],
    ['a hidden script', (m) => (m.scriptFiles = [{ path: '.x', content: '' }]), /scriptFiles\[0\]\.path/],
    ['an unknown package data style', (m) => (m.setuptools.packageData = 'graft'), /setuptools\.packageData/],
    ['a license-files pattern leaving the project', (m) => (m.licenseFilePatterns = ['../**/NOTICE*']), /licenseFilePatterns\[0\]/],
    ['an absolute license-files pattern', (m) => (m.licenseFilePatterns = ['/NOTICE*']), /licenseFilePatterns\[0\]/],
    ['a license-files pattern with a brace', (m) => (m.licenseFilePatterns = ['LICEN{CS}E']), /licenseFilePatterns\[0\]/],
    // Excluded files (issue #12): safe paths in the first package's folder, known scopes and rules, reaching nothing that ships.
    ['excluded files without a top-level package', (m) => ((m.packages = []), (m.excludedFiles = [{ path: 'notes.bak', content: '', scope: 'both', rule: 'path' }])), /excludedFiles needs a top-level package/],
    ['an excluded file outside the package folder', (m) => (m.excludedFiles = [{ path: '../setup.bak', content: '', scope: 'both', rule: 'path' }]), /excludedFiles\[0\]\.path.*safe relative path/],
    ['a hidden excluded file', (m) => (m.excludedFiles = [{ path: '.env.bak', content: '', scope: 'both', rule: 'path' }]), /excludedFiles\[0\]\.path.*safe relative path/],
    ['an excluded Python file', (m) => (m.excludedFiles = [{ path: 'extra.py', content: '', scope: 'both', rule: 'path' }]), /excludedFiles\[0\]\.path.*not a Python one/],
    ['an excluded file without an extension', (m) => (m.excludedFiles = [{ path: 'notes', content: '', scope: 'both', rule: 'path' }]), /excludedFiles\[0\]\.path.*extension/],
    ['a line break in an excluded path', (m) => (m.excludedFiles = [{ path: 'a.bak\ninclude x', content: '', scope: 'both', rule: 'path' }]), /excludedFiles\[0\]\.path/],
    ['an unknown exclude scope', (m) => (m.excludedFiles = [{ path: 'notes.bak', content: '', scope: 'wheel', rule: 'path' }]), /excludedFiles\[0\]\.scope/],
    ['an unknown exclude rule', (m) => (m.excludedFiles = [{ path: 'notes.bak', content: '', scope: 'both', rule: 'regex' }]), /excludedFiles\[0\]\.rule/],
    ['a folder rule for a file in no folder', (m) => (m.excludedFiles = [{ path: 'notes.bak', content: '', scope: 'both', rule: 'folder' }]), /excludedFiles\[0\]\.path.*inside a folder/],
    ['an unknown field of an excluded file', (m) => (m.excludedFiles = [{ path: 'notes.bak', content: '', scope: 'both', rule: 'path', why: 'x' }]), /excludedFiles\[0\]\.why/],
    ['an excluded file that is a shipped one', (m) => (m.excludedFiles = [{ path: 'py.typed', content: '', scope: 'both', rule: 'path' }]), /ships: src\/rich\/py\.typed/],
    ['an exclude glob that takes a shipped file', (m) => (m.excludedFiles = [{ path: 'x.typed', content: '', scope: 'sdist', rule: 'glob' }]), /glob rule matches.*src\/rich\/py\.typed/],
    ['an exclude glob that takes an excluded file of the other scope', (m) => (m.excludedFiles = [{ path: 'a.bak', content: '', scope: 'both', rule: 'glob' }, { path: 'b.bak', content: '', scope: 'sdist', rule: 'path' }]), /excluded with another scope/],
  ];
  for (const [what, edit, field] of rejected) {
    it(`rejects ${what}`, () => {
      expect(() => load(withModel(edit))).toThrow(CorpusFormatError);
      expect(() => load(withModel(edit))).toThrow(field);
    });
  }
});
