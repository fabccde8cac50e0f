import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

const TYPES = new Set(['text/plain', 'text/x-rst', 'text/markdown']);

export const descriptionContentType: SpecCheck = {
  code: 'M014',
  title: 'Description-Content-Type is text/plain, text/x-rst or text/markdown, with charset UTF-8 if any',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.descriptionContentType,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'description-content-type')) {
      const add = (message: string): void => void findings.push({ path: meta.path, message: `Description-Content-Type ${quote(field.value)} (line ${field.line}): ${message}` });
      const [type = '', ...params] = field.value.split(';');
      if (!TYPES.has(type.trim().toLowerCase())) add(`'${type.trim()}' is not text/plain, text/x-rst or text/markdown`);
      for (const param of params) {
        const eq = param.indexOf('=');
        if (eq < 0) {
          if (param.trim() !== '') add(`parameter '${param.trim()}' is not name=value`);
          continue;
        }
        const key = param.slice(0, eq).trim().toLowerCase();
        const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
        if (key === 'charset' && value.toLowerCase() !== 'utf-8') add(`charset '${value}' is not UTF-8, the only legal value`);
      }
    }
    return findings;
  },
};
