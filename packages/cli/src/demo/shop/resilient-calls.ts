import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  CircuitState,
  circuitBreaker,
  fallback,
  handleAll,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type { OrderCalls, Upstreams } from './order-calls.js';
import { postJson } from './post-json.js';

/**
 * The fixed shop, with cockatiel's policies as the seed's Phase 4 improvements:
 * payment: timeout 200 ms per attempt → circuit breaker (opens after 3 consecutive failures,
 * half-opens after 2 s) → 2 retries with exponential backoff → a fallback that queues the payment
 * and answers PENDING (the seed's `processPaymentFallback`). A background drain charges queued
 * payments once payment answers again. inventory: 600 ms timeout, 3 retries with backoff.
 * Worst case for one order ≈ 3 × 200 ms + backoff < the 1.5 s the steady state allows.
 */
export function resilientCalls(upstreams: Upstreams): OrderCalls {
  const backoff = (initialDelay: number) => new ExponentialBackoff({ initialDelay, maxDelay: 150 });
  const breaker = circuitBreaker(handleAll, { halfOpenAfter: 2000, breaker: new ConsecutiveBreaker(3) });
  const payment = wrap(
    // An open circuit is an answer, not a transient error: go straight to the fallback.
    retry(
      handleWhen((error) => !(error instanceof BrokenCircuitError)),
      { maxAttempts: 2, backoff: backoff(25) },
    ),
    breaker,
    timeout(200, TimeoutStrategy.Aggressive),
  );
  const inventory = wrap(
    retry(handleAll, { maxAttempts: 3, backoff: backoff(25) }),
    timeout(600, TimeoutStrategy.Aggressive),
  );
  const queue: Array<{ orderId: string; amount: number }> = [];
  let queued = 0;
  let drained = 0;
  let draining = false;

  // Charge queued payments in the background, through the same breaker, once payment answers again.
  const drain = setInterval(async () => {
    if (draining || !queue.length) return;
    draining = true;
    try {
      while (queue.length) {
        await payment.execute(({ signal }) => postJson(`${upstreams.payment}/pay`, queue[0], signal));
        queue.shift();
        drained++;
      }
    } catch {
      // still down: try again on the next tick
    } finally {
      draining = false;
    }
  }, 500);
  drain.unref();

  return {
    async reserve(item) {
      await inventory.execute(({ signal }) => postJson(`${upstreams.inventory}/reserve`, item, signal));
    },
    async pay(order) {
      const queueIt = fallback(handleAll, () => {
        queue.push(order);
        queued++;
        return { status: 'PENDING' as const };
      });
      return queueIt.execute(async () => {
        const paid = await payment.execute(({ signal }) => postJson(`${upstreams.payment}/pay`, order, signal));
        return { status: 'PAID' as const, id: String(paid.id) };
      });
    },
    stats: () => ({ mode: 'resilient', circuit: CircuitState[breaker.state], queued, drained, waiting: queue.length }),
    close: () => clearInterval(drain),
  };
}
