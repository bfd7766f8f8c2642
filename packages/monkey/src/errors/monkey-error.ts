/** Where Faultline's errors record their class brands (a global symbol: no import needed). */
const brandsKey = Symbol.for('@faultline/core/error-brands');

/** Exit code of bad input, as `exitCodes.invalid` in @faultline/core (docs/exit-codes.md). */
const invalidInput = 64;

/**
 * Base of the errors a user of the monkey can cause (bad options, a missing token). The monkey has
 * no runtime dependencies, so it cannot extend @faultline/core's `UsageError`; it carries the same
 * `code`, `exitCode` and `hint` and records the same brands, so core's `instanceof UsageError`
 * (and `instanceof FaultlineError`) recognise it and the CLI prints it with its hint and exits 64.
 */
export class MonkeyError extends Error {
  readonly code: string;
  readonly exitCode = invalidInput;
  readonly hint?: string;

  constructor(message: string, options: { code: string; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.hint = options.hint;
    Object.defineProperty(this, brandsKey, { value: ['UsageError', 'FaultlineError'] });
  }
}
