import { ActivityFailedError } from '@faultline/core';
import { httpRequest, redactText, type TlsOptions } from './http-request.js';
import { toPromTime } from '../time/parse-time.js';

export interface PrometheusClientOptions extends TlsOptions {
  readonly baseUrl: string;
  readonly bearerToken?: string;
  readonly username?: string;
  readonly password?: string;
  /** Extra headers, e.g. X-Scope-OrgID for Mimir/Cortex/Thanos tenants. */
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The JSON envelope of Prometheus' HTTP API, as returned by /api/v1/query and /query_range. */
export interface PrometheusResponse {
  status: 'success' | 'error';
  data: PrometheusData;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

export type PrometheusSample = [number, string];
export type PrometheusData =
  | { resultType: 'vector'; result: Array<{ metric: Record<string, string>; value: PrometheusSample }> }
  | { resultType: 'matrix'; result: Array<{ metric: Record<string, string>; values: PrometheusSample[] }> }
  | { resultType: 'scalar'; result: PrometheusSample }
  | { resultType: 'string'; result: PrometheusSample };

/** Talks to Prometheus' HTTP API (or anything that speaks it: Thanos, Mimir, VictoriaMetrics). */
export class PrometheusClient {
  readonly baseUrl: string;

  constructor(private readonly options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Instant query at `time` (default: the server's now). */
  query(query: string, time?: Date, extra: { timeout?: string } = {}): Promise<PrometheusResponse> {
    const params = new URLSearchParams({ query });
    if (time) params.set('time', toPromTime(time));
    if (extra.timeout) params.set('timeout', extra.timeout);
    return this.get('/api/v1/query', params, query);
  }

  /** Range query from `start` to `end` every `stepSeconds`. */
  queryRange(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number,
    extra: { timeout?: string } = {},
  ): Promise<PrometheusResponse> {
    if (end.getTime() < start.getTime()) {
      throw new ActivityFailedError(
        `range query end (${end.toISOString()}) is before its start (${start.toISOString()})`,
        { hint: 'swap start and end' },
      );
    }
    const params = new URLSearchParams({
      query,
      start: toPromTime(start),
      end: toPromTime(end),
      step: String(Math.max(stepSeconds, 0.001)),
    });
    if (extra.timeout) params.set('timeout', extra.timeout);
    return this.get('/api/v1/query_range', params, query);
  }

  private async get(path: string, params: URLSearchParams, query: string): Promise<PrometheusResponse> {
    const url = `${this.baseUrl}${path}?${params}`;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.options.bearerToken) headers.authorization = `Bearer ${this.options.bearerToken}`;
    else if (this.options.username !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${this.options.username}:${this.options.password ?? ''}`).toString('base64')}`;
    }
    const response = await httpRequest(url, {
      ...this.options,
      headers,
      timeoutMs: this.options.timeoutMs,
      signal: this.options.signal,
    });
    let parsed: PrometheusResponse | undefined;
    try {
      parsed = JSON.parse(response.body) as PrometheusResponse;
    } catch {
      parsed = undefined;
    }
    if (response.status !== 200 || !parsed || parsed.status !== 'success') {
      const reason = parsed?.error ?? response.body.slice(0, 300);
      throw new ActivityFailedError(
        `Prometheus query "${query}" failed (HTTP ${response.status} from ${redactText(url)}): ${reason}`,
        {
          code: 'E_PROMETHEUS_QUERY',
          hint:
            response.status === 401 || response.status === 403
              ? 'check prometheus_bearer_token or prometheus_username/prometheus_password in secrets'
              : response.status === 400 || response.status === 422
                ? 'the PromQL expression is invalid or cannot be evaluated; try it in the Prometheus UI'
                : 'check prometheus_base_url and that Prometheus is up',
        },
      );
    }
    return parsed;
  }
}
