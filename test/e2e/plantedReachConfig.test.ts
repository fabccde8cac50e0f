/**
 * Issue #12 (reach): the generator's config settings (`ProjectModel.configSettings`)
 * reach the hooks of a real setuptools 80.9.0. A planted bug in that area
 * (build_wheel drops its config_settings, so `--build-option=--build-number=N`
 * gives no build tag; test/fixtures/backends/tb_planted_reach.py) is found by
 * `fuzz` (property `diff`, the real backend as A), shrunk to a project whose
 * only optional part is the config settings, and saved; the real backend
 * compared with itself passes the same run, which did generate the feature
 * (asserted through --stats). The spec property checks the build tag the
 * model asks for against the wheel's file name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, seedWhere, plantedFuzz, type PlantedRun } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted_reach:${name},path=${FAKE_BACKENDS}`;

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const FEATURE = 'config-settings:build-number';
const TIMEOUT = 400_000;
// The first generated project (for setuptools 80.9.0) has a build number.
const SEED = String(seedWhere([{ family: 'setuptools', version: '80.9.0' }], (m) => m.configSettings?.buildNumber !== undefined));

describe('config settings: build_wheel drops its config_settings', () => {
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', SETUPTOOLS, '--b', planted('settings_dropped_from_build_wheel'), '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', SETUPTOOLS, '--b', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a project whose only optional part is the build number', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['configSettings']);
    expect(model.configSettings?.buildNumber).toBe('0');
    // The difference is the build tag: in the wheel's file name and WHEEL's Build field; the sdists are equal.
    const names = f.differences.find((d) => d.kind === 'filename');
    expect(names?.a).toBe('a-0-0-py3-none-any.whl');
    expect(names?.b).toBe('a-0-py3-none-any.whl');
    expect(f.differences.some((d) => d.path === '{dist-info}/WHEEL' && d.kind === 'content')).toBe(true);
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
  });

  it('the real setuptools passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.features?.[FEATURE] ?? 0).toBeGreaterThan(0);
  });
});

describe('config settings: the spec property checks the build tag the model asks for', () => {
  it('the planted backend alone: a wheel without the build tag is a spec finding about it', { timeout: TIMEOUT }, async () => {
    const run = await plantedFuzz(['--property', 'spec', '--a', planted('settings_dropped_from_build_wheel'), '--seed', SEED, '--runs', '1']);
    expect(run.r.exitCode, run.r.stderr).toBe(1);
    const f = run.rep.findings[0]!;
    expect(f.property).toBe('spec');
    expect(optionalParts(run.entries[0]!.model)).toEqual(['configSettings']);
    expect(f.differences).toEqual([expect.objectContaining({ kind: 'filename', a: 'a-0-py3-none-any.whl', b: 'build tag 0 (config settings --build-number=0)' })]);
  });

  it('the real setuptools passes the same spec run', { timeout: TIMEOUT }, async () => {
    const run = await plantedFuzz(['--property', 'spec', '--a', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
    expect(run.r.exitCode, run.r.stdout).toBe(0);
    expect(run.rep.features?.[FEATURE] ?? 0).toBeGreaterThan(0);
  });
});
