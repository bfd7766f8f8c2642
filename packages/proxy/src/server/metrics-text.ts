import type { Proxy } from '../proxy/proxy.js';

const escape = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: Record<string, string>): string =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',')}}`;

/**
 * Prometheus text exposition: Toxiproxy's byte counters under their names (so its dashboards
 * work), plus live connections and HTTP fault counts.
 */
export function metricsText(proxies: readonly Proxy[]): string {
  const received: string[] = [];
  const sent: string[] = [];
  const connections: string[] = [];
  const faults: string[] = [];
  for (const proxy of proxies) {
    const totals = proxy.byteTotals();
    const base = { proxy: proxy.name, listener: proxy.listen, upstream: proxy.upstream };
    received.push(
      `toxiproxy_proxy_received_bytes_total${labels({ direction: 'upstream', ...base })} ${totals.upstreamReceived}`,
    );
    received.push(
      `toxiproxy_proxy_received_bytes_total${labels({ direction: 'downstream', ...base })} ${totals.downstreamReceived}`,
    );
    sent.push(`toxiproxy_proxy_sent_bytes_total${labels({ direction: 'upstream', ...base })} ${totals.upstreamSent}`);
    sent.push(
      `toxiproxy_proxy_sent_bytes_total${labels({ direction: 'downstream', ...base })} ${totals.downstreamSent}`,
    );
    connections.push(`faultline_proxy_connections${labels({ proxy: proxy.name })} ${proxy.connections.size}`);
    for (const [fault, counts] of Object.entries(proxy.http?.faults.counters() ?? {})) {
      faults.push(
        `faultline_proxy_http_faults_total${labels({ proxy: proxy.name, fault, action: 'abort' })} ${counts.aborted}`,
      );
      faults.push(
        `faultline_proxy_http_faults_total${labels({ proxy: proxy.name, fault, action: 'delay' })} ${counts.delayed}`,
      );
    }
  }
  return [
    '# HELP toxiproxy_proxy_received_bytes_total Bytes received by the proxy, per direction.',
    '# TYPE toxiproxy_proxy_received_bytes_total counter',
    ...received,
    '# HELP toxiproxy_proxy_sent_bytes_total Bytes sent by the proxy, per direction.',
    '# TYPE toxiproxy_proxy_sent_bytes_total counter',
    ...sent,
    '# HELP faultline_proxy_connections Open client connections per proxy.',
    '# TYPE faultline_proxy_connections gauge',
    ...connections,
    '# HELP faultline_proxy_http_faults_total Requests aborted or delayed by an HTTP fault.',
    '# TYPE faultline_proxy_http_faults_total counter',
    ...faults,
    '',
  ].join('\n');
}
