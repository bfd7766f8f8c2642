import type { AssaultConfig, AssaultDefinition, RequestAssaultConfig, RuntimeAssaultConfig } from './assault.js';
import { cpu, type CpuConfig } from './cpu.js';
import { eventLoopBlock, type EventLoopBlockConfig } from './event-loop-block.js';
import { exceptions, type ExceptionsConfig } from './exceptions.js';
import { killProcess, type KillProcessConfig } from './kill-process.js';
import { latency, type LatencyConfig } from './latency.js';
import { memory, type MemoryConfig } from './memory.js';

/** Every assault, in the order of the config and of Spring's assault JSON. Adding one: its file, here, its test. */
const list = [latency, exceptions, killProcess, eventLoopBlock, memory, cpu] as const;

/** Each assault's config section, by section name: the assault part of MonkeyConfig. */
export interface AssaultSections {
  latency: LatencyConfig;
  exceptions: ExceptionsConfig;
  killProcess: KillProcessConfig;
  eventLoopBlock: EventLoopBlockConfig;
  memory: MemoryConfig;
  cpu: CpuConfig;
}

/** The sections of the request assaults, which overrides may set per target. */
export type RequestAssaultSections = Pick<AssaultSections, 'latency' | 'exceptions' | 'killProcess' | 'eventLoopBlock'>;

/** An assault's name in stats, metrics and `attack()`'s answer. */
export type AssaultName = (typeof list)[number]['name'];

export type RequestAssault = AssaultDefinition<RequestAssaultConfig, AssaultName>;
export type RuntimeAssault = AssaultDefinition<RuntimeAssaultConfig, AssaultName>;

export const allAssaults = list as readonly AssaultDefinition<AssaultConfig, AssaultName>[];

/** Assaults that act on attacked calls (one is chosen per call; overrides may set them per target). */
export const requestAssaults = allAssaults.filter(
  (a) => a.attack !== undefined,
) as unknown as readonly RequestAssault[];

/** Assaults that run on their own (attack(), the runtime attack endpoint, cron). */
export const runtimeAssaults = allAssaults.filter((a) => a.start !== undefined) as unknown as readonly RuntimeAssault[];
