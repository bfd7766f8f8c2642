import { longTimeout } from '../util/long-timeout.js';
import { parseCron } from './cron-expression.js';

/** Calls `fire` at every time the cron expression matches, until the returned function is called. */
export function cronTimer(expression: string, fire: () => void): () => void {
  const cron = parseCron(expression);
  let cancel = () => {};
  let stopped = false;
  const arm = (at: Date | undefined) => {
    if (stopped || at === undefined) return;
    // The next match may be further away than one timer can wait (yearly crons): chunked.
    cancel = longTimeout(
      () => {
        fire();
        arm(cron.next(new Date()));
      },
      at.getTime() - Date.now(),
      { unref: true },
    );
  };
  arm(cron.next(new Date()));
  return () => {
    stopped = true;
    cancel();
  };
}
