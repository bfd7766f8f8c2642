import type { IncomingMessage, ServerResponse } from 'node:http';

const buckets = [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5];

/**
 * The gateway's request metrics in Prometheus' text format, so `faultline verify --slo` can judge a
 * run from what customers saw: `shop_http_requests_total{route,code}` and the latency histogram
 * `shop_http_request_duration_seconds`. A request the client gave up on counts with code 499.
 */
export function shopMetrics(): {
  observe(req: IncomingMessage, res: ServerResponse): void;
  render(): string;
} {
  const counts = new Map<string, number>();
  const histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  return {
    observe(req, res) {
      const start = process.hrtime.bigint();
      const route = req.url?.split('?')[0] === '/api/orders' ? '/api/orders' : 'other';
      res.once('close', () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const code = res.writableFinished ? res.statusCode : 499;
        const key = `route="${route}",code="${code}"`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        const histogram = histograms.get(route) ?? { buckets: buckets.map(() => 0), sum: 0, count: 0 };
        buckets.forEach((le, i) => (histogram.buckets[i] += seconds <= le ? 1 : 0));
        histogram.sum += seconds;
        histogram.count++;
        histograms.set(route, histogram);
      });
    },
    render() {
      const lines = [
        '# HELP shop_http_requests_total Requests answered by the gateway.',
        '# TYPE shop_http_requests_total counter',
        ...[...counts].map(([labels, n]) => `shop_http_requests_total{${labels}} ${n}`),
        '# HELP shop_http_request_duration_seconds Time the gateway took to answer.',
        '# TYPE shop_http_request_duration_seconds histogram',
      ];
      for (const [route, h] of histograms) {
        buckets.forEach((le, i) =>
          lines.push(`shop_http_request_duration_seconds_bucket{route="${route}",le="${le}"} ${h.buckets[i]}`),
        );
        lines.push(`shop_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${h.count}`);
        lines.push(`shop_http_request_duration_seconds_sum{route="${route}"} ${h.sum}`);
        lines.push(`shop_http_request_duration_seconds_count{route="${route}"} ${h.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
