import { allAssaults } from '../assaults/all-assaults.js';
import type { MonkeyConfig } from './monkey-config.js';

/**
 * Defaults follow Chaos Monkey for Spring Boot (level 1, latency 1000..3000 ms, memory and CPU
 * figures; each assault declares its own), except that HTTP and wrapped calls are watched by
 * default: in Node nothing is watched unless the user installs the middleware or wraps a
 * function, so opting in already happened.
 */
export function defaultConfig(): MonkeyConfig {
  const config: Record<string, unknown> = { enabled: false, level: 1, deterministic: false };
  for (const assault of allAssaults) config[assault.section] = structuredClone(assault.defaults);
  return {
    ...(config as unknown as MonkeyConfig),
    watchedCustomServices: null,
    watchers: {
      controller: true,
      restController: true,
      service: true,
      repository: true,
      component: true,
      restTemplate: false,
      webClient: false,
      actuatorHealth: false,
      beans: [],
      routes: [],
      exclude: [],
    },
    overrides: [],
  };
}

/** The config section of one assault. */
export function sectionOf<C>(config: MonkeyConfig, assault: { section: string; defaults: C }): C {
  return (config as unknown as Record<string, C>)[assault.section]!;
}
