import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';

describe('prom-client metrics', () => {
  it('counts watched calls, assaults by type and injected latency in the given registry', async () => {
    const registry = new client.Registry();
    const monkey = createMonkey({
      logger: { info() {}, warn() {} },
      enabled: true,
      latency: { enabled: true, minMs: 5, maxMs: 5 },
      metrics: { client, registry },
    });
    const fn = monkey.wrap(async () => 1, { name: 'f' });
    await Promise.all([fn(), fn(), fn()]);
    let text = await registry.metrics();
    expect(text).toMatch(/chaos_monkey_calls_watched_total 3/);
    expect(text).toMatch(/chaos_monkey_calls_assaulted_total\{type="latency"\} 3/);
    expect(text).toMatch(/chaos_monkey_latency_injected_seconds_total 0.015/);
    await fn();
    text = await registry.metrics();
    expect(text).toMatch(/chaos_monkey_calls_watched_total 4/);
  });
});
