import { inputText } from '../text.js';
import type { NormalizationRule } from '../types.js';

/** Files a renderer writes differently for each backend family. */
export const CONFIG_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py', 'MANIFEST.in'];
export const UNCHANGED_CONFIG = '<backend configuration, copied unchanged from the project>\n';

export const familyConfigFiles: NormalizationRule = {
  name: 'family-config-files',
  level: 'content',
  artifacts: ['sdist'],
  doc: 'An sdist\'s pyproject.toml, setup.cfg, setup.py or MANIFEST.in equal to the project\'s own copy compares equal to the other backend\'s own copy (each family is configured in its own way).',
  apply: (members, ctx) => {
    const inputs = ctx.inputs;
    if (!inputs) return members;
    return members.map((m) => {
      if (!CONFIG_FILES.includes(m.path)) return m;
      const input = inputs[m.path];
      const text = inputText(input);
      return text !== null && text === m.text ? { ...m, text: UNCHANGED_CONFIG, data: new TextEncoder().encode(UNCHANGED_CONFIG) } : m;
    });
  },
};
