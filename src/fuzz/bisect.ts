import { compare as comparePep440, valid } from '@renovatebot/pep440';
import { execa } from 'execa';
import { familyInfo } from '../backends/families.js';
import { findPython } from '../backends/findPython.js';
import type { Family } from '../backends/types.js';
import { ConfigError, EnvironmentError } from '../errors.js';

/** Whether a version is a pre- or dev-release (bisection skips those unless an end is one). */
export function isPrerelease(v: string): boolean {
  return /(a|b|rc|alpha|beta|c|pre|preview|dev)\d*/i.test(v.replace(/^\d+!/, '').replace(/\+.*$/, ''));
}

/** Releases strictly after `good` up to and including `bad`, oldest first. */
export function releasesBetween(all: string[], good: string, bad: string): string[] {
  const keepPre = isPrerelease(good) || isPrerelease(bad);
  return [...new Set(all)]
    .filter((v) => valid(v) !== null && (keepPre || !isPrerelease(v)))
    .filter((v) => comparePep440(v, good) > 0 && comparePep440(v, bad) <= 0)
    .sort(comparePep440);
}

/** Every release of a family's distribution the package index offers (pip index versions). */
export async function indexVersions(family: Family): Promise<string[]> {
  const dist = familyInfo(family).primary.distribution;
  const python = await findPython({});
  const r = await execa(python.executable, ['-m', 'pip', 'index', 'versions', dist], { reject: false, timeout: 120_000 });
  const line = /Available versions:\s*(.*)/.exec(r.stdout)?.[1];
  if (r.exitCode !== 0 || !line) {
    throw new EnvironmentError(`cannot list the releases of ${dist} from the package index: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}`);
  }
  return line.split(',').map((v) => v.trim()).filter(Boolean);
}

/**
 * Whether a candidate's outcome counts as "shows the behaviour" when bisecting.
 * Without `match`, any failure does. With it, the failure's signature text
 * must contain every given part (a signature component such as
 * `sdist:only-in-b:*.orig` or `wheel:content:dist-info/RECORD`), so that a range
 * holding several changes can be bisected for one of them.
 */
export function showsBehaviour(failed: boolean, signatureText: string | undefined, match: readonly string[] = []): boolean {
  if (!failed) return false;
  if (match.length === 0) return true;
  const components = (signatureText ?? '').split('|');
  return match.every((m) => components.some((c) => c.includes(m)));
}

export interface BisectStep {
  version: string;
  verdict: 'good' | 'bad';
  detail: string;
}

export interface BisectResult {
  /** The first release whose behaviour differs from `good`'s. */
  firstBad: string;
  /** The last release that still behaves like `good`. */
  lastGood: string;
  steps: BisectStep[];
  candidates: number;
}

/**
 * Binary search over `versions` (oldest first, `good` < all, last one = bad):
 * `test(v)` says whether release v shows the behaviour. Assumes one change of
 * behaviour in the range, as git bisect does; the ends are checked first.
 */
export async function bisectReleases(
  good: string,
  versions: string[],
  test: (version: string) => Promise<{ bad: boolean; detail: string }>,
): Promise<BisectResult> {
  if (versions.length === 0) throw new ConfigError(`no releases between the good and the bad version`);
  const steps: BisectStep[] = [];
  const check = async (v: string): Promise<boolean> => {
    const r = await test(v);
    steps.push({ version: v, verdict: r.bad ? 'bad' : 'good', detail: r.detail });
    return r.bad;
  };
  if (await check(good)) throw new ConfigError(`the good version ${good} already shows the behaviour: pick an older --good`);
  const bad = versions[versions.length - 1]!;
  if (!(await check(bad))) throw new ConfigError(`the bad version ${bad} does not show the behaviour: nothing to bisect`);
  let lo = -1; // index of a known good (-1: `good` itself)
  let hi = versions.length - 1; // index of a known bad
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await check(versions[mid]!)) hi = mid;
    else lo = mid;
  }
  return { firstBad: versions[hi]!, lastGood: lo < 0 ? good : versions[lo]!, steps, candidates: versions.length };
}
