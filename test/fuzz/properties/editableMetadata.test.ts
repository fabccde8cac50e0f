/**
 * The `metadata` property's view of an editable wheel's METADATA: the wheel's,
 * but for the Requires-Dist fields it adds (PEP 660). Leaving the text alone
 * otherwise matters: hatchling 1.33.0 writes a bare `Import-Name` line for
 * `import-names = []` (docs/live-bugs.md), identical in both wheels, which a
 * re-serialized copy turned into `: Import-Name` and reported as a difference
 * (a false finding of the 2026-12-03 campaign, seed 31,
 * `metadata|wheel:content:build_editable:dist-info/METADATA`).
 */
import { describe, expect, it } from 'vitest';
import { withoutAddedRequirements } from '../../../src/fuzz/properties/metadata.js';

const WHEEL = 'Metadata-Version: 2.5\nName: a\nVersion: 0\nRequires-Dist: b>=1\n';

describe('withoutAddedRequirements', () => {
  it('drops the requirements the wheel lacks and keeps the rest as written', () => {
    const editable = 'Metadata-Version: 2.5\nName: a\nVersion: 0\nRequires-Dist: b>=1\nRequires-Dist: editables~=0.3\n';
    expect(withoutAddedRequirements(editable, WHEEL)).toBe(WHEEL);
  });

  it('leaves a text with no added requirement exactly as it is, malformed lines and all', () => {
    const bare = 'Metadata-Version: 2.5\nName: a\nVersion: 0\nImport-Name\n';
    expect(withoutAddedRequirements(bare, bare)).toBe(bare);
    const folded = 'Metadata-Version: 2.1\nName: a\nVersion: 0\nLicense: line one\n        line two\n\nbody\n';
    expect(withoutAddedRequirements(folded, folded)).toBe(folded);
  });

  it('drops an added requirement without touching a malformed line or a folded value beside it', () => {
    const wheel = 'Metadata-Version: 2.5\nName: a\nImport-Name\nLicense: one\n two\n\nbody\n';
    const editable = 'Metadata-Version: 2.5\nName: a\nImport-Name\nRequires-Dist: editables\nLicense: one\n two\n\nbody\n';
    expect(withoutAddedRequirements(editable, wheel)).toBe(wheel);
  });

  it('keeps Requires-Dist lines of the body (only the header block holds fields)', () => {
    const editable = 'Metadata-Version: 2.5\nName: a\nRequires-Dist: editables\n\nRequires-Dist: x\n';
    expect(withoutAddedRequirements(editable, 'Metadata-Version: 2.5\nName: a\n\nRequires-Dist: x\n')).toBe('Metadata-Version: 2.5\nName: a\n\nRequires-Dist: x\n');
  });
});
