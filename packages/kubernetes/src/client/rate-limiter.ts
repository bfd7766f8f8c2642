/**
 * Client-side token bucket (like client-go's QPS/burst) combined with a cap on requests in flight,
 * so a bulk operation on thousands of objects cannot flood the API server.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly qps: number;
  private readonly burst: number;
  private readonly concurrency: number;

  constructor(options: { qps: number; burst: number; concurrency: number }) {
    this.qps = options.qps > 0 ? options.qps : Number.POSITIVE_INFINITY;
    this.burst = Math.max(1, options.burst);
    this.concurrency = Math.max(1, options.concurrency);
    this.tokens = this.burst;
  }

  /** Run `task` once a token and a concurrency slot are free. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquireSlot(signal);
    try {
      await this.acquireToken(signal);
      return await task();
    } finally {
      this.inFlight -= 1;
      this.waiting.shift()?.();
    }
  }

  private acquireSlot(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight += 1;
        resolve();
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async acquireToken(signal?: AbortSignal): Promise<void> {
    if (this.qps === Number.POSITIVE_INFINITY) return;
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.qps) * 1000);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, waitMs);
        signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
      });
    }
  }
}
