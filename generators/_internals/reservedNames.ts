/** Names a generated import name must never take: see `src/model/reservedNames.ts`. */
export {
  BUILD_TOOL_MODULES,
  PROJECT_RESERVED_NAMES,
  PYTHON_KEYWORDS,
  STDLIB_MODULES,
  isReservedImportName,
} from '../../src/model/reservedNames.js';
