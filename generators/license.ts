/**
 * `license(options?)`: the `license` of a project (`LicenseModel`): a PEP 639
 * SPDX expression (`MIT`, `MIT OR Apache-2.0`, `mit`, ...), the legacy
 * `{text = ...}` table with a short name, or the legacy `{file = ...}` table
 * naming a license text of a few lines (whose text becomes the License field).
 *
 * Shrinks toward `MIT`.
 */
import fc from 'fast-check';
import { spdxNotCanonicalCase } from '../src/model/features.js';
import type { LicenseModel } from '../src/model/projectModel.js';
import { textLine, words } from './_internals/chars.js';
import { LICENSE_TEXT_FILE_PATHS, SPDX_EXPRESSIONS } from './_internals/licenseParts.js';
import { asString, incompatible } from './_internals/unmap.js';

export interface LicenseOptions {
  /** Kinds to choose from; the first is where shrinking goes (default `spdx`, `text`, `file`). */
  kinds?: readonly LicenseModel['kind'][];
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
  /** SPDX expressions in lower case sometimes (default true; some backends refuse them). */
  lowercase?: boolean;
  /** SPDX expressions with a `WITH` exception sometimes (default true; some backends refuse them). */
  exceptions?: boolean;
}

/** Text of a license file: lines (some empty), ending with a newline. */
export function licenseText(nonAscii = true): fc.Arbitrary<string> {
  const line = textLine(60, 0, nonAscii).filter((l) => l.trim() === l);
  return fc.array(line, { minLength: 1, maxLength: 5 }).map(
    (lines) => lines.map((l) => `${l}\n`).join(''),
    (value) => {
      const text = asString(value, 'license text');
      return text.endsWith('\n') ? text.slice(0, -1).split('\n') : incompatible('license text');
    },
  );
}

export function license(options: LicenseOptions = {}): fc.Arbitrary<LicenseModel> {
  const { kinds = ['spdx', 'text', 'file'], nonAscii = true, lowercase = true, exceptions = true } = options;
  const expressions = SPDX_EXPRESSIONS.filter((e) => (lowercase || !spdxNotCanonicalCase(e)) && (exceptions || !/\bwith\b/i.test(e)));
  if (kinds.length === 0) throw new Error('license: `kinds` must not be empty');
  const byKind: Record<LicenseModel['kind'], fc.Arbitrary<LicenseModel>> = {
    spdx: fc.record({ kind: fc.constant('spdx' as const), expression: fc.constantFrom(...expressions) }),
    text: fc.record({ kind: fc.constant('text' as const), text: words(3, { nonAscii }) }),
    file: fc.record({ kind: fc.constant('file' as const), path: fc.constantFrom(...LICENSE_TEXT_FILE_PATHS), content: licenseText(nonAscii) }),
  };
  const [first, ...rest] = kinds;
  if (first === undefined) throw new Error('unreachable');
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: byKind[first] },
    ...rest.map((k) => ({ weight: k === 'file' ? 1 : 2, arbitrary: byKind[k] })),
  );
}
