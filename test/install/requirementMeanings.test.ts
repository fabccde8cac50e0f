import { execa } from 'execa';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../src/_internals/packageRoot.js';
import { installerEnv } from '../../src/install/installWheel.js';

/** requirement_meanings of install_tool.py, run in the installer environment (pinned installer and packaging). */
async function meanings(requirements: string[], extras: string[]): Promise<Record<string, { marker?: string; error?: string }>> {
  const tool = await installerEnv();
  const dir = dirname(packageFile('src', 'install', '_python', 'install_tool.py'));
  const code = `import json, sys; sys.path.insert(0, ${JSON.stringify(dir)}); import install_tool; print(json.dumps(install_tool.requirement_meanings(${JSON.stringify(requirements)}, ${JSON.stringify(extras)})))`;
  const r = await execa(tool.python, ['-I', '-c', code]);
  return JSON.parse(r.stdout) as Record<string, { marker?: string; error?: string }>;
}

describe('install_tool: requirement meanings', () => {
  // setuptools 80.9.0, 200 runs of `install`, seed 15: an extra named "0" (a valid PEP 685 name) made
  // every install "fail": pinned packaging 25.0 evaluates `extra == "0"` as a version comparison and raises
  // InvalidVersion for the no-extra environment (extra ""). That is the reference's own limit, not the wheel's.
  it('evaluates a marker that packaging 25.0 cannot evaluate in some environments, instead of failing the install', async () => {
    const req = 'a-a; extra == "0"';
    const out = await meanings([req], ['0']);
    const marker = out[req]?.marker ?? '';
    expect(out[req]?.error).toBeUndefined();
    // One cell per environment: the no-extra environments are unknown ("E"), the extra "0" ones hold.
    expect(marker).toMatch(/^[01E]+$/);
    expect(marker).toContain('E');
    expect(marker).toContain('1');
    expect(marker).not.toContain('0');
  }, 120_000);

  it('still tells apart markers that differ where packaging can evaluate them', async () => {
    const a = 'a-a; extra == "0"';
    const b = 'a-a; extra == "1"';
    const out = await meanings([a, b], ['0', '1']);
    expect(out[a]?.marker).not.toEqual(out[b]?.marker);
  }, 120_000);
  // uv_build 0.13.6, 200 runs of `install`, seed 15: uv writes `u; python_version >= "3.6" or
  // python_version != "3.6"` as `u` (the marker holds everywhere). A requirement without a marker holds in
  // every environment, so the two mean the same; an empty meaning made this a false `metadata` finding.
  it('gives a requirement without a marker the meaning of a marker that always holds', async () => {
    const plain = 'u';
    const always = 'u; python_version >= "3.6" or python_version != "3.6"';
    const sometimes = 'u; python_version >= "3.6"';
    const out = await meanings([plain, always, sometimes], ['x']);
    expect(out[plain]?.marker).toMatch(/^1+$/);
    expect(out[plain]?.marker).toEqual(out[always]?.marker);
    expect(out[plain]?.marker).not.toEqual(out[sometimes]?.marker);
  }, 120_000);
});
