/** The backend stage: spec string -> resolved Backend (see DESIGN.md, "Backend specs"). */
export * from './types.js';
export { parseSpec, formatHook, isDottedName, SPEC_SYNTAX } from './parseSpec.js';
export { FAMILY_INFO, familyInfo, type FamilyInfo, type FamilyImpl, type HookRef } from './families.js';
export {
  findPython,
  probePython,
  pythonCandidates,
  clearProbeCache,
  MIN_PYTHON,
  type FindPythonOptions,
  type PythonProbe,
  type FamilyProbe,
  type PythonCandidate,
} from './findPython.js';
export {
  provisionVersion,
  prepareLocation,
  listManagedEnvs,
  explainPipFailure,
  type ManagedEnv,
  type EnvMarker,
  type ProvisionOptions,
  type PreparedLocation,
} from './provision.js';
export { resolveBackend, type ResolveOptions } from './resolveBackend.js';
export { listBackends, type ListOptions } from './listBackends.js';
export { twinbuildHome } from './paths.js';
