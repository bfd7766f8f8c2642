/** The part of prom-client the monkey uses; pass `require('prom-client')` as `client`. */
export interface PromClientLike {
  Counter: new (config: {
    name: string;
    help: string;
    labelNames?: readonly string[];
    registers?: readonly unknown[];
    collect?: () => void;
  }) => { inc(labels: Record<string, string>, value?: number): void; inc(value?: number): void };
}

export interface PromMetricsOptions {
  client: PromClientLike;
  /** A prom-client Registry (default: the client's global registry). */
  registry?: unknown;
  /** Metric name prefix (default "chaos_monkey_"). */
  prefix?: string;
}
