import { describe, expect, it } from 'vitest';
import { bisectReleases, isPrerelease, releasesBetween, showsBehaviour } from '../../src/fuzz/bisect.js';

describe('releasesBetween', () => {
  const all = ['69.5.1', '69.5.0', '69.4.2', '69.4.1', '69.3.1', '69.2.0', '69.1.1', '70.0.0b1', '69.3.0rc1', 'not-a-version'];
  it('keeps final releases after good up to bad, oldest first', () => {
    expect(releasesBetween(all, '69.2.0', '69.5.1')).toEqual(['69.3.1', '69.4.1', '69.4.2', '69.5.0', '69.5.1']);
  });
  it('keeps pre-releases when an end is one', () => {
    expect(releasesBetween(all, '69.2.0', '70.0.0b1')).toContain('69.3.0rc1');
    expect(isPrerelease('1.0.dev3')).toBe(true);
    expect(isPrerelease('1.0.post1')).toBe(false);
  });
});

describe('bisectReleases', () => {
  const versions = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];
  it('finds the first bad release with few builds', async () => {
    const tried: string[] = [];
    const r = await bisectReleases('1.0', versions, async (v) => {
      tried.push(v);
      return { bad: Number(v.split('.')[1]) >= 4, detail: '' };
    });
    expect(r.firstBad).toBe('1.4');
    expect(r.lastGood).toBe('1.3');
    expect(tried.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(versions.length)) + 1);
  });
  it('refuses a good end that is bad, and a bad end that is good', async () => {
    await expect(bisectReleases('1.0', versions, async () => ({ bad: true, detail: '' }))).rejects.toThrow(/already shows/);
    await expect(bisectReleases('1.0', versions, async () => ({ bad: false, detail: '' }))).rejects.toThrow(/does not show/);
  });
  it('handles the first candidate being bad', async () => {
    const r = await bisectReleases('1.0', versions, async (v) => ({ bad: v !== '1.0', detail: '' }));
    expect(r.firstBad).toBe('1.1');
    expect(r.lastGood).toBe('1.0');
  });
});

describe('showsBehaviour (--match)', () => {
  const sig = 'diff|sdist:content:pyproject.toml|sdist:only-in-b:*.orig|wheel:content:dist-info/RECORD|wheel:spec:W010:a';
  it('counts any failure without --match, and no pass', () => {
    expect(showsBehaviour(true, sig)).toBe(true);
    expect(showsBehaviour(false, sig)).toBe(false);
    expect(showsBehaviour(false, undefined, ['RECORD'])).toBe(false);
  });
  it('with --match, only failures whose signature holds every part', () => {
    expect(showsBehaviour(true, sig, ['sdist:only-in-b:*.orig'])).toBe(true);
    expect(showsBehaviour(true, sig, ['dist-info/RECORD', 'only-in-b'])).toBe(true);
    expect(showsBehaviour(true, 'diff|wheel:content:dist-info/RECORD', ['sdist:only-in-b:*.orig'])).toBe(false);
    expect(showsBehaviour(true, sig, ['dist-info/RECORD', 'wheel:only-in-a'])).toBe(false);
  });
  it('a part does not match across two components', () => {
    expect(showsBehaviour(true, sig, ['toml|sdist'])).toBe(false);
  });
  it('bisects one of two changes in a range', async () => {
    // 1.3 changes RECORD, 1.6 adds pyproject.toml.orig: bisect for the latter.
    const sigOf = (v: string): string => {
      const n = Number(v.split('.')[1]);
      return ['diff', ...(n >= 3 ? ['wheel:content:dist-info/RECORD'] : []), ...(n >= 6 ? ['sdist:only-in-b:*.orig'] : [])].join('|');
    };
    const r = await bisectReleases('1.0', ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'], async (v) => ({
      bad: showsBehaviour(sigOf(v) !== 'diff', sigOf(v), ['sdist:only-in-b:*.orig']),
      detail: sigOf(v),
    }));
    expect(r.firstBad).toBe('1.6');
  });
});
