import { parseCron } from './cron-expression.js';

const maxTimeout = 2 ** 31 - 1;

/** Calls `fire` at every time the cron expression matches, until the returned function is called. */
export function cronTimer(expression: string, fire: () => void): () => void {
  const cron = parseCron(expression);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (at: Date | undefined) => {
    if (stopped || at === undefined) return;
    const wait = at.getTime() - Date.now();
    // Timers cannot wait longer than ~24.8 days: hop until close enough.
    timer = setTimeout(
      () => {
        if (wait > maxTimeout) return arm(at);
        fire();
        arm(cron.next(new Date()));
      },
      Math.min(Math.max(wait, 0), maxTimeout),
    );
    timer.unref();
  };
  arm(cron.next(new Date()));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
