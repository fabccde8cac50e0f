import { readArtifact } from '../../archive/index.js';
import type { ArchiveView } from '../../archive/types.js';
import type { ArtifactResult, BuildResult } from '../../build/types.js';
import type { Difference } from '../../compare/types.js';
import { checkSdist, checkWheel } from '../../oracles/index.js';
import type { SpecProblem } from '../../oracles/index.js';
import type { Judge } from '../../oracles/judge/index.js';

/**
 * Spec problems of one built artifact (none for a failed build): the
 * TypeScript checks', then the reference judge's (P codes) when there is one.
 */
export async function specProblems(r: ArtifactResult, judge?: Judge): Promise<SpecProblem[]> {
  return (await artifactProblems(r, judge)).problems;
}

/** An artifact's spec problems and the view they were judged on (read once; null for a failed build). */
async function artifactProblems(r: ArtifactResult, judge?: Judge): Promise<{ problems: SpecProblem[]; view: ArchiveView | null }> {
  if (!r.ok) return { problems: [], view: null };
  const view = await readArtifact(r.kind, r.filename, r.bytes);
  // The judge's request goes first: Python judges while the TypeScript checks run here.
  const reference = judge?.judgeArtifact(view, r.kind);
  const own = r.kind === 'wheel' ? checkWheel(view) : checkSdist(view);
  return { problems: reference ? [...own, ...(await reference)] : own, view };
}

/** Spec problems of a build's sdist, then its wheel. */
export async function buildProblems(built: BuildResult, judge?: Judge): Promise<SpecProblem[]> {
  return (await judgeBuild(built, judge)).problems;
}

/** A build's spec problems (sdist, then wheel) and the wheel as read for them, for checks that read it too. */
export async function judgeBuild(built: BuildResult, judge?: Judge): Promise<{ problems: SpecProblem[]; wheel: ArchiveView | null }> {
  const [s, w] = await Promise.all([artifactProblems(built.sdist, judge), artifactProblems(built.wheel, judge)]);
  return { problems: [...s.problems, ...w.problems], wheel: w.view };
}

const describe = (p: SpecProblem): string => `${p.code} (${p.severity}) ${p.message}`;

/** Every problem as a difference on side A (the spec property: one backend). */
export function problemsAsDifferences(problems: SpecProblem[]): Difference[] {
  return problems.map((p) => ({ artifact: p.artifact, kind: 'spec-problem', code: p.code, path: p.path ?? '', a: describe(p) }));
}

/**
 * Problems one side has and the other has not (by code): in `diff`, a spec
 * problem both backends share is no difference between them (the spec
 * property reports it), but one only B has is.
 */
export function oneSidedProblems(a: SpecProblem[], b: SpecProblem[]): Difference[] {
  const codes = (ps: SpecProblem[]): Set<string> => new Set(ps.map((p) => `${p.artifact}:${p.code}`));
  const ca = codes(a);
  const cb = codes(b);
  const out: Difference[] = [];
  for (const p of a) if (!cb.has(`${p.artifact}:${p.code}`)) out.push({ artifact: p.artifact, kind: 'spec-problem', code: p.code, path: p.path ?? '', a: describe(p) });
  for (const p of b) if (!ca.has(`${p.artifact}:${p.code}`)) out.push({ artifact: p.artifact, kind: 'spec-problem', code: p.code, path: p.path ?? '', b: describe(p) });
  return out;
}

/**
 * Self-consistency differences (side A's own wheel vs its own prepared or
 * editable metadata, and B's) reduced to those only one side shows, by class;
 * A's are reported as `a`, B's as `b`.
 */
export function oneSided(a: Difference[], b: Difference[]): Difference[] {
  const cls = (d: Difference): string => `${d.artifact}:${d.kind}:${d.path}`;
  const ca = new Set(a.map(cls));
  const cb = new Set(b.map(cls));
  const say = (bad: boolean, d: Difference): string => (bad ? `differs from its own wheel${d.kind === 'build-failed' ? ` (${d.b})` : ''}` : 'agrees with its own wheel');
  const side = (d: Difference, which: 'a' | 'b'): Difference => ({ ...d, a: say(which === 'a', d), b: say(which === 'b', d) });
  return [...a.filter((d) => !cb.has(cls(d))).map((d) => side(d, 'a')), ...b.filter((d) => !ca.has(cls(d))).map((d) => side(d, 'b'))];
}
