import { ActivityFailedError, FaultlineError } from '../errors/faultline-error.js';
import type { Activity, Tolerance } from '../model/experiment.js';
import { isPlainObject } from '../substitution/is-plain-object.js';
import { formatValue } from './format-value.js';
import { jsonPathQuery } from './json-path-query.js';
import { pythonEquals, pythonIn, pythonTruthy } from './python-equals.js';
import { pythonRegex } from './python-regex.js';
import type { SafeRegex } from '../regex/safe-regex.js';

export interface ToleranceResult {
  met: boolean;
  /** Why the tolerance was not met, for the journal and the terminal. */
  reason?: string;
}

export interface CheckToleranceOptions {
  /** Chaos Toolkit substitutes string tolerances, regex patterns, JSONPath paths and `expect`. */
  substitute?: (value: unknown) => unknown;
  /**
   * Runs a probe used as a tolerance. It receives a copy of the probe whose
   * `provider.arguments.value` is the checked value (as Chaos Toolkit does), and the value itself.
   */
  runProbe?: (probe: Activity, value: unknown) => Promise<unknown>;
}

const met: ToleranceResult = { met: true };
const notMet = (reason: string): ToleranceResult => ({ met: false, reason });

/**
 * Checks a probe's output against its tolerance with Chaos Toolkit's rules (hypothesis.py's
 * `within_tolerance`). Never throws for a value that does not fit the tolerance: the reason says why.
 *
 * Differences from Chaos Toolkit, on purpose:
 * - regex/range on a value of the wrong kind is "not met" with a reason instead of a crash;
 * - a 2-element list is an inclusive range only when both bounds are numbers (Chaos Toolkit also
 *   range-compares two strings, so `["ok", "degraded"]` never matched "ok"); otherwise membership;
 * - a non-integer number tolerance compares by equality (Chaos Toolkit ignores float tolerances).
 */
export async function checkTolerance(
  tolerance: Tolerance,
  value: unknown,
  options: CheckToleranceOptions = {},
): Promise<ToleranceResult> {
  const substitute = options.substitute ?? ((v: unknown) => v);

  if (typeof tolerance === 'boolean') {
    return pythonEquals(value, tolerance) ? met : notMet(`expected ${tolerance}, got ${formatValue(value)}`);
  }
  if (typeof tolerance === 'number') {
    if (hasStatus(value)) {
      return pythonEquals(value.status, tolerance)
        ? met
        : notMet(`status ${formatValue(value.status)} is not ${tolerance}`);
    }
    return pythonEquals(value, tolerance) ? met : notMet(`value ${formatValue(value)} is not ${tolerance}`);
  }
  if (typeof tolerance === 'string') {
    const expected = substitute(tolerance);
    // "${expected_status}" may become a number or a list: then it is checked as one (Chaos Toolkit
    // substitutes before dispatching on the tolerance's type).
    if (typeof expected !== 'string' && expected !== tolerance) {
      return checkTolerance(expected as Tolerance, value, { ...options, substitute: (v: unknown) => v });
    }
    return pythonEquals(value, expected) ? met : notMet(`value ${formatValue(value)} is not ${formatValue(expected)}`);
  }
  if (Array.isArray(tolerance)) return checkList(tolerance, value);
  if (isPlainObject(tolerance)) {
    const kind = (tolerance as Record<string, unknown>).type;
    switch (kind) {
      case 'probe':
        return checkProbe(tolerance as unknown as Activity, value, options);
      case 'regex':
        return checkRegex(tolerance as Record<string, unknown>, value, substitute);
      case 'jsonpath':
        return checkJsonPath(tolerance as Record<string, unknown>, value, substitute);
      case 'range':
        return checkRange(tolerance as Record<string, unknown>, value);
      default:
        return notMet(`tolerance type ${formatValue(kind)} is unsupported (use probe, regex, jsonpath or range)`);
    }
  }
  return notMet(`unsupported tolerance ${formatValue(tolerance)}`);
}

function hasStatus(value: unknown): value is Record<string, unknown> & { status: unknown } {
  return isPlainObject(value) && 'status' in value;
}

function checkList(tolerance: readonly unknown[], value: unknown): ToleranceResult {
  if (hasStatus(value)) {
    return pythonIn(value.status, tolerance)
      ? met
      : notMet(`status ${formatValue(value.status)} not in ${formatValue(tolerance)}`);
  }
  const [low, high] = tolerance;
  if (tolerance.length === 2 && typeof low === 'number' && typeof high === 'number') {
    const n = typeof value === 'boolean' ? Number(value) : value;
    if (typeof n !== 'number' || Number.isNaN(n)) {
      return notMet(`value ${formatValue(value)} is not a number, cannot check it against range [${low}, ${high}]`);
    }
    return low <= n && n <= high ? met : notMet(`value ${formatValue(value)} outside range [${low}, ${high}]`);
  }
  return pythonIn(value, tolerance) ? met : notMet(`value ${formatValue(value)} not in ${formatValue(tolerance)}`);
}

/** Chaos Toolkit's `value.get(target, value)`: the target key of a dict output, else the value itself. */
function pickTarget(value: unknown, target: unknown): unknown {
  if (
    typeof target === 'string' &&
    target !== '' &&
    isPlainObject(value) &&
    Object.prototype.hasOwnProperty.call(value, target)
  ) {
    return value[target];
  }
  return value;
}

function checkRegex(
  tolerance: Record<string, unknown>,
  value: unknown,
  substitute: (v: unknown) => unknown,
): ToleranceResult {
  const pattern = substitute(tolerance.pattern);
  if (typeof pattern !== 'string') return notMet(`regex tolerance needs a string pattern, got ${formatValue(pattern)}`);
  let rx: SafeRegex;
  try {
    rx = pythonRegex(pattern);
  } catch (error) {
    return notMet((error as Error).message);
  }
  const subject = pickTarget(value, tolerance.target);
  if (typeof subject !== 'string') {
    const hint =
      isPlainObject(subject) && tolerance.target === undefined ? ' (set "target" to "body", "stdout" or "stderr")' : '';
    const where = tolerance.target === undefined ? 'the value' : `target ${formatValue(tolerance.target)}`;
    return notMet(
      `regex /${pattern}/ needs a string but ${where} is ${kindOf(subject)}: ${formatValue(subject)}${hint}`,
    );
  }
  return rx.test(subject) ? met : notMet(`${formatValue(subject)} does not match /${pattern}/`);
}

function checkJsonPath(
  tolerance: Record<string, unknown>,
  value: unknown,
  substitute: (v: unknown) => unknown,
): ToleranceResult {
  const path = substitute(tolerance.path);
  if (typeof path !== 'string' || path.trim() === '')
    return notMet(`jsonpath tolerance needs a non-empty path, got ${formatValue(path)}`);
  let subject = pickTarget(value, tolerance.target);
  if (subject instanceof Uint8Array) subject = new TextDecoder().decode(subject);
  if (typeof subject === 'string') {
    try {
      subject = JSON.parse(subject) as unknown;
    } catch {
      // Not JSON: query the string as is (it will match only `$`), as Chaos Toolkit does.
    }
  }
  let values: unknown[];
  try {
    values = jsonPathQuery(path, subject);
  } catch (error) {
    return notMet(`JSONPath ${path} cannot be evaluated: ${(error as Error).message}`);
  }
  if ('expect' in tolerance) {
    const expect = substitute(tolerance.expect);
    const wanted = Array.isArray(expect) ? expect : [expect];
    return pythonEquals(values, wanted)
      ? met
      : notMet(`JSONPath ${path} found ${formatValue(values)} but expected ${formatValue(wanted)}`);
  }
  const count = tolerance.count;
  if (count !== undefined && count !== null) {
    return values.length === count
      ? met
      : notMet(`JSONPath ${path} matched ${values.length} value(s), expected ${formatValue(count)}`);
  }
  return values.length > 0 ? met : notMet(`JSONPath ${path} matched nothing in ${formatValue(subject)}`);
}

function checkRange(tolerance: Record<string, unknown>, value: unknown): ToleranceResult {
  const range = tolerance.range;
  if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'number' || typeof range[1] !== 'number') {
    return notMet(`range tolerance needs "range": [min, max] of numbers, got ${formatValue(range)}`);
  }
  const [low, high] = range as [number, number];
  const subject = pickTarget(value, tolerance.target);
  const n = toDecimal(subject);
  if (n === undefined)
    return notMet(`range [${low}, ${high}] needs a number, got ${kindOf(subject)} ${formatValue(subject)}`);
  return low <= n && n <= high ? met : notMet(`value ${formatValue(subject)} outside range [${low}, ${high}]`);
}

/** What Python's `Decimal(value)` accepts: numbers, booleans and numeric strings (with spaces). */
function toDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  if (/^[+-]?(?:inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return undefined;
}

async function checkProbe(probe: Activity, value: unknown, options: CheckToleranceOptions): Promise<ToleranceResult> {
  const name = typeof probe.name === 'string' ? probe.name : 'tolerance probe';
  if (!options.runProbe) return notMet(`probe tolerance "${name}" cannot run here (no probe runner)`);
  const copy = structuredClone(probe);
  const provider = copy.provider as unknown as Record<string, unknown> | undefined;
  if (provider && (provider.arguments === undefined || isPlainObject(provider.arguments))) {
    provider.arguments = { ...((provider.arguments as Record<string, unknown> | undefined) ?? {}), value };
  }
  let output: unknown;
  try {
    output = await options.runProbe(copy, value);
  } catch (error) {
    // Chaos Toolkit turns a failing tolerance probe into "not met"; errors that are not the
    // activity's fault (interruption, an unresolvable provider) propagate to the runner.
    if (error instanceof FaultlineError && !(error instanceof ActivityFailedError)) throw error;
    return notMet(`probe tolerance "${name}" failed: ${(error as Error)?.message ?? String(error)}`);
  }
  return pythonTruthy(output) ? met : notMet(`probe tolerance "${name}" returned ${formatValue(output)}`);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
