import { exitCodes, type ExitCode } from './exit-codes.js';

/**
 * Base of every error Faultline raises on purpose. `code` is stable (scripts and docs match on it),
 * `exitCode` is what the CLI exits with, `hint` tells the user what to do next.
 */
export class FaultlineError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint?: string;

  constructor(
    message: string,
    options: { code?: string; exitCode?: ExitCode; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'E_FAULTLINE';
    this.exitCode = options.exitCode ?? exitCodes.failed;
    this.hint = options.hint;
  }
}

/** Bad input from the user: an experiment, a flag, a settings file. Nothing was run. */
export class UsageError extends FaultlineError {
  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_USAGE', exitCode: exitCodes.invalid, ...options });
  }
}

/** An activity failed while running; recorded in the journal as the entry's exception. */
export class ActivityFailedError extends FaultlineError {
  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_ACTIVITY_FAILED', exitCode: exitCodes.failed, ...options });
  }
}

/** The run was stopped from outside (signal, control, timeout). */
export class InterruptedError extends FaultlineError {
  constructor(message = 'run interrupted', options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_INTERRUPTED', exitCode: exitCodes.interrupted, ...options });
  }
}
