/**
 * Thrown for invalid options or updates. The monkey has no runtime dependencies, so this is a plain
 * Error with the same `code`/`hint` fields as Faultline's errors.
 */
export class MonkeyConfigError extends Error {
  readonly code = 'E_MONKEY_CONFIG';
  readonly hint?: string;
  /** Every problem found, "path: message". */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], hint?: string) {
    super(`invalid chaos monkey configuration: ${problems.join('; ')}`);
    this.name = 'MonkeyConfigError';
    this.problems = problems;
    this.hint = hint;
  }
}
