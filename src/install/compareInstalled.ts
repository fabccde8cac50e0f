/**
 * Compare what an installation holds (the probe's facts) with what the model
 * expects (expect.ts): the result is `Difference[]` of kind `installed`, each
 * with a stable `code` naming the check (docs/installed.md), so that the
 * signature and shrinking machinery treat them like every other difference.
 *
 * What an installation may hold beyond the model is named by the rules in
 * ALLOWED (a backend's own additions), and nothing else.
 */
import { expandSelfReferences, isSelfReference } from '../pep/selfReference.js';
import type { Difference } from '../compare/types.js';
import { canonicalizeName as canonicalName } from '../pep/name.js';
import { requirementComparisonForm as normalRequirement } from '../pep/requirement.js';
import { normalVersion } from '../pep/version.js';
import { sha256, type InstalledExpectation } from './expect.js';
import { SCHEME_KEYS, type InstalledFacts, type SchemeKey } from './facts.js';

export type InstallMode = 'wheel' | 'editable';

export interface InstalledContext {
  mode: InstallMode;
  /** For editable installs: the label of the config_settings variant (`editable-mode=strict`), or ''. */
  variant?: string;
  /** Interpreters the build ran with: an editable wheel's scripts must not name them. */
  buildInterpreters?: string[];
}

/** Files an installation may hold that the model does not, each allowed by a named rule. */
export const ALLOWED: readonly { rule: string; doc: string; modes: InstallMode[]; matches: (scheme: SchemeKey, path: string) => boolean }[] = [
  {
    rule: 'installed-dist-info',
    doc: 'the .dist-info folder the installer writes (METADATA, RECORD, WHEEL, entry points, licenses, INSTALLER)',
    modes: ['wheel', 'editable'],
    matches: (scheme, path) => (scheme === 'purelib' || scheme === 'platlib') && /^[^/]+\.dist-info\//.test(path),
  },
  {
    rule: 'editable-import-hooks',
    doc: 'an editable install\'s .pth files and import-hook modules at the top of site-packages (__editable__*, _editable_impl_*, *_finder.py)',
    modes: ['editable'],
    matches: (scheme, path) =>
      (scheme === 'purelib' || scheme === 'platlib') && !path.includes('/') && (/\.pth$/.test(path) || /^(__editable__|_editable_impl_).*\.py$/.test(path)),
  },
];

const PYTHON_SHEBANG = /^#!.*python[^\n]*\n?/;

export function compareInstalled(expect: InstalledExpectation, facts: InstalledFacts, ctx: InstalledContext): Difference[] {
  const out: Difference[] = [];
  const editable = ctx.mode === 'editable';
  const tag = editable ? 'editable:' : '';
  const where = (path: string): string => (editable && ctx.variant ? `[${ctx.variant}] ${path}` : path);
  const add = (code: string, path: string, a: string, b: string): void => {
    out.push({ artifact: 'wheel', kind: 'installed', code: `${tag}${code}`, path: where(path), a, b });
  };

  // Imports: every module and package; regular packages are regular, namespace packages are namespaces.
  // A package whose __init__.py was not installed is reported once, as that missing file (below):
  // whether it then imports as a namespace package or not at all depends only on its other files.
  const regular = new Set(expect.packages);
  const namespaces = new Set(expect.namespaces);
  const initMissing = new Set(
    editable ? [] : expect.packages.filter((p) => facts.files.purelib?.[`${p.replace(/\./g, '/')}/__init__.py`] === undefined),
  );
  for (const name of expect.modules) {
    const f = facts.imports[name];
    if (!f || initMissing.has(name)) continue;
    if (!f.ok) {
      add('import', name, 'imports', f.error);
      continue;
    }
    if (regular.has(name) && f.namespace) add('package-kind', name, 'a regular package (__init__.py)', 'a namespace package');
    if (namespaces.has(name) && !f.namespace) add('package-kind', name, 'a namespace package', `a regular package (${f.file ?? 'no __file__'})`);
    if (!regular.has(name) && !namespaces.has(name) && f.package) add('package-kind', name, 'a module', 'a package');
    // A namespace package has no file of its own (setuptools' lenient finder gives it a placeholder
    // __path__ entry): where it comes from is seen in its modules and packages, which are checked.
    if (editable && !f.namespace && !f.underProject) add('outside-project', name, 'imported from the project tree', f.file ?? 'no __file__');
  }

  // Package resources read back through importlib.resources with the model's bytes.
  const resources = new Map(facts.resources.map((r) => [`${r.package}/${r.path}`, r]));
  for (const r of expect.resources) {
    const f = resources.get(`${r.package}/${r.path}`);
    if (!f || !f.ok) add('resource', `${r.package}:${r.path}`, 'readable', f?.error ?? 'not probed');
    else if (f.sha256 !== r.sha256) add('resource', `${r.package}:${r.path}`, `sha256 ${r.sha256.slice(0, 12)}`, `sha256 ${(f.sha256 ?? '').slice(0, 12)}`);
  }

  // importlib.metadata.
  const md = facts.metadata;
  if (!md || md.count !== 1) {
    add('metadata', 'distribution', `one distribution ${expect.distribution}`, md?.error ?? `${md?.count ?? 0} found`);
  } else {
    if (canonicalName(md.name ?? '') !== canonicalName(expect.distribution)) add('metadata', 'Name', expect.distribution, md.name ?? '');
    if (normalVersion(md.version ?? '') !== normalVersion(expect.version)) add('metadata', 'Version', expect.version, md.version ?? '');
    const set = (xs: string[], f: (x: string) => string): string[] => [...new Set(xs.map(f))].sort();
    // What a requirement means, as packaging reads it (install_tool.py): name, extras, URL, the versions
    // its specifiers admit and where its marker applies, as truth tables, so that `q>=0,>=1` and `q>=1`,
    // or `python_version >= "3.6"` and `python_full_version >= "3.6"`, are one requirement. A
    // requirement packaging rejects (or one not evaluated) is compared in normal form.
    const meaning = (r: string): string => {
      const m = facts.requirements?.[r];
      return m === undefined || 'error' in m ? normalRequirement(r, { specifierSet: true }) : JSON.stringify([m.name, m.extras, m.url, m.versions, m.marker]);
    };
    const shown = (xs: string[]): string => [...new Set(xs.map((r) => normalRequirement(r)))].sort().join(' | ');
    // A self-referencing extra (`acme[cli]; extra == "all"`) means its expansion, which hatchling 1.24+ writes
    // instead: when the installed metadata has no self-reference, the expected one is expanded (the tool
    // evaluated the expanded texts too: installWheel.ts), else both keep the line.
    const literal = (md.requires ?? []).some((r) => isSelfReference(expect.distribution, r));
    const wantReq = set(literal ? expect.requires : expandSelfReferences(expect.distribution, expect.requires), meaning);
    const haveReq = set(md.requires ?? [], meaning);
    if (wantReq.join('\n') !== haveReq.join('\n')) add('metadata', 'Requires-Dist', shown(expect.requires), shown(md.requires ?? []));
    const wantEx = set(expect.extras, canonicalName);
    const haveEx = set(md.extras ?? [], canonicalName);
    if (wantEx.join(',') !== haveEx.join(',')) add('metadata', 'Provides-Extra', wantEx.join(', '), haveEx.join(', '));
    const ep = (e: { group: string; name: string; value: string }): string => `${e.group}:${e.name}=${e.value.replace(/\s+/g, '')}`;
    const wantEp = set(expect.entryPoints.map(ep), (x) => x);
    const haveEp = set((md.entryPoints ?? []).map(ep), (x) => x);
    if (wantEp.join('\n') !== haveEp.join('\n')) add('entry-points', 'entry_points.txt', wantEp.join(' | '), haveEp.join(' | '));
  }

  // Files, scheme by scheme: what the model holds, where the wheel spec puts it; nothing else but ALLOWED.
  const expected: Record<SchemeKey, Map<string, (sha: string, file: { head: string | null }) => string | null>> = {
    purelib: new Map(),
    platlib: new Map(),
    headers: new Map(),
    scripts: new Map(),
    data: new Map(),
  };
  const exact = (want: string) => (sha: string) => (sha === want ? null : `sha256 ${sha.slice(0, 12)}, not ${want.slice(0, 12)}`);
  if (!editable) for (const [path, want] of Object.entries(expect.libFiles)) expected.purelib.set(path, exact(want));
  else for (const [path, want] of Object.entries(expect.editableLibFiles ?? {})) expected.purelib.set(path, exact(want));
  for (const [path, want] of Object.entries(expect.dataFiles)) expected.data.set(path, exact(want));
  for (const [name, content] of Object.entries(expect.scriptFiles)) {
    const rewritten = PYTHON_SHEBANG.test(content) ? sha256(`#!${facts.interpreter}\n${content.replace(PYTHON_SHEBANG, '')}`) : null;
    expected.scripts.set(name, (sha) => (sha === sha256(content) || sha === rewritten ? null : `sha256 ${sha.slice(0, 12)}: neither the script as written nor with its #!python line rewritten`));
  }
  for (const s of expect.scripts) {
    const [module = '', attr = ''] = s.value.split(':').map((x) => x.trim());
    const head = attr.split('.')[0] ?? '';
    expected.scripts.set(s.name, (_sha, file) => {
      const text = file.head ?? '';
      if (!text.startsWith(`#!${facts.interpreter}`)) return `launcher starts ${JSON.stringify(text.split('\n')[0])}`;
      return text.includes(`from ${module} import ${head}`) ? null : `launcher does not import ${module}:${attr}`;
    });
  }
  for (const scheme of SCHEME_KEYS) {
    const have = facts.files[scheme] ?? {};
    for (const [path, check] of expected[scheme]) {
      const f = have[path];
      if (!f) {
        const pkg = scheme === 'purelib' && path.endsWith('/__init__.py') ? path.slice(0, -'/__init__.py'.length).replace(/\//g, '.') : '';
        const i = initMissing.has(pkg) ? facts.imports[pkg] : undefined;
        const then = i === undefined ? '' : i.ok ? ` (${pkg} imports as a namespace package)` : ` (${pkg} does not import: ${i.error})`;
        add('missing-file', `${scheme}/${path}`, 'installed', `absent${then}`);
      }
      else {
        const problem = check(f.sha256, f);
        if (problem) add('file-content', `${scheme}/${path}`, 'as in the model', problem);
      }
    }
    for (const path of Object.keys(have)) {
      if (expected[scheme].has(path)) continue;
      if (ALLOWED.some((r) => r.modes.includes(ctx.mode) && r.matches(scheme, path))) continue;
      add('unexpected-file', `${scheme}/${path}`, 'absent (not in the model)', 'installed');
    }
  }

  // Executable files stay executable (a regular install: an editable one runs the project's own files).
  if (!editable) {
    for (const path of expect.executables ?? []) {
      const f = facts.files.purelib?.[path];
      if (f !== undefined && !f.executable) add('not-executable', `purelib/${path}`, 'executable (mode 0o755 in the project)', 'installed without the execute bit');
    }
  }

  if (editable) {
    if (facts.edit && facts.edit.seen !== facts.edit.expected) add('edit-not-seen', 'edit', `sees ${facts.edit.expected}`, JSON.stringify(facts.edit.seen ?? null));
    const build = (ctx.buildInterpreters ?? []).filter((p) => p !== '');
    for (const [path, f] of Object.entries(facts.files.scripts ?? {})) {
      const first = (f.head ?? '').split('\n')[0] ?? '';
      if (first.startsWith('#!') && build.some((p) => first.includes(p))) add('build-interpreter', `scripts/${path}`, 'no build interpreter', first);
    }
  }
  return out;
}
