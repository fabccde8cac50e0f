import { describe, expect, it } from 'vitest';
import { importNameComparisonForm, importNameValueForm, parseImportName } from '../../src/pep/importName.js';

describe('PEP 794 import names', () => {
  it('reads the `; private` annotation with any white space around the semicolon', () => {
    for (const v of ['a.b;private', 'a.b; private', 'a.b ; private', ' a.b  ;  private ']) {
      expect(parseImportName(v)).toEqual({ name: 'a.b', private: true });
    }
    expect(parseImportName('a.b')).toEqual({ name: 'a.b', private: false });
    expect(parseImportName('')).toEqual({ name: '', private: false });
  });

  it('is no entry with another annotation', () => {
    expect(parseImportName('a; public')).toBeNull();
    expect(importNameValueForm('a; public ')).toBe('a; public');
  });

  it('compares marked and unmarked names apart, but not names private by convention', () => {
    expect(importNameComparisonForm({ name: 'a', private: true })).toBe('a; private');
    expect(importNameComparisonForm({ name: 'a', private: false })).toBe('a');
    expect(importNameComparisonForm({ name: '_a', private: true })).toBe('_a');
    expect(importNameComparisonForm({ name: 'a._b', private: true })).toBe('a._b');
    expect(importNameValueForm('_a ; private')).toBe(importNameValueForm('_a'));
    expect(importNameValueForm('a ; private')).not.toBe(importNameValueForm('a'));
  });
});
