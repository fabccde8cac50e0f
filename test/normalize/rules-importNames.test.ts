import { describe, expect, it } from 'vitest';
import { unorderedFields } from '../../src/normalize/rules/fieldOrder.js';
import { importNameForm } from '../../src/normalize/rules/metadata.js';
import type { RuleContext, WorkMember } from '../../src/normalize/types.js';

const member = (path: string, text: string): WorkMember => ({ path, data: new TextEncoder().encode(text), text, mode: 0o644, mtime: 0 });
const ctx: RuleContext = { artifact: 'wheel', level: 'semantic', pathMaps: [], inputs: undefined };
/** import-name-form, then unordered-fields, as the semantic level runs them. */
const compared = (text: string): string | null =>
  unorderedFields.apply(importNameForm.apply([member('{dist-info}/METADATA', text)], ctx), ctx)[0]!.text;
const HEAD = 'Metadata-Version: 2.5\nName: x\nVersion: 1\n';

describe('import-name-form with unordered-fields (PEP 794)', () => {
  it('compares the names as a set, whatever the spelling of `; private`', () => {
    const a = compared(`${HEAD}Import-Name: b\nImport-Name: a;private\nImport-Namespace: ns ; private\n`);
    const b = compared(`${HEAD}Import-Namespace: ns; private\nImport-Name: a ; private\nImport-Name: b\n`);
    expect(a).toBe(b);
  });

  it('still tells a dropped mark, another name and a missing name apart', () => {
    const base = compared(`${HEAD}Import-Name: a; private\nImport-Name: b\n`);
    expect(compared(`${HEAD}Import-Name: a\nImport-Name: b\n`)).not.toBe(base);
    expect(compared(`${HEAD}Import-Name: a; private\nImport-Name: c\n`)).not.toBe(base);
    expect(compared(`${HEAD}Import-Name: a; private\n`)).not.toBe(base);
  });
});
