import type { ArchiveView } from '../archive/types.js';
import { SPEC_CHECKS } from './checks/index.js';
import { buildContext } from './context.js';
import type { ArtifactKind, SpecCheck, SpecProblem } from './types.js';

/** The checks that apply to one kind of artifact, in report order. */
export function checksFor(kind: ArtifactKind): SpecCheck[] {
  return SPEC_CHECKS.filter((check) => check.artifact === kind || check.artifact === 'both');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function runChecks(view: ArchiveView, kind: ArtifactKind): SpecProblem[] {
  const ctx = buildContext(view, kind);
  const problems: SpecProblem[] = [];
  for (const check of checksFor(kind)) {
    let findings;
    try {
      findings = check.run(ctx);
    } catch (error) {
      // A bug in a check must not hide the other checks' findings; it shows as this check's problem.
      findings = [{ message: `internal error in twinbuild's ${check.code} check: ${errorMessage(error)}` }];
    }
    for (const finding of findings) {
      const problem: SpecProblem = { code: check.code, artifact: kind, severity: check.severity, message: finding.message };
      if (finding.path !== undefined) problem.path = finding.path;
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * Checks one wheel against the wheel, core-metadata, RECORD and
 * entry-points specifications. Returns problems in the order of
 * `SPEC_CHECKS`; an empty list means the wheel passed every check.
 */
export function checkWheel(view: ArchiveView): SpecProblem[] {
  return runChecks(view, 'wheel');
}

/**
 * Checks one sdist against the source-distribution (PEP 625, PEP 643) and
 * core-metadata specifications. Returns problems in the order of
 * `SPEC_CHECKS`; an empty list means the sdist passed every check.
 */
export function checkSdist(view: ArchiveView): SpecProblem[] {
  return runChecks(view, 'sdist');
}
