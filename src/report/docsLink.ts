/**
 * Links to this project's documentation pages (docs/rules/CODE.md for a spec
 * check, docs/differences.md#KIND for a difference kind), for the HTML
 * report and SARIF's `helpUri`. The link points into the repository named by
 * package.json's `repository` field when it has one (GitHub: the file on the
 * default branch), else at the file shipped with this installation
 * (file://), which works offline and names the same path.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { DifferenceKind } from '../compare/types.js';
import { packageFile } from '../_internals/packageRoot.js';

/** Every difference kind, in the order docs/differences.md lists them. */
export const DIFFERENCE_KINDS = [
  'only-in-a',
  'only-in-b',
  'content',
  'executable',
  'mode',
  'mtime',
  'owner',
  'member-order',
  'archive-bytes',
  'filename',
  'folder-name',
  'build-failed',
  'archive-problem',
  'spec-problem',
  'installed',
] as const satisfies readonly DifferenceKind[];
// Compile-time check that the list is complete: fails to type-check if a kind is added to the union only.
const complete: Exclude<DifferenceKind, (typeof DIFFERENCE_KINDS)[number]> extends never ? true : false = true;
void complete;

let base: string | null | undefined;
function repositoryBase(): string | null {
  if (base !== undefined) return base;
  try {
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { repository?: string | { url?: string } };
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const m = url ? /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url) : null;
    base = m ? `https://github.com/${m[1]}/blob/HEAD/` : null;
  } catch {
    base = null;
  }
  return base;
}

/** URI of a documentation file of this repository, given relative to its root (`docs/rules/W001.md`). */
export function docsUri(relPath: string, fragment?: string): string {
  const repo = repositoryBase();
  const uri = repo ? repo + relPath : pathToFileURL(packageFile(relPath)).href;
  return fragment ? `${uri}#${fragment}` : uri;
}

/** The page of a spec check code (docs/rules/CODE.md). */
export function ruleDocUri(code: string): string {
  return docsUri(`docs/rules/${code}.md`);
}

/** The section of a difference kind (docs/differences.md#KIND). */
export function kindDocUri(kind: DifferenceKind): string {
  return docsUri('docs/differences.md', kind);
}
