import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';
import { mapLimited } from './map-limited.js';

describe('RateLimiter', () => {
  it('caps requests in flight', async () => {
    const limiter = new RateLimiter({ qps: 0, burst: 1, concurrency: 3 });
    let inFlight = 0;
    let peak = 0;
    const results = await mapLimited(
      Array.from({ length: 20 }, (_, i) => i),
      limiter,
      async (i) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        if (i === 7) throw new Error('seven');
        return i * 2;
      },
    );
    expect(peak).toBe(3);
    expect(results.filter((result) => result.error).map((result) => result.item)).toEqual([7]);
    expect(results[19]!.result).toBe(38);
  });

  it('spreads requests beyond the burst at the configured rate', async () => {
    const limiter = new RateLimiter({ qps: 50, burst: 5, concurrency: 100 });
    const start = Date.now();
    await mapLimited(
      Array.from({ length: 20 }, (_, i) => i),
      limiter,
      async () => undefined,
    );
    // 15 requests beyond the burst at 50/s need at least ~300 ms.
    expect(Date.now() - start).toBeGreaterThanOrEqual(250);
  });

  it('stops waiting when aborted', async () => {
    const limiter = new RateLimiter({ qps: 1, burst: 1, concurrency: 1 });
    const controller = new AbortController();
    await limiter.run(async () => undefined);
    const pending = limiter.run(async () => 'late', controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
