import type { AssaultDefinition, RequestAssaultConfig, RuntimeAssaultConfig } from './assault.js';
import { cpu } from './cpu.js';
import { eventLoopBlock } from './event-loop-block.js';
import { exceptions } from './exceptions.js';
import { killProcess } from './kill-process.js';
import { latency } from './latency.js';
import { memory } from './memory.js';

/** Every assault, in the order of the config and of Spring's assault JSON. */
export const allAssaults = [
  latency,
  exceptions,
  killProcess,
  eventLoopBlock,
  memory,
  cpu,
] as readonly AssaultDefinition[];

/** Assaults that act on attacked calls (one is chosen per call; overrides may set them per target). */
export const requestAssaults = allAssaults.filter(
  (a) => a.attack !== undefined,
) as unknown as readonly AssaultDefinition<RequestAssaultConfig>[];

/** Assaults that run on their own (attack(), the runtime attack endpoint, cron). */
export const runtimeAssaults = allAssaults.filter(
  (a) => a.start !== undefined,
) as unknown as readonly AssaultDefinition<RuntimeAssaultConfig>[];
