import { afterEach, describe, expect, it } from 'vitest';
import type { Activity, Journal, PendingRevert, RunEntry } from '@faultline/core';
import { createRunMetrics, type MetricsServer } from './create-run-metrics.js';

const at = (s: number) => new Date(Date.UTC(2024, 4, 1, 12, 0, s)).toISOString();
const action: Activity = {
  type: 'action',
  name: 'terminate-app-pod',
  provider: { type: 'python', module: 'chaosk8s.pod.actions', func: 'terminate_pods' },
};
const probe: Activity = {
  type: 'probe',
  name: 'api-responds-normally',
  provider: { type: 'http', url: 'http://127.0.0.1/health' },
};
const entry = (activity: Activity, status: RunEntry['status'], duration: number): RunEntry => ({
  activity,
  status,
  duration,
  start: at(1),
  end: at(2),
});
const revert = (id: string, status: PendingRevert['status'] = 'pending'): PendingRevert => ({
  id,
  title: 'restore',
  driver: '@faultline/kubernetes',
  func: 'x',
  arguments: {},
  activity: 'terminate-app-pod',
  registered: at(1),
  status,
});

let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createRunMetrics', () => {
  it('serves run metrics on /metrics, fed by run events', async () => {
    const metrics = createRunMetrics();
    server = await metrics.startServer(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scrape = async () => (await fetch(server!.url)).text();
    const labels = 'experiment="Pod Resilience Experiment",run_id="run-42"';

    const { observer } = metrics;
    observer.onEvent({
      type: 'run-started',
      experiment: { title: 'Pod Resilience Experiment' },
      runId: 'run-42',
      at: at(0),
    });
    observer.onEvent({
      type: 'hypothesis-ended',
      phase: 'before',
      result: { steady_state_met: true, probes: [] },
      at: at(1),
    });
    observer.onEvent({
      type: 'activity-ended',
      activity: probe,
      phase: 'hypothesis',
      entry: entry(probe, 'succeeded', 0.02),
      at: at(1),
    });
    observer.onEvent({ type: 'fault-registered', revert: revert('r1'), at: at(2) });
    observer.onEvent({ type: 'fault-registered', revert: revert('r2'), at: at(2) });
    observer.onEvent({
      type: 'activity-ended',
      activity: action,
      phase: 'method',
      entry: entry(action, 'succeeded', 3),
      at: at(5),
    });

    let text = await scrape();
    expect(text).toContain(`faultline_run_in_progress{${labels}} 1`);
    expect(text).toContain(`faultline_faults_injected{${labels},activity="terminate-app-pod"} 2`);
    expect(text).toContain(`faultline_steady_state_met{${labels},phase="before"} 1`);
    expect(text).toContain(
      `faultline_activity_duration_seconds_count{${labels},activity="terminate-app-pod",type="action",phase="method",status="succeeded"} 1`,
    );
    expect(text).toContain(
      `faultline_activity_duration_seconds_sum{${labels},activity="terminate-app-pod",type="action",phase="method",status="succeeded"} 3`,
    );
    expect(text).toContain(`faultline_run_start_timestamp_seconds{${labels}} ${Date.parse(at(0)) / 1000}`);
    expect(text).toMatch(/faultline_run_duration_seconds\{[^}]+\} \d+/);

    observer.onEvent({ type: 'fault-reverted', revert: revert('r1', 'reverted'), at: at(6) });
    observer.onEvent({ type: 'fault-reverted', revert: revert('r1', 'reverted'), at: at(6) }); // duplicates do not go negative
    observer.onEvent({ type: 'fault-reverted', revert: revert('r2', 'failed'), at: at(6) }); // still injected
    observer.onEvent({
      type: 'hypothesis-ended',
      phase: 'after',
      result: { steady_state_met: false, probes: [] },
      at: at(7),
    });
    observer.onEvent({ type: 'run-ended', journal: { status: 'completed', deviated: true } as Journal, at: at(10) });

    text = await scrape();
    expect(text).toContain(`faultline_faults_injected{${labels},activity="terminate-app-pod"} 1`);
    expect(text).toContain(
      `faultline_faults_reverted_total{${labels},activity="terminate-app-pod",status="reverted"} 1`,
    );
    expect(text).toContain(`faultline_faults_reverted_total{${labels},activity="terminate-app-pod",status="failed"} 1`);
    expect(text).toContain(`faultline_deviations_total{${labels},phase="after"} 1`);
    expect(text).toContain(`faultline_steady_state_met{${labels},phase="after"} 0`);
    expect(text).toContain(`faultline_runs_total{${labels},status="completed"} 1`);
    expect(text).toContain(`faultline_run_deviated{${labels}} 1`);
    expect(text).toContain(`faultline_run_in_progress{${labels}} 0`);
    expect(text).toContain(`faultline_run_duration_seconds{${labels}} 10`);
  });

  it('answers 404 elsewhere and binds 127.0.0.1 by default', async () => {
    server = await createRunMetrics().startServer(0);
    const other = await fetch(server.url.replace('/metrics', '/'));
    expect(other.status).toBe(404);
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});
