import { describe, expect, it } from 'vitest';
import { longTimeout } from './long-timeout.js';

describe('longTimeout', () => {
  it('waits longer than one timer can by chaining chunks, and never fires early', async () => {
    const start = performance.now();
    const fired = await new Promise<number>((resolve) =>
      longTimeout(() => resolve(performance.now()), 120, { chunkMs: 25 }),
    );
    expect(fired - start).toBeGreaterThanOrEqual(118);
  });

  it('is cancelled by the function it returns, between chunks too', async () => {
    let fired = false;
    const cancel = longTimeout(() => (fired = true), 100, { chunkMs: 20 });
    await new Promise((r) => setTimeout(r, 50));
    cancel();
    await new Promise((r) => setTimeout(r, 150));
    expect(fired).toBe(false);
  });

  it('fires at once for zero and is not fooled by 2^31 ms and more', async () => {
    await new Promise<void>((resolve) => longTimeout(resolve, 0));
    let fired = false;
    const cancel = longTimeout(() => (fired = true), 2 ** 31 + 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toBe(false);
    cancel();
  });
});
