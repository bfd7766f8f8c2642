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
  /** One abort listener per signal, whatever the number of waiting tasks (no listener pile-up). */
  private readonly abortHandlers = new Map<AbortSignal, Set<() => void>>();
  private readonly abortListeners = new Map<AbortSignal, () => void>();

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

  private onAbort(signal: AbortSignal | undefined, handler: () => void): () => void {
    if (!signal) return () => {};
    let handlers = this.abortHandlers.get(signal);
    if (!handlers) {
      const set = new Set<() => void>();
      const listener = () => {
        this.abortHandlers.delete(signal);
        for (const fn of set) fn();
      };
      handlers = set;
      this.abortHandlers.set(signal, set);
      this.abortListeners.set(signal, listener);
      signal.addEventListener('abort', listener, { once: true });
    }
    handlers.add(handler);
    const owned = handlers;
    return () => {
      owned.delete(handler);
      if (owned.size === 0 && this.abortHandlers.get(signal) === owned) {
        // Nobody waits on this signal any more: drop the listener so signals are not kept alive.
        this.abortHandlers.delete(signal);
        signal.removeEventListener('abort', this.abortListeners.get(signal)!);
        this.abortListeners.delete(signal);
      }
    };
  }

  private acquireSlot(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        unwatch();
        this.inFlight += 1;
        resolve();
      };
      const unwatch = this.onAbort(signal, () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      });
      this.waiting.push(grant);
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
        const timer = setTimeout(() => {
          unwatch();
          resolve();
        }, waitMs);
        const unwatch = this.onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal!.reason);
        });
      });
    }
  }
}
