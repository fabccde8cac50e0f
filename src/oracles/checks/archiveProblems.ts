import { resolveLink } from '../../archive/links.js';
import type { ArchiveProblem } from '../../archive/types.js';
import { memberPath } from '../context.js';
import type { ArtifactContext, CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

/**
 * True for a link in an sdist that the sdist specification allows: its
 * target stays inside the archive and is a member of it.
 */
function allowedSdistLink(ctx: ArtifactContext, problem: ArchiveProblem): boolean {
  if (ctx.kind !== 'sdist' || (problem.code !== 'symlink' && problem.code !== 'hardlink') || problem.path === undefined) return false;
  const entry = ctx.members.get(memberPath(problem.path));
  if (entry === undefined || (entry.type !== 'symlink' && entry.type !== 'hardlink')) return false;
  const resolved = resolveLink(entry);
  if (resolved === null || resolved === '') return false;
  if (ctx.members.has(resolved)) return true;
  for (const path of ctx.members.keys()) if (path.startsWith(`${resolved}/`)) return true;
  return false;
}

export const archiveProblems: SpecCheck = {
  code: 'A001',
  title: 'The archive reads cleanly: no unreadable, escaping, duplicate, linked, special or oversized members',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.sdistArchive,
  run(ctx) {
    const findings: CheckFinding[] = [];
    for (const problem of ctx.view.problems) {
      if (allowedSdistLink(ctx, problem)) continue;
      let message = `[${problem.code}] ${problem.message}`;
      if (ctx.kind === 'sdist' && (problem.code === 'symlink' || problem.code === 'hardlink')) {
        message += ' (the target is outside the archive or not a member of it)';
      }
      findings.push(problem.path === undefined ? { message } : { path: problem.path, message });
    }
    return findings;
  },
};
