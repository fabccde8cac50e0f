/**
 * `npm run bench` (after `npx tsc`): builds per second of twinbuild's runner
 * against three other ways of calling a backend, on the same generated
 * projects, and an optional memory soak. See docs/performance.md.
 *
 *   npm run bench                      throughput: setuptools and hatchling, 50 projects each;
 *                                      (a), (d) 3 times, (b), (c) once (about 5 minutes)
 *   npm run bench -- --full --flit     all four methods 3 times, and flit too (about 20 minutes)
 *   npm run bench -- --soak            ... then a 2,000-build memory soak of (a)
 *   npm run bench -- --soak-only       only the soak
 *   npm run bench -- --update-docs     also rewrite the generated section of docs/performance.md
 *   npm run bench -- --reach           coverage-guided vs unguided search, and the cost of tracing
 *                                      (bench/reach.ts; its own flags follow --reach)
 *   npm run bench -- --help
 *
 * Exit codes: 0 done, 1 twinbuild's outputs differ from a fresh process's
 * (or --check-targets and a target is missed), 2 usage or environment
 * error, 3 internal error.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import fc from 'fast-check';
import { packageRoot } from '../src/_internals/packageRoot.js';
import { parseSpec } from '../src/backends/parseSpec.js';
import { resolveBackend } from '../src/backends/resolveBackend.js';
import type { Backend } from '../src/backends/types.js';
import { timeoutFromEnv } from '../src/build/buildArtifacts.js';
import { defaultTempRoot } from '../src/build/lifecycle.js';
import { ConfigError } from '../src/errors.js';
import { render, renderableFamilies } from '../src/render/index.js';
import { canRenderFor } from '../src/render/forBackend.js';
import type { FileMap } from '../src/render/fileMap.js';
import type { ProjectModel } from '../src/model/projectModel.js';
import { projectModel } from '../generators/projectModel.js';
import { benchEnv, type BenchEnv } from './benchEnv.js';
import { compareOutputs, type Mismatch } from './compareOutputs.js';
import { benchInstall, renderInstallBench, type InstallBench } from './install.js';
import { fsType, machineInfo } from './machine.js';
import { METHOD_NAMES, METHODS, runMethod, type Method, type MethodRun } from './methods.js';
import { renderReport, targetsMissed, updateDocs, type BackendReport, type BenchReport } from './report.js';
import { reachBench } from './reach.js';
import { runSoak } from './soak.js';

const DEFAULT_BACKENDS = ['setuptools==80.9.0', 'hatchling==1.27.0'];
/** Added by --flit (its (b) and (c) runs would push the default run well past five minutes). */
const FLIT = 'flit==3.12.0';
const DEFAULT_SEED = 20_251_125;
/** The slow methods, repeated `--slow-reps` times only. */
const SLOW: readonly Method[] = ['b', 'c'];

const USAGE = `usage: npm run bench -- [options]
  --backends S1;S2     backend specs, ';'-separated (default: ${DEFAULT_BACKENDS.join(';')})
                       families without a renderer are skipped
  --flit               also ${FLIT} (skipped if flit has no renderer)
  --projects N         generated projects per backend (default 50)
  --seed N             generator seed (default ${DEFAULT_SEED})
  --reps N             repetitions of (a) and (d); medians are reported (default 3)
  --slow-reps N        repetitions of (b) and (c), the first ones (default 1: they take minutes)
  --full               as many repetitions of (b) and (c) as of (a) and (d) (~15 min)
  --tmpdir DIR         temporary folders there (sets TMPDIR for all methods; e.g. /dev/shm)
  --methods LIST       subset of a,b,c,d (default all)
  --soak               after the throughput runs, a memory soak of (a)
  --soak-only          only the memory soak
  --soak-builds N      builds in the soak (default 2000)
  --soak-backend SPEC  backend of the soak (default: the first backend)
  --json FILE          write the full results as JSON
  --update-docs        rewrite the generated section of docs/performance.md
  --check-targets      exit 1 when a ratio target is missed
  --install-wheels N   wheels per backend for the install-check bench (default 10; 0: skip)
  --reach [...]        instead: guided vs unguided search and the cost of tracing (docs/coverage.md;
                       npm run bench -- --reach --help)
`;

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function intOpt(v: string | undefined, name: string, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  return n;
}

/**
 * The first `n` projects of the generator's stream (fixed seed) that the
 * backend's family can express, rendered for it. Renderers that cover every
 * model (setuptools, hatchling) get exactly the first `n`; a narrower one
 * (flit: one top-level package or module) gets the first `n` it can render.
 */
function projectsFor(seed: number, backend: Backend, n: number): { projects: FileMap[]; skipped: number } {
  // Sample a longer prefix of the same stream only when the family passes some models over.
  for (let factor = 1; ; factor *= 4) {
    const stream = sampleModels(seed, n * factor);
    const projects: FileMap[] = [];
    let skipped = 0;
    for (const model of stream) {
      if (projects.length === n) break;
      try {
        projects.push(render(model, backend.family, { familyVersion: backend.version }));
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        skipped++;
      }
    }
    if (projects.length === n || factor >= 64) return { projects, skipped };
  }
}

/** `git describe --always --dirty` of the twinbuild checkout (what was measured). */
async function gitRevision(): Promise<string> {
  const r = await execa('git', ['-C', packageRoot(), 'describe', '--always', '--dirty'], { reject: false });
  return r.exitCode === 0 ? r.stdout.trim() : 'unknown';
}

/** Up to 5 failed builds of one run, for the report. */
function failuresOf(run: MethodRun | undefined): string[] {
  if (!run) return [];
  return run.artifacts
    .flatMap((p, i) => (['sdist', 'wheel'] as const).map((k) => ({ i, k, a: p[k] })))
    .flatMap(({ i, k, a }) => (a.ok ? [] : [`project ${i} ${k}: ${a.error.slice(0, 300)}`]))
    .slice(0, 5);
}

/** The generator's stream: the same prefix for every `n` (fast-check samples one seeded sequence). */
function sampleModels(seed: number, n: number): ProjectModel[] {
  return fc.sample(projectModel(), { seed, numRuns: n });
}

const OPTIONS = {
  backends: { type: 'string' },
  projects: { type: 'string' },
  seed: { type: 'string' },
  reps: { type: 'string' },
  'slow-reps': { type: 'string' },
  full: { type: 'boolean', default: false },
  flit: { type: 'boolean', default: false },
  tmpdir: { type: 'string' },
  methods: { type: 'string' },
  soak: { type: 'boolean', default: false },
  'soak-only': { type: 'boolean', default: false },
  'soak-builds': { type: 'string' },
  'soak-backend': { type: 'string' },
  json: { type: 'string' },
  'update-docs': { type: 'boolean', default: false },
  'check-targets': { type: 'boolean', default: false },
  /** Wheels per backend for the install-check bench (bench/install.ts); 0 skips it. */
  'install-wheels': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--reach') return reachBench(argv.slice(1));
  const { values } = parseArgs({ options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const nProjects = intOpt(values.projects, 'projects', 50);
  const seed = intOpt(values.seed, 'seed', DEFAULT_SEED, 0);
  const reps = intOpt(values.reps, 'reps', 3);
  const slowReps = values.full ? reps : Math.min(reps, intOpt(values['slow-reps'], 'slow-reps', 1));
  const soakBuilds = intOpt(values['soak-builds'], 'soak-builds', 2000, 2);
  const methods: Method[] = values.methods
    ? values.methods.split(',').map((m) => {
        const t = m.trim() as Method;
        if (!METHODS.includes(t)) throw new ConfigError(`--methods: unknown method ${JSON.stringify(m)} (choose from a,b,c,d)`);
        return t;
      })
    : [...METHODS];
  // Every temporary folder of the run (twinbuild's included) goes into a private folder, so that
  // leftovers can be counted without seeing other programs' folders, and are removed at the end.
  const baseTmp = values.tmpdir ? resolve(values.tmpdir) : defaultTempRoot(); // as a fuzz run: /dev/shm when it is a tmpfs
  if (!existsSync(baseTmp)) throw new ConfigError(`--tmpdir ${values.tmpdir}: no such folder`);
  const privateTmp = mkdtempSync(join(baseTmp, 'twinbench-'));
  process.env['TMPDIR'] = privateTmp; // os.tmpdir() reads it on every call
  try {
    return await bench(values, { nProjects, seed, reps, slowReps, soakBuilds, methods, baseTmp, privateTmp });
  } finally {
    rmSync(privateTmp, { recursive: true, force: true });
  }
}

interface Settings {
  nProjects: number;
  seed: number;
  reps: number;
  slowReps: number;
  soakBuilds: number;
  methods: Method[];
  baseTmp: string;
  privateTmp: string;
}

async function bench(values: Values, settings: Settings): Promise<number> {
  const { nProjects, seed, reps, slowReps, soakBuilds, methods, baseTmp, privateTmp } = settings;
  const specs = values.backends ? values.backends.split(';').map((s) => s.trim()).filter(Boolean) : [...DEFAULT_BACKENDS];
  if (values.flit && !specs.includes(FLIT)) specs.push(FLIT);
  const doBench = !values['soak-only'];
  const doSoak = values.soak || values['soak-only'];
  const timeoutSec = timeoutFromEnv();
  const started = performance.now();

  // Backends: skip families that cannot be rendered yet (before installing anything).
  const renderable = new Set(renderableFamilies());
  const backends: Backend[] = [];
  const skipped: string[] = [];
  for (const raw of specs) {
    const spec = parseSpec(raw);
    if (!renderable.has(spec.family)) {
      log(`skipping ${raw}: no renderer for family ${spec.family} yet`);
      skipped.push(`${raw} (no renderer for ${spec.family} yet)`);
      continue;
    }
    backends.push(await resolveBackend(spec, { log: (l) => log(l) }));
  }
  if (backends.length === 0) throw new ConfigError('no backend to benchmark');

  const load = loadavg()[0]!;
  if (load > 1) log(`warning: load average ${load.toFixed(2)} on ${machineInfo().nproc} CPUs: something else is running; wall times will be noisy (CPU times less so)`);
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    seed,
    projects: nProjects,
    reps,
    slowReps,
    tmpdir: `${baseTmp} (${fsType(baseTmp)})`,
    revision: await gitRevision(),
    pythonVersions: [...new Set(backends.map((b) => b.pythonVersion ?? 'unknown'))],
    loadAvgStart: loadavg(),
    timeoutSec,
    skipped,
    backends: [],
  };
  let mismatchFound = false;
  const installRows: { label: string; r: InstallBench }[] = [];

  if (doBench) {
    for (const backend of backends) {
      const { projects, skipped: notRenderable } = projectsFor(seed, backend, nProjects);
      if (notRenderable) log(`${backend.label}: ${notRenderable} of the first ${notRenderable + projects.length} generated projects cannot be rendered for ${backend.family}; skipped`);
      if (projects.length < nProjects) log(`${backend.label}: only ${projects.length} renderable projects in the first ${notRenderable + projects.length}`);
      let env: BenchEnv | undefined;
      if (methods.includes('c')) env = await benchEnv(backend, log);
      const runs: Record<Method, MethodRun[]> = { a: [], b: [], c: [], d: [] };
      const mismatches: (Mismatch & { rep: number })[] = [];
      const infoMismatches: Record<'c' | 'd', Mismatch[]> = { c: [], d: [] };
      const failureSamples: Partial<Record<Method, string[]>> = {};
      let bRef: MethodRun | undefined; // latest (b) run: the reference of the output check
      for (let rep = 0; rep < reps; rep++) {
        // (b) and (c) are slow: by default they run in the first `slowReps` repetitions only.
        const present = methods.filter((m) => !SLOW.includes(m) || rep < slowReps);
        // Rotate the order so that slow drift on a noisy machine does not favour one method.
        const order = present.map((_, i) => present[(i + rep) % present.length]!);
        for (const m of order) {
          log(`${backend.label}: rep ${rep + 1}/${reps}: (${m}) ${METHOD_NAMES[m]} ... (load ${loadavg()[0]!.toFixed(2)})`);
          const run = await runMethod(m, { backend, projects, timeoutSec, benchEnv: env });
          log(
            `${backend.label}: rep ${rep + 1}/${reps}: (${m}) ${(run.builds / run.seconds).toFixed(2)} builds/s ` +
              `(${run.builds} builds in ${run.seconds.toFixed(2)}s${run.cpuMs !== undefined ? `, ${(run.cpuMs / run.builds).toFixed(1)} ms CPU/build` : ''}` +
              `${run.failures ? `, ${run.failures} failed` : ''})`,
          );
          runs[m].push(run);
        }
        const thisRep = (m: Method): MethodRun | undefined => (order.includes(m) ? runs[m].at(-1) : undefined);
        if (thisRep('b')) bRef = thisRep('b');
        // Output check: (a) must equal (b) for every project; (c) and (d) are compared for information.
        const a = thisRep('a');
        if (a && bRef) {
          const mm = await compareOutputs(a.artifacts, bRef.artifacts, ['twinbuild', 'fresh']);
          for (const x of mm) mismatches.push({ ...x, rep });
          if (mm.length) mismatchFound = true;
          log(`${backend.label}: rep ${rep + 1}: (a) vs (b): ${mm.length === 0 ? `all ${2 * nProjects} artifacts equal` : `${mm.length} MISMATCHES`}`);
        }
        if (rep === 0) {
          if (bRef) {
            for (const m of ['c', 'd'] as const) {
              const r = thisRep(m);
              if (r) infoMismatches[m] = await compareOutputs(r.artifacts, bRef.artifacts, [m === 'c' ? 'pybuild' : 'inproc', 'fresh']);
            }
          }
          for (const m of methods) failureSamples[m] = failuresOf(thisRep(m));
        }
        for (const m of order) {
          const r = thisRep(m);
          if (r && r !== bRef) r.artifacts = []; // compared: free the memory
        }
      }
      const br: BackendReport = {
        label: backend.label,
        spec: backend.spec.raw,
        projects: projects.length,
        notRenderable,
        family: backend.family,
        version: backend.version,
        python: backend.python,
        pythonVersion: backend.pythonVersion ?? 'unknown',
        benchEnvVersions: env?.versions,
        methods,
        runs: Object.fromEntries(methods.map((m) => [m, runs[m].map(({ artifacts: _a, ...rest }) => rest)])) as BackendReport['runs'],
        mismatches,
        infoMismatches,
        failureSamples,
      };
      report.backends.push(br);
      const nInstall = Number(values['install-wheels'] ?? 10);
      if (nInstall > 0) {
        const models = sampleModels(seed, nInstall * 4).filter((m) => canRenderFor(m, backend)).slice(0, nInstall);
        installRows.push({ label: backend.label, r: await benchInstall(backend, models, timeoutSec, log) });
      }
    }
    report.nodePeakRssMiB = process.resourceUsage().maxRSS / 1024;
  }

  if (doSoak) {
    const soakSpec = values['soak-backend'];
    let backend = soakSpec ? backends.find((b) => b.spec.raw === soakSpec) : backends[0];
    if (!backend && soakSpec) {
      const spec = parseSpec(soakSpec);
      if (!renderable.has(spec.family)) throw new ConfigError(`--soak-backend ${soakSpec}: no renderer for ${spec.family} yet`);
      backend = await resolveBackend(spec, { log });
    }
    const soakProjects = Math.ceil(soakBuilds / 2);
    const { projects } = projectsFor(seed + 1, backend!, soakProjects);
    log(`soak: ${soakBuilds} builds of (a) with ${backend!.label} on ${projects.length} projects ...`);
    report.soak = await runSoak(backend!, projects, soakBuilds, timeoutSec, log);
  }

  report.leftoverTempDirs = readdirSync(privateTmp).filter((n) => n.startsWith('twinbuild-'));
  report.totalSeconds = (performance.now() - started) / 1000;
  report.loadAvgEnd = loadavg();
  const text = renderReport(report) + (installRows.length ? `\n${renderInstallBench(installRows)}` : '');
  process.stdout.write(`${text}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values['update-docs']) {
    const parts = updateDocs(report);
    log(parts.length ? `updated docs/performance.md: ${parts.join(', ')}` : 'docs/performance.md has no markers for what this run measured; not updated');
  }
  if (mismatchFound) {
    process.stdout.write('\nFAIL: twinbuild\'s outputs differ from a fresh process\'s (see above)\n');
    return 1;
  }
  if (values['check-targets'] && report.backends.some((b) => targetsMissed(b).length > 0)) return 1;
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ConfigError) {
      process.stderr.write(`bench: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`bench: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    }
  },
);
