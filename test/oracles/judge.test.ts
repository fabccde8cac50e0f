/**
 * The reference judge (src/oracles/judge/): pinned pypa/packaging and
 * trove-classifiers in a worker process of twinbuild's own. It catches what
 * the TypeScript checks let through (the three disagreements of issue #14),
 * stays silent on correct artifacts, answers reference requests for every
 * kind, and has a lifecycle a run can rely on (independent instances, a dead
 * worker turns into `failure` rather than an exception, a bad interpreter
 * into a one-line reason).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSdist, checkWheel } from '../../src/oracles/index.js';
import { Judge, JUDGE_PINS, referenceVerdicts, startJudge } from '../../src/oracles/judge/index.js';
import { DEFAULT_METADATA, sdistView, wheelView } from './fixtures/artifacts.js';
import { addLines, at, found, setField } from './helpers.js';

const METADATA = 'foo_bar-1.0.dist-info/METADATA';
const PKG_INFO = 'foo_bar-1.0/PKG-INFO';

let judge: Judge;

beforeAll(async () => {
  const started = await startJudge();
  if (!started.ok) throw new Error(`the judge must start for these tests (.ci/run provisions it): ${started.reason}`);
  judge = started.judge;
}, 600_000);

afterAll(async () => {
  await judge?.close();
});

describe('the judge reports what packaging rejects and the TypeScript checks accept', () => {
  it('a wheel named foo__bar-1.0-py3-none-any.whl: P001 (and, since src/pep follows packaging, our W001 too)', async () => {
    const view = await wheelView({ filename: 'foo__bar-1.0-py3-none-any.whl' });
    expect(found(checkWheel(view)).map((p) => p.code)).toContain('W001');
    const problems = await judge.judgeArtifact(view, 'wheel');
    expect(found(problems)).toEqual([at('P001', 'foo__bar-1.0-py3-none-any.whl')]);
    expect(problems[0]!.severity).toBe('error');
    expect(problems[0]!.message).toContain('parse_wheel_filename');
  });

  it.each(['Nonexistent-1.0', 'Apache-2.0 WITH Foo-exception'])('License-Expression: %s: P003 (our M008 passes it)', async (expression) => {
    const view = await wheelView({ metadata: setField(DEFAULT_METADATA, 'License-Expression', expression) });
    expect(found(checkWheel(view))).toEqual([]);
    const problems = await judge.judgeArtifact(view, 'wheel');
    expect(found(problems)).toEqual([at('P003', METADATA)]);
    expect(problems[0]!.message).toMatch(/^license-expression: /);
  });

  it('Description-Content-Type: text/markdown; variant=Foo: P003 (our M014 passes it)', async () => {
    const view = await sdistView({ files: { 'PKG-INFO': setField(DEFAULT_METADATA, 'Description-Content-Type', 'text/markdown; variant=Foo') } });
    expect(found(checkSdist(view))).toEqual([]);
    const problems = await judge.judgeArtifact(view, 'sdist');
    expect(found(problems)).toEqual([at('P003', PKG_INFO)]);
    expect(problems[0]!.message).toContain("not 'Foo'");
  });
});

describe('each reference check', () => {
  it('passes the correct test wheel and sdist', async () => {
    expect(await judge.judgeArtifact(await wheelView(), 'wheel')).toEqual([]);
    expect(await judge.judgeArtifact(await sdistView(), 'sdist')).toEqual([]);
  });

  it('P002: an sdist filename packaging cannot parse', async () => {
    expect(found(await judge.judgeArtifact(await sdistView({ filename: 'foo_bar-1.0-.tar.gz' }), 'sdist'))).toEqual([at('P002', 'foo_bar-1.0-.tar.gz')]);
  });

  it('P003: one problem per rejected field', async () => {
    const md = addLines(setField(setField(DEFAULT_METADATA, 'Requires-Python', '=>3.8'), 'Version', '1.0'), 'Requires-Dist: bar (>=1', 'Frobnicate: yes');
    const problems = await judge.judgeArtifact(await wheelView({ metadata: md }), 'wheel');
    expect(problems.map((p) => p.code)).toEqual(['P003', 'P003', 'P003']);
    expect(problems.map((p) => p.message.split(':')[0]).sort()).toEqual(['frobnicate', 'requires-dist', 'requires-python']);
  });

  it('P004: unknown and deprecated classifiers, but not Private ::', async () => {
    const md = addLines(DEFAULT_METADATA, 'Classifier: Private :: Do Not Upload', 'Classifier: Typing :: Typed', 'Classifier: Typing :: Typo', 'Classifier: Framework :: Django CMS :: 4.2');
    const problems = await judge.judgeArtifact(await wheelView({ metadata: md }), 'wheel');
    expect(found(problems)).toEqual([at('P004', METADATA), at('P004', METADATA)]);
    expect(problems[0]!.message).toContain("'Typing :: Typo' is not a trove classifier");
    expect(problems[1]!.message).toContain("'Framework :: Django CMS :: 4.2' is deprecated (use 'Framework :: Django CMS :: 5.0')");
  });

  it('P005: a marker that parses but cannot be evaluated', async () => {
    const problems = await judge.judgeArtifact(await wheelView({ metadata: addLines(DEFAULT_METADATA, 'Requires-Dist: bar; python_version ~= "3"') }), 'wheel');
    expect(found(problems)).toEqual([at('P005', METADATA)]);
    expect(problems[0]!.message).toContain('UndefinedComparison');
  });

  it('P006: a valid license expression not in canonical form', async () => {
    const problems = await judge.judgeArtifact(await wheelView({ metadata: setField(DEFAULT_METADATA, 'License-Expression', 'mit') }), 'wheel');
    expect(problems.filter((p) => p.code === 'P006')).toEqual([
      { code: 'P006', artifact: 'wheel', severity: 'error', path: METADATA, message: "License-Expression 'mit' is not in canonical form 'MIT'" },
    ]);
  });

  it('P007: compressed, unparseable and missing WHEEL tags', async () => {
    const wheel = (tags: string[]): string => `Wheel-Version: 1.0\nGenerator: t\nRoot-Is-Purelib: true\n${tags.map((t) => `Tag: ${t}\n`).join('')}`;
    const W = 'foo_bar-1.0.dist-info/WHEEL';
    const on = async (tags: string[], filename = 'foo_bar-1.0-py2.py3-none-any.whl') =>
      (await judge.judgeArtifact(await wheelView({ filename, wheel: wheel(tags) }), 'wheel')).map((p) => [p.code, p.path, p.message]);
    expect(await on(['py2-none-any', 'py3-none-any'])).toEqual([]);
    expect(await on(['py2.py3-none-any'])).toEqual([['P007', W, "Tag 'py2.py3-none-any' is compressed (2 tags); WHEEL lists expanded tags"]]);
    expect(await on(['py3-none-any'])).toEqual([['P007', W, "WHEEL tags differ from the filename's: missing py2-none-any"]]);
    expect((await on(['py3-none'])).map((p) => p[0])).toEqual(['P007']);
  });
});

describe('reference verdicts', () => {
  it('answers every kind with packaging\'s normal form or its error', async () => {
    expect(judge.versions).toEqual(JUDGE_PINS);
    const ok = (normal: unknown) => ({ ok: true, normal });
    const bad = expect.objectContaining({ ok: false, error: expect.any(String) });
    expect(await referenceVerdicts(judge, 'name', ['Foo__Bar', 'a b'])).toEqual([ok('foo-bar'), bad]);
    expect(await referenceVerdicts(judge, 'version', ['1.0.0-RC1', '1.0+'])).toEqual([ok('1.0.0rc1'), bad]);
    expect(await referenceVerdicts(judge, 'specifier', ['>= 1.0 ,<2', '=>1'])).toEqual([ok('<2,>=1.0'), bad]);
    expect(await referenceVerdicts(judge, 'requirement', ['Foo [B,a] >=1; python_version<"3"', 'foo;'])).toEqual([ok('Foo[B,a]>=1; python_version < "3"'), bad]);
    expect(await referenceVerdicts(judge, 'marker', ["os_name=='nt' and extra == 'X'", 'os_name ='])).toEqual([ok('os_name == "nt" and extra == "x"'), bad]);
    expect(await referenceVerdicts(judge, 'license', ['mit or apache-2.0', 'Nonexistent-1.0'])).toEqual([ok('MIT OR Apache-2.0'), bad]);
    expect(await referenceVerdicts(judge, 'wheel_filename', ['Foo-1.0-1b-py2.py3-none-any.whl', 'foo__bar-1.0-py3-none-any.whl'])).toEqual([
      ok({ name: 'foo', version: '1.0', build: [1, 'b'], tags: ['py2-none-any', 'py3-none-any'] }),
      bad,
    ]);
    expect(await referenceVerdicts(judge, 'sdist_filename', ['foo_bar-1.0.tar.gz', 'foo.tar.gz'])).toEqual([ok({ name: 'foo-bar', version: '1.0' }), bad]);
    expect(await referenceVerdicts(judge, 'contains', [['>=1.0', '1.1a1'], ['<1', '1.0'], ['>=1', 'x']])).toEqual([ok(true), ok(false), bad]);
  });

  it('batches: one request judges many inputs, in order', async () => {
    const inputs = Array.from({ length: 2000 }, (_, i) => `${i}.${i % 7}`);
    const results = await judge.reference('version', inputs);
    expect(results.map((r) => (r.ok ? r.normal : null))).toEqual(inputs);
  });
});

describe('lifecycle', () => {
  it('two judges are independent: closing one leaves the other working', async () => {
    const second = await startJudge();
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    await second.judge.close();
    expect(second.judge.alive).toBe(false);
    expect(await judge.reference('name', ['A'])).toEqual([{ ok: true, normal: 'a' }]);
  });

  it('a worker that dies gives no problems and says why, and never throws from judgeArtifact', async () => {
    const other = await startJudge();
    if (!other.ok) throw new Error(other.reason);
    other.judge.killNow();
    await new Promise((r) => setTimeout(r, 200));
    expect(other.judge.alive).toBe(false);
    expect(await other.judge.judgeArtifact(await wheelView({ filename: 'foo__bar-1.0-py3-none-any.whl' }), 'wheel')).toEqual([]);
    expect(other.judge.failure).toMatch(/judge worker exited/);
    await expect(other.judge.reference('name', ['a'])).rejects.toThrow(/cannot answer/);
    await other.judge.close();
  });

  it('an interpreter without packaging: a one-line reason, not an exception', async () => {
    const r = await Judge.spawn('/usr/bin/python3');
    // Debian's python3 may have a packaging of its own; it must then be refused for its version, never used.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^the judge worker \(\/usr\/bin\/python3\) did not start: /);
    const none = await startJudge({ python: '/nonexistent/python3' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).not.toContain('\n');
  });
});
