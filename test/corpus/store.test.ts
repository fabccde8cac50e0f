import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFileName, corpusFiles, loadCorpusFile, saveCounterexample, writeAtomic } from '../../src/corpus/store.js';
import { ConfigError } from '../../src/errors.js';
import { corpusEntry, largeModel, smallModel, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

/** Every file below `dir`, relative, sorted. */
async function listing(root = dir): Promise<string[]> {
  return ((await readdir(root, { recursive: true })) as string[]).sort();
}
const noTmp = async (root = dir): Promise<void> => expect((await listing(root)).filter((f) => f.includes('.tmp'))).toEqual([]);

describe('saveCounterexample / loadCorpusFile', () => {
  it('round-trips a valid counterexample', async () => {
    const entry = corpusEntry();
    const file = await saveCounterexample(join(dir, 'corpus'), entry);
    expect(file).toBe(join(dir, 'corpus', `diff-${entry.signature}.json`));
    expect(corpusFileName(entry)).toBe(`diff-${entry.signature}.json`);
    const loaded = await loadCorpusFile(file);
    expect(loaded).toEqual(JSON.parse(JSON.stringify(entry)));
    expect(loaded.differences.map((d) => `${d.kind} ${d.path}`)).toEqual(['only-in-a foo_bar/data/schema.json', 'content {dist-info}/RECORD']);
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "twinbuild-corpus",\n');
    expect(await listing()).toEqual(['corpus', `corpus/diff-${entry.signature}.json`]);
  });

  it('creates the folder, nested, when missing', async () => {
    const file = await saveCounterexample(join(dir, 'a', 'b', 'c'), corpusEntry());
    await expect(loadCorpusFile(file)).resolves.toBeTruthy();
  });

  it('replaces a larger counterexample with a smaller one of the same signature', async () => {
    const large = corpusEntry(largeModel(), { seed: 1 });
    const small = corpusEntry(smallModel(), { seed: 2 });
    expect(large.signature).toBe(small.signature);
    const f1 = await saveCounterexample(dir, large);
    const f2 = await saveCounterexample(dir, small);
    expect(f2).toBe(f1);
    const kept = await loadCorpusFile(f1);
    expect(kept.model).toEqual(smallModel());
    expect(kept.seed).toBe(2);
    expect(await listing()).toEqual([corpusFileName(small)]);
  });

  it('keeps a smaller counterexample when a larger one of the same signature comes', async () => {
    const small = corpusEntry(smallModel(), { seed: 1 });
    const large = corpusEntry(largeModel(), { seed: 2 });
    const file = await saveCounterexample(dir, small);
    const before = await readFile(file, 'utf8');
    expect(await saveCounterexample(dir, large)).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await loadCorpusFile(file)).seed).toBe(1);
  });

  it('keeps the existing counterexample when the new one is no smaller', async () => {
    const first = corpusEntry(smallModel(), { seed: 1 });
    const second = corpusEntry(smallModel(), { seed: 2, createdAt: '2026-01-01T00:00:00.000Z' });
    const file = await saveCounterexample(dir, first);
    await saveCounterexample(dir, second);
    expect((await loadCorpusFile(file)).seed).toBe(1);
  });

  it('keeps counterexamples of different signatures or properties side by side', async () => {
    const a = corpusEntry();
    const b = corpusEntry(smallModel(), { signature: 'abcdef123456' });
    const c = corpusEntry(smallModel(), { property: 'roundtrip' });
    await saveCounterexample(dir, a);
    await saveCounterexample(dir, b);
    await saveCounterexample(dir, c);
    expect(await listing()).toEqual([`diff-${a.signature}.json`, 'diff-abcdef123456.json', `roundtrip-${a.signature}.json`].sort());
  });

  it('overwrites an unreadable file of the same name', async () => {
    const entry = corpusEntry();
    await writeFile(join(dir, corpusFileName(entry)), 'not json at all');
    const file = await saveCounterexample(dir, entry);
    expect(await loadCorpusFile(file)).toEqual(JSON.parse(JSON.stringify(entry)));
  });

  it('leaves no temporary file behind, also after many and concurrent saves', async () => {
    for (let i = 0; i < 5; i++) await saveCounterexample(dir, corpusEntry(i % 2 ? largeModel() : smallModel(), { seed: i }));
    await Promise.all(Array.from({ length: 8 }, (_, i) => saveCounterexample(dir, corpusEntry(i % 2 ? largeModel() : smallModel(), { seed: 100 + i }))));
    await noTmp();
    const files = await listing();
    expect(files).toHaveLength(1);
    const kept = await loadCorpusFile(join(dir, files[0]!));
    expect(kept.model).toEqual(smallModel());
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const entry = corpusEntry();
    await mkdir(join(dir, corpusFileName(entry))); // a folder where the file should go
    await expect(saveCounterexample(dir, entry)).rejects.toThrow();
    await noTmp();
    expect(await listing()).toEqual([corpusFileName(entry)]);
  });
});

describe('writeAtomic', () => {
  it('writes the whole text and replaces an existing file', async () => {
    const file = join(dir, 'x.json');
    await writeAtomic(file, 'old\n');
    await writeAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    await noTmp();
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    await expect(writeAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow();
    expect(await listing()).toEqual([]);
  });
});

describe('corpusFiles', () => {
  it('lists the .json files of a folder recursively, sorted, and nothing else', async () => {
    await mkdir(join(dir, 'b', 'deep'), { recursive: true });
    await mkdir(join(dir, 'a'));
    for (const f of ['z.json', 'b/deep/y.json', 'a/x.json', 'a/notes.md', 'b/diff-1.json.123.abcd.tmp', 'm.json']) await writeFile(join(dir, f), '{}');
    expect(await corpusFiles(dir)).toEqual([join(dir, 'a/x.json'), join(dir, 'b/deep/y.json'), join(dir, 'm.json'), join(dir, 'z.json')]);
  });

  it('returns a file itself', async () => {
    const file = join(dir, 'one.json');
    await writeFile(file, '{}');
    expect(await corpusFiles(file)).toEqual([file]);
  });

  it('throws a ConfigError naming a missing target', async () => {
    const missing = join(dir, 'nope');
    await expect(corpusFiles(missing)).rejects.toThrow(ConfigError);
    await expect(corpusFiles(missing)).rejects.toThrow(missing);
  });

  it('lists what saveCounterexample wrote, and every listed file loads', async () => {
    await saveCounterexample(join(dir, 'corpus'), corpusEntry());
    await saveCounterexample(join(dir, 'corpus'), corpusEntry(smallModel(), { property: 'roundtrip' }));
    const files = await corpusFiles(join(dir, 'corpus'));
    expect(files).toHaveLength(2);
    for (const f of files) await expect(loadCorpusFile(f)).resolves.toBeTruthy();
  });
});
