import { UsageError } from '../errors/faultline-error.js';

const unitSeconds: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
};

/**
 * The longest wait Faultline accepts (pauses, timeouts, `--max-duration`, frequencies, fault
 * durations): 30 days. Longer than any experiment should run, and a bound that keeps typos such as
 * `1e400` or `25000d` from turning into an instant timer (Node's timers overflow past ~24.8 days;
 * waits longer than that are chunked, see setLongTimeout).
 */
export const maxWaitSeconds = 30 * 86400;

/**
 * The one place durations are parsed. Chaos Toolkit documents use seconds as numbers;
 * Faultline also accepts strings with units ("500ms", "30s", "2m", "1h30m").
 * Returns seconds. With `max`, a longer duration is refused (waits use maxWaitSeconds).
 */
export function parseDuration(value: unknown, what = 'duration', options: { max?: number } = {}): number {
  const seconds = readSeconds(value, what);
  if (options.max !== undefined && seconds > options.max)
    throw new UsageError(`${what}: ${String(value)} is longer than the maximum of ${describeSeconds(options.max)}`, {
      hint: `use at most ${describeSeconds(options.max)}`,
    });
  return seconds;
}

/** A wait or a timeout: a duration no longer than maxWaitSeconds. */
export function parseWait(value: unknown, what = 'duration'): number {
  return parseDuration(value, what, { max: maxWaitSeconds });
}

function describeSeconds(seconds: number): string {
  return seconds % 86400 === 0 ? `${seconds / 86400} days` : `${seconds}s`;
}

function readSeconds(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      throw new UsageError(`${what} must be a non-negative number of seconds, got ${value}`);
    return value;
  }
  if (typeof value !== 'string')
    throw new UsageError(`${what} must be a number of seconds or a duration string, got ${describeType(value)}`, {
      hint: 'use seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h',
    });
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = text.match(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi);
  if (!parts || parts.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    throw new UsageError(`${what}: cannot read "${value}" as a duration`, {
      hint: 'use seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h',
    });
  }
  let seconds = 0;
  for (const part of parts) {
    const [, amount, unit] = part.match(/(\d+(?:\.\d+)?)\s*([a-z]+)/i)!;
    const factor = unitSeconds[unit!.toLowerCase()];
    if (factor === undefined)
      throw new UsageError(`${what}: unknown unit "${unit}" in "${value}"`, { hint: 'units: ms, s, m, h, d, w' });
    seconds += Number(amount) * factor;
  }
  if (!Number.isFinite(seconds)) throw new UsageError(`${what}: "${value}" is not a finite duration`);
  return seconds;
}

function describeType(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value;
}

/** Same as parseDuration, in milliseconds. */
export function parseDurationMs(value: unknown, what?: string, options: { max?: number } = {}): number {
  return Math.round(parseDuration(value, what, options) * 1000);
}
