import { describe, expect, it } from 'vitest';
import { replaySpec } from '../../src/corpus/replaySpec.js';

const rec = (spec: string, version = '80.9.0') => ({ spec, family: 'setuptools', version, python: '/usr/bin/python3' });

describe('replaySpec: a corpus file from a stranger runs no code of its own', () => {
  it.each([
    'setuptools',
    'setuptools==80.9.0',
    'hatchling==1.27.0',
    'setuptools==80.9.0,style=setup.py',
    'setuptools==80.9.0,backend=setuptools.build_meta:__legacy__,style=setup.cfg',
  ])('keeps the plain release spec %s', (spec) => {
    expect(replaySpec(rec(spec))).toEqual({ spec });
  });

  it.each([
    'setuptools,python=/tmp/not-python',
    'setuptools@./evil-backend',
    'setuptools,path=/tmp/evil,backend=evil:hooks',
    'setuptools==80.9.0,backend=tb_planted:drop_json,path=/somewhere',
    'setuptools==80.9.0,backend=tb_planted:drop_json',
    'setuptools==80.9.0,backend=setuptoolsx.evil',
    'setuptools==80.9.0,backend=setuptools.build_meta:__legacy__,path=/tmp/evil',
    'not a spec at all',
  ])('replaces %s by the recorded release, with a note', (spec) => {
    const r = replaySpec(rec(spec));
    expect(r.spec).toBe('setuptools==80.9.0');
    expect(r.note).toContain('would run code named by the corpus file');
  });

  it('falls back to the bare family when the recorded version is not a release', () => {
    expect(replaySpec(rec('setuptools@/x', '1.0; rm -rf /')).spec).toBe('setuptools');
  });
});
