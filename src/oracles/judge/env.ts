/**
 * The judge's environment: a virtual environment twinbuild manages, with
 * pinned pypa/packaging and trove-classifiers and nothing else, so that no
 * backend's own copy of packaging ever decides whether its artifacts pass.
 *
 * It lives at `<twinbuild home>/tools/judge-packaging-<V>-trove-classifiers-<V>-py<X.Y>/`
 * and is made by the same machinery as the backends' environments
 * (src/backends/provision.ts: candidate interpreters, pip of the base
 * interpreter, build in a temporary sibling, marker written last, rename).
 */
import path from 'node:path';
import { execa } from 'execa';
import { EnvironmentError } from '../../errors.js';
import { pythonEnv } from '../../backends/findPython.js';
import { twinbuildHome } from '../../backends/paths.js';
import { buildVenv, provisionInto, readManaged, type ProvisionOptions } from '../../backends/provision.js';

/** The pinned judges (the newest releases that install on Python 3.9 and later). */
export const JUDGE_PINS = { packaging: '26.3', 'trove-classifiers': '2026.9.21.13' } as const;
/** packaging 26.3 requires Python 3.9. */
export const JUDGE_MIN_PYTHON: readonly [number, number] = [3, 9];

export interface JudgeMarker {
  format: 1;
  tool: 'judge';
  requirements: string[];
  /** Installed versions, as importlib.metadata reports them. */
  versions: Record<string, string>;
  basePython: string;
  pythonVersion: string;
  createdAt: string;
}

export interface JudgeEnv extends JudgeMarker {
  dir: string;
  python: string;
  created: boolean;
}

const REQUIREMENTS = Object.entries(JUDGE_PINS).map(([name, version]) => `${name}==${version}`);
const DIR_STEM = `judge-${Object.entries(JUDGE_PINS).map(([n, v]) => `${n}-${v}`).join('-')}`;

const VERSIONS = String.raw`
import json, sys
from importlib import metadata
print(json.dumps({n: metadata.version(n) for n in sys.argv[1:]}))
`;

const isJudgeMarker = (data: Record<string, unknown>): boolean =>
  data['format'] === 1 && data['tool'] === 'judge' && typeof data['versions'] === 'object' && typeof data['pythonVersion'] === 'string';

/**
 * The judge's environment, created on first use. Throws EnvironmentError
 * when no interpreter ≥ 3.9 can make it or pip cannot install the pins (no
 * network): the caller then runs without the reference checks.
 */
export function provisionJudge(opts: ProvisionOptions = {}): Promise<JudgeEnv> {
  const tools = path.join(twinbuildHome(opts.home), 'tools');
  const label = `the judge (${REQUIREMENTS.join(' ')})`;
  return provisionInto<JudgeEnv>(label, JUDGE_MIN_PYTHON, opts, {
    dir: (base) => path.join(tools, `${DIR_STEM}-py${base.version[0]}.${base.version[1]}`),
    ready: (dir) => readManaged<JudgeMarker>(dir, isJudgeMarker),
    create: (base, dir, log) =>
      buildVenv<JudgeMarker, JudgeEnv>({
        label,
        requirements: REQUIREMENTS,
        distribution: 'packaging',
        version: JUDGE_PINS.packaging,
        base,
        dir,
        log,
        keepSetuptools: false,
        read: (d) => readManaged<JudgeMarker>(d, isJudgeMarker),
        marker: async (py) => {
          const r = await execa(py, ['-I', '-c', VERSIONS, ...Object.keys(JUDGE_PINS)], { reject: false, env: pythonEnv(), extendEnv: false, stdin: 'ignore' });
          let versions: Record<string, string> = {};
          try {
            versions = JSON.parse(r.stdout) as Record<string, string>;
          } catch {
            /* reported below */
          }
          for (const [name, version] of Object.entries(JUDGE_PINS)) {
            if (versions[name] !== version) {
              throw new EnvironmentError(`${label}: asked pip for ${name}==${version}, but the environment has ${versions[name] ?? `none (${r.stderr.trim().split('\n').pop() ?? ''})`}`);
            }
          }
          return { format: 1, tool: 'judge', requirements: REQUIREMENTS, versions, basePython: base.executable, pythonVersion: base.versionString, createdAt: new Date().toISOString() };
        },
      }),
  });
}
