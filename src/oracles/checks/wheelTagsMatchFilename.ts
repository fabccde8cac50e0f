import { parseTag } from '../../pep/wheelFilename.js';
import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';
import { wheelFile } from './_wheelFile.js';

/** A `{python}-{abi}-{platform}` triple whose parts may be `.`-separated tag sets. */
const COMPRESSED = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*-[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*-[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

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
    // A compressed Tag line (`py2.py3-none-any`) still names its expanded tags, as
    // packaging.tags.parse_tag reads it; W008 reports the compression itself.
    const listed = new Map<string, string>();
    for (const field of fieldsOf(wheel.parsed, 'tag')) {
      const value = field.value.trim();
      const expanded = COMPRESSED.test(value) ? parseTag(value) : null;
      const tags = expanded?.ok ? expanded.value : [value];
      for (const tag of tags) if (!listed.has(tag)) listed.set(tag, value);
    }
    const expected = new Set(parsed.value.tags);
    if (listed.size > 0) {
      for (const tag of expected) if (!listed.has(tag)) add(`the filename has tag ${tag}, which WHEEL does not list`);
      for (const [tag, line] of listed) {
        if (expected.has(tag)) continue;
        const from = line === tag ? '' : ` (from ${quote(line)})`;
        add(`WHEEL lists tag ${quote(tag)}${from}, which is not in the filename's tags (${[...expected].join(', ')})`);
      }
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
