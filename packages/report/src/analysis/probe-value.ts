import type { Tolerance } from '@faultline/core';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * The number a tolerance judged in a probe's output, for charting: the output itself, the
 * tolerance's `target` key (e.g. `body`), or an HTTP status when the tolerance is a status code.
 */
export function probeValue(output: unknown, tolerance: Tolerance | undefined): number | undefined {
  const direct = asNumber(output);
  if (direct !== undefined) return direct;
  if (!isObject(output)) return undefined;
  if (isObject(tolerance) && typeof tolerance.target === 'string') {
    const targeted = asNumber(output[tolerance.target]);
    if (targeted !== undefined) return targeted;
  }
  if (typeof tolerance === 'number' || Array.isArray(tolerance)) return asNumber(output.status);
  return asNumber(output.body) ?? asNumber(output.value);
}

/** The [low, high] band of a range tolerance, when the tolerance is one. */
export function toleranceRange(tolerance: Tolerance | undefined): [number, number] | undefined {
  if (!isObject(tolerance) || tolerance.type !== 'range' || !Array.isArray(tolerance.range)) return undefined;
  const [low, high] = tolerance.range as unknown[];
  return typeof low === 'number' && typeof high === 'number' ? [low, high] : undefined;
}

/** Tolerance in a few words: "200", "between 0 and 0.8 (body)", "matches /ok/". */
export function describeTolerance(tolerance: Tolerance | undefined): string {
  if (tolerance === undefined) return 'no tolerance (must not fail)';
  if (typeof tolerance !== 'object' || tolerance === null) return JSON.stringify(tolerance);
  if (Array.isArray(tolerance)) return `one of ${JSON.stringify(tolerance)}`;
  const target = 'target' in tolerance && typeof tolerance.target === 'string' ? ` (${tolerance.target})` : '';
  if (tolerance.type === 'range')
    return Array.isArray(tolerance.range)
      ? `between ${tolerance.range[0]} and ${tolerance.range[1]}${target}`
      : JSON.stringify(tolerance);
  if (tolerance.type === 'regex') return `matches /${tolerance.pattern}/${target}`;
  if (tolerance.type === 'jsonpath') {
    const expect = tolerance.expect === undefined ? '' : ` = ${JSON.stringify(tolerance.expect)}`;
    return `${tolerance.path}${expect}${target}`;
  }
  if (tolerance.type === 'probe' || tolerance.type === 'action') return `probe ${tolerance.name}`;
  return JSON.stringify(tolerance);
}
