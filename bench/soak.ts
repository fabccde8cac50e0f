/**
 * Memory soak: a long run of twinbuild's runner (method (a)) on many distinct
 * projects, sampling the Node process's RSS and heap and the hook worker's
 * RSS, and counting open descriptors, leftover `twinbuild-*` temporary
 * folders and leftover hook processes before and after.
 */
import type { Backend } from '../src/backends/types.js';
import { startRunner } from '../src/cli/backendSetup.js';
import type { FileMap } from '../src/render/fileMap.js';
import { childrenOf, findWorkerPid, openFds, procStatusKb, twinbuildTempDirs } from './proc.js';
import { median } from './stats.js';

export interface SoakSample {
  builds: number;
  seconds: number;
  nodeRssMiB: number;
  nodeHeapMiB: number;
  workerRssMiB: number | undefined;
  workerFds: number | undefined;
}

export interface SoakResult {
  backend: string;
  builds: number;
  projects: number;
  seconds: number;
  failures: number;
  restarts: number;
  samples: SoakSample[];
  fds: { before: number | undefined; afterStart: number | undefined; after: number | undefined; afterClose: number | undefined };
  tempDirs: { before: number; after: number; afterClose: number; leftover: string[] };
  /** Processes the worker still had as children after the last build (leftover hook processes). */
  workerChildrenAfter: number | undefined;
  workerPid: number | undefined;
  workerHwmMiB: number | undefined;
  nodePeakRssMiB: number;
  node: QuarterCompare;
  worker: QuarterCompare | undefined;
}

export interface QuarterCompare {
  firstQuarterMiB: number;
  lastQuarterMiB: number;
  growthMiB: number;
  flat: boolean;
}

const MiB = (kb: number | undefined): number | undefined => (kb === undefined ? undefined : kb / 1024);

/** Flat: the last quarter's median RSS is within max(8 MiB, 10 %) of the first quarter's. */
export function compareQuarters(values: number[]): QuarterCompare {
  const q = Math.max(1, Math.floor(values.length / 4));
  const first = median(values.slice(0, q));
  const last = median(values.slice(-q));
  const growth = last - first;
  return { firstQuarterMiB: first, lastQuarterMiB: last, growthMiB: growth, flat: growth <= Math.max(8, first * 0.1) };
}

export async function runSoak(
  backend: Backend,
  projects: FileMap[],
  builds: number,
  timeoutSec: number,
  log: (line: string) => void,
): Promise<SoakResult> {
  const tempBefore = twinbuildTempDirs();
  const fdsBefore = openFds();
  const runner = await startRunner(backend);
  const pid = findWorkerPid(backend.hook.module);
  const fdsAfterStart = openFds();
  const samples: SoakSample[] = [];
  const every = 20; // builds between samples
  let failures = 0;
  let done = 0;
  const start = performance.now();
  const sample = (): void => {
    const mem = process.memoryUsage();
    samples.push({
      builds: done,
      seconds: (performance.now() - start) / 1000,
      nodeRssMiB: mem.rss / 2 ** 20,
      nodeHeapMiB: mem.heapUsed / 2 ** 20,
      workerRssMiB: pid === undefined ? undefined : MiB(procStatusKb(pid, 'VmRSS')),
      workerFds: pid === undefined ? undefined : openFds(pid),
    });
  };
  sample();
  let i = 0;
  while (done < builds) {
    const files = projects[i++ % projects.length]!;
    const r = await runner.build(files, { timeoutSec, inProcess: true }); // as a fuzz run searches: the worker itself runs the hooks
    failures += (r.sdist.ok ? 0 : 1) + (r.wheel.ok ? 0 : 1);
    done += 2;
    if (done % every === 0) sample();
    if (done % 200 === 0) log(`soak: ${done}/${builds} builds, ${((performance.now() - start) / 1000).toFixed(0)}s, node RSS ${samples.at(-1)!.nodeRssMiB.toFixed(1)} MiB, worker RSS ${samples.at(-1)!.workerRssMiB?.toFixed(1) ?? '?'} MiB`);
  }
  const seconds = (performance.now() - start) / 1000;
  const fdsAfter = openFds();
  const tempAfter = twinbuildTempDirs();
  const workerChildrenAfter = pid === undefined ? undefined : childrenOf(pid).length;
  const workerHwmMiB = pid === undefined ? undefined : MiB(procStatusKb(pid, 'VmHWM'));
  const restarts = runner.restarts;
  await runner.close();
  const fdsAfterClose = openFds();
  const tempAfterClose = twinbuildTempDirs();
  const before = new Set(tempBefore);
  const workerRss = samples.map((s) => s.workerRssMiB).filter((v): v is number => v !== undefined);
  return {
    backend: backend.label,
    builds: done,
    projects: Math.min(projects.length, i),
    seconds,
    failures,
    restarts,
    samples,
    fds: { before: fdsBefore, afterStart: fdsAfterStart, after: fdsAfter, afterClose: fdsAfterClose },
    tempDirs: { before: tempBefore.length, after: tempAfter.length, afterClose: tempAfterClose.length, leftover: tempAfterClose.filter((n) => !before.has(n)) },
    workerChildrenAfter,
    workerPid: pid,
    workerHwmMiB,
    nodePeakRssMiB: process.resourceUsage().maxRSS / 1024,
    node: compareQuarters(samples.map((s) => s.nodeRssMiB)),
    worker: workerRss.length ? compareQuarters(workerRss) : undefined,
  };
}
