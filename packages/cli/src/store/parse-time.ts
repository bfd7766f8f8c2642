import { parseDuration, UsageError } from '@faultline/core';

/** `--since 7d` (that long ago) or an ISO date/time → ISO UTC. */
export function parseTime(value: string, flag: string, now = Date.now()): string {
  if (/^\d+(\.\d+)?\s*[a-z]+$/i.test(value.trim()))
    return new Date(now - parseDuration(value, flag) * 1000).toISOString();
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new UsageError(`${flag}: cannot read "${value}" as a time`, {
      code: 'E_USAGE_TIME',
      hint: 'a duration ago (7d, 12h) or a date (2026-01-31, 2026-01-31T12:00Z)',
    });
  return new Date(ms).toISOString();
}
