import type { PropertyOutcome } from './types.js';

/**
 * Health check of a run (like Hypothesis' `filter_too_much`): when the
 * first generated projects all fail their builds the same way (the same
 * artifacts fail on the same side with the same kind of error: every wheel
 * build hangs, crashes, or raises), the backend is broken rather than wrong
 * about some projects; what else differs (the other side's spec warnings
 * on some names) does not matter. The first such
 * failure is a finding like any other (shrunk and saved); the check then
 * stops the search, so that the rest of the budget is not spent building
 * projects that can only fail the same way again.
 *
 * Only generated projects count (shrink candidates are variations of one
 * project, not independent evidence); one project that passes, is
 * rejected by both sides for reasons of its own, or fails another way makes
 * the run healthy for good.
 */

/** Generated projects that must fail the same way before the run is declared unhealthy. */
export const HEALTH_MIN_PROJECTS = 5;

/** Why a run stopped early: every generated project failed its builds the same way. */
export interface HealthVerdict {
  code: 'every-project-fails';
  /** The signature id of the first project that failed that way (that of the saved finding). */
  signature: string;
  summary: string;
  /** How many generated projects failed that way. */
  projects: number;
}

/** How a failure's builds failed (artifact, and the kind of error on each side), or undefined when none failed. */
function buildFailureKey(out: PropertyOutcome): string | undefined {
  if (out.status !== 'fail') return undefined;
  const kind = (v: string | undefined): string => /^([a-z-]+): /.exec(v ?? '')?.[1] ?? 'ok';
  const keys = out.differences.filter((d) => d.kind === 'build-failed').map((d) => `${d.artifact}:${d.path}:${kind(d.a)}|${kind(d.b)}`);
  return keys.length ? [...new Set(keys)].sort().join(',') : undefined;
}

export class RunHealth {
  private key: string | undefined;
  private first: { signature: string; summary: string } | undefined;
  private count = 0;
  private healthy = false;
  private found: HealthVerdict | undefined;

  /**
   * Take the outcome of one generated project into account. `savedSignature`:
   * the signature its finding would be saved under (for diff, its atom's).
   */
  observe(out: PropertyOutcome, savedSignature?: string): void {
    if (this.healthy || this.found) return;
    const key = buildFailureKey(out);
    if (key === undefined || (this.key !== undefined && this.key !== key)) {
      this.healthy = true;
      return;
    }
    this.key = key;
    this.first ??= out.status === 'fail' ? { signature: savedSignature ?? out.signature.id, summary: out.summary } : undefined;
    if (++this.count >= HEALTH_MIN_PROJECTS && this.first) {
      this.found = { code: 'every-project-fails', ...this.first, projects: this.count };
    }
  }

  /** Set once the run is known to be unhealthy: the search should stop. */
  get verdict(): HealthVerdict | undefined {
    return this.found;
  }
}
