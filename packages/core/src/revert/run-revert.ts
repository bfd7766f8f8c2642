import type { ActivityContext } from '../activity/activity-context.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import type { PendingRevert } from './revert-spec.js';

/**
 * Runs one revert and records the outcome on it (status, time, error). Shared by the runner at
 * the end of a run and by `faultline revert <journal>` after a hard kill, so both undo a fault
 * the same way. Never throws: a failed revert is recorded and the next one still runs.
 */
export async function runRevert(
  revert: PendingRevert,
  resolver: ActivityResolver,
  ctx: ActivityContext,
  redact: (text: string) => string = (text) => text,
): Promise<PendingRevert> {
  try {
    const activity = await resolver.resolveRevert(revert);
    await activity.call(structuredClone(revert.arguments), { ...ctx, isRevert: true });
    revert.status = 'reverted';
    delete revert.error;
  } catch (error) {
    revert.status = 'failed';
    revert.error = redact((error as Error)?.message ?? String(error));
  }
  revert.reverted = new Date().toISOString();
  return revert;
}
