import type { ActivityContext } from '@faultline/core';
import { ProxyClient } from '../client/proxy-client.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * The API to talk to, from the experiment's configuration: `faultline_proxy_url`, else
 * chaostoolkit-toxiproxy's `toxiproxy_url`, else `toxiproxy_host` + `toxiproxy_port` (8474).
 * The token comes from secrets (or configuration) `faultline_proxy_token`.
 */
export function proxyUrl(ctx: Pick<ActivityContext, 'configuration'>): string {
  const c = ctx.configuration;
  const url = text(c.faultline_proxy_url) ?? text(c.toxiproxy_url);
  if (url) return url;
  return `http://${text(c.toxiproxy_host) ?? '127.0.0.1'}:${text(c.toxiproxy_port) ?? '8474'}`;
}

export function clientFor(ctx: ActivityContext): ProxyClient {
  const token = text(ctx.secrets.faultline_proxy_token) ?? text(ctx.configuration.faultline_proxy_token);
  return new ProxyClient(proxyUrl(ctx), { token, signal: ctx.signal });
}
