import type { MonkeyStats } from '../monkey/monkey-types.js';
import type { PromMetricsOptions } from './prom-metrics-options.js';

type Inc = { inc(labels: Record<string, string>, value?: number): void; inc(value?: number): void };

/**
 * Exposes the monkey's counters through prom-client. Counting stays plain arithmetic on the hot
 * path; prom-client catches up in `collect()`, which it calls on every scrape.
 */
export function registerPromMetrics(options: PromMetricsOptions, stats: () => MonkeyStats): void {
  const prefix = options.prefix ?? 'chaos_monkey_';
  const registers = options.registry === undefined ? undefined : [options.registry];
  const seen = { watched: 0, latency: 0, assaulted: {} as Record<string, number> };
  new options.client.Counter({
    name: `${prefix}calls_watched_total`,
    help: 'Calls that passed the Chaos Monkey watchers',
    registers,
    collect(this: Inc) {
      const now = stats().watched;
      if (now > seen.watched) this.inc(now - seen.watched);
      seen.watched = now;
    },
  });
  new options.client.Counter({
    name: `${prefix}calls_assaulted_total`,
    help: 'Calls and runtime attacks assaulted by the Chaos Monkey, by assault type',
    labelNames: ['type'],
    registers,
    collect(this: Inc) {
      for (const [type, now] of Object.entries(stats().assaulted)) {
        const before = seen.assaulted[type] ?? 0;
        if (now > before) this.inc({ type }, now - before);
        seen.assaulted[type] = now;
      }
    },
  });
  new options.client.Counter({
    name: `${prefix}latency_injected_seconds_total`,
    help: 'Total latency injected by the Chaos Monkey',
    registers,
    collect(this: Inc) {
      const now = stats().latencyInjectedMs;
      if (now > seen.latency) this.inc((now - seen.latency) / 1000);
      seen.latency = now;
    },
  });
}
