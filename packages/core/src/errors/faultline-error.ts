import { exitCodes, type ExitCode } from './exit-codes.js';

/** Where an error records the brands of its class chain (a global symbol, shared by every copy). */
const brandsKey = Symbol.for('@faultline/core/error-brands');

/**
 * Base of every error Faultline raises on purpose. `code` is stable (scripts and docs match on it),
 * `exitCode` is what the CLI exits with, `hint` tells the user what to do next.
 */
export class FaultlineError extends Error {
  /** Stable class identity for `instanceof` across copies of this package (see below). */
  static readonly brand: string = 'FaultlineError';
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint?: string;

  constructor(message: string, options: { code?: string; exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'E_FAULTLINE';
    this.exitCode = options.exitCode ?? exitCodes.failed;
    this.hint = options.hint;
    const brands: string[] = [];
    for (
      let ctor = new.target as { brand?: string } | null;
      ctor && ctor !== Error;
      ctor = Object.getPrototypeOf(ctor)
    ) {
      if (Object.prototype.hasOwnProperty.call(ctor, 'brand') && ctor.brand) brands.push(ctor.brand);
    }
    Object.defineProperty(this, brandsKey, { value: brands });
  }

  /**
   * `instanceof` also recognises errors from another copy of @faultline/core — a user's module
   * that imports it beside the bundled CLI — by the brands recorded on the error, not by prototype.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Only classes that declare their own brand are recognised this way (a subclass inheriting
    // its parent's brand must not match every error of the parent class).
    if (!Object.prototype.hasOwnProperty.call(this, 'brand')) return false;
    const brands =
      typeof value === 'object' && value !== null ? (value as Record<symbol, unknown>)[brandsKey] : undefined;
    return Array.isArray(brands) && brands.includes((this as { brand?: string }).brand);
  }
}

/** Bad input from the user: an experiment, a flag, a settings file. Nothing was run. */
export class UsageError extends FaultlineError {
  static override readonly brand: string = 'UsageError';
  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_USAGE', exitCode: exitCodes.invalid, ...options });
  }
}

/** An activity failed while running; recorded in the journal as the entry's exception. */
export class ActivityFailedError extends FaultlineError {
  static override readonly brand: string = 'ActivityFailedError';
  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_ACTIVITY_FAILED', exitCode: exitCodes.failed, ...options });
  }
}

/** The run was stopped from outside (signal, control, timeout). */
export class InterruptedError extends FaultlineError {
  static override readonly brand: string = 'InterruptedError';
  constructor(message = 'run interrupted', options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_INTERRUPTED', exitCode: exitCodes.interrupted, ...options });
  }
}
