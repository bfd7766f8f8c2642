import { describe, expect, it } from 'vitest';
import { maxDurationMs } from '../config/field-kind.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { assaultCase } from './assault.case.js';
import { latency, latencyMs } from './latency.js';

assaultCase(latency, { attributes: { enabled: true, minMs: 5, maxMs: 10, probability: 0.5 }, harmless: true });

const quiet = { info() {}, warn() {} };

describe('latency assault', () => {
  it('draws from the inclusive range', () => {
    const config = { enabled: true, minMs: 10, maxMs: 12, probability: null };
    expect(latencyMs(config, () => 0)).toBe(10);
    expect(latencyMs(config, () => 0.999999)).toBe(12);
  });

  it('takes durations up to the documented maximum and no more', () => {
    const monkey = createMonkey({ logger: quiet, latency: { minMs: maxDurationMs, maxMs: maxDurationMs } });
    expect(monkey.getConfig().latency.maxMs).toBe(30 * 24 * 3600 * 1000);
    expect(() => monkey.updateConfig({ latency: { maxMs: maxDurationMs + 1 } })).toThrow(
      `latency.maxMs: must be between 0 and ${maxDurationMs}`,
    );
    expect(() => monkey.updateConfig({ latency: { minMs: 2, maxMs: 1 } })).toThrow(
      'latency: minMs (2) must not be greater than maxMs (1)',
    );
  });
});
