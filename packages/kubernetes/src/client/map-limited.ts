import type { RateLimiter } from './rate-limiter.js';

export interface Settled<T, R> {
  item: T;
  result?: R;
  error?: unknown;
}

/**
 * Run `task` on every item through the limiter and collect each outcome (a failure on one item does
 * not stop the others: a bulk termination reports what it did and what it could not do).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limiter: RateLimiter,
  task: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<Array<Settled<T, R>>> {
  return Promise.all(
    items.map(async (item) => {
      try {
        return { item, result: await limiter.run(() => task(item), signal) };
      } catch (error) {
        return { item, error };
      }
    }),
  );
}
