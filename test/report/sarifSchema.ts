/** A validator of the official SARIF 2.1.0 schema (draft-04, vendored: test/fixtures/sarif/SOURCE.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url)), 'utf8')) as object;
// CommonJS packages: under NodeNext their default export is the module object.
const ajv = new AjvModule.default({ allErrors: true, strict: false });
formatsModule.default(ajv);

export const validateSarif = ajv.compile(schema);
