import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { applySchedule, listSchedules, renderSchedule } from '@faultline/kubernetes/schedule';
import { selfSignedCert } from '@faultline/core/testing';
import type { FakeApiServer } from '@faultline/kubernetes/testing';
import { findPostgresBin, startPostgresServer, type PostgresServer } from '@faultline/core/testing';
import { runCli, tempDir } from './cli-harness.js';
import { noopExperiment, recordedRun, recordingControlSettings } from './recording-control.js';
import {
  authorizerFor,
  experiment,
  killingOne,
  lastResultOf,
  livePods as livePodsOf,
  podFor,
  scheduleOf,
  startShopApiServer,
} from './schedule-pod.js';

describe("a schedule's Job, run as the pod runs it", () => {
  let server: FakeApiServer;
  const tls = selfSignedCert();

  beforeAll(async () => {
    server = await startShopApiServer(tls);
  });
  afterAll(async () => {
    await server.close();
  });
  // Each test starts as the cluster admin (it applies the schedule), then narrows to the Job's RBAC.
  beforeEach(() => {
    server.authorize = () => true;
  });
  const livePods = (labelSelector: string) => livePodsOf(server, labelSelector);

  it('uses the in-cluster service account, runs the experiment with only its RBAC, and leaves its result for schedule list', async () => {
    const { objects } = await scheduleOf('checkout', experiment);
    const api = k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig);
    await applySchedule(api, { name: 'checkout', namespace: 'chaos' }, objects);
    server.authorize = authorizerFor(objects, 'chaos');

    const storePath = join(tempDir('faultline-store-'), 'runs.sqlite');
    const { args, env, mount, workDir } = podFor(objects, server, tls.cert, { 'faultline-store/url': storePath });
    const since = server.requests.length;
    const result = await runCli(args, { cwd: workDir, env, timeoutMs: 60_000 });

    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^journal: \{.*"status":"completed"/m);
    expect(livePods('app=checkout')).toHaveLength(1);
    expect(server.requests.slice(since).some((request) => request.method === 'DELETE')).toBe(true);
    // Every call went to the fake with the service account's token, and RBAC allowed it.
    expect(server.requests.slice(since).filter((request) => (request.status ?? 200) >= 400)).toEqual([]);
    const summary = lastResultOf(server, 'checkout');
    expect(summary).toMatchObject({ status: 'completed', deviated: false, pod: 'faultline-checkout-29000000-abcde' });
    server.authorize = () => true;
    // The run is in the store the Secret names.
    const history = await runCli(['--no-log-file', 'history', '--store', storePath, '--output', 'json'], {
      cwd: workDir,
    });
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('checkout survives losing a pod');
    const [listed] = await listSchedules(api, { namespace: 'chaos' });
    expect(listed?.lastResult?.status).toBe('completed');

    // A run that cannot start (here: an invalid experiment) still leaves its result.
    server.authorize = authorizerFor(objects, 'chaos');
    writeFileSync(join(mount, 'experiment.yaml'), 'title: no method\n');
    const broken = await runCli(args, { cwd: workDir, env, timeoutMs: 60_000 });
    expect(broken.code).toBe(64);
    const failed = lastResultOf(server, 'checkout');
    expect(failed).toMatchObject({ status: 'error', pod: 'faultline-checkout-29000000-abcde' });
    expect(failed.error).toMatch(/method/);
  });

  const pgBin = findPostgresBin();
  it.skipIf(!pgBin)('records its run in a real PostgreSQL store named by the Secret reference', async () => {
    let pg: PostgresServer | undefined;
    try {
      pg = await startPostgresServer(pgBin!);
      const database = pg.createDatabase('schedule_store');
      const { objects } = await scheduleOf('cart', killingOne('cart', 'cart survives losing a pod'));
      server.authorize = () => true;
      await applySchedule(
        k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig),
        { name: 'cart', namespace: 'chaos' },
        objects,
      );
      server.authorize = authorizerFor(objects, 'chaos');
      const { args, env, workDir } = podFor(objects, server, tls.cert, { 'faultline-store/url': database });
      expect(env.FAULTLINE_STORE).toBe(database);
      const result = await runCli(args, { cwd: workDir, env, timeoutMs: 60_000 });
      expect(result.stderr).not.toMatch(/error|not recorded/i);
      expect(result.code).toBe(0);
      expect(livePods('app=cart')).toHaveLength(1);
      // The row is in the server's own tables, and history reads it back from there.
      expect(
        pg.psql(
          "SELECT outcome FROM runs JOIN experiments e ON e.id = runs.experiment_id WHERE e.title = 'cart survives losing a pod'",
          'schedule_store',
        ),
      ).toBe('held');
      server.authorize = () => true;
      const history = await runCli(['--no-log-file', 'history', '--store', database, '--output', 'json'], {
        cwd: workDir,
      });
      expect(history.code).toBe(0);
      expect(JSON.parse(history.stdout).runs).toMatchObject([{ outcome: 'held' }]);
    } finally {
      pg?.stop();
    }
  });

  it('runs a scheduled game day plan the same way, and records its outcome', async () => {
    const killSearch = killingOne('search');
    const plan = {
      title: 'search game day',
      steps: [
        { name: 'first', experiment: 'kill-search.yaml' },
        { name: 'second', experiment: 'kill-search.yaml' },
      ],
    };
    const { objects } = await renderSchedule({
      name: 'search-day',
      namespace: 'chaos',
      cron: '@weekly',
      files: { 'plan.yaml': stringify(plan), 'kill-search.yaml': stringify(killSearch) },
      entry: { kind: 'plan', file: 'plan.yaml' },
      experiments: [killSearch],
      maxDurationSeconds: 600,
      image: 'faultline:test',
    });
    server.authorize = () => true;
    await applySchedule(
      k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig),
      { name: 'search-day', namespace: 'chaos' },
      objects,
    );
    server.authorize = authorizerFor(objects, 'chaos');
    const { args, env, workDir } = podFor(objects, server, tls.cert);
    expect(args.slice(0, 3)).toEqual(['schedule', 'job', '--plan']);
    const result = await runCli(args, { cwd: workDir, env, timeoutMs: 90_000 });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(livePods('app=search')).toHaveLength(1);
    const summary = lastResultOf(server, 'search-day');
    expect(summary).toMatchObject({ status: 'completed', deviated: false });
    expect(summary.runId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("runs the settings' global controls around an experiment and each step of a plan, as faultline run does", async () => {
    const { settingsPath, hooks } = recordingControlSettings(tempDir('faultline-settings-'));
    const api = k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig);
    const entries = [
      { name: 'controlled', entry: { kind: 'experiment', file: 'noop.yaml' } as const, ran: ['noop.yaml'] },
      { name: 'controlled-day', entry: { kind: 'plan', file: 'plan.yaml' } as const, ran: ['noop.yaml', 'noop.yaml'] },
    ];
    for (const { name, entry, ran } of entries) {
      const plan = {
        title: 'controlled day',
        steps: ['first', 'second'].map((step) => ({ name: step, experiment: 'noop.yaml' })),
      };
      const { objects } = await renderSchedule({
        name,
        namespace: 'chaos',
        cron: '@weekly',
        files: { 'noop.yaml': stringify(noopExperiment('does nothing')), 'plan.yaml': stringify(plan) },
        entry,
        experiments: [noopExperiment('does nothing')],
        maxDurationSeconds: 300,
        image: 'faultline:test',
      });
      server.authorize = () => true;
      await applySchedule(api, { name, namespace: 'chaos' }, objects);
      server.authorize = authorizerFor(objects, 'chaos');
      const { args, env, mount, workDir } = podFor(objects, server, tls.cert);
      const before = hooks().length;
      const result = await runCli(['--settings', settingsPath, ...args], { cwd: workDir, env, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      expect(lastResultOf(server, name)).toMatchObject({ status: 'completed' });
      expect(hooks().slice(before)).toEqual(ran.flatMap((file) => recordedRun(join(mount, file), 'does nothing')));
    }
  });
});
