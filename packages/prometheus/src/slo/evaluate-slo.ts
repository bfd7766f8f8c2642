import { parseDuration } from '@faultline/core';
import type { PrometheusClient } from '../http/prometheus-client.js';
import { aggregate, type Aggregation } from '../values/aggregate.js';
import { sampleValues } from '../values/sample-values.js';
import { meetsObjective, parseObjective, worstCase } from './objective.js';
import type { SloDefinition } from './slo-definition.js';

export interface SloResult {
  readonly name: string;
  readonly status: 'met' | 'violated' | 'no-data';
  readonly met: boolean;
  /** The indicator's value that was compared, or null when there was no data. */
  readonly measured: number | null;
  readonly objective: string;
  /** The PromQL that was evaluated (after $window substitution). */
  readonly query: string;
  readonly window: { start: string; end: string; seconds: number };
  /** How many samples were considered. */
  readonly samples: number;
  readonly reason: string;
}

const windowToken = /\$\{?window\}?|\$__range/g;

/** Evaluate one SLO over [start, end] against Prometheus. */
export async function evaluateSlo(
  client: PrometheusClient,
  slo: SloDefinition,
  start: Date,
  end: Date,
): Promise<SloResult> {
  const name = slo.name ?? slo.indicator;
  const objective = parseObjective(slo.objective as Parameters<typeof parseObjective>[0], `SLO "${name}" objective`);
  const seconds = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 1000));
  const window = { start: start.toISOString(), end: end.toISOString(), seconds };
  const how: Aggregation = slo.aggregate ?? worstCase(objective);

  let query = slo.indicator;
  let values: number[];
  if (slo.indicator.search(windowToken) >= 0) {
    query = slo.indicator.replace(windowToken, `${seconds}s`);
    values = sampleValues(await client.query(query, end)).flatMap((s) => s.values);
  } else {
    const step =
      slo.step !== undefined ? parseDuration(slo.step, `SLO "${name}" step`) : Math.max(1, Math.ceil(seconds / 250));
    values = sampleValues(await client.queryRange(query, start, end, step)).flatMap((s) => s.values);
  }
  // NaN is what 0/0 gives (no traffic at all): it is not a measurement.
  const usable = values.filter((v) => !Number.isNaN(v));
  if (usable.length === 0) {
    const met = slo.on_no_data === 'pass';
    return {
      name,
      status: met ? 'met' : 'no-data',
      met,
      measured: null,
      objective: objective.text,
      query,
      window,
      samples: 0,
      reason: `the indicator returned no data over the window${met ? ' (on_no_data: pass)' : ''}`,
    };
  }
  const measured = aggregate(usable, how);
  const met = meetsObjective(measured, objective);
  return {
    name,
    status: met ? 'met' : 'violated',
    met,
    measured,
    objective: objective.text,
    query,
    window,
    samples: usable.length,
    reason: `${how} of ${usable.length} sample(s) = ${measured} ${met ? 'meets' : 'violates'} ${objective.text}`,
  };
}
