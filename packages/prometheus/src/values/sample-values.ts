import type { PrometheusResponse } from '../http/prometheus-client.js';

export interface SeriesValues {
  readonly metric: Record<string, string>;
  /** Values in time order; an instant result has exactly one. */
  readonly values: number[];
  /** Unix seconds of each value. */
  readonly times: number[];
}

/** Prometheus encodes sample values as strings, including "NaN", "+Inf" and "-Inf". */
export function parseSampleValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** Every series of a query result with its numeric values, whatever the result type. */
export function sampleValues(response: PrometheusResponse): SeriesValues[] {
  const data = response.data;
  switch (data.resultType) {
    case 'scalar':
      return [{ metric: {}, values: [parseSampleValue(data.result[1])], times: [data.result[0]] }];
    case 'vector':
      return data.result.map((s) => ({
        metric: s.metric,
        values: [parseSampleValue(s.value[1])],
        times: [s.value[0]],
      }));
    case 'matrix':
      return data.result.map((s) => ({
        metric: s.metric,
        values: s.values.map((v) => parseSampleValue(v[1])),
        times: s.values.map((v) => v[0]),
      }));
    default:
      return [];
  }
}

/** "{job="api", code="500"}" for messages. */
export function formatLabels(metric: Record<string, string>): string {
  const entries = Object.entries(metric);
  return entries.length === 0 ? '{}' : `{${entries.map(([k, v]) => `${k}="${v}"`).join(', ')}}`;
}
