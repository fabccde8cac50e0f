import { fieldsOf, first } from '../../pep/coreMetadata.js';
import { licenseExpressionProblem } from '../lib/spdx.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const licenseExpression: SpecCheck = {
  code: 'M008',
  title: 'License-Expression is a valid, case-normalized SPDX expression, without a differing License or license classifiers',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.licenseExpression,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const expression = first(meta.parsed, 'license-expression');
    if (expression === undefined) return [];
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path: meta.path, message });
    const problem = licenseExpressionProblem(expression);
    if (problem !== null) add(`License-Expression ${quote(expression)} is not a valid license expression: ${problem}`);
    const license = first(meta.parsed, 'license');
    if (license !== undefined && license.trim() !== expression.trim()) {
      add(`License ${quote(license)} is given with License-Expression ${quote(expression)}; with a License-Expression, License must be absent or identical`);
    }
    for (const field of fieldsOf(meta.parsed, 'classifier')) {
      if (/^License\s*::/.test(field.value.trim())) add(`Classifier ${quote(field.value.trim())} (line ${field.line}) is a license classifier; they must not be used with License-Expression`);
    }
    return findings;
  },
};
