import { describe, expect, it } from 'vitest';
import { compareInstalled } from '../../src/install/compareInstalled.js';
import { extraRequirement, installedExpectation, sha256, type InstalledExpectation } from '../../src/install/expect.js';
import type { InstalledFacts } from '../../src/install/facts.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { signatureOf } from '../../src/fuzz/signature.js';

const INTERP = '/tools/installer/bin/python';

const MODEL: ProjectModel = {
  name: 'My_Dist',
  version: '1.0',
  description: null,
  dependencies: ['attrs>=1.0', 'tomli; python_version < "3.11"'],
  layout: 'src',
  packages: [
    {
      name: 'pkg',
      init: 'X = 1\n',
      modules: [{ name: 'mod', source: 'def main():\n    pass\n' }],
      data: [{ path: 'd/x.json', content: '{}' }],
      subpackages: [{ name: 'sub', init: '', modules: [], data: [], subpackages: [] }],
      typed: true,
    },
  ],
  modules: [{ name: 'top', source: '' }],
  namespacePackages: [{ name: 'ns', packages: [], modules: [{ name: 'm', source: '' }], namespaces: [] }],
  optionalDependencies: [{ name: 'Dev_Tools', requirements: ['pytest'] }],
  entryPoints: [{ group: 'console_scripts', entries: [{ name: 'run', value: 'pkg.mod:main' }] }],
  wheelData: [{ path: 'share/x.txt', content: 'data' }],
  scriptFiles: [{ path: 'tool', content: '#!/usr/bin/env python\nprint(1)\n' }],
};

/** The facts of a perfect regular installation of `e`. */
function perfect(e: InstalledExpectation): InstalledFacts {
  const file = (sha: string) => ({ sha256: sha, executable: false, head: null });
  const purelib = Object.fromEntries(Object.entries(e.libFiles).map(([p, sha]) => [p, file(sha)]));
  purelib['My_Dist-1.0.dist-info/METADATA'] = file('m');
  const launcher = `#!${INTERP}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pkg.mod import main\n`;
  const tool = MODEL.scriptFiles![0]!.content;
  return {
    python: '3.11.7',
    interpreter: INTERP,
    files: {
      purelib,
      platlib: {},
      headers: {},
      data: { 'share/x.txt': file(sha256('data')) },
      scripts: {
        run: { sha256: sha256(launcher), executable: true, head: launcher },
        tool: { sha256: sha256(`#!${INTERP}\n${tool.split('\n').slice(1).join('\n')}`), executable: true, head: null },
      },
    },
    imports: Object.fromEntries(
      e.modules.map((m) => [m, { ok: true, file: e.namespaces.includes(m) ? null : `/site/${m}.py`, package: e.packages.includes(m) || e.namespaces.includes(m), namespace: e.namespaces.includes(m), underProject: false }]),
    ),
    resources: e.resources.map((r) => ({ package: r.package, path: r.path, ok: true, sha256: r.sha256 })),
    metadata: {
      count: 1,
      name: 'my-dist',
      version: '1.0',
      // As setuptools writes them: another spelling, the same meaning.
      requires: ['attrs >=1.0', "tomli ; python_version < '3.11'", 'pytest ; extra == "dev-tools"'],
      extras: ['dev-tools'],
      entryPoints: [{ group: 'console_scripts', name: 'run', value: 'pkg.mod:main' }],
    },
    requirements: {},
  };
}

describe('installedExpectation', () => {
  const e = installedExpectation(MODEL);
  it('lists every import name, parents first, and tells packages from namespaces', () => {
    expect(e.modules).toEqual(['ns', 'pkg', 'top', 'ns.m', 'pkg.mod', 'pkg.sub']);
    expect(e.packages).toEqual(['pkg', 'pkg.sub']);
    expect(e.namespaces).toEqual(['ns']);
  });
  it('takes the installed files from the renderers, relative to the import root', () => {
    expect(Object.keys(e.libFiles).sort()).toEqual(['ns/m.py', 'pkg/__init__.py', 'pkg/d/x.json', 'pkg/mod.py', 'pkg/py.typed', 'pkg/sub/__init__.py', 'top.py']);
    expect(e.resources.map((r) => `${r.package}:${r.path}`)).toEqual(['pkg:d/x.json', 'pkg:py.typed']);
    expect(e.editTarget).toEqual({ file: 'src/top.py', module: 'top' });
  });
  it('expects the files excluded from the sdist only in a regular install (the wheel ships them), never those excluded from both', () => {
    // Found as a false finding of the live-bug campaign (docs/live-bugs.md, 2026-12-03): hatchling 1.33.0,
    // seed 31, `install|wheel:installed:unexpected-file` for such a file.
    const x = installedExpectation({
      ...MODEL,
      excludedFiles: [
        { path: 'notes.bak', content: 'n\n', scope: 'sdist', rule: 'glob' },
        { path: '_scratch/trace.log', content: 't\n', scope: 'both', rule: 'folder' },
      ],
    });
    expect(Object.keys(x.libFiles).sort()).toEqual([...Object.keys(e.libFiles), 'pkg/notes.bak'].sort());
    expect(x.libFiles['pkg/notes.bak']).toBe(sha256('n\n'));
    const f = perfect(x);
    expect(compareInstalled(x, f, { mode: 'wheel' })).toEqual([]);
    delete f.files.purelib!['pkg/notes.bak'];
    expect(compareInstalled(x, f, { mode: 'wheel' }).map((d) => d.code)).toEqual(['missing-file']);
  });
  it('writes requirements of extras with their markers', () => {
    expect(e.requires).toEqual(['attrs>=1.0', 'tomli; python_version < "3.11"', 'pytest; extra == "Dev_Tools"']);
    expect(extraRequirement('a; os_name == "nt"', 'x')).toBe('a; (os_name == "nt") and extra == "x"');
  });
});

describe('compareInstalled', () => {
  const e = installedExpectation(MODEL);

  it('a perfect installation has no differences', () => {
    expect(compareInstalled(e, perfect(e), { mode: 'wheel' })).toEqual([]);
  });

  const codes = (f: InstalledFacts, mode: 'wheel' | 'editable' = 'wheel') => compareInstalled(e, f, { mode, buildInterpreters: ['/envs/backend/bin/python'] }).map((d) => d.code);

  it('a module that does not import', () => {
    const f = perfect(e);
    f.imports['pkg.mod'] = { ok: false, error: 'ModuleNotFoundError' };
    expect(codes(f)).toEqual(['import']);
  });

  it('a regular package that installs without its __init__.py is that one missing file', () => {
    const f = perfect(e);
    delete f.files.purelib['pkg/sub/__init__.py'];
    f.imports['pkg.sub'] = { ok: true, file: null, package: true, namespace: true, underProject: false };
    const d = compareInstalled(e, f, { mode: 'wheel' });
    expect(d.map((x) => x.code)).toEqual(['missing-file']);
    expect(d[0]!.b).toContain('pkg.sub imports as a namespace package');
  });

  it('a namespace package that became regular, and a resource with other bytes', () => {
    const f = perfect(e);
    f.imports['ns'] = { ok: true, file: '/site/ns/__init__.py', package: true, namespace: false, underProject: false };
    f.resources[0]!.sha256 = sha256('other');
    expect(codes(f).sort()).toEqual(['package-kind', 'resource']);
  });

  it('metadata: version, requirement meaning, extras and entry points', () => {
    const f = perfect(e);
    f.metadata = { ...f.metadata!, version: '1.0.1', requires: ['attrs>=1.0', 'tomli', 'pytest; extra == "dev-tools"'], extras: [], entryPoints: [] };
    expect(codes(f).sort()).toEqual(['entry-points', 'metadata', 'metadata', 'metadata']);
  });

  it('requirements are compared by what packaging makes of them where the tool gives it', () => {
    const f = perfect(e);
    f.metadata!.requires = ['attrs>=1.0', 'tomli; python_full_version < "3.11"', 'pytest; extra == "dev-tools"'];
    expect(codes(f)).toEqual(['metadata']); // without the tool's reading: spelled differently
    const m = (name: string, versions: string, marker: string) => ({ name, extras: [], url: '', versions, marker });
    f.requirements = {
      'attrs>=1.0': m('attrs', '0011', ''),
      'tomli; python_version < "3.11"': m('tomli', '1111', '1100'),
      'tomli; python_full_version < "3.11"': m('tomli', '1111', '1100'),
      'pytest; extra == "Dev_Tools"': m('pytest', '1111', '01'),
      'pytest; extra == "dev-tools"': m('pytest', '1111', '01'),
    };
    expect(codes(f)).toEqual([]);
    f.requirements['tomli; python_full_version < "3.11"'] = m('tomli', '1111', '1000');
    expect(codes(f)).toEqual(['metadata']);
  });

  it('repeated specifiers mean one (as packaging\'s SpecifierSet)', () => {
    const f = perfect(e);
    f.metadata!.requires = ['attrs>=1.0,>=1.0', "tomli ; python_version < '3.11'", 'pytest ; extra == "dev-tools"'];
    expect(codes(f)).toEqual([]);
  });

  it('a data file in site-packages instead of the data scheme, and a file nobody asked for', () => {
    const f = perfect(e);
    f.files.purelib['share/x.txt'] = f.files.data['share/x.txt']!;
    delete f.files.data['share/x.txt'];
    f.files.purelib['.gitignore'] = { sha256: 'x', executable: false, head: null };
    expect(codes(f).sort()).toEqual(['missing-file', 'unexpected-file', 'unexpected-file']);
  });

  it('a launcher that names another entry point or interpreter, and a script with other content', () => {
    const f = perfect(e);
    f.files.scripts['run']!.head = `#!${INTERP}\nfrom pkg.other import main\n`;
    f.files.scripts['tool']!.sha256 = sha256('#!/usr/bin/env python\nprint(2)\n');
    expect(codes(f)).toEqual(['file-content', 'file-content']);
  });

  it('editable: modules from outside the project, an edit not seen, a script naming the build interpreter', () => {
    const f = perfect(e);
    f.files.purelib = { '__editable__.my_dist-1.0.pth': { sha256: 'x', executable: false, head: null }, 'My_Dist-1.0.dist-info/RECORD': { sha256: 'x', executable: false, head: null } };
    for (const m of e.modules) if (!e.namespaces.includes(m)) f.imports[m] = { ...(f.imports[m] as { ok: true; file: string; package: boolean; namespace: boolean }), underProject: m !== 'top' };
    f.edit = { expected: 'edited', seen: null };
    f.files.scripts['tool'] = { sha256: 'x', executable: true, head: '#!/envs/backend/bin/python\nprint(1)\n' };
    const d = compareInstalled(e, f, { mode: 'editable', variant: 'editable-mode=strict', buildInterpreters: ['/envs/backend/bin/python'] });
    expect(d.map((x) => x.code).sort()).toEqual(['editable:build-interpreter', 'editable:edit-not-seen', 'editable:file-content', 'editable:outside-project']);
    expect(d.find((x) => x.code === 'editable:outside-project')!.path).toBe('[editable-mode=strict] top');
    expect(signatureOf('install', d).classes).toContain('wheel:installed:editable:outside-project');
  });
});
