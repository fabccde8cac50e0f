/** Rules for what uv_build legitimately adds to its artifacts. */
import { inputText } from '../text.js';
import type { NormalizationRule } from '../types.js';

export const uvPyprojectOrig: NormalizationRule = {
  name: 'uv-pyproject-orig',
  level: 'semantic',
  artifacts: ['sdist'],
  doc: "The pyproject.toml.orig that uv_build adds to sdists next to its TOML 1.0 rewrite of pyproject.toml is ignored when it is the project's own pyproject.toml.",
  apply: (members, ctx) => {
    const inputs = ctx.inputs;
    if (inputs === undefined || 'pyproject.toml.orig' in inputs) return members;
    const own = inputs['pyproject.toml'];
    const text = inputText(own);
    if (text === null) return members;
    return members.filter((m) => !(m.path === 'pyproject.toml.orig' && m.text === text));
  },
};
