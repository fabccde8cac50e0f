import { describe, expect, it } from 'vitest';
import { flitImportNames } from '../../src/normalize/rules/flit.js';
import { ruleByName } from '../../src/normalize/rules/index.js';
import type { NormalizationRule, RuleContext, WorkMember } from '../../src/normalize/types.js';
import type { FileMap } from '../../src/render/fileMap.js';

const member = (path: string, text: string): WorkMember => ({ path, data: new TextEncoder().encode(text), text, mode: 0o644, mtime: 0 });
function applyRule(rule: NormalizationRule, members: WorkMember[], artifact: 'wheel' | 'sdist', inputs?: FileMap): { members: WorkMember[]; ctx: RuleContext } {
  const ctx: RuleContext = { artifact, level: 'semantic', pathMaps: [], inputs };
  return { members: rule.apply(members, ctx), ctx };
}
const textOf = (members: WorkMember[], path: string): string | null | undefined => members.find((m) => m.path === path)?.text;

const PYPROJECT = '[project]\nname = "x"\nversion = "1"\ndescription = "d"\n\n[tool.flit.module]\nname = "ns.pkg"\n';
const METADATA = 'Metadata-Version: 2.5\nName: x\nVersion: 1\nSummary: d\nImport-Name: ns.pkg\nImport-Namespace: ns\n';

describe('flit-import-names', () => {
  it('is registered, semantic, for wheels and sdists', () => {
    expect(ruleByName('flit-import-names')).toBe(flitImportNames);
    expect(flitImportNames.level).toBe('semantic');
    expect(flitImportNames.artifacts).toEqual(['wheel', 'sdist']);
  });

  it('drops Import-Name and Import-Namespace fields naming what the artifact ships', () => {
    const wheel = [member('ns/pkg/__init__.py', ''), member('{dist-info}/METADATA', METADATA)];
    expect(textOf(applyRule(flitImportNames, wheel, 'wheel', { 'pyproject.toml': PYPROJECT }).members, '{dist-info}/METADATA')).toBe(
      'Metadata-Version: 2.5\nName: x\nVersion: 1\nSummary: d\n',
    );
    const sdist = [member('src/ns/pkg/__init__.py', ''), member('PKG-INFO', METADATA)];
    expect(textOf(applyRule(flitImportNames, sdist, 'sdist', { 'pyproject.toml': PYPROJECT }).members, 'PKG-INFO')).not.toMatch(/Import-/);
    const module = [member('mod.py', ''), member('{dist-info}/METADATA', 'Name: x\nImport-Name: mod; private\n')];
    expect(textOf(applyRule(flitImportNames, module, 'wheel', { 'pyproject.toml': PYPROJECT }).members, '{dist-info}/METADATA')).toBe('Name: x\n');
  });

  it('keeps fields naming something not shipped, or when the project declares import names', () => {
    const elsewhere = [member('other/__init__.py', ''), member('{dist-info}/METADATA', METADATA)];
    expect(textOf(applyRule(flitImportNames, elsewhere, 'wheel', { 'pyproject.toml': PYPROJECT }).members, '{dist-info}/METADATA')).toBe(METADATA);
    const declared = `${PYPROJECT.replace('description = "d"\n', 'description = "d"\nimport-names = ["ns.pkg"]\n')}`;
    const wheel = [member('ns/pkg/__init__.py', ''), member('{dist-info}/METADATA', METADATA)];
    expect(textOf(applyRule(flitImportNames, wheel, 'wheel', { 'pyproject.toml': declared }).members, '{dist-info}/METADATA')).toBe(METADATA);
    // A namespace must be a folder: a module file of that name does not count.
    const nsFile = [member('ns.py', ''), member('{dist-info}/METADATA', 'Name: x\nImport-Namespace: ns\n')];
    expect(textOf(applyRule(flitImportNames, nsFile, 'wheel', { 'pyproject.toml': PYPROJECT }).members, '{dist-info}/METADATA')).toBe('Name: x\nImport-Namespace: ns\n');
  });
});
