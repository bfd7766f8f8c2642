import { bool, int, probability } from '../config/field-kind.js';
import { springBool, springNumber, springProbability } from '../spring/spring-property.js';
import { defineAssault } from './assault.js';

export type EventLoopBlockConfig = {
  enabled: boolean;
  probability: number | null;
  durationMs: number;
};

/**
 * Freezes the whole process for `ms`, as a synchronous CPU-bound handler would. Atomics.wait
 * sleeps without burning a core.
 */
export function blockEventLoop(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The explicit event-loop-block assault: never part of latency, which keeps the loop free. */
export const eventLoopBlock = defineAssault<EventLoopBlockConfig, 'eventLoopBlock'>({
  section: 'eventLoopBlock',
  name: 'eventLoopBlock',
  description: 'Blocks the event loop (the whole process) for durationMs on an attacked call.',
  defaults: { enabled: false, probability: null, durationMs: 200 },
  fields: { enabled: bool, probability, durationMs: int(1, 60_000) },
  spring: [
    springBool('eventLoopBlockActive', 'enabled', true),
    springNumber('eventLoopBlockMilliseconds', 'durationMs', { min: 1, max: 60_000, integer: true }, true),
    springProbability('eventLoopBlockProbability', 'probability'),
  ],
  attack(c) {
    blockEventLoop(c.durationMs);
    return undefined;
  },
});
