/**
 * Errors that cross stage boundaries. A backend failing to build is *not* an
 * error (it is data: a HookOutcome with ok=false); these are for problems
 * with the user's input or the environment, which end a command.
 */

/** Bad flag, bad spec, bad corpus file, missing environment: exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The environment lacks something a backend needs (never a finding): exit code 2. */
export class EnvironmentError extends ConfigError {
  override readonly name = 'EnvironmentError' as 'ConfigError';
}
