/**
 * What each backend family (and version, and configuration style) can
 * express: `supports(feature, family, version?, style?)`.
 *
 * A *feature* is something a model uses (see `modelFeatures` in
 * `src/model/features.ts`): `license:spdx`, `namespace-package`,
 * `readme:inline`, ... Features not listed here are supported everywhere.
 *
 * The table lists, per feature, the families (and version ranges, styles)
 * that cannot express it *faithfully*, that is with the same core metadata
 * and the same files as the newest form. A renderer asked for such a model
 * still renders the closest older form where there is one (a PEP 639
 * expression becomes `license = {text = ...}` for setuptools < 77) — so a
 * replayed corpus file keeps rendering — but the generator, given the
 * backends of a run (`projectModel({ targets })`), never produces a model
 * that uses an unsupported feature, so no finding comes from a form that a
 * backend version simply does not have.
 *
 * Rows for flit, poetry, pdm and uv are from their documentation and
 * changelogs; the renderers of those families may refine them.
 */
import { lt, valid } from '@renovatebot/pep440';
import { configSettingLimitations } from '../model/configSettings.js';
import { modelFeatures } from '../model/features.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Family } from '../backends/types.js';
import type { ConfigStyle } from './fileMap.js';

/**
 * Features that some family, version or style cannot express (names as
 * `modelFeatures` gives them).
 */
export const CAPABILITY_FEATURES = [
  /** `[project]` in pyproject.toml (PEP 621) as the configuration (every model needs it in the pyproject style). */
  'config:pyproject',
  'requires-python',
  /** Any readme; `readme:inline` is the text in the configuration, `readme:file-table` the `{file, content-type}` table. */
  'readme',
  'readme:inline',
  'readme:file-table',
  /** `readme = "README.txt"`: PEP 621 guarantees the content type by path for `.md` and `.rst` only. */
  'readme:txt-by-path',
  /** Any license; `license:spdx` is a PEP 639 expression, `license:text` / `license:file` the legacy tables. */
  'license',
  'license:spdx',
  /** A license expression in lower case (`mit`, `apache-2.0 or mit`), which some backends normalize and others refuse. */
  'license:spdx-lowercase',
  /** A license expression with an exception (`GPL-2.0-or-later WITH Classpath-exception-2.0`). */
  'license:spdx-with',
  'license:text',
  'license:file',
  /** `license-files = [paths]` (PEP 639; files in `.dist-info/licenses/`). */
  'license-files',
  'authors',
  'maintainers',
  /** An author or maintainer given by email only. */
  'people:email-only',
  'keywords',
  'classifiers',
  'urls',
  'optional-dependencies',
  /** An extra naming the project itself with the other extras (`all = ["<name>[cli]"]`). */
  'optional-dependencies:self-reference',
  'entry-points',
  /** No summary at all. */
  'description:none',
  /** A summary with leading or trailing white space (kept verbatim by PEP 621 backends). */
  'description:edge-whitespace',
  /** More than one top-level import name (packages, modules, namespace folders). */
  'layout:several-top-level',
  /** Top-level single-file modules. */
  'layout:top-level-modules',
  /** The src layout under another folder than `src/` (`ProjectModel.packageDir`: `lib/`, `python/`, `lib/python/`). */
  'layout:package-dir',
  /** A file from outside the import tree shipped inside the first package (`ProjectModel.forceIncluded`: hatchling's force-include). */
  'force-include',
  /** hatchling's `support-legacy`: a generated `setup.py` in the sdist (`HatchlingOptionsModel.supportLegacy`). */
  'hatchling:support-legacy',
  /** A metapackage: no import package or module at all (`ProjectModel.metaPackage`). */
  'meta-package',
  /** PEP 420 namespace packages. */
  'namespace-package',
  /** Files shipped in the sdist only (docs/, tests/, changelog). */
  'sdist-files',
  /** A version with upper-case letters before any local label (`V1.0`, `1.0RC1`, `1.0.DEV2`), which PEP 440 reads case-insensitively. */
  'version:uppercase',
  /** `dynamic = ["version"]`, read from `__version__` in the version module. */
  'dynamic:version',
  /** `dependencies` read from `requirements.txt` (`ProjectModel.dynamicMetadata`; families without it write them statically). */
  'dynamic:dependencies',
  /** Each extra's requirements read from `requirements-<extra>.txt`. */
  'dynamic:optional-dependencies',
  /** Files in the wheel's data scheme (`{dist}.data/data/`). */
  'wheel-data',
  /** Scripts in the wheel's scripts scheme (`{dist}.data/scripts/`). */
  'script-files',
  /** PEP 794 `import-names` (and `import-namespaces` for namespace packages): core metadata 2.5 `Import-Name`. */
  'import-names',
  /** An import name marked `; private` (PEP 794). */
  'import-names:private',
  /** Files excluded from both the sdist and the wheel (`ProjectModel.excludedFiles`, scope `both`). */
  'exclude:both',
  /** Files excluded from the sdist only (the wheel ships them). */
  'exclude:sdist-only',
  /** An exclusion by a glob (`folder/*.ext`) rather than the exact path. */
  'exclude:glob',
  /** An exclusion of a whole folder. */
  'exclude:folder',
  /** Executable package data (`ProjectModel.executableFiles`: `pkg/tool.sh` with mode 0o755). */
  'file-mode:executable-data',
  /** An executable module (`pkg/launch.py` with mode 0o755). */
  'file-mode:executable-module',
  /** A symlinked package data file (`ProjectModel.symlinkedData`: `pkg/data/current.txt -> v1.txt`). */
  'package-data:symlink',
  /** config_settings giving the wheel a build tag (setuptools `--build-option=--build-number=N`). */
  'config-settings:build-number',
] as const;
export type CapabilityFeature = (typeof CAPABILITY_FEATURES)[number];

interface Limitation {
  family: Family;
  /** Versions `< below` lack the feature (absent: every version). */
  below?: string;
  /** Versions `>= from` lack the feature (absent: every version). */
  from?: string;
  /** Only these styles lack it (absent: every style). */
  styles?: readonly ConfigStyle[];
  why: string;
}

/** poetry-core 1.x: the `[tool.poetry]` rendering translates name, version, description and dependencies only. */
const POETRY_1: Limitation = { family: 'poetry', below: '2', why: 'the [tool.poetry] rendering (poetry-core 1.x) translates name, version, description and dependencies only' };

/**
 * uv_build wrote wheel permissions wrong (astral-sh/uv#14920: 0o755 became 0o407, 0o644 0o230), fixed by
 * #14930 (merged 2025-07-28). Which release first has the fix is not checked here (0.7.20 has the bug,
 * 0.13.6 not): 0.8.10 is the first release a downstream project names for it (janosh/pymatviz#320), so
 * everything before it is kept out.
 */
const UV_MODES: Limitation = { family: 'uv', below: '0.8.10', why: 'uv_build before 0.8.10 may write wheel modes wrong (astral-sh/uv#14920: 0o755 becomes 0o407, the owner loses the execute bit; a defect fixed by #14930)' };

const LIMITATIONS: Readonly<Partial<Record<CapabilityFeature, readonly Limitation[]>>> = {
  'config:pyproject': [
    { family: 'setuptools', below: '61', styles: ['pyproject'], why: 'setuptools reads [project] from 61.0' },
    { family: 'flit', below: '3.2', why: 'flit_core reads [project] from 3.2' },
  ],
  'requires-python': [POETRY_1],
  readme: [POETRY_1],
  'readme:inline': [
    { family: 'setuptools', styles: ['setup.cfg'], why: 'setup.cfg values lose leading white space, blank lines and `#` lines' },
    { family: 'uv', below: '0.13', why: 'uv_build 0.7.20 refuses readme tables (0.13.6 takes them)' },
  ],
  'readme:file-table': [{ family: 'uv', below: '0.13', why: 'uv_build 0.7.20 refuses readme tables (0.13.6 takes them)' }],
  'readme:txt-by-path': [{ family: 'pdm', why: 'pdm-backend infers a content type from .md and .rst only (PEP 621 guarantees no more)' }],
  license: [POETRY_1],
  'license:spdx': [
    { family: 'setuptools', below: '77', why: 'PEP 639 license expressions from setuptools 77.0' },
    { family: 'hatchling', below: '1.27', why: 'final PEP 639 support from hatchling 1.27.0' },
    { family: 'flit', below: '3.11', why: 'license expressions from flit_core 3.11' },
    { family: 'pdm', below: '2.4', why: 'PEP 639 from pdm-backend 2.4.0' },
    { family: 'poetry', below: '2.2', why: 'PEP 639 license expressions from poetry-core 2.2' },
  ],
  'license:spdx-lowercase': [
    { family: 'flit', why: 'flit_core requires upper-case operators (AND, OR, WITH)' },
    { family: 'uv', why: 'uv_build accepts identifiers in the SPDX list\'s case only (a defect, SPDX identifiers are case-insensitive: docs/live-bugs.md)' },
  ],
  'license:spdx-with': [{ family: 'flit', below: '4', why: "flit_core 3.12 refuses the SPDX 'WITH' operator (4.2 takes it)" }],
  'license:file': [
    { family: 'setuptools', styles: ['setup.cfg'], why: 'setup.cfg cannot set the License field from a file (license_files lists license files)' },
  ],
  'license-files': [
    { family: 'setuptools', below: '77', why: 'PEP 639 license-files (and dist-info/licenses/) from setuptools 77.0' },
    { family: 'hatchling', below: '1.27', why: 'license-files as an array from hatchling 1.27.0' },
    { family: 'flit', below: '3.11', why: 'license-files from flit_core 3.11' },
    { family: 'pdm', below: '2.4', why: 'PEP 639 license-files from pdm-backend 2.4.0' },
    { family: 'poetry', below: '2.2', why: 'PEP 639 license-files from poetry-core 2.2' },
  ],
  authors: [POETRY_1],
  maintainers: [POETRY_1],
  keywords: [POETRY_1],
  classifiers: [POETRY_1],
  urls: [POETRY_1],
  'optional-dependencies': [POETRY_1],
  'optional-dependencies:self-reference': [POETRY_1],
  'entry-points': [POETRY_1],
  'description:none': [{ family: 'flit', why: 'flit_core requires a summary (static, or the module docstring)' }],
  'description:edge-whitespace': [{ family: 'setuptools', styles: ['setup.cfg'], why: 'setup.cfg values are stripped' }],
  'layout:several-top-level': [
    { family: 'flit', why: 'flit_core builds exactly one top-level module or package' },
    { family: 'uv', below: '0.7.20', why: 'uv_build takes a list of module names from 0.7.20' },
  ],
  'version:uppercase': [
    { family: 'poetry', from: '2', why: "poetry-core 2 validates [project].version with a case-sensitive pattern (lower-case labels, 'v' prefix only; a defect, PEP 440 is case-insensitive: docs/live-bugs.md)" },
  ],
  'dynamic:version': [
    { family: 'poetry', why: 'poetry-core reads a dynamic version from [tool.poetry] only, not from a module' },
    { family: 'uv', why: 'uv_build has no dynamic metadata' },
    {
      family: 'pdm',
      why: "pdm-backend writes the resolved version into the sdist's pyproject.toml (dynamic = []), which other families copy unchanged",
    },
  ],
  'wheel-data': [
    { family: 'flit', below: '3.7', why: 'flit-core has [tool.flit.external-data] from 3.7' },
    { family: 'poetry', why: 'poetry-core has no data scheme' },
    { family: 'pdm', below: '2.2', why: 'pdm-backend 2.0 ignores wheel-data (nested data files fixed in 2.1.8)' },
  ],
  'script-files': [
    { family: 'hatchling', why: "hatchling's shared-scripts keep the source file's mode, which a rendered file map does not set (setuptools makes scripts executable)" },
    { family: 'flit', why: 'flit-core has no scripts scheme besides entry points' },
    { family: 'poetry', why: 'poetry-core has no scripts scheme besides entry points' },
    { family: 'pdm', why: 'pdm-backend wheel-data scripts are not rendered yet' },
    { family: 'uv', why: 'uv_build [tool.uv.build-backend.data] scripts are not rendered yet' },
  ],
  'import-names': [
    { family: 'setuptools', why: 'setuptools raises NotImplementedError for import-names and import-namespaces (84.2.1)' },
    { family: 'poetry', why: 'poetry-core ignores import-names (2.5.0 writes Metadata-Version 2.4 without Import-Name)' },
    { family: 'hatchling', below: '1.30', why: 'PEP 794 from hatchling 1.30.0' },
    { family: 'flit', below: '4.0.2', why: 'import-names from flit_core 4 (4.0.2 checked; 3.12 has none)' },
    { family: 'pdm', below: '2.5', why: 'import-names from pdm-backend 2.5.0 (its vendored pyproject-metadata)' },
    { family: 'uv', below: '0.11.17', why: 'import-names from uv_build 0.11.17' },
  ],
  'import-names:private': [{ family: 'hatchling', below: '1.32', why: "hatchling accepts the `; private` annotation from 1.32.0 (it refused it as an invalid import name before)" }],
  'exclude:both': [{ family: 'flit', why: "flit-core's wheel ships the whole module folder: it has no wheel exclude" }],
  'exclude:sdist-only': [
    { family: 'setuptools', why: 'MANIFEST.in exclusions decide the package data of the wheel too (include-package-data)' },
    { family: 'pdm', why: "pdm-backend's excludes apply to every target" },
    { family: 'poetry', why: "poetry-core's exclude applies to both formats (format applies to include only)" },
    { family: 'uv', why: 'uv_build applies source-exclude to the wheel too (wheel-exclude is the wheel only, not the sdist only)' },
  ],
  'file-mode:executable-data': [UV_MODES],
  'file-mode:executable-module': [
    { family: 'setuptools', why: "distutils' build_py copies modules into the build folder with preserve_mode=False (\"the build directory is supposed to be exactly what the installation will look like\"): the wheel's module is never executable, package data keeps its mode" },
    UV_MODES,
  ],
  'package-data:symlink': [
    {
      family: 'poetry',
      why: 'poetry-core (1.9.1 and 2.5.0, measured) drops a symlinked file from both artifacts and ships only its target at the target\'s own path; every other family ships the link\'s path (a link or a copy in the sdist, a copy in the wheel)',
    },
  ],
  ...configSettingLimitations(),
  'meta-package': [
    { family: 'flit', why: 'flit-core builds exactly one module or package, named by the project or [tool.flit.module]' },
    { family: 'poetry', why: 'poetry-core takes `packages = []` as "not given" and looks for a package named after the project (2.5.0: "No file/folder found for package a")' },
    { family: 'uv', why: 'uv_build builds the module named by the project or [tool.uv.build-backend] module-name' },
    { family: 'hatchling', below: '1.20', why: 'the wheel target selects nothing only with bypass-selection, from hatchling 1.20.0' },
  ],
  // setuptools changelog v62.6.0: "#3253: Enabled using file: for requirements in setup.cfg", "#3255: ... for dependencies
  // and optional-dependencies in pyproject.toml". Older releases get the requirements statically (same metadata).
  'dynamic:dependencies': [{ family: 'setuptools', below: '62.6', why: 'setuptools reads requirements with file: from 62.6.0 (#3253, #3255)' }],
  'dynamic:optional-dependencies': [{ family: 'setuptools', below: '62.6', why: 'setuptools reads requirements with file: from 62.6.0 (#3253, #3255)' }],
  'layout:top-level-modules': [{ family: 'uv', why: 'uv_build packages import packages only, not single-file modules' }],
  'force-include': [
    { family: 'setuptools', why: 'setuptools package-data selects files inside a package folder only; it cannot map a file from elsewhere into a package' },
    { family: 'flit', why: 'flit-core ships the module folder as it is: no mapping of outside files into it' },
    { family: 'poetry', why: 'poetry-core include keeps a file at its own path: no mapping into a package' },
    { family: 'pdm', why: 'pdm-backend includes keep a file at its own path: no mapping into a package' },
    { family: 'uv', why: 'uv_build ships the module folder as it is: no mapping of outside files into it' },
  ],
  'hatchling:support-legacy': (['setuptools', 'flit', 'poetry', 'pdm', 'uv'] as const).map((family) => ({
    family,
    why: "hatchling's support-legacy adds a generated setup.py to the sdist; no other backend writes one (a difference of expressiveness, not a defect)",
  })),
  'layout:package-dir': [
    { family: 'flit', why: 'flit-core looks for the module next to pyproject.toml and under src/ only: it has no option naming another folder' },
  ],
};

/** True when `version` is a PEP 440 version (a backend from a folder may report something else). */
function knownVersion(version: string | undefined): version is string {
  return version !== undefined && valid(version) !== null;
}

function applies(l: Limitation, family: Family, version: string | undefined, style: ConfigStyle | undefined): boolean {
  if (l.family !== family) return false;
  if (l.styles !== undefined && (style === undefined || !l.styles.includes(style))) return false;
  // An unknown version is taken to be a recent one: `below` limitations do not apply to it, `from` ones do.
  if (l.from !== undefined && knownVersion(version) && lt(version, l.from)) return false;
  return l.below === undefined || (knownVersion(version) && lt(version, l.below));
}

/**
 * Whether `family` (at `version`, in `style`) expresses `feature` faithfully.
 * An unknown or unparsable version counts as the newest. Features outside
 * `CAPABILITY_FEATURES` are supported everywhere.
 */
export function supports(feature: string, family: Family, version?: string, style?: ConfigStyle): boolean {
  return whyUnsupported(feature, family, version, style) === null;
}

/** The reason `family` cannot express `feature`, or null when it can. */
export function whyUnsupported(feature: string, family: Family, version?: string, style?: ConfigStyle): string | null {
  const rows = LIMITATIONS[feature as CapabilityFeature] ?? [];
  const hit = rows.find((l) => applies(l, family, version, style));
  return hit === undefined ? null : hit.why;
}

/** A backend a generated project must suit: a family, optionally its version and configuration style. */
export interface RenderTarget {
  family: Family;
  version?: string;
  style?: ConfigStyle;
}

/** Whether every target supports `feature`. */
export function supportedByAll(feature: string, targets: readonly RenderTarget[]): boolean {
  return targets.every((t) => supports(feature, t.family, t.version, t.style));
}

/** The features `model` uses that `target` cannot express faithfully, each with the reason. */
export function unsupportedFeatures(model: ProjectModel, target: RenderTarget): { feature: string; why: string }[] {
  const features = ['config:pyproject', ...modelFeatures(model)];
  // The style render() picks when none is given (setuptools before 61: setup.cfg).
  const style = target.style ?? (whyUnsupported('config:pyproject', target.family, target.version, 'pyproject') === null ? 'pyproject' : 'setup.cfg');
  const out: { feature: string; why: string }[] = [];
  for (const feature of features) {
    if (feature === 'config:pyproject' && style !== 'pyproject') continue;
    const why = whyUnsupported(feature, target.family, target.version, style);
    if (why !== null) out.push({ feature, why });
  }
  return out;
}
