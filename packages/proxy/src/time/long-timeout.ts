/**
 * The longest wait the proxy accepts, in ms: 100 years (toxic durations, HTTP fault delays).
 * "Forever" in practice, yet finite and exact as a double.
 */
export const MAX_WAIT_MS = 100 * 365.25 * 24 * 3_600_000;

/** Node's timers hold at most 2^31 - 1 ms; a longer delay fires after 1 ms (with a warning). */
export const TIMER_LIMIT_MS = 2 ** 31 - 1;

export interface LongTimeout {
  clear(): void;
}

/**
 * setTimeout for any delay up to MAX_WAIT_MS: waits longer than Node's timer limit are chained
 * in chunks under it, so nothing fires early and a huge delay costs one timer, not a poll.
 */
export function setLongTimeout(callback: () => void, ms: number): LongTimeout {
  const due = performance.now() + Math.min(ms, MAX_WAIT_MS);
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = due - performance.now();
    timer = left > TIMER_LIMIT_MS ? setTimeout(arm, TIMER_LIMIT_MS) : setTimeout(callback, Math.max(0, left));
  };
  arm();
  return { clear: () => clearTimeout(timer) };
}

/** Why a duration attribute is out of range, or undefined when it is fine. */
export function waitProblem(name: string, ms: number): string | undefined {
  if (ms < 0) return `${name} must not be negative, got ${ms}`;
  if (ms > MAX_WAIT_MS) return `${name} must be at most ${MAX_WAIT_MS} ms (100 years), got ${ms}`;
  return undefined;
}
