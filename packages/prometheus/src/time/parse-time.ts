import { UsageError } from '@faultline/core';
import { parseWindow } from './parse-window.js';

/**
 * A point in time as users write it in experiments: "now", "5 minutes ago", "now-5m", "in 2m",
 * an RFC 3339 / ISO date, or a Unix timestamp in seconds. Chaos Toolkit used dateparser for this;
 * we accept the forms people actually write and reject the rest with a clear message.
 */
export function parseTime(value: string | number | Date | undefined, now: Date = new Date(), what = 'time'): Date {
  if (value === undefined) return now;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return fromUnix(value, what);
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'now') return now;
  if (/^\d+(\.\d+)?$/.test(text)) return fromUnix(Number(text), what);
  const offset = relativeOffsetSeconds(text, what);
  if (offset !== undefined) return new Date(now.getTime() + offset * 1000);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const parsed = Date.parse(value.trim());
    if (!Number.isNaN(parsed)) return new Date(parsed);
  }
  throw new UsageError(`${what}: cannot read "${value}" as a time`, {
    hint: 'use "now", "5 minutes ago", "now-5m", an RFC 3339 date (2024-05-01T12:00:00Z) or a Unix timestamp',
  });
}

/** Seconds relative to now for "5m ago", "now - 5m", "-5m", "in 5m", "now+5m"; undefined if not relative. */
function relativeOffsetSeconds(text: string, what: string): number | undefined {
  let match = text.match(/^(.+?)\s+ago$/);
  if (match) return -parseWindow(match[1]!, what);
  match = text.match(/^in\s+(.+)$/);
  if (match) return parseWindow(match[1]!, what);
  match = text.match(/^(?:now\s*)?([-+])\s*(\d.*)$/);
  if (match) return (match[1] === '-' ? -1 : 1) * parseWindow(match[2]!, what);
  return undefined;
}

function fromUnix(seconds: number, what: string): Date {
  if (!Number.isFinite(seconds)) throw new UsageError(`${what}: ${seconds} is not a valid timestamp`);
  // Values this large are milliseconds (JavaScript's Date.now()), not seconds.
  return new Date(seconds > 1e11 ? seconds : seconds * 1000);
}

/** Prometheus API time parameter: Unix seconds with millisecond precision. */
export function toPromTime(date: Date): string {
  return (date.getTime() / 1000).toFixed(3);
}
