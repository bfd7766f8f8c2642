import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';

const quiet = { info() {}, warn() {} };

class OrderRepository {
  constructor(private readonly orders: string[]) {}
  async findAll(): Promise<string[]> {
    return [...this.orders];
  }
  count(): number {
    return this.orders.length;
  }
}

describe('wrap and watch', () => {
  it('delays async functions with timers and rejects them with the chaos error', async () => {
    const monkey = createMonkey({ logger: quiet, enabled: true, latency: { enabled: true, minMs: 300, maxMs: 320 } });
    const load = monkey.wrap(async (id: number) => ({ id }), { name: 'loadOrder', kind: 'service' });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const start = performance.now();
    expect(await load(4)).toEqual({ id: 4 });
    clearInterval(timer);
    expect(performance.now() - start).toBeGreaterThanOrEqual(298);
    expect(ticks).toBeGreaterThan(5);

    monkey.updateConfig({ latency: { enabled: false }, exceptions: { enabled: true, message: 'repository down' } });
    await expect(load(4)).rejects.toMatchObject({ message: 'repository down', chaosMonkey: true, status: 500 });
  });

  it('watches a repository object by layer, keeping `this`, and respects the Spring watcher flags', async () => {
    const monkey = createMonkey({ logger: quiet, enabled: true, exceptions: { enabled: true, type: 'TypeError' } });
    const repo = monkey.watch(new OrderRepository(['a', 'b']));
    await expect(repo.findAll()).rejects.toBeInstanceOf(TypeError);
    expect(() => repo.count()).toThrow(TypeError);

    monkey.updateConfig({ watchers: { repository: false } });
    expect(await repo.findAll()).toEqual(['a', 'b']);
    expect(repo.count()).toBe(2);

    // A bean by name is watched whatever the layer flags say; watchedCustomServices narrows by prefix.
    monkey.updateConfig({ watchers: { beans: ['OrderRepository'] }, watchedCustomServices: ['OrderRepository.count'] });
    expect(await repo.findAll()).toEqual(['a', 'b']);
    expect(() => repo.count()).toThrow(TypeError);
  });

  it('delays promise-returning functions after they settle, leaves sync results untouched by latency', async () => {
    const monkey = createMonkey({ logger: quiet, enabled: true, latency: { enabled: true, minMs: 100, maxMs: 100 } });
    const viaPromise = monkey.wrap((x: number) => Promise.resolve(x * 2), { name: 'double' });
    const start = performance.now();
    expect(await viaPromise(21)).toBe(42);
    expect(performance.now() - start).toBeGreaterThanOrEqual(98);
    const sync = monkey.wrap((x: number) => x + 1, { name: 'inc' });
    expect(sync(1)).toBe(2);
    expect(monkey.stats().assaulted.latency).toBe(2);
  });
});
