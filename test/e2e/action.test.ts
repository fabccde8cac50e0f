/**
 * `twinbuild action` as the GitHub Action's fuzz step runs it: inputs in
 * INPUT_* variables, outputs in $GITHUB_OUTPUT, a job summary, the report and
 * JUnit file in the output folder. (The composite action.yml around it only
 * installs, restores, uploads: see docs/nightly.md.)
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HATCHLING, SETUPTOOLS, tempDir, twinbuild } from './cli.js';

describe('twinbuild action', () => {
  it('a short real run: outputs, summary, report, JUnit; fail-on-findings decides the exit code', { timeout: 600_000 }, async () => {
    const cwd = await tempDir();
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: join(cwd, 'out.txt'),
      GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
      GITHUB_RUN_NUMBER: '7',
      INPUT_A: SETUPTOOLS,
      INPUT_B: HATCHLING,
      INPUT_RUNS: '2',
      'INPUT_FAIL-ON-FINDINGS': 'false',
    };
    await writeFile(env.GITHUB_OUTPUT, '');
    const r = await twinbuild(['action'], { cwd, env });
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(0);
    const outputs = await readFile(env.GITHUB_OUTPUT, 'utf8');
    expect(outputs).toMatch(/^exit-code=[01]$/m);
    expect(outputs).toMatch(/^findings=\d+$/m);
    expect(outputs).toContain('report=twinbuild-out/twinbuild.json');
    expect(existsSync(join(cwd, 'twinbuild-out', 'twinbuild.json'))).toBe(true);
    expect(existsSync(join(cwd, 'twinbuild-out', 'twinbuild.xml'))).toBe(true);
    expect(existsSync(join(cwd, 'twinbuild-out', 'twinbuild.html'))).toBe(true);
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('twinbuild');
    expect(r.stderr).toMatch(/twinbuild action: fuzz exit [01], \d+ finding\(s\)/);

    const bad = await twinbuild(['action'], { cwd, env: { ...env, INPUT_A: '' } });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('input a (backend spec A) is required');
  });
});
