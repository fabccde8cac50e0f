/** Rules for what poetry-core legitimately adds to its artifacts. */
import type { NormalizationRule } from '../types.js';

/** The shape of the setup.py poetry-core writes into sdists (by default before 1.5.0). */
export function isPoetryGeneratedSetupPy(text: string): boolean {
  return (
    /^# -\*- coding: utf-8 -\*-\nfrom setuptools import setup\n/.test(text) &&
    /\nsetup_kwargs = \{\n/.test(text) &&
    /\nsetup\(\*\*setup_kwargs\)\n?$/.test(text)
  );
}

export const poetryGeneratedSetupPy: NormalizationRule = {
  name: 'poetry-generated-setup-py',
  level: 'semantic',
  artifacts: ['sdist'],
  doc: "The setup.py that poetry-core generates into sdists (generate-setup-file, on by default before 1.5.0) is ignored when the project has none of its own.",
  apply: (members, ctx) => {
    if (ctx.inputs === undefined || 'setup.py' in ctx.inputs) return members;
    const drop = (p: string, text: string | null): boolean => p === 'setup.py' && text !== null && isPoetryGeneratedSetupPy(text);
    return members.filter((m) => !drop(m.path, m.text));
  },
};
