/**
 * The checks never throw, whatever the artifact holds: random text in every
 * file the checks parse, random filenames, empty and unreadable archives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSdist, readWheel } from '../../src/archive/index.js';
import { checkSdist, checkWheel, type SpecProblem } from '../../src/oracles/index.js';
import { DEFAULT_METADATA, sdistView, wheelView } from './fixtures/artifacts.js';

const noInternalErrors = (problems: SpecProblem[]): void => {
  for (const p of problems) expect(p.message).not.toMatch(/internal error in twinbuild's/);
};

/** Text made of the characters these formats care about. */
const text = fc.string({ unit: fc.constantFrom(...'ab1.-_:;=,"[]() \n\r\t+!*~<>@#/\\\'é'.split('')), maxLength: 120 });
const header = fc.array(fc.tuple(fc.constantFrom('Metadata-Version', 'Name', 'Version', 'Dynamic', 'Requires-Dist', 'Provides-Extra', 'License-Expression', 'License-File', 'Requires-Python', 'Description-Content-Type', 'Tag', 'Wheel-Version', 'Root-Is-Purelib', 'Build'), text), { maxLength: 8 }).map((fields) =>
  fields.map(([k, v]) => `${k}: ${v}`).join('\n'),
);

describe('robustness', () => {
  it('never throws on random wheel contents', async () => {
    await fc.assert(
      fc.asyncProperty(header, header, text, text, text, async (metadata, wheel, record, entryPoints, filename) => {
        const view = await wheelView({ metadata: `Metadata-Version: 2.4\n${metadata}`, wheel, entryPoints, record: () => record, filename: `${filename}.whl` });
        noInternalErrors(checkWheel(view));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random sdist contents', async () => {
    await fc.assert(
      fc.asyncProperty(header, text, text, async (pkgInfo, top, filename) => {
        const safeTop = top.replace(/[\n\r\\]/g, '').replace(/^\/+/, '') || 'x';
        noInternalErrors(checkSdist(await sdistView({ pkgInfo: `${DEFAULT_METADATA.split('\n')[0]}\n${pkgInfo}`, top: safeTop, filename })));
      }),
      { numRuns: 200 },
    );
  });

  it('reports an unreadable archive as A001 and nothing that depends on its content', async () => {
    const wheel = checkWheel(await readWheel('foo_bar-1.0-py3-none-any.whl', new Uint8Array([1, 2, 3])));
    expect(wheel.map((p) => p.code)).toEqual(['A001', 'W003']);
    const sdist = checkSdist(await readSdist('foo_bar-1.0.tar.gz', new Uint8Array(0)));
    expect(sdist.map((p) => p.code)).toEqual(['A001']);
  });
});
