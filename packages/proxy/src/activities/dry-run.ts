import type { ActivityContext } from '@faultline/core';

/** Under --dry, says what would be done and returns what the activity reports instead. */
export function dryRun(ctx: ActivityContext, what: string): { dry_run: true; would: string } | undefined {
  if (!ctx.dryRun) return undefined;
  ctx.logger.info(`dry run: would ${what}`);
  return { dry_run: true, would: what };
}
