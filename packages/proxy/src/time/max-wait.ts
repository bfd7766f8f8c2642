/**
 * The longest wait the proxy accepts, in ms: 100 years (toxic durations, HTTP fault delays).
 * "Forever" in practice, yet finite and exact as a double. Longer than Node's timer limit, so
 * waits go through core's setLongTimeout or are capped at maxTimerMs and re-armed.
 */
export const MAX_WAIT_MS = 100 * 365.25 * 24 * 3_600_000;

/** Why a wait is out of range, or undefined when it is fine. */
export function waitProblem(name: string, ms: number): string | undefined {
  if (ms < 0) return `${name} must not be negative, got ${ms}`;
  if (ms > MAX_WAIT_MS) return `${name} must be at most ${MAX_WAIT_MS} ms (100 years), got ${ms}`;
  return undefined;
}
