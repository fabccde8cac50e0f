import { isValidName } from '../../pep/name.js';
import { splitStem } from '../../pep/stem.js';
import { isValidVersion } from '../../pep/version.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { sdistStem } from './_sdistName.js';

export const sdistFilename: SpecCheck = {
  code: 'S001',
  title: 'The sdist is a gzip-compressed tar named {name}-{version}.tar.gz',
  severity: 'error',
  artifact: 'sdist',
  spec: SPEC.sdistFileName,
  run(ctx) {
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path: ctx.filename, message: `sdist filename '${ctx.filename}' ${message}` });
    const container = ctx.view.container;
    if (container === 'zip') add('is a zip archive; an sdist is a gzip-compressed tar');
    else if (container === 'tar') add('is an uncompressed tar; an sdist is a gzip-compressed tar');
    const stem = sdistStem(ctx.filename);
    if (stem === undefined) {
      add("does not end with '.tar.gz'");
      return findings;
    }
    const split = splitStem(stem);
    if (split === null) {
      add("has no '-' between name and version");
      return findings;
    }
    if (!isValidName(split.name)) add(`has name part '${split.name}', which is not a valid distribution name`);
    if (!isValidVersion(split.version) || split.version.trim() !== split.version) add(`has version part '${split.version}', which is not a valid PEP 440 version`);
    return findings;
  },
};
