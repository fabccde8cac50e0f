import { fieldsOf } from '../lib/metadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';
import { wheelFile } from './_wheelFile.js';

export const wheelTagsMatchFilename: SpecCheck = {
  code: 'W009',
  title: 'The WHEEL tags and build number are the ones in the wheel filename',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    const parsed = ctx.wheel?.filename;
    const wheel = wheelFile(ctx);
    if (parsed === undefined || !parsed.ok || wheel === undefined) return [];
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path: wheel.path, message });
    const listed = new Set(fieldsOf(wheel.parsed, 'tag').map((f) => f.value.trim()));
    const expected = new Set(parsed.value.tags);
    if (listed.size > 0) {
      for (const tag of expected) if (!listed.has(tag)) add(`the filename has tag ${tag}, which WHEEL does not list`);
      for (const tag of listed) if (!expected.has(tag)) add(`WHEEL lists tag ${quote(tag)}, which is not in the filename's tags (${[...expected].join(', ')})`);
    }
    const build = fieldsOf(wheel.parsed, 'build')[0]?.value.trim();
    const fileBuild = parsed.value.build;
    if (build !== fileBuild) {
      if (fileBuild === undefined) add(`WHEEL has Build ${quote(build ?? '')} but the filename has no build tag`);
      else if (build === undefined) add(`the filename has build tag '${fileBuild}' but WHEEL has no Build line`);
      else add(`WHEEL has Build ${quote(build)} but the filename has build tag '${fileBuild}'`);
    }
    return findings;
  },
};
