import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../src/build/hookWorker.js';
import { withSettings } from '../../src/cli/backendSetup.js';
import { parseSpec } from '../../src/backends/parseSpec.js';

describe('config_settings of a hook call', () => {
  it('the spec gives the base, the call overrides per key; none at all is null', () => {
    expect(mergeSettings(undefined, undefined)).toBeNull();
    expect(mergeSettings({ a: '1', b: ['x', 'y'] }, { b: '2' })).toEqual({ a: '1', b: '2' });
    expect(mergeSettings(undefined, { c: '' })).toEqual({ c: '' });
  });

  it('-C KEY=VALUE becomes part of the spec (so reports and corpus files record it)', () => {
    const raw = withSettings('hatchling==1.27.0', ['a=1', 'a=2']);
    expect(raw).toBe('hatchling==1.27.0,config=a=1,config=a=2');
    expect(parseSpec(raw).configSettings).toEqual({ a: ['1', '2'] });
    expect(withSettings('flit', undefined)).toBe('flit');
    expect(() => withSettings('flit', ['a=1,2'])).toThrow(/cannot hold a comma/);
    expect(() => withSettings('flit', ['=1'])).toThrow(/expected KEY=VALUE/);
  });
});
