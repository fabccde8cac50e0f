import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusFormatError, validateCorpusFile } from '../../src/corpus/corpusFile.js';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { ConfigError } from '../../src/errors.js';
import { corpusEntry, tempDir } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid entry as plain JSON, changed by `edit`. */
function mutated(edit: (o: Json) => void): Json {
  const o = JSON.parse(JSON.stringify(corpusEntry())) as Json;
  edit(o);
  return o;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

async function loadError(name: string, text: string): Promise<{ file: string; error: unknown }> {
  const file = join(dir, name);
  await writeFile(file, text);
  try {
    await loadCorpusFile(file);
  } catch (error) {
    return { file, error };
  }
  throw new Error(`${name} loaded without error`);
}

describe('validateCorpusFile', () => {
  it('accepts a valid entry and returns it', () => {
    const entry = JSON.parse(JSON.stringify(corpusEntry()));
    expect(validateCorpusFile(entry, 'x.json')).toEqual(entry);
  });

  it('accepts a one-backend entry, a name, a null description and a src layout', () => {
    const o = mutated((o) => {
      delete o.backends.b;
      o.name = 'regression: missing data file';
      o.model.description = null;
      o.model.layout = 'src';
      o.property = 'reproducible';
      o.level = 'bytes';
    });
    expect(() => validateCorpusFile(o, 'x.json')).not.toThrow();
  });

  it('throws CorpusFormatError naming where and the field', () => {
    expect(() => validateCorpusFile(mutated((o) => (o.seed = 1.5)), 'corpus/x.json')).toThrow(CorpusFormatError);
    expect(() => validateCorpusFile(mutated((o) => (o.seed = 1.5)), 'corpus/x.json')).toThrow(/^corpus\/x\.json: seed /);
  });
});

describe('loadCorpusFile: malformed files give a ConfigError naming the file and the field', () => {
  it('a file that is not JSON', async () => {
    const { file, error } = await loadError('diff-abc123.json', '{"format": "twinbuild-corpus",');
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not JSON/);
  });

  it.each(['[1, 2]', '"diff"', 'null', '42'])('JSON that is not an object: %s', async (text) => {
    const { file, error } = await loadError('x.json', text);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`invalid corpus file ${file}: the file must be an object`);
  });

  it('a file that does not exist', async () => {
    const file = join(dir, 'missing.json');
    await expect(loadCorpusFile(file)).rejects.toThrow(ConfigError);
    await expect(loadCorpusFile(file)).rejects.toThrow(file);
  });

  const invalid: [string, (o: Json) => void, string, RegExp?][] = [
    ['an empty object', (o) => Object.keys(o).forEach((k) => delete o[k]), 'format'],
    ['another format', (o) => (o.format = 'hypothesis-db'), 'format'],
    ['no format', (o) => delete o.format, 'format'],
    ['a newer formatVersion', (o) => (o.formatVersion = 2), 'formatVersion', /newer/],
    ['formatVersion as a string', (o) => (o.formatVersion = '1'), 'formatVersion'],
    ['formatVersion 0', (o) => (o.formatVersion = 0), 'formatVersion'],
    ['formatVersion 1.5', (o) => (o.formatVersion = 1.5), 'formatVersion'],
    ['an unknown property', (o) => (o.property = 'speed'), 'property'],
    ['an unknown level', (o) => (o.level = 'loose'), 'level'],
    ['backends missing', (o) => delete o.backends, 'backends'],
    ['backend a without version', (o) => delete o.backends.a.version, 'backends.a.version'],
    ['backend b not an object', (o) => (o.backends.b = 'hatchling'), 'backends.b'],
    ['a fractional seed', (o) => (o.seed = 0.5), 'seed'],
    ['a replay path with letters', (o) => (o.path = '1:2;rm -rf'), 'path'],
    ['a signature that is not hex', (o) => (o.signature = '../../etc'), 'signature'],
    ['differences not an array', (o) => (o.differences = {}), 'differences'],
    ['model missing', (o) => delete o.model, 'model'],
    ['a model name with ../', (o) => (o.model.name = '../evil'), 'model.name'],
    ['a model name with a slash', (o) => (o.model.name = 'a/b'), 'model.name'],
    ['a version with a slash', (o) => (o.model.version = '1.0/../../x'), 'model.version'],
    ['a description with a newline', (o) => (o.model.description = 'a\n[tool.evil]'), 'model.description'],
    ['a dependency with a newline', (o) => (o.model.dependencies = ['a\nb']), 'model.dependencies[0]'],
    ['an unknown layout', (o) => (o.model.layout = 'nested'), 'model.layout'],
    ['a package name that is not an identifier (dash)', (o) => (o.model.packages[0].name = 'foo-bar'), 'model.packages[0].name'],
    ['a package name that is not an identifier (path)', (o) => (o.model.packages[0].name = '../../x'), 'model.packages[0].name'],
    ['a package name starting with a digit', (o) => (o.model.packages[0].name = '1pkg'), 'model.packages[0].name'],
    ['a dotted package name', (o) => (o.model.packages[0].name = 'foo.bar'), 'model.packages[0].name'],
    [
      'a subpackage name that is not an identifier',
      (o) => o.model.packages[0].subpackages.push({ name: 'a b', init: '', modules: [], data: [], subpackages: [] }),
      'model.packages[0].subpackages[0].name',
    ],
    ['a module name that is not an identifier', (o) => o.model.modules.push({ name: 'setup.py', source: '' }), 'model.modules[0].name'],
    ['a package module name with a slash', (o) => o.model.packages[0].modules.push({ name: '../x', source: '' }), 'model.packages[0].modules[0].name'],
    ['a module without source', (o) => o.model.modules.push({ name: 'm' }), 'model.modules[0].source'],
    ['a data path with ../', (o) => (o.model.packages[0].data[0].path = '../../../etc/passwd'), 'model.packages[0].data[0].path'],
    ['a data path with ../ inside', (o) => (o.model.packages[0].data[0].path = 'data/../../x.txt'), 'model.packages[0].data[0].path'],
    ['an absolute data path', (o) => (o.model.packages[0].data[0].path = '/etc/passwd'), 'model.packages[0].data[0].path'],
    ['a data path with a backslash', (o) => (o.model.packages[0].data[0].path = '..\\..\\x.txt'), 'model.packages[0].data[0].path'],
    ['a data path with ./', (o) => (o.model.packages[0].data[0].path = './x.txt'), 'model.packages[0].data[0].path'],
    ['a data path with an empty segment', (o) => (o.model.packages[0].data[0].path = 'data//x.txt'), 'model.packages[0].data[0].path'],
    ['an empty data path', (o) => (o.model.packages[0].data[0].path = ''), 'model.packages[0].data[0].path'],
    ['a data path with NUL', (o) => (o.model.packages[0].data[0].path = 'x\u0000.txt'), 'model.packages[0].data[0].path'],
    [
      'a data path with ../ in a subpackage',
      (o) => o.model.packages[0].subpackages.push({ name: 'sub', init: '', modules: [], data: [{ path: '..', content: '' }], subpackages: [] }),
      'model.packages[0].subpackages[0].data[0].path',
    ],
    ['data content not a string', (o) => (o.model.packages[0].data[0].content = 42), 'model.packages[0].data[0].content'],
  ];

  it.each(invalid)('%s', async (_what, edit, field, extra) => {
    const { file, error } = await loadError('diff-0123456789ab.json', JSON.stringify(mutated(edit)));
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toContain(`${file}: ${field} `);
    if (extra) expect(message).toMatch(extra);
  });

  it('rejects packages nested too deeply', async () => {
    const o = mutated((o) => {
      let pkg = o.model.packages[0];
      for (let i = 0; i < 40; i++) {
        const sub = { name: `p${i}`, init: '', modules: [], data: [], subpackages: [] };
        pkg.subpackages.push(sub);
        pkg = sub;
      }
    });
    const { file, error } = await loadError('deep.json', JSON.stringify(o));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/nested too deeply/);
  });

  it('accepts safe data paths with sub-folders and dots', async () => {
    const o = mutated((o) => {
      o.model.packages[0].data = [
        { path: 'a/b/c.txt', content: '' },
        { path: 'x..y.txt', content: '' },
        { path: '.config.ini', content: '' },
      ];
    });
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(o));
    await expect(loadCorpusFile(file)).resolves.toMatchObject({ model: { packages: [{ data: [{ path: 'a/b/c.txt' }, {}, {}] }] } });
  });
});
