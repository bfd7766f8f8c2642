import type { ActivityContext } from '@faultline/core';

const firstSeen = new Map<string, Date>();

/**
 * When the current run started, for windows "over the experiment". Uses `runStartedAt` when the
 * engine provides it on the context; otherwise the first time this process saw the run id
 * (an SLO probe in the steady-state hypothesis first runs right at the start of the run).
 */
export function runStart(ctx: ActivityContext): Date {
  const provided = (ctx as ActivityContext & { runStartedAt?: string | Date }).runStartedAt;
  if (provided) return new Date(provided);
  let seen = firstSeen.get(ctx.runId);
  if (!seen) {
    seen = new Date();
    firstSeen.set(ctx.runId, seen);
  }
  return seen;
}
