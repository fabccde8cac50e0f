/**
 * src/pep/ against pypa/packaging 26.3: each parser's verdict and normal
 * form on 10,000 generated inputs per kind (valid spellings, near misses
 * and noise), in batches through one long-lived reference process.
 * Deliberate differences are listed (and tested) in deliberate.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalMarker } from '../../src/pep/marker.js';
import { parseName } from '../../src/pep/name.js';
import { normalRequirementText } from '../../src/pep/requirement.js';
import { parseSdistFilename, sdistFilenameKey } from '../../src/pep/sdistFilename.js';
import { parseWheelFilename, wheelFilenameKey } from '../../src/pep/wheelFilename.js';
import { normalSpecifierSet, parseSpecifierSet, specifierSetContains } from '../../src/pep/specifier.js';
import { parseVersionNormal } from '../../src/pep/version.js';
import type { Parsed } from '../../src/pep/result.js';
import { intervalsContain, rangeSpelling, specifierSetIntervals } from '../../src/pep/versionRanges.js';
import { rangePairs, containsPairs, markers, names, requirements, sdistFilenames, specifierSets, versions, wheelFilenames } from './_arbitraries.js';
import { Reference, type Answer, type Kind } from './_reference.js';

const CASES = 10_000;
let reference: Reference | null = null;

beforeAll(async () => {
  reference = await Reference.start();
}, 300_000);
afterAll(() => reference?.stop());

/** Ours as the reference spells an answer. */
function asAnswer<T>(p: Parsed<T>): Answer {
  return p.ok ? { ok: true, normal: p.value } : { ok: false, error: p.error };
}

/** Disagreements between ours and packaging's on `CASES` samples of `arb`, as readable lines. */
async function disagreements<I>(kind: Kind, arb: fc.Arbitrary<I>, ours: (input: I) => Answer, seed = Number(process.env["PEP_SEED"] ?? 1)): Promise<string[]> {
  const inputs = fc.sample(arb, { numRuns: CASES, seed });
  const theirs = await reference!.ask(kind, inputs);
  // Both verdicts must be well represented, or the comparison proves little.
  const valid = theirs.filter((a) => a.ok).length / inputs.length;
  expect(valid, `${kind}: share of inputs packaging accepts`).toBeGreaterThan(0.2);
  expect(valid, `${kind}: share of inputs packaging accepts`).toBeLessThan(0.85);
  if (process.env['PEP_STATS']) console.log(kind, valid.toFixed(2));
  const out: string[] = [];
  inputs.forEach((input, i) => {
    const a = ours(input);
    const b = theirs[i]!;
    const same = a.ok === b.ok && (!a.ok || !b.ok || JSON.stringify(a.normal) === JSON.stringify(b.normal));
    if (!same) out.push(`${JSON.stringify(input)}: ours ${JSON.stringify(a)}, packaging ${JSON.stringify(b)}`);
  });
  return out;
}

describe('src/pep agrees with packaging 26.3', () => {
  it('the reference is there', () => {
    expect(reference, 'could not create the packaging==26.3 environment under the twinbuild home (network?)').not.toBeNull();
  });
  it('names: canonicalize_name(validate=True)', async () => {
    expect((await disagreements('name', names, (t) => asAnswer(parseName(t)))).slice(0, 10)).toEqual([]);
  });
  it('versions: str(Version)', async () => {
    expect((await disagreements('version', versions, (t) => asAnswer(parseVersionNormal(t)))).slice(0, 10)).toEqual([]);
  });
  it('specifier sets: str(SpecifierSet)', async () => {
    expect((await disagreements('specifier', specifierSets, (t) => asAnswer(normalSpecifierSet(t)))).slice(0, 10)).toEqual([]);
  });
  it('SpecifierSet.contains(v, prereleases=True)', async () => {
    const ours = ([spec, v]: [string, string]): Answer => {
      const set = parseSpecifierSet(spec);
      return set.ok ? { ok: true, normal: specifierSetContains(set.value, v) } : { ok: false, error: set.error };
    };
    expect((await disagreements('contains', containsPairs, ours)).slice(0, 10)).toEqual([]);
  });
  it('markers: str(Marker)', async () => {
    expect((await disagreements('marker', markers, (t) => asAnswer(normalMarker(t)))).slice(0, 10)).toEqual([]);
  });
  it('requirements: str(Requirement)', async () => {
    expect((await disagreements('requirement', requirements, (t) => asAnswer(normalRequirementText(t)))).slice(0, 10)).toEqual([]);
  });
  it('wheel filenames: parse_wheel_filename', async () => {
    const ours = (t: string): Answer => {
      const w = parseWheelFilename(t);
      if (!w.ok) return w;
      const [name, version, build, tags] = wheelFilenameKey(w.value);
      return { ok: true, normal: [name, version, build.length === 0 ? [] : [Number(build[0]), build[1]], tags] };
    };
    expect((await disagreements('wheel_filename', wheelFilenames, ours)).slice(0, 10)).toEqual([]);
  });
  it('sdist filenames: parse_sdist_filename', async () => {
    const ours = (t: string): Answer => {
      const s = parseSdistFilename(t);
      return s.ok ? { ok: true, normal: sdistFilenameKey(s.value) } : s;
    };
    expect((await disagreements('sdist_filename', sdistFilenames, ours)).slice(0, 10)).toEqual([]);
  });
  it('version ranges (the specifier-set algebra) contain what SpecifierSet.contains does, and their spelling means the same set', async () => {
    const pairs = fc.sample(rangePairs, { numRuns: CASES, seed: Number(process.env['PEP_SEED'] ?? 1) }).filter(([spec]) => specifierSetIntervals(spec) !== null);
    expect(pairs.length).toBeGreaterThan(CASES * 0.9);
    const spelled = pairs.map(([spec, v]): [string, string] => [rangeSpelling(spec) ?? spec, v]);
    const [theirs, theirsSpelled] = await Promise.all([reference!.ask('contains', pairs), reference!.ask('contains', spelled)]);
    const wrong: string[] = [];
    pairs.forEach(([spec, v], i) => {
      const ours = intervalsContain(specifierSetIntervals(spec)!, v);
      const a = theirs[i]!;
      const b = theirsSpelled[i]!;
      if (!a.ok || a.normal !== ours) wrong.push(`${spec} contains ${v}: ours ${ours}, packaging ${JSON.stringify(a)}`);
      if (!a.ok || !b.ok || b.normal !== a.normal) wrong.push(`${spec} spelled ${spelled[i]![0]}: packaging says ${JSON.stringify(b)} for ${v}, ${JSON.stringify(a)} for the original`);
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
