import type {
  EventLoopBlockConfig,
  ExceptionsConfig,
  KillProcessConfig,
  LatencyConfig,
  MonkeyConfig,
} from '../config/monkey-config.js';
import type { Candidate } from '../decide/choose-assault.js';
import { targetPattern, type TargetPattern } from '../decide/target-pattern.js';

export type RequestAssaultKind = 'latency' | 'exception' | 'killProcess' | 'eventLoopBlock';

/** Resolved assault settings for a set of calls (the base config or one override). */
export interface AssaultPlan {
  readonly level: number;
  readonly deterministic: boolean;
  readonly counter: { n: number };
  readonly candidates: readonly Candidate<RequestAssaultKind>[];
  readonly latency: LatencyConfig;
  readonly exceptions: ExceptionsConfig;
  readonly killProcess: KillProcessConfig;
  readonly eventLoopBlock: EventLoopBlockConfig;
}

/** The config turned into what the hot path needs, rebuilt on every update. */
export interface CompiledConfig {
  readonly base: AssaultPlan;
  readonly overrides: ReadonlyArray<{ pattern: TargetPattern; plan: AssaultPlan }>;
  readonly routes: readonly TargetPattern[];
  /** Path prefixes never attacked. */
  readonly exclude: readonly string[];
  readonly custom: readonly string[] | null;
}

const healthPaths = ['/health', '/healthz', '/livez', '/readyz', '/ready', '/live', '/actuator/health'];

function plan(
  level: number,
  deterministic: boolean,
  latency: LatencyConfig,
  exceptions: ExceptionsConfig,
  killProcess: KillProcessConfig,
  eventLoopBlock: EventLoopBlockConfig,
): AssaultPlan {
  const candidates: Candidate<RequestAssaultKind>[] = [];
  if (latency.enabled) candidates.push({ value: 'latency', probability: latency.probability });
  if (exceptions.enabled) candidates.push({ value: 'exception', probability: exceptions.probability });
  if (killProcess.enabled) candidates.push({ value: 'killProcess', probability: killProcess.probability });
  if (eventLoopBlock.enabled) candidates.push({ value: 'eventLoopBlock', probability: eventLoopBlock.probability });
  return { level, deterministic, counter: { n: 0 }, candidates, latency, exceptions, killProcess, eventLoopBlock };
}

export function compileConfig(config: MonkeyConfig, controlPrefixes: Iterable<string>): CompiledConfig {
  const base = plan(
    config.level,
    config.deterministic,
    config.latency,
    config.exceptions,
    config.killProcess,
    config.eventLoopBlock,
  );
  const overrides = config.overrides.map((o) => ({
    pattern: targetPattern(o.target),
    plan: plan(
      o.level ?? config.level,
      o.deterministic ?? config.deterministic,
      { ...config.latency, ...o.latency },
      { ...config.exceptions, ...o.exceptions },
      { ...config.killProcess, ...o.killProcess },
      { ...config.eventLoopBlock, ...o.eventLoopBlock },
    ),
  }));
  const exclude = [...controlPrefixes, ...config.watchers.exclude];
  if (!config.watchers.actuatorHealth) exclude.push(...healthPaths);
  return {
    base,
    overrides,
    routes: config.watchers.routes.map(targetPattern),
    exclude: exclude.map((p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p)),
    custom:
      config.watchedCustomServices && config.watchedCustomServices.length > 0 ? config.watchedCustomServices : null,
  };
}
