import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RunEvent, RunObserver } from '@faultline/core';

export interface MetricsServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export interface RunMetrics {
  /** Feed it the run's events (pass it to the runner as an observer). */
  readonly observer: RunObserver;
  readonly registry: Registry;
  /** Serve GET /metrics on host:port (port 0 picks a free one). Binds 127.0.0.1 unless told otherwise. */
  startServer(port: number, host?: string): Promise<MetricsServer>;
}

/** Metric names are public (dashboards and alerts use them); they are listed in docs/prometheus.md. */
export const runMetricNames = {
  runsTotal: 'faultline_runs_total',
  runInProgress: 'faultline_run_in_progress',
  runStart: 'faultline_run_start_timestamp_seconds',
  runDuration: 'faultline_run_duration_seconds',
  runDeviated: 'faultline_run_deviated',
  deviationsTotal: 'faultline_deviations_total',
  steadyStateMet: 'faultline_steady_state_met',
  activityDuration: 'faultline_activity_duration_seconds',
  faultsInjected: 'faultline_faults_injected',
  faultsRevertedTotal: 'faultline_faults_reverted_total',
} as const;

/**
 * Prometheus metrics of a run, for `faultline run --metrics-port`: runs by status, deviations,
 * activity durations and faults currently injected, all labelled with the experiment title and
 * the run id so a dashboard can line them up with Grafana annotations.
 */
export function createRunMetrics(options: { registry?: Registry } = {}): RunMetrics {
  const registry = options.registry ?? new Registry();
  const base = ['experiment', 'run_id'] as const;
  const registers = [registry];
  const runsTotal = new Counter({
    name: runMetricNames.runsTotal,
    help: 'Experiment runs that ended, by journal status',
    labelNames: [...base, 'status'],
    registers,
  });
  const inProgress = new Gauge({
    name: runMetricNames.runInProgress,
    help: '1 while the run is in progress',
    labelNames: base,
    registers,
  });
  const runStart = new Gauge({
    name: runMetricNames.runStart,
    help: 'Unix time the run started',
    labelNames: base,
    registers,
  });
  const deviated = new Gauge({
    name: runMetricNames.runDeviated,
    help: '1 if the run ended deviated (steady state not met after the method)',
    labelNames: base,
    registers,
  });
  const deviations = new Counter({
    name: runMetricNames.deviationsTotal,
    help: 'Steady-state hypothesis evaluations that were not met, by phase',
    labelNames: [...base, 'phase'],
    registers,
  });
  const steadyState = new Gauge({
    name: runMetricNames.steadyStateMet,
    help: 'Last steady-state hypothesis result by phase (1 met, 0 not met)',
    labelNames: [...base, 'phase'],
    registers,
  });
  const activityDuration = new Histogram({
    name: runMetricNames.activityDuration,
    help: 'Duration of each activity run, seconds',
    labelNames: [...base, 'activity', 'type', 'phase', 'status'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers,
  });
  const faultsInjected = new Gauge({
    name: runMetricNames.faultsInjected,
    help: 'Faults injected and not yet reverted, by the activity that injected them',
    labelNames: [...base, 'activity'],
    registers,
  });
  const faultsReverted = new Counter({
    name: runMetricNames.faultsRevertedTotal,
    help: 'Revert attempts of injected faults, by outcome (reverted, failed, done-by-activity)',
    labelNames: [...base, 'activity', 'status'],
    registers,
  });

  let labels = { experiment: '', run_id: '' };
  let startedAt: number | undefined;
  let endedAt: number | undefined;
  // Elapsed while running, final once ended: computed at scrape time.
  new Gauge({
    name: runMetricNames.runDuration,
    help: 'Run duration so far (final once the run ended), seconds',
    labelNames: base,
    registers,
    collect() {
      if (startedAt !== undefined) this.set(labels, ((endedAt ?? Date.now()) - startedAt) / 1000);
    },
  });
  const injected = new Map<string, string>();

  const observer: RunObserver = {
    onEvent(event: RunEvent) {
      const at = Date.parse(event.at);
      switch (event.type) {
        case 'run-started':
          labels = { experiment: event.experiment.title, run_id: event.runId };
          startedAt = Number.isNaN(at) ? Date.now() : at;
          endedAt = undefined;
          inProgress.set(labels, 1);
          runStart.set(labels, startedAt / 1000);
          deviated.set(labels, 0);
          break;
        case 'hypothesis-ended':
          steadyState.set({ ...labels, phase: event.phase }, event.result.steady_state_met ? 1 : 0);
          if (!event.result.steady_state_met) deviations.inc({ ...labels, phase: event.phase });
          break;
        case 'activity-ended':
          activityDuration.observe(
            {
              ...labels,
              activity: event.activity.name,
              type: event.activity.type,
              phase: event.phase,
              status: event.entry.status ?? 'interrupted',
            },
            event.entry.duration,
          );
          break;
        case 'fault-registered':
          if (!injected.has(event.revert.id)) {
            injected.set(event.revert.id, event.revert.activity);
            faultsInjected.inc({ ...labels, activity: event.revert.activity });
          }
          break;
        case 'fault-reverted': {
          const activity = injected.get(event.revert.id);
          if (activity === undefined) break; // unknown or already counted
          faultsReverted.inc({ ...labels, activity, status: event.revert.status });
          // A revert that failed leaves the fault in place: it stays counted as injected.
          if (event.revert.status !== 'failed') {
            injected.delete(event.revert.id);
            faultsInjected.dec({ ...labels, activity });
          }
          break;
        }
        case 'run-ended':
          endedAt = Number.isNaN(at) ? Date.now() : at;
          inProgress.set(labels, 0);
          runsTotal.inc({ ...labels, status: event.journal.status });
          deviated.set(labels, event.journal.deviated ? 1 : 0);
          break;
        default:
          break;
      }
    },
  };

  return {
    observer,
    registry,
    startServer(port: number, host = '127.0.0.1') {
      const server: Server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
          return;
        }
        if (path !== '/metrics') {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('see /metrics\n');
          return;
        }
        registry.metrics().then(
          (text) =>
            res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
          (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
        );
      });
      return new Promise<MetricsServer>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const actual = (server.address() as AddressInfo).port;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          resolve({
            port: actual,
            url: `http://${shownHost}:${actual}/metrics`,
            close: () =>
              new Promise<void>((done) => {
                server.closeAllConnections();
                server.close(() => done());
              }),
          });
        });
      });
    },
  };
}
