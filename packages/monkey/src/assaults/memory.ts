import { getHeapStatistics } from 'node:v8';
import { bool, duration, fraction, int, string } from '../config/field-kind.js';
import { cronProblems } from '../runtime/cron-expression.js';
import { springBool, springCron, springMaxInt, springNumber } from '../spring/spring-property.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import { longTimeout } from '../util/long-timeout.js';
import { defineAssault } from './assault.js';
import type { RuntimeAssaultRun } from './runtime-assault-run.js';

export type MemoryConfig = {
  enabled: boolean;
  holdMs: number;
  waitNextIncreaseMs: number;
  incrementFraction: number;
  targetFraction: number;
  cron: string;
};

const MiB = 2 ** 20;
const chunkElements = 1 << 20; // 8 MiB of doubles on the V8 heap per chunk
const chunkBytes = 8 * chunkElements;

/**
 * Heap the assault always leaves free: a quarter of the limit, at least 96 MiB. The service must
 * slow down under pressure, not die of "heap out of memory" (a 256 MiB heap at target 0.9 did).
 */
export function heapHeadroom(limit: number): number {
  return Math.max(96 * MiB, limit / 4);
}

/** The most heap the assault fills up to: the target, but never into the headroom. */
export function memoryCeiling(config: Pick<MemoryConfig, 'targetFraction'>, limit: number): number {
  return Math.min(limit * config.targetFraction, limit - heapHeadroom(limit));
}

/**
 * Fills the V8 heap towards `targetFraction` of its real limit (v8.getHeapStatistics) in steps of
 * `incrementFraction` of what is left, every `waitNextIncreaseMs`, holds it for `holdMs`, then
 * drops every reference.
 */
export function memoryAssault(config: MemoryConfig, logger: MonkeyLogger): RuntimeAssaultRun {
  const hoard: number[][] = [];
  let cancel = () => {};
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    cancel();
    hoard.length = 0;
    logger.info('Chaos Monkey: memory assault released its memory');
    finish();
  };
  const limit = getHeapStatistics().heap_size_limit;
  const ceiling = memoryCeiling(config, limit);
  const step = () => {
    if (stopped) return;
    const used = getHeapStatistics().used_heap_size;
    if (used + chunkBytes <= ceiling) {
      const bytes = Math.max(chunkBytes, (ceiling - used) * config.incrementFraction);
      for (let allocated = 0; allocated < bytes && used + allocated + chunkBytes <= ceiling; allocated += chunkBytes) {
        hoard.push(new Array<number>(chunkElements).fill(Math.random()));
      }
      cancel = longTimeout(step, config.waitNextIncreaseMs);
    } else {
      logger.info(`Chaos Monkey: memory assault holds ${Math.round(used / MiB)} MiB for ${config.holdMs} ms`);
      cancel = longTimeout(stop, config.holdMs);
    }
  };
  const capped = ceiling < limit * config.targetFraction;
  logger.warn(
    `Chaos Monkey: memory assault filling the heap towards ${Math.round(ceiling / MiB)} MiB of ${Math.round(limit / MiB)} MiB` +
      (capped
        ? ` (target ${config.targetFraction * 100}% capped to keep ${Math.round(heapHeadroom(limit) / MiB)} MiB free)`
        : ''),
  );
  step();
  return { stop, done, held: () => hoard.length * chunkBytes };
}

/** Fills the heap, holds, releases: the service under memory pressure (and its GC pauses). */
export const memory = defineAssault<MemoryConfig, 'memory'>({
  section: 'memory',
  name: 'memory',
  description: 'Fills the V8 heap towards targetFraction of its limit (keeping headroom), holds, releases.',
  defaults: {
    enabled: false,
    holdMs: 90_000,
    waitNextIncreaseMs: 1000,
    incrementFraction: 0.15,
    targetFraction: 0.25,
    cron: 'OFF',
  },
  fields: {
    enabled: bool,
    holdMs: duration(),
    waitNextIncreaseMs: int(0, 30_000),
    incrementFraction: fraction(0, 1),
    targetFraction: fraction(0.05, 0.95),
    cron: string,
  },
  spring: [
    springBool('memoryActive', 'enabled'),
    springNumber('memoryMillisecondsHoldFilledMemory', 'holdMs', { min: 1500, max: springMaxInt, integer: true }),
    springNumber('memoryMillisecondsWaitNextIncrease', 'waitNextIncreaseMs', { min: 100, max: 30_000, integer: true }),
    springNumber('memoryFillIncrementFraction', 'incrementFraction', { min: 0, max: 1, integer: false }),
    springNumber('memoryFillTargetFraction', 'targetFraction', { min: 0.05, max: 0.95, integer: false }),
    springCron('memoryCronExpression', 'cron'),
  ],
  check: (c, at) => cronProblems(c.cron, at),
  start: (c, { logger }) => memoryAssault(c, logger),
});
