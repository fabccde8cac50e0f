import { renderFor } from '../render/forBackend.js';
import { copyFile, mkdir, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { packageFile } from '../_internals/packageRoot.js';
import type { Backend } from '../backends/types.js';
import { writeFileMap } from '../build/fileMapIO.js';
import type { CorpusFile } from './corpusFile.js';
import { installedExpectation } from '../install/expect.js';
import { editableVariants } from '../fuzz/properties/install.js';
import { mergeSettings } from '../build/hookWorker.js';
import { modelHookSettings } from '../model/configSettings.js';

const REPRODUCE_SH = `#!/bin/sh
# Reproduce this twinbuild counterexample with Python and the backends only (no Node.js).
# The project as written for each backend is in ./a (and ./b); sides.json names each
# backend's interpreter and hook object. Override the interpreters with PYTHON_A / PYTHON_B.
cd "$(dirname "$0")" && exec "\${PYTHON:-python3}" reproduce.py "$@"
`;

/**
 * Write a counterexample as a folder a backend maintainer can use without
 * twinbuild: the project for each side (a/, b/), the corpus entry, and
 * reproduce.sh / reproduce.py that build with the backends and show the
 * difference (for spec and diff, with twinbuild_judge.py: the reference
 * checks in plain Python).
 */
export async function materialize(dir: string, entry: CorpusFile, a: Backend, b?: Backend): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sides = [{ role: 'a', backend: a }, ...(b ? [{ role: 'b', backend: b }] : [])];
  for (const s of sides) await writeFileMap(join(dir, s.role), renderFor(entry.model, s.backend));
  const config = {
    signature: entry.signature,
    summary: entry.summary,
    property: entry.property,
    sides: sides.map((s) => ({
      role: s.role,
      label: `${s.role.toUpperCase()} (${s.backend.label})`,
      python: s.backend.python,
      hook: s.backend.hook.object ? `${s.backend.hook.module}:${s.backend.hook.object}` : s.backend.hook.module,
      paths: s.backend.importPaths,
      project: s.role,
      // PEP 517 config_settings of every hook call: the spec's (`config=`), then the model's (configSettings).
      configSettings: mergeSettings(s.backend.spec?.configSettings, modelHookSettings(entry.model, s.backend.family, sides.map((o) => o.backend.family))),
    })),
    // The install property: what the installed project must hold, and the builds to install.
    ...(entry.property === 'install' ? { install: installReproducer(entry, a) } : {}),
  };
  await writeFile(join(dir, 'sides.json'), JSON.stringify(config, null, 2) + '\n');
  await writeFile(join(dir, 'twinbuild-counterexample.json'), JSON.stringify(entry, null, 2) + '\n');
  await copyFile(packageFile('src', 'corpus', '_python', 'reproduce.py'), join(dir, 'reproduce.py'));
  // The reference checks (P codes) in plain Python, for the properties that run them.
  const judged = entry.property === 'spec' || entry.property === 'diff';
  if (judged) await copyFile(packageFile('src', 'oracles', 'judge', '_python', 'twinbuild_judge.py'), join(dir, 'twinbuild_judge.py'));
  if (entry.property === 'install') await copyFile(packageFile('src', 'install', '_python', 'probe_installed.py'), join(dir, 'probe_installed.py'));
  await writeFile(join(dir, 'reproduce.sh'), REPRODUCE_SH);
  await chmod(join(dir, 'reproduce.sh'), 0o755);
  return ['a', ...(b ? ['b'] : []), 'sides.json', 'reproduce.sh', 'reproduce.py', ...(judged ? ['twinbuild_judge.py'] : []), ...(entry.property === 'install' ? ['probe_installed.py'] : []), 'twinbuild-counterexample.json'];
}

/** sides.json's `install`: the model's installed expectation and the builds the property installs. */
function installReproducer(entry: CorpusFile, a: Backend) {
  const editable = a.optionalHooks?.includes('build_editable') ? editableVariants(a.family) : [];
  return {
    expect: installedExpectation(entry.model),
    builds: [
      { label: 'wheel', hook: 'build_wheel', configSettings: null },
      ...editable.map((v) => ({ label: v.label ? `editable wheel (${v.label})` : 'editable wheel', hook: 'build_editable', configSettings: v.configSettings ?? null })),
    ],
  };
}
