import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import { executableKind, executableProjectPaths } from '../../model/executableFiles.js';
import { importRoot } from '../../model/modelFiles.js';
import type { ProjectModel } from '../../model/projectModel.js';

/** The owner's execute bit, as `normalizeArtifact` reads an archive member's executable class. */
const ownerExecutable = (mode: number | null): boolean => mode !== null && (mode & 0o100) !== 0;

/**
 * The artifacts against the model's executable files
 * (`ProjectModel.executableFiles`): each must be in the sdist (below its
 * top folder) and in the wheel with the owner's execute bit. A member
 * without it is a `spec-problem` whose code names the kind, never the path
 * (`file-mode:executable-data`, `file-mode:executable-module`), so its
 * signature is about the mode that was lost; a missing member is left to
 * the checks that compare files (diff, install). A failed or unreadable
 * artifact gives none.
 */
export function executableModeDifferences(model: ProjectModel, sdist: ArchiveView | null, wheel: ArchiveView | null): Difference[] {
  const files = model.executableFiles ?? [];
  if (files.length === 0 || model.packages.length === 0) return [];
  const paths = executableProjectPaths(model);
  const root = importRoot(model);
  const modes = (view: ArchiveView | null, strip: (p: string) => string): Map<string, number | null> | null =>
    view === null || view.problems.length > 0 ? null : new Map(view.entries.filter((e) => e.type === 'file').map((e) => [strip(e.path), e.mode]));
  const inSdist = modes(sdist, (p) => p.slice(p.indexOf('/') + 1));
  const inWheel = modes(wheel, (p) => p);
  const out: Difference[] = [];
  files.forEach((f, i) => {
    const code = `file-mode:executable-${executableKind(f)}`;
    const projectPath = paths[i]!;
    const wheelPath = projectPath.slice(root.length);
    const s = inSdist?.get(projectPath);
    if (s !== undefined && !ownerExecutable(s)) out.push({ artifact: 'sdist', kind: 'spec-problem', code, path: projectPath, a: `ships ${projectPath} with mode ${octal(s)}: the project's file is executable (0o755)` });
    const w = inWheel?.get(wheelPath);
    if (w !== undefined && !ownerExecutable(w)) out.push({ artifact: 'wheel', kind: 'spec-problem', code, path: wheelPath, a: `ships ${wheelPath} with mode ${octal(w)}: the project's file is executable (0o755)` });
  });
  return out;
}

function octal(mode: number | null): string {
  return mode === null ? 'none' : `0o${(mode & 0o7777).toString(8)}`;
}
