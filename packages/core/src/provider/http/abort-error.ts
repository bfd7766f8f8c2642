import { InterruptedError } from '../../errors/faultline-error.js';

/** The error to throw when an activity's signal fires: the run's own reason when it gave one. */
export function abortError(signal: AbortSignal, what: string): Error {
  const reason = signal.reason as unknown;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason;
  return new InterruptedError(`${what} interrupted`, { cause: reason });
}
