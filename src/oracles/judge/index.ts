/**
 * The reference judge: pypa/packaging and trove-classifiers in a worker
 * process of twinbuild's own (see client.ts), and its codes (codes.ts).
 */
export { Judge, REFERENCE_KINDS, referenceVerdicts, startJudge, type JudgeOptions, type JudgeStart, type ReferenceKind, type ReferenceResult } from './client.js';
export { REFERENCE_CHECKS, referenceCheck, type ReferenceCheck } from './codes.js';
export { JUDGE_MIN_PYTHON, JUDGE_PINS, provisionJudge, type JudgeEnv } from './env.js';
