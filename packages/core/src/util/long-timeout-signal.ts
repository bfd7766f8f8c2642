import { setLongTimeout } from './set-long-timeout.js';

/** AbortSignal.timeout for any delay (Node's own overflows past ~24.8 days and fires at once). */
export function longTimeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  setLongTimeout(() => controller.abort(new DOMException(`timed out after ${ms / 1000}s`, 'TimeoutError')), ms, {
    unref: true,
  });
  return controller.signal;
}
