import { describe, expect, it } from 'vitest';
import { UNCHANGED_CONFIG } from '../../src/normalize/rules/familyConfig.js';
import { ruleByName } from '../../src/normalize/rules/index.js';
import { declaresNoEntryPoint, pdmEmptyEntryPoints, pdmRewrittenPyproject } from '../../src/normalize/rules/pdm.js';
import type { NormalizationRule, RuleContext, WorkMember } from '../../src/normalize/types.js';
import type { FileMap } from '../../src/render/fileMap.js';

const member = (path: string, text: string): WorkMember => ({ path, data: new TextEncoder().encode(text), text, mode: 0o644, mtime: 0 });
function applyRule(rule: NormalizationRule, members: WorkMember[], artifact: 'wheel' | 'sdist', inputs?: FileMap): { members: WorkMember[]; ctx: RuleContext } {
  const ctx: RuleContext = { artifact, level: 'semantic', pathMaps: [], inputs };
  return { members: rule.apply(members, ctx), ctx };
}
const textOf = (members: WorkMember[], path: string): string | null | undefined => members.find((m) => m.path === path)?.text;

const OWN = `[build-system]
build-backend = "pdm.backend"
requires = [ "pdm-backend==2.5.0" ]

[project]
dependencies = [ "a>=1; python_version < \\"3.9\\"" ]
name = "x"
version = "1"

[tool.pdm.build]
includes = [ "x" ]
`;

/** The same data as pdm-backend writes it back (tomli_w style). */
const REWRITTEN = `[build-system]
build-backend = "pdm.backend"
requires = [
    "pdm-backend==2.5.0",
]

[project]
dependencies = [
    "a>=1; python_version < \\"3.9\\"",
]
name = "x"
version = "1"

[tool.pdm.build]
includes = [
    "x",
]
`;

describe('pdm-rewritten-pyproject', () => {
  it('is registered, from level content on, for sdists', () => {
    expect(ruleByName('pdm-rewritten-pyproject')).toBe(pdmRewrittenPyproject);
    expect(pdmRewrittenPyproject.level).toBe('content');
    expect(pdmRewrittenPyproject.artifacts).toEqual(['sdist']);
  });

  it("counts a re-serialized pyproject.toml with the project's data as the project's copy", () => {
    const { members } = applyRule(pdmRewrittenPyproject, [member('pyproject.toml', REWRITTEN), member('x/__init__.py', '')], 'sdist', {
      'pyproject.toml': OWN,
    });
    expect(textOf(members, 'pyproject.toml')).toBe(UNCHANGED_CONFIG);
    expect(textOf(members, 'x/__init__.py')).toBe('');
  });

  it('two releases re-serializing their own pinned copies compare equal at level content', () => {
    // As pdm-backend 2.1.0 and 2.5.0 write the project twinbuild rendered for each
    // (only the pin differs): the bytes differ, but each is its project's own data.
    const own21 = OWN.replace('pdm-backend==2.5.0', 'pdm-backend==2.1.0');
    const rewritten21 = REWRITTEN.replace('pdm-backend==2.5.0', 'pdm-backend==2.1.0');
    const contentCtx = (inputs: FileMap): RuleContext => ({ artifact: 'sdist', level: 'content', pathMaps: [], inputs });
    const a = pdmRewrittenPyproject.apply([member('pyproject.toml', rewritten21)], contentCtx({ 'pyproject.toml': own21 }));
    const b = pdmRewrittenPyproject.apply([member('pyproject.toml', REWRITTEN)], contentCtx({ 'pyproject.toml': OWN }));
    expect(textOf(a, 'pyproject.toml')).toBe(UNCHANGED_CONFIG);
    expect(textOf(b, 'pyproject.toml')).toBe(UNCHANGED_CONFIG);
    // A release that wrote the other release's pin (or any other data) would still differ.
    const c = pdmRewrittenPyproject.apply([member('pyproject.toml', REWRITTEN)], contentCtx({ 'pyproject.toml': own21 }));
    expect(textOf(c, 'pyproject.toml')).toBe(REWRITTEN);
  });

  it('keeps a pyproject.toml whose data differs, one in a subfolder, and everything without inputs', () => {
    const changed = REWRITTEN.replace('version = "1"', 'version = "2"');
    expect(textOf(applyRule(pdmRewrittenPyproject, [member('pyproject.toml', changed)], 'sdist', { 'pyproject.toml': OWN }).members, 'pyproject.toml')).toBe(changed);
    expect(textOf(applyRule(pdmRewrittenPyproject, [member('sub/pyproject.toml', REWRITTEN)], 'sdist', { 'pyproject.toml': OWN }).members, 'sub/pyproject.toml')).toBe(REWRITTEN);
    expect(textOf(applyRule(pdmRewrittenPyproject, [member('pyproject.toml', REWRITTEN)], 'sdist').members, 'pyproject.toml')).toBe(REWRITTEN);
    expect(textOf(applyRule(pdmRewrittenPyproject, [member('pyproject.toml', 'not = [toml')], 'sdist', { 'pyproject.toml': OWN }).members, 'pyproject.toml')).toBe('not = [toml');
  });
});

describe('pdm-empty-entry-points', () => {
  it('is registered, semantic, for wheels', () => {
    expect(ruleByName('pdm-empty-entry-points')).toBe(pdmEmptyEntryPoints);
    expect(pdmEmptyEntryPoints.level).toBe('semantic');
    expect(pdmEmptyEntryPoints.artifacts).toEqual(['wheel']);
  });

  it('drops an entry_points.txt with empty groups only, and its RECORD row', () => {
    const empty = '[console_scripts]\n\n[gui_scripts]\n\n';
    for (const path of ['x-1.dist-info/entry_points.txt', '{dist-info}/entry_points.txt']) {
      const { members, ctx } = applyRule(pdmEmptyEntryPoints, [member(path, empty), member('x/__init__.py', '')], 'wheel');
      expect(members.map((m) => m.path)).toEqual(['x/__init__.py']);
      expect(ctx.pathMaps.map((f) => f(path))).toEqual([null]);
      expect(ctx.pathMaps.map((f) => f('x/__init__.py'))).toEqual(['x/__init__.py']);
    }
  });

  it('keeps one that declares an entry point, and files of that name elsewhere', () => {
    const full = '[console_scripts]\nx = x:main\n\n[gui_scripts]\n\n';
    expect(applyRule(pdmEmptyEntryPoints, [member('x-1.dist-info/entry_points.txt', full)], 'wheel').members).toHaveLength(1);
    expect(applyRule(pdmEmptyEntryPoints, [member('x/entry_points.txt', '')], 'wheel').members).toHaveLength(1);
    expect(declaresNoEntryPoint('[a]\n# comment\n\n')).toBe(true);
    expect(declaresNoEntryPoint('[a]\nb=c\n')).toBe(false);
  });
});
