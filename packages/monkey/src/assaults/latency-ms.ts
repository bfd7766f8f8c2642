import type { LatencyConfig } from '../config/monkey-config.js';

/** Latency to inject, uniformly drawn from the inclusive range [minMs, maxMs]. */
export function latencyMs(config: LatencyConfig, random: () => number): number {
  return config.minMs + Math.floor(random() * (config.maxMs - config.minMs + 1));
}
