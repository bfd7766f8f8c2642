import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityResolver, runExperiment, type Experiment } from '@faultline/core';
import { createTestContext, findSystemBinary } from '@faultline/core/testing';
import { computeMean } from './activities/compute-mean.js';
import { queryInterval } from './activities/query-interval.js';
import { queryValue } from './activities/query-value.js';
import { query } from './activities/query.js';
import { slo } from './activities/slo.js';
import { queryResultsHigherThanThreshold } from './activities/query-results-higher-than-threshold.js';
import { queryResultsLowerThanThreshold } from './activities/query-results-lower-than-threshold.js';
import { PrometheusClient, type PrometheusResponse } from './http/prometheus-client.js';
import { mean } from './values/mean.js';
import { sampleValues } from './values/sample-values.js';
import { verifyJournal } from './verify/verify-journal.js';
import { driver } from './activities/driver.js';
import { createRunMetrics } from './run-metrics/create-run-metrics.js';
import { startPrometheus, type RunningPrometheus } from './testing/start-prometheus.js';
import { startTestService, type TestService } from './testing/start-test-service.js';

// Real Prometheus, scraping a service whose error rate and latency the test sets: phase A is
// healthy (no errors, 40 ms), phase B is degraded (20% errors, 600 ms). Every assertion is on
// values Prometheus computed from those scrapes.
const binary = findSystemBinary('prometheus');

const errorRatio = 'sum(rate(http_requests_total{code="500"}[$window])) / sum(rate(http_requests_total[$window]))';
const p99 = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$window])))';

describe.skipIf(!binary)('against a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let service: TestService;
  let client: PrometheusClient;
  let phaseA: { start: Date; end: Date };
  let phaseB: { start: Date; end: Date };
  const ctx = () => createTestContext({ configuration: { prometheus_base_url: prometheus.url } });
  const run = <T extends { arguments: { parse(input: unknown): unknown }; run(args: never, c: never): unknown }>(
    activity: T,
    args: Record<string, unknown>,
  ) => Promise.resolve(activity.run(activity.arguments.parse(args) as never, ctx() as never));

  const sampleCount = async () => {
    const values = sampleValues(await client.query('count_over_time(test_gauge[10m])')).flatMap((s) => s.values);
    return values[0] ?? 0;
  };
  const waitForSamples = async (atLeast: number) => {
    const deadline = Date.now() + 40_000;
    while ((await sampleCount()) < atLeast) {
      if (Date.now() > deadline) throw new Error(`Prometheus did not scrape ${atLeast} samples in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    service = await startTestService({ rps: 100, errorRatio: 0, latencySeconds: 0.04, gauge: 1 });
    prometheus = await startPrometheus({ binary: binary!, targets: [service.target] });
    client = new PrometheusClient({ baseUrl: prometheus.url });
    await waitForSamples(1);
    const aStart = new Date();
    await waitForSamples(7);
    const aEnd = new Date();
    service.setProfile({ rps: 100, errorRatio: 0.2, latencySeconds: 0.6, gauge: 4 });
    const before = await sampleCount();
    await waitForSamples(before + 7);
    phaseA = { start: aStart, end: aEnd };
    phaseB = { start: aEnd, end: new Date() };
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await service?.stop();
  });

  describe('query', () => {
    it('returns the JSON envelope as-is', async () => {
      const result = (await run(query, { query: 'http_requests_total' })) as PrometheusResponse;
      expect(result.status).toBe('success');
      expect(result.data.resultType).toBe('vector');
      expect(
        sampleValues(result)
          .map((s) => s.metric.code)
          .sort(),
      ).toEqual(['200', '500']);
    });

    it('honours `when`, as a date or relative', async () => {
      const inA = new Date((phaseA.start.getTime() + phaseA.end.getTime()) / 2).toISOString();
      const atA = (await run(query, { query: 'test_gauge', when: inA })) as PrometheusResponse;
      expect(sampleValues(atA)[0]!.values[0]).toBe(1);
      const now = (await run(query, { query: 'test_gauge', when: 'now' })) as PrometheusResponse;
      expect(sampleValues(now)[0]!.values[0]).toBe(4);
      const longAgo = (await run(query, { query: 'test_gauge', when: '1 hour ago' })) as PrometheusResponse;
      expect(sampleValues(longAgo)).toEqual([]);
    });

    it('fails clearly on invalid PromQL', async () => {
      await expect(run(query, { query: 'sum(' })).rejects.toMatchObject({ code: 'E_PROMETHEUS_QUERY' });
    });
  });

  describe('query_interval', () => {
    it('returns both phases between a date and "now"', async () => {
      const result = (await run(queryInterval, {
        query: 'test_gauge',
        start: phaseA.start.toISOString(),
        end: 'now',
        step: '1s',
      })) as PrometheusResponse;
      expect(result.data.resultType).toBe('matrix');
      const values = sampleValues(result)[0]!.values;
      expect(values).toContain(1);
      expect(values).toContain(4);
      expect(values.length).toBeGreaterThan(8);
    });

    it('picks a step Prometheus accepts for long windows', async () => {
      const result = (await run(queryInterval, { query: 'test_gauge', start: '2 days ago' })) as PrometheusResponse;
      expect(result.status).toBe('success');
      await expect(run(queryInterval, { query: 'test_gauge', start: '2 days ago', step: 1 })).rejects.toMatchObject({
        message: expect.stringContaining('11,000'),
      });
    });

    it('accepts "N seconds ago"', async () => {
      const result = (await run(queryInterval, {
        query: 'test_gauge',
        start: '3 seconds ago',
        end: 'now',
        step: 1,
      })) as PrometheusResponse;
      expect(new Set(sampleValues(result)[0]!.values)).toEqual(new Set([4]));
    });
  });

  describe('compute_mean', () => {
    it('computes arithmetic, geometric and harmonic means of what Prometheus returns', async () => {
      const end = phaseB.end.toISOString();
      const raw = (await run(queryInterval, {
        query: 'test_gauge',
        start: new Date(phaseB.end.getTime() - 30_000).toISOString(),
        end,
        step: 1,
      })) as PrometheusResponse;
      const values = sampleValues(raw).flatMap((s) => s.values);
      const means: Record<string, number> = {};
      for (const mean_type of ['arithmetic', 'geometric', 'harmonic'] as const) {
        means[mean_type] = (await run(computeMean, {
          query: 'test_gauge',
          window: '30s',
          end,
          step: 1,
          mean_type,
        })) as number;
        expect(means[mean_type]).toBeCloseTo(mean(values, mean_type), 9);
      }
      // Ones and fours: the three means differ (Chaos Toolkit returned the arithmetic one for "harmonic").
      expect(means.harmonic!).toBeLessThan(means.geometric!);
      expect(means.geometric!).toBeLessThan(means.arithmetic!);
      expect(means.harmonic!).toBeGreaterThan(1);
      expect(means.arithmetic!).toBeLessThan(4);
    });

    it('fails when the window holds no data', async () => {
      await expect(run(computeMean, { query: 'does_not_exist', window: '1m' })).rejects.toMatchObject({
        code: 'E_PROMETHEUS_NO_DATA',
      });
    });
  });

  describe('query_value', () => {
    const ratio = errorRatio.replaceAll('$window', '5s');

    it('returns the error ratio Prometheus computed, as a number', async () => {
      const degraded = (await run(queryValue, { query: ratio })) as number;
      expect(degraded).toBeGreaterThan(0.15);
      expect(degraded).toBeLessThan(0.25);
      const healthy = (await run(queryValue, { query: ratio, when: phaseA.end.toISOString() })) as number;
      expect(healthy).toBe(0);
    });

    it('treats an empty result as a failure, not a pass', async () => {
      await expect(run(queryValue, { query: 'does_not_exist' })).rejects.toMatchObject({
        code: 'E_PROMETHEUS_NO_DATA',
      });
    });

    it('needs an aggregation for several series', async () => {
      await expect(run(queryValue, { query: 'http_requests_total' })).rejects.toMatchObject({
        code: 'E_PROMETHEUS_MANY_SERIES',
      });
      const sum = (await run(queryValue, { query: 'http_requests_total', aggregate: 'sum' })) as number;
      const max = (await run(queryValue, { query: 'http_requests_total', aggregate: 'max' })) as number;
      expect(sum).toBeGreaterThan(max);
      const series = (await run(queryValue, { query: 'http_requests_total', aggregate: 'series' })) as Array<{
        metric: Record<string, string>;
        value: number;
      }>;
      expect(series.map((s) => s.metric.code).sort()).toEqual(['200', '500']);
    });

    it('reports NaN (0/0) unless told what it means', async () => {
      const noTraffic = 'sum(rate(http_requests_total[5s])) * 0 / 0';
      await expect(run(queryValue, { query: noTraffic })).rejects.toMatchObject({ code: 'E_PROMETHEUS_NAN' });
      expect(await run(queryValue, { query: noTraffic, nan_as: 0 })).toBe(0);
    });
  });

  describe('slo', () => {
    const windowA = () => ({
      when: phaseA.end.toISOString(),
      window: `${Math.floor((phaseA.end.getTime() - phaseA.start.getTime()) / 1000)}s`,
    });
    const windowB = () => ({
      when: phaseB.end.toISOString(),
      window: `${Math.floor((phaseB.end.getTime() - phaseB.start.getTime()) / 1000)}s`,
    });

    it('holds while healthy and catches the violation when degraded', async () => {
      expect(await run(slo, { indicator: errorRatio, objective: '< 1%', ...windowA() })).toBe(true);
      expect(await run(slo, { indicator: p99, objective: '< 300ms', ...windowA() })).toBe(true);
      expect(await run(slo, { indicator: errorRatio, objective: '< 1%', ...windowB() })).toBe(false);
      expect(await run(slo, { indicator: p99, objective: '< 300ms', ...windowB() })).toBe(false);
    });

    it('reports what it measured with detail: true', async () => {
      const result = (await run(slo, {
        name: 'errors',
        indicator: errorRatio,
        objective: '< 1%',
        detail: true,
        ...windowB(),
      })) as Record<string, unknown>;
      expect(result).toMatchObject({ name: 'errors', status: 'violated', met: false, objective: '< 1%' });
      expect(result.measured).toBeGreaterThan(0.15);
      expect(result.measured).toBeLessThan(0.25);
      expect(result.query).not.toContain('$window');
    });

    it('samples indicators without $window and keeps the worst value', async () => {
      const both = {
        when: phaseB.end.toISOString(),
        window: `${Math.ceil((phaseB.end.getTime() - phaseA.start.getTime()) / 1000)}s`,
      };
      expect(await run(slo, { indicator: 'test_gauge', objective: '< 2', ...both })).toBe(false);
      expect(await run(slo, { indicator: 'test_gauge', objective: '< 2', aggregate: 'min', ...both })).toBe(true);
      expect(await run(slo, { indicator: 'test_gauge', objective: '>= 1', ...both })).toBe(true);
    });

    it('fails on no data unless on_no_data: pass', async () => {
      await expect(run(slo, { indicator: 'does_not_exist', objective: '< 1', window: '10s' })).rejects.toMatchObject({
        code: 'E_PROMETHEUS_NO_DATA',
      });
      expect(await run(slo, { indicator: 'does_not_exist', objective: '< 1', window: '10s', on_no_data: 'pass' })).toBe(
        true,
      );
    });
  });

  describe('chaosprometheus.verification tolerances', () => {
    it('compare every sample of query and query_interval results with a threshold', async () => {
      const ratio = errorRatio.replaceAll('$window', '5s');
      const healthy = await run(query, { query: ratio, when: phaseA.end.toISOString() });
      const degraded = await run(query, { query: ratio });
      expect(await run(queryResultsLowerThanThreshold, { value: healthy, threshold: 0.01 })).toBe(true);
      expect(await run(queryResultsLowerThanThreshold, { value: degraded, threshold: 0.01 })).toBe(false);
      expect(await run(queryResultsHigherThanThreshold, { value: degraded, threshold: 0.1 })).toBe(true);
      const both = await run(queryInterval, {
        query: 'test_gauge',
        start: phaseA.start.toISOString(),
        end: phaseB.end.toISOString(),
        step: 1,
      });
      expect(await run(queryResultsLowerThanThreshold, { value: both, threshold: 2 })).toBe(false);
      expect(await run(queryResultsLowerThanThreshold, { value: both, threshold: 5 })).toBe(true);
      const empty = await run(query, { query: 'does_not_exist' });
      expect(await run(queryResultsLowerThanThreshold, { value: empty, threshold: 5 })).toBe(false);
    });
  });

  describe('verifyJournal', () => {
    const slos = {
      slos: [
        { name: 'error-ratio', indicator: errorRatio, objective: '< 1%' },
        { name: 'p99-latency', indicator: p99, objective: '< 300ms' },
      ],
    };
    const journal = (window: { start: Date; end: Date }) => ({
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      experiment: { title: 't', configuration: { prometheus_base_url: prometheus.url } },
    });

    it('passes a run whose window was healthy', async () => {
      const report = await verifyJournal({ journal: journal(phaseA), slos });
      expect(report.violated).toBe(0);
      expect(report.results.map((r) => r.status)).toEqual(['met', 'met']);
      expect(report.results[0]!.measured).toBe(0);
      expect(report.results[1]!.measured).toBeLessThan(0.05);
    });

    it('catches the violations of a degraded run, with the measured values', async () => {
      const report = await verifyJournal({ journal: journal(phaseB), slos, prometheusUrl: prometheus.url });
      expect(report.violated).toBe(2);
      expect(report.results[0]!.measured).toBeGreaterThan(0.1);
      expect(report.results[1]!.measured).toBeGreaterThan(0.5);
    });

    it('extends the window with margins', async () => {
      const report = await verifyJournal({
        journal: journal({ start: phaseA.start, end: new Date(phaseA.end.getTime() - 3000) }),
        slos,
        marginAfter: '10s',
      });
      expect(report.violated).toBe(2);
      expect(Date.parse(report.window.end)).toBeGreaterThan(phaseA.end.getTime());
    });
  });
  describe('through the engine', () => {
    // The experiment a user writes: Chaos Toolkit python names, a range tolerance on query_value,
    // the slo probe with `tolerance: true`, and the chaosprometheus.metrics control.
    const experiment = (when: string, pushgateway: string): Experiment => ({
      title: 'checkout keeps its SLOs',
      configuration: { prometheus_base_url: prometheus.url },
      controls: [
        {
          name: 'prometheus',
          provider: {
            type: 'python',
            module: 'chaosprometheus.metrics',
            arguments: { pushgateway_url: pushgateway, job: 'chaos' },
          },
        },
      ],
      'steady-state-hypothesis': {
        title: 'error ratio and latency within SLO',
        probes: [
          {
            type: 'probe',
            name: 'error-ratio',
            tolerance: { type: 'range', range: [0, 0.01] },
            provider: {
              type: 'python',
              module: 'chaosprometheus.probes',
              func: 'query_value',
              arguments: { query: errorRatio.replaceAll('$window', '5s'), when },
            },
          },
          {
            type: 'probe',
            name: 'p99-slo',
            tolerance: true,
            provider: {
              type: 'python',
              module: 'chaosprometheus.probes',
              func: 'slo',
              arguments: { indicator: p99, objective: '< 300ms', window: '5s', when },
            },
          },
        ],
      },
      method: [
        {
          type: 'probe',
          name: 'gauge',
          provider: {
            type: 'python',
            module: 'chaosprometheus.probes',
            func: 'query',
            arguments: { query: 'test_gauge' },
          },
        },
      ],
    });

    it('holds the steady state on healthy data and reports the failure on degraded data', async () => {
      const pushes: string[] = [];
      const gateway = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c;
        });
        req.on('end', () => {
          pushes.push(`${req.method} ${req.url}\n${body}`);
          res.end();
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      const pushgateway = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
      try {
        const resolver = new ActivityResolver([
          { name: driver.name, pythonPrefixes: ['chaosprometheus'], load: async () => driver },
        ]);
        const metrics = createRunMetrics();
        const healthy = await runExperiment({
          experiment: experiment(phaseA.end.toISOString(), pushgateway),
          baseDir: process.cwd(),
          resolver,
          observers: [metrics.observer],
        });
        expect(healthy.status).toBe('completed');
        expect(healthy.deviated).toBe(false);
        expect(healthy.steady_states.before!.probes.map((p) => [p.activity.name, p.output, p.tolerance_met])).toEqual([
          ['error-ratio', 0, true],
          ['p99-slo', true, true],
        ]);

        const degraded = await runExperiment({
          experiment: experiment('now', pushgateway),
          baseDir: process.cwd(),
          resolver,
          observers: [metrics.observer],
        });
        expect(degraded.steady_states.before!.steady_state_met).toBe(false);
        const [ratio] = degraded.steady_states.before!.probes;
        expect(ratio!.tolerance_met).toBe(false);
        expect(ratio!.output).toBeGreaterThan(0.15);
        expect(degraded.run).toEqual([]); // the method is skipped

        const text = await metrics.registry.metrics();
        expect(text).toMatch(
          /faultline_runs_total\{experiment="checkout keeps its SLOs",run_id="[^"]+",status="completed"\} 1/,
        );
        expect(text).toMatch(/faultline_steady_state_met\{[^}]*phase="before"\} 0/);
        expect(pushes.filter((p) => p.startsWith('PUT /metrics/job/chaos/')).length).toBe(4);
        expect(pushes[1]).toMatch(
          /chaostoolkit_experiment_status\{[^}]*chaostoolkit_experiment_status="completed"\} 1/,
        );
      } finally {
        gateway.closeAllConnections();
        await new Promise<void>((resolve) => gateway.close(() => resolve()));
      }
    });
  });
});
