/**
 * SARIF 2.1.0 (`--sarif FILE`) from the JSON report data: one rule per spec
 * check code (W001, M003, ... with `helpUri` to docs/rules/CODE.md) and per
 * difference kind (`difference/content`, ... with `helpUri` to
 * docs/differences.md#KIND); one result per difference of each
 * finding, located at the archive member (`uriBaseId` WHEEL or SDIST: the
 * artifact each side built) and, where one is to blame, at the minimal
 * project's file (`uriBaseId` PROJECT). The finding's signature is the
 * result's partial fingerprint, so code scanning groups a problem found
 * again on later nights.
 */
import type { Difference } from '../compare/types.js';
import { blamedFile } from './blame.js';
import { docsUri, kindDocUri, ruleDocUri } from './docsLink.js';
import type { JsonReport, ReportFinding } from './jsonReport.js';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' };
}

const KIND_TEXT: Record<Difference['kind'], string> = {
  'only-in-a': 'a member only side A has',
  'only-in-b': 'a member only side B has',
  content: 'the same member with different content',
  executable: 'the executable bit of a member differs',
  mode: 'the permission bits of a member differ',
  mtime: 'the modification time of a member differs',
  owner: 'the owner of a tar member differs',
  'member-order': 'the same members in another order',
  'archive-bytes': 'the archives differ as bytes though every member compares equal',
  filename: 'the artifact filenames differ',
  'folder-name': 'the sdist top folder or the .dist-info folder is named differently',
  'build-failed': 'one side built the artifact, the other failed',
  'archive-problem': 'one side\'s archive has a problem the other\'s has not',
  'spec-problem': 'a specification check fails',
  installed: 'the installed wheel (or editable wheel) does not behave as the project says (docs/installed.md)',
};

function ruleIdOf(d: Difference): string {
  return d.code ?? `difference/${d.kind}`;
}

function ruleOf(d: Difference): SarifRule {
  if (d.code) {
    return {
      id: d.code,
      name: `spec-${d.code}`,
      shortDescription: { text: `specification check ${d.code}` },
      helpUri: ruleDocUri(d.code),
      defaultConfiguration: { level: 'error' },
    };
  }
  const name = d.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { id: ruleIdOf(d), name, shortDescription: { text: KIND_TEXT[d.kind] }, helpUri: kindDocUri(d.kind), defaultConfiguration: { level: 'error' } };
}

function message(f: ReportFinding, d: Difference): string {
  const sides = d.a !== undefined || d.b !== undefined ? ` (A: ${d.a ?? '-'}; B: ${d.b ?? '-'})` : '';
  return `[${d.artifact}] ${d.kind}${d.path ? ` ${d.path}` : ''}${sides}. Finding ${f.signature}: ${f.summary}. Replay: ${f.replay}`;
}

export function sarifLog(r: JsonReport): object {
  const rules = new Map<string, SarifRule>();
  for (const f of r.findings) for (const d of f.differences) if (!rules.has(ruleIdOf(d))) rules.set(ruleIdOf(d), ruleOf(d));
  const ids = [...rules.keys()].sort();
  const results = r.findings.flatMap((f) =>
    f.differences.map((d) => {
      const blamed = blamedFile(d, f.project.files);
      return {
        ruleId: ruleIdOf(d),
        ruleIndex: ids.indexOf(ruleIdOf(d)),
        level: 'error',
        message: { text: message(f, d) },
        locations: [
          {
            physicalLocation: { artifactLocation: { ...(d.path ? { uri: encodeURI(d.path) } : {}), uriBaseId: d.artifact.toUpperCase() } },
            logicalLocations: [{ name: d.path || d.artifact, fullyQualifiedName: `${d.artifact}:${d.path}`, kind: 'member' }],
          },
        ],
        ...(blamed ? { relatedLocations: [{ id: 1, physicalLocation: { artifactLocation: { uri: encodeURI(blamed), uriBaseId: 'PROJECT' } }, message: { text: 'the minimal project file it is built from' } }] } : {}),
        partialFingerprints: { twinbuildSignature: f.signature },
        properties: { property: f.property, signature: f.signatureText, replay: f.replay, ...(f.corpusFile ? { corpusFile: f.corpusFile } : {}) },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'twinbuild', version: r.version, informationUri: docsUri('docs/design.md'), rules: ids.map((id) => rules.get(id)!) } },
        originalUriBaseIds: {
          WHEEL: { description: { text: 'the wheel each side built of the minimal project' } },
          SDIST: { description: { text: 'the sdist each side built of the minimal project' } },
          PROJECT: { description: { text: 'the minimal project (twinbuild replay CORPUS-FILE --materialize DIR writes it)' } },
        },
        invocations: [{ executionSuccessful: r.outcome !== 'interrupted', properties: { seed: r.seed, runs: r.runs, builds: r.builds, durationMs: r.durationMs } }],
        properties: { backends: r.backends.map((b) => b.spec), properties: r.properties, level: r.level },
        results,
      },
    ],
  };
}
