import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../src/backends/types.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const FAKE_BACKENDS = fileURLToPath(new URL('./fixtures/backends/', import.meta.url));

/** A Backend for one of the fake hook objects of test/fixtures/backends/tb_fake.py. */
export function fakeBackend(object: string, python = '/usr/bin/python3'): Backend {
  return {
    spec: { raw: `setuptools,backend=tb_fake:${object},path=${FAKE_BACKENDS}`, family: 'setuptools', paths: [FAKE_BACKENDS] },
    family: 'setuptools',
    version: '0',
    python,
    hook: { module: 'tb_fake', object },
    importPaths: [FAKE_BACKENDS],
    label: `tb_fake:${object}`,
  } as Backend;
}

/** True while `pid` exists and is not a zombie. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
