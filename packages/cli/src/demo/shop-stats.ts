import type { Shop } from './shop/start-shop.js';

/** What the resilient orders replicas did about payment: queued payments and how many were charged later. */
export async function shopStats(shop: Shop): Promise<string> {
  let queued = 0;
  let drained = 0;
  let waiting = 0;
  for (const replica of shop.processes().filter((p) => p.name.startsWith('orders'))) {
    try {
      const stats = (await (await fetch(`${replica.url}/api/stats`, { signal: AbortSignal.timeout(1000) })).json()) as {
        queued?: number;
        drained?: number;
        waiting?: number;
      };
      queued += stats.queued ?? 0;
      drained += stats.drained ?? 0;
      waiting += stats.waiting ?? 0;
    } catch {
      // a replica restarting: its counts are gone with it
    }
  }
  return `payments queued while payment was slow or down: ${queued}; charged later from the queue: ${drained}; still queued: ${waiting}`;
}
