import { describe, expect, it } from 'vitest';
import { maxTimerDrift } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { assaultCase } from './assault.case.js';
import { eventLoopBlock } from './event-loop-block.js';

assaultCase(eventLoopBlock, { attributes: { enabled: true, durationMs: 1, probability: 0.3 }, harmless: true });

const quiet = { info() {}, warn() {} };

describe('event-loop block assault', () => {
  it('is separate from latency: it freezes the whole process for its duration', async () => {
    const monkey = createMonkey({ logger: quiet, enabled: true, eventLoopBlock: { enabled: true, durationMs: 150 } });
    const fn = monkey.wrap(async () => 'done', { name: 'blocking' });
    const { result, driftMs } = await maxTimerDrift(async () => {
      await new Promise((r) => setTimeout(r, 20));
      const value = await fn();
      // Let the interval timer run once more and notice the gap.
      await new Promise((r) => setTimeout(r, 20));
      return value;
    });
    expect(result).toBe('done');
    // A lower bound only: a loaded machine can only make the gap longer.
    expect(driftMs).toBeGreaterThanOrEqual(140);
    expect(monkey.stats().assaulted.eventLoopBlock).toBe(1);
  });
});
