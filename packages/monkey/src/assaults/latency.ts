import { bool, duration, probability } from '../config/field-kind.js';
import { springBool, springMaxInt, springProbability } from '../spring/spring-property.js';
import { defineAssault } from './assault.js';

export type LatencyConfig = {
  enabled: boolean;
  /** Inclusive range of injected latency. */
  minMs: number;
  maxMs: number;
  probability: number | null;
};

/** Latency to inject, uniformly drawn from the inclusive range [minMs, maxMs]. */
export function latencyMs(config: LatencyConfig, random: () => number): number {
  return config.minMs + Math.floor(random() * (config.maxMs - config.minMs + 1));
}

/** Delays an attacked call with a timer before it runs: the rest of the service keeps serving. */
export const latency = defineAssault<LatencyConfig, 'latency'>({
  section: 'latency',
  name: 'latency',
  description: 'Delays attacked calls by minMs..maxMs with a timer (never blocks the event loop).',
  defaults: { enabled: false, minMs: 1000, maxMs: 3000, probability: null },
  fields: { enabled: bool, minMs: duration(), maxMs: duration(), probability },
  spring: [
    {
      names: ['latencyRangeStart', 'latencyRangeEnd'],
      write: (c) => ({ latencyRangeStart: c.minMs, latencyRangeEnd: c.maxMs }),
      read(r) {
        const minMs = r.num('latencyRangeStart', 1, springMaxInt, true);
        const maxMs = r.num('latencyRangeEnd', 1, springMaxInt, true);
        // Spring's AssaultPropertiesUpdateLatencyRangeConstraint: both or neither, start <= end.
        if (
          r.has('latencyRangeStart') !== r.has('latencyRangeEnd') ||
          (minMs !== undefined && maxMs !== undefined && minMs > maxMs)
        ) {
          r.problem(
            'latencyRangeStart',
            r.value('latencyRangeStart') ?? null,
            'Invalid range parameters. Value of latencyRangeStart must not be greater than value of latencyRangeEnd!',
            'AssaultPropertiesUpdateLatencyRangeConstraint',
          );
        }
        return { minMs, maxMs };
      },
    },
    springBool('latencyActive', 'enabled'),
    springProbability('latencyProbability', 'probability'),
  ],
  check: (c, at) =>
    c.minMs > c.maxMs ? [`${at}: minMs (${c.minMs}) must not be greater than maxMs (${c.maxMs})`] : [],
  attack: (c, { random }) => ({ type: 'latency', ms: latencyMs(c, random) }),
});
