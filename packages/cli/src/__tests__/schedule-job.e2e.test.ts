import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  applySchedule,
  experimentMountPath,
  lastResultAnnotation,
  listSchedules,
  renderSchedule,
  type PolicyRule,
} from '@faultline/kubernetes/schedule';
import { selfSignedCert } from '@faultline/core/testing';
import {
  fakeObjects,
  startFakeApiServer,
  type FakeApiServer,
  type KubeObject,
  type RequestAttributes,
} from '@faultline/kubernetes/testing';
import { findPostgresBin, startPostgresServer, type PostgresServer } from '@faultline/core/testing';
import { runCli, tempDir } from './cli-harness.js';

const experiment = {
  version: '1.0.0',
  title: 'checkout survives losing a pod',
  description: 'scheduled every weekday',
  'steady-state-hypothesis': {
    title: 'checkout pods are healthy',
    probes: [
      {
        type: 'probe',
        name: 'checkout-healthy',
        tolerance: true,
        provider: {
          type: 'python',
          module: 'chaosk8s.pod.probes',
          func: 'all_pods_healthy',
          arguments: { ns: 'shop' },
        },
      },
    ],
  },
  method: [
    {
      type: 'action',
      name: 'kill-one-checkout-pod',
      provider: {
        type: 'python',
        module: 'chaosk8s.pod.actions',
        func: 'terminate_pods',
        arguments: { ns: 'shop', label_selector: 'app=checkout', qty: 1 },
      },
    },
  ],
};

/** The experiment, killing one pod labelled app=<app> instead. */
const killingOne = (app: string, title = experiment.title) => ({
  ...experiment,
  title,
  method: [
    {
      ...experiment.method[0]!,
      provider: { ...experiment.method[0]!.provider, arguments: { ns: 'shop', label_selector: `app=${app}`, qty: 1 } },
    },
  ],
});

/** A schedule of one experiment, recording into the store its Secret names. */
const scheduleOf = (name: string, scheduled: typeof experiment) =>
  renderSchedule({
    name,
    namespace: 'chaos',
    cron: '0 10 * * 1-5',
    files: { 'experiment.yaml': stringify(scheduled) },
    entry: { kind: 'experiment', file: 'experiment.yaml' },
    experiments: [scheduled],
    maxDurationSeconds: 300,
    image: 'faultline:test',
    storeSecret: { name: 'faultline-store', key: 'url' },
  });

/** What the rendered Roles grant, as the API server's authorizer would decide it. */
function authorizerFor(objects: readonly KubeObject[], namespace: string) {
  const roles = objects.filter((object) => object.kind === 'Role' || object.kind === 'ClusterRole');
  return (request: RequestAttributes) =>
    roles.some(
      (role) =>
        (role.kind === 'ClusterRole' || role.metadata?.namespace === (request.namespace ?? namespace)) &&
        (role['rules'] as PolicyRule[]).some(
          (rule) =>
            rule.apiGroups.includes(request.group) &&
            rule.resources.includes(
              request.subresource ? `${request.resource}/${request.subresource}` : request.resource,
            ) &&
            rule.verbs.includes(request.verb) &&
            (!rule.resourceNames || (request.name !== undefined && rule.resourceNames.includes(request.name))),
        ),
    );
}

/**
 * The pod of a rendered schedule, on this machine: the ConfigMap's files where it is mounted, an
 * emptyDir as working directory, the service account's token, CA and namespace, the kubelet's
 * service environment and the container's own, and its command with the mount path mapped.
 */
function podFor(
  objects: readonly KubeObject[],
  server: FakeApiServer,
  cert: string,
  secrets: Record<string, string> = {},
) {
  const root = tempDir('faultline-pod-');
  const mount = join(root, 'etc-faultline');
  const workDir = join(root, 'tmp');
  const serviceAccount = join(root, 'serviceaccount');
  for (const dir of [mount, workDir, serviceAccount]) mkdirSync(dir);
  const configMap = objects.find((object) => object.kind === 'ConfigMap')!;
  for (const [file, text] of Object.entries(configMap['data'] as Record<string, string>))
    writeFileSync(join(mount, file), text);
  writeFileSync(join(serviceAccount, 'token'), 'service-account-token');
  writeFileSync(join(serviceAccount, 'ca.crt'), cert);
  writeFileSync(join(serviceAccount, 'namespace'), 'chaos');
  const cronJob = objects.find((object) => object.kind === 'CronJob') as KubeObject & { spec: any };
  const container = cronJob.spec.jobTemplate.spec.template.spec.containers[0];
  expect(container.command).toEqual(['faultline']);
  const env: Record<string, string> = {
    KUBERNETES_SERVICE_HOST: '127.0.0.1',
    KUBERNETES_SERVICE_PORT: new URL(server.url).port,
    FAULTLINE_SERVICEACCOUNT_ROOT: serviceAccount,
    HOSTNAME: 'faultline-checkout-29000000-abcde',
    KUBECONFIG: join(root, 'no-kubeconfig'),
  };
  // The downward API gives the namespace; a secretKeyRef the Secret's value.
  for (const variable of container.env as Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }>) {
    const ref = variable.valueFrom?.secretKeyRef;
    env[variable.name] = ref ? secrets[`${ref.name}/${ref.key}`]! : variable.valueFrom ? 'chaos' : variable.value!;
  }
  const args = (container.args as string[]).map((arg) => arg.replace(experimentMountPath, mount));
  return { args, env, mount, workDir };
}

describe("a schedule's Job, run as the pod runs it", () => {
  let server: FakeApiServer;
  const tls = selfSignedCert();

  beforeAll(async () => {
    server = await startFakeApiServer({
      tls,
      token: 'service-account-token',
      reconcile: false,
      objects: [
        fakeObjects.namespace('chaos'),
        fakeObjects.namespace('shop'),
        fakeObjects.pod('checkout-1', { namespace: 'shop', labels: { app: 'checkout' } }),
        fakeObjects.pod('checkout-2', { namespace: 'shop', labels: { app: 'checkout' } }),
        ...[1, 2, 3].map((n) => fakeObjects.pod(`search-${n}`, { namespace: 'shop', labels: { app: 'search' } })),
        ...[1, 2].map((n) => fakeObjects.pod(`cart-${n}`, { namespace: 'shop', labels: { app: 'cart' } })),
      ],
    });
  });
  afterAll(async () => {
    await server.close();
  });
  // Each test starts as the cluster admin (it applies the schedule), then narrows to the Job's RBAC.
  beforeEach(() => {
    server.authorize = () => true;
  });
  // A deleted pod stays Terminating for its grace period, as on a real cluster: count the others.
  const livePods = (labelSelector: string) =>
    server.store
      .list('pods', { namespace: 'shop', labelSelector })
      .items.filter((pod) => !pod.metadata?.deletionTimestamp);

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
    const summary = JSON.parse(
      server.store.get('configmaps', 'chaos', 'faultline-checkout')!.metadata!.annotations![lastResultAnnotation]!,
    );
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
    const failed = JSON.parse(
      server.store.get('configmaps', 'chaos', 'faultline-checkout')!.metadata!.annotations![lastResultAnnotation]!,
    );
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
    const summary = JSON.parse(
      server.store.get('configmaps', 'chaos', 'faultline-search-day')!.metadata!.annotations![lastResultAnnotation]!,
    );
    expect(summary).toMatchObject({ status: 'completed', deviated: false });
    expect(summary.runId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
