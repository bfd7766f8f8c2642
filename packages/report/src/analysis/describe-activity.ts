import type { Activity } from '@faultline/core';

function args(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(' ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
  }
  return String(value);
}

/** What an activity calls, in one line: `chaosk8s.pod.actions.terminate_pods(ns=…)`, `GET https://…`. */
export function describeActivity(activity: Activity): string {
  const provider = activity.provider as Activity['provider'] | undefined;
  if (!provider) return '';
  switch (provider.type) {
    case 'http':
      return `${(provider.method ?? 'GET').toUpperCase()} ${provider.url}`;
    case 'process':
      return `${provider.path} ${args(provider.arguments)}`.trim();
    case 'python':
    case 'javascript':
      return `${provider.module}${provider.type === 'python' ? '.' : '#'}${provider.func}(${args(provider.arguments)})`;
    default:
      return JSON.stringify(provider);
  }
}

/** A short preview of an activity's output for tables. */
export function previewOutput(output: unknown, max = 140): string {
  if (output === undefined || output === null) return '';
  // an HTTP provider's {status, headers, body}: the headers are noise in a table
  if (
    typeof output === 'object' &&
    !Array.isArray(output) &&
    'status' in output &&
    'headers' in output &&
    typeof output.status === 'number'
  ) {
    const body = 'body' in output ? output.body : undefined;
    return previewOutput(
      `HTTP ${output.status}${body === undefined || body === '' ? '' : ` ${typeof body === 'string' ? body : JSON.stringify(body)}`}`,
      max,
    );
  }
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
