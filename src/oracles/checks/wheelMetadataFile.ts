import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';
import { wheelFile } from './_wheelFile.js';

const TAG = /^[A-Za-z0-9_]+-[A-Za-z0-9_]+-[A-Za-z0-9_]+$/;

export const wheelMetadataFile: SpecCheck = {
  code: 'W008',
  title: 'WHEEL has Wheel-Version 1.x, Root-Is-Purelib true or false, and at least one expanded Tag',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    const wheel = wheelFile(ctx);
    if (wheel === undefined) return [];
    const { path, parsed } = wheel;
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path, message });
    if (!parsed.utf8) add('WHEEL is not valid UTF-8');
    for (const bad of parsed.malformed) add(`line ${bad.line}: ${quote(bad.text)} is not a 'Name: value' line`);

    const single = (key: string, label: string): string | undefined => {
      const fields = fieldsOf(parsed, key);
      if (fields.length > 1) add(`${label} appears ${fields.length} times (lines ${fields.map((f) => f.line).join(', ')})`);
      return fields[0]?.value.trim();
    };
    const wheelVersion = single('wheel-version', 'Wheel-Version');
    if (wheelVersion === undefined) add('Wheel-Version is missing');
    else if (!/^[0-9]+\.[0-9]+$/.test(wheelVersion)) add(`Wheel-Version ${quote(wheelVersion)} is not a 'major.minor' version`);
    else if (Number.parseInt(wheelVersion.split('.')[0]!, 10) !== 1) {
      add(`Wheel-Version ${wheelVersion} has major version ${wheelVersion.split('.')[0]}; the wheel specification is version 1 (installers must refuse a greater major version)`);
    }
    const purelib = single('root-is-purelib', 'Root-Is-Purelib');
    if (purelib === undefined) add('Root-Is-Purelib is missing');
    else if (purelib.toLowerCase() !== 'true' && purelib.toLowerCase() !== 'false') add(`Root-Is-Purelib ${quote(purelib)} is neither 'true' nor 'false'`);
    const build = single('build', 'Build');
    if (build !== undefined && !/^[0-9]/.test(build)) add(`Build ${quote(build)} does not start with a digit`);
    const tags = fieldsOf(parsed, 'tag');
    if (tags.length === 0) add('WHEEL has no Tag line');
    for (const tag of tags) {
      const value = tag.value.trim();
      if (TAG.test(value)) continue;
      if (/^[A-Za-z0-9_.]+-[A-Za-z0-9_.]+-[A-Za-z0-9_.]+$/.test(value)) {
        add(`Tag ${quote(value)} (line ${tag.line}) is a compressed tag set; WHEEL lists each expanded tag on its own Tag line`);
      } else add(`Tag ${quote(value)} (line ${tag.line}) is not {python}-{abi}-{platform}`);
    }
    return findings;
  },
};
