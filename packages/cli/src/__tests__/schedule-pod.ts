import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { V1CronJob, V1PodSpec } from '@kubernetes/client-node';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import {
  experimentMountPath,
  lastResultAnnotation,
  renderSchedule,
  type PolicyRule,
} from '@faultline/kubernetes/schedule';
import type { selfSignedCert } from '@faultline/core/testing';
import {
  fakeObjects,
  startFakeApiServer,
  type FakeApiServer,
  type KubeObject,
  type RequestAttributes,
} from '@faultline/kubernetes/testing';
import { tempDir } from './cli-harness.js';

// A scheduled experiment and the pod that runs it, shared by the tests that run a schedule's Job
// on this machine (from the workspace, and from the image's tree as the image's user).

/** Kills one checkout pod, its hypothesis being that checkout's pods are healthy. */
export const experiment = {
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
export const killingOne = (app: string, title = experiment.title) => ({
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
export const scheduleOf = (name: string, scheduled: typeof experiment) =>
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
export function authorizerFor(objects: readonly KubeObject[], namespace: string) {
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

/** The spec of the pod a rendered schedule's CronJob starts. */
export function podSpecOf(objects: readonly KubeObject[]): V1PodSpec {
  const cronJob = objects.find((object) => object.kind === 'CronJob') as unknown as V1CronJob;
  return cronJob.spec!.jobTemplate.spec!.template.spec!;
}

/**
 * The pod of a rendered schedule, on this machine: the ConfigMap's files where it is mounted, an
 * emptyDir as working directory, the service account's token, CA and namespace, the kubelet's
 * service environment and the container's own, and its command with the mount path mapped; all in `root`.
 */
export function podFor(
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
  const container = podSpecOf(objects).containers[0]!;
  expect(container.command).toEqual(['faultline']);
  const env: Record<string, string> = {
    KUBERNETES_SERVICE_HOST: '127.0.0.1',
    KUBERNETES_SERVICE_PORT: new URL(server.url).port,
    FAULTLINE_SERVICEACCOUNT_ROOT: serviceAccount,
    HOSTNAME: 'faultline-checkout-29000000-abcde',
    KUBECONFIG: join(root, 'no-kubeconfig'),
  };
  // The downward API gives the namespace; a secretKeyRef the Secret's value.
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    env[variable.name] = ref ? secrets[`${ref.name}/${ref.key}`]! : variable.valueFrom ? 'chaos' : variable.value!;
  }
  const args = (container.args ?? []).map((arg) => arg.replace(experimentMountPath, mount));
  return { args, env, mount, workDir, root };
}

/** The cluster the Jobs run in: namespaces chaos and shop, two checkout pods, three search, two cart. */
export function startShopApiServer(tls: ReturnType<typeof selfSignedCert>): Promise<FakeApiServer> {
  return startFakeApiServer({
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
}

/** The shop's pods matching a selector; a deleted pod stays Terminating for its grace period, as on a real cluster: not counted. */
export const livePods = (server: FakeApiServer, labelSelector: string) =>
  server.store
    .list('pods', { namespace: 'shop', labelSelector })
    .items.filter((pod) => !pod.metadata?.deletionTimestamp);

/** The summary the last run of a schedule left on its ConfigMap (what `schedule list` shows). */
export const lastResultOf = (server: FakeApiServer, schedule: string) =>
  JSON.parse(
    server.store.get('configmaps', 'chaos', `faultline-${schedule}`)!.metadata!.annotations![lastResultAnnotation]!,
  );
