import { decodeUtf8, fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { declaredMetadataVersion, quote, SPEC } from './_shared.js';

/** Why a License-File value is not a plain relative path with `/` separators, or null. */
function pathProblem(value: string): string | null {
  if (value === '') return 'the path is empty';
  if (value.includes('\\')) return "the path uses '\\'; path delimiters must be '/'";
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value)) return 'the path is absolute; it must be relative to the license root';
  const segments = value.split('/');
  if (segments.includes('..')) return "the path uses '..'; parent directory indicators must not be used";
  if (segments.includes('') || segments.includes('.')) return "the path has an empty or '.' segment";
  return null;
}

export const licenseFiles: SpecCheck = {
  code: 'M009',
  title: 'Each License-File is a relative /-separated path to a UTF-8 file that is in the archive (wheels: under .dist-info/licenses/)',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.licenseFile,
  run(ctx) {
    const meta = ctx.metadata;
    const declared = declaredMetadataVersion(ctx);
    if (meta === undefined || declared === undefined || declared.rank < 204) return [];
    const root = ctx.kind === 'wheel' ? (ctx.wheel?.distInfo === undefined ? undefined : `${ctx.wheel.distInfo}/licenses`) : ctx.sdist?.top;
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'license-file')) {
      const value = field.value.trim();
      const problem = pathProblem(value);
      if (problem !== null) {
        findings.push({ path: meta.path, message: `License-File ${quote(field.value)} (line ${field.line}): ${problem}` });
        continue;
      }
      if (root === undefined) continue;
      const path = `${root}/${value}`;
      const entry = ctx.members.get(path);
      if (entry === undefined || entry.type !== 'file') {
        findings.push({ path, message: `License-File ${quote(value)} is listed in ${meta.path} but ${path} ${entry === undefined ? 'is not in the archive' : `is a ${entry.type}`}` });
      } else if (!decodeUtf8(entry.data).valid) {
        findings.push({ path, message: `license file ${path} is not UTF-8 text` });
      }
    }
    return findings;
  },
};
