/**
 * `issueText(entry)`: issue-ready Markdown for one counterexample, as
 * `twinbuild explain` prints it — what differs, the minimal project (each
 * side's files when the two sides render it differently), and reproduce steps
 * with plain Python on a clean machine: every side's backend installed into a
 * virtual environment of its own, the project built with `python -m build`
 * (the corpus file's config settings as `-C`), and the artifacts compared (or,
 * for `install`, installed and imported).
 *
 * It prints nothing of the machine that found the counterexample: no
 * interpreter path, no checkout folder, no corpus path beyond the file name
 * the caller gives. A named scenario that must pass says so instead of
 * listing differences it does not have.
 */
import { parse as parseToml } from 'smol-toml';
import { parseSpec } from '../backends/parseSpec.js';
import { FAMILY_INFO } from '../backends/families.js';
import type { BackendSpec, Family } from '../backends/types.js';
import type { CorpusBackend, CorpusFile } from '../corpus/corpusFile.js';
import { installedExpectation } from '../install/expect.js';
import type { ConfigStyle } from '../render/fileMap.js';
import { render } from '../render/index.js';
import { textFiles } from '../render/textFiles.js';

/** Where twinbuild lives (the package's repository). */
export const TWINBUILD_URL = 'https://github.com/twinbuild/twinbuild';

export interface IssueTextOptions {
  /** How the reader names the corpus file in `twinbuild replay ...` (a relative path or a file name). */
  corpusName: string;
}

interface Side {
  role: 'a' | 'b';
  backend: CorpusBackend;
  spec: BackendSpec | undefined;
  files: Record<string, string>;
}

function parsed(spec: string): BackendSpec | undefined {
  try {
    return parseSpec(spec);
  } catch {
    return undefined; // a spec this version cannot parse: the family's defaults
  }
}

function isFamily(name: string): name is Family {
  return Object.prototype.hasOwnProperty.call(FAMILY_INFO, name);
}

/** The requirement that installs this side's backend from the package index. */
export function backendRequirement(b: CorpusBackend): string[] {
  if (!isFamily(b.family)) return [`${b.family}==${b.version}`];
  const info = FAMILY_INFO[b.family];
  return [`${info.implFor(b.version).distribution}==${b.version}`, ...info.extraRequirements(b.version)];
}

/** Python X.Y when the managed environment's name tells it (`...-py3.11/bin/python`), else undefined. */
export function pythonVersionOf(python: string): string | undefined {
  return /-py(\d+\.\d+)(?:[/\\]|$)/.exec(python)?.[1];
}

/** How a side's backend came to be, in words that hold on any machine. */
function provenance(side: Side): string {
  const s = side.spec;
  if (s?.location !== undefined) return `${side.backend.family} ${side.backend.version} from a source checkout or a wheel (not the package index)`;
  const hook = s?.backend ? ` with the hook object \`${s.backend.object ? `${s.backend.module}:${s.backend.object}` : s.backend.module}\` (not the family's own)` : '';
  return `${backendRequirement(side.backend)[0]}${hook}`;
}

function fence(text: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.,:=@%+/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function configFlags(spec: BackendSpec | undefined): string {
  const settings = spec?.configSettings ?? {};
  const flags: string[] = [];
  for (const [k, v] of Object.entries(settings)) for (const one of Array.isArray(v) ? v : [v]) flags.push(`-C${shellQuote(`${k}=${one}`)}`);
  return flags.length ? ` ${flags.join(' ')}` : '';
}

/** Compares the wheels and the sdists of dist-a/ and dist-b/: members of one side only, and diffs of text members. */
const COMPARE_PY = `import difflib, glob, io, re, tarfile, zipfile
def members(path):
    if path.endswith(".whl"):
        z = zipfile.ZipFile(path)
        names = z.namelist()
        for n in sorted({n for n in names if names.count(n) > 1}): print(f"{path}: duplicate member {n}")
        return {re.sub(r"^[^/]+\\.dist-info/", "{dist-info}/", n): z.read(n) for n in z.namelist()}
    t = tarfile.open(path)
    names = [m.name for m in t.getmembers()]
    for n in sorted({n for n in names if names.count(n) > 1}): print(f"{path}: duplicate member {n}")
    return {m.name.split("/", 1)[-1]: t.extractfile(m).read() for m in t.getmembers() if m.isfile()}
for kind in ("*.whl", "*.tar.gz"):
    found = [glob.glob(f"dist-{s}/{kind}") for s in "ab"]
    if not all(found): print(f"{kind}: A built {len(found[0])}, B built {len(found[1])}"); continue
    a, b = (members(f[0]) for f in found)
    for name in sorted(a.keys() | b.keys()):
        if name not in b: print(f"{kind}: only A has {name}")
        elif name not in a: print(f"{kind}: only B has {name}")
        elif a[name] != b[name]:
            print(f"{kind}: {name} differs")
            ta, tb = (x.decode("utf-8", "replace").splitlines() for x in (a[name], b[name]))
            print("\\n".join(difflib.unified_diff(ta, tb, "A/" + name, "B/" + name, lineterm="")))`;

function buildSteps(side: Side, project: string): string[] {
  const v = `venv-${side.role}`;
  const reqs = [...backendRequirement(side.backend), 'build'].map((r) => `"${r}"`).join(' ');
  const lines = [`# ${side.role.toUpperCase()}: ${provenance(side)}`, `python3 -m venv ${v}`];
  if (side.spec?.location !== undefined) lines.push(`${v}/bin/python -m pip install build  # and the backend, from its checkout or wheel`);
  else lines.push(`${v}/bin/python -m pip install ${reqs}`);
  // The environment's bin/ on PATH, as activating it would: uv_build's hook runs the uv-build binary it
  // installed there ("uv-build was not properly installed" otherwise).
  lines.push(`PATH="$PWD/${v}/bin:$PATH" ${v}/bin/python -m build --no-isolation --skip-dependency-check --sdist --wheel${configFlags(side.spec)} --outdir dist-${side.role} ${project}`);
  return lines;
}

function installSteps(entry: CorpusFile): string[] {
  const e = installedExpectation(entry.model);
  const imports = e.modules.length ? `import ${e.modules.join(', ')}; ` : '';
  return [
    '# install the wheel into a fresh environment and use it',
    'python3 -m venv venv-installed',
    'venv-installed/bin/python -m pip install --no-deps dist-a/*.whl',
    `venv-installed/bin/python -c "${imports}import importlib.metadata as m; print(m.version('${e.distribution}'), m.requires('${e.distribution}'))"`,
  ];
}

/**
 * The files with `[build-system] requires` left out of pyproject.toml (read
 * as TOML): two releases of one family render the same project but for the
 * version pinned there, which `--no-isolation` does not read.
 */
export function withoutBuildRequires(files: Record<string, string>): Record<string, unknown> {
  const text = files['pyproject.toml'];
  if (text === undefined) return files;
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return files; // not TOML: compared as written
  }
  const system = doc['build-system'];
  if (system && typeof system === 'object') delete (system as Record<string, unknown>)['requires'];
  return { ...files, 'pyproject.toml': doc };
}

/** The Markdown `twinbuild explain` prints for one corpus entry. */
export function issueText(entry: CorpusFile, options: IssueTextOptions): string {
  const sides: Side[] = [];
  for (const role of ['a', 'b'] as const) {
    const backend = entry.backends[role];
    if (!backend) continue;
    const spec = parsed(backend.spec);
    const style: ConfigStyle | undefined = spec?.style;
    const family = isFamily(backend.family) ? backend.family : 'setuptools';
    sides.push({ role, backend, spec, files: textFiles(render(entry.model, family, { familyVersion: backend.version, ...(style ? { style } : {}) })) });
  }
  const [a, b] = sides as [Side, Side | undefined];
  const sameProject = b === undefined || JSON.stringify(withoutBuildRequires(a.files)) === JSON.stringify(withoutBuildRequires(b.files));
  const passes = entry.expect === 'pass';

  const md: string[] = [];
  md.push(`## ${entry.summary}`, '');
  md.push(`Found by [twinbuild](${TWINBUILD_URL}) ${entry.tool.replace(/^twinbuild /, '')}, property \`${entry.property}\` at normalization level \`${entry.level}\`.`, '');
  md.push('| | backend | version | python |', '|---|---|---|---|');
  for (const s of sides) {
    const settings = configFlags(s.spec).trim();
    md.push(`| ${s.role.toUpperCase()} | ${provenance(s)}${settings ? ` (\`${settings}\`)` : ''} | ${s.backend.version} | ${pythonVersionOf(s.backend.python) ?? '3'} |`);
  }
  if (passes) {
    md.push('', '### Expected', '', 'This is a named regression scenario: the backends must build the project alike, and they do when `twinbuild replay` says `holds`.', '');
  } else {
    md.push('', '### What differs', '');
    for (const d of entry.differences.slice(0, 20)) {
      md.push(`- **${d.artifact}** \`${d.kind}\`${d.path ? ` \`${d.path}\`` : ''}${d.a !== undefined ? ` — A: ${d.a}` : ''}${d.b !== undefined ? `; B: ${d.b}` : ''}`);
      if (d.diff) md.push('', fence(d.diff, 'diff'), '');
    }
    if (entry.differences.length > 20) md.push(`- … and ${entry.differences.length - 20} more`);
  }
  md.push('', '### Minimal project', '');
  for (const s of sameProject ? [a] : sides) {
    if (!sameProject) md.push(`As written for ${s.role.toUpperCase()} (folder \`${s.role}/\`):`, '');
    for (const [path, text] of Object.entries(s.files)) md.push(`\`${sameProject ? path : `${s.role}/${path}`}\``, '', fence(text), '');
  }
  const pinNote = b && sameProject && JSON.stringify(a.files) !== JSON.stringify(b.files) ? ` (both sides build this project: \`--no-isolation --skip-dependency-check\` use the backend installed in each environment, not the version \`build-system.requires\` names)` : '';
  md.push('### Reproduce', '', `Write the files above into an empty folder${sameProject ? '' : ' (with its a/ and b/ folders)'}, then, from that folder${pinNote}:`, '');
  const steps: string[] = [];
  for (const s of sides) steps.push(...buildSteps(s, sameProject ? '.' : `${s.role}/`), '');
  if (b) steps.push('# compare the two builds', `python3 - <<'EOF'\n${COMPARE_PY}\nEOF`);
  else if (entry.property === 'install') steps.push(...installSteps(entry));
  else steps.push('# look at the wheel', `python3 -m zipfile -l dist-a/*.whl`);
  md.push(fence(steps.join('\n').replace(/\n+$/, ''), 'sh'));
  md.push('', `Or with twinbuild (${TWINBUILD_URL}): \`twinbuild replay ${options.corpusName}\``, '');
  return md.join('\n');
}
