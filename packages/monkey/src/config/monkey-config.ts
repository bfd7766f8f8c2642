import type { CpuConfig } from '../assaults/cpu.js';
import type { EventLoopBlockConfig } from '../assaults/event-loop-block.js';
import type { ExceptionsConfig } from '../assaults/exceptions.js';
import type { KillProcessConfig } from '../assaults/kill-process.js';
import type { LatencyConfig } from '../assaults/latency.js';
import type { MemoryConfig } from '../assaults/memory.js';

import type { AssaultSections, RequestAssaultSections } from '../assaults/all-assaults.js';

export type { CpuConfig, EventLoopBlockConfig, ExceptionsConfig, KillProcessConfig, LatencyConfig, MemoryConfig };

/** Which calls are watched. Spring's flags; HTTP requests count as controller/restController. */
export interface WatcherConfig {
  controller: boolean;
  restController: boolean;
  service: boolean;
  repository: boolean;
  component: boolean;
  restTemplate: boolean;
  webClient: boolean;
  /** Health endpoints (/health, /healthz, /livez, /readyz, /actuator/health) are spared unless true. */
  actuatorHealth: boolean;
  /** Names of wrapped targets watched whatever their kind. */
  beans: string[];
  /** Route patterns ("GET /api/orders/*", "/api/*"); empty means every route. */
  routes: string[];
  /** Path prefixes never attacked, besides the monkey's own control routes. */
  exclude: string[];
}

/** Per-target assault settings: the first override whose `target` pattern matches a call applies. */
export type WatcherOverride = {
  /** "GET /api/orders*", "/api/*", "OrderRepository.*" (`*` matches anything). */
  target: string;
  level?: number;
  deterministic?: boolean;
} & { [K in keyof RequestAssaultSections]?: Partial<RequestAssaultSections[K]> };

/**
 * The monkey's configuration, in the Node shape the seed uses (`latency: {enabled, minMs, maxMs}` …).
 * The actuator translates it to and from Chaos Monkey for Spring Boot's flat JSON.
 * `probability: null` means "no own probability: share what the others leave" (see choose-assault.ts).
 */
/** Besides these, one section per assault (`latency`, `exceptions`…: AssaultSections). */
export interface MonkeyConfig extends AssaultSections {
  enabled: boolean;
  /** 1-in-`level` calls are attacked (1 = every call), 1..10000 as in Spring. */
  level: number;
  /** Attack exactly every `level`-th call instead of at random. */
  deterministic: boolean;
  /** When non-empty, only targets whose name starts with one of these are attacked (Spring semantics). */
  watchedCustomServices: string[] | null;
  watchers: WatcherConfig;
  overrides: WatcherOverride[];
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What `chaosMonkey(options)` and `updateConfig(partial)` accept: any part of the config. */
export type MonkeyConfigUpdate = DeepPartial<MonkeyConfig>;
