import { UsageError, parseDuration } from '@faultline/core';

/**
 * Istio durations are protobuf Durations in JSON form: seconds with an "s" suffix ("3s", "0.5s").
 * Users write "3s", "500ms", "1m" or a number of seconds; all become that one form.
 */
export function istioDuration(value: string | number, what = 'fixed_delay'): string {
  const seconds = parseDuration(value, what);
  // Envoy's fault filter works in milliseconds and Istio rejects delays under 1ms.
  if (seconds < 0.001) {
    throw new UsageError(`${what} must be at least 1ms, got ${JSON.stringify(value)}`, {
      hint: 'write e.g. "500ms" or "3s"',
    });
  }
  return `${Number(seconds.toFixed(9))}s`;
}
