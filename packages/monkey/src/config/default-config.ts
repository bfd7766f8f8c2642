import type { MonkeyConfig } from './monkey-config.js';

/**
 * Defaults follow Chaos Monkey for Spring Boot (level 1, latency 1000..3000 ms, memory and CPU
 * figures), except that HTTP and wrapped calls are watched by default: in Node nothing is watched
 * unless the user installs the middleware or wraps a function, so opting in already happened.
 */
export function defaultConfig(): MonkeyConfig {
  return {
    enabled: false,
    level: 1,
    deterministic: false,
    latency: { enabled: false, minMs: 1000, maxMs: 3000, probability: null },
    exceptions: {
      enabled: false,
      probability: null,
      type: 'java.lang.RuntimeException',
      message: 'Chaos Monkey - RuntimeException',
      status: null,
      body: null,
    },
    killProcess: { enabled: false, probability: null, exitCode: 1, graceMs: 1000, cron: 'OFF' },
    eventLoopBlock: { enabled: false, probability: null, durationMs: 200 },
    memory: {
      enabled: false,
      holdMs: 90_000,
      waitNextIncreaseMs: 1000,
      incrementFraction: 0.15,
      targetFraction: 0.25,
      cron: 'OFF',
    },
    cpu: { enabled: false, holdMs: 90_000, targetFraction: 0.9, cron: 'OFF' },
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
