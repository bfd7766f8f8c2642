import * as k8s from '@kubernetes/client-node';
import { ConfigMap, ServiceAccount } from 'kubernetes-models/v1';
import { CronJob } from 'kubernetes-models/batch/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { experimentPermissions } from '../doctor/experiment-permissions.js';
import { startFakeApiServer, type FakeApiServer, type KubeObject } from '../testing/index.js';
import {
  applySchedule,
  configMapRecorder,
  deleteSchedule,
  lastResultAnnotation,
  listSchedules,
  nextCronRun,
  renderSchedule,
  scheduleLabel,
  stopAllSchedules,
  type PolicyRule,
  type ScheduleSpec,
} from './index.js';

const experiment = {
  version: '1.0.0',
  title: 'checkout survives a pod loss',
  description: 'kill one checkout pod',
  'steady-state-hypothesis': {
    title: 'healthy',
    probes: [
      {
        type: 'probe',
        name: 'nodes-ok',
        tolerance: true,
        provider: { type: 'python', module: 'chaosk8s.node.probes', func: 'nodes_must_be_healthy' },
      },
    ],
  },
  method: [
    {
      type: 'action',
      name: 'kill-checkout',
      provider: {
        type: 'python',
        module: 'chaosk8s.pod.actions',
        func: 'terminate_pods',
        arguments: { ns: 'shop', label_selector: 'app=checkout', qty: 1 },
      },
    },
  ],
};

function spec(overrides: Partial<ScheduleSpec> = {}): ScheduleSpec {
  return {
    name: 'checkout',
    namespace: 'chaos',
    cron: '0 10 * * 1-5',
    files: { 'experiment.yaml': stringify(experiment) },
    entry: { kind: 'experiment', file: 'experiment.yaml' },
    experiments: [experiment],
    maxDurationSeconds: 600,
    image: 'ghcr.io/example/faultline:0.1.0',
    ...overrides,
  };
}

const models: Record<string, new (data: never) => { validate(): void }> = {
  ServiceAccount,
  ConfigMap,
  Role,
  RoleBinding,
  ClusterRole,
  ClusterRoleBinding,
  CronJob,
} as never;

const byKind = (objects: KubeObject[], kind: string, namespace?: string) =>
  objects.filter((object) => object.kind === kind && (!namespace || object.metadata?.namespace === namespace));

describe('renderSchedule', () => {
  it('renders objects that pass the official schemas', async () => {
    const { objects, unknownActivities } = await renderSchedule(spec());
    expect(unknownActivities).toEqual([]);
    expect(objects.map((object) => object.kind)).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'Role',
      'RoleBinding',
      'Role',
      'RoleBinding',
      'ClusterRole',
      'ClusterRoleBinding',
      'CronJob',
    ]);
    for (const object of objects) expect(() => new models[object.kind!]!(object as never).validate()).not.toThrow();
    // The checker itself refuses a broken object.
    const broken = { ...byKind(objects, 'CronJob')[0], spec: { schedule: 5 } };
    expect(() => new CronJob(broken as never).validate()).toThrow();
  });

  it('renders a CronJob whose pod passes Pod Security restricted', async () => {
    const { objects } = await renderSchedule(spec({ timeZone: 'Europe/Paris' }));
    const cronJob = byKind(objects, 'CronJob')[0] as KubeObject & { spec: Record<string, any> };
    expect(cronJob.spec).toMatchObject({
      schedule: '0 10 * * 1-5',
      timeZone: 'Europe/Paris',
      concurrencyPolicy: 'Forbid',
    });
    const job = cronJob.spec['jobTemplate'].spec;
    expect(job.activeDeadlineSeconds).toBeGreaterThan(600);
    expect(job.backoffLimit).toBe(0);
    const pod = job.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.hostNetwork ?? false).toBe(false);
    for (const container of pod.containers) {
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      expect(container.args).toEqual(['schedule', 'job', '/etc/faultline/experiment.yaml', '--max-duration', '600s']);
    }
    // restricted allows only these volume types
    for (const volume of pod.volumes)
      expect(Object.keys(volume).filter((key) => key !== 'name')).toEqual([
        expect.stringMatching(/^(configMap|emptyDir)$/),
      ]);
  });

  it('grants exactly what the activities need, plus the summary write on its own ConfigMap', async () => {
    const { objects } = await renderSchedule(spec());
    const granted = new Set<string>();
    const subjects = new Set<string>();
    for (const role of [...byKind(objects, 'Role'), ...byKind(objects, 'ClusterRole')]) {
      for (const rule of role['rules'] as PolicyRule[])
        for (const group of rule.apiGroups)
          for (const resource of rule.resources)
            for (const verb of rule.verbs)
              granted.add(
                [verb, group, resource, role.metadata?.namespace ?? '*', (rule.resourceNames ?? []).join()].join(' '),
              );
    }
    for (const binding of [...byKind(objects, 'RoleBinding'), ...byKind(objects, 'ClusterRoleBinding')]) {
      expect((binding['roleRef'] as { name: string }).name).toBe(binding.metadata?.name);
      subjects.add(JSON.stringify(binding['subjects']));
    }
    const needed = experimentPermissions(experiment).needed.map((p) =>
      [p.verb, p.group, p.subresource ? `${p.resource}/${p.subresource}` : p.resource, p.namespace ?? '*', ''].join(
        ' ',
      ),
    );
    expect([...granted].sort()).toEqual(
      [...needed, 'get  configmaps chaos faultline-checkout', 'patch  configmaps chaos faultline-checkout'].sort(),
    );
    expect([...subjects]).toEqual([
      JSON.stringify([{ kind: 'ServiceAccount', name: 'faultline-checkout', namespace: 'chaos' }]),
    ]);
  });

  it('refuses a bad cron expression, name or duration', async () => {
    await expect(renderSchedule(spec({ cron: '0 0 10 * * *' }))).rejects.toThrow(/5 fields/);
    await expect(renderSchedule(spec({ cron: '61 * * * *' }))).rejects.toThrow(/invalid cron/);
    await expect(renderSchedule(spec({ timeZone: 'Mars/Olympus' }))).rejects.toThrow(/invalid cron/);
    await expect(renderSchedule(spec({ name: 'Checkout_1' }))).rejects.toThrow(/invalid schedule name/);
    await expect(renderSchedule(spec({ maxDurationSeconds: 0 }))).rejects.toThrow(/max duration/);
    await expect(renderSchedule(spec({ cron: '@hourly' }))).resolves.toBeDefined();
  });
});

describe('schedules against the fake API server', () => {
  let server: FakeApiServer;
  let objects: k8s.KubernetesObjectApi;
  const labelled = () =>
    ['cronjobs', 'batch/jobs', 'configmaps', 'serviceaccounts'].flatMap(
      (plural) =>
        server.store.list(plural.includes('/') ? plural : plural === 'cronjobs' ? 'batch/cronjobs' : plural, {
          labelSelector: 'app.kubernetes.io/managed-by=faultline',
        }).items,
    );
  const rbacObjects = () =>
    ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].flatMap(
      (plural) => server.store.list(`rbac.authorization.k8s.io/${plural}`).items,
    );

  // A fresh cluster per test: each counts every Faultline object in it.
  beforeEach(async () => {
    server = await startFakeApiServer({
      reconcile: false,
      objects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unrelated', namespace: 'chaos' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      ],
    });
    objects = k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig);
  });
  afterEach(async () => {
    await server.close();
  });

  it('applies idempotently, keeps the last result, prunes what is no longer rendered, deletes exactly its objects', async () => {
    const schedule = { name: 'checkout', namespace: 'chaos' };
    const first = await applySchedule(objects, schedule, (await renderSchedule(spec())).objects);
    expect(first.map((entry) => entry.action)).toEqual(Array(9).fill('created'));
    const versions = () =>
      [...labelled(), ...rbacObjects()]
        .map((object) => `${object.kind}/${object.metadata?.name}@${object.metadata?.resourceVersion}`)
        .sort();
    const before = versions();
    const writes = server.requests.filter((request) => request.method !== 'GET').length;
    const second = await applySchedule(objects, schedule, (await renderSchedule(spec())).objects);
    expect(second.map((entry) => entry.action)).toEqual(Array(9).fill('unchanged'));
    expect(versions()).toEqual(before);
    expect(server.requests.filter((request) => request.method !== 'GET').length).toBe(writes);

    // The Job's summary survives a re-apply that changes the schedule.
    await configMapRecorder(objects, k8s, { name: 'faultline-checkout', namespace: 'chaos' })(
      { status: 'completed', deviated: false, runId: 'r1' },
      {},
    );
    const noNodes = { ...experiment, 'steady-state-hypothesis': undefined };
    const third = await applySchedule(
      objects,
      schedule,
      (
        await renderSchedule(
          spec({
            cron: '*/5 * * * *',
            files: { 'experiment.json': JSON.stringify(noNodes) },
            entry: { kind: 'experiment', file: 'experiment.json' },
            experiments: [noNodes],
          }),
        )
      ).objects,
    );
    expect(
      third
        .filter((entry) => entry.action !== 'unchanged')
        .map((e) => `${e.action} ${e.kind}`)
        .sort(),
    ).toEqual(['deleted ClusterRole', 'deleted ClusterRoleBinding', 'updated ConfigMap', 'updated CronJob']);
    const configMap = server.store.get('configmaps', 'chaos', 'faultline-checkout')!;
    expect(JSON.parse(configMap.metadata!.annotations![lastResultAnnotation]!)).toMatchObject({ runId: 'r1' });
    expect(Object.keys(configMap['data'] as object)).toEqual(['experiment.json']);

    const deleted = await deleteSchedule(objects, schedule);
    expect(deleted).toHaveLength(7);
    expect(labelled()).toEqual([]);
    expect(rbacObjects()).toEqual([]);
    expect(server.store.get('configmaps', 'chaos', 'unrelated')).toBeDefined();
  });

  it('lists schedules with state, next run and last result; stop-all suspends them and deletes running Jobs in the foreground', async () => {
    for (const name of ['a', 'b'])
      await applySchedule(objects, { name, namespace: 'chaos' }, (await renderSchedule(spec({ name }))).objects);
    await configMapRecorder(objects, k8s, { name: 'faultline-a', namespace: 'chaos' })(
      { status: 'deviated', deviated: true, runId: 'r2' },
      {},
    );
    const job = (name: string, status: Record<string, unknown>): KubeObject => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: 'chaos',
        labels: { 'app.kubernetes.io/managed-by': 'faultline', [scheduleLabel]: 'a' },
      },
      spec: { template: { spec: { containers: [] } } },
      status,
    });
    server.store.create('batch/jobs', 'chaos', job('a-running', { active: 1 }));
    server.store.create(
      'batch/jobs',
      'chaos',
      job('a-done', { succeeded: 1, completionTime: new Date().toISOString() }),
    );
    server.store.create('batch/jobs', 'chaos', {
      ...job('someone-elses', { active: 1 }),
      metadata: { name: 'someone-elses', namespace: 'chaos' },
    });

    const now = new Date('2026-12-04T12:00:00Z');
    const listed = await listSchedules(objects, { namespace: 'chaos', now });
    expect(listed.map((s) => [s.name, s.state, s.lastResult?.status])).toEqual([
      ['a', 'idle', 'deviated'],
      ['b', 'idle', undefined],
    ]);
    expect(listed[0]!.nextRun).toBe((await nextCronRun('0 10 * * 1-5', undefined, now))!.toISOString());

    const stopped = await stopAllSchedules(objects, k8s);
    expect(stopped).toEqual({
      suspended: ['chaos/faultline-a', 'chaos/faultline-b'],
      deletedJobs: ['chaos/a-running'],
    });
    const deletes = server.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith('/jobs/a-running'));
    expect(deletes).toHaveLength(1);
    expect(JSON.stringify([deletes[0]!.query, deletes[0]!.body])).toContain('Foreground');
    expect(server.store.get('batch/jobs', 'chaos', 'a-done')).toBeDefined();
    expect(server.store.get('batch/jobs', 'chaos', 'someone-elses')).toBeDefined();
    const after = await listSchedules(objects, { namespace: 'chaos', now });
    expect(after.map((s) => [s.state, s.nextRun])).toEqual([
      ['suspended', undefined],
      ['suspended', undefined],
    ]);
    // Re-applying the schedule resumes it.
    const resumed = await applySchedule(
      objects,
      { name: 'a', namespace: 'chaos' },
      (await renderSchedule(spec({ name: 'a' }))).objects,
    );
    expect(
      resumed.filter((entry) => entry.action !== 'unchanged').map((entry) => `${entry.action} ${entry.kind}`),
    ).toEqual(['updated CronJob']);
    expect((await listSchedules(objects, { namespace: 'chaos', now })).map((s) => s.state)).toEqual([
      'idle',
      'suspended',
    ]);
  });
});
