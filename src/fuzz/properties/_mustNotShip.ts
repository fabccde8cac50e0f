import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import type { ProjectModel } from '../../model/projectModel.js';
import { shipExpectation } from '../../model/excludedFiles.js';
import { sdistAsProject } from './_sdistFiles.js';

/**
 * The artifacts against the model's excluded files (`shipExpectation`):
 * an excluded file in the sdist, a `both` file in the wheel, or an `sdist`
 * file missing from the wheel (the exclusion reached the wheel) is a
 * difference. Each is a `spec-problem` whose code names the rule and scope,
 * never the path (`must-not-ship:<rule>:<scope>`, `must-ship:<rule>:sdist`),
 * so its signature class is about the exclusion that failed. A failed or
 * unreadable artifact gives none (the build failure or archive problem is
 * the finding).
 */
export function mustNotShipDifferences(model: ProjectModel, sdist: ArchiveView | null, wheel: ArchiveView | null): Difference[] {
  const expectations = shipExpectation(model);
  if (expectations.length === 0) return [];
  const out: Difference[] = [];
  const sdistFiles = sdist === null ? null : sdistAsProject(sdist);
  const wheelFiles = wheel === null ? null : new Set(wheel.entries.filter((e) => e.type === 'file').map((e) => e.path));
  for (const { file, sdistPath, wheelPath, inWheel } of expectations) {
    const rule = `${file.rule}:${file.scope}`;
    if (sdistFiles !== null && sdistPath in sdistFiles) {
      out.push({ artifact: 'sdist', kind: 'spec-problem', code: `must-not-ship:${rule}`, path: sdistPath, a: `ships ${sdistPath}, which the configuration excludes from the sdist (${file.rule} rule)` });
    }
    if (wheelFiles === null) continue;
    if (inWheel === 'absent' && wheelFiles.has(wheelPath)) {
      out.push({ artifact: 'wheel', kind: 'spec-problem', code: `must-not-ship:${rule}`, path: wheelPath, a: `ships ${wheelPath}, which the configuration excludes from the wheel (${file.rule} rule)` });
    }
    if (inWheel === 'present' && !wheelFiles.has(wheelPath)) {
      out.push({ artifact: 'wheel', kind: 'spec-problem', code: `must-ship:${rule}`, path: wheelPath, a: `lacks ${wheelPath}, which the configuration excludes from the sdist only (${file.rule} rule)` });
    }
  }
  return out;
}
