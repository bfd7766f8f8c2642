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
 * The one place durations are parsed. Chaos Toolkit documents use seconds as numbers;
 * Faultline also accepts strings with units ("500ms", "30s", "2m", "1h30m").
 * Returns seconds.
 */
export function parseDuration(value: number | string, what = 'duration'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      throw new UsageError(`${what} must be a non-negative number of seconds, got ${value}`);
    return value;
  }
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
  return seconds;
}

/** Same as parseDuration, in milliseconds. */
export function parseDurationMs(value: number | string, what?: string): number {
  return Math.round(parseDuration(value, what) * 1000);
}
