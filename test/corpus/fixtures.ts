import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_FORMAT, CORPUS_FORMAT_VERSION, type CorpusFile } from '../../src/corpus/corpusFile.js';
import { signatureOf, summarize } from '../../src/fuzz/signature.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { PACKAGE_FILES, diffAt, hatchlingWheel, setuptoolsWheel } from '../normalize/fixtures.js';

/** The shrunk project of the "missing data file" finding. */
export function smallModel(): ProjectModel {
  return {
    name: 'Foo.Bar',
    version: '1.0',
    description: 'A test project',
    dependencies: ["requests>=2.0; python_version<'3.9'"],
    layout: 'flat',
    modules: [],
    packages: [
      {
        name: 'foo_bar',
        init: '',
        modules: [],
        data: [{ path: 'data/schema.json', content: '{"type": "object"}\n' }],
        subpackages: [],
      },
    ],
  };
}

/** The same finding before shrinking: more of everything. */
export function largeModel(): ProjectModel {
  const m = smallModel();
  m.dependencies.push('click>=8.0');
  m.modules.push({ name: 'helper', source: 'def helper():\n    return 1\n' });
  m.packages[0]!.modules.push({ name: 'core', source: 'def answer():\n    return 42\n' });
  m.packages[0]!.subpackages.push({ name: 'sub', init: '"""Sub."""\n', modules: [], data: [{ path: 'a/b.txt', content: 'x\n' }], subpackages: [] });
  return m;
}

export function corpusEntry(model: ProjectModel = smallModel(), over: Partial<CorpusFile> = {}): CorpusFile {
  const files = Object.fromEntries(Object.entries(PACKAGE_FILES).filter(([p]) => p !== 'foo_bar/data/schema.json'));
  const differences = diffAt(setuptoolsWheel(), hatchlingWheel({ files }), 'semantic');
  const sig = signatureOf('diff', differences);
  return {
    format: CORPUS_FORMAT,
    formatVersion: CORPUS_FORMAT_VERSION,
    property: 'diff',
    level: 'semantic',
    backends: {
      a: { spec: 'setuptools==80.9.0', family: 'setuptools', version: '80.9.0', python: '/usr/bin/python3' },
      b: { spec: 'hatchling==1.27.0', family: 'hatchling', version: '1.27.0', python: '/usr/bin/python3' },
    },
    seed: -1285647,
    path: '17:3:0:1',
    signature: sig.id,
    signatureText: sig.text,
    summary: summarize(differences, ['setuptools 80.9.0', 'hatchling 1.27.0']),
    differences,
    model,
    createdAt: '2025-06-01T12:00:00.000Z',
    tool: 'twinbuild 0.1.0',
    ...over,
  };
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'twinbuild-corpus-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
