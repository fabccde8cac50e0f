/** Output check: two methods' artifacts for the same projects, compared after `content` normalization. */
import { readArtifact } from '../src/archive/index.js';
import { compareViews } from '../src/compare/compareViews.js';
import { normalizeArtifact } from '../src/normalize/index.js';
import type { Artifact, ProjectArtifacts } from './methods.js';

export interface Mismatch {
  project: number;
  artifact: 'sdist' | 'wheel';
  what: string[];
}

async function canonical(kind: 'sdist' | 'wheel', a: Artifact & { ok: true }) {
  const view = await readArtifact(kind, a.filename, a.bytes);
  return normalizeArtifact(view, a.bytes, 'content');
}

/**
 * Differences between two methods' artifacts, project by project. A build
 * that failed on one side only is a mismatch; failing on both sides is not
 * (the failure itself is reported separately).
 */
export async function compareOutputs(x: ProjectArtifacts[], y: ProjectArtifacts[], labels: [string, string]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    for (const kind of ['sdist', 'wheel'] as const) {
      const a = x[i]![kind];
      const b = y[i]![kind];
      if (!a.ok || !b.ok) {
        if (a.ok !== b.ok) {
          out.push({ project: i, artifact: kind, what: [`${labels[0]}: ${a.ok ? a.filename : `failed: ${a.error}`}`, `${labels[1]}: ${b.ok ? b.filename : `failed: ${b.error}`}`] });
        }
        continue;
      }
      const diffs = compareViews(await canonical(kind, a), await canonical(kind, b), labels);
      if (diffs.length) {
        out.push({ project: i, artifact: kind, what: diffs.map((d) => `${d.kind} ${d.path}${d.a !== undefined ? ` (${labels[0]}: ${d.a}; ${labels[1]}: ${d.b ?? '-'})` : ''}${d.diff ? `\n${d.diff}` : ''}`) });
      }
    }
  }
  if (x.length !== y.length) out.push({ project: -1, artifact: 'sdist', what: [`project counts differ: ${x.length} vs ${y.length}`] });
  return out;
}
