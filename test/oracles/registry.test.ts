/**
 * The registry of spec checks and its documentation: stable, unique codes;
 * one docs/rules/CODE.md page per code whose title, severity and
 * specification match the check; every code indexed in docs/rules/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checksFor, SPEC_CHECKS } from '../../src/oracles/index.js';
import { REFERENCE_CHECKS } from '../../src/oracles/judge/index.js';

const RULES = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

describe('SPEC_CHECKS', () => {
  it('has unique codes whose letter says which artifact they apply to', () => {
    const codes = SPEC_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const check of SPEC_CHECKS) {
      expect(check.code).toMatch(/^[AWSM][0-9]{3}$/);
      const expected = { A: 'both', W: 'wheel', S: 'sdist', M: 'both' }[check.code[0] as 'A' | 'W' | 'S' | 'M'];
      expect(check.artifact, check.code).toBe(expected);
      expect(check.spec, check.code).toMatch(/^https:\/\/(packaging\.python\.org\/en\/latest\/specifications\/|peps\.python\.org\/)/);
      expect(check.title.length, check.code).toBeGreaterThan(10);
      expect(check.title, check.code).not.toContain('\n');
      expect(['error', 'warning']).toContain(check.severity);
    }
  });

  it('keeps the published numbering', () => {
    expect(SPEC_CHECKS.map((c) => c.code)).toEqual([
      'A001',
      ...Array.from({ length: 19 }, (_, i) => `W${String(i + 1).padStart(3, '0')}`),
      ...Array.from({ length: 7 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`),
      ...Array.from({ length: 14 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`),
    ]);
  });

  it('selects the checks of each artifact', () => {
    expect(checksFor('wheel').map((c) => c.code[0])).not.toContain('S');
    expect(checksFor('sdist').map((c) => c.code[0])).not.toContain('W');
    expect(checksFor('wheel').length + checksFor('sdist').length).toBe(SPEC_CHECKS.length + SPEC_CHECKS.filter((c) => c.artifact === 'both').length);
  });
});

describe('REFERENCE_CHECKS (the judge worker\'s P codes)', () => {
  it('has unique codes P001.. numbered in order, none shared with SPEC_CHECKS', () => {
    expect(REFERENCE_CHECKS.map((c) => c.code)).toEqual(Array.from({ length: REFERENCE_CHECKS.length }, (_, i) => `P${String(i + 1).padStart(3, '0')}`));
    const own = new Set(SPEC_CHECKS.map((c) => c.code));
    for (const check of REFERENCE_CHECKS) {
      expect(own.has(check.code)).toBe(false);
      expect(check.spec, check.code).toMatch(/^https:\/\/(packaging\.python\.org\/en\/latest\/specifications\/|peps\.python\.org\/)/);
      expect(['wheel', 'sdist', 'both']).toContain(check.artifact);
      expect(['error', 'warning']).toContain(check.severity);
    }
  });

  it('are the codes the worker script can report, and no other', () => {
    const script = readFileSync(fileURLToPath(new URL('../../src/oracles/judge/_python/twinbuild_judge.py', import.meta.url)), 'utf8');
    const reported = new Set([...script.matchAll(/"(P\d{3})"/g)].map((m) => m[1]));
    expect([...reported].sort()).toEqual(REFERENCE_CHECKS.map((c) => c.code));
  });
});

describe('docs/rules', () => {
  for (const check of [...SPEC_CHECKS, ...REFERENCE_CHECKS]) {
    it(`documents ${check.code}`, () => {
      const file = `${RULES}${check.code}.md`;
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${check.code}: ${check.title}`);
      expect(text).toContain(`- **Severity:** ${check.severity}`);
      expect(text).toContain(`(${check.spec})`);
      for (const section of ['## What it checks', '## Why it matters', '## Example', '## How to fix']) expect(text).toContain(section);
      expect(text).toMatch(new RegExp(`\`\`\`text\\n${check.code} ${check.severity} `));
    });
  }

  it('indexes every code in README.md and has no page for an unknown code', () => {
    const readme = readFileSync(`${RULES}README.md`, 'utf8');
    const all = [...SPEC_CHECKS, ...REFERENCE_CHECKS];
    for (const check of all) expect(readme).toContain(`| [${check.code}](${check.code}.md) | ${check.severity} |`);
    const pages = readdirSync(RULES).filter((f) => f !== 'README.md');
    expect(pages.sort()).toEqual(all.map((c) => `${c.code}.md`).sort());
  });
});
