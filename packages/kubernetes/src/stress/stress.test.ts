import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { stressNode } from './stress-node.js';
import { deleteStressPod } from './delete-stress-pod.js';
import { stressNgArgs } from './stress-ng-args.js';

const { server, context } = await kubeTestCluster({ reconcile: { unpullableImages: ['registry.local/missing:1'] } });
afterAll(() => server.close());
server.store.put(fakeObjects.node('worker-1'));
server.store.put(fakeObjects.node('worker-2', { unschedulable: true }));
const stressPods = () => server.store.list('pods', { labelSelector: 'faultline.io/fault=stress-node' }).items;

describe('stress_node', () => {
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('turns the seed stressors into stress-ng arguments with a self-limiting timeout', () => {
    expect(stressNgArgs(['cpu:4'], 60)).toEqual(['--cpu', '4', '--timeout', '60s', '--metrics-brief']);
    expect(stressNgArgs(['vm:2', 'vm-bytes:256M', 'io'], 1.5)).toEqual([
      '--vm',
      '2',
      '--vm-bytes',
      '256M',
      '--io',
      '0',
      '--timeout',
      '2s',
      '--metrics-brief',
    ]);
    expect(() => stressNgArgs(['cpu; rm -rf /'], 1)).toThrow(/not understood/);
  });

  it('runs a stress-ng pod pinned to the node for the duration, then deletes it', async () => {
    const ctx = context({ kubernetes: { stress_image: 'registry.local/stress-ng:1' } });
    const running = stressNode.run(
      stressNode.arguments.parse({
        node_name: 'worker-2',
        stressors: ['cpu:4'],
        duration: '1s',
        resources: { limits: { cpu: 1, memory: '64Mi' } },
      }),
      ctx,
    );
    await until(() => stressPods().length === 1);
    const seenDuring = stressPods();
    const result = (await running) as { pod: string; phase: string };
    expect(seenDuring).toHaveLength(1);
    const pod = seenDuring[0] as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { nodeName: string; tolerations: unknown[]; containers: Array<{ image: string; args: string[] }> };
    };
    expect(pod.spec.nodeName).toBe('worker-2');
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pod.spec.containers[0]).toMatchObject({
      image: 'registry.local/stress-ng:1',
      args: ['--cpu', '4', '--timeout', '1s', '--metrics-brief'],
      resources: { limits: { cpu: '1', memory: '64Mi' } },
      securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    });
    expect(pod.metadata.labels['faultline.io/run-id']).toBe('run-1234');
    expect(result).toMatchObject({ pod: pod.metadata.name, phase: 'Running' });
    expect(stressPods()).toEqual([]);
    // The revert was registered before the pod was created, then marked done by the activity.
    expect(ctx.reverts).toEqual([
      expect.objectContaining({
        func: 'delete_stress_pod',
        arguments: { name: pod.metadata.name, ns: 'default' },
        done: true,
      }),
    ]);
    const create = server.requestsMatching('POST', '/api/v1/namespaces/default/pods')[0]!;
    expect((create.body as { metadata: { name: string } }).metadata.name).toBe(pod.metadata.name);
  });

  it('deletes the pod at once when interrupted, and the revert is idempotent', async () => {
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal });
    const running = stressNode.run(
      stressNode.arguments.parse({ node_name: 'worker-1', stressors: 'cpu:1', duration: 60 }),
      ctx,
    );
    await until(() => stressPods().length === 1);
    controller.abort(new Error('interrupted'));
    await expect(running).rejects.toThrow('interrupted');
    expect(stressPods()).toEqual([]);
    const revert = ctx.reverts[0]!;
    expect(await deleteStressPod.run(deleteStressPod.arguments.parse(revert.arguments), context())).toMatchObject({
      deleted: false,
    });
  });

  it('dry-run reports the pod it would run; an unknown node fails before anything is created', async () => {
    const ctx = context({ dryRun: true });
    expect(
      await stressNode.run(
        stressNode.arguments.parse({ node_name: 'worker-1', stressors: ['cpu:2'], duration: 5 }),
        ctx,
      ),
    ).toMatchObject({ dryRun: true, args: ['--cpu', '2', '--timeout', '5s', '--metrics-brief'] });
    await expect(
      stressNode.run(stressNode.arguments.parse({ node_name: 'ghost', duration: 1 }), context()),
    ).rejects.toThrow(/nodes "ghost" not found/);
    expect(server.requestsMatching('POST', '/api/v1/namespaces/default/pods')).toHaveLength(0);
  });

  it('passes Pod Security restricted where a namespace enforces it', async () => {
    server.store.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'locked', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });
    // What the API refuses there: a pod without the restricted security context.
    const refused = await fetch(`${server.url}/api/v1/namespaces/locked/pods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer fake-token' },
      body: JSON.stringify({ metadata: { name: 'plain' }, spec: { containers: [{ name: 'a', image: 'busybox' }] } }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/,
    );
    const result = await stressNode.run(
      stressNode.arguments.parse({ node_name: 'worker-1', duration: 0.2, ns: 'locked' }),
      context(),
    );
    expect(result).toMatchObject({ phase: 'Running', ns: 'locked' });
  });

  it('fails, saying why, when the stress container never starts, and removes the pod', async () => {
    const ctx = context({ kubernetes: { stress_image: 'registry.local/missing:1' } });
    await expect(
      stressNode.run(stressNode.arguments.parse({ node_name: 'worker-1', duration: 30 }), ctx),
    ).rejects.toThrow(/never started, so no stress was applied: ImagePullBackOff/);
    expect(stressPods()).toEqual([]);
    expect(ctx.reverts).toEqual([expect.objectContaining({ func: 'delete_stress_pod', done: true })]);
  });
});
