import { describe, expect, it } from 'vitest';
import { ruleByName } from '../../src/normalize/rules/index.js';
import {
  canonicalRequirement,
  isPoetryGeneratedSetupPy,
  poetryAutomaticClassifiers,
  poetryGeneratedSetupPy,
  poetrySpecifierSets,
} from '../../src/normalize/rules/poetry.js';
import type { NormalizationRule, WorkMember } from '../../src/normalize/types.js';
import { isUnsatisfiable, rangeSpelling as canonicalSpecifiers } from '../../src/pep/versionRanges.js';
import type { FileMap } from '../../src/render/fileMap.js';

const member = (path: string, text: string): WorkMember => ({ path, data: new TextEncoder().encode(text), text, mode: 0o644, mtime: 0 });
const apply = (rule: NormalizationRule, members: WorkMember[], artifact: 'wheel' | 'sdist', inputs?: FileMap): WorkMember[] =>
  rule.apply(members, { artifact, level: 'semantic', pathMaps: [], inputs });
const textOf = (members: WorkMember[], path: string): string | null | undefined => members.find((m) => m.path === path)?.text;

describe('poetry rules are registered, semantic', () => {
  it.each([
    ['poetry-generated-setup-py', poetryGeneratedSetupPy, ['sdist']],
    ['poetry-automatic-classifiers', poetryAutomaticClassifiers, ['wheel', 'sdist']],
    ['poetry-specifier-sets', poetrySpecifierSets, ['wheel', 'sdist']],
  ] as const)('%s', (name, rule, artifacts) => {
    expect(ruleByName(name)).toBe(rule);
    expect(rule.level).toBe('semantic');
    expect(rule.artifacts).toEqual(artifacts);
    expect(rule.doc.length).toBeGreaterThan(20);
  });
});

const GENERATED = `# -*- coding: utf-8 -*-
from setuptools import setup

packages = \\
['x']

package_data = \\
{'': ['*']}

setup_kwargs = {
    'name': 'x',
    'version': '1',
    'description': '',
    'long_description': None,
    'author': None,
    'author_email': None,
    'maintainer': None,
    'maintainer_email': None,
    'url': None,
    'packages': packages,
    'package_data': package_data,
}


setup(**setup_kwargs)
`;

describe('poetry-generated-setup-py', () => {
  it('drops the setup.py poetry-core generated when the project has none', () => {
    expect(isPoetryGeneratedSetupPy(GENERATED)).toBe(true);
    const out = apply(poetryGeneratedSetupPy, [member('setup.py', GENERATED), member('PKG-INFO', 'Name: x\n')], 'sdist', { 'pyproject.toml': '' });
    expect(out.map((m) => m.path)).toEqual(['PKG-INFO']);
  });

  it("keeps the project's own setup.py, other setup.py files, and everything without inputs", () => {
    expect(apply(poetryGeneratedSetupPy, [member('setup.py', GENERATED)], 'sdist', { 'setup.py': GENERATED })).toHaveLength(1);
    expect(apply(poetryGeneratedSetupPy, [member('setup.py', 'from setuptools import setup\nsetup()\n')], 'sdist', {})).toHaveLength(1);
    expect(apply(poetryGeneratedSetupPy, [member('x/setup.py', GENERATED)], 'sdist', {})).toHaveLength(1);
    expect(apply(poetryGeneratedSetupPy, [member('setup.py', GENERATED)], 'sdist')).toHaveLength(1);
  });
});

const POETRY = '[build-system]\nbuild-backend = "poetry.core.masonry.api"\nrequires = ["poetry-core"]\n\n[project]\nname = "x"\nversion = "1"\n';
const META = 'Name: x\nClassifier: Programming Language :: Python :: 3\nClassifier: Programming Language :: Python :: 3.12\nClassifier: License :: OSI Approved :: MIT License\nClassifier: Topic :: Utilities\n';

describe('poetry-automatic-classifiers', () => {
  it('drops Python-version and License classifiers from artifacts of a poetry project that lists none', () => {
    const out = apply(poetryAutomaticClassifiers, [member('{dist-info}/METADATA', META)], 'wheel', { 'pyproject.toml': POETRY });
    expect(textOf(out, '{dist-info}/METADATA')).toBe('Name: x\nClassifier: Topic :: Utilities\n');
    const sdist = apply(poetryAutomaticClassifiers, [member('PKG-INFO', META)], 'sdist', { 'pyproject.toml': POETRY });
    expect(textOf(sdist, 'PKG-INFO')).toBe('Name: x\nClassifier: Topic :: Utilities\n');
  });

  it('keeps them when the project lists classifiers, or is not built by poetry', () => {
    const listed = `${POETRY}classifiers = ["Programming Language :: Python :: 3"]\n`;
    expect(textOf(apply(poetryAutomaticClassifiers, [member('PKG-INFO', META)], 'sdist', { 'pyproject.toml': listed }), 'PKG-INFO')).toBe(META);
    const setuptools = POETRY.replace('poetry.core.masonry.api', 'setuptools.build_meta');
    expect(textOf(apply(poetryAutomaticClassifiers, [member('PKG-INFO', META)], 'sdist', { 'pyproject.toml': setuptools }), 'PKG-INFO')).toBe(META);
    expect(textOf(apply(poetryAutomaticClassifiers, [member('PKG-INFO', META)], 'sdist'), 'PKG-INFO')).toBe(META);
  });
});

describe('poetry-specifier-sets', () => {
  it('spells equal sets alike: ~= as a range, merged bounds, trailing zeros', () => {
    const same = (a: string, b: string): void => expect(canonicalSpecifiers(a), `${a} vs ${b}`).toBe(canonicalSpecifiers(b));
    same('~=15.14', '>=15.14,<16.0');
    same('~=3.16.6', '<3.17.0,>=3.16.6');
    same('>=0,>=10.15', '>=10.15');
    same('<=3,>=3', '==3');
    same('==1.0', '==1');
    same('==1.*,>1.5', '>1.5,<2');
    same('==1.*,>1.5', '>1.5,<2.dev0');
    same('!=17.45281.*,>20.18.3', '>20.18.3');
    same('>=1.0,!=1.3.*', '!=1.3.*,>=1');
    same('==2.*,!=2.1.*', '>=2.dev0,!=2.1.*,<3');
  });

  it('keeps sets apart that allow different versions', () => {
    const differ = (a: string, b: string): void => expect(canonicalSpecifiers(a), `${a} vs ${b}`).not.toBe(canonicalSpecifiers(b));
    differ('~=1.4', '>=1.4,<1.5');
    differ('>1', '>=1');
    differ('<2', '<=2');
    differ('==2.*', '>=2,<3'); // the wildcard allows 2.0.dev0
    differ('!=1.3', '!=1.3.*');
  });

  it('spells canonically', () => {
    expect(canonicalSpecifiers('~=1.4.2')).toBe('>=1.4.2,<1.5');
    expect(canonicalSpecifiers('==2.*')).toBe('==2.*');
    expect(canonicalSpecifiers('!=1.3,>=1.0,<2')).toBe('>=1,!=1.3,<2');
    expect(canonicalSpecifiers('')).toBe('');
  });

  it('leaves alone what it does not handle, and unsatisfiable sets', () => {
    expect(canonicalSpecifiers('===1.0')).toBeNull();
    expect(canonicalSpecifiers('>=1.0a1')).toBeNull();
    expect(canonicalSpecifiers('==2.0.* || >=2.2.dev0,<3')).toBeNull();
    expect(canonicalSpecifiers('~=1')).toBeNull();
    expect(canonicalRequirement('a (<empty>)')).toBe('a (<empty>)');
    expect(canonicalRequirement('a~=2.0,==1.0')).toBe('a~=2.0,==1.0');
    expect(isUnsatisfiable('~=28310.10.0,==19.8')).toBe(true);
    expect(isUnsatisfiable('>=3,<=3')).toBe(false);
    expect(isUnsatisfiable('===x')).toBe(false);
  });

  it('rewrites Requires-Dist (keeping name, extras and marker) and Requires-Python', () => {
    expect(canonicalRequirement('gs8qd (>=15.14,<16.0) ; platform_system == "Linux"')).toBe('gs8qd>=15.14,<16; platform_system == "Linux"');
    expect(canonicalRequirement('gs8qd~=15.14; platform_system == "Linux"')).toBe('gs8qd>=15.14,<16; platform_system == "Linux"');
    expect(canonicalRequirement('a[x,y-z] (>=1)')).toBe('a[x,y-z]>=1');
    expect(canonicalRequirement('a @ https://x.org/a.whl')).toBe('a @ https://x.org/a.whl');
    expect(canonicalRequirement('a; os_name == "nt"')).toBe('a; os_name == "nt"');
    const out = apply(poetrySpecifierSets, [member('PKG-INFO', 'Name: x\nRequires-Python: >=3.8,<4.0\nRequires-Dist: b~=1.2\n')], 'sdist');
    expect(textOf(out, 'PKG-INFO')).toBe('Name: x\nRequires-Python: >=3.8,<4\nRequires-Dist: b>=1.2,<2\n');
  });
});
