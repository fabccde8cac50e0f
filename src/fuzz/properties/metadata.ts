import { renderFor } from '../../render/forBackend.js';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArtifact } from '../../archive/index.js';
import type { ArchiveView } from '../../archive/types.js';
import { writeFileMap } from '../../build/fileMapIO.js';
import { compareViews } from '../../compare/compareViews.js';
import type { Difference } from '../../compare/types.js';
import { parseHeaders } from '../../pep/coreMetadata.js';
import { normalizeArtifact } from '../../normalize/normalizeArtifact.js';
import type { Level } from '../../normalize/types.js';
import type { BuildOptions } from '../../build/buildArtifacts.js';
import type { BackendRunner } from '../../build/runner.js';
import type { ArtifactResult } from '../../build/types.js';
import type { FileMap } from '../../render/fileMap.js';
import { withModelSettings } from './_configSettings.js';
import { outcomeOf, type PropertyContext, type PropertyDef } from '../property.js';
import { oneWheel } from './_oneWheel.js';

const METADATA_PATH = '{dist-info}/METADATA';

/** A one-member wheel view holding `text` as METADATA, normalized at `level`. */
function metadataView(text: string, level: Level) {
  const data = new TextEncoder().encode(text);
  const view: ArchiveView = {
    format: 'wheel',
    filename: 'metadata.whl',
    entries: [{ path: 'x.dist-info/METADATA', type: 'file', mode: 0o644, size: data.length, mtime: null, data }],
    problems: [],
  };
  const canon = normalizeArtifact(view, data, level === 'bytes' ? 'content' : level);
  const member = canon.members.get('x.dist-info/METADATA') ?? canon.members.get(METADATA_PATH);
  if (member) {
    canon.members.delete(member.path);
    canon.members.set(METADATA_PATH, { ...member, path: METADATA_PATH });
  }
  return canon;
}

function wheelMetadata(view: ArchiveView): string | null {
  const e = view.entries.find((x) => /^[^/]+\.dist-info\/METADATA$/.test(x.path) && x.type === 'file');
  return e ? new TextDecoder().decode(e.data) : null;
}

/** Run a prepare_metadata_* hook in a fresh copy of the project; METADATA text, null if the hook is absent. */
async function preparedMetadata(runner: BackendRunner, build: BuildOptions, hook: 'prepare_metadata_for_build_wheel', files: FileMap): Promise<{ text: string | null; error?: string }> {
  if (!runner.backend.optionalHooks?.includes(hook)) return { text: null };
  const root = await mkdtemp(join(build.tmpRoot ?? tmpdir(), 'twinbuild-meta-'));
  try {
    const project = join(root, 'project');
    const out = join(root, 'out');
    await mkdir(out, { recursive: true });
    await writeFileMap(project, files);
    const outcome = await runner.call(hook, { cwd: project, metadataDirectory: out, timeoutSec: build.timeoutSec, logDir: root });
    if (!outcome.ok) return { text: null, error: `${outcome.error.kind}: ${outcome.error.message}` };
    const name = outcome.value;
    if (typeof name !== 'string' || !(await readdir(out)).includes(name)) return { text: null, error: `${hook} returned ${JSON.stringify(name)}, not a folder it wrote` };
    return { text: await readFile(join(out, name, 'METADATA'), 'utf8').catch(() => null), error: undefined };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The editable wheel's METADATA text without the Requires-Dist fields the
 * wheel's lacks (PEP 660: an editable wheel may add requirements, the
 * editable machinery; nothing else may differ). The lines of the dropped
 * fields (with their continuation lines) are cut from the text, which is
 * otherwise kept as written: a malformed line or a folded value compares as
 * the backend wrote it.
 */
export function withoutAddedRequirements(editableText: string, wheelText: string): string {
  const wheelReqs = new Set(parseHeaders(wheelText).fields.filter((f) => f.key === 'requires-dist').map((f) => f.value.trim()));
  const added = new Set(parseHeaders(editableText).fields.filter((f) => f.key === 'requires-dist' && !wheelReqs.has(f.value.trim())).map((f) => f.line));
  if (added.size === 0) return editableText;
  // Lines as parseHeaders counts them (\r\n, \n or \r), each with its end.
  const lines = editableText.split(/(?<=\r\n|\n|\r(?!\n))/);
  const out: string[] = [];
  let dropping = false;
  let inHeader = true;
  lines.forEach((line, i) => {
    if (inHeader && /^(\r\n|\n|\r)?$/.test(line)) inHeader = false;
    if (!inHeader) {
      out.push(line);
      return;
    }
    if (added.has(i + 1)) dropping = true;
    else if (!/^[ \t]/.test(line)) dropping = false;
    if (!dropping) out.push(line);
  });
  return out.join('');
}

/**
 * The metadata checks of one backend on one project whose wheel is built:
 * prepare_metadata_for_build_wheel's METADATA, and the editable wheel's
 * METADATA (but for Requires-Dist it may add), against the wheel's. Paths of
 * the differences say which hook they are about.
 */
export async function metadataChecks(
  runner: BackendRunner,
  files: FileMap,
  wheel: ArtifactResult & { ok: true },
  ctx: Pick<PropertyContext, 'level' | 'build' | 'stats'>,
): Promise<{ differences: Difference[]; rules: string[] }> {
  const wheelText = wheelMetadata(await readArtifact('wheel', wheel.filename, wheel.bytes));
  const differences: Difference[] = [];
  const base = metadataView(wheelText ?? '', ctx.level);
  const prepared = await preparedMetadata(runner, ctx.build, 'prepare_metadata_for_build_wheel', files);
  const tag = (d: Difference, hook: string): Difference => ({ ...d, path: `${hook}:${d.path}` });
  if (prepared.error) {
    differences.push({ artifact: 'wheel', kind: 'build-failed', path: `prepare_metadata_for_build_wheel:${METADATA_PATH}`, a: 'wheel built', b: prepared.error });
  } else if (prepared.text !== null) {
    differences.push(...compareViews(base, metadataView(prepared.text, ctx.level), ['wheel', 'prepare_metadata_for_build_wheel']).map((d) => tag(d, 'prepare_metadata_for_build_wheel')));
  }
  if (runner.backend.optionalHooks?.includes('build_editable')) {
    const editable = await runner.buildOne('wheel', files, { ...ctx.build, editable: true });
    ctx.stats.builds++;
    if (!editable.ok) {
      differences.push({ artifact: 'wheel', kind: 'build-failed', path: `build_editable:${METADATA_PATH}`, a: 'wheel built', b: `${editable.error.kind}: ${editable.error.message}` });
    } else {
      const edText = wheelMetadata(await readArtifact('wheel', editable.filename, editable.bytes)) ?? '';
      const trimmed = withoutAddedRequirements(edText, wheelText ?? '');
      differences.push(...compareViews(base, metadataView(trimmed, ctx.level), ['wheel', 'build_editable']).map((d) => tag(d, 'build_editable')));
    }
  }
  return { differences, rules: base.rules };
}

/**
 * `metadata`: what prepare_metadata_for_build_wheel promises is what the wheel
 * holds (PEP 517 requires it), and the editable wheel's METADATA is the
 * wheel's, but for Requires-Dist it may add (PEP 660).
 */
export const metadataProperty: PropertyDef = {
  name: 'metadata',
  doc: 'one backend: prepare_metadata_for_build_wheel METADATA equals the wheel\'s; the editable wheel\'s equals it but for added Requires-Dist',
  needsB: false,
  defaultLevel: () => 'content',
  sides: ['wheel', 'prepared/editable'],
  async evaluate(model, ctx) {
    const files = renderFor(model, ctx.a.backend);
    // The model's config settings reach every hook of the build (wheel, prepare_metadata, editable).
    const withSettings = { ...ctx, build: withModelSettings(ctx.build, model, ctx.a.backend.family, [ctx.a.backend.family]) };
    const built = await oneWheel(withSettings, files);
    if ('rejected' in built) return built.rejected;
    const wheel = built.wheel;
    const { differences, rules } = await metadataChecks(ctx.a, files, wheel, withSettings);
    return outcomeOf('metadata', differences, ['wheel', 'prepared/editable'], files, rules);
  },
};
