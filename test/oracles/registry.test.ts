/**
 * The registry of spec checks and its documentation: stable, unique codes;
 * one docs/rules/CODE.md page per code whose title, severity and
 * specification match the check; every code indexed in docs/rules/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checksFor, SPEC_CHECKS } from '../../src/oracles/index.js';

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
      ...Array.from({ length: 18 }, (_, i) => `W${String(i + 1).padStart(3, '0')}`),
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

describe('docs/rules', () => {
  for (const check of SPEC_CHECKS) {
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
    for (const check of SPEC_CHECKS) expect(readme).toContain(`| [${check.code}](${check.code}.md) | ${check.severity} |`);
    const pages = readdirSync(RULES).filter((f) => f !== 'README.md');
    expect(pages.sort()).toEqual(SPEC_CHECKS.map((c) => `${c.code}.md`).sort());
  });
});
