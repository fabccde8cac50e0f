/** Exact renderings of hand-written models that use every optional part, per family, style and version. */
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { render } from '../../src/render/index.js';
import { legacyLicenseModel, richModel } from './fixtures.js';

/** The files every rendering of richModel has, whatever the family. */
const richFiles = {
  'CHANGELOG.md': '# Changes\n',
  LICENSE: 'MIT\n',
  'LICENSES/Apache-2.0.txt': 'Apache\n',
  'MANIFEST.in': 'include CHANGELOG.md\ninclude LICENSE\ninclude LICENSES/Apache-2.0.txt\ninclude README.md\ninclude docs/index.md\n',
  'README.md': '# Rich\n\nBody.\n',
  'docs/index.md': 'Docs\n',
  'src/acme/tools/__init__.py': '',
  'src/acme/util.py': 'Y = 2\n',
  'src/rich/__init__.py': '',
  'src/rich/core.py': 'X = 1\n',
  'src/rich/core.pyi': 'X: int\n',
  'src/rich/da ta/é.txt': 'ü\n',
  'src/rich/py.typed': '',
};

/** richModel's [project] table (PEP 621 / PEP 639), as every current family writes it. */
const richProject = `[project]
classifiers = [ "Programming Language :: Python :: 3", "Typing :: Typed" ]
dependencies = [ "Req_One[Extra_A]>=1.0; python_version < \\"3.12\\"" ]
description = "Rich «demo» 100%"
keywords = [ "zeta", "alpha beta" ]
license = "MIT OR Apache-2.0"
license-files = [ "LICENSE", "LICENSES/Apache-2.0.txt" ]
name = "Rich_Project.x"
readme = "README.md"
requires-python = ">=3.8, !=3.9.*"
version = "1!2.0-RC1"

[[project.authors]]
email = "zoe@example.org"
name = "Zoë Ødegaard"

[[project.authors]]
email = "j@example.org"
name = "J. Smith"

[[project.authors]]
name = "Ann"

[project.entry-points."my.plugins"]
p = "rich.core"

[project.gui-scripts]
rich-gui = "rich:gui"

[[project.maintainers]]
email = "m@example.org"

[project.optional-dependencies]
Dev_Tools = [ "black==24.*" ]
empty = []

[project.scripts]
rich-cli = "rich.core:main"

[project.urls]
"Bug Tracker" = "https://example.org/issues"
Homepage = "https://example.org/"
`;

const setuptoolsBuildSystem = `[build-system]
build-backend = "setuptools.build_meta"
requires = [ "setuptools==80.9.0" ]
`;

describe('render: a model with every optional part', () => {
  it('setuptools, pyproject style', () => {
    expect(render(richModel, 'setuptools', { familyVersion: '80.9.0' })).toEqual({
      ...richFiles,
      'pyproject.toml': `${setuptoolsBuildSystem}
${richProject}
[tool.setuptools]
packages = [ "acme", "acme.tools", "rich" ]
py-modules = []

[tool.setuptools.package-data]
rich = [ "core.pyi", "da ta/é.txt", "py.typed" ]

[tool.setuptools.package-dir]
"" = "src"
`,
    });
  });

  it('setuptools, setup.cfg style (setup_requires, a stub-less setup.cfg, % doubled)', () => {
    expect(render(richModel, 'setuptools', { familyVersion: '80.9.0', style: 'setup.cfg' })).toEqual({
      ...richFiles,
      'pyproject.toml': setuptoolsBuildSystem,
      'setup.cfg': `[metadata]
name = Rich_Project.x
version = 1!2.0-RC1
description = Rich «demo» 100%%
long_description = file: README.md
long_description_content_type = text/markdown
license_expression = MIT OR Apache-2.0
license_files =
    LICENSE
    LICENSES/Apache-2.0.txt
author = Ann
author_email = Zoë Ødegaard <zoe@example.org>, "J. Smith" <j@example.org>
maintainer_email = m@example.org
keywords = zeta, alpha beta
classifiers =
    Programming Language :: Python :: 3
    Typing :: Typed
project_urls =
    Bug Tracker = https://example.org/issues
    Homepage = https://example.org/

[options]
python_requires = >=3.8, !=3.9.*
package_dir =
    =src
packages =
    acme
    acme.tools
    rich
py_modules =
install_requires =
    Req_One[Extra_A]>=1.0; python_version < "3.12"
setup_requires =
    six>=1.0
    wheel

[options.package_data]
rich =
    core.pyi
    da ta/é.txt
    py.typed

[options.extras_require]
Dev_Tools =
    black==24.*
empty =

[options.entry_points]
console_scripts =
    rich-cli = rich.core:main
gui_scripts =
    rich-gui = rich:gui
my.plugins =
    p = rich.core
`,
    });
  });

  it('setuptools, setup.py style with every scenario of setuptools\' backend tests', () => {
    const files = render(richModel, 'setuptools', { familyVersion: '80.9.0', style: 'setup.py' });
    expect(Object.keys(files).sort()).toEqual([...Object.keys(richFiles), 'pyproject.toml', 'setup.py'].sort());
    expect(files['pyproject.toml']).toBe(setuptoolsBuildSystem);
    expect(files['setup.py']).toBe(`import os
import sys

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
assert os.path.isfile(os.path.join(HERE, "setup.py")), __file__


def _read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def _squares(n):
    return [i * i for i in range(n)]


_CHECK = _squares(4)
assert _CHECK == [0, 1, 4, 9], _CHECK
assert sys.version_info >= (3,), sys.version_info


if __name__ == "__main__":
    _TEMPORARY = os.path.join(HERE, "_twinbuild_temporary.py")
    with open(_TEMPORARY, "w", encoding="utf-8") as f:
        f.write("GENERATED = True\\n")
    try:
        setup(
            name="Rich_Project.x",
            version="1!2.0-RC1",
            description="Rich «demo» 100%",
            long_description=_read("README.md"),
            long_description_content_type="text/markdown",
            license_expression="MIT OR Apache-2.0",
            license_files=[
                "LICENSE",
                "LICENSES/Apache-2.0.txt",
            ],
            author="Ann",
            author_email="Zoë Ødegaard <zoe@example.org>, \\"J. Smith\\" <j@example.org>",
            maintainer_email="m@example.org",
            keywords=[
                "zeta",
                "alpha beta",
            ],
            classifiers=[
                "Programming Language :: Python :: 3",
                "Typing :: Typed",
            ],
            project_urls={
                "Bug Tracker": "https://example.org/issues",
                "Homepage": "https://example.org/",
            },
            python_requires=">=3.8, !=3.9.*",
            package_dir={"": "src"},
            packages=[
                "acme",
                "acme.tools",
                "rich",
            ],
            py_modules=[],
            install_requires=[
                "Req_One[Extra_A]>=1.0; python_version < \\"3.12\\"",
            ],
            setup_requires="""
six \\\\
    >=1.0
wheel
""",
            package_data={
                "rich": [
                    "core.pyi",
                    "da ta/é.txt",
                    "py.typed",
                ],
            },
            extras_require={
                "Dev_Tools": [
                    "black==24.*",
                ],
                "empty": [],
            },
            entry_points={
                "console_scripts": [
                    "rich-cli = rich.core:main",
                ],
                "gui_scripts": [
                    "rich-gui = rich:gui",
                ],
                "my.plugins": [
                    "p = rich.core",
                ],
            },
        )
    finally:
        os.remove(_TEMPORARY)
    sys.exit(0)
`);
  });

  it('hatchling: the same [project], every root file in the sdist', () => {
    expect(render(richModel, 'hatchling', { familyVersion: '1.27.0' })).toEqual({
      ...richFiles,
      'pyproject.toml': `[build-system]
build-backend = "hatchling.build"
requires = [ "hatchling==1.27.0" ]

${richProject}
[tool.hatch.build.targets.sdist]
only-include = [ "CHANGELOG.md", "LICENSE", "LICENSES/Apache-2.0.txt", "MANIFEST.in", "README.md", "docs/index.md", "src/acme", "src/rich" ]

[tool.hatch.build.targets.wheel]
only-include = [ "src/acme", "src/rich" ]
sources = [ "src" ]
`,
    });
  });
});

describe('render: version-aware forms', () => {
  const project = (files: Record<string, unknown>): Record<string, unknown> =>
    (parse(files['pyproject.toml'] as string) as { project: Record<string, unknown> }).project;
  const tool = (files: Record<string, unknown>): Record<string, unknown> =>
    (parse(files['pyproject.toml'] as string) as { tool: { setuptools: Record<string, unknown> } }).tool.setuptools;

  it('setuptools before 77: the license expression as text, license files in [tool.setuptools]', () => {
    const files = render(richModel, 'setuptools', { familyVersion: '70.0.0' });
    expect(project(files)['license']).toEqual({ text: 'MIT OR Apache-2.0' });
    expect(project(files)['license-files']).toBeUndefined();
    expect(tool(files)['license-files']).toEqual(['LICENSE', 'LICENSES/Apache-2.0.txt']);
    expect(render(richModel, 'setuptools', { familyVersion: '70.0.0', style: 'setup.cfg' })['setup.cfg']).toMatch(/^license = MIT OR Apache-2.0$/m);
    expect(render(richModel, 'setuptools', { familyVersion: '77.0.0' })['pyproject.toml']).toMatch(/^license = "MIT OR Apache-2.0"$/m);
  });

  it('hatchling before 1.27: the license expression as text, license-files as a paths table', () => {
    const files = render(richModel, 'hatchling', { familyVersion: '1.26.3' });
    expect(project(files)['license']).toEqual({ text: 'MIT OR Apache-2.0' });
    expect(project(files)['license-files']).toEqual({ paths: ['LICENSE', 'LICENSES/Apache-2.0.txt'] });
  });

  it('setuptools before 61 has no [project]: setup.cfg by default, and the pyproject style is refused', () => {
    const files = render(richModel, 'setuptools', { familyVersion: '60.10.0' });
    expect(Object.keys(files)).toContain('setup.cfg');
    expect(files['pyproject.toml']).toBe('[build-system]\nbuild-backend = "setuptools.build_meta"\nrequires = [ "setuptools==60.10.0" ]\n');
    expect(() => render(richModel, 'setuptools', { familyVersion: '60.10.0', style: 'pyproject' })).toThrow(ConfigError);
    expect(() => render(richModel, 'setuptools', { familyVersion: '60.10.0', style: 'pyproject' })).toThrow(/61/);
  });
});

describe('render: legacy license forms and inline readmes', () => {
  it('pyproject: license = {file}, readme = {text, content-type}; MANIFEST.in ships the license text in every style', () => {
    const files = render(legacyLicenseModel, 'setuptools', { familyVersion: '80.9.0' });
    expect(files).toEqual({
      'MANIFEST.in': 'include legal/terms.txt\n',
      'legacy.py': '',
      'legal/terms.txt': 'Terms\n\nMore terms.\n',
      'pyproject.toml': `${setuptoolsBuildSystem}
[project]
name = "legacy"
version = "0.1"

[project.license]
file = "legal/terms.txt"

[project.readme]
content-type = "text/x-rst"
text = "Legacy\\n======\\n\\n  indented \\"quoted\\" \\\\ line\\n"

[tool.setuptools]
packages = []
py-modules = [ "legacy" ]
`,
    });
  });

  it('setup.py: the license read from its file, the readme as a literal', () => {
    expect(render(legacyLicenseModel, 'setuptools', { familyVersion: '80.9.0', style: 'setup.py' })['setup.py']).toBe(`import os
import sys

from setuptools import setup

HERE = os.curdir


def _read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


setup(
    name="legacy",
    version="0.1",
    long_description="Legacy\\n======\\n\\n  indented \\"quoted\\" \\\\ line\\n",
    long_description_content_type="text/x-rst",
    license=_read("legal/terms.txt"),
    packages=[],
    py_modules=[
        "legacy",
    ],
)
`);
  });

  it('setup.cfg cannot express either: a ConfigError that says so', () => {
    expect(() => render(legacyLicenseModel, 'setuptools', { style: 'setup.cfg' })).toThrow(ConfigError);
    expect(() => render(legacyLicenseModel, 'setuptools', { style: 'setup.cfg' })).toThrow(/readme:inline/);
    expect(() => render({ ...legacyLicenseModel, readme: undefined }, 'setuptools', { style: 'setup.cfg' })).toThrow(/license:file/);
  });
});
