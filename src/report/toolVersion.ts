import { readFileSync } from 'node:fs';
import { packageFile } from '../_internals/packageRoot.js';

let version: string | undefined;

/** twinbuild's own version, from package.json. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
