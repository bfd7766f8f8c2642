import type { OrderCalls, Upstreams } from './order-calls.js';
import { postJson } from './post-json.js';

/**
 * The shop as first written (the seed's Phase 4 findings): no timeout (a slow payment holds the
 * order as long as it likes), no retry (one failed call fails the order), no circuit breaker and
 * no fallback (a payment outage is an order outage).
 */
export function naiveCalls(upstreams: Upstreams): OrderCalls {
  return {
    async reserve(item) {
      await postJson(`${upstreams.inventory}/reserve`, item);
    },
    async pay(order) {
      const paid = await postJson(`${upstreams.payment}/pay`, order);
      return { status: 'PAID', id: String(paid.id) };
    },
    stats: () => ({ mode: 'naive' }),
    close() {},
  };
}
