import type { ActivityContext } from '../activity/activity-context.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import { abortableSleep } from '../util/abortable-sleep.js';
import type { PendingRevert } from './revert-spec.js';

export interface RevertRetry {
  /** Tries in all (default 3). Reverts are idempotent, so trying again is always safe. */
  attempts?: number;
  /** Wait before the second try, doubled for each next one (default 250 ms, at most 5 s). */
  backoffMs?: number;
}

/**
 * Runs one revert and records the outcome on it (status, time, tries, error). Shared by the runner
 * at the end of a run, `faultline revert <journal>` and `faultline stop`, so every path undoes a
 * fault the same way. A failure is retried with backoff (an API server answering 429 or 500 for a
 * moment must not leave a fault behind). Never throws: a failed revert is recorded and the next
 * one still runs.
 */
export async function runRevert(
  revert: PendingRevert,
  resolver: ActivityResolver,
  ctx: ActivityContext,
  redact: (text: string) => string = (text) => text,
  retry: RevertRetry = {},
): Promise<PendingRevert> {
  const attempts = Math.max(1, retry.attempts ?? 3);
  let wait = retry.backoffMs ?? 250;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    revert.attempts = attempt;
    try {
      const activity = await resolver.resolveRevert(revert);
      await activity.call(structuredClone(revert.arguments), { ...ctx, isRevert: true });
      revert.status = 'reverted';
      delete revert.error;
      break;
    } catch (error) {
      revert.status = 'failed';
      revert.error = redact((error as Error)?.message ?? String(error));
      if (attempt < attempts && !ctx.signal.aborted) await abortableSleep(wait, ctx.signal);
      wait = Math.min(wait * 2, 5_000);
    }
  }
  revert.reverted = new Date().toISOString();
  return revert;
}
