import { UsageError } from '@faultline/core';

/**
 * Check a CronJob schedule with croner: five fields (Kubernetes has no seconds field) or a
 * nickname such as `@hourly`, and an IANA time zone when one is given.
 */
export async function checkCron(expression: string, timeZone?: string): Promise<void> {
  const { Cron } = await import('croner');
  const fields = expression.trim().split(/\s+/);
  if (!(
    fields.length === 5 ||
    (fields.length === 1 && /^@(yearly|annually|monthly|weekly|daily|hourly)$/.test(fields[0]!))
  ))
    throw new UsageError(
      `invalid cron expression "${expression}": a CronJob takes 5 fields (minute hour day month weekday)`,
      {
        hint: 'e.g. "0 10 * * 1-5" (10:00 on weekdays) or @hourly',
      },
    );
  try {
    new Cron(expression, { paused: true, ...(timeZone ? { timezone: timeZone } : {}) }).nextRun();
  } catch (error) {
    throw new UsageError(
      `invalid cron expression "${expression}"${timeZone ? ` in ${timeZone}` : ''}: ${(error as Error).message}`,
      {
        hint: 'five fields: minute hour day-of-month month day-of-week, e.g. "*/30 9-17 * * 1-5"',
      },
    );
  }
}

/** When the schedule fires next after `from` (undefined when it never does). */
export async function nextCronRun(expression: string, timeZone?: string, from = new Date()): Promise<Date | undefined> {
  const { Cron } = await import('croner');
  try {
    return (
      new Cron(expression, { paused: true, ...(timeZone ? { timezone: timeZone } : {}) }).nextRun(from) ?? undefined
    );
  } catch {
    return undefined;
  }
}
