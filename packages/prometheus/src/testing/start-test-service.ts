import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrafficProfile {
  /** Requests per second the service pretends to serve. */
  readonly rps: number;
  /** Fraction of them answered with HTTP 500. */
  readonly errorRatio: number;
  /** Latency of every request, seconds. */
  readonly latencySeconds: number;
  /** Value of the `test_gauge` gauge. */
  readonly gauge?: number;
}

export interface TestService {
  /** host:port to scrape. */
  readonly target: string;
  readonly url: string;
  /** Change the traffic from now on; counters keep what was served so far. */
  setProfile(profile: TrafficProfile): void;
  stop(): Promise<void>;
}

export const testServiceBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

/**
 * A service Prometheus scrapes whose error rate and latency the test decides. Counters are computed
 * from elapsed time at scrape time (not by a timer), so rates are exact whatever the machine's load:
 * http_requests_total{code}, http_request_duration_seconds histogram, test_gauge.
 */
export async function startTestService(initial: TrafficProfile): Promise<TestService> {
  let profile = initial;
  let since = Date.now();
  let ok = 0;
  let errors = 0;
  const buckets = new Map<number, number>(testServiceBuckets.map((le) => [le, 0]));
  let durationSum = 0;

  const settle = (now: number) => {
    const served = (profile.rps * (now - since)) / 1000;
    const failed = served * profile.errorRatio;
    ok += served - failed;
    errors += failed;
    durationSum += served * profile.latencySeconds;
    for (const le of testServiceBuckets) if (profile.latencySeconds <= le) buckets.set(le, buckets.get(le)! + served);
    since = now;
  };

  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    settle(Date.now());
    const total = ok + errors;
    const lines = [
      '# HELP http_requests_total Requests served, by status code.',
      '# TYPE http_requests_total counter',
      `http_requests_total{code="200"} ${ok}`,
      `http_requests_total{code="500"} ${errors}`,
      '# HELP http_request_duration_seconds Request latency.',
      '# TYPE http_request_duration_seconds histogram',
      ...testServiceBuckets.map((le) => `http_request_duration_seconds_bucket{le="${le}"} ${buckets.get(le)}`),
      `http_request_duration_seconds_bucket{le="+Inf"} ${total}`,
      `http_request_duration_seconds_sum ${durationSum}`,
      `http_request_duration_seconds_count ${total}`,
      '# HELP test_gauge A value the test sets.',
      '# TYPE test_gauge gauge',
      `test_gauge ${profile.gauge ?? 0}`,
      '',
    ];
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(lines.join('\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    setProfile(next) {
      settle(Date.now());
      profile = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
