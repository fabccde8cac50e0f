import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { issueText, pythonVersionOf, TWINBUILD_URL, withoutBuildRequires } from '../../src/report/issueText.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));

async function corpusEntries(): Promise<{ file: string; entry: CorpusFile }[]> {
  const out: { file: string; entry: CorpusFile }[] = [];
  for (const sub of ['findings', 'live', 'scenarios']) {
    let names: string[] = [];
    try {
      names = (await readdir(join(corpusDir, sub))).filter((n) => n.endsWith('.json'));
    } catch {
      continue;
    }
    for (const n of names) out.push({ file: `corpus/${sub}/${n}`, entry: await loadCorpusFile(join(corpusDir, sub, n)) });
  }
  return out;
}

describe('issueText (twinbuild explain)', () => {
  it('prints no path of the machine that found a counterexample, for every corpus file', async () => {
    const entries = await corpusEntries();
    expect(entries.length).toBeGreaterThan(20);
    for (const { file, entry } of entries) {
      const md = issueText(entry, { corpusName: file });
      for (const side of [entry.backends.a, entry.backends.b]) if (side) expect(md, file).not.toContain(side.python);
      expect(md, file).not.toContain(os.homedir());
      expect(md, file).not.toMatch(/\/root\/|\/tmp\/|\.cache\/twinbuild/);
      expect(md, file).toContain(TWINBUILD_URL);
      expect(md, file).not.toContain('npmjs.com');
    }
  });

  it('installs both sides in their own environments and compares their builds', async () => {
    const entry = await loadCorpusFile(join(corpusDir, 'findings', 'hatchling-1.18-duplicate-readme-in-sdist.json'));
    const md = issueText(entry, { corpusName: 'x.json' });
    expect(md).toContain('venv-a/bin/python -m pip install "hatchling==1.18.0"');
    expect(md).toContain(`venv-b/bin/python -m pip install "hatchling==${entry.backends.b!.version}"`);
    // With the environment's bin/ on PATH (uv_build's hook runs the uv-build binary installed there).
    expect(md).toContain('PATH="$PWD/venv-b/bin:$PATH" venv-b/bin/python -m build --no-isolation --skip-dependency-check --sdist --wheel --outdir dist-b .');
    expect(md).toContain('# compare the two builds');
    expect(md).toContain('### What differs');
  });

  it('two releases of one family write one project: only the [build-system] requires pin differs', async () => {
    const entry = await loadCorpusFile(join(corpusDir, 'findings', 'hatchling-1.18-duplicate-readme-in-sdist.json'));
    const md = issueText(entry, { corpusName: 'x.json' });
    expect(md).not.toContain('`a/pyproject.toml`');
    expect(md).toContain('--outdir dist-a .');
    expect(md).toContain('not the version `build-system.requires` names');
    // Read as TOML: the pin goes, every other key (the backend's table, the build-system's other keys) stays.
    const pinned = (v: string): Record<string, string> => ({ 'pyproject.toml': `[build-system]\nrequires = ["hatchling==${v}"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "a"\n` });
    expect(withoutBuildRequires(pinned('1.18.0'))).toEqual(withoutBuildRequires(pinned('1.27.0')));
    expect(withoutBuildRequires(pinned('1.18.0'))['pyproject.toml']).toEqual({ 'build-system': { 'build-backend': 'hatchling.build' }, project: { name: 'a' } });
    const other = { 'pyproject.toml': pinned('1.18.0')['pyproject.toml']!.replace('name = "a"', 'name = "b"') };
    expect(withoutBuildRequires(other)).not.toEqual(withoutBuildRequires(pinned('1.18.0')));
  });

  it('shows each side its own project when two families render the model differently', async () => {
    const entry = await loadCorpusFile(join(corpusDir, 'findings', 'hatchling-1.18-duplicate-readme-in-sdist.json'));
    const cross: CorpusFile = { ...entry, backends: { a: { ...entry.backends.a, spec: 'setuptools==80.9.0', family: 'setuptools', version: '80.9.0' }, b: entry.backends.b! } };
    const md = issueText(cross, { corpusName: 'x.json' });
    expect(md).toContain('`a/pyproject.toml`');
    expect(md).toContain('`b/pyproject.toml`');
    expect(md).toContain('--outdir dist-a a/');
    expect(md).toContain('--outdir dist-b b/');
    expect(md).toContain('"setuptools==80.9.0"');
  });

  it('passes the corpus entry config settings to python -m build, and names a custom hook object without its path', async () => {
    const entry = await loadCorpusFile(join(corpusDir, 'findings', 'hatchling-1.18-duplicate-readme-in-sdist.json'));
    const withSettings: CorpusFile = {
      ...entry,
      backends: { a: { spec: 'setuptools==80.9.0,config=--build-option=--build-number=1,config=editable-mode=strict', family: 'setuptools', version: '80.9.0', python: '/somewhere/envs/setuptools-80.9.0-py3.12/bin/python' } },
      property: 'spec',
    };
    const md = issueText(withSettings, { corpusName: 'x.json' });
    expect(md).toContain("-C--build-option=--build-number=1 -Ceditable-mode=strict");
    expect(md).toContain('| A | setuptools==80.9.0');
    expect(md).toContain('| 3.12 |');
    expect(md).not.toContain('/somewhere');
    expect(md).not.toContain('# compare the two builds');
    const planted: CorpusFile = { ...withSettings, backends: { a: { ...withSettings.backends.a, spec: 'setuptools==80.9.0,backend=planted_hook:api,path=/secret/dir' } } };
    const md2 = issueText(planted, { corpusName: 'x.json' });
    expect(md2).toContain('`planted_hook:api`');
    expect(md2).not.toContain('/secret/dir');
  });

  it('says nothing about what differs for a named scenario that must pass', async () => {
    const entry = await loadCorpusFile(join(corpusDir, 'findings', 'hatchling-1.18-duplicate-readme-in-sdist.json'));
    const md = issueText({ ...entry, expect: 'pass', differences: [] }, { corpusName: 'x.json' });
    expect(md).not.toContain('What differs');
    expect(md).toContain('must build the project alike');
  });

  it('reads the Python version from a managed environment name only', () => {
    expect(pythonVersionOf('/x/envs/pdm-2.5.0-py3.13/bin/python')).toBe('3.13');
    expect(pythonVersionOf('/usr/bin/python3')).toBeUndefined();
  });

  it('an install counterexample installs the wheel and imports its modules', async () => {
    const file = (await readdir(join(corpusDir, 'live'))).find((n) => n.endsWith('.json'));
    const entry = await loadCorpusFile(join(corpusDir, 'live', file!));
    const md = issueText({ ...entry, property: 'install', backends: { a: entry.backends.a } }, { corpusName: 'x.json' });
    expect(md).toContain('venv-installed/bin/python -m pip install --no-deps dist-a/*.whl');
    expect(md).toMatch(/import importlib\.metadata as m/);
  });
});
