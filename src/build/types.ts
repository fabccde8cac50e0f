export const HOOKS = [
  'get_requires_for_build_wheel',
  'get_requires_for_build_sdist',
  'get_requires_for_build_editable',
  'prepare_metadata_for_build_wheel',
  'prepare_metadata_for_build_editable',
  'build_wheel',
  'build_sdist',
  'build_editable',
] as const;
export type HookName = (typeof HOOKS)[number];
/** Functions of twinbuild's own tools that a worker calls like hooks (src/install/_python/install_tool.py). */
export type ToolCallName = 'install_and_probe';

/** The kinds of HookError: the worker's (messages.schema.json, errorKind) and twinbuild's own bad-result. */
export const HOOK_ERROR_KINDS = [
  'exception', // the hook raised
  'system-exit', // the hook called sys.exit with a non-zero/str code
  'timeout', // killed after the per-hook timeout
  'crash', // the process died (signal, os._exit) without a result
  'missing-hook', // optional hook absent (data, not a failure of the backend)
  'bad-result', // the hook returned something the spec does not allow (e.g. a file that does not exist)
  'import-error', // the backend object could not be imported
] as const;
export type HookErrorKind = (typeof HOOK_ERROR_KINDS)[number];

export interface HookError {
  kind: HookErrorKind;
  message: string;
  traceback?: string;
  /**
   * After a failed build: what get_requires_for_build_* asked for that no
   * installed distribution provides (an environment problem, not a finding).
   */
  missing?: string[];
}

/** Outcome of one hook call. Failures are data, never exceptions. */
export type HookOutcome =
  | { ok: true; hook: HookName | ToolCallName; value: unknown; stdout: string; stderr: string; ms: number }
  | { ok: false; hook: HookName | ToolCallName; error: HookError; stdout: string; stderr: string; ms: number };

/** One artifact built by one backend. */
export type ArtifactResult =
  | { ok: true; kind: 'wheel' | 'sdist'; filename: string; bytes: Uint8Array; outcome: HookOutcome }
  | { ok: false; kind: 'wheel' | 'sdist'; error: HookError; outcome: HookOutcome };

export interface BuildResult {
  backendLabel: string;
  sdist: ArtifactResult;
  wheel: ArtifactResult;
  ms: number;
}
