import { longTimeout } from './long-timeout.js';

/** A timer, never a busy wait: the event loop keeps serving other requests meanwhile. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => longTimeout(resolve, ms));
}
