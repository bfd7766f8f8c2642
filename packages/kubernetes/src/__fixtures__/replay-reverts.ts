import type { ActivityContext } from '@faultline/core';
import type { TestContext } from '@faultline/core/testing';
import { driver } from '../activities/kubernetes-driver.js';

/** Run the reverts a test context recorded and the activity did not withdraw, newest first, as the engine does. */
export async function replayReverts(ctx: TestContext, revertCtx: ActivityContext): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const revert of [...ctx.reverts].reverse()) {
    if (revert.done) continue;
    const activity = driver.activities.find((candidate) => candidate.name === revert.func);
    if (!activity) throw new Error(`revert names unknown activity ${revert.func}`);
    results.push(await activity.run(activity.arguments.parse(revert.arguments), revertCtx));
  }
  return results;
}
