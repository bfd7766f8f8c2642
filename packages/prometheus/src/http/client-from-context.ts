import { readFileSync } from 'node:fs';
import { UsageError, type Configuration, type Secrets } from '@faultline/core';
import { PrometheusClient } from './prometheus-client.js';

export interface ClientOverrides {
  readonly verify_tls?: boolean;
  /** Seconds or a duration string; also sent to Prometheus as the query timeout. */
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
}

const defaultBaseUrl = 'http://localhost:9090';

/**
 * Build a client from the experiment: `prometheus_base_url` from configuration (Chaos Toolkit's
 * key), credentials from secrets (or configuration): `prometheus_bearer_token`, or
 * `prometheus_username` + `prometheus_password`; TLS: `prometheus_verify_tls`,
 * `prometheus_ca_file`/`prometheus_ca`, `prometheus_cert`/`prometheus_key`; extra headers:
 * `prometheus_headers`.
 */
export function clientFromContext(
  configuration: Configuration,
  secrets: Secrets,
  overrides: ClientOverrides = {},
): PrometheusClient {
  const read = (key: string): unknown => secrets[key] ?? configuration[key];
  const baseUrl =
    stringOf(configuration.prometheus_base_url ?? secrets.prometheus_base_url, 'prometheus_base_url') ?? defaultBaseUrl;
  const verifyConfigured = read('prometheus_verify_tls');
  return new PrometheusClient({
    baseUrl,
    bearerToken: stringOf(read('prometheus_bearer_token') ?? read('prometheus_token'), 'prometheus_bearer_token'),
    username: stringOf(read('prometheus_username'), 'prometheus_username'),
    password: stringOf(read('prometheus_password'), 'prometheus_password'),
    headers: headersOf(read('prometheus_headers')),
    verifyTls:
      overrides.verify_tls ??
      (verifyConfigured === undefined ? true : verifyConfigured !== false && verifyConfigured !== 'false'),
    ca: readPem(read('prometheus_ca'), read('prometheus_ca_file'), 'prometheus_ca_file'),
    cert: readPem(read('prometheus_cert'), read('prometheus_cert_file'), 'prometheus_cert_file'),
    key: readPem(read('prometheus_key'), read('prometheus_key_file'), 'prometheus_key_file'),
    timeoutMs: overrides.timeoutSeconds !== undefined ? Math.ceil(overrides.timeoutSeconds * 1000) + 1000 : undefined,
    signal: overrides.signal,
  });
}

function stringOf(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new UsageError(`${key} must be a string`);
  return value;
}

function headersOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new UsageError('prometheus_headers must be a mapping of header names to values');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function readPem(inline: unknown, file: unknown, key: string): string | undefined {
  if (typeof inline === 'string' && inline !== '') return inline;
  const path = stringOf(file, key);
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${key}: cannot read ${path}: ${(error as Error).message}`);
  }
}
