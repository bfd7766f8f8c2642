import { requestAssaults, type RequestAssault } from '../assaults/all-assaults.js';
import type { RequestAssaultConfig } from '../assaults/assault.js';
import type { MonkeyConfig, WatcherOverride } from '../config/monkey-config.js';
import type { Candidate } from '../decide/choose-assault.js';
import { targetPattern, type TargetPattern } from '../decide/target-pattern.js';
import { isUnder } from '../util/request-path.js';
import type { CallTarget } from './call-target.js';

/** Resolved assault settings for a set of calls (the base config or one override). */
export interface AssaultPlan {
  readonly level: number;
  readonly deterministic: boolean;
  readonly counter: { n: number };
  readonly candidates: readonly Candidate<RequestAssault>[];
  /** Each request assault's section, overrides applied. */
  readonly sections: Readonly<Record<string, RequestAssaultConfig>>;
}

/** The config turned into what the hot path needs, rebuilt on every update. */
export interface CompiledConfig {
  /** Whether the watchers let this call through (the monkey may attack it). */
  isWatched(target: CallTarget): boolean;
  /** The settings for a watched call: the first matching override's, else the base ones. */
  planFor(target: CallTarget): AssaultPlan;
}

const healthPaths = ['/health', '/healthz', '/livez', '/readyz', '/ready', '/live', '/actuator/health'];

const trimSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

function plan(config: MonkeyConfig, override: WatcherOverride | undefined): AssaultPlan {
  const base = config as unknown as Record<string, RequestAssaultConfig>;
  const own = override as unknown as Record<string, Partial<RequestAssaultConfig>> | undefined;
  const sections: Record<string, RequestAssaultConfig> = {};
  const candidates: Candidate<RequestAssault>[] = [];
  for (const assault of requestAssaults) {
    const section = { ...base[assault.section]!, ...own?.[assault.section] };
    sections[assault.section] = section;
    if (section.enabled) candidates.push({ value: assault, probability: section.probability });
  }
  return {
    level: override?.level ?? config.level,
    deterministic: override?.deterministic ?? config.deterministic,
    counter: { n: 0 },
    candidates,
    sections,
  };
}

export function compileConfig(config: MonkeyConfig, controlPrefixes: Iterable<string>): CompiledConfig {
  const base = plan(config, undefined);
  const overrides = config.overrides.map((o) => ({ pattern: targetPattern(o.target), plan: plan(config, o) }));
  const routes: readonly TargetPattern[] = config.watchers.routes.map(targetPattern);
  const exclude = [...controlPrefixes, ...config.watchers.exclude];
  if (!config.watchers.actuatorHealth) exclude.push(...healthPaths);
  const excluded = exclude.map(trimSlash);
  const custom = config.watchedCustomServices?.length ? config.watchedCustomServices : null;
  const w = config.watchers;

  const isWatchedRequest = (target: CallTarget) =>
    (w.controller || w.restController) &&
    !excluded.some((prefix) => isUnder(target.name, prefix)) &&
    (routes.length === 0 || routes.some((r) => r.matches(target.name, target.method)));
  const isWatchedFunction = (target: CallTarget) =>
    w[target.kind as keyof typeof w] === true ||
    w.beans.some((b) => target.name === b || target.name.startsWith(`${b}.`));

  return {
    isWatched(target) {
      const http = target.kind === 'controller' || target.kind === 'restController';
      if (!(http ? isWatchedRequest(target) : isWatchedFunction(target))) return false;
      return custom === null || custom.some((prefix) => target.name.startsWith(prefix));
    },
    planFor(target) {
      for (const o of overrides) if (o.pattern.matches(target.name, target.method)) return o.plan;
      return base;
    },
  };
}
