import { parseDuration, type ActivityContext } from '@faultline/core';
import { clientFromContext } from '../http/client-from-context.js';
import type { PrometheusClient } from '../http/prometheus-client.js';

/** The client for an activity, plus the `timeout` query parameter Prometheus understands. */
export function connect(
  ctx: ActivityContext,
  args: { timeout?: number | string; verify_tls?: boolean },
): { client: PrometheusClient; extra: { timeout?: string } } {
  const timeoutSeconds = args.timeout === undefined ? undefined : parseDuration(args.timeout, 'timeout');
  const client = clientFromContext(ctx.configuration, ctx.secrets, {
    verify_tls: args.verify_tls,
    timeoutSeconds,
    signal: ctx.signal,
  });
  return { client, extra: timeoutSeconds === undefined ? {} : { timeout: `${timeoutSeconds}s` } };
}
