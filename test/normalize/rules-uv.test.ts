import { describe, expect, it } from 'vitest';
import { ruleByName } from '../../src/normalize/rules/index.js';
import { uvPyprojectOrig } from '../../src/normalize/rules/uv.js';
import type { NormalizationRule, RuleContext, WorkMember } from '../../src/normalize/types.js';
import type { FileMap } from '../../src/render/fileMap.js';

const member = (path: string, text: string): WorkMember => ({ path, data: new TextEncoder().encode(text), text, mode: 0o644, mtime: 0 });
function applyRule(rule: NormalizationRule, members: WorkMember[], artifact: 'wheel' | 'sdist', inputs?: FileMap): { members: WorkMember[]; ctx: RuleContext } {
  const ctx: RuleContext = { artifact, level: 'semantic', pathMaps: [], inputs };
  return { members: rule.apply(members, ctx), ctx };
}

const OWN = '[project]\nname = "x"\nversion = "1"\n';

describe('uv-pyproject-orig', () => {
  it('is registered, semantic, for sdists', () => {
    expect(ruleByName('uv-pyproject-orig')).toBe(uvPyprojectOrig);
    expect(uvPyprojectOrig.level).toBe('semantic');
    expect(uvPyprojectOrig.artifacts).toEqual(['sdist']);
  });

  it("drops pyproject.toml.orig when it is the project's own pyproject.toml", () => {
    const { members } = applyRule(uvPyprojectOrig, [member('pyproject.toml', 'rewritten'), member('pyproject.toml.orig', OWN)], 'sdist', {
      'pyproject.toml': OWN,
    });
    expect(members.map((m) => m.path)).toEqual(['pyproject.toml']);
  });

  it('keeps it when it differs, when the project has its own .orig, and without inputs', () => {
    const orig = [member('pyproject.toml.orig', OWN)];
    expect(applyRule(uvPyprojectOrig, [member('pyproject.toml.orig', `${OWN}# edited\n`)], 'sdist', { 'pyproject.toml': OWN }).members).toHaveLength(1);
    expect(applyRule(uvPyprojectOrig, orig, 'sdist', { 'pyproject.toml': OWN, 'pyproject.toml.orig': OWN }).members).toHaveLength(1);
    expect(applyRule(uvPyprojectOrig, orig, 'sdist').members).toHaveLength(1);
  });
});
