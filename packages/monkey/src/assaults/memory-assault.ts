import { getHeapStatistics } from 'node:v8';
import type { MemoryConfig } from '../config/monkey-config.js';
import type { MonkeyLogger } from '../util/monkey-logger.js';
import type { RuntimeAssaultRun } from './runtime-assault-run.js';

const chunkElements = 1 << 20; // 8 MiB of doubles on the V8 heap per chunk

/**
 * Fills the V8 heap towards `targetFraction` of its limit in steps of `incrementFraction` of what
 * is left, every `waitNextIncreaseMs`, holds it for `holdMs`, then drops every reference.
 */
export function memoryAssault(config: MemoryConfig, logger: MonkeyLogger): RuntimeAssaultRun {
  const hoard: number[][] = [];
  let timer: NodeJS.Timeout | undefined;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    hoard.length = 0;
    logger.info('Chaos Monkey: memory assault released its memory');
    finish();
  };

  const step = () => {
    if (stopped) return;
    const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
    const target = limit * config.targetFraction;
    if (used < target) {
      const bytes = Math.max(8 * chunkElements, (target - used) * config.incrementFraction);
      for (let allocated = 0; allocated < bytes && allocated + used < target; allocated += 8 * chunkElements) {
        hoard.push(new Array<number>(chunkElements).fill(Math.random()));
      }
      timer = setTimeout(step, config.waitNextIncreaseMs);
    } else {
      logger.info(`Chaos Monkey: memory assault holds ${Math.round(used / 2 ** 20)} MiB for ${config.holdMs} ms`);
      timer = setTimeout(stop, config.holdMs);
    }
  };

  logger.warn(`Chaos Monkey: memory assault filling the heap towards ${config.targetFraction * 100}%`);
  step();
  return { stop, done, held: () => hoard.length * 8 * chunkElements };
}
