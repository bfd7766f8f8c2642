import { MonkeyError } from '../errors/monkey-error.js';

/** Thrown for invalid options or updates, listing every problem at once. */
export class MonkeyConfigError extends MonkeyError {
  /** Every problem found, "path: message". */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], hint = 'see docs/monkey.md for every option and its range') {
    super(`invalid chaos monkey configuration: ${problems.join('; ')}`, { code: 'E_MONKEY_CONFIG', hint });
    this.problems = problems;
  }
}
