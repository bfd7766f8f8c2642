import { parseDuration } from '@faultline/core';

const longUnits: Record<string, number> = { d: 24, day: 24, days: 24, w: 168, week: 168, weeks: 168 };

/**
 * A duration in seconds, as parseDuration reads it, plus the day and week units that Prometheus
 * windows and Chaos Toolkit's `compute_mean(window="1d")` use ("1d", "2 weeks").
 * Days and weeks are rewritten to hours before the one shared parser sees them.
 */
export function parseWindow(value: number | string, what = 'window'): number {
  if (typeof value === 'number') return parseDuration(value, what);
  const text = value.trim().replace(/^(an?)\s+/i, '1 ');
  const rewritten = text.replace(
    /(\d+(?:\.\d+)?)\s*(days?|d|weeks?|w)(?![a-z])/gi,
    (_match, amount: string, unit: string) => {
      return `${Number(amount) * longUnits[unit.toLowerCase()]!}h`;
    },
  );
  return parseDuration(rewritten, what);
}
