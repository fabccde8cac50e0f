import { describe, expect, it } from 'vitest';
import { compareOutputs } from '../../bench/compareOutputs.js';
import { fsType } from '../../bench/machine.js';
import { runFresh, runInProcess, runTwinbuild, type MethodContext } from '../../bench/methods.js';
import { compareQuarters } from '../../bench/soak.js';
import { median, quantile } from '../../bench/stats.js';
import { fakeBackend } from '../helpers.js';

describe('bench helpers', () => {
  it('computes medians, quantiles and the flat-memory verdict', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(compareQuarters([50, 51, 50, 52, 50, 51, 50, 51]).flat).toBe(true);
    expect(compareQuarters([50, 50, 60, 70, 80, 90, 100, 100]).flat).toBe(false);
  });

  it('finds the filesystem type of a path', () => {
    expect(fsType('/proc/self')).toBe('proc');
  });
});

describe('bench methods', () => {
  it('(a), (b) and (d) build the same artifacts with a fake backend, and report their costs', async () => {
    const projects = [1, 2].map((n) => ({ 'pyproject.toml': `[project]\nname = "fake"\nversion = "1.${n}"\n` }));
    const ctx: MethodContext = { backend: fakeBackend('ok'), projects, timeoutSec: 30 };
    const a = await runTwinbuild(ctx);
    const b = await runFresh(ctx);
    const d = await runInProcess(ctx);
    for (const r of [a, b, d]) {
      expect(r.builds).toBe(4);
      expect(r.failures).toBe(0);
      expect(r.cpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(a.worker?.pid).toBeGreaterThan(0);
    expect(a.perBuild).toHaveLength(2);
    expect(d.hookMs).toHaveLength(4);
    expect(await compareOutputs(a.artifacts, b.artifacts, ['a', 'b'])).toEqual([]);
    expect(await compareOutputs(d.artifacts, b.artifacts, ['d', 'b'])).toEqual([]);
    // and the check does see a difference: project 1's sdist against project 2's
    const swapped = await compareOutputs(a.artifacts, [...b.artifacts].reverse(), ['a', 'b']);
    expect(swapped.map((m) => [m.project, m.artifact])).toContainEqual([0, 'sdist']);
  });
});
