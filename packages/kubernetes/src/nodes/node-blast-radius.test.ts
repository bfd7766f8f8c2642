import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects } from '../testing/index.js';
import { SafetyRefusedError } from '../safety/safety-refused-error.js';
import { cordonNode } from './cordon-node.js';
import { taintNodes } from './taint-nodes.js';
import { untaintNodes } from './untaint-nodes.js';
import { drainNodes } from './drain-nodes.js';

// Blast-radius caps of the node faults: max_nodes and max_node_percentage (of the cluster's nodes),
// from the settings file or configuration.faultline_kubernetes; no cap unless one is set.
const { server, context } = await kubeTestCluster({ reconcile: false });
afterAll(() => server.close());

const spec = (name: string) =>
  server.store.get('nodes', undefined, name)!['spec'] as { unschedulable?: boolean; taints?: unknown[] };
const zoneA = 'topology.kubernetes.io/zone=us-west-2a';
const region = 'topology.kubernetes.io/region=us-west-2';

beforeEach(() => {
  for (const item of server.store.list('nodes').items) server.store.delete('nodes', undefined, item.metadata!.name!);
  for (const [name, zone] of [
    ['worker-1', 'us-west-2a'],
    ['worker-2', 'us-west-2a'],
    ['worker-3', 'us-west-2b'],
  ] as const) {
    server.store.put(
      fakeObjects.node(name, {
        labels: { 'topology.kubernetes.io/zone': zone, 'topology.kubernetes.io/region': 'us-west-2' },
      }),
    );
  }
  server.requests.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<SafetyRefusedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SafetyRefusedError);
  return error as SafetyRefusedError;
}

describe('node blast-radius caps', () => {
  it('without a cap, the seed zone cordon (2 nodes) goes ahead and says no cap is configured', async () => {
    const result = (await cordonNode.run(cordonNode.arguments.parse({ label_selector: zoneA }), context())) as {
      changed: string[];
      safety: Array<{ check: string; outcome: string; detail: string }>;
    };
    expect(result.changed).toEqual(['worker-1', 'worker-2']);
    expect(result.safety).toContainEqual({
      check: 'blast-radius',
      outcome: 'allowed',
      detail: '2 nodes selected (no node cap configured)',
    });
  });

  it('max_nodes refuses to cordon a zone of more nodes before any change, with a hint', async () => {
    const ctx = context({ kubernetes: { max_nodes: 1 } });
    const error = await refusal(
      cordonNode.run(cordonNode.arguments.parse({ label_selector: zoneA }), ctx) as Promise<unknown>,
    );
    expect(error.code).toBe('E_K8S_SAFETY');
    expect(error.message).toBe(
      'cordon_node refused by the blast-radius guard: 2 nodes selected (worker-1, worker-2) but max_nodes is 1',
    );
    expect(error.hint).toMatch(/raise kubernetes\.max_nodes/);
    expect(error.decisions).toContainEqual(expect.objectContaining({ check: 'blast-radius', outcome: 'refused' }));
    expect(server.requestsMatching('PATCH', '/api/v1/nodes')).toEqual([]);
    expect(ctx.reverts).toEqual([]);
    expect([spec('worker-1').unschedulable, spec('worker-2').unschedulable]).toEqual([undefined, undefined]);
    expect(ctx.logs.some((line) => /safety blast-radius refused/.test(line.message))).toBe(true);
  });

  it("max_node_percentage (a per-experiment override) counts the cluster's nodes page by page", async () => {
    const kubernetes = { page_size: 2 };
    const configuration = { faultline_kubernetes: { max_node_percentage: 50 } };
    const error = await refusal(
      cordonNode.run(
        cordonNode.arguments.parse({ label_selector: zoneA }),
        context({ kubernetes, configuration }),
      ) as Promise<unknown>,
    );
    expect(error.message).toMatch(
      /2 of the cluster's 3 nodes \(67%\) selected \(worker-1, worker-2\) but max_node_percentage is 50%/,
    );
    // The count was paginated (limit 2, then continue); the selection (by label) is listed apart.
    const counts = server
      .requestsMatching('GET', '/api/v1/nodes')
      .filter((request) => request.query['limit'] === '2' && !request.query['labelSelector']);
    expect(counts.length).toBe(2);
    const allowed = (await cordonNode.run(
      cordonNode.arguments.parse({ name: 'worker-3' }),
      context({ kubernetes, configuration }),
    )) as { safety: Array<{ check: string; outcome: string; detail: string }> };
    expect(allowed.safety).toContainEqual({
      check: 'blast-radius',
      outcome: 'allowed',
      detail: '1 of 3 nodes selected (within max_node_percentage 50%)',
    });
    expect(spec('worker-3').unschedulable).toBe(true);
  });

  it('refuses in dry-run too, so --dry shows what a real run would do', async () => {
    const error = await refusal(
      cordonNode.run(
        cordonNode.arguments.parse({ label_selector: zoneA }),
        context({ dryRun: true, kubernetes: { max_nodes: 1 } }),
      ) as Promise<unknown>,
    );
    expect(error.message).toMatch(/max_nodes is 1/);
    const dry = (await cordonNode.run(
      cordonNode.arguments.parse({ label_selector: zoneA }),
      context({ dryRun: true, kubernetes: { max_nodes: 2 } }),
    )) as { dryRun: boolean; safety: Array<{ check: string; detail: string }> };
    expect(dry.dryRun).toBe(true);
    expect(dry.safety.map((decision) => decision.check)).toEqual(['blast-radius', 'dry-run']);
    expect(dry.safety[0]!.detail).toBe('2 nodes selected (within max_nodes 2)');
  });

  it('caps taint_nodes and drain_nodes as well, before anything changes', async () => {
    const taint = await refusal(
      taintNodes.run(
        taintNodes.arguments.parse({
          label_selector: region,
          key: 'simulated-failure',
          value: 'true',
          effect: 'NoExecute',
        }),
        context({ kubernetes: { max_nodes: 2 } }),
      ) as Promise<unknown>,
    );
    expect(taint.message).toMatch(/^taint_nodes refused by the blast-radius guard: 3 nodes selected/);
    const drain = await refusal(
      drainNodes.run(
        drainNodes.arguments.parse({ label_selector: zoneA }),
        context({ kubernetes: { max_node_percentage: 34 } }),
      ) as Promise<unknown>,
    );
    expect(drain.message).toMatch(/^drain_nodes refused by the blast-radius guard: 2 of the cluster's 3 nodes/);
    expect(server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(['worker-1', 'worker-2', 'worker-3'].map((name) => [spec(name).unschedulable, spec(name).taints])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    // Within the cap, drain goes ahead (no pods on the nodes here).
    const drained = (await drainNodes.run(
      drainNodes.arguments.parse({ name: 'worker-3' }),
      context({ kubernetes: { max_node_percentage: 34 } }),
    )) as { safety: Array<{ check: string; outcome: string }> };
    expect(drained.safety).toContainEqual(expect.objectContaining({ check: 'blast-radius', outcome: 'allowed' }));
    expect(spec('worker-3').unschedulable).toBe(true);
  });

  it('a revert (untaint → taint back) is never refused by the caps: it restores a prior state', async () => {
    for (const name of ['worker-1', 'worker-2', 'worker-3'])
      server.store.update('nodes', undefined, name, (item) => {
        (item['spec'] as Record<string, unknown>)['taints'] = [
          { key: 'maintenance', value: 'yes', effect: 'NoSchedule' },
        ];
      });
    const ctx = context({ kubernetes: { max_nodes: 1 } });
    // untaint_nodes is not capped (it takes a fault away); its reverts put the taint back per node.
    await untaintNodes.run(
      untaintNodes.arguments.parse({ label_selector: region, key: 'maintenance', effect: 'NoSchedule' }),
      ctx,
    );
    expect(ctx.reverts.map((revert) => revert.arguments)).toEqual(
      ['worker-1', 'worker-2', 'worker-3'].map((name) => ({
        name,
        key: 'maintenance',
        effect: 'NoSchedule',
        value: 'yes',
        _faultline_revert: true,
      })),
    );
    // Even with a percentage cap one node (33%) would break, the reverts run.
    for (const revert of ctx.reverts)
      await taintNodes.run(
        taintNodes.arguments.parse(revert.arguments),
        context({ kubernetes: { max_node_percentage: 10 }, isRevert: true }),
      );
    expect(['worker-1', 'worker-2', 'worker-3'].map((name) => spec(name).taints)).toEqual(
      [1, 2, 3].map(() => [{ key: 'maintenance', value: 'yes', effect: 'NoSchedule' }]),
    );
  });

  it('an experiment cannot skip the caps by passing the revert flag itself', async () => {
    const error = await refusal(
      cordonNode.run(
        cordonNode.arguments.parse({ label_selector: zoneA, _faultline_revert: true }),
        context({ kubernetes: { max_nodes: 1 } }),
      ) as Promise<unknown>,
    );
    expect(error.code).toBe('E_K8S_SAFETY');
  });

  it('rejects a cap that is not a number, naming the key', async () => {
    await expect(
      cordonNode.run(
        cordonNode.arguments.parse({ label_selector: zoneA }),
        context({ kubernetes: { max_nodes: 'a few' } }),
      ),
    ).rejects.toThrow(/settings\.kubernetes\.maxNodes must be a non-negative number/);
  });
});
